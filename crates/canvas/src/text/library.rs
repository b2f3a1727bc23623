//! [`FontLibrary`]: the fonts text can use. One library is shared (it is a
//! cheap handle) by every canvas of a document or mini-program, as
//! `document.fonts` is in a browser and `wx.loadFontFace` is in a
//! mini-program: a face registered once is visible to all of them.
//!
//! Faces come from three places, searched in this order for a family name:
//! faces registered by the host (from bytes or files, under the family name
//! the host chooses), the bundled defaults (feature `bundled-fonts`), and
//! the system's fonts (found once per process, on first need, and only when
//! enabled). Faces are parsed when first used.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, RwLock};

use super::face::Face;
use super::file_cache;
use super::font::{FontFamily, FontSpec};
use super::{FontStretch, woff};
use crate::error::{Error, ErrorKind, Result};

/// Shared font bytes.
pub(crate) type Bytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// Where a face's bytes are.
#[derive(Clone)]
enum FaceData {
    Bytes(Bytes),
    File(PathBuf),
}

/// A face known to the library, parsed on first use.
pub(crate) struct FaceRecord {
    /// Family names, ASCII-lowercased (CSS matches them case-insensitively).
    names: Vec<String>,
    weight: f32,
    slanted: bool,
    /// `font-stretch` as a percentage.
    stretch: f32,
    data: FaceData,
    index: u32,
    loaded: OnceLock<Option<Arc<Face>>>,
}

impl FaceRecord {
    /// The parsed face; `None` (remembered) when it cannot be read.
    pub(crate) fn face(&self) -> Option<Arc<Face>> {
        self.loaded
            .get_or_init(|| {
                let blob: skrifa::font::Blob = match &self.data {
                    FaceData::Bytes(b) => b.clone().into(),
                    FaceData::File(p) => std::fs::read(p).ok()?.into(),
                };
                let font = skrifa::Font::new(blob, self.index)?;
                Face::new(font, self.weight, self.slanted).map(Arc::new)
            })
            .clone()
    }
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

/// Which built-in sources a library consults besides registered faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FontSources {
    /// The bundled default fonts (only with the `bundled-fonts` feature).
    pub bundled: bool,
    /// The system's installed fonts.
    pub system: bool,
}

impl Default for FontSources {
    /// Both.
    fn default() -> Self {
        FontSources {
            bundled: true,
            system: true,
        }
    }
}

/// A face chosen for text: the face and the synthesis it needs.
#[derive(Debug, Clone)]
pub(crate) struct ChosenFace {
    pub(crate) face: Arc<Face>,
    /// Synthetic bold (asked ≥ 600, the face is lighter).
    pub(crate) bold: bool,
    /// Synthetic oblique (asked slanted, the face is upright).
    pub(crate) italic: bool,
}

/// The faces a font spec resolves to, in fallback order.
pub(crate) struct Chain {
    /// The family list's faces, then the defaults.
    pub(crate) faces: Vec<ChosenFace>,
    /// Every other face, tried last for characters none of the above has.
    rest: Vec<Arc<FaceRecord>>,
    weight: f32,
    slanted: bool,
    /// The face metrics come from when the family list has none.
    pub(crate) primary: Option<ChosenFace>,
}

impl Chain {
    /// The first face that maps `c`: the chain, then every other font.
    pub(crate) fn face_for(&self, c: char) -> Option<ChosenFace> {
        if let Some(f) = self.faces.iter().find(|f| f.face.has(c)) {
            return Some(f.clone());
        }
        self.rest.iter().find_map(|r| {
            let face = r.face()?;
            face.has(c).then(|| choose(face, self.weight, self.slanted))
        })
    }
}

fn choose(face: Arc<Face>, weight: f32, slanted: bool) -> ChosenFace {
    ChosenFace {
        bold: weight >= 600.0 && face.weight < 600.0,
        italic: slanted && !face.slanted,
        face,
    }
}

#[derive(Default)]
struct Registry {
    registered: Vec<Arc<FaceRecord>>,
    sources: Option<FontSources>,
    chains: HashMap<ChainKey, Arc<Chain>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ChainKey {
    families: Vec<FontFamily>,
    weight: u32,
    slanted: bool,
    stretch: FontStretch,
}

/// The fonts text can use; clones share one registry.
#[derive(Clone, Default)]
pub struct FontLibrary {
    inner: Arc<RwLock<Registry>>,
}

impl std::fmt::Debug for FontLibrary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.inner.read().map(|r| r.registered.len()).unwrap_or(0);
        f.debug_struct("FontLibrary")
            .field("registered_faces", &n)
            .finish_non_exhaustive()
    }
}

impl FontLibrary {
    /// A library with the bundled fonts and the system's fonts.
    pub fn new() -> FontLibrary {
        FontLibrary::default()
    }

