//! The locale behaviour of a phone's JavaScript engine (V8/JavaScriptCore
//! with full ICU) in plain Rust on ICU4X: number, date, plural, relative
//! time and list formatting, display names, segmentation, collation and
//! case mapping, plus the device's time zone.
//! The QuickJS binding in `mpcanvas-js` turns these into `Intl` and the
//! `toLocale*` methods.

#![forbid(unsafe_code)]

mod case;
mod collator;
mod datetime;
mod datetime_options;
mod datetime_parts;
mod datetime_resolved;
mod display_names;
mod error;
mod list;
mod locale;
mod number;
mod number_compact;
mod number_currency;
mod number_digits;
mod number_parts;
mod number_scientific;
mod plural;
mod relative;
mod resolved;
mod segmenter;
mod units;
mod zone;

pub use case::{to_locale_lower, to_locale_upper};
pub use collator::{CaseFirst, CollatorOptions, LocaleCollator, Sensitivity};
pub use datetime::{DateTimeFormat, FormattedPart, ZoneLongName};
pub use datetime_options::{DateDefaults, DateTimeOptions};
pub use display_names::{DisplayKind, DisplayNames};
pub use error::IntlError;
pub use fixed_decimal::SignDisplay;
pub use icu_locale_core::Locale;
pub use list::{ListFormat, ListType};
pub use locale::{
    DEFAULT_LOCALE, SHIPPED_LANGUAGES, canonical_locale, device_locale, is_shipped,
    requested_locale, resolve_locale,
};
pub use number::{Grouping, Notation, NumberFormat, NumberOptions, NumberStyle};
pub use number_compact::CompactDisplay;
pub use number_currency::CurrencyDisplay;
pub use number_digits::{DigitRequest, Digits};
pub use plural::{PluralKind, PluralRulesFormat};
pub use relative::{RelativeStyle, RelativeTimeFormat, RelativeUnit};
pub use resolved::{Resolved, ResolvedValue};
pub use segmenter::{Granularity, Segment, segments};
pub use units::{SANCTIONED_UNITS, UnitDisplay};
pub use zone::{DEFAULT_TIME_ZONE, TimeZone, format_instant, parse_instant};
