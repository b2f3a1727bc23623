//! Analytic edges: lines, and quadratic/cubic curves walked as runs of
//! lines by forward differencing in fixed point, the way Skia's analytic
//! AA builds them. Edge ends sit on quarter rows; a quadratic step that
//! drops two pixels or more ends on a whole row instead.

use super::fixed::{
    ACCURACY, Dot6, Fixed, INVERSE_LIMIT, MAX, dot6_div, dot6_round, dot6_to_fixed, mul, quick_div,
    quick_inverse, round_to_fixed, scalar_to_dot6, snap_y, to_dot6,
};
use tiny_skia::Point;

/// Most halvings of one curve (64 segments).
const MAX_COEFF_SHIFT: i32 = 6;

/// Forward-differencing state of a quadratic.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Quad {
    pub(super) qx: Fixed,
    pub(super) qy: Fixed,
    pub(super) qdx: Fixed,
    pub(super) qdy: Fixed,
    pub(super) qddx: Fixed,
    pub(super) qddy: Fixed,
    pub(super) last_x: Fixed,
    pub(super) last_y: Fixed,
    pub(super) snapped_x: Fixed,
    pub(super) snapped_y: Fixed,
}

/// Forward-differencing state of a cubic.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Cubic {
    pub(super) cx: Fixed,
    pub(super) cy: Fixed,
    pub(super) cdx: Fixed,
    pub(super) cdy: Fixed,
    pub(super) cddx: Fixed,
    pub(super) cddy: Fixed,
    pub(super) cdddx: Fixed,
    pub(super) cdddy: Fixed,
    pub(super) last_x: Fixed,
    pub(super) last_y: Fixed,
    pub(super) snapped_y: Fixed,
    /// Shift applied to cdx/cdy only.
    pub(super) dshift: i32,
}

/// What an edge was built from; curves keep their stepping state.
#[derive(Debug, Clone, Copy)]
pub(super) enum Curve {
    Line,
    Quad(Quad),
    Cubic(Cubic),
}

/// One edge of the active list: the current line piece from
/// (upper_x, upper_y) down to lower_y, its position x at row y, and its
/// neighbours in the list (indices into the edge arena).
#[derive(Debug, Clone, Copy)]
pub(super) struct Edge {
    pub(super) next: usize,
    pub(super) prev: usize,
    pub(super) x: Fixed,
    pub(super) dx: Fixed,
    pub(super) upper_x: Fixed,
    pub(super) y: Fixed,
    pub(super) upper_y: Fixed,
    pub(super) lower_y: Fixed,
    /// |1 / dx|, MAX when the edge is vertical; used for trapezoid areas.
    pub(super) dy: Fixed,
    /// Pieces left: > 0 for quadratics, < 0 for cubics, 0 for lines.
    pub(super) curve_count: i32,
    pub(super) curve_shift: i32,
    pub(super) winding: i32,
    pub(super) curve: Curve,
}

impl Edge {
    /// A sentinel edge at x (head or tail of the active list).
    pub(super) fn sentinel(x: Fixed, y: Fixed) -> Edge {
        Edge {
            next: usize::MAX,
            prev: usize::MAX,
            x,
            dx: 0,
            upper_x: x,
            y,
            upper_y: y,
            lower_y: y,
            dy: MAX,
            curve_count: 0,
            curve_shift: 0,
            winding: 0,
            curve: Curve::Line,
        }
    }

    pub(super) fn is_line(&self) -> bool {
        matches!(self.curve, Curve::Line)
    }

