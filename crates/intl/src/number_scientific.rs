//! `notation: "scientific"` and `"engineering"`: the value as a mantissa
//! in the locale's decimal format and a power of ten (`1.235E5`,
//! `123.456E-6`), the digit options rounding the mantissa.

use fixed_decimal::{Decimal, SignDisplay};
use icu_decimal::DecimalFormatter;

use crate::FormattedPart;
use crate::number_digits::Digits;
use crate::number_parts::NumberParts;

/// CLDR's exponential symbol for the Latin digits of every shipped
/// locale (zh and en); ICU4X's decimal symbols do not carry it.
const EXPONENT_SEPARATOR: &str = "E";

/// The mantissa (rounded by `digits`) and exponent of `value`; the
/// exponent is a multiple of 3 when `engineering`.
fn split(value: &Decimal, digits: &Digits, engineering: bool) -> (Decimal, i16) {
    if value.absolute.is_zero() {
        return (digits.apply(value.clone()), 0);
    }
    let exponent_for = |magnitude: i16| {
        if engineering {
            magnitude.div_euclid(3) * 3
        } else {
            magnitude
        }
    };
    let mut exponent = exponent_for(value.absolute.nonzero_magnitude_start());
    let scaled = |e: i16| {
        let mut m = value.clone();
        m.multiply_pow10(-e);
        digits.apply(m)
    };
    let mut mantissa = scaled(exponent);
    // Rounding can carry into the next power (9.9996 → 10.000).
    let top = if engineering { 2 } else { 0 };
    if !mantissa.absolute.is_zero() && mantissa.absolute.nonzero_magnitude_start() > top {
        exponent = exponent_for(mantissa.absolute.nonzero_magnitude_start() + exponent);
        mantissa = scaled(exponent);
    }
    (mantissa, exponent)
}

/// The parts of `value` in scientific or engineering notation.
pub(crate) fn parts(
    formatter: &DecimalFormatter,
    value: &Decimal,
    digits: &Digits,
    engineering: bool,
    sign_display: SignDisplay,
) -> Vec<FormattedPart> {
    let (mut mantissa, exponent) = split(value, digits, engineering);
    if sign_display != SignDisplay::Auto {
        mantissa.apply_sign_display(sign_display);
    }
    let mut parts = NumberParts::of(&formatter.format(&mantissa), "literal");
    parts.push(FormattedPart {
        kind: "exponentSeparator",
        value: EXPONENT_SEPARATOR.into(),
    });
    if exponent < 0 {
        // The locale's minus sign, as the mantissa's.
        let minus = NumberParts::of(&formatter.format(&Decimal::from(-1)), "literal")
            .into_iter()
            .find(|p| p.kind == "minusSign")
            .map_or_else(|| "-".to_string(), |p| p.value);
        parts.push(FormattedPart {
            kind: "exponentMinusSign",
            value: minus,
        });
    }
    parts.push(FormattedPart {
        kind: "exponentInteger",
        value: exponent.unsigned_abs().to_string(),
    });
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number_digits::{DigitRequest, decimal_of};

    fn text(x: f64, engineering: bool) -> String {
        let locale = crate::canonical_locale("en-US").unwrap();
        let f = DecimalFormatter::try_new((&locale).into(), Default::default()).unwrap();
        let digits = Digits::resolve(DigitRequest::default(), 0, 3).unwrap();
        parts(
            &f,
            &decimal_of(x).unwrap(),
            &digits,
            engineering,
            SignDisplay::Auto,
        )
        .into_iter()
        .map(|p| p.value)
        .collect()
    }

    #[test]
    fn scientific_keeps_one_integer_digit() {
        assert_eq!(text(123456.0, false), "1.235E5");
        assert_eq!(text(0.000123456, false), "1.235E-4");
        assert_eq!(text(0.0, false), "0E0");
    }

    #[test]
    fn engineering_exponents_are_multiples_of_three() {
        assert_eq!(text(-0.000123456, true), "-123.456E-6");
        assert_eq!(text(1234.0, true), "1.234E3");
    }

    #[test]
    fn rounding_that_carries_moves_to_the_next_power() {
        assert_eq!(text(9.9996, false), "1E1");
        assert_eq!(text(999.9996, true), "1E3");
    }
}
