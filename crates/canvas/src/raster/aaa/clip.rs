//! Cutting curves to the canvas before they become edges, as Skia's edge
//! clipper does when a path reaches outside the canvas: each quadratic or
//! cubic is cut at its y and then x extrema, the monotonic pieces are cut
//! at the canvas rows and columns, and the parts left or right of the
//! canvas become vertical lines on its sides (so they still wind the
//! pixels beside them). The float arithmetic follows Skia's so the cut
//! points land on the same floats, which the fixed-point edges depend on.

mod chop;

use chop::{Axis, chop_cubic_at, chop_quad, cubic_monotonic, pt, quad_monotonic, quad_t_at};
use tiny_skia::Point;

/// The canvas rectangle the edges are cut to.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rect {
    pub(super) left: f32,
    pub(super) top: f32,
    pub(super) right: f32,
    pub(super) bottom: f32,
}

/// One piece left after cutting, in the original direction.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Piece {
    Line(Point, Point),
    Quad([Point; 3]),
    Cubic([Point; 4]),
}

/// Cubics larger than this are drawn as their chord: the float chops are
/// unreliable there (the same limit Skia uses).
const CUBIC_LIMIT: f32 = (1 << 22) as f32;

/// Collects the pieces of one curve.
struct Out<'a> {
    pieces: &'a mut Vec<Piece>,
    reverse: bool,
}

impl Out<'_> {
    fn vline(&mut self, x: f32, y0: f32, y1: f32) {
        let (a, b) = if self.reverse { (y1, y0) } else { (y0, y1) };
        self.pieces.push(Piece::Line(pt(x, a), pt(x, b)));
    }

    fn quad(&mut self, p: [Point; 3]) {
        let p = if self.reverse { [p[2], p[1], p[0]] } else { p };
        self.pieces.push(Piece::Quad(p));
    }

    fn cubic(&mut self, p: [Point; 4]) {
        let p = if self.reverse {
            [p[3], p[2], p[1], p[0]]
        } else {
            p
        };
        self.pieces.push(Piece::Cubic(p));
    }
}

/// Appends the pieces of quadratic `p` inside `clip`'s rows.
pub(super) fn clip_quad(p: [Point; 3], clip: Rect, pieces: &mut Vec<Piece>) {
    let (top, bottom) = bounds_y(&p);
    if top >= clip.bottom || bottom <= clip.top {
        return;
    }
    for mono_y in quad_monotonic(p, Axis::Y) {
        for mono in quad_monotonic(mono_y, Axis::X) {
            clip_mono_quad(mono, clip, pieces);
        }
    }
}

/// Appends the pieces of cubic `p` inside `clip`'s rows.
pub(super) fn clip_cubic(p: [Point; 4], clip: Rect, pieces: &mut Vec<Piece>) {
    let (top, bottom) = bounds_y(&p);
    if top >= clip.bottom || bottom <= clip.top {
        return;
    }
    let too_big = p
        .iter()
        .any(|q| q.x.abs() > CUBIC_LIMIT || q.y.abs() > CUBIC_LIMIT);
    if too_big {
        pieces.extend(
            super::clip_line(p[0], p[3], clip)
                .into_iter()
                .map(|(a, b)| Piece::Line(a, b)),
        );
        return;
    }
    for mono_y in cubic_monotonic(p, Axis::Y) {
        for mono in cubic_monotonic(mono_y, Axis::X) {
            clip_mono_cubic(mono, clip, pieces);
        }
    }
}

fn bounds_y(p: &[Point]) -> (f32, f32) {
    p.iter().fold((f32::MAX, f32::MIN), |(lo, hi), q| {
        (lo.min(q.y), hi.max(q.y))
    })
}

