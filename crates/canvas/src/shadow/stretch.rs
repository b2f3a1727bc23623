//! Nine-patch blurring: most shadow sources (rectangles, rounded
//! rectangles, pills) have a long run of identical rows and one of
//! identical columns. A blur of reach `r` turns such a run into one whose
//! rows are identical too, except `r` at each end, so the mask is blurred
//! with each run cut down to `2r + 1` lines and the middle line of the
//! result is stretched back across the run's length. This is what Skia's
//! rounded-rect blur does with a small rasterised copy; done on the mask
//! itself it gives exactly the levels of the full blur (every output line
//! sees the same inputs it would have seen), at the cost of the corners.

use std::ops::Range;

use crate::raster::Coverage;

/// How the source of a blur is cut down: the run of identical rows and of
/// identical columns that is removed, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Cut {
    /// Source rows `start .. start + removed` (of a run of identical rows)
    /// are dropped.
    rows: Option<Span>,
    /// Source columns likewise.
    columns: Option<Span>,
    /// The blur's reach.
    reach: usize,
}

/// Lines `start .. start + removed` of a run of identical lines, leaving
/// `2 × reach + 1` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: usize,
    removed: usize,
}

impl Cut {
    /// The cut for blurring `mask` with a reach of `reach`, or `None` when
    /// no run is long enough to be worth cutting.
    pub(super) fn plan(mask: &Coverage, reach: usize) -> Option<Cut> {
        let (w, h) = (mask.width as usize, mask.height as usize);
        let keep = 2 * reach + 1;
        // Runs shorter than this save less than the bookkeeping costs.
        let worth = |run: &Range<usize>| run.len() > keep + 8;
        let span = |run: Range<usize>| Span {
            start: run.start + keep,
            removed: run.len() - keep,
        };
        let rows = longest_run(h, |y| {
            mask.data[y * w..(y + 1) * w] == mask.data[(y - 1) * w..y * w]
        });
        let same_columns = identical_columns(&mask.data, w, h);
        let columns = longest_run(w, |x| same_columns[x]);
        let cut = Cut {
            rows: rows.filter(worth).map(span),
            columns: columns.filter(worth).map(span),
            reach,
        };
        (cut.rows.is_some() || cut.columns.is_some()).then_some(cut)
    }

    /// `mask` without the removed rows and columns.
    pub(super) fn shrink(&self, mask: &Coverage) -> Coverage {
        let w = mask.width as usize;
        let keep_rows = kept(mask.height as usize, self.rows);
        let keep_cols = kept(w, self.columns);
        let mut data = Vec::with_capacity(keep_rows.len() * keep_cols.len());
        for y in keep_rows.clone() {
            let row = &mask.data[y * w..(y + 1) * w];
            for part in keep_cols.parts() {
                data.extend_from_slice(&row[part]);
            }
        }
        Coverage {
            x: mask.x,
            y: mask.y,
            width: keep_cols.len() as u32,
            height: keep_rows.len() as u32,
            data,
        }
    }

    /// The blur of the whole mask from `blurred`, the blur of
    /// [`Cut::shrink`]'s result: the middle line of each cut run repeated
    /// across the removed lines.
    pub(super) fn stretch(&self, blurred: Coverage) -> Coverage {
        // The output line centred on the middle of a run's kept lines
        // (`reach` past the run's start, plus the `reach` the blur grows
        // the mask by) is the last kept line before the removed ones.
        let grow = |span: Option<Span>| {
            span.map(|s| Span {
                start: s.start - 1,
                removed: s.removed,
            })
        };
        let (rows, columns) = (grow(self.rows), grow(self.columns));
        let cw = blurred.width as usize;
        let full_w = cw + columns.map_or(0, |s| s.removed);
        let full_h = blurred.height as usize + rows.map_or(0, |s| s.removed);
        let mut data = Vec::with_capacity(full_w * full_h);
        for y in 0..full_h {
            let src_y = source_line(y, rows);
            let row = &blurred.data[src_y * cw..(src_y + 1) * cw];
            match columns {
                None => data.extend_from_slice(row),
                Some(s) => {
                    data.extend_from_slice(&row[..=s.start]);
                    data.resize(data.len() + s.removed, row[s.start]);
                    data.extend_from_slice(&row[s.start + 1..]);
                }
            }
        }
        Coverage {
            x: blurred.x,
            y: blurred.y,
            width: full_w as u32,
            height: full_h as u32,
            data,
        }
    }
}

