//! The drawing-script format shared by `mpcanvas render`, the conformance
//! suite and Chromium's `diffref.mjs`: a plain JS file defining
//! `function draw(ctx, canvas, env)`, with header directives in line
//! comments at the top (`// @size 240x160`, `// @asset a.png`,
//! `// @font F.ttf as "Family"`, `// @fuzzy maxDifference=0-2;totalPixels=0-0`).
//! This crate parses those directives, exactly as `diffref.mjs` does.
#![forbid(unsafe_code)]

/// A font file registered under a family name before `draw` runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontDirective {
    /// File under `fonts/`.
    pub file: String,
    /// Family name scripts use.
    pub family: String,
}

/// The directives of one script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Canvas size (default 200x150).
    pub size: (u32, u32),
    /// Files under `assets/` available to `env.loadImage`.
    pub assets: Vec<String>,
    /// Fonts to register.
    pub fonts: Vec<FontDirective>,
    /// Tolerance; exact match when absent.
    pub fuzzy: Fuzzy,
}

impl Header {
    /// Reads every `// @key value` line of `source`. Unknown keys and
    /// malformed values are skipped, as `diffref.mjs` does.
    pub fn parse(source: &str) -> Header {
        let mut h = Header {
            size: (200, 150),
            assets: Vec::new(),
            fonts: Vec::new(),
            fuzzy: Fuzzy::EXACT,
        };
        for line in source.lines() {
            let Some(rest) = line.trim_start().strip_prefix("//") else {
                continue;
            };
            let Some(rest) = rest.trim_start().strip_prefix('@') else {
                continue;
            };
            let (key, value) = match rest.split_once(char::is_whitespace) {
                Some((k, v)) => (k, v.trim()),
                None => continue,
            };
            match key {
                "size" => {
                    if let Some((w, hh)) = value.split_once('x')
                        && let (Ok(w), Ok(hh)) = (w.trim().parse(), hh.trim().parse())
                    {
                        h.size = (w, hh);
                    }
                }
                "asset" => h.assets.push(value.to_string()),
                "font" => {
                    if let Some((file, family)) = value.split_once(" as ") {
                        let family = family.trim().trim_matches('"');
                        h.fonts.push(FontDirective {
                            file: file.trim().to_string(),
                            family: family.to_string(),
                        });
                    }
                }
                "fuzzy" => {
                    if let Some(f) = Fuzzy::parse(value) {
                        h.fuzzy = f;
                    }
                }
                _ => {}
            }
        }
        h
    }
}

/// The tolerance of a `@fuzzy maxDifference=a-b;totalPixels=c-d` directive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fuzzy {
    /// Largest allowed channel difference (beyond noise).
    pub max_difference: u8,
    /// Largest allowed number of differing pixels.
    pub total_pixels: u64,
}

impl Fuzzy {
    /// No difference beyond noise.
    pub const EXACT: Fuzzy = Fuzzy {
        max_difference: 0,
        total_pixels: 0,
    };

    /// Parses the directive value; the upper bound of each range counts.
    pub fn parse(value: &str) -> Option<Fuzzy> {
        let mut f = Fuzzy::EXACT;
        for part in value.split(';') {
            let (key, range) = part.trim().split_once('=')?;
            let upper = range.rsplit('-').next()?.trim();
            match key.trim() {
                "maxDifference" => f.max_difference = upper.parse().ok()?,
                "totalPixels" => f.total_pixels = upper.parse().ok()?,
                _ => return None,
            }
        }
        Some(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_upper_bounds() {
        assert_eq!(
            Fuzzy::parse("maxDifference=0-96;totalPixels=0-600"),
            Some(Fuzzy {
                max_difference: 96,
                total_pixels: 600
            })
        );
        assert_eq!(
            Fuzzy::parse("maxDifference=5;totalPixels=10"),
            Some(Fuzzy {
                max_difference: 5,
                total_pixels: 10
            })
        );
        assert_eq!(Fuzzy::parse("bogus=1"), None);
    }

    #[test]
    fn parses_every_directive() {
        let h = Header::parse(
            "// @size 320x200\n// @asset a.png\n// @font F.ttf as \"My Font\"\n// @fuzzy maxDifference=0-3;totalPixels=0-2000\nfunction draw() {}",
        );
        assert_eq!(h.size, (320, 200));
        assert_eq!(h.assets, ["a.png"]);
        assert_eq!(
            h.fonts,
            [FontDirective {
                file: "F.ttf".into(),
                family: "My Font".into()
            }]
        );
        assert_eq!(
            h.fuzzy,
            Fuzzy {
                max_difference: 3,
                total_pixels: 2000
            }
        );
    }

    #[test]
    fn defaults_when_directives_are_absent_or_malformed() {
        let h = Header::parse("// @size big\n// @fuzzy nonsense\n");
        assert_eq!(h.size, (200, 150));
        assert_eq!(h.fuzzy, Fuzzy::EXACT);
    }
}
