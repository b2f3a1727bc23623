//! Axis-aligned rectangles: exact coverage.
//!
//! Chromium recognises a path that is a plain axis-aligned rectangle
//! (`fillRect`, `rect()`, or four such lines) and covers it by exact area:
//! probe fills in headless Chromium show a horizontal edge at y = 10.1
//! covering its row by 229/255, where a general path edge would sit on
//! the quarter-row grid (255 or 191). Each pixel gets the overlap of the
//! rectangle with it, scaled to 255 and rounded down, as those probes show.

use tiny_skia::{IntRect, Path, PathSegment, Rect};

use super::coverage::Coverage;

/// The rectangle `path` is, when it is one closed axis-aligned rectangle.
pub(crate) fn as_rect(path: &Path) -> Option<Rect> {
    let mut points = Vec::with_capacity(5);
    for (i, seg) in path.segments().enumerate() {
        match seg {
            PathSegment::MoveTo(p) if i == 0 => points.push(p),
            PathSegment::LineTo(p) => points.push(p),
            PathSegment::Close => {}
            _ => return None,
        }
    }
    // A closing line back to the start is the same rectangle.
    if points.len() == 5 && points[4] == points[0] {
        points.pop();
    }
    if points.len() != 4 {
        return None;
    }
    // Sides alternate horizontal and vertical, starting either way.
    let side = |a: usize, b: usize, horizontal: bool| {
        let (p, q) = (points[a], points[b % 4]);
        if horizontal {
            p.y == q.y && p.x != q.x
        } else {
            p.x == q.x && p.y != q.y
        }
    };
    let h_first = (0..4).all(|i| side(i, i + 1, i % 2 == 0));
    let v_first = (0..4).all(|i| side(i, i + 1, i % 2 == 1));
    if !h_first && !v_first {
        return None;
    }
    let xs = points.iter().map(|p| p.x);
    let ys = points.iter().map(|p| p.y);
    Rect::from_ltrb(
        xs.clone().fold(f32::MAX, f32::min),
        ys.clone().fold(f32::MAX, f32::min),
        xs.fold(f32::MIN, f32::max),
        ys.fold(f32::MIN, f32::max),
    )
}

/// Exact-area coverage of `rect`, limited to `bounds`.
pub(crate) fn cover_rect(rect: Rect, bounds: IntRect) -> Option<Coverage> {
    let (l, t, r, b) = (
        rect.left() as f64,
        rect.top() as f64,
        rect.right() as f64,
        rect.bottom() as f64,
    );
    let left = (l.floor() as i64).max(bounds.left() as i64);
    let top = (t.floor() as i64).max(bounds.top() as i64);
    let right = (r.ceil() as i64).min(bounds.right() as i64);
    let bottom = (b.ceil() as i64).min(bounds.bottom() as i64);
    if left >= right || top >= bottom {
        return None;
    }
    let (width, height) = ((right - left) as usize, (bottom - top) as usize);
    // How much of the unit span [k, k + 1) lies inside [lo, hi].
    let overlap = |k: i64, lo: f64, hi: f64| (hi.min(k as f64 + 1.0) - lo.max(k as f64)).max(0.0);
    let cols: Vec<f64> = (0..width).map(|i| overlap(left + i as i64, l, r)).collect();
    let mut data = Vec::with_capacity(width * height);
    for j in 0..height {
        let fy = overlap(top + j as i64, t, b);
        data.extend(cols.iter().map(|fx| ((fx * fy).min(1.0) * 255.0) as u8));
    }
    Some(Coverage {
        x: left as i32,
        y: top as i32,
        width: width as u32,
        height: height as u32,
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_skia::PathBuilder;

    fn bounds() -> IntRect {
        IntRect::from_xywh(0, 0, 50, 50).unwrap()
    }

    #[test]
    fn rect_paths_are_recognised_either_way_round() {
        let r = Rect::from_ltrb(1.5, 2.0, 7.0, 9.25).unwrap();
        assert_eq!(as_rect(&PathBuilder::from_rect(r)), Some(r));
        let mut pb = PathBuilder::new();
        pb.move_to(1.5, 2.0);
        pb.line_to(1.5, 9.25);
        pb.line_to(7.0, 9.25);
        pb.line_to(7.0, 2.0);
        pb.close();
        assert_eq!(as_rect(&pb.finish().unwrap()), Some(r));
    }

    #[test]
    fn other_shapes_are_not_rects() {
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0);
        pb.line_to(4.0, 0.0);
        pb.line_to(5.0, 4.0);
        pb.line_to(0.0, 4.0);
        pb.close();
        assert_eq!(as_rect(&pb.finish().unwrap()), None);
    }

    #[test]
    fn fractional_edges_cover_by_exact_area() {
        let r = Rect::from_ltrb(2.5, 10.1, 6.0, 12.0).unwrap();
        let c = cover_rect(r, bounds()).unwrap();
        // Row 10 is 0.9 covered, column 2 half covered.
        assert_eq!(c.at(3, 10), 229);
        assert_eq!(c.at(2, 11), 127);
        assert_eq!(c.at(2, 10), 114);
        assert_eq!(c.at(5, 11), 255);
    }

    #[test]
    fn a_thin_sliver_covers_its_area() {
        let r = Rect::from_ltrb(3.3, 0.0, 3.7, 20.0).unwrap();
        let c = cover_rect(r, bounds()).unwrap();
        let total: f64 = c.data.iter().map(|&a| a as f64 / 255.0).sum();
        assert!((total - 0.4 * 20.0).abs() < 0.1, "{total}");
    }
}
