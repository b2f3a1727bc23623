//! [`FontLibrary`]: the fonts text can use. One library is shared (it is a
//! cheap handle) by every canvas of a document or mini-program, as
//! `document.fonts` is in a browser and `wx.loadFontFace` is in a
//! mini-program: a face registered once is visible to all of them.
//!
//! Faces come from three places, searched in this order for a family name:
//! faces registered by the host (from bytes, under the family name the
//! host chooses), the default faces, and the installed faces. The last two
//! are [`FontCollection`]s the host hands in (the bundled fonts and the
//! system's, from `mpcanvas-fonts`), shared by every library holding them;
//! the engine itself reads no files. Faces are parsed when first used.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use super::FontStretch;
use super::collection::{self, Bytes, FaceDescriptors, FaceRecord, FontCollection, invalid_font};
use super::face::Face;
use super::font::{FontFamily, FontSpec};
use crate::error::Result;

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
    defaults: FontCollection,
    installed: FontCollection,
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
    /// A library with no faces but those registered later (the engine
    /// has no fonts of its own: see [`with_fallbacks`](Self::with_fallbacks)).
    pub fn new() -> FontLibrary {
        FontLibrary::default()
    }

    /// A library that falls back on `defaults` (used for generic families
    /// such as `sans-serif`, and before any other face) and then on
    /// `installed` (the system's fonts), both shared with every other
    /// library holding them.
    pub fn with_fallbacks(defaults: FontCollection, installed: FontCollection) -> FontLibrary {
        let lib = FontLibrary::default();
        if let Ok(mut r) = lib.inner.write() {
            r.defaults = defaults;
            r.installed = installed;
        }
        lib
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
        self.add_collection(&FontCollection::single(family, bytes, descriptors)?);
        Ok(())
    }

    /// Adds the faces of `collection` as registered faces (sharing their
    /// parsed state with every other holder).
    pub fn add_collection(&self, collection: &FontCollection) {
        if let Ok(mut r) = self.inner.write() {
            r.registered.extend(collection.faces.iter().cloned());
            // New faces can change what any spec resolves to.
            r.chains.clear();
        }
    }

    /// Adds every face of font bytes under the family names the font
    /// itself gives, with its own weight and style, and returns the first
    /// face's family name as the font spells it (what mini-game
    /// `wx.loadFont` answers).
    pub fn add_font(&self, bytes: Vec<u8>) -> Result<String> {
        let data: Bytes = Arc::new(super::woff::decode(bytes)?);
        let entries = collection::entries_of(&data);
        let family = entries
            .iter()
            .find_map(|e| e.families.first().cloned())
            .ok_or_else(|| invalid_font("no readable face in the data"))?;
        self.add_collection(&FontCollection::from_entries(entries));
        Ok(family)
    }

    /// Whether a face of `family` is known (registered, default or
    /// installed).
    pub fn has_family(&self, family: &str) -> bool {
        let key = family.to_ascii_lowercase();
        self.groups()
            .iter()
            .any(|g| g.iter().any(|r| r.names.contains(&key)))
    }

    /// The registered, default and installed faces, in search order.
    fn groups(&self) -> [Vec<Arc<FaceRecord>>; 3] {
        self.inner
            .read()
            .map(|r| {
                [
                    r.registered.clone(),
                    r.defaults.faces.to_vec(),
                    r.installed.faces.to_vec(),
                ]
            })
            .unwrap_or_default()
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
