//! ECMA-402 digit options (SetNumberFormatDigitOptions) and the rounding
//! they ask for, applied to an exact decimal.

use fixed_decimal::{Decimal, FloatPrecision, SignedRoundingMode, UnsignedRoundingMode};

use crate::IntlError;

/// Resolved digit options: either fraction digits or significant digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digits {
    /// `minimumIntegerDigits` (1..=21).
    pub min_integer: u8,
    /// `minimumFractionDigits`/`maximumFractionDigits` when no significant
    /// digits were asked for.
    pub fraction: Option<(u8, u8)>,
    /// `minimumSignificantDigits`/`maximumSignificantDigits`.
    pub significant: Option<(u8, u8)>,
}

/// The digit options as the page passed them (unset is `None`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DigitRequest {
    /// `minimumIntegerDigits`.
    pub min_integer: Option<u8>,
    /// `minimumFractionDigits`.
    pub min_fraction: Option<u8>,
    /// `maximumFractionDigits`.
    pub max_fraction: Option<u8>,
    /// `minimumSignificantDigits`.
    pub min_significant: Option<u8>,
    /// `maximumSignificantDigits`.
    pub max_significant: Option<u8>,
}

impl DigitRequest {
    /// Whether the page asked for any fraction or significant digits.
    pub fn is_empty(&self) -> bool {
        self.min_fraction.is_none()
            && self.max_fraction.is_none()
            && self.min_significant.is_none()
            && self.max_significant.is_none()
    }
}

fn check(value: Option<u8>, lo: u8, hi: u8, name: &str) -> Result<Option<u8>, IntlError> {
    match value {
        Some(v) if v < lo || v > hi => {
            Err(IntlError::Range(format!("{name} value is out of range.")))
        }
        v => Ok(v),
    }
}

impl Digits {
    /// Resolves the request against the style's default fraction digits
    /// (`mnfdDefault`, `mxfdDefault`) as ECMA-402 does.
    pub fn resolve(req: DigitRequest, default_min: u8, default_max: u8) -> Result<Self, IntlError> {
        let min_integer = check(req.min_integer, 1, 21, "minimumIntegerDigits")?.unwrap_or(1);
        let min_sig = check(req.min_significant, 1, 21, "minimumSignificantDigits")?;
        let max_sig = check(req.max_significant, 1, 21, "maximumSignificantDigits")?;
        if min_sig.is_some() || max_sig.is_some() {
            let lo = min_sig.unwrap_or(1);
            let hi = max_sig.unwrap_or(21);
            if lo > hi {
                return Err(IntlError::Range(
                    "maximumSignificantDigits value is out of range.".into(),
                ));
            }
            return Ok(Digits {
                min_integer,
                fraction: None,
                significant: Some((lo, hi)),
            });
        }
        let min_frac = check(req.min_fraction, 0, 100, "minimumFractionDigits")?;
        let max_frac = check(req.max_fraction, 0, 100, "maximumFractionDigits")?;
        let (lo, hi) = match (min_frac, max_frac) {
            (None, None) => (default_min, default_max),
            (Some(lo), None) => (lo, lo.max(default_max)),
            (None, Some(hi)) => (default_min.min(hi), hi),
            (Some(lo), Some(hi)) => {
                if lo > hi {
                    return Err(IntlError::Range(
                        "maximumFractionDigits value is out of range.".into(),
                    ));
                }
                (lo, hi)
            }
        };
        Ok(Digits {
            min_integer,
            fraction: Some((lo, hi)),
            significant: None,
        })
    }

    /// The decimal as these digits show it: rounded half away from zero,
    /// padded with zeros, integer digits padded on the left.
    pub fn apply(&self, mut value: Decimal) -> Decimal {
        let half_expand = SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand);
        if let Some((lo, hi)) = self.significant {
            if !value.absolute.is_zero() {
                let top = value.absolute.nonzero_magnitude_start();
                value.round_with_mode(top - i16::from(hi) + 1, half_expand);
                value.absolute.trim_end();
                let top = value.absolute.nonzero_magnitude_start();
                value.absolute.pad_end(top - i16::from(lo) + 1);
            } else {
                value.absolute.pad_end(1 - i16::from(lo));
            }
        } else if let Some((lo, hi)) = self.fraction {
            value.round_with_mode(-i16::from(hi), half_expand);
            value.absolute.trim_end();
            value.absolute.pad_end(-i16::from(lo));
        }
        value.absolute.pad_start(i16::from(self.min_integer));
        value
    }
}

/// The exact decimal a JS number prints as (its shortest round-trip form,
/// which is what ICU formats).
pub(crate) fn decimal_of(x: f64) -> Option<Decimal> {
    let mut d = Decimal::try_from_f64(x, FloatPrecision::RoundTrip).ok()?;
    if x == 0.0 && x.is_sign_negative() {
        d.sign = fixed_decimal::Sign::Negative;
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(d: Digits, x: f64) -> String {
        d.apply(decimal_of(x).unwrap()).to_string()
    }

    #[test]
    fn default_decimal_digits_round_to_three_places_half_away_from_zero() {
        let d = Digits::resolve(DigitRequest::default(), 0, 3).unwrap();
        assert_eq!(apply(d, 1.0005), "1.001");
        assert_eq!(apply(d, 1299.5), "1299.5");
        assert_eq!(apply(d, -2.5), "-2.5");
    }

    #[test]
    fn minimum_fraction_digits_pad_and_raise_the_maximum() {
        let req = DigitRequest {
            min_fraction: Some(5),
            ..Default::default()
        };
        let d = Digits::resolve(req, 0, 3).unwrap();
        assert_eq!(d.fraction, Some((5, 5)));
        assert_eq!(apply(d, 1.5), "1.50000");
    }

    #[test]
    fn significant_digits_take_precedence() {
        let req = DigitRequest {
            max_significant: Some(3),
            min_fraction: Some(2),
            ..Default::default()
        };
        let d = Digits::resolve(req, 0, 3).unwrap();
        assert_eq!(apply(d, 123456.0), "123000");
        assert_eq!(apply(d, 0.012345), "0.0123");
    }

    #[test]
    fn out_of_range_digit_options_are_range_errors() {
        let req = DigitRequest {
            min_fraction: Some(3),
            max_fraction: Some(1),
            ..Default::default()
        };
        assert!(matches!(
            Digits::resolve(req, 0, 3),
            Err(IntlError::Range(_))
        ));
        let req = DigitRequest {
            max_fraction: Some(101),
            ..Default::default()
        };
        assert!(Digits::resolve(req, 0, 3).is_err());
        let req = DigitRequest {
            min_significant: Some(0),
            ..Default::default()
        };
        assert!(Digits::resolve(req, 0, 3).is_err());
    }
}
