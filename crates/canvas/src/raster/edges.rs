//! From a device-space path to the line edges the coverage pass sums.
//!
//! The placement rules follow what Skia's analytic AA does, so that shapes
//! land where Chromium draws them:
//! - coordinates are held at 1/256 px (truncated toward zero);
//! - the y of every edge end point is rounded to the nearest quarter pixel;
//! - quadratic and cubic curves are cut into y-monotonic pieces and each
//!   piece into 2^n straight segments, n chosen from how far the curve
//!   bulges from its chord (more segments for a deeper bulge); inside a
//!   quadratic, a step that drops two pixels or more ends on a whole pixel
//!   row instead of a quarter row.

use tiny_skia::{Path, PathSegment, Point};

/// A straight edge from (x0, y0) to (x1, y1) with y0 < y1, and the winding
/// direction of the original segment (+1 downwards, −1 upwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Edge {
    pub(crate) x0: f64,
    pub(crate) y0: f64,
    pub(crate) x1: f64,
    pub(crate) y1: f64,
    pub(crate) winding: i8,
}

/// Position grid: 1/256 px, truncated toward zero.
fn quantize(v: f32) -> f64 {
    ((v as f64) * 256.0).trunc() / 256.0
}

/// Vertical grid for edge ends: the nearest quarter pixel.
fn snap_quarter(y: f64) -> f64 {
    (y * 4.0 + 0.5).floor() / 4.0
}

/// Collects edges into a list.
#[derive(Default)]
pub(crate) struct EdgeList {
    pub(crate) edges: Vec<Edge>,
}

impl EdgeList {
    /// Adds the segment (x0, y0) → (x1, y1) whose ends are already on the
    /// grid; horizontal segments cover nothing and are dropped.
    fn push(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, winding: i8) {
        if y0 == y1 {
            return;
        }
        if y0 < y1 {
            self.edges.push(Edge {
                x0,
                y0,
                x1,
                y1,
                winding,
            });
        } else {
            self.edges.push(Edge {
                x0: x1,
                y0: y1,
                x1: x0,
                y1: y0,
                winding: -winding,
            });
        }
    }

    fn line(&mut self, a: Point, b: Point) {
        let (x0, y0) = (quantize(a.x), snap_quarter(quantize(a.y)));
        let (x1, y1) = (quantize(b.x), snap_quarter(quantize(b.y)));
        self.push(x0, y0, x1, y1, 1);
    }

    fn quad(&mut self, p: [Point; 3]) {
        for piece in chop_quad_monotonic(p) {
            self.monotonic_quad(piece);
        }
    }

    fn cubic(&mut self, p: [Point; 4]) {
        for piece in chop_cubic_monotonic(p) {
            self.monotonic_cubic(piece);
        }
    }

    /// A y-monotonic quadratic as 2^n segments.
    fn monotonic_quad(&mut self, p: [Point; 3]) {
        let q = p.map(|pt| (quantize(pt.x), quantize(pt.y)));
        let (start, end, winding) = if q[0].1 <= q[2].1 {
            (q[0], q[2], 1)
        } else {
            (q[2], q[0], -1)
        };
        let (y_start, y_end) = (snap_quarter(start.1), snap_quarter(end.1));
        if y_start == y_end {
            return;
        }
        // The bulge: curve midpoint minus chord midpoint = (2·p1 − p0 − p2) / 4.
        let bulge_x = (2.0 * q[1].0 - q[0].0 - q[2].0) / 4.0;
        let bulge_y = (2.0 * q[1].1 - q[0].1 - q[2].1) / 4.0;
        let n = 1usize << segment_shift(bulge_x, bulge_y).clamp(1, 6);
        let ordered = if winding == 1 {
            [q[0], q[1], q[2]]
        } else {
            [q[2], q[1], q[0]]
        };
        let eval = |t: f64| {
            let mt = 1.0 - t;
            (
                mt * mt * ordered[0].0 + 2.0 * mt * t * ordered[1].0 + t * t * ordered[2].0,
                mt * mt * ordered[0].1 + 2.0 * mt * t * ordered[1].1 + t * t * ordered[2].1,
            )
        };
        let (mut px, mut py) = (start.0, y_start);
        let mut raw_prev_y = start.1;
        for k in 1..=n {
            let (nx, ny) = if k == n {
                (end.0, y_end)
            } else {
                let (x, y) = eval(k as f64 / n as f64);
                let step_y = y - raw_prev_y;
                let step_x = x - px;
                raw_prev_y = y;
                if step_y.abs() >= 2.0 && step_y.abs() * 64.0 > step_x.abs() {
                    // Steep step: end on a whole row, sliding x along the step.
                    let sy = y.round().min(y_end);
                    let slope = if y != py { (x - px) / (y - py) } else { 0.0 };
                    (x - slope * (y - sy), sy)
                } else {
                    (x, snap_quarter(y).min(y_end))
                }
            };
            if ny == py {
                // A step within one quarter row adds no edge, and the next
                // edge starts from the last point kept, so its slope spans
                // the flat step too (Skia's quadratic edges skip such steps
                // the same way).
                continue;
            }
            self.push(px, py, nx, ny, winding);
            px = nx;
            py = ny;
        }
    }

