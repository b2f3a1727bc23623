//! `new Path2D(d)`: SVG path data.
//!
//! Tokens come from svgtypes' `PathParser`; the interpretation (relative
//! coordinates, smooth-curve reflections, arcs) is done here so arcs use the
//! same cubic approximation as `arc()`. As in browsers, everything up to the
//! first error is kept: a command whose arguments are incomplete or
//! malformed is dropped with everything after it. A non-finite number
//! (e.g. `1e999`) is an error too, as in Chromium.

use std::f64::consts::TAU;

use kurbo::{Affine, Point, Vec2};
use svgtypes::PathSegment;

use super::Path2D;
use super::arc::{ConicSplit, append_unit_arc};

/// The previous command's control point, for `S` and `T` reflections.
#[derive(Clone, Copy)]
enum Previous {
    /// After `C`/`S`: their second control point.
    Cubic(Point),
    /// After `Q`/`T`: their control point.
    Quad(Point),
    /// After anything else.
    Other,
}

impl Path2D {
    /// Parses SVG path data (`Path2D(d)`). Keeps everything before the
    /// first error; garbage yields an empty path. Per spec, a new subpath
    /// then starts at the last point, so a following `lineTo` does not
    /// extend the parsed subpath (Chromium's differs here).
    pub fn from_svg(d: &str) -> Self {
        let mut path = Path2D::new();
        let mut state = State {
            current: Point::ZERO,
            previous: Previous::Other,
        };
        for segment in svgtypes::PathParser::from(d) {
            let Ok(segment) = segment else { break };
            if !all_finite(&segment) {
                break;
            }
            // Over the run's memory limit: parsing stops here.
            if !path.reserve(super::GROW) {
                break;
            }
            state.apply(&mut path, segment);
        }
        path.start_subpath_at_end();
        path
    }
}

/// Where the interpreter stands between commands.
struct State {
    current: Point,
    previous: Previous,
}

impl State {
    fn apply(&mut self, path: &mut Path2D, segment: PathSegment) {
        let id = Affine::IDENTITY;
        // Resolves a coordinate pair, relative or absolute.
        let base = self.current.to_vec2();
        let at = |abs: bool, x: f64, y: f64| {
            if abs {
                Point::new(x, y)
            } else {
                Point::new(x, y) + base
            }
        };
        let mut previous = Previous::Other;
        match segment {
            PathSegment::MoveTo { abs, x, y } => {
                let p = at(abs, x, y);
                path.move_to(p.x, p.y, &id);
            }
            PathSegment::LineTo { abs, x, y } => self.line(path, at(abs, x, y)),
            PathSegment::HorizontalLineTo { abs, x } => {
                let x = if abs { x } else { x + self.current.x };
                self.line(path, Point::new(x, self.current.y));
            }
            PathSegment::VerticalLineTo { abs, y } => {
                let y = if abs { y } else { y + self.current.y };
                self.line(path, Point::new(self.current.x, y));
            }
            PathSegment::CurveTo {
                abs,
                x1,
                y1,
                x2,
                y2,
                x,
                y,
            } => {
                let (c1, c2) = (at(abs, x1, y1), at(abs, x2, y2));
                self.cubic(path, c1, c2, at(abs, x, y));
                previous = Previous::Cubic(c2);
            }
            PathSegment::SmoothCurveTo { abs, x2, y2, x, y } => {
                let c1 = match self.previous {
                    Previous::Cubic(c) => self.current + (self.current - c),
                    _ => self.current,
                };
                let c2 = at(abs, x2, y2);
                self.cubic(path, c1, c2, at(abs, x, y));
                previous = Previous::Cubic(c2);
            }
            PathSegment::Quadratic { abs, x1, y1, x, y } => {
                let c = at(abs, x1, y1);
                self.quad(path, c, at(abs, x, y));
                previous = Previous::Quad(c);
            }
            PathSegment::SmoothQuadratic { abs, x, y } => {
                let c = match self.previous {
                    Previous::Quad(c) => self.current + (self.current - c),
                    _ => self.current,
                };
                self.quad(path, c, at(abs, x, y));
                previous = Previous::Quad(c);
            }
            PathSegment::EllipticalArc {
                abs,
                rx,
                ry,
                x_axis_rotation,
                large_arc,
                sweep,
                x,
                y,
            } => {
                let to = at(abs, x, y);
                let radii = Vec2::new(rx.abs(), ry.abs());
                svg_arc(
                    path,
                    self.current,
                    to,
                    radii,
                    x_axis_rotation.to_radians(),
                    large_arc,
                    sweep,
                );
            }
            PathSegment::ClosePath { .. } => path.close_path(),
        }
        self.previous = previous;
        if let Some((x, y)) = path.last_point() {
            self.current = Point::new(x, y);
        }
    }

    fn line(&self, path: &mut Path2D, p: Point) {
        path.line_to_point(p);
    }

