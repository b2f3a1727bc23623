//! `Intl.NumberFormat`: decimal, percent, currency and unit numbers in
//! standard, compact, scientific or engineering notation, as text or
//! parts.

use fixed_decimal::{Decimal, Sign, SignDisplay};
use icu_decimal::DecimalFormatter;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_locale_core::Locale;

use crate::error::data_error;
use crate::number_compact::{CompactDisplay, CompactFormat};
use crate::number_currency::{CurrencyDisplay, CurrencyFormat, currency_digits, currency_of};
use crate::number_digits::{DigitRequest, Digits, decimal_of};
use crate::number_parts::{NumberParts, splice_number};
use crate::resolved::Resolved;
use crate::units::{UnitDisplay, UnitFormat};
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
    /// The currency's formatters.
    Currency(CurrencyFormat),
    /// The compact formatters.
    Compact(CompactFormat),
    /// The unit's formatters.
    Unit(UnitFormat),
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

impl NumberFormat {
    /// A formatter for `locale` with `options`; option errors are the
    /// `RangeError`/`TypeError` V8 throws.
    pub fn try_new(locale: &Locale, options: NumberOptions) -> Result<Self, IntlError> {
        let currency = match &options.style {
            NumberStyle::Currency(code, _) => Some(currency_of(code)?),
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
                let own_digits = digits.fraction != Some((default_min, default_max))
                    || grouping != Grouping::Auto;
                Inner::Currency(CurrencyFormat::try_new(
                    locale,
                    c,
                    *display,
                    own_digits,
                    decimal_options,
                )?)
            }
            (NumberStyle::Unit(unit, display), _, _) => Inner::Unit(UnitFormat::try_new(
                locale,
                unit,
                *display,
                decimal_options,
            )?),
            (NumberStyle::Percent, _, _) => Inner::Percent(
                PercentFormatter::try_new_with_decimal_formatter(
                    locale.into(),
                    DecimalFormatter::try_new(prefs, decimal_options).map_err(err)?,
                    Default::default(),
                )
                .map_err(err)?,
                DecimalFormatter::try_new(locale.into(), decimal_options).map_err(err)?,
            ),
            (_, _, Some(display)) => Inner::Compact(CompactFormat::try_new(
                locale,
                display,
                grouping_strategy(grouping),
                decimal_options,
            )?),
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
            Inner::Currency(f) => f.parts(&value),
            Inner::Compact(f) => f.parts(value),
            Inner::Unit(f) => f.parts(&value),
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
            Inner::Currency(f) => f.zero_parts(&zero),
            Inner::Compact(f) => f.zero_parts(&zero),
            Inner::Unit(f) => f.parts(&zero),
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
            Notation::Compact(display) => r
                .text("notation", "compact")
                .text("compactDisplay", display.as_str()),
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
}
