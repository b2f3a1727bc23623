//! A loaded font face: its parsed tables (skrifa), the metrics canvas text
//! needs, and a cache of glyph outlines in font units.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use harfrust::{Direction, Feature, Language, Script, ShapePlan, ShapePlanKey};
use skrifa::{DrawMemory, Font, GlyphId, HintOptions, PathSink, RasterTarget, ScalerFont};

use super::outline::Outline;
use crate::raster::Coverage;

/// What a glyph's mask depends on (the key of a face's mask cache).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct MaskKey {
    pub(crate) gid: u32,
    /// Pixels per em (as bits).
    pub(crate) ppem: u64,
    /// Device x scale over y scale (as bits).
    pub(crate) x_scale: u64,
    pub(crate) style: GlyphStyle,
    /// Synthetic bold stroke width in device px (as bits; 0 when none).
    pub(crate) bold_width: u64,
    /// The origin's x fraction in quarter pixels (0..=3).
    pub(crate) quarter: u8,
}

/// One face of a font file, ready for shaping and drawing.
pub(crate) struct Face {
    /// The face's tables (cheap to clone; shares the bytes).
    pub(crate) font: Font,
    /// Units per em.
    pub(crate) upem: f64,
    /// Ascent and descent (positive) in font units, chosen as FreeType
    /// does (typo metrics when the font asks for them, else hhea, else
    /// typo, else win), since Chromium measures through FreeType.
    ascent: f64,
    descent: f64,
    /// OS/2 typo ascender and descender (positive), when present.
    typo: Option<(f64, f64)>,
    /// The weight the face was registered with (for synthetic bold).
    pub(crate) weight: f32,
    /// Whether the face is italic or oblique (for synthetic italic).
    pub(crate) slanted: bool,
    outlines: Mutex<HashMap<OutlineKey, Option<Arc<Outline>>>>,
    scalers: Mutex<HashMap<(u64, bool), Arc<ScalerFont>>>,
    /// Glyph masks and their total bytes.
    masks: Mutex<MaskCache>,
    /// Shape plans built so far (HarfRust would build one per call; a
    /// face sees only a few direction / script / feature sets).
    plans: Mutex<Vec<Arc<ShapePlan>>>,
}

/// How many shape plans a face keeps.
const MAX_PLANS: usize = 16;

/// Glyph masks made so far, and their total bytes.
type MaskCache = (HashMap<MaskKey, Option<Arc<Coverage>>>, usize);

/// Glyph id, ppem (as bits) and style: what an outline depends on.
type OutlineKey = (u32, u64, GlyphStyle);

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("upem", &self.upem)
            .field("weight", &self.weight)
            .field("slanted", &self.slanted)
            .finish_non_exhaustive()
    }
}

/// Font-wide vertical metrics at a size, in px, rounded as Blink rounds
/// them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FaceMetrics {
    /// Ascent rounded to whole pixels.
    pub(crate) ascent: f64,
    /// Descent rounded to whole pixels.
    pub(crate) descent: f64,
    /// The em box's ascent: typo ascent normalised to the em, in 1/64 px.
    pub(crate) em_ascent: f64,
    /// The em box's descent (em − `em_ascent`).
    pub(crate) em_descent: f64,
}

impl Face {
    /// Parses face `index` of `font`; `None` when the data is not a font
    /// skrifa reads or has no outlines or metrics to draw with.
    pub(crate) fn new(font: Font, weight: f32, slanted: bool) -> Option<Face> {
        let m = font.metrics();
        let upem = f64::from(m.units_per_em.max(1));
        let f = |v: skrifa::raw::types::F48Dot16| v.to_f64();
        let typo = m
            .typo_line
            .map(|l| (f(l.ascender), -f(l.descender)))
            .filter(|(a, d)| *a != 0.0 || *d != 0.0);
        let hhea = m
            .hhea_line
            .map(|l| (f(l.ascender), -f(l.descender)))
            .filter(|(a, d)| *a != 0.0 || *d != 0.0);
        let win = m
            .win_line
            .map(|l| (f(l.ascender), f(l.descender).abs()))
            .filter(|(a, d)| *a != 0.0 || *d != 0.0);
        let (ascent, descent) = if m.use_typo_metrics {
            typo.or(hhea)
        } else {
            hhea.or(typo)
        }
        .or(win)
        .unwrap_or((upem * 0.8, upem * 0.2));
        Some(Face {
            font,
            upem,
            ascent,
            descent,
            typo,
            weight,
            slanted,
            outlines: Mutex::new(HashMap::new()),
            scalers: Mutex::new(HashMap::new()),
            masks: Mutex::new((HashMap::new(), 0)),
            plans: Mutex::new(Vec::new()),
        })
    }

