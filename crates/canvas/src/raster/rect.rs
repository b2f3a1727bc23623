//! Coverage of an axis-aligned rectangle as Skia fills one (Chromium's
//! `fillRect` under a transform that keeps rectangles): edges are held at
//! 1/256 px, a partial row or column covers its fraction in 1/256 steps,
//! and a corner pixel the product of the two, rounded down. This differs
//! from the path rasterizer ([`super::coverage`]), whose edges sit on a
//! quarter-pixel grid vertically.

use tiny_skia::IntRect;

use super::Coverage;

/// A device coordinate in 24.8 fixed point, as Skia gets it: truncated to
/// 16.16, then rounded to 8 fraction bits.
fn dot8(v: f64) -> i64 {
    let fixed = (v * 65536.0) as i64;
    (fixed + 0x80) >> 8
}

/// Coverage (0..=255) of the cells along one axis from `lo` to `hi`
/// (24.8), starting at cell `lo >> 8`. A span inside one cell covers
/// `hi − lo − 1`; otherwise the first and last cells their parts and the
/// cells between fully (256, clamped later).
fn spans(lo: i64, hi: i64) -> (i64, Vec<u32>) {
    let first = lo >> 8;
    if first == (hi - 1) >> 8 {
        return (first, vec![(hi - lo - 1).clamp(0, 255) as u32]);
    }
    let mut cells = Vec::new();
    if lo & 0xFF != 0 {
        cells.push((256 - (lo & 0xFF)) as u32);
    } else {
        cells.push(256);
    }
    let last = hi >> 8;
    cells.extend(std::iter::repeat_n(256, (last - first - 1).max(0) as usize));
    if hi & 0xFF != 0 {
        cells.push((hi & 0xFF) as u32);
    }
    (first, cells)
}

/// The coverage of the device rectangle `[l, r] × [t, b]` within `bounds`;
/// `None` when it covers nothing there.
pub(crate) fn rect_coverage(l: f64, t: f64, r: f64, b: f64, bounds: IntRect) -> Option<Coverage> {
    // Edges past the bounds are held one pixel outside them: the cells
    // inside stay fully covered, and a huge rectangle (`fillRect(0, 0,
    // 1e12, 10)`) neither overflows the fixed point nor makes a cell list
    // as long as itself.
    let hold = |v: f64, lo: i32, hi: i32| v.clamp(f64::from(lo) - 1.0, f64::from(hi) + 1.0);
    let (l, r) = (
        hold(l, bounds.left(), bounds.right()),
        hold(r, bounds.left(), bounds.right()),
    );
    let (t, b) = (
        hold(t, bounds.top(), bounds.bottom()),
        hold(b, bounds.top(), bounds.bottom()),
    );
    let (l, t, r, b) = (dot8(l), dot8(t), dot8(r), dot8(b));
    if l >= r || t >= b {
        return None;
    }
    let (x0, cols) = spans(l, r);
    let (y0, rows) = spans(t, b);
    // A partial row multiplies each of its cells (the single-column case
    // of a partial row takes the span itself, `r − l`); a full row takes
    // the column values as they are.
    let single_col = cols.len() == 1;
    let cell = |row: u32, col: u32| -> u8 {
        match (row >= 256, col >= 256) {
            (true, true) => 255,
            (true, false) => col.min(255) as u8,
            (false, true) => row.min(255) as u8,
            (false, false) => {
                let col = if single_col { (r - l) as u32 } else { col };
                ((row * col) >> 8).min(255) as u8
            }
        }
    };
    let left = x0.max(i64::from(bounds.left()));
    let right = (x0 + cols.len() as i64).min(i64::from(bounds.right()));
    let top = y0.max(i64::from(bounds.top()));
    let bottom = (y0 + rows.len() as i64).min(i64::from(bounds.bottom()));
    if left >= right || top >= bottom {
        return None;
    }
    let (w, h) = ((right - left) as usize, (bottom - top) as usize);
    let mut data = vec![0u8; w * h];
    for (y, out) in data.chunks_exact_mut(w).enumerate() {
        let row = rows[(top - y0) as usize + y];
        for (x, px) in out.iter_mut().enumerate() {
            *px = cell(row, cols[(left - x0) as usize + x]);
        }
    }
    Some(Coverage {
        x: left as i32,
        y: top as i32,
        width: w as u32,
        height: h as u32,
        data,
    })
}

