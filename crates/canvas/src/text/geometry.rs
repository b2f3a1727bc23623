//! Glyph geometry of a laid-out line: the ink bounds `measureText`
//! reports, and the outline path `fillText` / `strokeText` paint.
//!
//! Chromium draws glyphs from Skia's glyph cache: each glyph is rasterized
//! from its outline at a device position whose x is rounded to a quarter
//! pixel and whose y is rounded to a whole pixel (when the transform keeps
//! text horizontal), then blitted. Filled text does the same with cached
//! masks ([`super::glyph_mask`]); stroked text places each outline at the
//! rounded position. Glyphs too big for the cache (over 256 device px) are
//! drawn as paths at their exact positions.

use kurbo::{Affine, Point};
use tiny_skia::{FillRule as SkFillRule, IntRect, PathBuilder};

use super::face::{GlyphStyle, fake_bold_width};
use super::layout::{PlacedGlyph, TextLayout};
use super::library::ChosenFace;
use super::outline::Map;
use super::synthetic::with_fake_bold;
use crate::raster::{Coverage, rasterize};
use crate::render::{stroke_outline, to_skia_transform};

/// Skia draws glyphs larger than this (device px) as paths.
const MAX_CACHED_GLYPH: f64 = 256.0;

/// The map from an outline at `ppem` (px, y up) to text space at `size`
/// (y down), with the glyph origin at `(x, y)`.
fn glyph_map(size: f64, ppem: f64, x: f64, y: f64) -> Map {
    let s = size / ppem;
    [s, 0.0, 0.0, -s, x, y]
}

/// How `face`'s glyphs load: hinted when `cached`, unless slanted (Skia
/// does not hint glyphs under a skew).
fn style(face: &ChosenFace, cached: bool) -> GlyphStyle {
    GlyphStyle {
        hinted: cached && !face.italic,
        italic: face.italic,
    }
}

/// The union of the glyphs' bounds, each rounded out to whole pixels
/// around its origin as Skia's glyph metrics are: `[x0, y0, x1, y1]` in
/// text space, `None` when no glyph has ink.
pub(crate) fn ink_bounds(layout: &TextLayout) -> Option<[f64; 4]> {
    let mut ink: Option<[f64; 4]> = None;
    for g in &layout.glyphs {
        let face = &layout.faces[g.face];
        // Bounds come from the glyph cache at the font size itself.
        let hinted = layout.size <= MAX_CACHED_GLYPH;
        let Some(outline) = face.face.outline(g.gid, layout.size, style(face, hinted)) else {
            continue;
        };
        let Some([x0, y0, x1, y1]) =
            outline.control_box(&glyph_map(layout.size, layout.size, 0.0, 0.0))
        else {
            continue;
        };
        if x1 <= x0 && y1 <= y0 {
            continue;
        }
        // Synthetic bold's stroke adds half its width on every side.
        let grow = if face.bold {
            fake_bold_width(layout.size) / 2.0
        } else {
            0.0
        };
        let b = [
            g.x + (x0 - grow).floor(),
            g.y + (y0 - grow).floor(),
            g.x + (x1 + grow).ceil(),
            g.y + (y1 + grow).ceil(),
        ];
        ink = Some(match ink {
            None => b,
            Some(u) => [
                u[0].min(b[0]),
                u[1].min(b[1]),
                u[2].max(b[2]),
                u[3].max(b[3]),
            ],
        });
    }
    ink
}

/// Whether Chromium draws `layout` under `to_device` from its glyph cache
/// (text kept horizontal and upright, glyphs up to 256 device px): only
/// those glyphs get mask gamma. Rotated, skewed, mirrored and huge text is
/// drawn as plain paths.
pub(crate) fn uses_glyph_masks(layout: &TextLayout, to_device: Affine) -> bool {
    let [a, b, c, d, _, _] = to_device.as_coeffs();
    let device_size = layout.size * a.abs().max(b.abs()).max(c.abs()).max(d.abs());
    b == 0.0 && c == 0.0 && a > 0.0 && d > 0.0 && device_size <= MAX_CACHED_GLYPH
}

/// The device coverage of `layout` filled (or stroked with `pen`) under
/// `to_device` (see [`uses_glyph_masks`]), each value passed through the
/// mask `gamma`, within a `width × height` canvas.
pub(crate) fn text_coverage(
    layout: &TextLayout,
    to_device: Affine,
    pen: Option<&tiny_skia::Stroke>,
    gamma: &[u8; 256],
    (width, height): (u32, u32),
) -> Option<Coverage> {
    if pen.is_none() {
        let [_, _, _, d, _, _] = to_device.as_coeffs();
        return super::glyph_mask::fill_coverage(
            layout,
            to_device,
            layout.size * d,
            gamma,
            (width, height),
        );
    }
    let (path, _charge) = text_path(layout, to_device, pen.is_none())?;
    let ts = to_skia_transform(&to_device);
    let (shape, _outline_charge) = match pen {
        Some(pen) => {
            let reach = tiny_skia::Rect::from_xywh(0.0, 0.0, width as f32, height as f32);
            stroke_outline(&path, &text_pen(layout, pen), ts, reach)?
        }
        None => (path, crate::budget::Charge::none()),
    };
    let device = shape.transform(ts)?;
    let bounds = IntRect::from_xywh(0, 0, width, height)?;
    let mut cov = rasterize(&device, SkFillRule::Winding, bounds)?;
    for v in &mut cov.data {
        *v = gamma[usize::from(*v)];
    }
    Some(cov)
}

