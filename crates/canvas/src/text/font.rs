//! The CSS `font` shorthand as the canvas `font` attribute takes it: parsed
//! here, in one place, and serialised back the way Chromium does.
//!
//! Relative values resolve against the canvas default, `10px sans-serif`
//! (so `1em` is 10px and `bolder` is 700), `rem` against 16px; the line
//! height is accepted and dropped; system font keywords (`caption`…) give
//! Chromium's `16px Arial`.

use super::css::{self, Token};
use super::{FontStretch, FontVariantCaps};

/// `font-style`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FontStyle {
    /// Upright.
    Normal,
    /// `italic`, or `oblique` without an angle (which Chromium serialises
    /// as `italic`).
    Italic,
    /// `oblique <angle>`: slanted, and (as in Chromium) left out of the
    /// serialisation.
    ObliqueAngle(f64),
}

impl FontStyle {
    /// Whether the style asks for a slanted face.
    pub fn is_slanted(self) -> bool {
        !matches!(self, FontStyle::Normal)
    }
}

/// One entry of the family list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FontFamily {
    /// A family name (quoted, or unquoted identifiers joined by spaces).
    Named(String),
    /// An unquoted generic keyword (`sans-serif`, `serif`…), lowercased.
    Generic(String),
}

/// Generic family keywords (CSS Fonts 4).
const GENERICS: &[&str] = &[
    "serif",
    "sans-serif",
    "cursive",
    "fantasy",
    "monospace",
    "system-ui",
    "emoji",
    "math",
    "fangsong",
    "ui-serif",
    "ui-sans-serif",
    "ui-monospace",
    "ui-rounded",
];

/// CSS-wide keywords: invalid as unquoted family names.
const CSS_WIDE: &[&str] = &[
    "initial",
    "inherit",
    "unset",
    "default",
    "revert",
    "revert-layer",
];

/// System font keywords; Chromium resolves each to `16px Arial` here.
const SYSTEM_FONTS: &[&str] = &[
    "caption",
    "icon",
    "menu",
    "message-box",
    "small-caption",
    "status-bar",
];

/// A parsed `font` value, with sizes in CSS pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct FontSpec {
    /// `font-style`.
    pub style: FontStyle,
    /// `font-weight`, 1..=1000.
    pub weight: f32,
    /// `font-size` in px, 0..=10000.
    pub size: f64,
    /// `font-family`, in order; never empty.
    pub families: Vec<FontFamily>,
}

impl Default for FontSpec {
    /// `10px sans-serif`.
    fn default() -> Self {
        FontSpec {
            style: FontStyle::Normal,
            weight: 400.0,
            size: 10.0,
            families: vec![FontFamily::Generic("sans-serif".into())],
        }
    }
}

/// What a `font` value sets: the font itself and the two sub-properties
/// the context also exposes as attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFont {
    /// Style, weight, size, families.
    pub spec: FontSpec,
    /// `small-caps` or `normal`.
    pub variant_caps: FontVariantCaps,
    /// The stretch keyword, or `normal`.
    pub stretch: FontStretch,
}

/// The default font size relative values resolve against.
const BASE_SIZE: f64 = 10.0;
/// The root font size `rem` resolves against.
const ROOT_SIZE: f64 = 16.0;
/// Chromium caps canvas font sizes here.
const MAX_SIZE: f64 = 10_000.0;

