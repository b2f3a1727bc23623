//! `arc`, `ellipse` and `arcTo`: the spec's angle rules and the cubic
//! approximation of elliptical arcs.
//!
//! Every arc is drawn as an arc of the unit circle mapped by the affine map
//! `t · translate(centre) · rotate(rotation) · scale(rx, ry)`. Mapping a
//! cubic by an affine map is exact, so the only error is the unit-circle
//! approximation multiplied by the map's largest singular value; the segment
//! count is chosen from that to stay within [`ARC_TOLERANCE`].

use std::f64::consts::{FRAC_PI_2, TAU};

use kurbo::{Affine, BezPath, Point};

use super::{Path2D, finite, js_number};
use crate::error::{Error, Result};

/// Maximum distance between an arc and its cubic approximation, in units of
/// the space the path is built in. The context builds in device space, so
/// that is 1/10,000 px there; a `Path2D` built in user space stays within
/// 0.01 device px when drawn at up to 100× scale.
pub const ARC_TOLERANCE: f64 = 1e-4;

/// Upper bound on cubics per arc, so absurd radii (1e300) stay cheap.
const MAX_ARC_SEGMENTS: f64 = 1024.0;

/// Radial error of one standard cubic (arm length 4/3·tan(θ/4)) spanning a
/// quarter of the unit circle; the error scales like θ⁶ for smaller spans.
/// The exact quarter-circle figure is 2.7253e-4; rounded up for margin.
const QUARTER_ERROR: f64 = 2.8e-4;

/// Skia's `SK_ScalarNearlyZero`: below this sine of the angle at (x1, y1),
/// Chromium's arcTo treats the three points as collinear (and so do we, to
/// avoid tangent points thousands of radii away).
const ARC_TO_COLLINEAR_SIN: f64 = 1.0 / 4096.0;

impl Path2D {
    /// `arc(x, y, radius, startAngle, endAngle, counterclockwise)`: the
    /// ellipse method steps with both radii `radius` and no rotation.
    ///
    /// Non-finite arguments make it a no-op; a negative radius is an
    /// `IndexSizeError`.
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Canvas API signature"
    )]
    pub fn arc(
        &mut self,
        x: f64,
        y: f64,
        radius: f64,
        start: f64,
        end: f64,
        anticlockwise: bool,
        t: &Affine,
    ) -> Result<()> {
        if !finite(&[x, y, radius, start, end]) {
            return Ok(());
        }
        // Over the run's memory limit: the path does not grow.
        if !self.reserve(super::GROW) {
            return Ok(());
        }
        if radius < 0.0 {
            return Err(negative_radius("The radius", radius));
        }
        self.append_ellipse(x, y, radius, radius, 0.0, start, end, anticlockwise, t);
        Ok(())
    }

    /// `ellipse(x, y, radiusX, radiusY, rotation, startAngle, endAngle,
    /// counterclockwise)`.
    ///
    /// A line joins the current point (if any) to the arc's start. The arc
    /// is the whole ellipse when the sweep in the given direction is at
    /// least 2π; otherwise it runs from start to end in that direction.
    /// When start and end fall on the same point without a full sweep
    /// (`arc(…, 0, 2π, true)`), the spec is silent and, like Chromium, we
    /// draw the whole ellipse. Zero radii or sweep degrade to lines, as in
    /// Chromium.
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Canvas API signature"
    )]
    pub fn ellipse(
        &mut self,
        x: f64,
        y: f64,
        rx: f64,
        ry: f64,
        rotation: f64,
        start: f64,
        end: f64,
        anticlockwise: bool,
        t: &Affine,
    ) -> Result<()> {
        if !finite(&[x, y, rx, ry, rotation, start, end]) {
            return Ok(());
        }
        // Over the run's memory limit: the path does not grow.
        if !self.reserve(super::GROW) {
            return Ok(());
        }
        if rx < 0.0 {
            return Err(negative_radius("The major-axis radius", rx));
        }
        if ry < 0.0 {
            return Err(negative_radius("The minor-axis radius", ry));
        }
        self.append_ellipse(x, y, rx, ry, rotation, start, end, anticlockwise, t);
        Ok(())
    }

    /// `arcTo(x1, y1, x2, y2, radius)`, following the spec's steps.
    ///
    /// The arc is computed in user space: the current point is brought back
    /// through the inverse of `t`. When `t` is not invertible there is no
    /// user space to work in; like Chromium we then just draw a line to
    /// `t * (x1, y1)`.
    ///
    /// On an empty path the spec starts a subpath at (x1, y1) and "draws" a
    /// zero-length line to it, which stroking prunes; Chromium adds no such
    /// line (so no dot with round caps) and neither do we. The subpath is
    /// started before the negative-radius check, as the spec orders it
    /// (Chromium throws first and leaves the path untouched).
    pub fn arc_to(
        &mut self,
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        radius: f64,
        t: &Affine,
    ) -> Result<()> {
        if !finite(&[x1, y1, x2, y2, radius]) {
            return Ok(());
        }
        // Over the run's memory limit: the path does not grow.
        if !self.reserve(super::GROW) {
            return Ok(());
        }
        let was_empty = self.is_empty();
        if was_empty {
            self.move_to(x1, y1, t);
        }
        if radius < 0.0 {
            return Err(negative_radius("The radius", radius));
        }
        if was_empty {
            return Ok(());
        }
        let (p1, p2) = (Point::new(x1, y1), Point::new(x2, y2));
        let Some(inverse) = invert(t) else {
            self.line_to_point(*t * p1);
            return Ok(());
        };
        let Some(current) = self.current_point() else {
            return Ok(());
        };
        let p0 = inverse * current;
        match arc_to_geometry(p0, p1, p2, radius) {
            None => self.line_to_point(*t * p1),
            Some(a) => {
                self.line_to_point(*t * a.start);
                let m = *t * Affine::translate(a.center.to_vec2()) * Affine::scale(radius);
                append_unit_arc(self, &m, a.start_angle, a.sweep, ConicSplit::Single);
            }
        }
        Ok(())
    }

    /// The ellipse method steps after argument checks.
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the Canvas API signature"
    )]
    fn append_ellipse(
        &mut self,
        x: f64,
        y: f64,
        rx: f64,
        ry: f64,
        rotation: f64,
        start: f64,
        end: f64,
        anticlockwise: bool,
        t: &Affine,
    ) {
        let sweep = sweep_angle(start, end, anticlockwise);
        // Shifting by whole turns moves no point, and keeps the angles small
        // enough that `start + sweep` is still precise.
        let start = start.rem_euclid(TAU);
        let m = *t * Affine::translate((x, y)) * Affine::rotate(rotation);
        let on_ellipse = |a: f64| m * Point::new(rx * a.cos(), ry * a.sin());
        let first = on_ellipse(start);
        if self.is_empty() {
            self.path.move_to(first);
            if sweep == 0.0 || (rx == 0.0 && ry == 0.0) {
                // Chromium keeps a zero-length segment here: a dot with
                // round or square caps.
                self.path.line_to(first);
                return;
            }
        } else {
            self.line_to_point(first);
        }
        if sweep == 0.0 || (rx == 0.0 && ry == 0.0) {
            return;
        }
        if rx == 0.0 || ry == 0.0 {
            // A flat ellipse is a segment traced back and forth: draw it as
            // lines through its extreme points, like Chromium, so strokes get
            // clean ends instead of cubics with vanishing tangents.
            let step = FRAC_PI_2.copysign(sweep);
            let mut a = if sweep > 0.0 {
                ((start / FRAC_PI_2).floor() + 1.0) * FRAC_PI_2
            } else {
                ((start / FRAC_PI_2).ceil() - 1.0) * FRAC_PI_2
            };
            while (a - start).abs() < sweep.abs() {
                self.path.line_to(on_ellipse(a));
                a += step;
            }
            self.path.line_to(on_ellipse(start + sweep));
            return;
        }
        let m = m * Affine::scale_non_uniform(rx, ry);
        append_unit_arc(self, &m, start, sweep, ConicSplit::Quadrants);
    }
}

