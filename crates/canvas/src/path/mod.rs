//! Canvas paths: the geometry shared by the context's current default path
//! and `Path2D` objects (HTML "Building paths" and "Path2D objects").
//!
//! A path is a [`kurbo::BezPath`] in `f64`. The context keeps its path in
//! device space: every builder takes the transform to apply to the points
//! it adds (the context passes its current transform, `Path2D` objects from
//! JS pass [`Affine::IDENTITY`]).
//!
//! Representation (the invariants every builder keeps):
//! - a non-empty path starts with `MoveTo`, and two `MoveTo`s never follow
//!   each other (a later one replaces a lone earlier one: a subpath with one
//!   point draws nothing, so only the newest matters);
//! - `ClosePath` is never repeated, and after it the current point is the
//!   closed subpath's first point; the `MoveTo` of the spec's "new subpath"
//!   is inserted only when the next segment is added. This is how Skia
//!   records paths, so `closePath(); closePath()` stays a single close and
//!   `to_skia` hands tiny-skia (a Skia port) the same verbs Chromium strokes.
//!
//! Arcs become cubic Béziers accurate to [`ARC_TOLERANCE`] units of the
//! space the points are added in; see `arc.rs`.

mod arc;
mod charge;
mod conic;
mod hit;
mod round_rect;
mod svg;

pub use kurbo::Affine;
use kurbo::{BezPath, PathEl, Point, Rect, Shape};

use crate::keyword::keyword_enum;

pub use arc::ARC_TOLERANCE;

/// Elements one builder call adds at most (an arc's cubics and conic
/// records, a rounded rectangle's corners): what it reserves first.
const GROW: usize = 32;

keyword_enum! {
    /// `CanvasFillRule`: which points are inside a path.
    #[derive(Default)]
    FillRule {
        /// Inside when the winding number is not zero (the default).
        #[default]
        NonZero = "nonzero",
        /// Inside when the winding number is odd.
        EvenOdd = "evenodd",
    }
}

/// One item of `roundRect`'s `radii`: a number or a `DOMPointInit`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CornerRadius {
    /// A number: a circular corner of this radius.
    Circular(f64),
    /// A `DOMPointInit`: an elliptical corner with radii `x` and `y`.
    Elliptical {
        /// Horizontal radius.
        x: f64,
        /// Vertical radius.
        y: f64,
    },
}

/// A canvas path: a list of subpaths made of lines and Bézier curves.
///
/// Arcs are stored twice: as accurate cubics in `path` (what strokes and
/// hit tests use) and as the conics they are exact pieces of, in `arcs`
/// (what fills use, see [`Path2D::to_skia_fill`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Path2D {
    path: BezPath,
    arcs: Vec<conic::ArcRun>,
    /// The memory of `path` and `arcs`, charged to the run's budget.
    charge: charge::PathCharge,
}

impl Path2D {
    /// An empty path (no subpaths).
    pub fn new() -> Self {
        Path2D::default()
    }

    /// The path as kurbo elements, in the space it was built in.
    pub fn as_bez_path(&self) -> &BezPath {
        &self.path
    }

    /// `true` when the path has no subpaths at all (a lone `moveTo` is a
    /// subpath, so it makes the path non-empty).
    pub fn is_empty(&self) -> bool {
        self.path.elements().is_empty()
    }

    /// The current point: the last point of the last subpath, or the first
    /// point of a subpath just closed. `None` when the path is empty.
    pub fn last_point(&self) -> Option<(f64, f64)> {
        self.current_point().map(|p| (p.x, p.y))
    }

    /// `moveTo(x, y)`: starts a new subpath at `t * (x, y)`.
    pub fn move_to(&mut self, x: f64, y: f64, t: &Affine) {
        if !finite(&[x, y]) {
            return;
        }
        if !self.reserve(GROW) {
            return;
        }
        self.push_move(*t * Point::new(x, y));
    }

    /// `lineTo(x, y)`: a straight line to `t * (x, y)`.
    ///
    /// On an empty path the spec only starts a subpath at the point;
    /// Chromium also adds a zero-length line, which strokes as a dot with
    /// round or square caps. We do the same (fills cannot tell).
    pub fn line_to(&mut self, x: f64, y: f64, t: &Affine) {
        if !finite(&[x, y]) {
            return;
        }
        if !self.reserve(GROW) {
            return;
        }
        let p = *t * Point::new(x, y);
        if self.is_empty() {
            self.path.move_to(p);
        }
        self.line_to_point(p);
    }

