//! Hit testing: `isPointInPath` ([`Path2D::contains`]) and
//! `isPointInStroke` ([`Path2D::stroke_contains`]), in the path's own
//! coordinates.
//!
//! Fills are tested on the exact curves in `f64`, every subpath implicitly
//! closed. Points on the outline count as inside, as in Chromium (Skia's
//! `SkPath::contains`): a point is inside when the winding number of the
//! edges not passing through it says so, or else when it lies on edges
//! that do not cancel out. An edge owns its start point, not its end point,
//! so a vertex is counted once; with `nonzero`, two edges running through
//! the point in opposite directions cancel (so the inside of a zero-area
//! sliver is not "inside"); with `evenodd`, an odd number of such edges
//! means inside.
//!
//! Strokes are outlined by tiny-skia's stroker (a port of Skia's, so caps,
//! joins, dashes and the dots of zero-length subpaths come out as Chromium
//! paints them) and the outline is then tested with `nonzero`.

use kurbo::{
    ParamCurve, ParamCurveDeriv, ParamCurveExtrema, ParamCurveNearest, PathEl, PathSeg, Point,
    Rect, Vec2,
};

use super::{FillRule, Path2D};
use crate::line::LineStyle;

/// Distance, relative to the magnitude of the point (at least 1), within
/// which a point counts as lying on an edge: only rounding-level slack.
const ON_EDGE: f64 = 1e-9;

impl Path2D {
    /// `isPointInPath(x, y, fillRule)` with the point in the path's own
    /// coordinates. Points on the outline are inside; non-finite points
    /// never are.
    pub fn contains(&self, x: f64, y: f64, rule: FillRule) -> bool {
        if !x.is_finite() || !y.is_finite() {
            return false;
        }
        contains_point(self.path.elements(), Point::new(x, y), rule)
    }

    /// `isPointInStroke(x, y)` with the point and `style` in the path's
    /// own coordinates (the context passes its path and point in user
    /// space). Points on the stroke's outline are inside.
    pub fn stroke_contains(&self, x: f64, y: f64, style: &LineStyle) -> bool {
        if !x.is_finite() || !y.is_finite() {
            return false;
        }
        let Some(outline) = self.stroke_outline(style, 1.0) else {
            return false;
        };
        let b = outline.bounds();
        let (fx, fy) = (x as f32, y as f32);
        if fx < b.left() || fx > b.right() || fy < b.top() || fy > b.bottom() {
            return false;
        }
        contains_point(
            &skia_elements(&outline),
            Point::new(x, y),
            FillRule::NonZero,
        )
    }

    /// The area a stroke with `style` covers, as a path to fill with
    /// `nonzero` (this is what [`Path2D::stroke_contains`] tests).
    ///
    /// `res_scale` is how much the result will be magnified when drawn
    /// (tiny-skia's resolution scale; 1 for hit testing in user space).
    ///
    /// Dashing follows Chromium where tiny-skia differs: a path that is a
    /// single zero-length line keeps its dot when the dash pattern is "on"
    /// at its start (tiny-skia's dasher drops it, and `stroke_path` then
    /// paints nothing). Otherwise, when dashing leaves nothing, or would
    /// need over a million dashes, nothing is stroked, as in Chromium.
    pub fn stroke_outline(&self, style: &LineStyle, res_scale: f32) -> Option<tiny_skia::Path> {
        let path = self.to_skia()?;
        let stroke = style.to_skia();
        let res_scale = if res_scale.is_finite() && res_scale > 0.0 {
            res_scale
        } else {
            1.0
        };
        let Some(dash) = &stroke.dash else {
            return path.stroke(&stroke, res_scale);
        };
        match path.dash(dash, res_scale) {
            Some(dashed) => dashed.stroke(&stroke, res_scale),
            None if self.is_single_zero_length_line() && dash_is_on_at_start(style) => {
                path.stroke(&stroke, res_scale)
            }
            None => None,
        }
    }

