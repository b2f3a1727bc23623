//! Path coverage: the anti-aliasing rasterizers.
//!
//! Chromium fills paths with Skia's analytic AA; [`aaa`] follows it step
//! by step (fixed-point edges, its walkers and coverage approximations) for
//! path fills, stroke outlines and clips. [`coverage`] computes the exact
//! covered area of edges placed on the same grid ([`edges`]); glyphs use it
//! (Chromium rasterizes them elsewhere) and so do paths beyond the
//! fixed-point range. [`rect`] is Skia's rectangle filler.
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
