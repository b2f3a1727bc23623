//! `Intl.NumberFormat`: decimal, percent, currency and compact numbers.

use fixed_decimal::{Decimal, Sign, SignDisplay};
use icu_decimal::options::{
    CompactDecimalFormatterOptions, DecimalFormatterOptions, GroupingStrategy,
};
use icu_decimal::{CompactDecimalFormatter, DecimalFormatter};
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_experimental::dimension::provider::currency::fractions::CurrencyFractionsV1;
use icu_locale_core::Locale;
use icu_provider::prelude::*;
use writeable::Writeable;

use crate::IntlError;
use crate::error::data_error;
use crate::number_digits::{DigitRequest, Digits, decimal_of};

/// `style`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum NumberStyle {
    /// `decimal`.
    #[default]
    Decimal,
    /// `percent`: the value times 100 with the locale's percent pattern.
    Percent,
    /// `currency` with its ISO 4217 code and `currencyDisplay`.
    Currency(String, CurrencyDisplay),
}

/// `currencyDisplay`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CurrencyDisplay {
    /// `symbol` (`¥`, `US$`).
    #[default]
    Symbol,
    /// `narrowSymbol` (`$`).
    NarrowSymbol,
    /// `code` (`CNY`).
    Code,
    /// `name` (`人民币`).
    Name,
}

/// `compactDisplay` of `notation: "compact"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompactDisplay {
    /// `short` (`1.2万`, `12K`).
    Short,
    /// `long` (`1.2万`, `12 thousand`).
    Long,
}

/// `useGrouping`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// `auto` (the locale's rule; the default).
    Auto,
    /// `always` / `true`.
    Always,
    /// `min2` (the default of compact notation).
    Min2,
    /// `false`.
    Never,
}

/// The options of `Intl.NumberFormat` this crate implements.
#[derive(Debug, Clone, Default)]
pub struct NumberOptions {
    /// `style` (with `currency` and `currencyDisplay`).
    pub style: NumberStyle,
    /// `notation: "compact"` with its display; `None` is `standard`.
    pub compact: Option<CompactDisplay>,
    /// `useGrouping`; `None` is the style's default.
    pub grouping: Option<Grouping>,
    /// `minimumIntegerDigits`, `…FractionDigits`, `…SignificantDigits`.
    pub digits: DigitRequest,
    /// `signDisplay` (`auto`, `never`, `always`, `exceptZero`, `negative`).
    pub sign_display: SignDisplay,
}

enum Inner {
    Decimal(DecimalFormatter),
    Percent(PercentFormatter<DecimalFormatter>),
    /// The currency formatter, and a plain formatter for the amount when
    /// the page's digits or grouping differ from the currency's (ICU4X's
    /// currency formatter always pads to the currency's digits).
    Currency(
        CurrencyFormatter<DecimalFormatter>,
        Option<DecimalFormatter>,
    ),
    Compact(CompactDecimalFormatter),
}

/// A number formatter with its resolved options.
pub struct NumberFormat {
    locale: Locale,
    options: NumberOptions,
    digits: Digits,
    grouping: Grouping,
    inner: Inner,
}

fn grouping_strategy(g: Grouping) -> GroupingStrategy {
    match g {
        Grouping::Auto => GroupingStrategy::Auto,
        Grouping::Always => GroupingStrategy::Always,
        Grouping::Min2 => GroupingStrategy::Min2,
        Grouping::Never => GroupingStrategy::Never,
    }
}

/// The ISO 4217 minor-unit digits of a currency (CNY 2, JPY 0) from CLDR.
fn currency_digits(currency: CurrencyType) -> Result<u8, IntlError> {
    let fractions: DataPayload<CurrencyFractionsV1> = icu_experimental::provider::Baked
        .load(Default::default())
        .map_err(|e| data_error("currency data", e))?
        .payload;
    Ok(fractions.get().resolve(currency).digits)
}

