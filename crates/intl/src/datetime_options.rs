//! The options bag of `Intl.DateTimeFormat` as the page passed it, and
//! its reading: ECMA-402's defaults, the field options as ICU4X's field
//! bag, `dateStyle` / `timeStyle` as a field set, the hour cycle, and the
//! `RangeError` V8 throws for a value out of range.

use icu_datetime::fieldbag::DateTimeFieldBag;
use icu_datetime::fieldbag::field;
use icu_datetime::fieldsets::builder::{DateFields, FieldSetBuilder};
use icu_datetime::fieldsets::enums::CompositeFieldSet;
use icu_datetime::options::{Length, TimePrecision};
use icu_locale_core::preferences::extensions::unicode::keywords::HourCycle;

use crate::IntlError;

/// The options bag of `Intl.DateTimeFormat`, as strings the page passed.
#[derive(Debug, Clone, Default)]
pub struct DateTimeOptions {
    /// `weekday`: `narrow` | `short` | `long`.
    pub weekday: Option<String>,
    /// `era`: `narrow` | `short` | `long`.
    pub era: Option<String>,
    /// `year`: `numeric` | `2-digit`.
    pub year: Option<String>,
    /// `month`: `numeric` | `2-digit` | `narrow` | `short` | `long`.
    pub month: Option<String>,
    /// `day`: `numeric` | `2-digit`.
    pub day: Option<String>,
    /// `hour`: `numeric` | `2-digit`.
    pub hour: Option<String>,
    /// `minute`: `numeric` | `2-digit`.
    pub minute: Option<String>,
    /// `second`: `numeric` | `2-digit`.
    pub second: Option<String>,
    /// `hour12`.
    pub hour12: Option<bool>,
    /// `hourCycle`: `h11` | `h12` | `h23` | `h24`.
    pub hour_cycle: Option<String>,
    /// `timeZone` (IANA name); `None` is the device's zone.
    pub time_zone: Option<String>,
    /// `dateStyle`: `full` | `long` | `medium` | `short`.
    pub date_style: Option<String>,
    /// `timeStyle`: `full` | `long` | `medium` | `short`.
    pub time_style: Option<String>,
    /// `timeZoneName`: `short` | `long` | `shortOffset` | `longOffset` |
    /// `shortGeneric` | `longGeneric`.
    pub time_zone_name: Option<String>,
    /// `dayPeriod`: `narrow` | `short` | `long` (flexible periods such as
    /// "in the morning", shown with a 12-hour clock).
    pub day_period: Option<String>,
    /// `fractionalSecondDigits`: 1 to 3.
    pub fractional_second_digits: Option<u8>,
}

/// Which fields a caller fills in when the page asked for none
/// (ECMA-402 ToDateTimeOptions' `required`/`defaults`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateDefaults {
    /// `Intl.DateTimeFormat`: year, month, day unless any field was named.
    Any,
    /// `toLocaleDateString`: year, month, day unless a date field was named.
    Date,
    /// `toLocaleTimeString`: hour, minute, second.
    Time,
    /// `toLocaleString`: both.
    All,
}
fn bad(name: &str, value: &str) -> IntlError {
    crate::error::out_of_range("DateTimeFormat", name, value)
}

fn text_width<T>(name: &str, v: &str, narrow: T, short: T, long: T) -> Result<T, IntlError> {
    match v {
        "narrow" => Ok(narrow),
        "short" => Ok(short),
        "long" => Ok(long),
        _ => Err(bad(name, v)),
    }
}

fn numeric<T>(name: &str, v: &str, numeric: T, two: T) -> Result<T, IntlError> {
    match v {
        "numeric" => Ok(numeric),
        "2-digit" => Ok(two),
        _ => Err(bad(name, v)),
    }
}

fn style_length(name: &str, v: &str) -> Result<Length, IntlError> {
    match v {
        "full" | "long" => Ok(Length::Long),
        "medium" => Ok(Length::Medium),
        "short" => Ok(Length::Short),
        _ => Err(bad(name, v)),
    }
}

impl DateTimeOptions {
    pub(crate) fn has_date(&self) -> bool {
        self.weekday.is_some() || self.year.is_some() || self.month.is_some() || self.day.is_some()
    }

    pub(crate) fn has_time(&self) -> bool {
        self.hour.is_some()
            || self.minute.is_some()
            || self.second.is_some()
            || self.day_period.is_some()
            || self.fractional_second_digits.is_some()
    }

