//! `Intl.DateTimeFormat` and `Date.prototype.toLocale*String`: an instant
//! (or a range of two) in a time zone, formatted with the field set the
//! options bag reads as (`datetime_options`).

use std::cell::OnceCell;

use icu_calendar::Iso;
use icu_datetime::fieldsets::enums::CompositeFieldSet;
use icu_datetime::range::DateRangeFormatter;
use icu_datetime::{DateTimeFormatter, DateTimeFormatterPreferences};
use icu_locale_core::Locale;
use icu_locale_core::preferences::extensions::unicode::keywords::HourCycle;
use icu_time::ZonedDateTime;
use icu_time::zone::IanaParserBorrowed;
use icu_time::zone::models::AtTime;
use writeable::Writeable;

use crate::datetime_options::{DateDefaults, DateTimeOptions};
use crate::datetime_parts::PartsSink;
use crate::error::data_error;
use crate::resolved::Resolved;
use crate::{IntlError, TimeZone};

/// One piece of `formatToParts`: its ECMA-402 type and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormattedPart {
    /// `year`, `month`, `literal`…
    pub kind: &'static str,
    /// The text.
    pub value: String,
}

/// A date/time formatter for one locale, options and time zone.
pub struct DateTimeFormat {
    locale: Locale,
    time_zone: TimeZone,
    formatter: DateTimeFormatter<CompositeFieldSet>,
    hour_cycle: Option<HourCycle>,
    prefs: DateTimeFormatterPreferences,
    field_set: CompositeFieldSet,
    /// `dateStyle` / `timeStyle` when the format was asked for by style.
    styles: Option<(Option<String>, Option<String>)>,
    /// The options after defaults, for the widths `resolvedOptions` reports.
    options: DateTimeOptions,
    /// The range formatter, made on the first `formatRange`.
    range: OnceCell<Result<DateRangeFormatter<CompositeFieldSet>, IntlError>>,
}

impl DateTimeFormat {
    /// A formatter for `locale`; `device_zone` is used when the options
    /// name no `timeZone`.
    pub fn try_new(
        locale: &Locale,
        options: DateTimeOptions,
        defaults: DateDefaults,
        device_zone: &TimeZone,
    ) -> Result<Self, IntlError> {
        let styled = options.date_style.is_some() || options.time_style.is_some();
        if styled
            && (options.has_date()
                || options.has_time()
                || options.era.is_some()
                || options.time_zone_name.is_some())
        {
            return Err(IntlError::Type("Invalid option : dateStyle".into()));
        }
        let options = options.with_defaults(defaults);
        let time_zone = match &options.time_zone {
            Some(name) => TimeZone::named(name)?,
            None => device_zone.clone(),
        };
        let field_set = if styled {
            options.styled_field_set()?
        } else {
            options
                .field_bag()?
                .to_field_set_builder()
                .build_composite()
                .map_err(|e| IntlError::Range(format!("Invalid option : {e:?}")))?
        };
        let hour_cycle = options.hour_cycle()?;
        let mut prefs = DateTimeFormatterPreferences::from(locale);
        if hour_cycle.is_some() {
            prefs.hour_cycle = hour_cycle;
        }
        let formatter = DateTimeFormatter::try_new(prefs, field_set)
            .map_err(|e| data_error("date format data", e))?;
        Ok(DateTimeFormat {
            locale: locale.clone(),
            time_zone,
            formatter,
            hour_cycle,
            prefs,
            field_set,
            styles: styled.then(|| (options.date_style.clone(), options.time_style.clone())),
            range: OnceCell::new(),
            options,
        })
    }

    /// The locale in use.
    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    /// The time zone in use.
    pub fn time_zone(&self) -> &TimeZone {
        &self.time_zone
    }

