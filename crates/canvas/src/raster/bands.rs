//! Cutting one pixel row into bands the coverage pass can sum exactly.
//!
//! A band is a horizontal strip of the row in which the same edges are
//! present and keep their left-to-right order, so each edge is a straight
//! piece from its x at the band's top to its x at the band's bottom and
//! the fill rule can be applied by walking the pieces in order.
//!
//! Chromium's coverage shows where near-vertical edges sit inside a band:
//! a vertical edge at x = k + f covers its pixel by f rounded to
//! sixteenths, and an edge drifting by 1/64 or 1/16 px per row covers each
//! row as if its x at the top and at the bottom of the row were each
//! rounded to the nearest 1/16 px (measured with probe shapes in headless
//! Chromium). Bands therefore span as much of the row as the edges allow,
//! and near-vertical pieces have their ends rounded to that grid; the area
//! between the ends is then exact. Steeper slopes were measured too, but
//! gave no single consistent rounding, so they keep their exact position.

use super::edges::Edge;

/// Horizontal position grid of piece ends: 1/16 px.
const X_GRID: f64 = 16.0;

/// Edges whose x moves at most this much per unit of height are rounded
/// to the grid: the slopes the probes showed to be rounded.
const NEAR_VERTICAL: f64 = 1.0 / 16.0;

/// One edge's stretch across a band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Piece {
    /// x at the band's top.
    pub(crate) xa: f64,
    /// x at the band's bottom.
    pub(crate) xb: f64,
    /// +1 where the edge runs downwards, −1 upwards.
    pub(crate) winding: i8,
}

impl Piece {
    fn mid(&self) -> f64 {
        (self.xa + self.xb) / 2.0
    }
}

/// A strip [ya, yb) of a pixel row with its pieces, left to right.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Band {
    pub(crate) ya: f64,
    pub(crate) yb: f64,
    pub(crate) pieces: Vec<Piece>,
}

/// Rounds x to the nearest 1/16 px (halves upwards).
fn snap_x(x: f64) -> f64 {
    (x * X_GRID + 0.5).floor() / X_GRID
}

/// x of `e` at height y (y inside the edge's span).
fn x_at(e: &Edge, y: f64) -> f64 {
    e.x0 + (y - e.y0) * (e.x1 - e.x0) / (e.y1 - e.y0)
}

/// The bands of the pixel row [top, top + 1) crossed by `active` (edges
/// overlapping the row), appended to `out` top to bottom.
pub(crate) fn row_bands(active: &[Edge], top: f64, out: &mut Vec<Band>) {
    let bottom = top + 1.0;
    // Band limits: the row's own, and wherever an edge starts or ends.
    let mut cuts = vec![top, bottom];
    for e in active {
        for y in [e.y0, e.y1] {
            if y > top && y < bottom {
                cuts.push(y);
            }
        }
    }
    cuts.sort_by(f64::total_cmp);
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (ya, yb) = (pair[0], pair[1]);
        let mut pieces: Vec<Piece> = active
            .iter()
            .filter(|e| e.y0 <= ya && e.y1 >= yb)
            .map(|e| {
                let (xa, xb) = (x_at(e, ya), x_at(e, yb));
                let near_vertical = (xb - xa).abs() <= NEAR_VERTICAL * (yb - ya);
                let snap = |x| if near_vertical { snap_x(x) } else { x };
                Piece {
                    xa: snap(xa),
                    xb: snap(xb),
                    winding: e.winding,
                }
            })
            .collect();
        if pieces.is_empty() {
            continue;
        }
        split_at_crossings(ya, yb, &mut pieces, out);
    }
}

/// Appends the band [ya, yb) with `pieces`, cut where pieces cross so
/// that the order is the same throughout each part.
fn split_at_crossings(ya: f64, yb: f64, pieces: &mut [Piece], out: &mut Vec<Band>) {
    pieces.sort_by(|a, b| a.xa.total_cmp(&b.xa).then(a.xb.total_cmp(&b.xb)));
    let ordered_at_bottom = pieces.windows(2).all(|w| w[0].xb <= w[1].xb);
    let mut cuts = vec![0.0, 1.0];
    if !ordered_at_bottom {
        for (i, p) in pieces.iter().enumerate() {
            for q in &pieces[i + 1..] {
                let (da, db) = (q.xa - p.xa, q.xb - p.xb);
                // Strictly opposite sides at the two ends: they cross inside.
                if (da > 0.0 && db < 0.0) || (da < 0.0 && db > 0.0) {
                    cuts.push(da / (da - db));
                }
            }
        }
        cuts.sort_by(f64::total_cmp);
        cuts.dedup();
    }
    for pair in cuts.windows(2) {
        let (ta, tb) = (pair[0], pair[1]);
        let lerp = |p: &Piece, t: f64| p.xa + (p.xb - p.xa) * t;
        let mut part: Vec<Piece> = pieces
            .iter()
            .map(|p| Piece {
                xa: lerp(p, ta),
                xb: lerp(p, tb),
                winding: p.winding,
            })
            .collect();
        part.sort_by(|a, b| a.mid().total_cmp(&b.mid()));
        out.push(Band {
            ya: ya + (yb - ya) * ta,
            yb: ya + (yb - ya) * tb,
            pieces: part,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(x0: f64, y0: f64, x1: f64, y1: f64) -> Edge {
        Edge {
            x0,
            y0,
            x1,
            y1,
            winding: 1,
        }
    }

    #[test]
    fn a_row_is_one_band_when_no_edge_starts_or_ends_inside() {
        let mut out = Vec::new();
        row_bands(&[edge(1.0, 0.0, 2.0, 8.0)], 3.0, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].ya, out[0].yb), (3.0, 4.0));
    }

    #[test]
    fn piece_ends_round_to_sixteenths() {
        let mut out = Vec::new();
        // x = 1.3 at y = 0 and 1.3 + 1/64 at y = 1.
        row_bands(&[edge(1.3, 0.0, 1.3 + 8.0 / 64.0, 8.0)], 0.0, &mut out);
        let p = out[0].pieces[0];
        assert_eq!(p.xa, 1.3125);
        assert_eq!(p.xb, 1.3125);
    }

    #[test]
    fn edges_ending_inside_a_row_cut_it() {
        let mut out = Vec::new();
        row_bands(
            &[edge(1.0, 0.25, 1.0, 0.75), edge(3.0, 0.0, 3.0, 2.0)],
            0.0,
            &mut out,
        );
        let spans: Vec<(f64, f64, usize)> =
            out.iter().map(|b| (b.ya, b.yb, b.pieces.len())).collect();
        assert_eq!(spans, vec![(0.0, 0.25, 1), (0.25, 0.75, 2), (0.75, 1.0, 1)]);
    }

    #[test]
    fn crossing_edges_split_the_band_where_they_meet() {
        let mut out = Vec::new();
        row_bands(
            &[edge(0.0, 0.0, 4.0, 1.0), edge(4.0, 0.0, 0.0, 1.0)],
            0.0,
            &mut out,
        );
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].yb, 0.5);
        for band in &out {
            let p = &band.pieces;
            assert!(p[0].xa <= p[1].xa && p[0].xb <= p[1].xb, "{band:?}");
        }
    }
}
