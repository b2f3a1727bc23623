//! The outline tiny-skia's stroker (and dasher) makes of a path, made
//! under the running step's budget: a path of many subpaths (a million
//! dashes, thousands of `moveTo`s) is stroked a batch of whole subpaths at
//! a time, each batch's outline charged as it is made and the deadline
//! checked between batches, so one `stroke()` can neither outgrow the
//! run's memory limit nor outlast its time limit by more than one batch.
//! Subpaths are stroked independently, so the outline is the same as one
//! made whole.
//!
//! A pen far wider than the path and the area drawn into is narrowed first
//! ([`within_reach`]): tiny-skia's stroker subdivides offset curves by the
//! pen's width, and `lineWidth = 1e9` on a few arcs made gigabytes of
//! outline in one uninterruptible call.

use tiny_skia::{Path, PathBuilder, PathSegment, PathStroker, Rect, Transform};

use crate::budget::{CHECK_EVERY, Charge, expired};

/// Bytes an outline is charged per point: an 8-byte point and a 1-byte
/// verb, doubled for the slack of growing vectors.
const BYTES_PER_POINT: u64 = 18;

/// What a path of `path`'s size holds in memory, as charged.
fn charged_bytes(path: &Path) -> u64 {
    path.points().len() as u64 * BYTES_PER_POINT
}

/// The outline of `path` stroked with `stroke` (dashes applied), in the
/// path's own space, at the precision the device transform needs, with
/// the charge that stands for it (keep it while the outline lives).
/// `None` when there is nothing to draw, or when the step's deadline
/// passed or its memory was refused on the way (the budget notes which).
/// `reach` is the device area whose pixels matter, when known: a pen
/// wider than it needs is narrowed to what covers the same pixels there.
pub(crate) fn stroke_outline(
    path: &Path,
    stroke: &tiny_skia::Stroke,
    ts: Transform,
    reach: Option<Rect>,
) -> Option<(Path, Charge)> {
    let narrowed = reach.and_then(|reach| within_reach(path, stroke, ts, reach));
    let stroke = narrowed.as_ref().unwrap_or(stroke);
    let res_scale = PathStroker::compute_resolution_scale(&ts);
    let mut charge = Charge::none();
    let dashed;
    let source = match &stroke.dash {
        Some(dash) => {
            // tiny-skia gives up past a million dashes, so this is bounded.
            dashed = path.dash(dash, res_scale)?;
            if !charge.grow(charged_bytes(&dashed)) {
                return None;
            }
            &dashed
        }
        None => path,
    };
    let mut stroker = PathStroker::new();
    if source.verbs().len() <= CHECK_EVERY {
        let outline = stroker.stroke(source, stroke, res_scale)?;
        return charge
            .grow(charged_bytes(&outline))
            .then_some((outline, charge));
    }
    let mut out = PathBuilder::new();
    for batch in Batches::new(source) {
        if expired() {
            return None;
        }
        let Some(piece) = stroker.stroke(&batch, stroke, res_scale) else {
            continue;
        };
        if !charge.grow(charged_bytes(&piece)) {
            return None;
        }
        out.push_path(&piece);
    }
    Some((out.finish()?, charge))
}

/// `stroke` with a narrower pen that covers the same pixels of `reach`
/// (device space), or `None` when the pen is not wider than that needs.
///
/// Every point of `reach` lies within `far` (the diagonal of the box around
/// the path's device bounds and `reach`) of every point of the path, and a
/// pen of user width `w` reaches at least `w × s / 2` device pixels from
/// the path, `s` the transform's smallest scale. Once that exceeds `far`,
/// each piece of the stroke — the band along a segment, a round or square
/// cap, a round join, a miter's wedge — covers the same points of `reach`
/// whatever the width, so twice that width draws the same pixels there.
/// Only the cut edge of a bevel (or of a miter past its limit) at a sharp
/// corner moves with the width.
fn within_reach(
    path: &Path,
    stroke: &tiny_skia::Stroke,
    ts: Transform,
    reach: Rect,
) -> Option<tiny_skia::Stroke> {
    let b = path.bounds().transform(ts)?;
    // Not `Rect::join`: it drops a flat box, and a straight line's is flat.
    let (l, t) = (b.left().min(reach.left()), b.top().min(reach.top()));
    let (r, bt) = (b.right().max(reach.right()), b.bottom().max(reach.bottom()));
    let far = f64::from(r - l).hypot(f64::from(bt - t));
    let [a, bb, c, d] = [ts.sx, ts.ky, ts.kx, ts.sy].map(f64::from);
    // |det| / Frobenius norm is at most the smallest singular value.
    let smallest = (a * d - bb * c).abs() / (a * a + bb * bb + c * c + d * d).sqrt();
    let enough = 4.0 * far / smallest;
    if !(enough.is_finite() && far.is_finite()) || f64::from(stroke.width) <= enough {
        return None;
    }
    Some(tiny_skia::Stroke {
        width: enough as f32,
        ..stroke.clone()
    })
}

