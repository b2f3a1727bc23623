//! Paths (temporary signature stub; replaced by the real module).
#![allow(missing_docs, unused_variables, clippy::too_many_arguments)]
use crate::error::Result;
use crate::keyword::keyword_enum;
pub use kurbo::Affine;

keyword_enum! {
    /// CanvasFillRule.
    FillRule { NonZero = "nonzero", EvenOdd = "evenodd" }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CornerRadius { Circular(f64), Elliptical { x: f64, y: f64 } }

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Path2D { p: kurbo::BezPath }

impl Path2D {
    pub fn new() -> Self { Self::default() }
    pub fn from_svg(d: &str) -> Self { todo!() }
    pub fn is_empty(&self) -> bool { todo!() }
    pub fn move_to(&mut self, x: f64, y: f64, t: &Affine) { todo!() }
    pub fn line_to(&mut self, x: f64, y: f64, t: &Affine) { todo!() }
    pub fn quadratic_curve_to(&mut self, cpx: f64, cpy: f64, x: f64, y: f64, t: &Affine) { todo!() }
    pub fn bezier_curve_to(&mut self, a: f64, b: f64, c: f64, d: f64, x: f64, y: f64, t: &Affine) { todo!() }
    pub fn arc(&mut self, x: f64, y: f64, r: f64, s: f64, e: f64, ccw: bool, t: &Affine) -> Result<()> { todo!() }
    pub fn arc_to(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, r: f64, t: &Affine) -> Result<()> { todo!() }
    pub fn ellipse(&mut self, x: f64, y: f64, rx: f64, ry: f64, rot: f64, s: f64, e: f64, ccw: bool, t: &Affine) -> Result<()> { todo!() }
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, t: &Affine) { todo!() }
    pub fn round_rect(&mut self, x: f64, y: f64, w: f64, h: f64, radii: &[CornerRadius], t: &Affine) -> Result<()> { todo!() }
    pub fn close_path(&mut self) { todo!() }
    pub fn add_path(&mut self, other: &Path2D, t: &Affine) { todo!() }
    pub fn transformed(&self, t: &Affine) -> Path2D { todo!() }
    pub fn bounds(&self) -> Option<kurbo::Rect> { todo!() }
    pub fn to_skia(&self) -> Option<tiny_skia::Path> { todo!() }
    pub fn contains(&self, x: f64, y: f64, rule: FillRule) -> bool { todo!() }
    pub fn stroke_contains(&self, x: f64, y: f64, style: &crate::line::LineStyle) -> bool { todo!() }
    pub fn last_point(&self) -> Option<(f64, f64)> { todo!() }
}