/// The outlines of `layout` as one path in text space (x right, y down,
/// the alphabetic baseline at y = 0), positioned as Chromium rounds glyph
/// positions under `to_device` (text space → device).
///
/// With `bold_fill`, glyphs of synthetic-bold faces carry their bold
/// stroke ([`with_fake_bold`]); stroked text leaves it out and widens the
/// pen instead ([`text_pen`]). The path comes with its charge to the
/// run's budget, to keep while it is drawn; `None` over the budget.
pub(crate) fn text_path(
    layout: &TextLayout,
    to_device: Affine,
    bold_fill: bool,
) -> Option<(tiny_skia::Path, crate::budget::Charge)> {
    let [a, b, c, d, _, _] = to_device.as_coeffs();
    let horizontal = b == 0.0 && c == 0.0 && a > 0.0 && d > 0.0;
    let device_size = layout.size * a.abs().max(b.abs()).max(c.abs()).max(d.abs());
    let cached = device_size <= MAX_CACHED_GLYPH;
    let snap = horizontal && cached;
    // Glyphs are scaled (and hinted) at the size the text has along the
    // device's vertical axis; other scaling stays in the transform.
    let ppem = layout.size * c.hypot(d);
    if !(ppem > 0.0 && ppem.is_finite()) {
        return None;
    }
    let from_device = to_device.inverse();
    let mut pb = PathBuilder::new();
    // The outline's memory, charged to the run's budget as it grows.
    let mut charge = crate::budget::Charge::none();
    let mut charged = 0u64;
    let mut account = |pb: &PathBuilder| {
        let wanted = pb.len() as u64 * OUTLINE_BYTES_PER_VERB;
        if wanted > charged {
            let more = (wanted - charged).max(OUTLINE_BYTES_PER_VERB << 12);
            if !charge.grow(more) {
                return false;
            }
            charged += more;
        }
        true
    };
    for (i, g) in layout.glyphs.iter().enumerate() {
        // Megabytes of text stop at the run's deadline, or at the memory
        // limit (the call then draws nothing).
        if i % 1024 == 0 && (crate::budget::expired() || !account(&pb)) {
            return None;
        }
        let face = &layout.faces[g.face];
        let Some(outline) = face.face.outline(g.gid, ppem, style(face, cached)) else {
            continue;
        };
        let (x, y) = if snap {
            snapped_origin(g, to_device, from_device)
        } else {
            (g.x, g.y)
        };
        if bold_fill && face.bold {
            let mut glyph = PathBuilder::new();
            outline.append(&mut glyph, &glyph_map(layout.size, ppem, x, y));
            let Some(glyph) = glyph.finish() else {
                continue;
            };
            if let Some(bold) = with_fake_bold(glyph, fake_bold_width(layout.size)) {
                pb.push_path(&bold);
            }
        } else {
            outline.append(&mut pb, &glyph_map(layout.size, ppem, x, y));
        }
    }
    if !account(&pb) {
        return None;
    }
    Some((pb.finish()?, charge))
}

/// Bytes charged per verb of a text outline: its points (at most three of
/// 8 bytes) and verb, twice for a growing `Vec`, and as much again for
/// the path a stroke of it makes.
const OUTLINE_BYTES_PER_VERB: u64 = 128;

/// The pen strokeText draws `layout` with: `pen`, widened by the synthetic
/// bold width when a glyph's face is synthetic bold (Skia adds it to the
/// stroke width).
pub(crate) fn text_pen(layout: &TextLayout, pen: &tiny_skia::Stroke) -> tiny_skia::Stroke {
    let mut pen = pen.clone();
    if layout.faces.iter().any(|f| f.bold) {
        pen.width += fake_bold_width(layout.size) as f32;
    }
    pen
}

/// The glyph's origin moved to where Skia's glyph cache puts it: a quarter
/// pixel in x, a whole pixel in y, in device space.
fn snapped_origin(g: &PlacedGlyph, to_device: Affine, from_device: Affine) -> (f64, f64) {
    let p = to_device * Point::new(g.x, g.y);
    let x = ((p.x + 0.125) * 4.0).floor() / 4.0;
    let y = (p.y + 0.5).floor();
    let back = from_device * Point::new(x, y);
    (back.x, back.y)
}
