//! The fonts mpcanvas ships so that text renders readably, Chinese
//! included, on a machine without any system fonts.
//!
//! Two faces, 4.8 MB together, embedded in the binary:
//!
//! - [`SANS`]: DejaVu Sans 2.37 (Latin, Greek, Cyrillic, many symbols;
//!   Bitstream Vera licence, DejaVu changes in the public domain).
//! - [`CJK`]: Droid Sans Fallback Full (Android 6.0.1; Chinese, Japanese
//!   and Korean ideographs, kana, hangul, CJK punctuation; Apache-2.0).
//!
//! The licence texts are in `fonts/` beside the files. These are the very
//! files of the conformance corpus, so git stores them once.

/// DejaVu Sans (Book): the default for Latin and most alphabetic scripts.
pub const SANS: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// Droid Sans Fallback Full: the default for CJK. It has no Latin letters,
/// so it always comes after [`SANS`].
pub const CJK: &[u8] = include_bytes!("../fonts/DroidSansFallbackFull.ttf");

/// The bundled faces in fallback order.
pub const DEFAULTS: &[&[u8]] = &[SANS, CJK];

/// The bundled faces as one collection, indexed once per process.
pub fn collection() -> mpcanvas_canvas::FontCollection {
    static BUNDLED: std::sync::OnceLock<mpcanvas_canvas::FontCollection> =
        std::sync::OnceLock::new();
    BUNDLED
        .get_or_init(|| {
            mpcanvas_canvas::FontCollection::from_fonts(DEFAULTS.iter().map(|b| {
                let bytes: mpcanvas_canvas::FontBytes = std::sync::Arc::new(*b);
                bytes
            }))
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_are_truetype() {
        for font in DEFAULTS {
            assert_eq!(&font[..4], &[0, 1, 0, 0]);
        }
        assert_eq!(collection().len(), 2);
    }
}