    /// `quadraticCurveTo(cpx, cpy, x, y)`. On an empty path the subpath
    /// starts at the control point, as the spec's "ensure there is a
    /// subpath" says.
    pub fn quadratic_curve_to(&mut self, cpx: f64, cpy: f64, x: f64, y: f64, t: &Affine) {
        if !finite(&[cpx, cpy, x, y]) {
            return;
        }
        if !self.reserve(GROW) {
            return;
        }
        let cp = *t * Point::new(cpx, cpy);
        if self.is_empty() {
            self.path.move_to(cp);
        }
        self.reopen();
        self.path.quad_to(cp, *t * Point::new(x, y));
    }

    /// `bezierCurveTo(cp1x, cp1y, cp2x, cp2y, x, y)`. On an empty path the
    /// subpath starts at the first control point.
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Canvas API signature"
    )]
    pub fn bezier_curve_to(
        &mut self,
        cp1x: f64,
        cp1y: f64,
        cp2x: f64,
        cp2y: f64,
        x: f64,
        y: f64,
        t: &Affine,
    ) {
        if !finite(&[cp1x, cp1y, cp2x, cp2y, x, y]) {
            return;
        }
        if !self.reserve(GROW) {
            return;
        }
        let cp1 = *t * Point::new(cp1x, cp1y);
        if self.is_empty() {
            self.path.move_to(cp1);
        }
        self.reopen();
        self.path
            .curve_to(cp1, *t * Point::new(cp2x, cp2y), *t * Point::new(x, y));
    }

    /// `rect(x, y, w, h)`: a closed subpath through (x, y), (x+w, y),
    /// (x+w, y+h), (x, y+h); the current point is then (x, y) again.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, t: &Affine) {
        if !finite(&[x, y, w, h]) {
            return;
        }
        if !self.reserve(GROW) {
            return;
        }
        self.push_move(*t * Point::new(x, y));
        self.path.line_to(*t * Point::new(x + w, y));
        self.path.line_to(*t * Point::new(x + w, y + h));
        self.path.line_to(*t * Point::new(x, y + h));
        self.path.close_path();
    }

    /// `closePath()`: closes the last subpath; the next segment starts at
    /// its first point. Does nothing on an empty path or right after another
    /// `closePath` (as in Skia, so no stray zero-length subpath is made).
    pub fn close_path(&mut self) {
        if matches!(self.path.elements().last(), None | Some(PathEl::ClosePath)) {
            return;
        }
        self.path.close_path();
    }

    /// `Path2D.addPath(path, transform)`: appends `other`'s subpaths mapped
    /// by `t`, then (per spec) starts a new subpath at their last point.
    /// A non-finite `t` makes this a no-op, as the spec says.
    ///
    /// Chromium instead lets a following `lineTo` extend `other`'s last
    /// subpath; the spec's new subpath is what we implement.
    pub fn add_path(&mut self, other: &Path2D, t: &Affine) {
        if other.is_empty() || !t.is_finite() {
            return;
        }
        if !self.reserve(other.element_count() + GROW) {
            return;
        }
        // `other` starts with a MoveTo, which replaces a lone MoveTo at our end.
        let ours = self.path.elements();
        let base = ours.len() - usize::from(matches!(ours.last(), Some(PathEl::MoveTo(_))));
        self.arcs
            .extend(other.arcs.iter().map(|run| run.offset(base).mapped(t)));
        for el in other.path.elements() {
            match *t * *el {
                PathEl::MoveTo(p) => self.push_move(p),
                el => self.path.push(el),
            }
        }
        self.start_subpath_at_end();
    }

    /// A copy of this path with every point mapped by `t` (e.g. a `Path2D`
    /// brought into device space by the current transform).
    pub fn transformed(&self, t: &Affine) -> Path2D {
        Path2D {
            path: *t * &self.path,
            arcs: self.arcs.iter().map(|run| run.mapped(t)).collect(),
            // A copy: charged again.
            charge: self.charge.clone(),
        }
    }

    /// The tight bounding box of everything that can paint: every segment
    /// (curves by their extrema, not their control points) plus the points
    /// of closed single-point subpaths, which stroke as dots. Lone `moveTo`
    /// points are left out. `None` when there is nothing.
    pub fn bounds(&self) -> Option<Rect> {
        let mut bounds: Option<Rect> = None;
        let mut add = |r: Rect| bounds = Some(bounds.map_or(r, |b| b.union(r)));
        let els = self.path.elements();
        let mut last = Point::ZERO;
        for (i, el) in els.iter().enumerate() {
            match *el {
                PathEl::MoveTo(p) => {
                    if matches!(els.get(i + 1), Some(PathEl::ClosePath)) {
                        add(Rect::from_points(p, p));
                    }
                    last = p;
                }
                PathEl::LineTo(p) => {
                    add(Rect::from_points(last, p));
                    last = p;
                }
                PathEl::QuadTo(p1, p2) => {
                    add(kurbo::QuadBez::new(last, p1, p2).bounding_box());
                    last = p2;
                }
                PathEl::CurveTo(p1, p2, p3) => {
                    add(kurbo::CubicBez::new(last, p1, p2, p3).bounding_box());
                    last = p3;
                }
                // The closing line lies between points already counted.
                PathEl::ClosePath => {}
            }
        }
        bounds
    }

    /// The path for tiny-skia, in `f32`, or `None` when it has no segment
    /// and no closed single point (nothing could paint).
    ///
    /// Zero-length segments are kept: tiny-skia's stroker (a port of
    /// Skia's) caps `moveTo(p); lineTo(p)` as a dot with round or square
    /// caps, and `moveTo(p); closePath()` too, exactly as Chromium draws.
    /// One exception, also Chromium's: a closed subpath of exactly three
    /// zero-length lines, the shape `rect(x, y, 0, 0)` makes, is left out,
    /// since Chromium never strokes a zero-size rect (it would otherwise
    /// cap it as a dot; the same shape built from `lineTo`s does get a dot
    /// in Chromium, which this cannot tell apart and so does not draw).
    /// Fills cannot tell. A trailing lone `moveTo` is dropped.
    ///
    /// Coordinates are clamped to ±[`SKIA_COORD_LIMIT`] so a huge value
    /// cannot make tiny-skia reject the whole path (its bounds must have
    /// finite width and height).
    pub fn to_skia(&self) -> Option<tiny_skia::Path> {
        self.build_skia(ArcForm::Cubics)
    }

    /// The path for filling (and clipping), in `f32`: as [`Path2D::to_skia`],
    /// except that arcs are the quadratic curves Skia's rasterizer cuts
    /// their conics into (within a quarter pixel of the true arc), so filled
    /// round shapes have the outline Chromium paints. Call it on a path in
    /// device space: the cutting tolerance is in the path's units.
    pub fn to_skia_fill(&self) -> Option<tiny_skia::Path> {
        self.build_skia(ArcForm::ConicQuads)
    }

    /// The path for stroking, in `f32`: as [`Path2D::to_skia`], except
    /// that each arc is one cubic per quarter turn (the conics Chromium
    /// records), which is what Chromium's stroker offsets.
    pub fn to_skia_stroke(&self) -> Option<tiny_skia::Path> {
        self.build_skia(ArcForm::ConicCubics)
    }

    fn build_skia(&self, arcs: ArcForm) -> Option<tiny_skia::Path> {
        let els = self.path.elements();
        let mut b = tiny_skia::PathBuilder::with_capacity(els.len(), els.len() * 3);
        let f = |p: Point| {
            let c = |v: f64| v.clamp(-SKIA_COORD_LIMIT, SKIA_COORD_LIMIT) as f32;
            (c(p.x), c(p.y))
        };
        let mut runs = self.arcs.iter().peekable();
        let mut i = 0;
        while i < els.len() {
            if arcs != ArcForm::Cubics {
                while runs.peek().is_some_and(|r| r.start < i) {
                    runs.next();
                }
                if let Some(run) = runs.peek().filter(|r| r.start == i) {
                    if arcs == ArcForm::ConicQuads {
                        for (p1, p2) in run.quads() {
                            let ((x1, y1), (x, y)) = (f(p1), f(p2));
                            b.quad_to(x1, y1, x, y);
                        }
                    } else {
                        for (p1, p2, p3) in run.cubics() {
                            let ((x1, y1), (x2, y2), (x, y)) = (f(p1), f(p2), f(p3));
                            b.cubic_to(x1, y1, x2, y2, x, y);
                        }
                    }
                    i = run.end;
                    runs.next();
                    continue;
                }
            }
            match els[i] {
                PathEl::MoveTo(p) => {
                    if is_zero_rect(&els[i..]) {
                        i += 5;
                        continue;
                    }
                    if i + 1 == els.len() {
                        break;
                    }
                    let (x, y) = f(p);
                    b.move_to(x, y);
                }
                PathEl::LineTo(p) => {
                    let (x, y) = f(p);
                    b.line_to(x, y);
                }
                PathEl::QuadTo(p1, p2) => {
                    let ((x1, y1), (x, y)) = (f(p1), f(p2));
                    b.quad_to(x1, y1, x, y);
                }
                PathEl::CurveTo(p1, p2, p3) => {
                    let ((x1, y1), (x2, y2), (x, y)) = (f(p1), f(p2), f(p3));
                    b.cubic_to(x1, y1, x2, y2, x, y);
                }
                PathEl::ClosePath => b.close(),
            }
            i += 1;
        }
        b.finish()
    }

    // --- internal helpers shared by the builder files ---

    /// The current point (see [`Path2D::last_point`]).
    fn current_point(&self) -> Option<Point> {
        match *self.path.elements().last()? {
            PathEl::MoveTo(p) | PathEl::LineTo(p) | PathEl::QuadTo(_, p) => Some(p),
            PathEl::CurveTo(_, _, p) => Some(p),
            PathEl::ClosePath => self.subpath_start(),
        }
    }

    /// First point of the last subpath.
    fn subpath_start(&self) -> Option<Point> {
        self.path.elements().iter().rev().find_map(|el| match el {
            PathEl::MoveTo(p) => Some(*p),
            _ => None,
        })
    }

    /// Elements held (path elements and arc records): what the path's
    /// memory is charged by.
    fn element_count(&self) -> usize {
        self.path.elements().len() + self.arcs.len()
    }

    /// Charges room for `extra` more elements before they are added;
    /// `false`: over the run's memory limit, and the path must not grow.
    pub(crate) fn reserve(&mut self, extra: usize) -> bool {
        let len = self.element_count();
        self.charge.reserve(len, extra)
    }

    /// Starts a new subpath at `p`, replacing a lone `MoveTo` before it.
    fn push_move(&mut self, p: Point) {
        if let Some(PathEl::MoveTo(last)) = self.path.elements().last() {
            if *last == p {
                return;
            }
            self.path.truncate(self.path.elements().len() - 1);
        }
        self.path.move_to(p);
    }

    /// Makes the subpath after a `ClosePath` explicit before a segment is
    /// added to it (the path must not be empty).
    fn reopen(&mut self) {
        if let Some(PathEl::ClosePath) = self.path.elements().last()
            && let Some(start) = self.subpath_start()
        {
            self.path.move_to(start);
        }
    }

    /// A line to a device-space point on a non-empty path.
    fn line_to_point(&mut self, p: Point) {
        self.reopen();
        self.path.line_to(p);
    }

    /// The spec's "create a new subpath with the last point as its only
    /// point" (after `addPath` and SVG parsing). After `ClosePath` or a lone
    /// `MoveTo` that subpath already exists implicitly.
    fn start_subpath_at_end(&mut self) {
        if let Some(PathEl::LineTo(_) | PathEl::QuadTo(..) | PathEl::CurveTo(..)) =
            self.path.elements().last()
            && let Some(p) = self.current_point()
        {
            self.path.move_to(p);
        }
    }
}

