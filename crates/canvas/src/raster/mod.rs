//! Path coverage: our analytic anti-aliasing rasterizer.
//!
//! Chromium fills paths with Skia's analytic AA: edges become line segments
//! whose end points sit on a quarter-pixel grid vertically, and each pixel
//! gets the area of the shape inside it. tiny-skia ports Skia's older 4×4
//! supersampling instead, whose edge pixels differ from Chromium's by up to
//! an eighth of full coverage. This module computes the exact covered area
//! of line edges placed on the same grid Skia uses ([`edges`]), which brings
//! edge pixels close to Chromium's ([`coverage`]).
//!
//! The result is an 8-bit coverage mask of the path's pixel bounds, which
//! the renderer composites through tiny-skia's mask support.

pub(crate) mod aaa;
pub(crate) mod coverage;
pub(crate) mod edges;
pub(crate) mod rect;

pub(crate) use coverage::{Coverage, rasterize};

/// Coverage of a filled (or stroked, as its outline) path or a clip path:
/// Skia's analytic AA, or the exact-area rasterizer for paths beyond its
/// fixed-point range.
pub(crate) fn fill_path(
    path: &tiny_skia::Path,
    rule: tiny_skia::FillRule,
    bounds: tiny_skia::IntRect,
    target: aaa::Target,
) -> Option<Coverage> {
    match aaa::fill(path, rule, bounds, target) {
        Some(cov) => cov,
        None => rasterize(path, rule, bounds),
    }
}
