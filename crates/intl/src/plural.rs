//! `Intl.PluralRules`: the CLDR plural category of a number.

use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

use crate::IntlError;
use crate::error::data_error;
use crate::number_digits::{DigitRequest, Digits, decimal_of};

/// `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PluralKind {
    /// `cardinal` (1 item, 2 items).
    #[default]
    Cardinal,
    /// `ordinal` (1st, 2nd).
    Ordinal,
}

/// Plural rules with their digit options (the category depends on the
/// digits shown: `1.0` is `other` in English).
pub struct PluralRulesFormat {
    rules: PluralRules,
    digits: Digits,
}

/// The ECMA-402 name of a category.
fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

impl PluralRulesFormat {
    /// Rules for `locale`.
    pub fn try_new(
        locale: &Locale,
        kind: PluralKind,
        digits: DigitRequest,
    ) -> Result<Self, IntlError> {
        let digits = Digits::resolve(digits, 0, 3)?;
        let prefs = locale.into();
        let rules = match kind {
            PluralKind::Cardinal => PluralRules::try_new_cardinal(prefs),
            PluralKind::Ordinal => PluralRules::try_new_ordinal(prefs),
        }
        .map_err(|e| data_error("plural data", e))?;
        Ok(PluralRulesFormat { rules, digits })
    }

    /// `select(x)`.
    pub fn select(&self, x: f64) -> &'static str {
        match decimal_of(x) {
            Some(d) => category_name(self.rules.category_for(&self.digits.apply(d))),
            None => "other",
        }
    }

    /// `resolvedOptions().pluralCategories`, in CLDR order.
    pub fn categories(&self) -> Vec<&'static str> {
        self.rules.categories().map(category_name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_ordinals_and_cardinals() {
        let en = crate::canonical_locale("en-US").unwrap();
        let ord = PluralRulesFormat::try_new(&en, PluralKind::Ordinal, Default::default()).unwrap();
        assert_eq!(
            [
                ord.select(1.0),
                ord.select(2.0),
                ord.select(3.0),
                ord.select(11.0)
            ],
            ["one", "two", "few", "other"]
        );
        let card =
            PluralRulesFormat::try_new(&en, PluralKind::Cardinal, Default::default()).unwrap();
        assert_eq!([card.select(1.0), card.select(2.0)], ["one", "other"]);
    }

    #[test]
    fn chinese_has_only_other() {
        let zh = crate::canonical_locale("zh-CN").unwrap();
        let card =
            PluralRulesFormat::try_new(&zh, PluralKind::Cardinal, Default::default()).unwrap();
        assert_eq!(card.select(1.0), "other");
        assert_eq!(card.categories(), ["other"]);
    }
}