    /// The shape plan for text of `direction` and `script` shaped with
    /// `features`, built on first use.
    pub(crate) fn shape_plan(
        &self,
        direction: Direction,
        script: Option<Script>,
        language: Option<&Language>,
        features: &[Feature],
    ) -> Arc<ShapePlan> {
        let key = ShapePlanKey::new(&self.font, script, direction)
            .language(language)
            .features(features);
        if let Ok(plans) = self.plans.lock()
            && let Some(plan) = plans.iter().find(|p| key.matches(p))
        {
            return plan.clone();
        }
        let plan = Arc::new(ShapePlan::new(
            &self.font, direction, script, language, features,
        ));
        if let Ok(mut plans) = self.plans.lock() {
            if plans.len() >= MAX_PLANS {
                plans.remove(0);
            }
            plans.push(plan.clone());
        }
        plan
    }

    /// The glyph for `c`, if the face maps it.
    pub(crate) fn glyph(&self, c: char) -> Option<u32> {
        self.font
            .charmap()
            .map_unicode(c as u32)
            .map(|g| g.to_u32())
            .filter(|g| *g != 0)
    }

    /// Whether the face maps `c`.
    pub(crate) fn has(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Font-unit to px factor at `size`.
    pub(crate) fn scale(&self, size: f64) -> f64 {
        size / self.upem
    }

    /// The metrics at `size` px.
    pub(crate) fn metrics(&self, size: f64) -> FaceMetrics {
        let s = self.scale(size);
        // Blink rounds FreeType's ascent and descent to whole pixels.
        let ascent = (self.ascent * s).round();
        let descent = (self.descent * s).round();
        let (ta, td) = match self.typo {
            Some((a, d)) => (a * s, d * s),
            None => (ascent, descent),
        };
        let (em_ascent, em_descent) = normalize_em(ta, td, size);
        FaceMetrics {
            ascent,
            descent,
            em_ascent,
            em_descent,
        }
    }

    /// The outline of glyph `gid` at `ppem` pixels per em, in px with y
    /// up, as Chromium's Skia gets it from FreeType: hinted by the
    /// automatic hinter in light mode (vertical only) when `hinted`, then
    /// slanted for synthetic italic. (Synthetic bold is a stroke around
    /// the outline, added where the glyph is drawn: [`fake_bold_width`].)
    /// `None` for glyphs without an outline (spaces, bitmap-only glyphs).
    pub(crate) fn outline(&self, gid: u32, ppem: f64, glyph: GlyphStyle) -> Option<Arc<Outline>> {
        let key = (gid, ppem.to_bits(), glyph);
        if let Some(o) = self.outlines.lock().ok()?.get(&key) {
            return o.clone();
        }
        let outline = self.load_outline(gid, ppem, glyph).map(Arc::new);
        if let Ok(mut cache) = self.outlines.lock() {
            if cache.len() > OUTLINE_CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(key, outline.clone());
        }
        outline
    }

    fn load_outline(&self, gid: u32, ppem: f64, glyph: GlyphStyle) -> Option<Outline> {
        let scaler = self.scaler(ppem, glyph.hinted)?;
        let mut sink = OutlineSink::default();
        scaler
            .outline(GlyphId::new(gid))?
            .draw(DrawMemory::Scratch, &mut sink)
            .ok()?;
        sink.finish();
        let mut o = sink.outline;
        if o.is_empty() {
            return None;
        }
        if glyph.italic {
            o.skew(FAKE_ITALIC_SKEW);
        }
        Some(o)
    }

    /// The glyph mask for `key`, made by `make` the first time (masks are
    /// kept per face, so every canvas drawing with it shares them).
    pub(crate) fn glyph_mask(
        &self,
        key: MaskKey,
        make: impl FnOnce() -> Option<Coverage>,
    ) -> Option<Arc<Coverage>> {
        if let Some(m) = self.masks.lock().ok()?.0.get(&key) {
            return m.clone();
        }
        let mask = make().map(Arc::new);
        if let Ok(mut cache) = self.masks.lock() {
            let (map, bytes) = &mut *cache;
            let size = mask.as_ref().map_or(0, |m| m.data.len());
            if map.len() > MASK_CACHE_LIMIT || *bytes + size > MASK_CACHE_BYTES {
                map.clear();
                *bytes = 0;
            }
            if size <= MASK_CACHE_BYTES {
                *bytes += size;
                map.insert(key, mask.clone());
            }
        }
        mask
    }

    /// A scaler for `ppem` (cached per size; hinting setup runs the
    /// hinter's analysis once per size).
    fn scaler(&self, ppem: f64, hinted: bool) -> Option<Arc<ScalerFont>> {
        let key = (ppem.to_bits(), hinted);
        if let Some(s) = self.scalers.lock().ok()?.get(&key) {
            return Some(s.clone());
        }
        let scaler = Arc::new(if hinted {
            ScalerFont::hinted(
                self.font.clone(),
                ppem as f32,
                HintOptions::auto().with_target(RasterTarget::Light),
            )
        } else {
            ScalerFont::unhinted(self.font.clone(), Some(ppem as f32))
        });
        if let Ok(mut cache) = self.scalers.lock() {
            if cache.len() > SCALER_CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(key, scaler.clone());
        }
        Some(scaler)
    }
}

/// How a glyph's outline is loaded besides its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct GlyphStyle {
    /// Light (vertical) autohinting, as Chromium's glyph cache does for
    /// upright glyphs (slanted ones are not hinted).
    pub(crate) hinted: bool,
    /// Synthetic oblique.
    pub(crate) italic: bool,
}

