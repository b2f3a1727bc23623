//! Skia's analytic anti-aliasing, as Chromium fills paths with it.
//!
//! Edges are built in fixed point with their ends on quarter rows
//! ([`edge`]); a walker sweeps them strip by strip, a strip ending where
//! an edge begins or ends or at the next pixel row ([`walk`]); each strip
//! between a left and a right edge adds the area of its trapezoid, cut
//! into pixels with Skia's 8-bit approximations ([`trapezoid`]); and the
//! coverage collects the way Skia's blitters collect it ([`sink`]). The
//! integer truncations at every step are what Chromium's edge pixels are
//! made of, so they are kept rather than computed exactly.

mod clip;
mod convex;
mod edge;
mod fixed;
mod sink;
mod trapezoid;
mod walk;

use tiny_skia::{FillRule, IntRect, Path, Point};

use super::Coverage;
use super::edges::{Segment, chop_cubic_monotonic, chop_quad_monotonic, for_each_segment};
use edge::Edge;
use sink::{Mode, Sink};
use walk::{HEAD, List, TAIL, Walk, walk_convex, walk_general};

/// Largest coordinate the fixed-point edges hold (Skia clips paths to
/// the canvas before they get this far; larger ones are not ours to take).
const COORD_LIMIT: f32 = 8000.0;

/// Widest shape collected in a small mask, and the mask's largest size.
const MASK_MAX_WIDTH: i32 = 32;
const MASK_MAX_BYTES: i64 = 1024;

/// How a fill's coverage is collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// Filling a path onto the canvas.
    Fill,
    /// Filling a stroke's outline onto the canvas.
    Stroke,
    /// Building a clip mask (Skia accumulates every strip for these).
    Clip,
}

/// The anti-aliased coverage of `path` (device space) under `rule`,
/// limited to `clip`; `None` when nothing is covered or the path is
/// beyond the fixed-point range (callers then use the exact rasterizer).
pub(crate) fn fill(
    path: &Path,
    rule: FillRule,
    clip: IntRect,
    target: Target,
) -> Option<Option<Coverage>> {
    let b = path.bounds();
    let max = b
        .left()
        .abs()
        .max(b.right().abs())
        .max(b.top().abs())
        .max(b.bottom().abs());
    if !max.is_finite() || max >= COORD_LIMIT {
        return None;
    }
    Some(fill_in_range(path, b, rule, clip, target))
}

fn fill_in_range(
    path: &Path,
    b: tiny_skia::Rect,
    rule: FillRule,
    clip: IntRect,
    target: Target,
) -> Option<Coverage> {
    let ir = (
        b.left().floor() as i32,
        b.top().floor() as i32,
        b.right().ceil() as i32,
        b.bottom().ceil() as i32,
    );
    let left = ir.0.max(clip.left());
    let top = ir.1.max(clip.top());
    let right = ir.2.min(clip.right());
    let bottom = ir.3.min(clip.bottom());
    if left >= right || top >= bottom {
        return None;
    }

    let contained =
        ir.0 >= clip.left() && ir.1 >= clip.top() && ir.2 <= clip.right() && ir.3 <= clip.bottom();
    let line_clip = (!contained).then(|| clip::Rect {
        left: clip.left() as f32,
        top: clip.top() as f32,
        right: clip.right() as f32,
        bottom: clip.bottom() as f32,
    });
    let mut list = build_list(path, fixed::from_int(top), line_clip)?;
    let count = list.e.len() - 2;

    let ir_w = ir.2 - ir.0;
    let ir_h = ir.3 - ir.1;
    let mode = if target != Target::Clip
        && ir_w <= MASK_MAX_WIDTH
        && ((ir_w as i64 + 3) & !3) * ir_h as i64 <= MASK_MAX_BYTES
    {
        Mode::Mask
    } else {
        Mode::Rows
    };
    let (left_bound, right_bound) = (fixed::from_int(left), fixed::from_int(right));
    let mut sink = Sink::new(
        mode,
        left,
        top,
        (right - left) as usize,
        (bottom - top) as usize,
    );

    // Skia holds arcs in fills and clips as conics with exact points; ours
    // are quadratics with float noise, which the convexity test forgives.
    // Stroke outlines are quadratics in both.
    if convex::is_convex(path, target != Target::Stroke) && count >= 2 {
        walk_convex(&mut list, &mut sink, bottom, left_bound, right_bound);
    } else {
        let points = path.points().len() as i64;
        let walk = Walk {
            even_odd: rule == FillRule::EvenOdd,
            start_y: top,
            stop_y: bottom,
            left_clip: left_bound,
            right_clip: right_bound,
            accumulate: target == Target::Clip,
            skip_intersect: points > (bottom - top) as i64 * 2,
        };
        walk_general(&mut list, &mut sink, &walk);
    }
    // A walk stopped at the deadline covers nothing (the call fails).
    if crate::budget::expired() {
        return None;
    }
    let data = sink.finish();
    if data.iter().all(|&a| a == 0) {
        return None;
    }
    Some(Coverage {
        x: left,
        y: top,
        width: (right - left) as u32,
        height: (bottom - top) as u32,
        data,
    })
}

