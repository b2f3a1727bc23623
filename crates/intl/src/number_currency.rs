//! `style: "currency"` of `Intl.NumberFormat`: the ISO 4217 code checked,
//! the currency's own digits from CLDR, and the amount in the locale's
//! currency pattern with the symbol, narrow symbol, code or name.

use fixed_decimal::{Decimal, Sign};
use icu_decimal::DecimalFormatter;
use icu_decimal::options::DecimalFormatterOptions;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::provider::currency::fractions::CurrencyFractionsV1;
use icu_locale_core::Locale;
use icu_provider::prelude::*;

use crate::error::data_error;
use crate::number_parts::{NumberParts, splice_number};
use crate::{FormattedPart, IntlError};

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

/// The `currency` option as a currency: three ASCII letters ICU4X knows,
/// else the `RangeError` V8 throws.
pub(crate) fn currency_of(code: &str) -> Result<CurrencyType, IntlError> {
    let invalid = || IntlError::Range(format!("Invalid currency code : {code}"));
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(invalid());
    }
    CurrencyType::try_from_str(code).map_err(|_| invalid())
}

/// The ISO 4217 minor-unit digits of a currency (CNY 2, JPY 0) from CLDR.
pub(crate) fn currency_digits(currency: CurrencyType) -> Result<u8, IntlError> {
    let fractions: DataPayload<CurrencyFractionsV1> = icu_experimental::provider::Baked
        .load(Default::default())
        .map_err(|e| data_error("currency data", e))?
        .payload;
    Ok(fractions.get().resolve(currency).digits)
}

/// The currency formatter, and a plain formatter for the amount when the
/// page's digits or grouping differ from the currency's (ICU4X's currency
/// formatter always pads to the currency's digits).
pub(crate) struct CurrencyFormat {
    currency: CurrencyFormatter<DecimalFormatter>,
    plain: Option<DecimalFormatter>,
}

impl CurrencyFormat {
    /// Formatters for `currency` in `locale`; `own_digits` when the
    /// amount is written with `decimal_options` rather than the
    /// currency's digits.
    pub(crate) fn try_new(
        locale: &Locale,
        currency: CurrencyType,
        display: CurrencyDisplay,
        own_digits: bool,
        decimal_options: DecimalFormatterOptions,
    ) -> Result<Self, IntlError> {
        let err = |e| data_error("number format data", e);
        let plain = if own_digits {
            Some(DecimalFormatter::try_new(locale.into(), decimal_options).map_err(err)?)
        } else {
            None
        };
        let prefs = locale.into();
        let opts = Default::default();
        let currency = match display {
            CurrencyDisplay::Symbol => CurrencyFormatter::try_new_symbol(prefs, currency, opts),
            CurrencyDisplay::NarrowSymbol => {
                CurrencyFormatter::try_new_symbol_narrow(prefs, currency, opts)
            }
            CurrencyDisplay::Code => CurrencyFormatter::try_new_code(prefs, currency, opts),
            CurrencyDisplay::Name => CurrencyFormatter::try_new_name(prefs, currency),
        }
        .map_err(err)?;
        Ok(CurrencyFormat { currency, plain })
    }

    /// The parts of `value`, rounded and signed already.
    pub(crate) fn parts(&self, value: &Decimal) -> Vec<FormattedPart> {
        let outer = self.zero_parts(value);
        match &self.plain {
            None => outer,
            Some(plain) => {
                let mut amount = value.clone();
                amount.sign = Sign::None;
                splice_number(outer, NumberParts::of(&plain.format(&amount), "literal"))
            }
        }
    }

    /// The parts of `value` in the currency's own digits: the pattern
    /// NaN and the infinities are written in (from a signed zero).
    pub(crate) fn zero_parts(&self, value: &Decimal) -> Vec<FormattedPart> {
        NumberParts::of(&self.currency.format_fixed_decimal(value), "currency")
    }
}

#[cfg(test)]
mod tests {
    use crate::{CurrencyDisplay, IntlError, NumberFormat, NumberOptions, NumberStyle};

    fn cny() -> NumberOptions {
        NumberOptions {
            style: NumberStyle::Currency("CNY".into(), CurrencyDisplay::Symbol),
            ..Default::default()
        }
    }

    #[test]
    fn currency_pads_to_the_currency_digits() {
        let locale = crate::canonical_locale("zh-CN").unwrap();
        let f = NumberFormat::try_new(&locale, cny()).unwrap();
        assert_eq!(f.format(1299.5), "¥1,299.50");
    }

    #[test]
    fn parts_type_the_currency_and_the_digits() {
        let locale = crate::canonical_locale("zh-CN").unwrap();
        let f = NumberFormat::try_new(&locale, cny()).unwrap();
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
