//! `Intl.RelativeTimeFormat`: "3 天后", "yesterday".

use icu_experimental::relativetime::options::Numeric;
use icu_experimental::relativetime::{RelativeTimeFormatter, RelativeTimeFormatterOptions};
use icu_locale_core::Locale;
use writeable::Writeable;

use crate::IntlError;
use crate::error::data_error;
use crate::number_digits::{DigitRequest, Digits, decimal_of};

/// `style`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RelativeStyle {
    /// `long`.
    #[default]
    Long,
    /// `short`.
    Short,
    /// `narrow`.
    Narrow,
}

/// The unit argument of `format(value, unit)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelativeUnit {
    /// `second(s)`.
    Second,
    /// `minute(s)`.
    Minute,
    /// `hour(s)`.
    Hour,
    /// `day(s)`.
    Day,
    /// `week(s)`.
    Week,
    /// `month(s)`.
    Month,
    /// `quarter(s)`.
    Quarter,
    /// `year(s)`.
    Year,
}

impl RelativeUnit {
    /// The unit named by a JS string (singular or plural), or the
    /// `RangeError` V8 throws.
    pub fn parse(name: &str) -> Result<Self, IntlError> {
        Ok(match name.strip_suffix('s').unwrap_or(name) {
            "second" => Self::Second,
            "minute" => Self::Minute,
            "hour" => Self::Hour,
            "day" => Self::Day,
            "week" => Self::Week,
            "month" => Self::Month,
            "quarter" => Self::Quarter,
            "year" => Self::Year,
            _ => {
                return Err(IntlError::Range(format!(
                    "Invalid unit argument for format() '{name}'"
                )));
            }
        })
    }
}

/// A relative time formatter for one locale, style and `numeric` setting;
/// the per-unit ICU4X formatters are made on first use.
pub struct RelativeTimeFormat {
    locale: Locale,
    style: RelativeStyle,
    auto: bool,
    digits: Digits,
}

impl RelativeTimeFormat {
    /// A formatter; `auto` is `numeric: "auto"` ("yesterday" for -1 day).
    pub fn try_new(locale: &Locale, style: RelativeStyle, auto: bool) -> Result<Self, IntlError> {
        let digits = Digits::resolve(DigitRequest::default(), 0, 3)?;
        Ok(RelativeTimeFormat {
            locale: locale.clone(),
            style,
            auto,
            digits,
        })
    }

    /// `format(value, unit)`; a non-finite value is the `RangeError` V8 throws.
    pub fn format(&self, value: f64, unit: RelativeUnit) -> Result<String, IntlError> {
        let Some(decimal) = decimal_of(value) else {
            return Err(IntlError::Range("Invalid time value".into()));
        };
        let options = RelativeTimeFormatterOptions::default().with_numeric(if self.auto {
            Numeric::Auto
        } else {
            Numeric::Always
        });
        let prefs = (&self.locale).into();
        use RelativeStyle as S;
        use RelativeUnit as U;
        let f = match (self.style, unit) {
            (S::Long, U::Second) => RelativeTimeFormatter::try_new_long_second(prefs, options),
            (S::Long, U::Minute) => RelativeTimeFormatter::try_new_long_minute(prefs, options),
            (S::Long, U::Hour) => RelativeTimeFormatter::try_new_long_hour(prefs, options),
            (S::Long, U::Day) => RelativeTimeFormatter::try_new_long_day(prefs, options),
            (S::Long, U::Week) => RelativeTimeFormatter::try_new_long_week(prefs, options),
            (S::Long, U::Month) => RelativeTimeFormatter::try_new_long_month(prefs, options),
            (S::Long, U::Quarter) => RelativeTimeFormatter::try_new_long_quarter(prefs, options),
            (S::Long, U::Year) => RelativeTimeFormatter::try_new_long_year(prefs, options),
            (S::Short, U::Second) => RelativeTimeFormatter::try_new_short_second(prefs, options),
            (S::Short, U::Minute) => RelativeTimeFormatter::try_new_short_minute(prefs, options),
            (S::Short, U::Hour) => RelativeTimeFormatter::try_new_short_hour(prefs, options),
            (S::Short, U::Day) => RelativeTimeFormatter::try_new_short_day(prefs, options),
            (S::Short, U::Week) => RelativeTimeFormatter::try_new_short_week(prefs, options),
            (S::Short, U::Month) => RelativeTimeFormatter::try_new_short_month(prefs, options),
            (S::Short, U::Quarter) => RelativeTimeFormatter::try_new_short_quarter(prefs, options),
            (S::Short, U::Year) => RelativeTimeFormatter::try_new_short_year(prefs, options),
            (S::Narrow, U::Second) => RelativeTimeFormatter::try_new_narrow_second(prefs, options),
            (S::Narrow, U::Minute) => RelativeTimeFormatter::try_new_narrow_minute(prefs, options),
            (S::Narrow, U::Hour) => RelativeTimeFormatter::try_new_narrow_hour(prefs, options),
            (S::Narrow, U::Day) => RelativeTimeFormatter::try_new_narrow_day(prefs, options),
            (S::Narrow, U::Week) => RelativeTimeFormatter::try_new_narrow_week(prefs, options),
            (S::Narrow, U::Month) => RelativeTimeFormatter::try_new_narrow_month(prefs, options),
            (S::Narrow, U::Quarter) => {
                RelativeTimeFormatter::try_new_narrow_quarter(prefs, options)
            }
            (S::Narrow, U::Year) => RelativeTimeFormatter::try_new_narrow_year(prefs, options),
        }
        .map_err(|e| data_error("relative time data", e))?;
        Ok(f.format(self.digits.apply(decimal))
            .write_to_string()
            .into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_names_yesterday_and_always_counts() {
        let en = crate::canonical_locale("en-US").unwrap();
        let auto = RelativeTimeFormat::try_new(&en, RelativeStyle::Long, true).unwrap();
        assert_eq!(auto.format(-1.0, RelativeUnit::Day).unwrap(), "yesterday");
        let always = RelativeTimeFormat::try_new(&en, RelativeStyle::Long, false).unwrap();
        assert_eq!(always.format(3.0, RelativeUnit::Day).unwrap(), "in 3 days");
    }

    #[test]
    fn bad_unit_and_infinite_value_are_range_errors() {
        assert!(RelativeUnit::parse("fortnight").is_err());
        assert_eq!(RelativeUnit::parse("days").unwrap(), RelativeUnit::Day);
        let en = crate::canonical_locale("en-US").unwrap();
        let f = RelativeTimeFormat::try_new(&en, RelativeStyle::Long, false).unwrap();
        assert!(f.format(f64::INFINITY, RelativeUnit::Day).is_err());
    }
}
