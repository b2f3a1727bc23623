//! `'repeat'` patterns under a scale + translate transform, sampled as
//! Chromium's software canvas samples them (measured, see
//! `conformance/79-…`): Skia's legacy fixed-point bilinear sampler in tile
//! units ([`fixed_bilinear::Tile::Repeat`]), at every smoothing quality.
//! Skia takes that path only when both axes repeat (a 1-pixel side counts
//! as clamped) and the matrix neither rotates nor skews; other patterns
//! keep the float bilinear filter.

use kurbo::Affine;
use tiny_skia::{IntRect, SpreadMode};

use super::fixed_bilinear::{self, ScaleTranslate, Tile};
use crate::image::Image;
use crate::style::PatternParts;

/// The pattern `parts` (image → user space) under `ctm` (user → device)
/// resampled into the device pixels of `area`, as parts that paint those
/// pixels one to one; `None` when Chromium would not take the fixed-point
/// path, or nothing is visible.
pub(crate) fn sample_repeating(
    parts: &PatternParts,
    ctm: Affine,
    area: IntRect,
) -> Option<PatternParts> {
    let (w, h) = (parts.image.width(), parts.image.height());
    if parts.spread != SpreadMode::Repeat || parts.band.is_some() || w < 2 || h < 2 {
        return None;
    }
    let [a, b, c, d, e, f] = (ctm * parts.transform).as_coeffs();
    if b != 0.0 || c != 0.0 {
        return None;
    }
    let map = ScaleTranslate {
        scale_x: a,
        scale_y: d,
        offset_x: e,
        offset_y: f,
    };
    let pixmap = fixed_bilinear::sample_tiled(
        parts.image.premultiplied_data(),
        w,
        h,
        map,
        area,
        Tile::Repeat,
    )?;
    Some(PatternParts {
        image: Image::from_pixmap(pixmap),
        // The level's charge stays with `parts`.
        _level_charge: crate::budget::Charge::none(),
        spread: SpreadMode::Pad,
        transform: ctm.inverse() * Affine::translate((area.x() as f64, area.y() as f64)),
        band: None,
    })
}