impl NumberFormat {
    /// A formatter for `locale` with `options`; option errors are the
    /// `RangeError`/`TypeError` V8 throws.
    pub fn try_new(locale: &Locale, options: NumberOptions) -> Result<Self, IntlError> {
        let currency = match &options.style {
            NumberStyle::Currency(code, _) => {
                if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(IntlError::Range(format!("Invalid currency code : {code}")));
                }
                Some(
                    CurrencyType::try_from_str(code)
                        .map_err(|_| IntlError::Range(format!("Invalid currency code : {code}")))?,
                )
            }
            _ => None,
        };
        let (default_min, default_max) = match (&options.style, currency) {
            (_, Some(c)) => {
                let d = currency_digits(c)?;
                (d, d)
            }
            (NumberStyle::Percent, _) => (0, 0),
            _ => (0, 3),
        };
        let digits = if options.compact.is_some() && options.digits.is_empty() {
            // Compact notation rounds by magnitude (ICU4X applies the
            // ECMA-402 compact rounding itself).
            Digits {
                min_integer: options.digits.min_integer.unwrap_or(1),
                fraction: None,
                significant: None,
            }
        } else {
            Digits::resolve(options.digits, default_min, default_max)?
        };
        let grouping = options.grouping.unwrap_or(if options.compact.is_some() {
            Grouping::Min2
        } else {
            Grouping::Auto
        });
        let prefs = locale.into();
        let mut decimal_options = DecimalFormatterOptions::default();
        decimal_options.grouping_strategy = Some(grouping_strategy(grouping));
        let err = |e| data_error("number format data", e);
        let inner = match (&options.style, currency, options.compact) {
            (NumberStyle::Currency(_, display), Some(c), _) => {
                let prefs = locale.into();
                let opts = Default::default();
                let own_digits = digits.fraction != Some((default_min, default_max))
                    || grouping != Grouping::Auto;
                let plain = if own_digits {
                    Some(DecimalFormatter::try_new(locale.into(), decimal_options).map_err(err)?)
                } else {
                    None
                };
                Inner::Currency(
                    match display {
                        CurrencyDisplay::Symbol => {
                            CurrencyFormatter::try_new_symbol(prefs, c, opts)
                        }
                        CurrencyDisplay::NarrowSymbol => {
                            CurrencyFormatter::try_new_symbol_narrow(prefs, c, opts)
                        }
                        CurrencyDisplay::Code => CurrencyFormatter::try_new_code(prefs, c, opts),
                        CurrencyDisplay::Name => CurrencyFormatter::try_new_name(prefs, c),
                    }
                    .map_err(err)?,
                    plain,
                )
            }
            (NumberStyle::Percent, _, _) => Inner::Percent(
                PercentFormatter::try_new_with_decimal_formatter(
                    locale.into(),
                    DecimalFormatter::try_new(prefs, decimal_options).map_err(err)?,
                    Default::default(),
                )
                .map_err(err)?,
            ),
            (_, _, Some(display)) => {
                let opts = CompactDecimalFormatterOptions::from(grouping_strategy(grouping));
                Inner::Compact(
                    match display {
                        CompactDisplay::Short => {
                            CompactDecimalFormatter::try_new_short(locale.into(), opts)
                        }
                        CompactDisplay::Long => {
                            CompactDecimalFormatter::try_new_long(locale.into(), opts)
                        }
                    }
                    .map_err(err)?,
                )
            }
            _ => Inner::Decimal(DecimalFormatter::try_new(prefs, decimal_options).map_err(err)?),
        };
        Ok(NumberFormat {
            locale: locale.clone(),
            options,
            digits,
            grouping,
            inner,
        })
    }

    /// The locale in use.
    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    /// The options as given.
    pub fn options(&self) -> &NumberOptions {
        &self.options
    }

    /// The resolved digit options.
    pub fn digits(&self) -> Digits {
        self.digits
    }

    /// The resolved grouping.
    pub fn grouping(&self) -> Grouping {
        self.grouping
    }

    /// `format(x)` for a JS number.
    pub fn format(&self, x: f64) -> String {
        let Some(mut value) = decimal_of(x) else {
            return self.format_non_finite(x);
        };
        if matches!(self.inner, Inner::Percent(_)) {
            value.multiply_pow10(2);
        }
        let mut value = self.digits.apply(value);
        // After rounding, as ECMA-402 decides on the rounded value (-0.001
        // is "-0" under `auto` but "0" under `exceptZero`).
        if self.options.sign_display != SignDisplay::Auto {
            value.apply_sign_display(self.options.sign_display);
        }
        match &self.inner {
            Inner::Decimal(f) => f.format(&value).write_to_string().into_owned(),
            Inner::Percent(f) => f.format(&value).write_to_string().into_owned(),
            Inner::Currency(f, None) => f
                .format_fixed_decimal(&value)
                .write_to_string()
                .into_owned(),
            Inner::Currency(f, Some(plain)) => {
                let with_currency = f
                    .format_fixed_decimal(&value)
                    .write_to_string()
                    .into_owned();
                let mut amount = value.clone();
                amount.sign = Sign::None;
                replace_digits(&with_currency, &plain.format(&amount).write_to_string())
            }
            Inner::Compact(f) => f
                .format(&compact_rounded(f, value))
                .write_to_string()
                .into_owned(),
        }
    }

    /// NaN and the infinities: ICU's symbols (`NaN`, `∞`) in the style's
    /// pattern, taken from formatting 0 and replacing its digits.
    fn format_non_finite(&self, x: f64) -> String {
        let symbol = if x.is_nan() { "NaN" } else { "∞" };
        let mut zero = Decimal::from(0);
        // The infinities are signed non-zero values; NaN gets a plus sign
        // only under `always`, as in V8.
        zero.sign = match (self.options.sign_display, x) {
            (SignDisplay::Never, _) => Sign::None,
            (_, x) if x < 0.0 => Sign::Negative,
            (SignDisplay::Always, _) => Sign::Positive,
            (SignDisplay::ExceptZero, x) if x.is_infinite() => Sign::Positive,
            _ => Sign::None,
        };
        let formatted = match &self.inner {
            Inner::Decimal(f) => f.format(&zero).write_to_string().into_owned(),
            Inner::Percent(f) => f.format(&zero).write_to_string().into_owned(),
            Inner::Currency(f, _) => f.format_fixed_decimal(&zero).write_to_string().into_owned(),
            Inner::Compact(f) => f.format(&zero).write_to_string().into_owned(),
        };
        replace_digits(&formatted, symbol)
    }
}