/// A quadratic monotonic in x and y, cut to `clip`.
fn clip_mono_quad(src: [Point; 3], clip: Rect, pieces: &mut Vec<Piece>) {
    let mut reverse = src[0].y > src[2].y;
    let mut p = if reverse {
        [src[2], src[1], src[0]]
    } else {
        src
    };
    if p[2].y <= clip.top || p[0].y >= clip.bottom {
        return;
    }
    quad_rows(&mut p, clip);
    if p[0].x > p[2].x {
        p.swap(0, 2);
        reverse = !reverse;
    }
    let mut out = Out { pieces, reverse };
    if p[2].x <= clip.left {
        out.vline(clip.left, p[0].y, p[2].y);
        return;
    }
    if p[0].x >= clip.right {
        out.vline(clip.right, p[0].y, p[2].y);
        return;
    }
    if p[0].x < clip.left {
        let Some(t) = quad_t_at(&p, Axis::X, clip.left) else {
            out.vline(clip.left, p[0].y, p[2].y);
            return;
        };
        let mut d = chop_quad(p, t);
        out.vline(clip.left, d[0].y, d[2].y);
        d[2].x = clip.left;
        d[3].x = d[3].x.max(clip.left);
        p = [d[2], d[3], d[4]];
    }
    if p[2].x > clip.right {
        match quad_t_at(&p, Axis::X, clip.right) {
            Some(t) => {
                let mut d = chop_quad(p, t);
                d[1].x = d[1].x.min(clip.right);
                d[2].x = clip.right;
                out.quad([d[0], d[1], d[2]]);
                out.vline(clip.right, d[2].y, d[4].y);
            }
            None => {
                p[1].x = p[1].x.min(clip.right);
                p[2].x = p[2].x.min(clip.right);
                out.quad(p);
            }
        }
    } else {
        out.quad(p);
    }
}

/// Cuts a y-ascending monotonic quadratic to the clip's rows in place.
fn quad_rows(p: &mut [Point; 3], clip: Rect) {
    if p[0].y < clip.top {
        match quad_t_at(p, Axis::Y, clip.top) {
            Some(t) => {
                let mut d = chop_quad(*p, t);
                d[2].y = clip.top;
                d[3].y = d[3].y.max(clip.top);
                p[0] = d[2];
                p[1] = d[3];
            }
            None => p.iter_mut().for_each(|q| q.y = q.y.max(clip.top)),
        }
    }
    if p[2].y > clip.bottom {
        match quad_t_at(p, Axis::Y, clip.bottom) {
            Some(t) => {
                let mut d = chop_quad(*p, t);
                d[1].y = d[1].y.min(clip.bottom);
                d[2].y = clip.bottom;
                p[1] = d[1];
                p[2] = d[2];
            }
            None => p.iter_mut().for_each(|q| q.y = q.y.min(clip.bottom)),
        }
    }
}

/// A cubic monotonic in x and y, cut to `clip`.
fn clip_mono_cubic(src: [Point; 4], clip: Rect, pieces: &mut Vec<Piece>) {
    let mut reverse = src[0].y > src[3].y;
    let mut p = if reverse {
        [src[3], src[2], src[1], src[0]]
    } else {
        src
    };
    if p[3].y <= clip.top || p[0].y >= clip.bottom {
        return;
    }
    cubic_rows(&mut p, clip);
    if p[0].x > p[3].x {
        p = [p[3], p[2], p[1], p[0]];
        reverse = !reverse;
    }
    let mut out = Out { pieces, reverse };
    if p[3].x <= clip.left {
        out.vline(clip.left, p[0].y, p[3].y);
        return;
    }
    if p[0].x >= clip.right {
        out.vline(clip.right, p[0].y, p[3].y);
        return;
    }
    if p[0].x < clip.left {
        let mut d = chop_cubic_at(p, Axis::X, clip.left);
        out.vline(clip.left, d[0].y, d[3].y);
        d[3].x = clip.left;
        d[4].x = d[4].x.max(clip.left);
        p = [d[3], d[4], d[5], p[3]];
    }
    if p[3].x > clip.right {
        let mut d = chop_cubic_at(p, Axis::X, clip.right);
        d[3].x = clip.right;
        d[2].x = d[2].x.min(clip.right);
        out.cubic([d[0], d[1], d[2], d[3]]);
        out.vline(clip.right, d[3].y, d[6].y);
    } else {
        out.cubic(p);
    }
}