    /// The `hour12`/`hourCycle` override, if any.
    pub fn hour_cycle(&self) -> Option<&'static str> {
        self.hour_cycle.map(|h| match h {
            HourCycle::H11 => "h11",
            HourCycle::H12 => "h12",
            _ => "h23",
        })
    }

    /// `resolvedOptions()`: the field options as the chosen pattern has
    /// them, in the order V8 lists them.
    pub fn resolved(&self) -> Resolved {
        let r = Resolved::new(&self.locale)
            .text("calendar", "gregory")
            .text("numberingSystem", "latn")
            .text("timeZone", self.time_zone.name());
        // Any instant shows the pattern's fields.
        let pattern = self
            .zoned(0.0)
            .map(|input| self.formatter.format(&input).pattern().to_string())
            .unwrap_or_default();
        let o = &self.options;
        let requested = |name: &str| match name {
            "weekday" => o.weekday.clone(),
            "era" => o.era.clone(),
            "year" => o.year.clone(),
            "month" => o.month.clone(),
            "day" => o.day.clone(),
            "dayPeriod" => o.day_period.clone(),
            "hour" => o.hour.clone(),
            "minute" => o.minute.clone(),
            "second" => o.second.clone(),
            "fractionalSecondDigits" => o.fractional_second_digits.map(|n| n.to_string()),
            "timeZoneName" => o.time_zone_name.clone(),
            _ => None,
        };
        let mut r = crate::datetime_resolved::add_pattern_fields(
            r,
            &pattern,
            self.styles.is_some(),
            &requested,
        );
        if let Some((date, time)) = &self.styles {
            r = r
                .text_if("dateStyle", date.clone())
                .text_if("timeStyle", time.clone());
        }
        r
    }

    fn zoned(&self, epoch_ms: f64) -> Option<ZonedDateTime<Iso, icu_time::TimeZoneInfo<AtTime>>> {
        let text = self.time_zone.ixdtf(epoch_ms)?;
        ZonedDateTime::try_strict_from_str(&text, Iso, IanaParserBorrowed::new()).ok()
    }

    /// `format(date)` for a JS time value; `None` for an invalid date
    /// (the binding throws V8's `RangeError: Invalid time value`).
    pub fn format(&self, epoch_ms: f64) -> Option<String> {
        let text: String = self
            .format_to_parts(epoch_ms)?
            .into_iter()
            .map(|p| p.value)
            .collect();
        // V8's format() (not formatToParts) prints CLDR's narrow no-break
        // space before AM/PM as a plain space, for pages that match on it.
        Some(text.replace('\u{202f}', " "))
    }

    /// `formatToParts(date)`.
    pub fn format_to_parts(&self, epoch_ms: f64) -> Option<Vec<FormattedPart>> {
        let input = self.zoned(epoch_ms)?;
        let mut sink = PartsSink::default();
        self.formatter
            .format(&input)
            .write_to_parts(&mut sink)
            .ok()?;
        Some(sink.finish().into_iter().map(|(p, _)| p).collect())
    }

    /// `formatRange(start, end)`; `Ok(None)` when either time value is
    /// invalid (the binding throws V8's `RangeError`).
    pub fn format_range(&self, start_ms: f64, end_ms: f64) -> Result<Option<String>, IntlError> {
        Ok(self.format_range_to_parts(start_ms, end_ms)?.map(|parts| {
            let text: String = parts.into_iter().map(|(p, _)| p.value).collect();
            text.replace('\u{202f}', " ")
        }))
    }

    /// `formatRangeToParts(start, end)`: each part with its `source`
    /// (`startRange`, `endRange` or `shared`).
    pub fn format_range_to_parts(
        &self,
        start_ms: f64,
        end_ms: f64,
    ) -> Result<Option<Vec<(FormattedPart, &'static str)>>, IntlError> {
        let range = self
            .range
            .get_or_init(|| {
                DateRangeFormatter::try_new(self.prefs, self.field_set)
                    .map_err(|e| data_error("date range data", e))
            })
            .as_ref()
            .map_err(Clone::clone)?;
        let (Some(start), Some(end)) = (self.zoned(start_ms), self.zoned(end_ms)) else {
            return Ok(None);
        };
        // Two instants of one day that the pattern shows alike format as
        // one date, every part shared (ECMA-402
        // PartitionDateTimeRangePattern).
        let day = |ms| {
            self.time_zone
                .ixdtf(ms)
                .map(|t| t.chars().take(10).collect::<String>())
        };
        let single = self.format_to_parts(start_ms);
        if day(start_ms) == day(end_ms) && single == self.format_to_parts(end_ms) {
            return Ok(single.map(|parts| parts.into_iter().map(|p| (p, "shared")).collect()));
        }
        let mut sink = PartsSink::default();
        if range
            .format(&start, &end)
            .write_to_parts(&mut sink)
            .is_err()
        {
            return Ok(None);
        }
        Ok(Some(sink.finish()))
    }
}

/// The zone's long specific names in one locale ("China Standard Time",
/// "中国标准时间"), as V8 prints them in `Date.prototype.toString`.
pub struct ZoneLongName(DateTimeFormat);

