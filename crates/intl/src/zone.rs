//! The device's time zone: offsets and local fields of an instant from the
//! IANA database bundled with jiff (the same rules a phone's OS has).

use jiff::Timestamp;
use jiff::civil::DateTime;

use crate::IntlError;

/// The time zone of most users' phones, the simulated device's default.
pub const DEFAULT_TIME_ZONE: &str = "Asia/Shanghai";

/// A named IANA time zone.
#[derive(Clone, Debug)]
pub struct TimeZone {
    name: String,
    tz: jiff::tz::TimeZone,
}

/// The local wall-clock fields of an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalFields {
    /// Offset from UTC in milliseconds (east positive).
    pub offset_ms: i64,
    /// The instant shifted by the offset: local time as a JS time value.
    pub local_ms: i64,
}

impl TimeZone {
    /// The zone named `name` (`Asia/Shanghai`, `UTC`), or the `RangeError`
    /// V8 throws for an unknown one.
    pub fn named(name: &str) -> Result<Self, IntlError> {
        let tz = jiff::tz::TimeZone::get(name)
            .map_err(|_| IntlError::Range(format!("Invalid time zone specified: {name}")))?;
        let name = tz.iana_name().unwrap_or(name).to_owned();
        Ok(TimeZone { name, tz })
    }

    /// The IANA name (canonical case: `asia/shanghai` → `Asia/Shanghai`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The offset and local time at a JS time value (ms since the epoch);
    /// `None` outside the range the database covers.
    pub fn local(&self, epoch_ms: f64) -> Option<LocalFields> {
        let ts = timestamp(epoch_ms)?;
        let offset_ms = i64::from(self.tz.to_offset(ts).seconds()) * 1000;
        Some(LocalFields {
            offset_ms,
            local_ms: epoch_ms as i64 + offset_ms,
        })
    }

    /// The instant whose local time is `local_ms` (local fields encoded as
    /// a UTC time value); a time skipped by a DST jump resolves to the
    /// later side, a repeated one to the earlier, as ECMA-262 asks.
    pub fn from_local(&self, local_ms: f64) -> Option<f64> {
        let civil = timestamp(local_ms)?
            .to_zoned(jiff::tz::TimeZone::UTC)
            .datetime();
        let zoned = self.tz.to_ambiguous_zoned(civil).compatible().ok()?;
        Some(zoned.timestamp().as_millisecond() as f64)
    }

    /// The instant as an RFC 9557 string with its zone annotation, the
    /// input ICU4X's datetime formatter parses.
    pub(crate) fn ixdtf(&self, epoch_ms: f64) -> Option<String> {
        let zoned = timestamp(epoch_ms)?.to_zoned(self.tz.clone());
        let dt: DateTime = zoned.datetime();
        let offset = zoned.offset().seconds();
        let sign = if offset < 0 { '-' } else { '+' };
        let offset = offset.unsigned_abs();
        Some(format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}{}{:02}:{:02}[{}]",
            dt.year(),
            dt.month(),
            dt.day(),
            dt.hour(),
            dt.minute(),
            dt.second(),
            dt.millisecond(),
            sign,
            offset / 3600,
            offset / 60 % 60,
            self.name
        ))
    }
}

/// An RFC 3339 instant with an offset or `Z` (`2026-12-07T10:00:00+08:00`)
/// as ms since the epoch.
pub fn parse_instant(text: &str) -> Option<f64> {
    let ts: Timestamp = text.trim().parse().ok()?;
    Some(ts.as_millisecond() as f64)
}

/// ms since the epoch as an RFC 3339 instant in UTC.
pub fn format_instant(epoch_ms: f64) -> Option<String> {
    Some(timestamp(epoch_ms)?.to_string())
}

fn timestamp(epoch_ms: f64) -> Option<Timestamp> {
    if !epoch_ms.is_finite() {
        return None;
    }
    Timestamp::from_millisecond(epoch_ms.floor() as i64).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shanghai_is_eight_hours_east_all_year() {
        let tz = TimeZone::named(DEFAULT_TIME_ZONE).unwrap();
        let l = tz.local(1_780_000_000_000.0).unwrap();
        assert_eq!(l.offset_ms, 8 * 3_600_000);
    }

    #[test]
    fn new_york_follows_dst_and_skipped_times_move_later() {
        let tz = TimeZone::named("America/New_York").unwrap();
        // 2026-07-01T12:00Z is 08:00 EDT (-4h); 2026-01-01T12:00Z is 07:00 EST (-5h).
        assert_eq!(
            tz.local(1_782_907_200_000.0).unwrap().offset_ms,
            -4 * 3_600_000
        );
        assert_eq!(
            tz.local(1_767_268_800_000.0).unwrap().offset_ms,
            -5 * 3_600_000
        );
        // 2026-03-08 02:30 does not exist in New York: it is 03:30 EDT = 07:30Z.
        let local = 1_772_937_000_000.0; // 2026-03-08T02:30:00 as a UTC value
        assert_eq!(tz.from_local(local), Some(1_772_955_000_000.0));
    }

    #[test]
    fn parse_instant_needs_an_offset() {
        assert_eq!(
            parse_instant("2026-12-07T10:00:00+08:00"),
            Some(1_796_608_800_000.0)
        );
        assert_eq!(
            parse_instant("2026-12-07T02:00:00Z"),
            Some(1_796_608_800_000.0)
        );
        assert_eq!(parse_instant("2026-12-07T10:00:00"), None);
        assert_eq!(parse_instant("tomorrow"), None);
    }

    #[test]
    fn unknown_zone_is_a_range_error_and_bad_instants_are_none() {
        assert!(matches!(
            TimeZone::named("Mars/Olympus"),
            Err(IntlError::Range(_))
        ));
        let tz = TimeZone::named("UTC").unwrap();
        assert_eq!(tz.local(f64::NAN), None);
        assert_eq!(tz.ixdtf(0.0).unwrap(), "1970-01-01T00:00:00.000+00:00[UTC]");
    }
}