/// Largest magnitude handed to tiny-skia: a quarter of `f32::MAX` (tiny-skia
/// refuses to fill paths beyond it, and bounds must not overflow).
pub const SKIA_COORD_LIMIT: f64 = (f32::MAX / 4.0) as f64;

/// `true` when `els` starts with the closed subpath `rect(x, y, 0, 0)` makes.
fn is_zero_rect(els: &[PathEl]) -> bool {
    match els {
        [
            PathEl::MoveTo(p),
            PathEl::LineTo(a),
            PathEl::LineTo(b),
            PathEl::LineTo(c),
            PathEl::ClosePath,
            ..,
        ] => a == p && b == p && c == p,
        _ => false,
    }
}

/// `true` when every value is finite (the spec's "if any of the arguments
/// are infinite or NaN, return").
fn finite(values: &[f64]) -> bool {
    values.iter().all(|v| v.is_finite())
}

/// Formats a number as JS `String(n)` does for the values error messages
/// meet, so they match Chromium's ("The radius provided (-1) is negative.").
fn js_number(v: f64) -> String {
    let a = v.abs();
    if v == v.trunc() && a < 1e21 {
        format!("{}", v as i64)
    } else if !(1e-6..1e21).contains(&a) {
        // JS switches to exponent form here and always signs the exponent.
        let s = format!("{v:e}");
        if s.contains("e-") {
            s
        } else {
            s.replace('e', "e+")
        }
    } else {
        format!("{v}")
    }
}

/// How [`Path2D::build_skia`] writes arcs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ArcForm {
    /// The accurate cubics the path holds.
    Cubics,
    /// The quadratics Skia's rasterizer cuts the arc's conics into.
    ConicQuads,
    /// One cubic per conic, as Chromium's stroker sees arcs.
    ConicCubics,
}

#[cfg(test)]
mod tests;