impl FontSpec {
    /// Parses a `font` attribute value; `None` when it is not a valid
    /// shorthand (the attribute then keeps its old value).
    pub fn parse(value: &str) -> Option<ParsedFont> {
        let tokens = css::tokenize(value)?;
        if let [Token::Ident(name)] = tokens.as_slice()
            && SYSTEM_FONTS.contains(&name.to_ascii_lowercase().as_str())
        {
            return Some(ParsedFont {
                spec: FontSpec {
                    size: 16.0,
                    families: vec![FontFamily::Named("Arial".into())],
                    ..FontSpec::default()
                },
                variant_caps: FontVariantCaps::Normal,
                stretch: FontStretch::Normal,
            });
        }
        let mut p = Prefix::default();
        let mut i = 0;
        while i < tokens.len() && p.count < 4 {
            let taken = p.take(&tokens[i..])?;
            if taken == 0 {
                break;
            }
            i += taken;
            p.count += 1;
        }
        let size = font_size(tokens.get(i)?)?;
        i += 1;
        if tokens.get(i) == Some(&Token::Slash) {
            match tokens.get(i + 1)? {
                Token::Number { unit, value } if unit.as_deref() != Some("%") || *value >= 0.0 => {}
                Token::Ident(n) if n.eq_ignore_ascii_case("normal") => {}
                _ => return None,
            }
            i += 2;
        }
        let families = family_list(&tokens[i..])?;
        Some(ParsedFont {
            spec: FontSpec {
                style: p.style.unwrap_or(FontStyle::Normal),
                weight: p.weight.unwrap_or(400.0),
                size: size.min(MAX_SIZE),
                families,
            },
            variant_caps: if p.small_caps {
                FontVariantCaps::SmallCaps
            } else {
                FontVariantCaps::Normal
            },
            stretch: p.stretch.unwrap_or(FontStretch::Normal),
        })
    }

    /// The attribute's value: `[italic] [bold|N] [small-caps] Spx families`,
    /// as Chromium builds it (stretch is not part of it).
    pub fn serialize(&self, variant_caps: FontVariantCaps) -> String {
        let mut s = String::new();
        if self.style == FontStyle::Italic {
            s.push_str("italic ");
        }
        // `bold` only for exactly 700; other weights print truncated.
        if self.weight == 700.0 {
            s.push_str("bold ");
        } else if self.weight != 400.0 {
            s.push_str(&format!("{} ", self.weight.trunc() as i32));
        }
        if variant_caps == FontVariantCaps::SmallCaps {
            s.push_str("small-caps ");
        }
        s.push_str(&css::number_to_string(self.size));
        s.push_str("px ");
        let families: Vec<String> = self.families.iter().map(serialize_family).collect();
        s.push_str(&families.join(", "));
        s
    }
}

fn serialize_family(f: &FontFamily) -> String {
    match f {
        FontFamily::Generic(g) => g.clone(),
        FontFamily::Named(n) => {
            let keyword = GENERICS.contains(&n.as_str()) || CSS_WIDE.contains(&n.as_str());
            if css::is_identifier(n) && !keyword {
                n.clone()
            } else {
                css::quote(n)
            }
        }
    }
}

/// The optional values before the size, each at most once (`normal` may
/// repeat; four values at most).
#[derive(Default)]
struct Prefix {
    style: Option<FontStyle>,
    small_caps: bool,
    weight: Option<f32>,
    stretch: Option<FontStretch>,
    count: usize,
}

impl Prefix {
    /// Takes one value from the front of `tokens`: how many tokens it used
    /// (0 when the front is not a prefix value), `None` when it is invalid.
    fn take(&mut self, tokens: &[Token]) -> Option<usize> {
        match &tokens[0] {
            Token::Ident(raw) => {
                let name = raw.to_ascii_lowercase();
                match name.as_str() {
                    "normal" => Some(1),
                    "italic" => set(&mut self.style, FontStyle::Italic).map(|_| 1),
                    "oblique" => {
                        if let Some(Token::Number {
                            value,
                            unit: Some(unit),
                        }) = tokens.get(1)
                            && let Some(deg) = angle(*value, unit)
                        {
                            if !(-90.0..=90.0).contains(&deg) {
                                return None;
                            }
                            let style = if deg == 0.0 {
                                FontStyle::Normal
                            } else {
                                FontStyle::ObliqueAngle(deg)
                            };
                            return set(&mut self.style, style).map(|_| 2);
                        }
                        set(&mut self.style, FontStyle::Italic).map(|_| 1)
                    }
                    "small-caps" => {
                        if self.small_caps {
                            return None;
                        }
                        self.small_caps = true;
                        Some(1)
                    }
                    // Relative to the default weight, 400.
                    "bold" | "bolder" => set(&mut self.weight, 700.0).map(|_| 1),
                    "lighter" => set(&mut self.weight, 100.0).map(|_| 1),
                    _ => match FontStretch::parse(&name) {
                        Some(s) if s != FontStretch::Normal => set(&mut self.stretch, s).map(|_| 1),
                        _ => Some(0),
                    },
                }
            }
            Token::Number { value, unit: None } => {
                if !(1.0..=1000.0).contains(value) {
                    return None;
                }
                set(&mut self.weight, *value as f32).map(|_| 1)
            }
            _ => Some(0),
        }
    }
}

