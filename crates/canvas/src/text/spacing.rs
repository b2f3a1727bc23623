//! `letterSpacing` / `wordSpacing`: a CSS `<length>` written exactly (no
//! whitespace, no unitless zero, no percentages, no `calc()`), kept with
//! its unit so the getter returns it as given (units lowercased), and
//! resolved to pixels against the font size when text is laid out.

use super::css::{self, Token};
use super::font::length_px;

/// A spacing length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    value: f64,
    unit: &'static str,
}

const UNITS: &[&str] = &["px", "pt", "pc", "in", "cm", "mm", "q", "em", "rem"];

impl Default for Spacing {
    /// `0px`.
    fn default() -> Self {
        Spacing {
            value: 0.0,
            unit: "px",
        }
    }
}

impl Spacing {
    /// Parses an attribute value; `None` keeps the old value.
    pub fn parse(text: &str) -> Option<Spacing> {
        if text.starts_with(|c: char| c.is_ascii_whitespace())
            || text.ends_with(|c: char| c.is_ascii_whitespace())
        {
            return None;
        }
        match css::tokenize(text)?.as_slice() {
            [
                Token::Number {
                    value,
                    unit: Some(unit),
                },
            ] => {
                let unit = UNITS.iter().find(|u| **u == unit)?;
                value.is_finite().then_some(Spacing {
                    value: *value,
                    unit,
                })
            }
            _ => None,
        }
    }

    /// The value in CSS pixels for text of `font_size` px.
    pub fn to_px(self, font_size: f64) -> f64 {
        length_px(self.value, self.unit, font_size).unwrap_or(0.0)
    }

    /// The getter's string, e.g. `2.5px` or `1em`.
    pub fn serialize(self) -> String {
        format!("{}{}", css::number_to_string(self.value), self.unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_lengths_like_chromium() {
        // Chromium 148: letterSpacing = input, then read back.
        for (input, expected) in [
            ("1px", Some("1px")),
            ("1em", Some("1em")),
            ("2.5PX", Some("2.5px")),
            ("-1px", Some("-1px")),
            ("1rem", Some("1rem")),
            ("1pt", Some("1pt")),
            ("0", None),
            ("1", None),
            ("10%", None),
            ("calc(1px + 1px)", None),
            ("normal", None),
            (" 2px", None),
        ] {
            assert_eq!(
                Spacing::parse(input).map(Spacing::serialize).as_deref(),
                expected,
                "{input:?}"
            );
        }
    }

    #[test]
    fn resolves_against_the_font_size() {
        assert_eq!(Spacing::parse("0.5em").unwrap().to_px(20.0), 10.0);
        assert_eq!(Spacing::parse("3px").unwrap().to_px(20.0), 3.0);
        assert_eq!(Spacing::parse("1rem").unwrap().to_px(20.0), 16.0);
    }
}