    /// ToDateTimeOptions: the defaults a caller adds when the page named
    /// no field of the kind the caller needs.
    pub(crate) fn with_defaults(mut self, defaults: DateDefaults) -> Self {
        let styled = self.date_style.is_some() || self.time_style.is_some();
        let need = match defaults {
            DateDefaults::Any => !self.has_date() && !self.has_time(),
            DateDefaults::Date => !self.has_date(),
            DateDefaults::Time => !self.has_time(),
            DateDefaults::All => !self.has_date() && !self.has_time(),
        } && !styled;
        let numeric = || Some("numeric".to_owned());
        if need
            && matches!(
                defaults,
                DateDefaults::Any | DateDefaults::Date | DateDefaults::All
            )
        {
            (self.year, self.month, self.day) = (numeric(), numeric(), numeric());
        }
        if need && matches!(defaults, DateDefaults::Time | DateDefaults::All) {
            (self.hour, self.minute, self.second) = (numeric(), numeric(), numeric());
        }
        self
    }

    pub(crate) fn field_bag(&self) -> Result<DateTimeFieldBag, IntlError> {
        let mut bag = DateTimeFieldBag::default();
        use field::*;
        if let Some(v) = &self.weekday {
            bag.weekday = Some(text_width(
                "weekday",
                v,
                Weekday::Narrow,
                Weekday::Short,
                Weekday::Long,
            )?);
        }
        if let Some(v) = &self.era {
            bag.era = Some(text_width("era", v, Era::Narrow, Era::Short, Era::Long)?);
        }
        if let Some(v) = &self.year {
            bag.year = Some(numeric("year", v, Year::Numeric, Year::TwoDigit)?);
        }
        if let Some(v) = &self.month {
            bag.month = Some(match v.as_str() {
                "numeric" => Month::Numeric,
                "2-digit" => Month::TwoDigit,
                v => text_width("month", v, Month::Narrow, Month::Short, Month::Long)?,
            });
        }
        if let Some(v) = &self.day {
            bag.day = Some(numeric("day", v, Day::Numeric, Day::TwoDigit)?);
        }
        if let Some(v) = &self.hour {
            bag.hour = Some(numeric("hour", v, Hour::Numeric, Hour::TwoDigit)?);
        }
        if let Some(v) = &self.minute {
            bag.minute = Some(numeric("minute", v, Minute::Numeric, Minute::TwoDigit)?);
        }
        if let Some(v) = &self.second {
            bag.second = Some(numeric("second", v, Second::Numeric, Second::TwoDigit)?);
        }
        if let Some(v) = &self.day_period {
            bag.day_period = Some(text_width(
                "dayPeriod",
                v,
                DayPeriod::FlexibleNarrow,
                DayPeriod::FlexibleShort,
                DayPeriod::FlexibleLong,
            )?);
        }
        if let Some(n) = self.fractional_second_digits {
            bag.fractional_second_digits = Some(match n {
                1 => FractionalSecondDigits::F1,
                2 => FractionalSecondDigits::F2,
                3 => FractionalSecondDigits::F3,
                _ => return Err(bad("fractionalSecondDigits", &n.to_string())),
            });
        }
        if let Some(v) = &self.time_zone_name {
            bag.time_zone_name = Some(match v.as_str() {
                "short" => TimeZoneName::ShortSpecific,
                "long" => TimeZoneName::LongSpecific,
                "shortOffset" => TimeZoneName::ShortOffset,
                "longOffset" => TimeZoneName::LongOffset,
                "shortGeneric" => TimeZoneName::ShortGeneric,
                "longGeneric" => TimeZoneName::LongGeneric,
                _ => return Err(bad("timeZoneName", v)),
            });
        }
        Ok(bag)
    }

    /// `dateStyle`/`timeStyle` as an ICU4X field set.
    pub(crate) fn styled_field_set(&self) -> Result<CompositeFieldSet, IntlError> {
        let mut builder = FieldSetBuilder::default();
        if let Some(v) = &self.date_style {
            builder.length = Some(style_length("dateStyle", v)?);
            builder.date_fields = Some(if v == "full" {
                DateFields::YMDE
            } else {
                DateFields::YMD
            });
        }
        if let Some(v) = &self.time_style {
            let length = style_length("timeStyle", v)?;
            builder.length.get_or_insert(length);
            builder.time_precision = Some(if v == "short" {
                TimePrecision::Minute
            } else {
                TimePrecision::Second
            });
        }
        builder
            .build_composite()
            .map_err(|e| IntlError::Range(format!("Invalid option : {e:?}")))
    }

    pub(crate) fn hour_cycle(&self) -> Result<Option<HourCycle>, IntlError> {
        if let Some(h12) = self.hour12 {
            return Ok(Some(if h12 { HourCycle::H12 } else { HourCycle::H23 }));
        }
        self.hour_cycle
            .as_deref()
            .map(|v| match v {
                "h11" => Ok(HourCycle::H11),
                "h12" => Ok(HourCycle::H12),
                "h23" | "h24" => Ok(HourCycle::H23),
                _ => Err(bad("hourCycle", v)),
            })
            .transpose()
    }
}
