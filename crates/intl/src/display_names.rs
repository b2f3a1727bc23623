//! `Intl.DisplayNames` for languages, regions, scripts and currencies
//! ("简体中文", "Taiwan", "人民币") on ICU4X's display names.

use icu_experimental::dimension::provider::currency::displayname::CurrencyDisplaynameV1;
use icu_experimental::displaynames::multi::{
    LocaleDisplayNamesFormatter, RegionDisplayNames, ScriptDisplayNames,
};
use icu_experimental::displaynames::{DisplayNamesOptions, LanguageDisplay, Style};
use icu_locale_core::subtags::{Region, Script};
use icu_locale_core::{DataLocale, Locale};
use icu_provider::prelude::*;

use crate::IntlError;
use crate::error::data_error;

/// `type`: what the codes name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisplayKind {
    /// `language`: a language tag (`zh-Hant`).
    Language,
    /// `region`: a region code (`TW`, `419`).
    Region,
    /// `script`: a script code (`Hans`).
    Script,
    /// `currency`: an ISO 4217 code (`CNY`).
    Currency,
}

fn bad(name: &str, value: &str) -> IntlError {
    crate::error::out_of_range("DisplayNames", name, value)
}

impl DisplayKind {
    /// `language` | `region` | `script` | `currency`; `calendar` and
    /// `dateTimeField` are a `RangeError` (ICU4X has no such names).
    pub fn parse(name: &str) -> Result<Self, IntlError> {
        match name {
            "language" => Ok(DisplayKind::Language),
            "region" => Ok(DisplayKind::Region),
            "script" => Ok(DisplayKind::Script),
            "currency" => Ok(DisplayKind::Currency),
            "calendar" | "dateTimeField" => Err(IntlError::Range(format!(
                "Intl.DisplayNames type \"{name}\" is not supported by mpcanvas: ICU4X has no {name} names"
            ))),
            _ => Err(bad("type", name)),
        }
    }
}

enum Names {
    // Boxed: the language formatter is several times the others' size.
    Language(Box<LocaleDisplayNamesFormatter>),
    Region(RegionDisplayNames),
    Script(ScriptDisplayNames),
    /// Currency names are looked up per code.
    Currency(DataLocale),
}

/// Display names of one kind in one locale.
pub struct DisplayNames {
    names: Names,
    /// `fallback: "code"`: an unknown code names itself.
    fallback_code: bool,
}

impl DisplayNames {
    /// Names of `kind` in `locale`; `style` is `long`, `short` or
    /// `narrow`, `language_display` `dialect` or `standard`.
    pub fn try_new(
        locale: &Locale,
        kind: DisplayKind,
        style: &str,
        fallback_code: bool,
        language_display: &str,
    ) -> Result<Self, IntlError> {
        let mut options = DisplayNamesOptions::default();
        options.style = Some(match style {
            "long" => Style::Long,
            "short" => Style::Short,
            "narrow" => Style::Narrow,
            _ => return Err(bad("style", style)),
        });
        options.language_display = match language_display {
            "dialect" => LanguageDisplay::Dialect,
            "standard" => LanguageDisplay::Standard,
            _ => return Err(bad("languageDisplay", language_display)),
        };
        let err = |e| data_error("display name data", e);
        let prefs = locale.into();
        let names = match kind {
            DisplayKind::Language => Names::Language(Box::new(
                LocaleDisplayNamesFormatter::try_new(prefs, options).map_err(err)?,
            )),
            DisplayKind::Region => {
                Names::Region(RegionDisplayNames::try_new(prefs, options).map_err(err)?)
            }
            DisplayKind::Script => {
                Names::Script(ScriptDisplayNames::try_new(prefs, options).map_err(err)?)
            }
            DisplayKind::Currency => Names::Currency(DataLocale::from(locale)),
        };
        Ok(DisplayNames {
            names,
            fallback_code,
        })
    }

    /// `of(code)`: the name, the canonical code when there is none and
    /// `fallback` is `code`, else `None`; a malformed code is the
    /// `RangeError` V8 throws.
    pub fn of(&self, code: &str) -> Result<Option<String>, IntlError> {
        let invalid = || IntlError::Range("invalid_argument".into());
        let (name, canonical) = match &self.names {
            Names::Language(f) => {
                let locale: Locale = code.parse().map_err(|_| invalid())?;
                let canonical = locale.to_string();
                let name = f.of(&locale).into_owned();
                // ICU4X echoes the tag when it has no name for it.
                let name = (name != canonical).then_some(name);
                (name, canonical)
            }
            Names::Region(f) => {
                let region: Region = code.parse().map_err(|_| invalid())?;
                (f.of(region).map(str::to_owned), region.to_string())
            }
            Names::Script(f) => {
                let script: Script = code.parse().map_err(|_| invalid())?;
                (f.of(script).map(str::to_owned), script.to_string())
            }
            Names::Currency(locale) => {
                if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(invalid());
                }
                // V8 falls back to the code as the page wrote it.
                (
                    currency_name(locale, &code.to_ascii_uppercase()),
                    code.to_owned(),
                )
            }
        };
        Ok(name.or(self.fallback_code.then_some(canonical)))
    }
}

/// A currency's display name ("Chinese Yuan", "人民币") in `locale`.
fn currency_name(locale: &DataLocale, code: &str) -> Option<String> {
    let attribute = DataMarkerAttributes::try_from_str(code).ok()?;
    let request = DataRequest {
        id: DataIdentifierBorrowed::for_marker_attributes_and_locale(attribute, locale),
        ..Default::default()
    };
    let response: DataResponse<CurrencyDisplaynameV1> =
        icu_experimental::provider::Baked.load(request).ok()?;
    Some(response.payload.get().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(tag: &str, kind: DisplayKind, code: &str) -> Option<String> {
        let locale = crate::canonical_locale(tag).unwrap();
        DisplayNames::try_new(&locale, kind, "long", true, "dialect")
            .unwrap()
            .of(code)
            .unwrap()
    }

    #[test]
    fn regions_and_languages_in_the_page_locale() {
        assert_eq!(
            name("en-US", DisplayKind::Region, "TW").as_deref(),
            Some("Taiwan")
        );
        assert_eq!(
            name("zh-CN", DisplayKind::Region, "US").as_deref(),
            Some("美国")
        );
        assert_eq!(
            name("en-US", DisplayKind::Language, "fr").as_deref(),
            Some("French")
        );
    }

    #[test]
    fn currencies_by_code() {
        assert_eq!(
            name("en-US", DisplayKind::Currency, "cny").as_deref(),
            Some("Chinese Yuan")
        );
        assert_eq!(
            name("zh-CN", DisplayKind::Currency, "CNY").as_deref(),
            Some("人民币")
        );
    }

    #[test]
    fn unknown_codes_fall_back_and_malformed_ones_are_errors() {
        assert_eq!(
            name("en-US", DisplayKind::Region, "QZ").as_deref(),
            Some("QZ")
        );
        let locale = crate::canonical_locale("en-US").unwrap();
        let f =
            DisplayNames::try_new(&locale, DisplayKind::Region, "long", true, "dialect").unwrap();
        assert!(f.of("not a region").is_err());
    }
}