/// The path's edges from row `top` down, sorted by top, then x, then
/// slope, linked between the head and tail sentinels; `None` when there
/// are none.
fn build_list(path: &Path, top: fixed::Fixed, line_clip: Option<clip::Rect>) -> Option<List> {
    let mut edges = Builder {
        list: Vec::new(),
        clip: line_clip,
    };
    let mut pieces = Vec::new();
    // A path of millions of segments stops here at the run's deadline.
    let (mut seen, mut stopped) = (0usize, false);
    for_each_segment(path, |seg| {
        seen += 1;
        if stopped || (seen % crate::budget::CHECK_EVERY == 0 && crate::budget::expired()) {
            stopped = true;
            return;
        }
        match (seg, line_clip) {
            (Segment::Line(a, b), _) => edges.line(a, b),
            (Segment::Quad(q), None) => {
                let pieces = chop_quad_monotonic(q).into_iter().filter_map(Edge::quad);
                edges.list.extend(pieces);
            }
            (Segment::Cubic(c), None) => {
                let pieces = chop_cubic_monotonic(c).into_iter().filter_map(Edge::cubic);
                edges.list.extend(pieces);
            }
            (Segment::Quad(q), Some(rect)) => {
                clip::clip_quad(q, rect, &mut pieces);
                edges.pieces(&mut pieces);
            }
            (Segment::Cubic(c), Some(rect)) => {
                clip::clip_cubic(c, rect, &mut pieces);
                edges.pieces(&mut pieces);
            }
        }
    });
    if stopped {
        return None;
    }
    let mut list: Vec<Edge> = edges
        .list
        .into_iter()
        .filter_map(|e| clip_top(e, top))
        .collect();
    if list.is_empty() {
        return None;
    }
    list.sort_by_key(|e| (e.upper_y, e.x, e.dx));
    let mut arena = Vec::with_capacity(list.len() + 2);
    arena.push(Edge::sentinel(fixed::MIN, fixed::MIN));
    arena.push(Edge::sentinel(fixed::MAX, fixed::MAX));
    arena.extend(list);
    let n = arena.len();
    for (i, e) in arena.iter_mut().enumerate().skip(2) {
        e.prev = if i == 2 { HEAD } else { i - 1 };
        e.next = if i + 1 == n { TAIL } else { i + 1 };
    }
    arena[HEAD].next = 2;
    arena[TAIL].prev = n - 1;
    Some(List { e: arena, steps: 0 })
}

/// The part of `e` at or below row `top` (pieces above it dropped, the
/// current piece cut there), as Skia's edge clipper leaves it.
fn clip_top(mut e: Edge, top: fixed::Fixed) -> Option<Edge> {
    while e.lower_y <= top {
        if !e.update() {
            return None;
        }
    }
    if e.upper_y < top {
        e.go_y(top);
        e.upper_x = e.x;
        e.upper_y = top;
    }
    Some(e)
}

