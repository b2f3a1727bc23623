//! Exact-area coverage of line edges, one quarter-pixel row at a time.
//!
//! Edge ends sit on the quarter-pixel grid, so within a quarter row every
//! active edge spans the full row height. Per quarter row the edges are
//! ordered by their middle x and walked left to right with a winding
//! count; only edges where the fill rule's inside/outside state changes
//! count, as +1 (entering) or −1 (leaving). Each counted edge adds its
//! signed height to the row's accumulator, split between the cell it
//! passes through (by the fraction of the cell right of the edge) and the
//! cell after it. A running sum along the pixel row then gives each
//! pixel's covered area: exact for edges that do not cross inside a
//! quarter row, whatever the windings of overlapping parts.

use tiny_skia::{FillRule, IntRect, Path};

use super::edges::{Edge, build};

/// An 8-bit coverage mask placed at (x, y) in device pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Coverage {
    pub(crate) x: i32,
    pub(crate) y: i32,
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) data: Vec<u8>,
}

impl Coverage {
    /// The device rectangle the mask occupies; `None` when it is empty.
    pub(crate) fn rect(&self) -> Option<tiny_skia::Rect> {
        tiny_skia::Rect::from_xywh(
            self.x as f32,
            self.y as f32,
            self.width as f32,
            self.height as f32,
        )
    }

    /// Coverage of pixel (x, y) in device coordinates (0 outside).
    #[cfg(test)]
    pub(crate) fn at(&self, x: i32, y: i32) -> u8 {
        let (cx, cy) = (x - self.x, y - self.y);
        if cx < 0 || cy < 0 || cx >= self.width as i32 || cy >= self.height as i32 {
            return 0;
        }
        self.data[cy as usize * self.width as usize + cx as usize]
    }
}