    fn cubic(&self, path: &mut Path2D, c1: Point, c2: Point, p: Point) {
        path.reopen();
        path.path.curve_to(c1, c2, p);
    }

    fn quad(&self, path: &mut Path2D, c: Point, p: Point) {
        path.reopen();
        path.path.quad_to(c, p);
    }
}

/// An SVG elliptical arc from `from` to `to` (SVG 2, "Elliptical arc
/// implementation notes"): identical end points draw nothing, a zero radius
/// draws a line, radii too small to span the chord are scaled up.
fn svg_arc(
    path: &mut Path2D,
    from: Point,
    to: Point,
    radii: Vec2,
    rotation: f64,
    large_arc: bool,
    sweep: bool,
) {
    if from == to {
        return;
    }
    if radii.x == 0.0 || radii.y == 0.0 {
        path.line_to_point(to);
        return;
    }
    let Some(arc) = center_arc(from, to, radii, rotation, large_arc, sweep) else {
        path.line_to_point(to);
        return;
    };
    path.reopen();
    let m = Affine::translate(arc.center.to_vec2())
        * Affine::rotate(rotation)
        * Affine::scale_non_uniform(arc.radii.x, arc.radii.y);
    append_unit_arc(path, &m, arc.start, arc.sweep, ConicSplit::Svg);
}

/// Centre parameterisation of an SVG arc.
#[derive(Debug, Clone, Copy, PartialEq)]
struct CenterArc {
    center: Point,
    radii: Vec2,
    start: f64,
    sweep: f64,
}

/// Endpoint-to-centre conversion. `None` when the numbers degenerate (the
/// caller then draws a line, which is what the arc tends to).
fn center_arc(
    from: Point,
    to: Point,
    radii: Vec2,
    rotation: f64,
    large_arc: bool,
    sweep: bool,
) -> Option<CenterArc> {
    let (sin, cos) = rotation.sin_cos();
    let half = (from - to) / 2.0;
    // The half-chord in the ellipse's own axes.
    let p = Vec2::new(cos * half.x + sin * half.y, -sin * half.x + cos * half.y);
    let (mut rx, mut ry) = (radii.x, radii.y);
    // Everything below is in units of the radii, so huge or tiny radii
    // neither overflow nor underflow.
    let mut lambda = (p.x / rx).powi(2) + (p.y / ry).powi(2);
    if lambda.is_nan() || lambda > 1.0 {
        // Too small: grow both radii, keeping their ratio, until the
        // ellipse just spans the chord.
        let ratio = rx / ry;
        rx = p.x.hypot(p.y * ratio);
        ry = rx / ratio;
        lambda = 1.0;
    }
    let (px, py) = (p.x / rx, p.y / ry);
    let mut coef = ((1.0 - lambda).max(0.0) / lambda).sqrt();
    if large_arc == sweep {
        coef = -coef;
    }
    let c = Vec2::new(coef * rx * py, -coef * ry * px);
    let mid = from.midpoint(to);
    let center = mid + Vec2::new(cos * c.x - sin * c.y, sin * c.x + cos * c.y);
    let u = Vec2::new(px - c.x / rx, py - c.y / ry);
    let v = Vec2::new(-px - c.x / rx, -py - c.y / ry);
    let start = u.atan2();
    let mut delta = u.cross(v).atan2(u.dot(v));
    if sweep && delta < 0.0 {
        delta += TAU;
    } else if !sweep && delta > 0.0 {
        delta -= TAU;
    }
    let ok = [center.x, center.y, rx, ry, start, delta]
        .iter()
        .all(|v| v.is_finite());
    ok.then_some(CenterArc {
        center,
        radii: Vec2::new(rx, ry),
        start,
        sweep: delta,
    })
}

/// `true` when every number in the segment is finite.
fn all_finite(segment: &PathSegment) -> bool {
    let ok = |values: &[f64]| values.iter().all(|v| v.is_finite());
    match *segment {
        PathSegment::MoveTo { x, y, .. }
        | PathSegment::LineTo { x, y, .. }
        | PathSegment::SmoothQuadratic { x, y, .. } => ok(&[x, y]),
        PathSegment::HorizontalLineTo { x, .. } => x.is_finite(),
        PathSegment::VerticalLineTo { y, .. } => y.is_finite(),
        PathSegment::CurveTo {
            x1,
            y1,
            x2,
            y2,
            x,
            y,
            ..
        } => ok(&[x1, y1, x2, y2, x, y]),
        PathSegment::SmoothCurveTo {
            x2: x1,
            y2: y1,
            x,
            y,
            ..
        }
        | PathSegment::Quadratic { x1, y1, x, y, .. } => ok(&[x1, y1, x, y]),
        PathSegment::EllipticalArc {
            rx,
            ry,
            x_axis_rotation,
            x,
            y,
            ..
        } => ok(&[rx, ry, x_axis_rotation, x, y]),
        PathSegment::ClosePath { .. } => true,
    }
}

#[cfg(test)]
mod tests;