/// Collects edges, merging vertical lines that continue or cancel the
/// previous one as Skia's edge builder does.
struct Builder {
    list: Vec<Edge>,
    /// The canvas when the path reaches outside it: lines are then cut
    /// to it first (curves are cut by [`clip`]).
    clip: Option<clip::Rect>,
}

impl Builder {
    fn line(&mut self, a: Point, b: Point) {
        match self.clip {
            Some(clip) => {
                for (p, q) in clip_line(a, b, clip) {
                    self.clipped_line(p, q);
                }
            }
            None => self.clipped_line(a, b),
        }
    }

    /// Adds (and drains) curve pieces already cut to the canvas.
    fn pieces(&mut self, pieces: &mut Vec<clip::Piece>) {
        for piece in pieces.drain(..) {
            match piece {
                clip::Piece::Line(a, b) => self.clipped_line(a, b),
                clip::Piece::Quad(q) => self.list.extend(Edge::quad(q)),
                clip::Piece::Cubic(c) => self.list.extend(Edge::cubic(c)),
            }
        }
    }

    fn clipped_line(&mut self, a: Point, b: Point) {
        let Some(edge) = Edge::line(a, b) else {
            return;
        };
        if edge.dx == 0
            && let Some(last) = self.list.last_mut()
        {
            match combine_vertical(&edge, last) {
                Combine::Total => {
                    self.list.pop();
                    return;
                }
                Combine::Partial => return,
                Combine::No => {}
            }
        }
        self.list.push(edge);
    }
}

/// Cuts the line a → b to the clip's rows, and turns its parts left or
/// right of the clip into vertical lines on the clip's sides (so they
/// still wind the pixels beside them), as Skia's line clipper does.
fn clip_line(a: Point, b: Point, rect: clip::Rect) -> Vec<(Point, Point)> {
    let clip::Rect {
        left,
        top,
        right,
        bottom,
    } = rect;
    let (lo, hi) = if a.y < b.y { (a, b) } else { (b, a) };
    if hi.y <= top || lo.y >= bottom {
        return Vec::new();
    }
    let x_at_y = |y: f32| -> f32 {
        let dy = b.y - a.y;
        if dy.abs() <= 1.0 / 4096.0 {
            return (a.x + b.x) / 2.0;
        }
        let x = a.x as f64 + (y as f64 - a.y as f64) * (b.x as f64 - a.x as f64) / dy as f64;
        x.clamp(a.x.min(b.x) as f64, a.x.max(b.x) as f64) as f32
    };
    let mut p = a;
    let mut q = b;
    for pt in [&mut p, &mut q] {
        if pt.y < top {
            *pt = Point::from_xy(x_at_y(top), top);
        } else if pt.y > bottom {
            *pt = Point::from_xy(x_at_y(bottom), bottom);
        }
    }
    let y_at_x = |x: f32| -> f32 {
        let dx = q.x - p.x;
        if dx.abs() <= 1.0 / 4096.0 {
            return (p.y + q.y) / 2.0;
        }
        let y = p.y as f64 + (x as f64 - p.x as f64) * (q.y as f64 - p.y as f64) / dx as f64;
        y.clamp(p.y.min(q.y) as f64, p.y.max(q.y) as f64) as f32
    };
    let (l, r) = if p.x < q.x { (p, q) } else { (q, p) };
    if r.x <= left {
        return vec![(Point::from_xy(left, p.y), Point::from_xy(left, q.y))];
    }
    if l.x >= right {
        return vec![(Point::from_xy(right, p.y), Point::from_xy(right, q.y))];
    }
    let mut pts = Vec::with_capacity(4);
    if l.x < left {
        let y = y_at_x(left);
        pts.push(Point::from_xy(left, l.y));
        pts.push(Point::from_xy(left, y));
    } else {
        pts.push(l);
    }
    if r.x > right {
        let y = y_at_x(right);
        pts.push(Point::from_xy(right, y));
        pts.push(Point::from_xy(right, r.y));
    } else {
        pts.push(r);
    }
    // Keep the original direction (winding).
    if p.x >= q.x {
        pts.reverse();
    }
    pts.windows(2).map(|w| (w[0], w[1])).collect()
}