fn set<T>(slot: &mut Option<T>, v: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(v);
    Some(())
}

fn angle(value: f64, unit: &str) -> Option<f64> {
    Some(match unit {
        "deg" => value,
        "rad" => value.to_degrees(),
        "grad" => value * 0.9,
        "turn" => value * 360.0,
        _ => return None,
    })
}

/// A length in CSS px; `em`/`%` relative to `base`. `None` for other units.
pub(crate) fn length_px(value: f64, unit: &str, base: f64) -> Option<f64> {
    Some(match unit {
        "px" => value,
        "pt" => value * 4.0 / 3.0,
        "pc" => value * 16.0,
        "in" => value * 96.0,
        "cm" => value * 96.0 / 2.54,
        "mm" => value * 96.0 / 25.4,
        "q" => value * 96.0 / 101.6,
        "em" => value * base,
        "rem" => value * ROOT_SIZE,
        "%" => value * base / 100.0,
        _ => return None,
    })
}

fn font_size(token: &Token) -> Option<f64> {
    let px = match token {
        Token::Number {
            value,
            unit: Some(unit),
        } => length_px(*value, unit, BASE_SIZE)?,
        Token::Ident(name) => match name.to_ascii_lowercase().as_str() {
            "xx-small" => 9.0,
            "x-small" => 10.0,
            "small" => 13.0,
            "medium" => 16.0,
            "large" => 18.0,
            "x-large" => 24.0,
            "xx-large" => 32.0,
            "xxx-large" => 48.0,
            "larger" => BASE_SIZE * 1.2,
            "smaller" => BASE_SIZE / 1.2,
            _ => return None,
        },
        _ => return None,
    };
    (px >= 0.0 && px.is_finite()).then_some(px)
}

