//! The settings of one draw besides its shape and paint: operator, clip
//! and shadow. Shared by the drawing step and the shadow painter, which is
//! why they have a module of their own.

use tiny_skia::Mask;

use crate::color::Color;
use crate::composite::CompositeOp;

/// What the shadow's mask is made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ShadowSource {
    /// The shape's coverage; the paint's alpha is applied unblurred.
    Coverage,
    /// The alpha of the painted shape, blurred (non-opaque images).
    PaintedAlpha,
}

/// The shadow settings of a draw, already known to be visible.
pub(crate) struct ShadowParams {
    /// Shadow colour (its alpha is used as is; `globalAlpha` reaches the
    /// shadow through the shape's paint).
    pub(crate) color: Color,
    /// Gaussian standard deviation in device pixels (`shadowBlur / 2`).
    pub(crate) sigma: f64,
    /// Device-space offset (not affected by the transform).
    pub(crate) offset: (f64, f64),
    /// What the blur applies to (Chromium blurs coverage for fills and
    /// strokes but the drawn alpha for non-opaque images).
    pub(crate) source: ShadowSource,
}

/// Everything about a draw besides the shape and its paint.
pub(crate) struct DrawParams<'a> {
    pub(crate) op: CompositeOp,
    pub(crate) shadow: Option<ShadowParams>,
    pub(crate) clip: Option<&'a Mask>,
}