    /// A library that consults only the given built-in sources.
    pub fn with_sources(sources: FontSources) -> FontLibrary {
        let lib = FontLibrary::default();
        if let Ok(mut r) = lib.inner.write() {
            r.sources = Some(sources);
        }
        lib
    }

    fn sources(&self) -> FontSources {
        self.inner
            .read()
            .ok()
            .and_then(|r| r.sources)
            .unwrap_or_default()
    }

    /// Registers font bytes (TTF, OTF, TTC/OTC, WOFF, WOFF2) under
    /// `family` with normal descriptors, as `wx.loadFontFace` and
    /// `new FontFace(family, bytes)` do. Later registrations of the same
    /// family add faces to it.
    pub fn register(&self, family: &str, bytes: Vec<u8>) -> Result<()> {
        self.register_with(family, bytes, FaceDescriptors::default())
    }

    /// [`register`](Self::register) with explicit descriptors.
    pub fn register_with(
        &self,
        family: &str,
        bytes: Vec<u8>,
        descriptors: FaceDescriptors,
    ) -> Result<()> {
        let data: Bytes = Arc::new(woff::decode(bytes)?);
        self.register_bytes(family, data, descriptors).map(|_| ())
    }

    /// Registers decoded font bytes and returns the parsed face.
    fn register_bytes(
        &self,
        family: &str,
        data: Bytes,
        descriptors: FaceDescriptors,
    ) -> Result<Arc<Face>> {
        // Check it parses now, so a bad file is an error at registration.
        let font = skrifa::Font::new(skrifa::font::Blob::from(data.clone()), descriptors.index)
            .ok_or_else(|| invalid_font("not a TTF, OTF, TTC, WOFF or WOFF2 font"))?;
        let record = FaceRecord {
            names: vec![family.to_ascii_lowercase()],
            weight: descriptors.weight.clamp(1.0, 1000.0),
            slanted: descriptors.italic,
            stretch: descriptors.stretch.percent(),
            data: FaceData::Bytes(data),
            index: descriptors.index,
            loaded: OnceLock::new(),
        };
        let face = Face::new(font, record.weight, record.slanted)
            .ok_or_else(|| invalid_font("the font has no usable metrics"))?;
        let face = Arc::new(face);
        let _ = record.loaded.set(Some(face.clone()));
        self.push(record);
        Ok(face)
    }

    /// Registers the font file at `path` under `family`. The parsed face
    /// (with its glyph caches) is shared with every library in the process
    /// that registers the same unchanged file, as a render service drawing
    /// poster after poster with one font would want.
    pub fn register_file(&self, family: &str, path: &Path) -> Result<()> {
        let key = file_cache::key(path);
        if let Some((data, face)) = key.as_ref().and_then(file_cache::get) {
            self.push(FaceRecord {
                names: vec![family.to_ascii_lowercase()],
                weight: face.weight,
                slanted: face.slanted,
                stretch: FontStretch::Normal.percent(),
                data: FaceData::Bytes(data),
                index: 0,
                loaded: OnceLock::from(Some(face)),
            });
            return Ok(());
        }
        let bytes = std::fs::read(path).map_err(|e| {
            Error::new(
                ErrorKind::NotSupported,
                format!("cannot read font file {}: {e}", path.display()),
            )
        })?;
        let bytes: Bytes = Arc::new(woff::decode(bytes)?);
        let face = self.register_bytes(family, bytes.clone(), FaceDescriptors::default())?;
        if let Some(key) = key {
            file_cache::put(key, bytes, face);
        }
        Ok(())
    }

    /// Adds every face of font bytes under the family names the font
    /// itself gives, with its own weight and style, and returns the first
    /// face's family name as the font spells it (what mini-game
    /// `wx.loadFont` answers).
    pub fn add_font(&self, bytes: Vec<u8>) -> Result<String> {
        let data: Bytes = Arc::new(woff::decode(bytes)?);
        let mut db = fontdb::Database::new();
        db.load_font_source(fontdb::Source::Binary(data.clone()));
        let family = db
            .faces()
            .find_map(|info| info.families.first())
            .map(|(name, _)| name.clone())
            .ok_or_else(|| invalid_font("no readable face in the data"))?;
        for info in db.faces() {
            self.push(face_record(info, FaceData::Bytes(data.clone())));
        }
        Ok(family)
    }

    fn push(&self, record: FaceRecord) {
        if let Ok(mut r) = self.inner.write() {
            r.registered.push(Arc::new(record));
            // New faces can change what any spec resolves to.
            r.chains.clear();
        }
    }

    /// Whether a face of `family` is known (registered, bundled or, when
    /// enabled, installed).
    pub fn has_family(&self, family: &str) -> bool {
        let key = family.to_ascii_lowercase();
        self.groups()
            .iter()
            .any(|g| g.iter().any(|r| r.names.contains(&key)))
    }