/// The value rounded half away from zero where ICU4X's compact formatter
/// rounds it (half to even): to an integer in the compact unit, or to two
/// significant digits below 10 units, as V8's compact rounding does.
fn compact_rounded(f: &CompactDecimalFormatter, mut value: Decimal) -> Decimal {
    if value.absolute.is_zero() {
        return value;
    }
    let magnitude = value.absolute.nonzero_magnitude_start();
    let exponent = i16::from(f.compact_exponent_for_magnitude(magnitude));
    let position = if magnitude > exponent {
        exponent
    } else {
        magnitude - 1
    };
    value.round_with_mode(
        position,
        fixed_decimal::SignedRoundingMode::Unsigned(
            fixed_decimal::UnsignedRoundingMode::HalfExpand,
        ),
    );
    value
}

/// The formatted zero with its run of digits (and decimal separator)
/// replaced by `symbol`.
fn replace_digits(formatted: &str, symbol: &str) -> String {
    let is_digit = |c: char| c.is_numeric() || c == '.' || c == ',';
    let start = formatted.find(is_digit);
    let end = formatted.rfind(is_digit);
    match (start, end) {
        (Some(s), Some(e)) => {
            let e = e + formatted[e..].chars().next().map_or(1, char::len_utf8);
            format!("{}{}{}", &formatted[..s], symbol, &formatted[e..])
        }
        _ => symbol.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(locale: &str, options: NumberOptions, x: f64) -> String {
        let locale = crate::canonical_locale(locale).unwrap();
        NumberFormat::try_new(&locale, options).unwrap().format(x)
    }

    #[test]
    fn decimal_groups_thousands() {
        assert_eq!(fmt("zh-CN", NumberOptions::default(), 1299.5), "1,299.5");
        assert_eq!(
            fmt("en-US", NumberOptions::default(), -1234567.891),
            "-1,234,567.891"
        );
    }

    #[test]
    fn currency_pads_to_the_currency_digits() {
        let options = NumberOptions {
            style: NumberStyle::Currency("CNY".into(), CurrencyDisplay::Symbol),
            ..Default::default()
        };
        assert_eq!(fmt("zh-CN", options, 1299.5), "¥1,299.50");
    }

    #[test]
    fn percent_multiplies_by_100() {
        let options = NumberOptions {
            style: NumberStyle::Percent,
            ..Default::default()
        };
        assert_eq!(fmt("en-US", options, 0.256), "26%");
    }

    #[test]
    fn non_finite_numbers_use_icu_symbols() {
        assert_eq!(fmt("en-US", NumberOptions::default(), f64::NAN), "NaN");
        assert_eq!(
            fmt("en-US", NumberOptions::default(), f64::NEG_INFINITY),
            "-∞"
        );
    }

    #[test]
    fn bad_currency_code_is_a_range_error() {
        let locale = crate::canonical_locale("en-US").unwrap();
        let options = NumberOptions {
            style: NumberStyle::Currency("US".into(), CurrencyDisplay::Symbol),
            ..Default::default()
        };
        assert!(matches!(
            NumberFormat::try_new(&locale, options),
            Err(IntlError::Range(_))
        ));
    }
}