/// Skia's synthetic bold (what Chromium draws on Linux): the outline is
/// filled and also stroked (miter joins) with this width, a fraction of
/// the text size `size` (px): 1/24 up to 9 px, 1/32 from 36 px, linear
/// between. For stroked text the pen grows by as much.
pub(crate) fn fake_bold_width(size: f64) -> f64 {
    let t = ((size - 9.0) / 27.0).clamp(0.0, 1.0);
    size * (1.0 / 24.0 + t * (1.0 / 32.0 - 1.0 / 24.0))
}

/// Skia's synthetic oblique: x moves right by a quarter of the height.
const FAKE_ITALIC_SKEW: f32 = 0.25;
/// Cached outlines per face before the cache starts over.
const OUTLINE_CACHE_LIMIT: usize = 65_536;
/// Cached glyph masks per face before the cache starts over (a mask is a
/// few hundred bytes at poster sizes).
const MASK_CACHE_LIMIT: usize = 16_384;
/// Bytes of glyph masks per face before the cache starts over: the cache
/// is shared by every run of an engine, so it is bounded here rather than
/// charged to one run's budget (a 256 px glyph's mask is 64 KiB).
const MASK_CACHE_BYTES: usize = 8 << 20;
/// Cached sizes per face before the cache starts over.
const SCALER_CACHE_LIMIT: usize = 64;

/// Blink's em-height normalisation: the ascent share of the em, rounded to
/// 1/64 px, and the rest of the em as the descent.
fn normalize_em(ascent: f64, descent: f64, em: f64) -> (f64, f64) {
    let height = ascent + descent;
    if height <= 0.0 || ascent < 0.0 || ascent > height {
        return (0.0, 0.0);
    }
    let round64 = |v: f64| (v * 64.0).round() / 64.0;
    let a = round64(ascent * em / height);
    (a, round64(em) - a)
}

#[derive(Default)]
struct OutlineSink {
    outline: Outline,
}

impl OutlineSink {
    fn finish(&mut self) {
        self.outline.close();
    }
}

impl PathSink for OutlineSink {
    fn move_to(&mut self, x: f32, y: f32) {
        self.outline.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.outline.line_to(x, y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.outline.quad_to(cx0, cy0, x, y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.outline.curve_to(cx0, cy0, cx1, cy1, x, y);
    }
    fn close(&mut self) {
        self.outline.close();
    }
}

#[cfg(test)]
mod tests {
    use super::normalize_em;

    #[test]
    fn em_normalisation_rounds_to_64ths() {
        // DejaVu Sans at 20px: typo 1556 / 492 of 2048 (Chromium: middle
        // baseline 5.203125 = (15.203125 − 4.796875) / 2).
        let s = 20.0 / 2048.0;
        let (a, d) = normalize_em(1556.0 * s, 492.0 * s, 20.0);
        assert_eq!((a, d), (15.203125, 4.796875));
    }
}