    /// A y-monotonic cubic as 2^n segments.
    fn monotonic_cubic(&mut self, p: [Point; 4]) {
        let q = p.map(|pt| (quantize(pt.x), quantize(pt.y)));
        let (ordered, winding) = if q[0].1 <= q[3].1 {
            (q, 1)
        } else {
            ([q[3], q[2], q[1], q[0]], -1)
        };
        let (y_start, y_end) = (snap_quarter(ordered[0].1), snap_quarter(ordered[3].1));
        if y_start == y_end {
            return;
        }
        // The bulge: the larger distance of the curve at t = 1/3 and 2/3 from
        // the chord's points there.
        let delta = |a: f64, b: f64, c: f64, d: f64| {
            let one_third = (8.0 * a - 15.0 * b + 6.0 * c + d) / 27.0;
            let two_third = (a + 6.0 * b - 15.0 * c + 8.0 * d) / 27.0;
            one_third.abs().max(two_third.abs())
        };
        let dx = delta(ordered[0].0, ordered[1].0, ordered[2].0, ordered[3].0);
        let dy = delta(ordered[0].1, ordered[1].1, ordered[2].1, ordered[3].1);
        let n = 1usize << (segment_shift(dx, dy) + 1).clamp(1, 6);
        let eval = |t: f64, i: usize| {
            let v = |p: (f64, f64)| if i == 0 { p.0 } else { p.1 };
            let mt = 1.0 - t;
            mt * mt * mt * v(ordered[0])
                + 3.0 * mt * mt * t * v(ordered[1])
                + 3.0 * mt * t * t * v(ordered[2])
                + t * t * t * v(ordered[3])
        };
        let (mut px, mut py) = (ordered[0].0, y_start);
        for k in 1..=n {
            let t = k as f64 / n as f64;
            let (nx, ny) = if k == n {
                (ordered[3].0, y_end)
            } else {
                (eval(t, 0), snap_quarter(eval(t, 1)).max(py).min(y_end))
            };
            self.push(px, py, nx, ny, winding);
            px = nx;
            py = ny;
        }
    }
}

/// How many times to halve a curve: each halving cuts the chord error to a
/// quarter, so the count follows log4 of the bulge, measured in units of
/// 1/8 px (from 1/256 px, rounded).
fn segment_shift(bulge_x: f64, bulge_y: f64) -> i32 {
    let (ax, ay) = (
        (bulge_x * 256.0).abs() as i64,
        (bulge_y * 256.0).abs() as i64,
    );
    // max + min/2: a cheap stand-in for the Euclidean length (saturating:
    // a curve of a path scaled by 1e30 has a bulge past i64).
    let cheap = if ax > ay {
        ax.saturating_add(ay / 2)
    } else {
        ay.saturating_add(ax / 2)
    };
    let dist = cheap.saturating_add(16) >> 5;
    let bits = 64 - (dist as u64).leading_zeros() as i32;
    bits >> 1
}