/// The kept lines of `len`: everything but the removed span.
fn kept(len: usize, span: Option<Span>) -> Kept {
    match span {
        None => Kept(0..len, len..len),
        Some(s) => Kept(0..s.start, s.start + s.removed..len),
    }
}

/// Two ranges of kept lines.
#[derive(Clone)]
struct Kept(Range<usize>, Range<usize>);

impl Kept {
    fn len(&self) -> usize {
        self.0.len() + self.1.len()
    }

    fn parts(&self) -> [Range<usize>; 2] {
        [self.0.clone(), self.1.clone()]
    }
}

impl Iterator for Kept {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        self.0.next().or_else(|| self.1.next())
    }
}

/// The line of the shrunk blur that full output line `i` repeats.
fn source_line(i: usize, span: Option<Span>) -> usize {
    match span {
        Some(s) if i > s.start + s.removed => i - s.removed,
        Some(s) if i > s.start => s.start,
        _ => i,
    }
}

/// The longest run of lines `a .. b` of `len` in which `same(i)` (line `i`
/// equals line `i − 1`) holds for every `i` in `a + 1 .. b`.
fn longest_run(len: usize, same: impl Fn(usize) -> bool) -> Option<Range<usize>> {
    let mut best: Option<Range<usize>> = None;
    let mut start = 0;
    for i in 1..=len {
        if i == len || !same(i) {
            if best.as_ref().is_none_or(|b| i - start > b.len()) {
                best = Some(start..i);
            }
            start = i;
        }
    }
    best
}

/// For each column `x`, whether it equals column `x − 1` in every row
/// (column 0: false).
fn identical_columns(data: &[u8], w: usize, h: usize) -> Vec<bool> {
    let mut same = vec![w > 0; w];
    if let Some(first) = same.first_mut() {
        *first = false;
    }
    for row in data.chunks_exact(w.max(1)).take(h) {
        for (s, pair) in same[1..].iter_mut().zip(row.windows(2)) {
            *s &= pair[0] == pair[1];
        }
    }
    same
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mask(w: usize, h: usize, f: impl Fn(usize, usize) -> u8) -> Coverage {
        let data = (0..w * h).map(|i| f(i % w, i / w)).collect();
        Coverage {
            x: 3,
            y: -2,
            width: w as u32,
            height: h as u32,
            data,
        }
    }

    #[test]
    fn runs_are_found_along_both_axes() {
        // Solid between columns 5..=35 and rows 12..=18, ramps outside.
        let m = mask(40, 30, |x, y| {
            let dx = x.abs_diff(20).saturating_sub(15);
            let dy = y.abs_diff(15).saturating_sub(3);
            (255 - 10 * dx - 10 * dy) as u8
        });
        let cut = Cut::plan(&m, 3).unwrap();
        // Columns 5..=35 are identical (31 of them): 7 kept, 24 removed.
        assert_eq!(
            cut.columns,
            Some(Span {
                start: 12,
                removed: 24
            })
        );
        assert_eq!(cut.rows, None, "a run of 7 rows is too short for reach 3");
        let small = cut.shrink(&m);
        assert_eq!((small.width, small.height), (16, 30));
    }

    #[test]
    fn stretching_undoes_shrinking_on_an_unblurred_mask() {
        // With reach 0, the blur is the identity: stretch(shrink(m)) = m.
        let m = mask(50, 40, |x, y| {
            if (10..45).contains(&x) && y > 5 {
                200
            } else {
                0
            }
        });
        let cut = Cut::plan(&m, 0).unwrap();
        assert!(cut.rows.is_some() && cut.columns.is_some());
        let back = cut.stretch(cut.shrink(&m));
        assert_eq!(back, m);
    }

    #[test]
    fn masks_without_runs_are_not_cut() {
        let m = mask(30, 30, |x, y| ((x * 7 + y * 13) % 251) as u8);
        assert_eq!(Cut::plan(&m, 2), None);
    }
}