fn family_list(tokens: &[Token]) -> Option<Vec<FontFamily>> {
    let mut families = Vec::new();
    for part in tokens.split(|t| *t == Token::Comma) {
        let family = match part {
            [Token::Str(s)] => FontFamily::Named(s.clone()),
            [Token::Ident(one)] => {
                let lower = one.to_ascii_lowercase();
                if GENERICS.contains(&lower.as_str()) {
                    FontFamily::Generic(lower)
                } else if CSS_WIDE.contains(&lower.as_str()) {
                    return None;
                } else {
                    FontFamily::Named(one.clone())
                }
            }
            idents if !idents.is_empty() => {
                let mut words = Vec::new();
                for t in idents {
                    match t {
                        Token::Ident(w) => words.push(w.as_str()),
                        _ => return None,
                    }
                }
                FontFamily::Named(words.join(" "))
            }
            _ => return None,
        };
        families.push(family);
    }
    (!families.is_empty()).then_some(families)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Chromium's `font` getter returns after `font = input` (starting
    /// from `10px sans-serif`), observed in Chromium 148.
    const CHROMIUM: &[(&str, &str)] = &[
        ("10px sans-serif", "10px sans-serif"),
        ("bold 20px Corpus CJK", "bold 20px \"Corpus CJK\""),
        (
            "italic small-caps 700 condensed 12pt/2 \"Corpus Sans\", serif",
            "italic bold small-caps 16px \"Corpus Sans\", serif",
        ),
        ("bolder 1em Arial", "bold 10px Arial"),
        ("600 2rem x", "600 32px x"),
        ("50% a", "5px a"),
        ("oblique 10deg 10px a", "10px a"),
        ("normal normal normal 10px a", "10px a"),
        ("ultra-expanded 10px \"a b\"", "10px \"a b\""),
        ("10px a b", "10px \"a b\""),
        ("10px \"a\", sans-serif", "10px a, sans-serif"),
        ("lighter 10px a", "100 10px a"),
        (
            "italic bold 12px/30px Georgia, serif",
            "italic bold 12px Georgia, serif",
        ),
        ("100 10px a", "100 10px a"),
        ("1000 10px a", "1000 10px a"),
        (
            "small-caps 10px \"Corpus Sans\"",
            "small-caps 10px \"Corpus Sans\"",
        ),
        ("10px   Corpus  Sans ", "10px \"Corpus Sans\""),
        ("10PX A", "10px A"),
        ("10px 'q'", "10px q"),
        ("10px \"sans-serif\"", "10px \"sans-serif\""),
        ("10px serif, monospace", "10px serif, monospace"),
        ("oblique 10px a", "italic 10px a"),
        ("normal 10px a", "10px a"),
        ("12.5px a", "12.5px a"),
        ("1e1px a", "10px a"),
        ("0px a", "0px a"),
        ("10px system-ui", "10px system-ui"),
        ("10px caption", "10px caption"),
        ("caption", "16px Arial"),
        ("menu", "16px Arial"),
        ("x-large a", "24px a"),
        ("larger a", "12px a"),
        ("semi-condensed 10px a", "10px a"),
        ("bold italic 10px a", "italic bold 10px a"),
        ("700.5 10px a", "700 10px a"),
        ("10pt a", "13.3333px a"),
        ("7.77777px a", "7.77777px a"),
        ("1000000px a", "10000px a"),
        ("11pt a", "14.6667px a"),
        ("550 10px a", "550 10px a"),
        ("1in a", "96px a"),
        ("12px/normal a", "12px a"),
        ("12px a,b", "12px a, b"),
        ("12px a , b", "12px a, b"),
        ("12px \"a,b\"", "12px \"a,b\""),
        ("12px a\\ b", "12px \"a b\""),
        ("12px \"a\\\"b\"", "12px \"a\\\"b\""),
        ("12px -a", "12px -a"),
        ("12px \\31 a", "12px \"1a\""),
        ("12px \"inherit\"", "12px \"inherit\""),
        ("xx-small a", "9px a"),
        ("smaller a", "8.33333px a"),
        ("medium a", "16px a"),
        ("xxx-large a", "48px a"),
        (
            "12px sans-serif, \"Sans-Serif\"",
            "12px sans-serif, Sans-Serif",
        ),
        ("Italic BOLD 12PX A", "italic bold 12px A"),
        ("12px  A  B ,  C", "12px \"A B\", C"),
        ("12px \"\",a", "12px \"\", a"),
        ("condensed bold 10px a", "bold 10px a"),
    ];

    /// Values Chromium rejects (the font stays `10px sans-serif`).
    const INVALID: &[&str] = &[
        "inherit",
        "10px",
        "bold",
        "1001 10px a",
        "0 10px a",
        "-1px a",
        "10px 12",
        "10px a, 12",
        "10px \"a\" b",
        "small-caps small-caps 10px a",
        "font-variant: x",
        "12px initial",
        "12px default",
        "12px a, inherit",
        "12px/ a",
        "normal normal normal normal normal 10px a",
        "500 bold 10px a",
        "",
    ];

    fn roundtrip(input: &str) -> Option<String> {
        FontSpec::parse(input).map(|p| p.spec.serialize(p.variant_caps))
    }

    #[test]
    fn serialises_like_chromium() {
        for (input, expected) in CHROMIUM {
            assert_eq!(
                roundtrip(input).as_deref(),
                Some(*expected),
                "font = {input:?}"
            );
        }
    }

    #[test]
    fn rejects_what_chromium_rejects() {
        for input in INVALID {
            assert_eq!(roundtrip(input), None, "font = {input:?}");
        }
    }

    #[test]
    fn keeps_stretch_and_caps_apart() {
        let p = FontSpec::parse("small-caps condensed bold 12px a").unwrap();
        assert_eq!(p.stretch, FontStretch::Condensed);
        assert_eq!(p.variant_caps, FontVariantCaps::SmallCaps);
        assert_eq!(p.spec.weight, 700.0);
        assert_eq!(p.spec.families, vec![FontFamily::Named("a".into())]);
    }

    #[test]
    fn the_default_serialises_as_the_spec_says() {
        assert_eq!(
            FontSpec::default().serialize(FontVariantCaps::Normal),
            "10px sans-serif"
        );
    }
}