    /// `moveTo(p); lineTo(p)` and nothing else.
    fn is_single_zero_length_line(&self) -> bool {
        matches!(self.path.elements(), [PathEl::MoveTo(a), PathEl::LineTo(b)] if a == b)
    }
}

/// Whether the dash pattern is drawing at distance 0 along the path (after
/// `lineDashOffset`); a zero-length dash there counts as drawing.
fn dash_is_on_at_start(style: &LineStyle) -> bool {
    let period: f64 = style.dash.iter().sum();
    if !period.is_finite() || period <= 0.0 {
        return true;
    }
    let phase = style.dash_offset.rem_euclid(period);
    let mut start = 0.0;
    for (i, &len) in style.dash.iter().enumerate() {
        let on = i % 2 == 0;
        if on && (phase >= start && phase < start + len || len == 0.0 && phase == start) {
            return true;
        }
        start += len;
    }
    false
}

/// The fill test on kurbo elements (see the module docs for the rules).
pub(super) fn contains_point(els: &[PathEl], p: Point, rule: FillRule) -> bool {
    let eps = ON_EDGE * p.x.abs().max(p.y.abs()).max(1.0);
    let mut winding = 0;
    let mut touched = false;
    // Directions of the edges running through `p` (not ending there).
    let mut through: Vec<Vec2> = Vec::new();
    for seg in filled_segments(els) {
        let b = control_box(&seg);
        if b.x0 - eps <= p.x && p.x <= b.x1 + eps && b.y0 - eps <= p.y && p.y <= b.y1 + eps {
            let near = seg.nearest(p, 1e-12);
            if near.distance_sq <= eps * eps {
                touched = true;
                if (seg.end() - p).hypot() > eps {
                    through.push(direction(&seg, near.t));
                }
                continue;
            }
        }
        winding += segment_winding(&seg, p);
    }
    let inside = match rule {
        FillRule::NonZero => winding != 0,
        FillRule::EvenOdd => winding % 2 != 0,
    };
    if inside || !touched {
        return inside;
    }
    match rule {
        FillRule::EvenOdd => through.len() % 2 == 1,
        FillRule::NonZero => {
            // Drop pairs of edges crossing `p` in opposite directions.
            let mut left: Vec<Vec2> = Vec::new();
            for d in through {
                match left
                    .iter()
                    .position(|e| e.cross(d).abs() <= 1e-9 && e.dot(d) < 0.0)
                {
                    Some(i) => {
                        left.swap_remove(i);
                    }
                    None => left.push(d),
                }
            }
            !left.is_empty()
        }
    }
}

/// Every segment of the path as filled: each subpath closed by a line back
/// to its start, zero-length segments dropped.
fn filled_segments(els: &[PathEl]) -> Vec<PathSeg> {
    let mut segs = Vec::with_capacity(els.len() + 1);
    let mut start = Point::ZERO;
    let mut last = Point::ZERO;
    let close = |segs: &mut Vec<PathSeg>, last: Point, start: Point| {
        if last != start {
            segs.push(PathSeg::Line(kurbo::Line::new(last, start)));
        }
    };
    for el in els {
        let seg = match *el {
            PathEl::MoveTo(p) => {
                close(&mut segs, last, start);
                (start, last) = (p, p);
                continue;
            }
            PathEl::ClosePath => {
                close(&mut segs, last, start);
                last = start;
                continue;
            }
            PathEl::LineTo(p) => PathSeg::Line(kurbo::Line::new(last, p)),
            PathEl::QuadTo(p1, p2) => PathSeg::Quad(kurbo::QuadBez::new(last, p1, p2)),
            PathEl::CurveTo(p1, p2, p3) => PathSeg::Cubic(kurbo::CubicBez::new(last, p1, p2, p3)),
        };
        last = seg.end();
        let b = control_box(&seg);
        if b.width() > 0.0 || b.height() > 0.0 {
            segs.push(seg);
        }
    }
    close(&mut segs, last, start);
    segs
}