/// Cuts a y-ascending monotonic cubic to the clip's rows in place.
fn cubic_rows(p: &mut [Point; 4], clip: Rect) {
    if p[0].y < clip.top {
        let mut d = chop_cubic_at(*p, Axis::Y, clip.top);
        // A poor chop of a wide cubic can leave the lower piece partly
        // above the top: chop that piece again.
        if d[3].y < clip.top && d[4].y < clip.top && d[5].y < clip.top {
            d = chop_cubic_at([d[3], d[4], d[5], d[6]], Axis::Y, clip.top);
        }
        d[3].y = clip.top;
        d[4].y = d[4].y.max(clip.top);
        p[0] = d[3];
        p[1] = d[4];
        p[2] = d[5];
    }
    if p[3].y > clip.bottom {
        let mut d = chop_cubic_at(*p, Axis::Y, clip.bottom);
        d[3].y = clip.bottom;
        d[2].y = d[2].y.min(clip.bottom);
        p[1] = d[1];
        p[2] = d[2];
        p[3] = d[3];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CANVAS: Rect = Rect {
        left: 0.0,
        top: 0.0,
        right: 100.0,
        bottom: 50.0,
    };

    fn within(p: &Piece, clip: Rect) -> bool {
        let pts: &[Point] = match p {
            Piece::Line(a, b) => &[*a, *b],
            Piece::Quad(q) => q,
            Piece::Cubic(c) => c,
        };
        pts.iter()
            .all(|q| q.x >= clip.left && q.x <= clip.right && q.y >= clip.top && q.y <= clip.bottom)
    }

    #[test]
    fn a_quad_bulging_past_the_right_side_keeps_a_vertical_line_there() {
        let mut pieces = Vec::new();
        let q = [pt(100.0, 0.0), pt(200.0, 25.0), pt(100.0, 50.0)];
        clip_quad(q, CANVAS, &mut pieces);
        assert!(pieces.iter().all(|p| within(p, CANVAS)));
        // Wholly right of the canvas: one vertical line down its side.
        let lines: Vec<_> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Line(a, b) => Some((*a, *b)),
                _ => None,
            })
            .collect();
        assert!(!lines.is_empty());
        assert!(lines.iter().all(|(a, b)| a.x == 100.0 && b.x == 100.0));
        let span: f32 = lines.iter().map(|(a, b)| b.y - a.y).sum();
        assert_eq!(span, 50.0, "the side line runs the quad's full height");
    }

    #[test]
    fn a_quad_crossing_the_left_side_is_cut_there_in_its_own_direction() {
        let mut pieces = Vec::new();
        let q = [pt(-20.0, 10.0), pt(20.0, 10.0), pt(40.0, 40.0)];
        clip_quad(q, CANVAS, &mut pieces);
        assert!(pieces.iter().all(|p| within(p, CANVAS)));
        let curve = pieces
            .iter()
            .find_map(|p| match p {
                Piece::Quad(q) => Some(*q),
                _ => None,
            })
            .expect("the inside part stays a quadratic");
        assert_eq!(curve[0].x, 0.0, "starts on the left side");
        assert_eq!(curve[2], pt(40.0, 40.0), "ends where the original ends");
    }

    #[test]
    fn a_cubic_below_the_canvas_is_dropped_and_one_across_it_is_cut_to_its_rows() {
        let mut pieces = Vec::new();
        let below = [
            pt(10.0, 60.0),
            pt(20.0, 70.0),
            pt(30.0, 70.0),
            pt(40.0, 60.0),
        ];
        clip_cubic(below, CANVAS, &mut pieces);
        assert!(pieces.is_empty());
        let across = [
            pt(10.0, -30.0),
            pt(60.0, 0.0),
            pt(60.0, 50.0),
            pt(90.0, 80.0),
        ];
        clip_cubic(across, CANVAS, &mut pieces);
        assert!(!pieces.is_empty());
        assert!(pieces.iter().all(|p| within(p, CANVAS)));
    }
}