/// `path` cut into paths of whole subpaths, each of about
/// [`CHECK_EVERY`] segments (one subpath longer than that is one batch).
struct Batches<'a> {
    segments: tiny_skia::PathSegmentsIter<'a>,
    /// The move that starts the next batch, read while ending the last.
    pending: Option<tiny_skia::Point>,
}

impl<'a> Batches<'a> {
    fn new(path: &'a Path) -> Self {
        Batches {
            segments: path.segments(),
            pending: None,
        }
    }
}

impl Iterator for Batches<'_> {
    type Item = Path;

    fn next(&mut self) -> Option<Path> {
        loop {
            let mut b = PathBuilder::new();
            if let Some(p) = self.pending.take() {
                b.move_to(p.x, p.y);
            }
            for (count, segment) in self.segments.by_ref().enumerate() {
                match segment {
                    PathSegment::MoveTo(p) if count >= CHECK_EVERY => {
                        self.pending = Some(p);
                        break;
                    }
                    PathSegment::MoveTo(p) => b.move_to(p.x, p.y),
                    PathSegment::LineTo(p) => b.line_to(p.x, p.y),
                    PathSegment::QuadTo(c, p) => b.quad_to(c.x, c.y, p.x, p.y),
                    PathSegment::CubicTo(c1, c2, p) => b.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y),
                    PathSegment::Close => b.close(),
                }
            }
            // Without a move waiting, the segments are all read.
            let last = self.pending.is_none();
            match b.finish() {
                Some(path) => return Some(path),
                // A batch of lone moves draws nothing; go on unless done.
                None if last => return None,
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` separate short lines, one subpath each.
    fn many_lines(n: usize) -> Path {
        let mut b = PathBuilder::new();
        for i in 0..n {
            let y = i as f32 * 0.5;
            b.move_to(0.0, y);
            b.line_to(10.0 + (i % 7) as f32, y + 3.0);
        }
        b.finish().unwrap()
    }

    #[test]
    fn a_path_stroked_in_batches_has_the_outline_of_one_stroked_whole() {
        let path = many_lines(3 * CHECK_EVERY);
        let pen = tiny_skia::Stroke {
            width: 2.5,
            line_join: tiny_skia::LineJoin::Round,
            line_cap: tiny_skia::LineCap::Round,
            ..Default::default()
        };
        let whole = path.stroke(&pen, 1.0).unwrap();
        let (batched, _) = stroke_outline(&path, &pen, Transform::identity(), None).unwrap();
        assert_eq!(batched.verbs(), whole.verbs());
        assert_eq!(batched.points(), whole.points());
    }

    #[test]
    fn batches_hold_every_segment_once_and_in_order() {
        let lines = 2 * CHECK_EVERY + 5;
        let path = many_lines(lines);
        let batches: Vec<Path> = Batches::new(&path).collect();
        // Two segments (a move and a line) a line; a batch ends at the
        // first move after CHECK_EVERY segments.
        assert_eq!(batches.len(), (2 * lines).div_ceil(CHECK_EVERY));
        let mut joined = PathBuilder::new();
        for b in &batches {
            joined.push_path(b);
        }
        let joined = joined.finish().unwrap();
        assert_eq!(joined.verbs(), path.verbs());
        assert_eq!(joined.points(), path.points());
    }
}