    /// The straight edge p0 → p1; `None` when it spans no quarter row.
    pub(super) fn line(p0: Point, p1: Point) -> Option<Edge> {
        let fx = |v: f32| dot6_to_fixed(scalar_to_dot6(v * 4.0)) >> ACCURACY;
        let (mut x0, mut y0) = (fx(p0.x), snap_y(fx(p0.y)));
        let (mut x1, mut y1) = (fx(p1.x), snap_y(fx(p1.y)));
        let mut winding = 1;
        if y0 > y1 {
            std::mem::swap(&mut x0, &mut x1);
            std::mem::swap(&mut y0, &mut y1);
            winding = -1;
        }
        let dy = to_dot6(y1 - y0);
        if dy == 0 {
            return None;
        }
        let dx = to_dot6(x1 - x0);
        let slope = quick_div(dx, dy);
        Some(Edge {
            next: usize::MAX,
            prev: usize::MAX,
            x: x0,
            dx: slope,
            upper_x: x0,
            y: y0,
            upper_y: y0,
            lower_y: y1,
            dy: inverse_slope(dx, dy, slope),
            curve_count: 0,
            curve_shift: 0,
            winding,
            curve: Curve::Line,
        })
    }

    /// A y-monotonic quadratic; `None` when it spans no quarter row.
    pub(super) fn quad(pts: [Point; 3]) -> Option<Edge> {
        let scale = (1 << (ACCURACY + 6)) as f32;
        let d = |v: f32| (v * scale) as i32;
        let (mut x0, mut y0) = (d(pts[0].x), d(pts[0].y));
        let (x1, y1) = (d(pts[1].x), d(pts[1].y));
        let (mut x2, mut y2) = (d(pts[2].x), d(pts[2].y));
        let mut winding = 1;
        if y0 > y2 {
            std::mem::swap(&mut x0, &mut x2);
            std::mem::swap(&mut y0, &mut y2);
            winding = -1;
        }
        if dot6_round(y0) == dot6_round(y2) {
            return None;
        }
        let bulge_x = ((x1 << 1) - x0 - x2) >> 2;
        let bulge_y = ((y1 << 1) - y0 - y2) >> 2;
        let shift = diff_to_shift(bulge_x, bulge_y).clamp(1, MAX_COEFF_SHIFT);
        // Coefficients at half their value (A = p0 − 2p1 + p2, B = 2(p1 − p0))
        // so they cannot overflow; the shift stored is one less to make up.
        let half_fixed = |v: Dot6| v.wrapping_shl(16 - 6 - 1);
        let (ax, bx) = (half_fixed(x0 - x1 - x1 + x2), dot6_to_fixed(x1 - x0));
        let (ay, by) = (half_fixed(y0 - y1 - y1 + y2), dot6_to_fixed(y1 - y0));
        let a = ACCURACY;
        let q = Quad {
            qx: dot6_to_fixed(x0) >> a,
            qy: snap_y(dot6_to_fixed(y0) >> a),
            qdx: (bx + (ax >> shift)) >> a,
            qdy: (by + (ay >> shift)) >> a,
            qddx: (ax >> (shift - 1)) >> a,
            qddy: (ay >> (shift - 1)) >> a,
            last_x: dot6_to_fixed(x2) >> a,
            last_y: snap_y(dot6_to_fixed(y2) >> a),
            snapped_x: 0,
            snapped_y: 0,
        };
        let q = Quad {
            snapped_x: q.qx,
            snapped_y: q.qy,
            ..q
        };
        let mut edge = Edge::sentinel(0, 0);
        edge.winding = winding;
        edge.curve_count = 1 << shift;
        edge.curve_shift = shift - 1;
        edge.curve = Curve::Quad(q);
        edge.update_quadratic().then_some(edge)
    }