impl ZoneLongName {
    /// Names of `zone` in `locale`.
    pub fn try_new(locale: &Locale, zone: &TimeZone) -> Result<Self, IntlError> {
        let options = DateTimeOptions {
            time_zone_name: Some("long".into()),
            ..Default::default()
        };
        DateTimeFormat::try_new(locale, options, DateDefaults::Any, zone).map(ZoneLongName)
    }

    /// The name in effect at an instant (standard or daylight time).
    pub fn at(&self, epoch_ms: f64) -> Option<String> {
        self.0
            .format_to_parts(epoch_ms)?
            .into_iter()
            .find(|p| p.kind == "timeZoneName")
            .map(|p| p.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(tag: &str, options: DateTimeOptions, defaults: DateDefaults, ms: f64) -> String {
        let locale = crate::canonical_locale(tag).unwrap();
        let zone = TimeZone::named(crate::DEFAULT_TIME_ZONE).unwrap();
        DateTimeFormat::try_new(&locale, options, defaults, &zone)
            .unwrap()
            .format(ms)
            .unwrap()
    }

    // 2026-12-07T02:00:00Z, 10:00 in Shanghai.
    const MORNING: f64 = 1_796_608_800_000.0;

    #[test]
    fn default_date_is_numeric_ymd_in_the_device_zone() {
        assert_eq!(
            fmt("zh-CN", Default::default(), DateDefaults::Any, MORNING),
            "2026/12/7"
        );
        assert_eq!(
            fmt("en-US", Default::default(), DateDefaults::Any, MORNING),
            "12/7/2026"
        );
    }

    #[test]
    fn parts_split_fields_from_literals() {
        let locale = crate::canonical_locale("zh-CN").unwrap();
        let zone = TimeZone::named("UTC").unwrap();
        let f =
            DateTimeFormat::try_new(&locale, Default::default(), DateDefaults::Any, &zone).unwrap();
        let parts = f.format_to_parts(MORNING).unwrap();
        let kinds: Vec<_> = parts.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, ["year", "literal", "month", "literal", "day"]);
    }

    #[test]
    fn ranges_mark_each_side_and_share_what_both_have() {
        let locale = crate::canonical_locale("en-US").unwrap();
        let zone = TimeZone::named("UTC").unwrap();
        let f =
            DateTimeFormat::try_new(&locale, Default::default(), DateDefaults::Any, &zone).unwrap();
        let two_days = 2.0 * 86_400_000.0;
        let parts = f
            .format_range_to_parts(MORNING, MORNING + two_days)
            .unwrap()
            .unwrap();
        let sources: Vec<_> = parts.iter().map(|(_, s)| *s).collect();
        assert!(sources.contains(&"startRange") && sources.contains(&"endRange"));
        assert_eq!(
            f.format_range(MORNING, MORNING + two_days)
                .unwrap()
                .unwrap(),
            "12/7/2026\u{2009}–\u{2009}12/9/2026"
        );
        assert_eq!(f.format_range(f64::NAN, MORNING).unwrap(), None);
    }

    #[test]
    fn resolved_options_read_the_pattern() {
        let locale = crate::canonical_locale("en-US").unwrap();
        let zone = TimeZone::named("UTC").unwrap();
        let options = DateTimeOptions {
            hour: Some("numeric".into()),
            minute: Some("numeric".into()),
            ..Default::default()
        };
        let f = DateTimeFormat::try_new(&locale, options, DateDefaults::Any, &zone).unwrap();
        let names: Vec<_> = f.resolved().fields().iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "locale",
                "calendar",
                "numberingSystem",
                "timeZone",
                "hourCycle",
                "hour12",
                "hour",
                "minute"
            ]
        );
    }

    #[test]
    fn bad_option_values_are_range_errors_and_invalid_dates_none() {
        let locale = crate::canonical_locale("en-US").unwrap();
        let zone = TimeZone::named("UTC").unwrap();
        let options = DateTimeOptions {
            month: Some("huge".into()),
            ..Default::default()
        };
        assert!(DateTimeFormat::try_new(&locale, options, DateDefaults::Any, &zone).is_err());
        let f =
            DateTimeFormat::try_new(&locale, Default::default(), DateDefaults::Any, &zone).unwrap();
        assert_eq!(f.format(f64::NAN), None);
    }
}