    /// The registered, bundled and system faces, in search order.
    fn groups(&self) -> [Vec<Arc<FaceRecord>>; 3] {
        let sources = self.sources();
        let registered = self
            .inner
            .read()
            .map(|r| r.registered.clone())
            .unwrap_or_default();
        let bundled = if sources.bundled {
            bundled().to_vec()
        } else {
            Vec::new()
        };
        let system = if sources.system {
            system().to_vec()
        } else {
            Vec::new()
        };
        [registered, bundled, system]
    }

    /// The fallback chain for `spec` at `stretch` (cached until the next
    /// registration).
    pub(crate) fn chain(&self, spec: &FontSpec, stretch: FontStretch) -> Arc<Chain> {
        let key = ChainKey {
            families: spec.families.clone(),
            weight: spec.weight.to_bits(),
            slanted: spec.style.is_slanted(),
            stretch,
        };
        if let Some(c) = self
            .inner
            .read()
            .ok()
            .and_then(|r| r.chains.get(&key).cloned())
        {
            return c;
        }
        let chain = Arc::new(self.build_chain(spec, stretch));
        if let Ok(mut r) = self.inner.write() {
            r.chains.insert(key, chain.clone());
        }
        chain
    }

    fn build_chain(&self, spec: &FontSpec, stretch: FontStretch) -> Chain {
        let groups = self.groups();
        let (weight, slanted) = (spec.weight, spec.style.is_slanted());
        let stretch = stretch.percent();
        let defaults = default_records(&groups);
        let mut picked: Vec<Arc<FaceRecord>> = Vec::new();
        let mut primary = None;
        let add = |r: &Arc<FaceRecord>, picked: &mut Vec<Arc<FaceRecord>>| {
            if !picked.iter().any(|p| Arc::ptr_eq(p, r)) {
                picked.push(r.clone());
            }
        };
        for family in &spec.families {
            let records: Vec<Arc<FaceRecord>> = match family {
                FontFamily::Named(name) => {
                    let key = name.to_ascii_lowercase();
                    groups
                        .iter()
                        .map(|g| {
                            g.iter()
                                .filter(|r| r.names.contains(&key))
                                .cloned()
                                .collect::<Vec<_>>()
                        })
                        .find(|v| !v.is_empty())
                        .and_then(|v| best_match(&v, weight, slanted, stretch))
                        .into_iter()
                        .collect()
                }
                // Every generic family maps to the defaults.
                FontFamily::Generic(_) => defaults.clone(),
            };
            for r in &records {
                if primary.is_none() && r.face().is_some() {
                    primary = Some(r.clone());
                }
                add(r, &mut picked);
            }
        }
        for r in &defaults {
            add(r, &mut picked);
        }
        let faces: Vec<ChosenFace> = picked
            .iter()
            .filter_map(|r| r.face())
            .map(|f| choose(f, weight, slanted))
            .collect();
        let rest = groups
            .iter()
            .flatten()
            .filter(|r| !picked.iter().any(|p| Arc::ptr_eq(p, r)))
            .cloned()
            .collect();
        let primary = primary
            .and_then(|r| r.face())
            .map(|f| choose(f, weight, slanted))
            .or_else(|| faces.first().cloned());
        Chain {
            faces,
            rest,
            weight,
            slanted,
            primary,
        }
    }
}

fn invalid_font(why: &str) -> Error {
    Error::new(ErrorKind::Encoding, format!("invalid font data: {why}"))
}

/// The default faces: the bundled ones, else well-known installed families
/// (Latin first, then CJK), best-matching face of each.
fn default_records(groups: &[Vec<Arc<FaceRecord>>; 3]) -> Vec<Arc<FaceRecord>> {
    if !groups[1].is_empty() {
        return groups[1].clone();
    }
    const WELL_KNOWN: &[&str] = &[
        "dejavu sans",
        "liberation sans",
        "arial",
        "noto sans",
        "noto sans cjk sc",
        "source han sans sc",
        "wenquanyi micro hei",
        "wenquanyi zen hei",
        "droid sans fallback",
        "noto color emoji",
    ];
    WELL_KNOWN
        .iter()
        .filter_map(|name| {
            let faces: Vec<_> = groups[2]
                .iter()
                .filter(|r| r.names.iter().any(|n| n == name))
                .cloned()
                .collect();
            best_match(&faces, 400.0, false, 100.0)
        })
        .collect()
}