/// The coverage of a rectangle frame: `outer` (l, t, r, b) minus `inner`
/// where given, each as [`rect_coverage`] computes it, within `bounds`
/// (Skia's frame filler for stroked rectangles).
pub(crate) fn frame_coverage(
    outer: [f64; 4],
    inner: Option<[f64; 4]>,
    bounds: IntRect,
) -> Option<Coverage> {
    let [l, t, r, b] = outer;
    let mut cov = rect_coverage(l, t, r, b, bounds)?;
    if let Some([l, t, r, b]) = inner
        && let Some(hole) = rect_coverage(l, t, r, b, bounds)
    {
        for y in 0..hole.height as i32 {
            for x in 0..hole.width as i32 {
                let (cx, cy) = (hole.x + x - cov.x, hole.y + y - cov.y);
                if cx < 0 || cy < 0 || cx >= cov.width as i32 || cy >= cov.height as i32 {
                    continue;
                }
                let i = (cy as u32 * cov.width + cx as u32) as usize;
                let h = hole.data[(y as u32 * hole.width + x as u32) as usize];
                cov.data[i] = cov.data[i].saturating_sub(h);
            }
        }
    }
    Some(cov)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cov(l: f64, t: f64, r: f64, b: f64) -> Coverage {
        rect_coverage(l, t, r, b, IntRect::from_xywh(0, 0, 100, 100).unwrap()).unwrap()
    }

    #[test]
    fn huge_rectangles_cover_the_bounds_as_one_edge_to_edge_does() {
        let edge_to_edge = cov(-5.0, 10.5, 105.0, 20.0);
        for (l, r) in [
            (-1e300, 1e300),
            (0.0, 1e12),
            (-1e12, 100.0),
            (-5.0, f64::MAX),
        ] {
            let c = cov(l, 10.5, r, 20.0);
            assert_eq!(
                (c.x, c.y, c.width, c.height),
                (
                    edge_to_edge.x,
                    edge_to_edge.y,
                    edge_to_edge.width,
                    edge_to_edge.height
                ),
                "{l}..{r}"
            );
            assert_eq!(c.data, edge_to_edge.data, "{l}..{r}");
        }
        let bounds = IntRect::from_xywh(0, 0, 100, 100).unwrap();
        assert!(rect_coverage(2e12, 0.0, 3e12, 10.0, bounds).is_none());
        assert!(rect_coverage(0.0, -3e12, 10.0, -2e12, bounds).is_none());
    }

    #[test]
    fn whole_pixel_rectangles_are_fully_covered() {
        let c = cov(2.0, 3.0, 5.0, 4.0);
        assert_eq!((c.x, c.y, c.width, c.height), (2, 3, 3, 1));
        assert!(c.data.iter().all(|&v| v == 255));
    }

    #[test]
    fn partial_edges_cover_their_fraction_in_256ths_and_corners_the_product() {
        // Top edge at 0.671875 into its row, left edge at a quarter.
        let c = cov(10.25, 20.671875, 13.0, 23.0);
        assert_eq!((c.x, c.y, c.width, c.height), (10, 20, 3, 3));
        let at = |x: i32, y: i32| c.at(x, y);
        assert_eq!(at(11, 20), 84); // 256 − 172
        assert_eq!(at(10, 21), 192); // 256 − 64
        assert_eq!(at(10, 20), (84 * 192 / 256) as u8);
        assert_eq!(at(12, 22), 255);
    }

    #[test]
    fn rectangles_are_cut_to_the_bounds() {
        let c = rect_coverage(
            -5.5,
            -5.5,
            2.5,
            2.5,
            IntRect::from_xywh(0, 0, 10, 10).unwrap(),
        )
        .unwrap();
        assert_eq!((c.x, c.y, c.width, c.height), (0, 0, 3, 3));
        assert_eq!(c.at(2, 2), 64);
        assert_eq!(c.at(0, 0), 255);
        assert!(
            rect_coverage(
                20.0,
                20.0,
                30.0,
                30.0,
                IntRect::from_xywh(0, 0, 10, 10).unwrap()
            )
            .is_none()
        );
    }

    #[test]
    fn a_frame_is_the_outer_rectangle_less_the_inner_one() {
        let bounds = IntRect::from_xywh(0, 0, 20, 20).unwrap();
        let c = frame_coverage([1.5, 1.5, 10.5, 10.5], Some([2.5, 2.5, 9.5, 9.5]), bounds).unwrap();
        assert_eq!((c.x, c.y, c.width, c.height), (1, 1, 10, 10));
        assert_eq!(c.at(1, 5), 128); // outer edge: half the pixel
        assert_eq!(c.at(2, 5), 127); // inner edge: full less the hole's half
        assert_eq!(c.at(5, 5), 0); // inside the hole
        assert_eq!(c.at(1, 1), 64); // outer corner
    }
}