enum Combine {
    No,
    Partial,
    Total,
}

/// Merges vertical `edge` into the vertical line `last` when they share
/// a column and meet or overlap.
fn combine_vertical(edge: &Edge, last: &mut Edge) -> Combine {
    let near = |a: fixed::Fixed, b: fixed::Fixed| (a - b).abs() < 0x100;
    if !last.is_line() || last.dx != 0 || edge.x != last.x {
        return Combine::No;
    }
    if edge.winding == last.winding {
        if edge.lower_y == last.upper_y {
            last.upper_y = edge.upper_y;
            last.y = last.upper_y;
            return Combine::Partial;
        }
        if near(edge.upper_y, last.lower_y) {
            last.lower_y = edge.lower_y;
            return Combine::Partial;
        }
        return Combine::No;
    }
    if near(edge.upper_y, last.upper_y) {
        if near(edge.lower_y, last.lower_y) {
            return Combine::Total;
        }
        if edge.lower_y < last.lower_y {
            last.upper_y = edge.lower_y;
            last.y = last.upper_y;
            return Combine::Partial;
        }
        last.upper_y = last.lower_y;
        last.y = last.upper_y;
        last.lower_y = edge.lower_y;
        last.winding = edge.winding;
        return Combine::Partial;
    }
    if near(edge.lower_y, last.lower_y) {
        if edge.upper_y > last.upper_y {
            last.lower_y = edge.upper_y;
            return Combine::Partial;
        }
        last.lower_y = last.upper_y;
        last.upper_y = edge.upper_y;
        last.y = last.upper_y;
        last.winding = edge.winding;
        return Combine::Partial;
    }
    Combine::No
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_skia::PathBuilder;

    fn bounds() -> IntRect {
        IntRect::from_xywh(0, 0, 100, 100).unwrap()
    }

    #[test]
    fn half_pixel_edges_cover_half() {
        let rect = PathBuilder::from_rect(tiny_skia::Rect::from_ltrb(2.5, 3.0, 6.5, 5.0).unwrap());
        let c = fill(&rect, FillRule::Winding, bounds(), Target::Fill)
            .unwrap()
            .unwrap();
        let at = |x: i32, y: i32| c.data[((y - c.y) * c.width as i32 + (x - c.x)) as usize];
        assert_eq!((at(2, 3), at(3, 3), at(6, 4)), (128, 255, 128));
    }

    #[test]
    fn paths_outside_the_canvas_are_clipped_and_huge_ones_declined() {
        let mut pb = PathBuilder::new();
        pb.move_to(-50.0, -50.0);
        pb.line_to(60.0, 10.0);
        pb.line_to(-20.0, 40.0);
        pb.close();
        let c = fill(
            &pb.finish().unwrap(),
            FillRule::Winding,
            bounds(),
            Target::Clip,
        )
        .unwrap()
        .unwrap();
        assert_eq!((c.x, c.y), (0, 0));
        assert_eq!(c.data[0], 255, "the corner is inside the triangle");
        let huge =
            PathBuilder::from_rect(tiny_skia::Rect::from_ltrb(0.0, 0.0, 9000.0, 5.0).unwrap());
        assert!(fill(&huge, FillRule::Winding, bounds(), Target::Fill).is_none());
    }

    #[test]
    fn even_odd_rings_leave_their_hole() {
        let mut pb = PathBuilder::new();
        pb.push_circle(50.0, 50.0, 30.0);
        pb.push_circle(50.0, 50.0, 10.0);
        let c = fill(
            &pb.finish().unwrap(),
            FillRule::EvenOdd,
            bounds(),
            Target::Fill,
        )
        .unwrap()
        .unwrap();
        let at = |x: i32, y: i32| c.data[((y - c.y) * c.width as i32 + (x - c.x)) as usize];
        assert_eq!((at(50, 50), at(50, 30), at(50, 25)), (0, 255, 255));
    }
}
