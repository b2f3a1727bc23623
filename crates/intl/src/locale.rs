//! Locale tags: parsing, canonical form and the device default.

use icu_locale_core::Locale;

use crate::IntlError;

/// The locale of most users' phones, the simulated device's default.
pub const DEFAULT_LOCALE: &str = "zh-CN";

/// The canonical form of a BCP 47 tag (`zh-cn` → `zh-CN`), or a
/// `RangeError` naming the tag as V8 does.
pub fn canonical_locale(tag: &str) -> Result<Locale, IntlError> {
    Locale::try_from_str(tag)
        .map_err(|_| IntlError::Range("Incorrect locale information provided".into()))
}

/// The locale a formatter uses: the first requested tag, else the device's.
/// Every requested tag must be well formed (V8 throws for a bad one even
/// when an earlier one is fine).
pub fn resolve_locale(requested: &[String], device: &Locale) -> Result<Locale, IntlError> {
    let mut first = None;
    for tag in requested {
        let locale = canonical_locale(tag)?;
        first.get_or_insert(locale);
    }
    Ok(first.unwrap_or_else(|| device.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_locale_fixes_case() {
        assert_eq!(canonical_locale("zh-cn").unwrap().to_string(), "zh-CN");
        assert_eq!(canonical_locale("EN-us").unwrap().to_string(), "en-US");
    }

    #[test]
    fn resolve_locale_rejects_bad_tag_and_falls_back_to_device() {
        let device = canonical_locale(DEFAULT_LOCALE).unwrap();
        assert!(resolve_locale(&["not a tag!".into()], &device).is_err());
        assert_eq!(resolve_locale(&[], &device).unwrap().to_string(), "zh-CN");
        let got = resolve_locale(&["en-US".into(), "zh-TW".into()], &device).unwrap();
        assert_eq!(got.to_string(), "en-US");
    }
}
