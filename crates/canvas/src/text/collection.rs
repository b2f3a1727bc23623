//! [`FontCollection`]: an immutable, shareable set of faces — the bundled
//! defaults, the system's fonts, one registered file — described before
//! they are parsed, and parsed once on first use by whoever shares them.
//!
//! The engine reads no files: a face's bytes are either in memory or
//! behind a loader the host supplies ([`FontData::Deferred`]), which
//! `mpcanvas-fonts` uses for system font files.

use std::sync::{Arc, OnceLock};

use super::FontStretch;
use super::face::Face;
use super::woff;
use crate::error::{Error, ErrorKind, Result};

/// Shared font bytes.
pub type Bytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// Loads a face's bytes on first use (`None`: unreadable, remembered).
pub type Loader = Arc<dyn Fn() -> Option<Bytes> + Send + Sync>;

/// Where a face's bytes are.
#[derive(Clone)]
pub enum FontData {
    /// In memory.
    Bytes(Bytes),
    /// Behind the host's loader, called at most once.
    Deferred(Loader),
}

/// A face as an index describes it before it is parsed.
#[derive(Clone)]
pub struct FaceEntry {
    /// Family names (matched case-insensitively).
    pub families: Vec<String>,
    /// `font-weight`, 1..=1000.
    pub weight: f32,
    /// Italic or oblique.
    pub italic: bool,
    /// `font-stretch` as a percentage (100 = normal).
    pub stretch: f32,
    /// Which face of a collection file (TTC/OTC).
    pub index: u32,
    /// The font's bytes.
    pub data: FontData,
}

/// The descriptors a face is registered with (those of CSS `@font-face`
/// and `wx.loadFontFace`). As in browsers they default to normal, whatever
/// the file says: a face registered as normal and asked for in bold is
/// drawn with synthetic bold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaceDescriptors {
    /// `font-weight`, 1..=1000 (default 400).
    pub weight: f32,
    /// Italic or oblique (default false).
    pub italic: bool,
    /// `font-stretch` (default normal).
    pub stretch: FontStretch,
    /// Which face of a collection (TTC/OTC) to use (default 0).
    pub index: u32,
}

impl Default for FaceDescriptors {
    fn default() -> Self {
        FaceDescriptors {
            weight: 400.0,
            italic: false,
            stretch: FontStretch::Normal,
            index: 0,
        }
    }
}

/// A face known to a library, parsed on first use.
pub(crate) struct FaceRecord {
    /// Family names, ASCII-lowercased (CSS matches them case-insensitively).
    pub(crate) names: Vec<String>,
    pub(crate) weight: f32,
    pub(crate) slanted: bool,
    /// `font-stretch` as a percentage.
    pub(crate) stretch: f32,
    data: FontData,
    index: u32,
    /// Shared between records of the same face under other names.
    loaded: Arc<OnceLock<Option<Arc<Face>>>>,
}

impl FaceRecord {
    /// The parsed face; `None` (remembered) when it cannot be read.
    pub(crate) fn face(&self) -> Option<Arc<Face>> {
        self.loaded
            .get_or_init(|| {
                let blob: skrifa::font::Blob = match &self.data {
                    FontData::Bytes(b) => b.clone().into(),
                    FontData::Deferred(load) => load()?.into(),
                };
                let font = skrifa::Font::new(blob, self.index)?;
                Face::new(font, self.weight, self.slanted).map(Arc::new)
            })
            .clone()
    }

    fn from_entry(e: FaceEntry) -> FaceRecord {
        FaceRecord {
            names: e.families.iter().map(|n| n.to_ascii_lowercase()).collect(),
            weight: e.weight.clamp(1.0, 1000.0),
            slanted: e.italic,
            stretch: e.stretch,
            data: e.data,
            index: e.index,
            loaded: Arc::default(),
        }
    }
}

/// Faces shared by every library that adds them (clones are cheap and
/// share the parsed faces and their glyph caches).
#[derive(Clone, Default)]
pub struct FontCollection {
    pub(crate) faces: Arc<[Arc<FaceRecord>]>,
}

impl std::fmt::Debug for FontCollection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontCollection")
            .field("faces", &self.faces.len())
            .finish()
    }
}