/// The CSS font matching algorithm (stretch, then style, then weight) over
/// the faces of one family.
fn best_match(
    faces: &[Arc<FaceRecord>],
    weight: f32,
    slanted: bool,
    stretch: f32,
) -> Option<Arc<FaceRecord>> {
    // Lower is better for each criterion, compared in order.
    let stretch_rank = |s: f32| {
        let d = s - stretch;
        let narrower_first = stretch <= 100.0;
        match (d == 0.0, d < 0.0) {
            (true, _) => 0.0,
            (false, true) if narrower_first => -d,
            (false, false) if !narrower_first => d,
            _ => 1000.0 + d.abs(),
        }
    };
    let style_rank = |s: bool| if s == slanted { 0 } else { 1 };
    let weight_rank = |w: f32| {
        if w == weight {
            return 0.0;
        }
        let (below, above) = (w < weight, w > weight);
        if (400.0..=500.0).contains(&weight) {
            if above && w <= 500.0 {
                w - weight
            } else if below {
                1000.0 + (weight - w)
            } else {
                2000.0 + (w - weight)
            }
        } else if weight < 400.0 {
            if below {
                weight - w
            } else {
                1000.0 + w - weight
            }
        } else if above {
            w - weight
        } else {
            1000.0 + weight - w
        }
    };
    faces
        .iter()
        .min_by(|a, b| {
            let ka = (
                stretch_rank(a.stretch),
                style_rank(a.slanted),
                weight_rank(a.weight),
            );
            let kb = (
                stretch_rank(b.stretch),
                style_rank(b.slanted),
                weight_rank(b.weight),
            );
            ka.partial_cmp(&kb).unwrap_or(std::cmp::Ordering::Equal)
        })
        .cloned()
}

/// Face records for every face in `data`, named by the font (or by
/// `family`).
fn records_from(data: Bytes, path: Option<PathBuf>) -> Vec<FaceRecord> {
    let mut db = fontdb::Database::new();
    db.load_font_source(fontdb::Source::Binary(data.clone()));
    db.faces()
        .map(|info| {
            face_record(
                info,
                path.clone()
                    .map_or(FaceData::Bytes(data.clone()), FaceData::File),
            )
        })
        .collect()
}

fn face_record(info: &fontdb::FaceInfo, data: FaceData) -> FaceRecord {
    const STRETCH: [f32; 9] = [50.0, 62.5, 75.0, 87.5, 100.0, 112.5, 125.0, 150.0, 200.0];
    FaceRecord {
        names: info
            .families
            .iter()
            .map(|(n, _)| n.to_ascii_lowercase())
            .collect(),
        weight: f32::from(info.weight.0),
        slanted: info.style != fontdb::Style::Normal,
        stretch: STRETCH[usize::from(info.stretch.to_number().clamp(1, 9)) - 1],
        data,
        index: info.index,
        loaded: OnceLock::new(),
    }
}

/// The bundled faces, parsed once per process.
fn bundled() -> &'static [Arc<FaceRecord>] {
    static BUNDLED: OnceLock<Vec<Arc<FaceRecord>>> = OnceLock::new();
    BUNDLED.get_or_init(|| {
        #[cfg(feature = "bundled-fonts")]
        {
            mpcanvas_fonts::DEFAULTS
                .iter()
                .flat_map(|bytes| records_from(Arc::new(*bytes), None))
                .map(Arc::new)
                .collect()
        }
        #[cfg(not(feature = "bundled-fonts"))]
        Vec::new()
    })
}

/// The system's faces, found once per process.
fn system() -> &'static [Arc<FaceRecord>] {
    static SYSTEM: OnceLock<Vec<Arc<FaceRecord>>> = OnceLock::new();
    SYSTEM.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db.faces()
            .map(|info| {
                let data = match &info.source {
                    fontdb::Source::File(p) => FaceData::File(p.clone()),
                    fontdb::Source::Binary(b) => FaceData::Bytes(b.clone()),
                };
                Arc::new(face_record(info, data))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The face of the library's `n`th registered record.
    fn face(lib: &FontLibrary, n: usize) -> Arc<Face> {
        lib.inner.read().unwrap().registered[n].face().unwrap()
    }

    #[test]
    fn an_unchanged_font_file_is_parsed_once_per_process() {
        let font =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/fonts/DejaVuSans.ttf");
        let dir = std::env::temp_dir().join(format!("mpcanvas-font-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let copy = dir.join("copy.ttf");
        std::fs::copy(&font, &copy).unwrap();
        let (a, b) = (FontLibrary::new(), FontLibrary::new());
        a.register_file("One", &copy).unwrap();
        b.register_file("Two", &copy).unwrap();
        assert!(Arc::ptr_eq(&face(&a, 0), &face(&b, 0)));
        assert!(b.has_family("two") && !b.has_family("one"));
        // A changed file is read again.
        let mut bytes = std::fs::read(&font).unwrap();
        bytes.extend_from_slice(&[0; 4]);
        std::fs::write(&copy, bytes).unwrap();
        let c = FontLibrary::new();
        c.register_file("Three", &copy).unwrap();
        assert!(!Arc::ptr_eq(&face(&a, 0), &face(&c, 0)));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