    /// A y-monotonic cubic; `None` when it spans no quarter row.
    pub(super) fn cubic(pts: [Point; 4]) -> Option<Edge> {
        let scale = (1 << (ACCURACY + 6)) as f32;
        let d = |v: f32| (v * scale) as i32;
        let (mut x0, mut y0) = (d(pts[0].x), d(pts[0].y));
        let (mut x1, mut y1) = (d(pts[1].x), d(pts[1].y));
        let (mut x2, mut y2) = (d(pts[2].x), d(pts[2].y));
        let (mut x3, mut y3) = (d(pts[3].x), d(pts[3].y));
        let mut winding = 1;
        if y0 > y3 {
            std::mem::swap(&mut x0, &mut x3);
            std::mem::swap(&mut x1, &mut x2);
            std::mem::swap(&mut y0, &mut y3);
            std::mem::swap(&mut y1, &mut y2);
            winding = -1;
        }
        if dot6_round(y0) == dot6_round(y3) {
            return None;
        }
        let shift = (diff_to_shift(
            cubic_delta_from_line(x0, x1, x2, x3),
            cubic_delta_from_line(y0, y1, y2, y3),
        ) + 1)
            .min(MAX_COEFF_SHIFT);
        let mut up_shift = 6;
        let mut down_shift = shift + up_shift - 10;
        if down_shift < 0 {
            down_shift = 0;
            up_shift = 10 - shift;
        }
        let coeffs = |p0: Dot6, p1: Dot6, p2: Dot6, p3: Dot6| {
            let b = (3 * (p1 - p0)).wrapping_shl(up_shift as u32);
            let c = (3 * (p0 - p1 - p1 + p2)).wrapping_shl(up_shift as u32);
            let dd = (p3 + 3 * (p1 - p2) - p0).wrapping_shl(up_shift as u32);
            (
                b.wrapping_add(c >> shift).wrapping_add(dd >> (2 * shift)),
                (2 * c).wrapping_add((3 * dd) >> (shift - 1)),
                (3 * dd) >> (shift - 1),
            )
        };
        let (cdx, cddx, cdddx) = coeffs(x0, x1, x2, x3);
        let (cdy, cddy, cdddy) = coeffs(y0, y1, y2, y3);
        let a = ACCURACY;
        let cy = snap_y(dot6_to_fixed(y0) >> a);
        let c = Cubic {
            cx: dot6_to_fixed(x0) >> a,
            cy,
            cdx: cdx >> a,
            cdy: cdy >> a,
            cddx: cddx >> a,
            cddy: cddy >> a,
            cdddx: cdddx >> a,
            cdddy: cdddy >> a,
            last_x: dot6_to_fixed(x3) >> a,
            last_y: snap_y(dot6_to_fixed(y3) >> a),
            snapped_y: cy,
            dshift: down_shift,
        };
        let mut edge = Edge::sentinel(0, 0);
        edge.winding = winding;
        edge.curve_count = -(1 << shift);
        edge.curve_shift = shift;
        edge.curve = Curve::Cubic(c);
        edge.update_cubic().then_some(edge)
    }

    /// Makes the piece (x0, y0) → (x1, y1) with the given slope current;
    /// false when it spans no height.
    fn update_line(
        &mut self,
        mut x0: Fixed,
        mut y0: Fixed,
        mut x1: Fixed,
        mut y1: Fixed,
        slope: Fixed,
    ) -> bool {
        if y0 > y1 {
            std::mem::swap(&mut x0, &mut x1);
            std::mem::swap(&mut y0, &mut y1);
            self.winding = -self.winding;
        }
        let dx = to_dot6(x1.wrapping_sub(x0));
        let dy = to_dot6(y1.wrapping_sub(y0));
        if dy == 0 {
            return false;
        }
        self.x = x0;
        self.dx = slope;
        self.upper_x = x0;
        self.y = y0;
        self.upper_y = y0;
        self.lower_y = y1;
        self.dy = inverse_slope(dx, dy, slope);
        true
    }

    /// Moves a curve on to its next non-flat piece; false when none is
    /// left (lines have none).
    pub(super) fn update(&mut self) -> bool {
        if self.curve_count < 0 {
            self.update_cubic()
        } else if self.curve_count > 0 {
            self.update_quadratic()
        } else {
            false
        }
    }

