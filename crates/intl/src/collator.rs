//! `Intl.Collator` / `localeCompare`: UCA with the locale's tailoring
//! (pinyin order for zh-CN, stroke order for zh-TW).

use std::cmp::Ordering;

use icu_collator::options::{
    AlternateHandling, CaseLevel, CollatorOptions as IcuOptions, Strength,
};
use icu_collator::preferences::{CollationCaseFirst, CollationNumericOrdering};
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use icu_locale_core::Locale;

use crate::IntlError;
use crate::error::data_error;

/// `sensitivity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sensitivity {
    /// `base`: a ≠ b, a = á, a = A.
    Base,
    /// `accent`: a ≠ á, a = A.
    Accent,
    /// `case`: a ≠ A, a = á.
    Case,
    /// `variant` (the default for sorting).
    #[default]
    Variant,
}

/// `caseFirst`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaseFirst {
    /// `false`: the locale's default.
    #[default]
    Default,
    /// `upper`.
    Upper,
    /// `lower`.
    Lower,
}

/// The options of `Intl.Collator`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CollatorOptions {
    /// `sensitivity`.
    pub sensitivity: Sensitivity,
    /// `numeric`: digits compare as numbers.
    pub numeric: bool,
    /// `ignorePunctuation`.
    pub ignore_punctuation: bool,
    /// `caseFirst`.
    pub case_first: CaseFirst,
}

/// A collator for one locale and options.
pub struct LocaleCollator {
    collator: CollatorBorrowed<'static>,
}

impl LocaleCollator {
    /// A collator for `locale`.
    pub fn try_new(locale: &Locale, options: CollatorOptions) -> Result<Self, IntlError> {
        let mut prefs = CollatorPreferences::from(locale);
        if options.numeric {
            prefs.numeric_ordering = Some(CollationNumericOrdering::True);
        }
        prefs.case_first = match options.case_first {
            CaseFirst::Default => prefs.case_first,
            CaseFirst::Upper => Some(CollationCaseFirst::Upper),
            CaseFirst::Lower => Some(CollationCaseFirst::Lower),
        };
        let mut icu = IcuOptions::default();
        let (strength, case_level) = match options.sensitivity {
            Sensitivity::Base => (Strength::Primary, CaseLevel::Off),
            Sensitivity::Accent => (Strength::Secondary, CaseLevel::Off),
            Sensitivity::Case => (Strength::Primary, CaseLevel::On),
            Sensitivity::Variant => (Strength::Tertiary, CaseLevel::Off),
        };
        icu.strength = Some(strength);
        icu.case_level = Some(case_level);
        if options.ignore_punctuation {
            icu.alternate_handling = Some(AlternateHandling::Shifted);
        }
        let collator =
            Collator::try_new(prefs, icu).map_err(|e| data_error("collation data", e))?;
        Ok(LocaleCollator { collator })
    }

    /// `compare(a, b)`.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collator(tag: &str, options: CollatorOptions) -> LocaleCollator {
        LocaleCollator::try_new(&crate::canonical_locale(tag).unwrap(), options).unwrap()
    }

    #[test]
    fn zh_cn_sorts_by_pinyin() {
        let c = collator("zh-CN", CollatorOptions::default());
        // 阿 (ā) before 北 (běi) before 中 (zhōng).
        assert_eq!(c.compare("阿", "北"), Ordering::Less);
        assert_eq!(c.compare("中", "北"), Ordering::Greater);
    }

    #[test]
    fn numeric_option_compares_digit_runs_as_numbers() {
        let plain = collator("en-US", CollatorOptions::default());
        let numeric = collator(
            "en-US",
            CollatorOptions {
                numeric: true,
                ..Default::default()
            },
        );
        assert_eq!(plain.compare("item10", "item9"), Ordering::Less);
        assert_eq!(numeric.compare("item10", "item9"), Ordering::Greater);
    }

    #[test]
    fn base_sensitivity_ignores_accents_and_case() {
        let c = collator(
            "en-US",
            CollatorOptions {
                sensitivity: Sensitivity::Base,
                ..Default::default()
            },
        );
        assert_eq!(c.compare("a", "Á"), Ordering::Equal);
    }
}