impl FontCollection {
    /// Faces described by an index (parsed on first use).
    pub fn from_entries(entries: impl IntoIterator<Item = FaceEntry>) -> FontCollection {
        FontCollection {
            faces: entries
                .into_iter()
                .map(|e| Arc::new(FaceRecord::from_entry(e)))
                .collect(),
        }
    }

    /// Every face of each font in `fonts` (TTF, OTF, TTC/OTC) under the
    /// family names, weights and styles the fonts themselves give.
    pub fn from_fonts(fonts: impl IntoIterator<Item = Bytes>) -> FontCollection {
        FontCollection::from_entries(fonts.into_iter().flat_map(|data| entries_of(&data)))
    }

    /// One face from font bytes (TTF, OTF, TTC/OTC, WOFF, WOFF2), under
    /// `family` with `descriptors`, parsed now so a bad font is an error
    /// here.
    pub fn single(
        family: &str,
        bytes: Vec<u8>,
        descriptors: FaceDescriptors,
    ) -> Result<FontCollection> {
        let data: Bytes = Arc::new(woff::decode(bytes)?);
        let font = skrifa::Font::new(skrifa::font::Blob::from(data.clone()), descriptors.index)
            .ok_or_else(|| invalid_font("not a TTF, OTF, TTC, WOFF or WOFF2 font"))?;
        let record = FaceRecord::from_entry(FaceEntry {
            families: vec![family.to_owned()],
            weight: descriptors.weight,
            italic: descriptors.italic,
            stretch: descriptors.stretch.percent(),
            index: descriptors.index,
            data: FontData::Bytes(data),
        });
        let face = Face::new(font, record.weight, record.slanted)
            .ok_or_else(|| invalid_font("the font has no usable metrics"))?;
        let _ = record.loaded.set(Some(Arc::new(face)));
        Ok(FontCollection {
            faces: Arc::new([Arc::new(record)]),
        })
    }

    /// The same faces (sharing their parsed state) under the one family
    /// name `family`, with normal descriptors.
    pub fn renamed(&self, family: &str) -> FontCollection {
        let family = family.to_ascii_lowercase();
        FontCollection {
            faces: self
                .faces
                .iter()
                .map(|r| {
                    Arc::new(FaceRecord {
                        names: vec![family.clone()],
                        weight: FaceDescriptors::default().weight,
                        slanted: false,
                        stretch: FontStretch::Normal.percent(),
                        data: r.data.clone(),
                        index: r.index,
                        loaded: r.loaded.clone(),
                    })
                })
                .collect(),
        }
    }

    /// Number of faces.
    pub fn len(&self) -> usize {
        self.faces.len()
    }

    /// Whether there are no faces.
    pub fn is_empty(&self) -> bool {
        self.faces.is_empty()
    }

    /// Whether every face of `self` is parsed once with `other`'s (the
    /// same faces, whatever their names): what a host caching font files
    /// checks.
    pub fn shares_faces_with(&self, other: &FontCollection) -> bool {
        self.faces.len() == other.faces.len()
            && self
                .faces
                .iter()
                .zip(other.faces.iter())
                .all(|(a, b)| Arc::ptr_eq(&a.loaded, &b.loaded))
    }
}

impl FaceEntry {
    /// The entry a font index (`fontdb`) describes, with `data` for its
    /// bytes: family names, weight, style and stretch as the font's own
    /// tables give them.
    pub fn from_font_info(info: &fontdb::FaceInfo, data: FontData) -> FaceEntry {
        const STRETCH: [f32; 9] = [50.0, 62.5, 75.0, 87.5, 100.0, 112.5, 125.0, 150.0, 200.0];
        FaceEntry {
            families: info.families.iter().map(|(n, _)| n.clone()).collect(),
            weight: f32::from(info.weight.0),
            italic: info.style != fontdb::Style::Normal,
            stretch: STRETCH[usize::from(info.stretch.to_number().clamp(1, 9)) - 1],
            index: info.index,
            data,
        }
    }
}

/// The faces of font bytes as the font's own name table describes them.
pub(crate) fn entries_of(data: &Bytes) -> Vec<FaceEntry> {
    let mut db = fontdb::Database::new();
    db.load_font_source(fontdb::Source::Binary(data.clone()));
    db.faces()
        .map(|info| FaceEntry::from_font_info(info, FontData::Bytes(data.clone())))
        .collect()
}

pub(crate) fn invalid_font(why: &str) -> Error {
    Error::new(ErrorKind::Encoding, format!("invalid font data: {why}"))
}
