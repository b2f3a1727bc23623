//! `toLocaleUpperCase` / `toLocaleLowerCase`: full Unicode case mapping with
//! the language's special cases (Turkish dotted i, Lithuanian…).

use icu_casemap::CaseMapper;
use icu_locale_core::Locale;

/// `s.toLocaleUpperCase(locale)`.
pub fn to_locale_upper(s: &str, locale: &Locale) -> String {
    CaseMapper::new()
        .uppercase_to_string(s, &locale.id)
        .into_owned()
}

/// `s.toLocaleLowerCase(locale)`.
pub fn to_locale_lower(s: &str, locale: &Locale) -> String {
    CaseMapper::new()
        .lowercase_to_string(s, &locale.id)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_uppercase_dots_the_i() {
        let tr = crate::canonical_locale("tr").unwrap();
        let en = crate::canonical_locale("en-US").unwrap();
        assert_eq!(to_locale_upper("istanbul", &tr), "İSTANBUL");
        assert_eq!(to_locale_upper("straße", &en), "STRASSE");
        assert_eq!(to_locale_lower("ÀB", &en), "àb");
    }
}