/// Splits a quadratic at its y extremum, if inside (0, 1).
pub(super) fn chop_quad_monotonic(p: [Point; 3]) -> Vec<[Point; 3]> {
    let denom = p[0].y - 2.0 * p[1].y + p[2].y;
    if denom != 0.0 {
        let t = (p[0].y - p[1].y) / denom;
        if t > 0.0 && t < 1.0 {
            let lerp =
                |a: Point, b: Point| Point::from_xy(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
            let ab = lerp(p[0], p[1]);
            let bc = lerp(p[1], p[2]);
            let mid = lerp(ab, bc);
            // Flatten the tangents at the extremum so both halves are monotonic.
            let (ab, bc) = (Point::from_xy(ab.x, mid.y), Point::from_xy(bc.x, mid.y));
            return vec![[p[0], ab, mid], [mid, bc, p[2]]];
        }
    }
    vec![p]
}

/// Splits a cubic at its y extrema inside (0, 1).
pub(super) fn chop_cubic_monotonic(p: [Point; 4]) -> Vec<[Point; 4]> {
    // dy/dt = 3(a t² + b t + c) with:
    let a = -p[0].y as f64 + 3.0 * p[1].y as f64 - 3.0 * p[2].y as f64 + p[3].y as f64;
    let b = 2.0 * (p[0].y as f64 - 2.0 * p[1].y as f64 + p[2].y as f64);
    let c = p[1].y as f64 - p[0].y as f64;
    let mut ts: Vec<f64> = Vec::new();
    if a.abs() < 1e-12 {
        if b.abs() > 1e-12 {
            ts.push(-c / b);
        }
    } else {
        let disc = b * b - 4.0 * a * c;
        if disc >= 0.0 {
            let r = disc.sqrt();
            ts.push((-b - r) / (2.0 * a));
            ts.push((-b + r) / (2.0 * a));
        }
    }
    ts.retain(|t| *t > 1e-6 && *t < 1.0 - 1e-6);
    ts.sort_by(|x, y| x.total_cmp(y));
    ts.dedup();
    let mut out = Vec::with_capacity(ts.len() + 1);
    let mut rest = p;
    let mut consumed = 0.0;
    for t in ts {
        let local = ((t - consumed) / (1.0 - consumed)) as f32;
        let (left, mut right) = split_cubic(rest, local);
        // The split point is a y extremum: pin its neighbours' y to it.
        let y = left[3].y;
        let mut left = left;
        left[2].y = y;
        right[1].y = y;
        out.push(left);
        rest = right;
        consumed = t;
    }
    out.push(rest);
    out
}

fn split_cubic(p: [Point; 4], t: f32) -> ([Point; 4], [Point; 4]) {
    let lerp = |a: Point, b: Point| Point::from_xy(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
    let ab = lerp(p[0], p[1]);
    let bc = lerp(p[1], p[2]);
    let cd = lerp(p[2], p[3]);
    let abc = lerp(ab, bc);
    let bcd = lerp(bc, cd);
    let mid = lerp(abc, bcd);
    ([p[0], ab, abc, mid], [mid, bcd, cd, p[3]])
}

/// One drawing segment of a path, with its start point.
#[derive(Debug, Clone, Copy)]
pub(super) enum Segment {
    Line(Point, Point),
    Quad([Point; 3]),
    Cubic([Point; 4]),
}

/// Calls `f` with every segment of `path`, adding the closing line of
/// each subpath (open or not) as fills do.
pub(super) fn for_each_segment(path: &Path, mut f: impl FnMut(Segment)) {
    let mut start = Point::zero();
    let mut last = Point::zero();
    for seg in path.segments() {
        match seg {
            PathSegment::MoveTo(p) => {
                if last != start {
                    f(Segment::Line(last, start));
                }
                start = p;
                last = p;
            }
            PathSegment::LineTo(p) => {
                f(Segment::Line(last, p));
                last = p;
            }
            PathSegment::QuadTo(c, p) => {
                f(Segment::Quad([last, c, p]));
                last = p;
            }
            PathSegment::CubicTo(c1, c2, p) => {
                f(Segment::Cubic([last, c1, c2, p]));
                last = p;
            }
            PathSegment::Close => {
                if last != start {
                    f(Segment::Line(last, start));
                }
                last = start;
            }
        }
    }
    if last != start {
        f(Segment::Line(last, start));
    }
}

/// Every edge of `path` (device space), closing open subpaths as fills do.
pub(crate) fn build(path: &Path) -> Vec<Edge> {
    let mut list = EdgeList::default();
    for_each_segment(path, |seg| match seg {
        Segment::Line(a, b) => list.line(a, b),
        Segment::Quad(q) => list.quad(q),
        Segment::Cubic(c) => list.cubic(c),
    });
    list.edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_skia::PathBuilder;

    #[test]
    fn edge_ends_snap_to_quarter_rows() {
        let mut pb = PathBuilder::new();
        pb.move_to(1.0, 1.1);
        pb.line_to(5.0, 3.9);
        pb.line_to(1.0, 3.9);
        pb.close();
        let edges = build(&pb.finish().unwrap());
        assert_eq!(
            edges.len(),
            2,
            "the horizontal edge covers nothing: {edges:?}"
        );
        for e in &edges {
            assert_eq!((e.y0, e.y1), (1.0, 4.0));
        }
        assert_eq!(edges.iter().map(|e| e.winding as i32).sum::<i32>(), 0);
    }

    #[test]
    fn quads_split_into_monotonic_runs_of_lines() {
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0);
        pb.quad_to(10.0, 40.0, 20.0, 0.0);
        let edges = build(&pb.finish().unwrap());
        let down = edges.iter().filter(|e| e.winding == 1).count();
        let up = edges.iter().filter(|e| e.winding == -1).count();
        assert!(down >= 2 && up >= 2, "{edges:?}");
        let bottom = edges.iter().map(|e| e.y1).fold(0.0, f64::max);
        assert_eq!(
            bottom, 20.0,
            "the extremum of the curve is its lowest point"
        );
    }

    #[test]
    fn deeper_curves_get_more_segments() {
        assert!(segment_shift(10.0, 0.0) > segment_shift(0.5, 0.0));
        assert_eq!(segment_shift(0.0, 0.0), 0);
        // Bulges past i64 (a curve under a transform of 1e30) saturate.
        assert_eq!(segment_shift(1e30, 1e30), segment_shift(f64::MAX, 0.0));
        assert!(segment_shift(1e30, 1e30) >= 6);
    }

    #[test]
    fn cubic_with_two_extrema_chops_in_three() {
        let p = [
            Point::from_xy(0.0, 0.0),
            Point::from_xy(10.0, 30.0),
            Point::from_xy(20.0, -30.0),
            Point::from_xy(30.0, 0.0),
        ];
        assert_eq!(chop_cubic_monotonic(p).len(), 3);
    }
}