/// The signed sweep of `ellipse(…, start, end, anticlockwise)`, positive
/// meaning clockwise on screen (y down).
///
/// Per spec the arc is whole (±2π) when the sweep in the given direction
/// reaches 2π. Otherwise it goes from start to end in that direction, at
/// most one turn. When start and end land on the same point without a full
/// sweep (e.g. `arc(…, 0, 2π, true)`) the spec is silent on zero vs full;
/// Chromium draws the full circle and so do we.
pub(super) fn sweep_angle(start: f64, end: f64, anticlockwise: bool) -> f64 {
    let sweep = if !anticlockwise {
        if end - start >= TAU {
            TAU
        } else if start > end {
            TAU - (start - end) % TAU
        } else {
            end - start
        }
    } else if start - end >= TAU {
        -TAU
    } else if start < end {
        -(TAU - (end - start) % TAU)
    } else {
        end - start
    };
    // Angles so far apart that their difference overflows have no usable
    // sweep; draw no arc (Chromium draws none either).
    if sweep.is_finite() { sweep } else { 0.0 }
}

/// How Skia cuts an arc into conics, which decides the outline Chromium
/// fills and strokes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ConicSplit {
    /// Whole quarter turns from the start, then the rest (`arc`,
    /// `ellipse`, round rect corners).
    Quadrants,
    /// Equal pieces of at most 120° (SVG `A` commands).
    Svg,
    /// One conic (`arcTo` corners, always under half a turn).
    Single,
}