    fn update_quadratic(&mut self) -> bool {
        let Curve::Quad(mut q) = self.curve else {
            return false;
        };
        let mut success = false;
        let mut count = self.curve_count;
        let mut old_x = q.qx;
        let mut old_y = q.qy;
        let (mut dx, mut dy) = (q.qdx, q.qdy);
        let shift = self.curve_shift;
        let (mut new_x, mut new_y, mut snapped_x, mut snapped_y);
        loop {
            let slope;
            count -= 1;
            if count > 0 {
                new_x = old_x.wrapping_add(dx >> shift);
                new_y = old_y.wrapping_add(dy >> shift);
                if (dy >> shift).wrapping_abs() >= 2 * super::fixed::ONE
                    && ((dy.wrapping_abs() as i64) << 6) > dx.wrapping_abs() as i64
                {
                    // A long step ends on a whole row, x slid along it.
                    let diff_y = to_dot6(new_y.wrapping_sub(q.snapped_y));
                    slope = if diff_y != 0 {
                        quick_div(to_dot6(new_x.wrapping_sub(q.snapped_x)), diff_y)
                    } else {
                        MAX
                    };
                    snapped_y = q.last_y.min(round_to_fixed(new_y));
                    snapped_x = new_x.wrapping_sub(mul(slope, new_y.wrapping_sub(snapped_y)));
                } else {
                    snapped_y = q.last_y.min(snap_y(new_y));
                    snapped_x = new_x;
                    let diff_y = to_dot6(snapped_y.wrapping_sub(q.snapped_y));
                    slope = if diff_y != 0 {
                        quick_div(to_dot6(new_x.wrapping_sub(q.snapped_x)), diff_y)
                    } else {
                        MAX
                    };
                }
                dx = dx.wrapping_add(q.qddx);
                dy = dy.wrapping_add(q.qddy);
            } else {
                new_x = q.last_x;
                new_y = q.last_y;
                snapped_y = new_y;
                snapped_x = new_x;
                let diff_y = to_dot6(new_y.wrapping_sub(q.snapped_y));
                slope = if diff_y != 0 {
                    quick_div(to_dot6(new_x.wrapping_sub(q.snapped_x)), diff_y)
                } else {
                    MAX
                };
            }
            if slope < MAX {
                success = self.update_line(q.snapped_x, q.snapped_y, snapped_x, snapped_y, slope);
            }
            old_x = new_x;
            old_y = new_y;
            if count <= 0 || success {
                break;
            }
        }
        q.qx = new_x;
        q.qy = new_y;
        q.qdx = dx;
        q.qdy = dy;
        q.snapped_x = snapped_x;
        q.snapped_y = snapped_y;
        self.curve = Curve::Quad(q);
        self.curve_count = count;
        success
    }

    fn update_cubic(&mut self) -> bool {
        let Curve::Cubic(mut c) = self.curve else {
            return false;
        };
        let mut success;
        let mut count = self.curve_count;
        let mut old_x = c.cx;
        let mut old_y = c.cy;
        let (ddshift, dshift) = (self.curve_shift, c.dshift);
        let (mut new_x, mut new_y);
        loop {
            count += 1;
            if count < 0 {
                new_x = old_x.wrapping_add(c.cdx >> dshift);
                c.cdx = c.cdx.wrapping_add(c.cddx >> ddshift);
                c.cddx = c.cddx.wrapping_add(c.cdddx);
                new_y = old_y.wrapping_add(c.cdy >> dshift);
                c.cdy = c.cdy.wrapping_add(c.cddy >> ddshift);
                c.cddy = c.cddy.wrapping_add(c.cdddy);
            } else {
                new_x = c.last_x;
                new_y = c.last_y;
            }
            // Fixed-point stepping can step back up a little: pin it.
            if new_y < old_y {
                new_y = old_y;
            }
            let mut snapped = snap_y(new_y);
            if c.last_y < snapped {
                snapped = c.last_y;
                count = 0;
            }
            let height = to_dot6(snapped.wrapping_sub(c.snapped_y));
            let slope = if height == 0 {
                MAX
            } else {
                dot6_div(to_dot6(new_x.wrapping_sub(old_x)), height)
            };
            success = self.update_line(old_x, c.snapped_y, new_x, snapped, slope);
            old_x = new_x;
            old_y = new_y;
            c.snapped_y = snapped;
            if count >= 0 || success {
                break;
            }
        }
        c.cx = new_x;
        c.cy = new_y;
        self.curve = Curve::Cubic(c);
        self.curve_count = count;
        success
    }