/// Box of the control points (contains the curve; cheap).
fn control_box(seg: &PathSeg) -> Rect {
    let pts: &[Point] = match seg {
        PathSeg::Line(l) => &[l.p0, l.p1],
        PathSeg::Quad(q) => &[q.p0, q.p1, q.p2],
        PathSeg::Cubic(c) => &[c.p0, c.p1, c.p2, c.p3],
    };
    pts.iter()
        .fold(Rect::from_points(pts[0], pts[0]), |r, p| r.union_pt(*p))
}

/// Unit direction of travel at `t`, falling back to the chord where the
/// derivative vanishes (a cubic whose first control point is its start).
fn direction(seg: &PathSeg, t: f64) -> Vec2 {
    let d = match seg {
        PathSeg::Line(l) => l.p1 - l.p0,
        PathSeg::Quad(q) => q.deriv().eval(t).to_vec2(),
        PathSeg::Cubic(c) => c.deriv().eval(t).to_vec2(),
    };
    let d = if d.hypot() > 1e-12 {
        d
    } else {
        seg.end() - seg.start()
    };
    if d.hypot() > 0.0 {
        d.normalize()
    } else {
        Vec2::new(1.0, 0.0)
    }
}

/// Signed crossings of the ray from `p` towards −x with a segment that
/// does not pass through `p`.
fn segment_winding(seg: &PathSeg, p: Point) -> i32 {
    let b = control_box(seg);
    if p.y < b.y0 || p.y > b.y1 || p.x < b.x0 {
        return 0;
    }
    match seg {
        PathSeg::Line(_) => piece_winding(seg, p),
        _ => seg
            .extrema_ranges()
            .into_iter()
            .map(|r| piece_winding(&seg.subsegment(r), p))
            .sum(),
    }
}

/// Crossing of a y-monotonic piece: it owns its lower-y end and not its
/// upper-y end, so consecutive pieces count a shared vertex once.
fn piece_winding(piece: &PathSeg, p: Point) -> i32 {
    let (a, b) = (piece.start(), piece.end());
    let (dir, lo, hi) = match a.y.partial_cmp(&b.y) {
        Some(std::cmp::Ordering::Less) => (1, a.y, b.y),
        Some(std::cmp::Ordering::Greater) => (-1, b.y, a.y),
        _ => return 0,
    };
    if p.y < lo || p.y >= hi {
        return 0;
    }
    let bx = control_box(piece);
    if bx.x1 < p.x {
        return dir;
    }
    if bx.x0 >= p.x {
        return 0;
    }
    let x = match piece {
        PathSeg::Line(l) => l.p0.x + (p.y - l.p0.y) / (l.p1.y - l.p0.y) * (l.p1.x - l.p0.x),
        _ => {
            // Bisection on the monotonic piece for y(t) = p.y.
            let (mut t0, mut t1) = (0.0, 1.0);
            for _ in 0..64 {
                let mid = 0.5 * (t0 + t1);
                if (piece.eval(mid).y < p.y) == (dir > 0) {
                    t0 = mid;
                } else {
                    t1 = mid;
                }
            }
            piece.eval(0.5 * (t0 + t1)).x
        }
    };
    if x < p.x { dir } else { 0 }
}

/// A tiny-skia path as kurbo elements.
fn skia_elements(path: &tiny_skia::Path) -> Vec<PathEl> {
    use tiny_skia::PathSegment as S;
    let pt = |p: tiny_skia::Point| Point::new(f64::from(p.x), f64::from(p.y));
    path.segments()
        .map(|s| match s {
            S::MoveTo(p) => PathEl::MoveTo(pt(p)),
            S::LineTo(p) => PathEl::LineTo(pt(p)),
            S::QuadTo(p1, p2) => PathEl::QuadTo(pt(p1), pt(p2)),
            S::CubicTo(p1, p2, p3) => PathEl::CurveTo(pt(p1), pt(p2), pt(p3)),
            S::Close => PathEl::ClosePath,
        })
        .collect()
}

#[cfg(test)]
mod tests;