/// Appends cubics approximating the unit-circle arc from angle `start`
/// sweeping `sweep` radians, mapped by `m`, and records the arc's conics
/// (cut as `split` says). The path's current point must already be
/// `m * (cos start, sin start)`.
pub(super) fn append_unit_arc(
    target: &mut Path2D,
    m: &Affine,
    start: f64,
    sweep: f64,
    split: ConicSplit,
) {
    use super::conic::ArcRun;
    let first = target.path.elements().len();
    append_unit_arc_cubics(&mut target.path, m, start, sweep);
    let end = target.path.elements().len();
    let run = match split {
        ConicSplit::Quadrants => ArcRun::unit_arc(first, end, start, sweep),
        ConicSplit::Svg => {
            let pieces = (sweep.abs() / (TAU / 3.0)).ceil().max(1.0) as usize;
            ArcRun::unit_arc_even(first, end, start, sweep, pieces)
        }
        ConicSplit::Single => ArcRun::unit_arc_even(first, end, start, sweep, 1),
    };
    target.arcs.push(run.mapped(m));
}

fn append_unit_arc_cubics(path: &mut BezPath, m: &Affine, start: f64, sweep: f64) {
    let n = segment_count(sweep, max_scale(m));
    let step = sweep / n as f64;
    // Arm length that makes each cubic's midpoint lie on the circle.
    let k = 4.0 / 3.0 * (step / 4.0).tan();
    let (mut s0, mut c0) = start.sin_cos();
    for i in 1..=n {
        let a1 = if i == n {
            start + sweep
        } else {
            start + step * i as f64
        };
        let (s1, c1) = a1.sin_cos();
        path.curve_to(
            *m * Point::new(c0 - k * s0, s0 + k * c0),
            *m * Point::new(c1 + k * s1, s1 - k * c1),
            *m * Point::new(c1, s1),
        );
        (s0, c0) = (s1, c1);
    }
}

/// How many cubics an arc of `sweep` radians needs when the unit circle is
/// scaled by at most `scale`, to stay within [`ARC_TOLERANCE`].
fn segment_count(sweep: f64, scale: f64) -> usize {
    let max_step = if scale.is_finite() && scale > 0.0 {
        let allowed = ARC_TOLERANCE / scale;
        (FRAC_PI_2 * (allowed / QUARTER_ERROR).powf(1.0 / 6.0)).min(FRAC_PI_2)
    } else {
        FRAC_PI_2
    };
    (sweep.abs() / max_step).ceil().clamp(1.0, MAX_ARC_SEGMENTS) as usize
}

/// The largest singular value of `m`'s linear part: how much it can
/// stretch a unit vector.
fn max_scale(m: &Affine) -> f64 {
    let [a, b, c, d, _, _] = m.as_coeffs();
    let sum = a * a + b * b + c * c + d * d;
    let det = a * d - b * c;
    ((sum + (sum * sum - 4.0 * det * det).max(0.0).sqrt()) / 2.0).sqrt()
}

/// The inverse of `t`, or `None` when it is singular or not finite.
fn invert(t: &Affine) -> Option<Affine> {
    let det = t.determinant();
    if det == 0.0 || !det.is_finite() {
        return None;
    }
    let inverse = t.inverse();
    inverse.is_finite().then_some(inverse)
}

/// The arc of `arcTo`, in user space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ArcToGeometry {
    /// Start tangent point (on the line p0–p1); the end tangent point is
    /// where the sweep ends.
    pub(super) start: Point,
    /// Centre of the circle.
    pub(super) center: Point,
    /// Angle of `start` seen from `center`.
    pub(super) start_angle: f64,
    /// Signed sweep from `start` to `end`, the short way round.
    pub(super) sweep: f64,
}

/// The spec's arcTo geometry, or `None` when it calls for a straight line
/// to p1: p0 = p1, p1 = p2, zero radius, or collinear points.
pub(super) fn arc_to_geometry(
    p0: Point,
    p1: Point,
    p2: Point,
    radius: f64,
) -> Option<ArcToGeometry> {
    let (a, b) = (p0 - p1, p2 - p1);
    // p0 came back through an inverse transform: treat rounding-level
    // differences as equal so a vanishing vector gets no direction.
    let tiny = 1e-12 * (p1.x.abs().max(p1.y.abs()).max(1.0));
    if a.hypot() <= tiny || b.hypot() <= tiny || radius == 0.0 {
        return None;
    }
    let (u, v) = (a.normalize(), b.normalize());
    let sin = u.cross(v);
    if !sin.is_finite() || sin.abs() <= ARC_TO_COLLINEAR_SIN {
        return None;
    }
    let cos = u.dot(v);
    // Distance from p1 to each tangent point: r / tan(θ/2) for the angle θ
    // between the two rays.
    let d = radius * (1.0 + cos) / sin.abs();
    let start = p1 + u * d;
    let end = p1 + v * d;
    let center = p1 + (u + v).normalize() * d.hypot(radius);
    let (sv, ev) = (start - center, end - center);
    let sweep = sv.cross(ev).atan2(sv.dot(ev));
    let geometry = ArcToGeometry {
        start,
        center,
        start_angle: sv.atan2(),
        sweep,
    };
    finite(&[center.x, center.y, start.x, start.y, end.x, end.y, sweep]).then_some(geometry)
}

fn negative_radius(what: &str, value: f64) -> Error {
    Error::index_size(format!(
        "{what} provided ({}) is negative.",
        js_number(value)
    ))
}

#[cfg(test)]
mod tests;
