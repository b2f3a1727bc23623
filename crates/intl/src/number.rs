//! `Intl.NumberFormat`: decimal, percent, currency and unit numbers in
//! standard, compact, scientific or engineering notation, as text or
//! parts.

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

use crate::error::data_error;
use crate::number_digits::{DigitRequest, Digits, decimal_of};
use crate::number_parts::{NumberParts, splice_number};
use crate::resolved::Resolved;
use crate::units::{UnitDisplay, UnitNames};
use crate::{FormattedPart, IntlError};

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
    /// `unit` with its unit identifier (`kilometer`) and `unitDisplay`.
    Unit(String, UnitDisplay),
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

/// `currencyDisplay` as the option names it.
impl CurrencyDisplay {
    /// The option's value.
    pub fn as_str(self) -> &'static str {
        match self {
            CurrencyDisplay::Symbol => "symbol",
            CurrencyDisplay::NarrowSymbol => "narrowSymbol",
            CurrencyDisplay::Code => "code",
            CurrencyDisplay::Name => "name",
        }
    }
}

/// `notation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Notation {
    /// `standard`.
    #[default]
    Standard,
    /// `scientific` (`1.235E5`).
    Scientific,
    /// `engineering` (`123.456E3`).
    Engineering,
    /// `compact` with its `compactDisplay`.
    Compact(CompactDisplay),
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
    /// `notation` (with `compactDisplay`).
    pub notation: Notation,
    /// `useGrouping`; `None` is the style's default.
    pub grouping: Option<Grouping>,
    /// `minimumIntegerDigits`, `…FractionDigits`, `…SignificantDigits`.
    pub digits: DigitRequest,
    /// `signDisplay` (`auto`, `never`, `always`, `exceptZero`, `negative`).
    pub sign_display: SignDisplay,
}