/// Rasterizes `path` (device space) with `rule`, limited to `bounds`.
/// `None` when nothing inside `bounds` is covered.
pub(crate) fn rasterize(path: &Path, rule: FillRule, bounds: IntRect) -> Option<Coverage> {
    let mut edges = build(path);
    if edges.is_empty() {
        return None;
    }
    let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for e in &edges {
        min_x = min_x.min(e.x0.min(e.x1));
        max_x = max_x.max(e.x0.max(e.x1));
        min_y = min_y.min(e.y0);
        max_y = max_y.max(e.y1);
    }
    let left = (min_x.floor() as i64).max(bounds.left() as i64);
    // Saturating: edges at 1e30 px convert to i64::MAX.
    let right = (max_x.ceil() as i64)
        .saturating_add(1)
        .min(bounds.right() as i64);
    let top = (min_y.floor() as i64).max(bounds.top() as i64);
    let bottom = (max_y.ceil() as i64).min(bounds.bottom() as i64);
    if left >= right || top >= bottom {
        return None;
    }
    let (width, height) = ((right - left) as usize, (bottom - top) as usize);
    edges.sort_by(|a, b| a.y0.total_cmp(&b.y0));

    let mut data = vec![0u8; width * height];
    let mut acc = vec![0.0f64; width + 2];
    let mut active: Vec<Edge> = Vec::new();
    let mut crossing: Vec<(f64, Edge)> = Vec::new();
    let mut next = 0;
    for row in 0..height {
        // A row can cross every edge: the run's deadline is checked once
        // a row, and a stopped rasterization covers nothing.
        if crate::budget::expired() {
            return None;
        }
        let y_top = (top + row as i64) as f64;
        let y_bottom = y_top + 1.0;
        while next < edges.len() && edges[next].y0 < y_bottom {
            active.push(edges[next]);
            next += 1;
        }
        active.retain(|e| e.y1 > y_top);
        if active.is_empty() {
            continue;
        }
        acc.iter_mut().for_each(|a| *a = 0.0);
        for quarter in 0..4 {
            let q_top = y_top + quarter as f64 * 0.25;
            let q_bottom = q_top + 0.25;
            crossing.clear();
            for e in &active {
                if e.y0 < q_bottom && e.y1 > q_top {
                    let mid_y = (q_top.max(e.y0) + q_bottom.min(e.y1)) / 2.0;
                    let mid_x = e.x0 + (mid_y - e.y0) * (e.x1 - e.x0) / (e.y1 - e.y0);
                    crossing.push((mid_x, *e));
                }
            }
            crossing.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut winding = 0i32;
            for (_, e) in &crossing {
                let was_inside = inside(winding, rule);
                winding += e.winding as i32;
                let now_inside = inside(winding, rule);
                if was_inside != now_inside {
                    let sign = if now_inside { 1.0 } else { -1.0 };
                    accumulate(&mut acc, e, sign, q_top, q_bottom, left as f64, width);
                }
            }
        }
        let out = &mut data[row * width..(row + 1) * width];
        let mut area = 0.0;
        for (x, alpha) in out.iter_mut().enumerate() {
            area += acc[x];
            *alpha = (area.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
        }
    }
    let cov = Coverage {
        x: left as i32,
        y: top as i32,
        width: width as u32,
        height: height as u32,
        data,
    };
    Some(cov)
}

/// Whether a winding number is inside under `rule`.
fn inside(winding: i32, rule: FillRule) -> bool {
    match rule {
        FillRule::Winding => winding != 0,
        FillRule::EvenOdd => winding % 2 != 0,
    }
}

/// Adds the part of `e` inside the rows [y_top, y_bottom) to `acc` with
/// `sign` (+1 entering the shape, −1 leaving it); `acc`'s index 0 is the
/// pixel column at `left`.
fn accumulate(
    acc: &mut [f64],
    e: &Edge,
    sign: f64,
    y_top: f64,
    y_bottom: f64,
    left: f64,
    width: usize,
) {
    let ya = e.y0.max(y_top);
    let yb = e.y1.min(y_bottom);
    if yb <= ya {
        return;
    }
    let dxdy = (e.x1 - e.x0) / (e.y1 - e.y0);
    // Positions relative to the first column.
    let xa = e.x0 + (ya - e.y0) * dxdy - left;
    let xb = e.x0 + (yb - e.y0) * dxdy - left;
    let dy = (yb - ya) * sign;
    let limit = width as f64;
    let (x_lo, x_hi) = if xa < xb { (xa, xb) } else { (xb, xa) };
    if x_hi <= 0.0 {
        // Entirely left of the visible columns: everything to the right is
        // inside by this edge's height.
        acc[0] += dy;
        return;
    }
    if x_lo >= limit {
        return;
    }
    if x_hi - x_lo < 1e-9 {
        add_in_cell(acc, x_lo, dy, limit);
        return;
    }
    // Walk the columns the edge crosses; in each, the edge's piece spans
    // a height proportional to its width there.
    let per_x = dy / (x_hi - x_lo);
    let mut x = x_lo;
    while x < x_hi {
        let cell_right = (x.floor() + 1.0).min(x_hi);
        let piece = (cell_right - x) * per_x;
        add_in_cell(acc, (x + cell_right) / 2.0, piece, limit);
        x = cell_right;
    }
}

/// Adds height `h` crossing the cell containing `mid` at average position
/// `mid`: the cell gets the share right of the edge, the next cell the rest.
fn add_in_cell(acc: &mut [f64], mid: f64, h: f64, limit: f64) {
    if mid < 0.0 {
        acc[0] += h;
        return;
    }
    if mid >= limit {
        return;
    }
    let cell = mid.floor();
    let frac = mid - cell;
    let i = cell as usize;
    acc[i] += h * (1.0 - frac);
    acc[i + 1] += h * frac;
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_skia::PathBuilder;

    fn rect(l: f32, t: f32, r: f32, b: f32) -> Path {
        PathBuilder::from_rect(tiny_skia::Rect::from_ltrb(l, t, r, b).unwrap())
    }

    fn bounds() -> IntRect {
        IntRect::from_xywh(0, 0, 100, 100).unwrap()
    }

    #[test]
    fn integer_rects_cover_whole_pixels_exactly() {
        let c = rasterize(&rect(2.0, 3.0, 6.0, 5.0), FillRule::Winding, bounds()).unwrap();
        assert_eq!(c.at(2, 3), 255);
        assert_eq!(c.at(5, 4), 255);
        assert_eq!(c.at(6, 4), 0);
        assert_eq!(c.at(1, 4), 0);
        assert_eq!(c.at(3, 5), 0);
    }

    #[test]
    fn a_rect_reaching_1e30_covers_the_bounds_without_overflow() {
        let c = rasterize(&rect(-1e30, 10.0, 1e30, 20.0), FillRule::Winding, bounds()).unwrap();
        assert_eq!((c.x, c.width), (0, 100));
        assert_eq!(c.at(99, 15), 255);
    }

    #[test]
    fn half_pixel_edges_give_half_coverage() {
        let c = rasterize(&rect(2.5, 3.0, 6.5, 5.0), FillRule::Winding, bounds()).unwrap();
        assert_eq!(c.at(2, 3), 128);
        assert_eq!(c.at(3, 3), 255);
        assert_eq!(c.at(6, 4), 128);
    }

    #[test]
    fn a_diagonal_half_covers_the_pixels_it_cuts() {
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0);
        pb.line_to(10.0, 10.0);
        pb.line_to(0.0, 10.0);
        pb.close();
        let c = rasterize(&pb.finish().unwrap(), FillRule::Winding, bounds()).unwrap();
        for i in 0..10 {
            assert_eq!(c.at(i, i), 128, "pixel on the diagonal");
        }
        assert_eq!(c.at(0, 5), 255);
        assert_eq!(c.at(7, 2), 0);
    }

    #[test]
    fn fill_rules_differ_on_overlaps() {
        let mut pb = PathBuilder::new();
        pb.push_rect(tiny_skia::Rect::from_ltrb(0.0, 0.0, 10.0, 10.0).unwrap());
        pb.push_rect(tiny_skia::Rect::from_ltrb(2.0, 2.0, 8.0, 8.0).unwrap());
        let p = pb.finish().unwrap();
        let nz = rasterize(&p, FillRule::Winding, bounds()).unwrap();
        let eo = rasterize(&p, FillRule::EvenOdd, bounds()).unwrap();
        assert_eq!(nz.at(5, 5), 255);
        assert_eq!(eo.at(5, 5), 0);
        assert_eq!(eo.at(1, 1), 255);
    }

    #[test]
    fn overlaps_winding_opposite_ways_stay_filled_under_nonzero() {
        // Two squares meeting at x = 5.5, the second wound the other way:
        // every pixel between 2 and 9 is inside under nonzero, including
        // the one split between them.
        let mut pb = PathBuilder::new();
        pb.move_to(2.0, 0.0);
        pb.line_to(5.5, 0.0);
        pb.line_to(5.5, 4.0);
        pb.line_to(2.0, 4.0);
        pb.close();
        pb.move_to(5.5, 0.0);
        pb.line_to(5.5, 4.0);
        pb.line_to(9.0, 4.0);
        pb.line_to(9.0, 0.0);
        pb.close();
        let c = rasterize(&pb.finish().unwrap(), FillRule::Winding, bounds()).unwrap();
        for x in 2..9 {
            assert_eq!(c.at(x, 1), 255, "x = {x}");
        }
    }

    #[test]
    fn doubly_wound_parts_are_not_counted_twice() {
        // A square wound twice over half a pixel column covers that
        // column by half, not fully.
        let mut pb = PathBuilder::new();
        pb.push_rect(tiny_skia::Rect::from_ltrb(0.0, 0.0, 4.5, 4.0).unwrap());
        pb.push_rect(tiny_skia::Rect::from_ltrb(0.0, 0.0, 4.5, 4.0).unwrap());
        let c = rasterize(&pb.finish().unwrap(), FillRule::Winding, bounds()).unwrap();
        assert_eq!(c.at(4, 1), 128);
        assert_eq!(c.at(3, 1), 255);
    }

    #[test]
    fn shapes_are_clipped_to_the_bounds_without_losing_winding() {
        let c = rasterize(&rect(-50.0, 10.0, 20.0, 12.0), FillRule::Winding, bounds()).unwrap();
        assert_eq!(c.x, 0);
        assert_eq!(c.at(0, 10), 255);
        assert_eq!(c.at(19, 11), 255);
        assert_eq!(c.at(20, 11), 0);
        assert!(rasterize(&rect(200.0, 10.0, 220.0, 12.0), FillRule::Winding, bounds()).is_none());
    }

    #[test]
    fn coverage_of_a_circle_sums_to_the_area_of_its_edges() {
        let path = PathBuilder::from_circle(50.3, 49.8, 30.0).unwrap();
        let c = rasterize(&path, FillRule::Winding, bounds()).unwrap();
        let covered: f64 = c.data.iter().map(|a| *a as f64 / 255.0).sum();
        // Shoelace over the flattened edges: what the coverage must add up to.
        let polygon: f64 = build(&path)
            .iter()
            .map(|e| e.winding as f64 * (e.y1 - e.y0) * (e.x0 + e.x1) / 2.0)
            .sum();
        assert!(
            (covered - polygon.abs()).abs() < 0.5,
            "{covered} vs {polygon}"
        );
        let circle = std::f64::consts::PI * 900.0;
        assert!(
            (polygon.abs() - circle).abs() / circle < 0.01,
            "flattening stays within 1% of the circle"
        );
    }
}