    /// Starts the next curve piece from where the walker left this edge,
    /// so the active list stays ordered.
    pub(super) fn keep_continuous(&mut self) {
        match &mut self.curve {
            Curve::Line => {}
            Curve::Quad(q) => {
                q.snapped_x = self.x;
                q.snapped_y = self.y;
            }
            Curve::Cubic(c) => {
                c.cx = self.x;
                c.snapped_y = self.y;
            }
        }
    }

    /// Moves x to row `y` (any y).
    pub(super) fn go_y(&mut self, y: Fixed) {
        if y == self.y.wrapping_add(super::fixed::ONE) {
            self.x = self.x.wrapping_add(self.dx);
            self.y = y;
        } else if y != self.y {
            self.x = self
                .upper_x
                .wrapping_add(mul(self.dx, y.wrapping_sub(self.upper_y)));
            self.y = y;
        }
    }

    /// Moves x down by 1 >> `shift` rows.
    pub(super) fn go_y_shift(&mut self, y: Fixed, shift: i32) {
        self.y = y;
        self.x = self.x.wrapping_add(self.dx >> shift);
    }
}

/// |1/slope| for trapezoid areas, MAX for vertical or horizontal-free edges.
fn inverse_slope(dx: Dot6, dy: Dot6, slope: Fixed) -> Fixed {
    if dx == 0 || slope == 0 {
        return MAX;
    }
    let abs_slope = to_dot6(slope).wrapping_abs();
    if abs_slope < INVERSE_LIMIT {
        quick_inverse(abs_slope)
    } else {
        quick_div(dy, dx).wrapping_abs()
    }
}

/// How many halvings bring a curve within tolerance of its pieces: each
/// halving quarters the error; the bulge is in dot6 at 4× scale.
fn diff_to_shift(dx: Dot6, dy: Dot6) -> i32 {
    let (ax, ay) = (dx.wrapping_abs(), dy.wrapping_abs());
    // Saturating: huge device coordinates must not overflow the estimate.
    let cheap = if ax > ay {
        ax.saturating_add(ay >> 1)
    } else {
        ay.saturating_add(ax >> 1)
    };
    let dist = cheap.saturating_add(1 << (2 + ACCURACY)) >> (3 + ACCURACY);
    (32 - (dist as u32).leading_zeros() as i32) >> 1
}

/// The larger distance of a cubic at t = 1/3 and 2/3 from its chord's
/// points there (1/27 approximated by 19/512).
fn cubic_delta_from_line(a: Dot6, b: Dot6, c: Dot6, d: Dot6) -> Dot6 {
    let one_third = ((a * 8 - b * 15 + 6 * c + d) * 19) >> 9;
    let two_third = ((a + 6 * b - c * 15 + d * 8) * 19) >> 9;
    one_third.abs().max(two_third.abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raster::aaa::fixed::ONE;

    #[test]
    fn lines_snap_their_ends_to_quarter_rows() {
        let e = Edge::line(Point::from_xy(1.0, 1.1), Point::from_xy(5.0, 3.9)).unwrap();
        assert_eq!((e.upper_y, e.lower_y), (ONE, 4 * ONE));
        assert_eq!(e.winding, 1);
        assert!(Edge::line(Point::from_xy(0.0, 2.0), Point::from_xy(9.0, 2.1)).is_none());
    }

    #[test]
    fn quadratics_step_down_to_their_end() {
        let mut e = Edge::quad([
            Point::from_xy(0.0, 0.0),
            Point::from_xy(10.0, 10.0),
            Point::from_xy(10.0, 20.0),
        ])
        .unwrap();
        let mut pieces = 1;
        let mut last = e.lower_y;
        while e.update() {
            assert!(e.upper_y >= last - ONE, "pieces go down the page");
            last = e.lower_y;
            pieces += 1;
        }
        assert!(pieces > 2);
        assert_eq!(last, 20 * ONE);
    }
}