enum Inner {
    Decimal(DecimalFormatter),
    /// The percent formatter and a plain formatter for the parts of its
    /// digits (ICU4X's percent formatter writes them unmarked).
    Percent(PercentFormatter<DecimalFormatter>, DecimalFormatter),
    /// The currency formatter, and a plain formatter for the amount when
    /// the page's digits or grouping differ from the currency's (ICU4X's
    /// currency formatter always pads to the currency's digits).
    Currency(
        CurrencyFormatter<DecimalFormatter>,
        Option<DecimalFormatter>,
    ),
    /// The compact formatter and a plain one for the parts of its digits.
    Compact(CompactDecimalFormatter, DecimalFormatter),
    /// The unit's names and the formatter of the amount.
    Unit(UnitNames, DecimalFormatter),
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
        let compact = match options.notation {
            Notation::Compact(display) => Some(display),
            _ => None,
        };
        let scientific = matches!(
            options.notation,
            Notation::Scientific | Notation::Engineering
        );
        if scientific && options.style != NumberStyle::Decimal {
            return Err(IntlError::Range(
                "Intl.NumberFormat scientific and engineering notation are supported by mpcanvas for style \"decimal\" only".into(),
            ));
        }
        if let NumberStyle::Unit(unit, _) = &options.style {
            crate::units::check_unit(unit)?;
        }
        let digits = if compact.is_some() && options.digits.is_empty() {
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
        let grouping = options.grouping.unwrap_or(if compact.is_some() {
            Grouping::Min2
        } else {
            Grouping::Auto
        });
        let prefs = locale.into();
        let mut decimal_options = DecimalFormatterOptions::default();
        decimal_options.grouping_strategy = Some(grouping_strategy(grouping));
        let err = |e| data_error("number format data", e);
        let inner = match (&options.style, currency, compact) {
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
            (NumberStyle::Unit(unit, display), _, _) => Inner::Unit(
                UnitNames::try_new(locale, unit, *display)?,
                DecimalFormatter::try_new(prefs, decimal_options).map_err(err)?,
            ),
            (NumberStyle::Percent, _, _) => Inner::Percent(
                PercentFormatter::try_new_with_decimal_formatter(
                    locale.into(),
                    DecimalFormatter::try_new(prefs, decimal_options).map_err(err)?,
                    Default::default(),
                )
                .map_err(err)?,
                DecimalFormatter::try_new(locale.into(), decimal_options).map_err(err)?,
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
                    DecimalFormatter::try_new(locale.into(), decimal_options).map_err(err)?,
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
        self.format_to_parts(x)
            .into_iter()
            .map(|p| p.value)
            .collect()
    }

    /// `formatToParts(x)` for a JS number, typed as ECMA-402 types them.
    pub fn format_to_parts(&self, x: f64) -> Vec<FormattedPart> {
        let Some(mut value) = decimal_of(x) else {
            return self.non_finite_parts(x);
        };
        if matches!(self.inner, Inner::Percent(..)) {
            value.multiply_pow10(2);
        }
        if let (Notation::Scientific | Notation::Engineering, Inner::Decimal(f)) =
            (self.options.notation, &self.inner)
        {
            return crate::number_scientific::parts(
                f,
                &value,
                &self.digits,
                self.options.notation == Notation::Engineering,
                self.options.sign_display,
            );
        }
        let mut value = self.digits.apply(value);
        // After rounding, as ECMA-402 decides on the rounded value (-0.001
        // is "-0" under `auto` but "0" under `exceptZero`).
        if self.options.sign_display != SignDisplay::Auto {
            value.apply_sign_display(self.options.sign_display);
        }
        match &self.inner {
            Inner::Decimal(f) => NumberParts::of(&f.format(&value), "literal"),
            Inner::Percent(f, plain) => {
                let digits = NumberParts::of(&plain.format(&value), "literal");
                NumberParts::of_with_digits(&f.format(&value), "percentSign", &digits)
            }
            Inner::Currency(f, None) => {
                NumberParts::of(&f.format_fixed_decimal(&value), "currency")
            }
            Inner::Currency(f, Some(plain)) => {
                let outer = NumberParts::of(&f.format_fixed_decimal(&value), "currency");
                let mut amount = value.clone();
                amount.sign = Sign::None;
                splice_number(outer, NumberParts::of(&plain.format(&amount), "literal"))
            }
            Inner::Compact(f, plain) => {
                let value = compact_rounded(f, value);
                let digits = NumberParts::of(&plain.format(&compact_scaled(f, &value)), "literal");
                NumberParts::of_with_digits(&f.format(&value), "compact", &digits)
            }
            Inner::Unit(names, f) => {
                NumberParts::of(&names.pattern_for(&value, f.format(&value)), "unit")
            }
        }
    }

    /// NaN and the infinities: ICU's symbols (`NaN`, `∞`) in the style's
    /// pattern, taken from formatting 0 and replacing its digits.
    fn non_finite_parts(&self, x: f64) -> Vec<FormattedPart> {
        let symbol = if x.is_nan() {
            FormattedPart {
                kind: "nan",
                value: "NaN".into(),
            }
        } else {
            FormattedPart {
                kind: "infinity",
                value: "∞".into(),
            }
        };
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
        let zero_parts = match &self.inner {
            Inner::Decimal(f) => NumberParts::of(&f.format(&zero), "literal"),
            Inner::Percent(f, plain) => NumberParts::of_with_digits(
                &f.format(&zero),
                "percentSign",
                &NumberParts::of(&plain.format(&Decimal::from(0)), "literal"),
            ),
            Inner::Currency(f, _) => NumberParts::of(&f.format_fixed_decimal(&zero), "currency"),
            Inner::Compact(f, plain) => NumberParts::of_with_digits(
                &f.format(&zero),
                "compact",
                &NumberParts::of(&plain.format(&Decimal::from(0)), "literal"),
            ),
            Inner::Unit(names, f) => {
                NumberParts::of(&names.pattern_for(&zero, f.format(&zero)), "unit")
            }
        };
        splice_number(zero_parts, vec![symbol])
    }

    /// `resolvedOptions()`, in the order V8 lists them.
    pub fn resolved(&self) -> Resolved {
        let mut r = Resolved::new(&self.locale).text("numberingSystem", "latn");
        r = match &self.options.style {
            NumberStyle::Decimal => r.text("style", "decimal"),
            NumberStyle::Percent => r.text("style", "percent"),
            NumberStyle::Currency(code, display) => r
                .text("style", "currency")
                .text("currency", code.as_str())
                .text("currencyDisplay", display.as_str())
                .text("currencySign", "standard"),
            NumberStyle::Unit(unit, display) => r
                .text("style", "unit")
                .text("unit", unit.as_str())
                .text("unitDisplay", display.as_str()),
        };
        r = r.number("minimumIntegerDigits", self.digits.min_integer.into());
        if self.digits.fraction.is_none() && self.digits.significant.is_none() {
            // Compact notation's own rounding, as ECMA-402 resolves it
            // (two significant digits below the compact unit's 10).
            r = r
                .number("minimumSignificantDigits", 1)
                .number("maximumSignificantDigits", 2)
                .number("minimumFractionDigits", 0)
                .number("maximumFractionDigits", 0);
        }
        if let Some((lo, hi)) = self.digits.fraction {
            r = r
                .number("minimumFractionDigits", lo.into())
                .number("maximumFractionDigits", hi.into());
        }
        if let Some((lo, hi)) = self.digits.significant {
            r = r
                .number("minimumSignificantDigits", lo.into())
                .number("maximumSignificantDigits", hi.into());
        }
        r = match self.grouping {
            Grouping::Auto => r.text("useGrouping", "auto"),
            Grouping::Always => r.text("useGrouping", "always"),
            Grouping::Min2 => r.text("useGrouping", "min2"),
            Grouping::Never => r.bool("useGrouping", false),
        };
        r = match self.options.notation {
            Notation::Standard => r.text("notation", "standard"),
            Notation::Scientific => r.text("notation", "scientific"),
            Notation::Engineering => r.text("notation", "engineering"),
            Notation::Compact(display) => r.text("notation", "compact").text(
                "compactDisplay",
                if display == CompactDisplay::Short {
                    "short"
                } else {
                    "long"
                },
            ),
        };
        let sign = match self.options.sign_display {
            SignDisplay::Never => "never",
            SignDisplay::Always => "always",
            SignDisplay::ExceptZero => "exceptZero",
            SignDisplay::Negative => "negative",
            _ => "auto",
        };
        let compact_rounding = self.digits.fraction.is_none() && self.digits.significant.is_none();
        // Rounding is always half away from zero by the digit options.
        r.text("signDisplay", sign)
            .text("roundingMode", "halfExpand")
            .number("roundingIncrement", 1)
            .text("trailingZeroDisplay", "auto")
            .text(
                "roundingPriority",
                if compact_rounding {
                    "morePrecision"
                } else {
                    "auto"
                },
            )
    }
}

/// The (rounded) value in the compact unit it prints in: 12345 → 1.2345
/// for "1.2万", the digits the compact pattern holds.
fn compact_scaled(f: &CompactDecimalFormatter, value: &Decimal) -> Decimal {
    let mut scaled = value.clone();
    scaled.sign = Sign::None;
    if value.absolute.is_zero() {
        return scaled;
    }
    let magnitude = value.absolute.nonzero_magnitude_start();
    let exponent = i16::from(f.compact_exponent_for_magnitude(magnitude));
    scaled.multiply_pow10(-exponent);
    scaled.absolute.trim_end();
    scaled
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
    fn units_use_cldr_names_by_width() {
        let unit = |display| NumberOptions {
            style: NumberStyle::Unit("kilometer".into(), display),
            ..Default::default()
        };
        assert_eq!(fmt("en-US", unit(UnitDisplay::Short), 1234.5), "1,234.5 km");
        assert_eq!(fmt("en-US", unit(UnitDisplay::Long), 1.0), "1 kilometer");
        assert_eq!(fmt("zh-CN", unit(UnitDisplay::Short), 2.0), "2公里");
    }

    #[test]
    fn parts_type_the_currency_and_the_digits() {
        let locale = crate::canonical_locale("zh-CN").unwrap();
        let options = NumberOptions {
            style: NumberStyle::Currency("CNY".into(), CurrencyDisplay::Symbol),
            ..Default::default()
        };
        let f = NumberFormat::try_new(&locale, options).unwrap();
        let kinds: Vec<_> = f.format_to_parts(-1234.5).iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                "minusSign",
                "currency",
                "integer",
                "group",
                "integer",
                "decimal",
                "fraction"
            ]
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
