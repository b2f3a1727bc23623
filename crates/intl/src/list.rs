//! `Intl.ListFormat`: "a, b, and c" / "a、b和c" on ICU4X's list patterns.

use std::fmt;

use icu_list::ListFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_locale_core::Locale;
use writeable::{Part, PartsWrite, Writeable};

use crate::error::data_error;
use crate::{FormattedPart, IntlError};

/// `type`: how the items are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListType {
    /// `conjunction` ("a, b, and c").
    Conjunction,
    /// `disjunction` ("a, b, or c").
    Disjunction,
    /// `unit` ("5 lb, 12 oz").
    Unit,
}

/// A list formatter for one locale, type and style.
pub struct ListFormat {
    formatter: ListFormatter,
}

fn bad(name: &str, value: &str) -> IntlError {
    crate::error::out_of_range("ListFormat", name, value)
}

impl ListType {
    /// `conjunction` | `disjunction` | `unit`.
    pub fn parse(name: &str) -> Result<Self, IntlError> {
        match name {
            "conjunction" => Ok(ListType::Conjunction),
            "disjunction" => Ok(ListType::Disjunction),
            "unit" => Ok(ListType::Unit),
            _ => Err(bad("type", name)),
        }
    }
}

impl ListFormat {
    /// A formatter for `locale`; `style` is `long`, `short` or `narrow`.
    pub fn try_new(locale: &Locale, kind: ListType, style: &str) -> Result<Self, IntlError> {
        let length = match style {
            "long" => ListLength::Wide,
            "short" => ListLength::Short,
            "narrow" => ListLength::Narrow,
            _ => return Err(bad("style", style)),
        };
        let options = ListFormatterOptions::default().with_length(length);
        let prefs = locale.into();
        let formatter = match kind {
            ListType::Conjunction => ListFormatter::try_new_and(prefs, options),
            ListType::Disjunction => ListFormatter::try_new_or(prefs, options),
            ListType::Unit => ListFormatter::try_new_unit(prefs, options),
        }
        .map_err(|e| data_error("list format data", e))?;
        Ok(ListFormat { formatter })
    }

    /// `format(list)`.
    pub fn format(&self, items: &[String]) -> String {
        self.formatter
            .format(items.iter())
            .write_to_string()
            .into_owned()
    }

    /// `formatToParts(list)`: `element` and `literal` parts.
    pub fn format_to_parts(&self, items: &[String]) -> Vec<FormattedPart> {
        let mut sink = ListParts::default();
        // Writing to a Vec cannot fail.
        let _ = self
            .formatter
            .format(items.iter())
            .write_to_parts(&mut sink);
        sink.parts
    }
}

/// Collects `element` parts; everything between them is `literal`.
#[derive(Default)]
struct ListParts {
    parts: Vec<FormattedPart>,
    in_element: bool,
}

impl fmt::Write for ListParts {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if s.is_empty() && !self.in_element {
            return Ok(());
        }
        let kind = if self.in_element {
            "element"
        } else {
            "literal"
        };
        match self.parts.last_mut() {
            // An element's text continues the part `with_part` opened.
            Some(last) if last.kind == kind => last.value.push_str(s),
            _ => self.parts.push(FormattedPart {
                kind,
                value: s.to_owned(),
            }),
        }
        Ok(())
    }
}

impl PartsWrite for ListParts {
    type SubPartsWrite = Self;

    fn with_part(
        &mut self,
        part: Part,
        mut f: impl FnMut(&mut Self) -> fmt::Result,
    ) -> fmt::Result {
        if part != icu_list::parts::ELEMENT || self.in_element {
            return f(self);
        }
        // A fresh part per element, even for an empty string.
        self.parts.push(FormattedPart {
            kind: "element",
            value: String::new(),
        });
        self.in_element = true;
        let result = f(self);
        self.in_element = false;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(tag: &str, kind: ListType, style: &str, items: &[&str]) -> String {
        let locale = crate::canonical_locale(tag).unwrap();
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        ListFormat::try_new(&locale, kind, style)
            .unwrap()
            .format(&items)
    }

    #[test]
    fn conjunction_uses_the_locale_pattern() {
        let abc = ["a", "b", "c"];
        assert_eq!(
            list("en-US", ListType::Conjunction, "long", &abc),
            "a, b, and c"
        );
        assert_eq!(
            list("zh-CN", ListType::Conjunction, "long", &abc),
            "a、b和c"
        );
        assert_eq!(
            list("en-US", ListType::Disjunction, "long", &abc),
            "a, b, or c"
        );
    }

    #[test]
    fn parts_alternate_elements_and_literals() {
        let locale = crate::canonical_locale("en-US").unwrap();
        let f = ListFormat::try_new(&locale, ListType::Conjunction, "long").unwrap();
        let parts = f.format_to_parts(&["x".into(), "".into()]);
        let kinds: Vec<_> = parts.iter().map(|p| (p.kind, p.value.as_str())).collect();
        assert_eq!(
            kinds,
            [("element", "x"), ("literal", " and "), ("element", "")]
        );
    }

    #[test]
    fn bad_style_is_a_range_error() {
        let locale = crate::canonical_locale("en-US").unwrap();
        assert!(ListFormat::try_new(&locale, ListType::Unit, "wide").is_err());
        assert!(ListType::parse("and").is_err());
    }
}
