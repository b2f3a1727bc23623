//! The conic form of arcs, for filling them as Chromium does.
//!
//! Skia (so Chromium) records an arc as quarter-turn conic sections and,
//! when filling, cuts each conic into 2^k quadratic curves until they lie
//! within a quarter pixel of it. Filled round shapes therefore have that
//! slightly faceted outline, and matching Chromium's edge pixels needs the
//! same quadratics. A run records, for a range of a path's elements (the
//! accurate cubics of one arc), the conics those elements approximate.

use std::f64::consts::FRAC_PI_2;

use kurbo::{Affine, Point};

/// Distance (device px) within which quadratics must follow a conic.
const QUAD_TOLERANCE: f64 = 0.25;

/// Most halvings of one conic (32 quadratics).
const MAX_HALVINGS: u32 = 5;

/// A rational quadratic curve: p0 → p2 pulled towards p1 with weight w.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Conic {
    p0: Point,
    p1: Point,
    p2: Point,
    w: f64,
}

/// The conics of one arc and the elements `start..end` of the path that
/// hold its cubics.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ArcRun {
    pub(super) start: usize,
    pub(super) end: usize,
    conics: Vec<Conic>,
}

impl ArcRun {
    /// The unit-circle arc from `start` sweeping `sweep` radians: one conic
    /// per full quarter turn from the start angle, then one for the rest.
    pub(super) fn unit_arc(first: usize, end: usize, start: f64, sweep: f64) -> ArcRun {
        let mut conics = Vec::new();
        let step = FRAC_PI_2.copysign(sweep);
        let mut a0 = start;
        let mut left = sweep.abs();
        // A remainder below this is rounding, not an arc piece.
        while left > 1e-9 {
            let span = left.min(FRAC_PI_2) * sweep.signum();
            let a1 = if left <= FRAC_PI_2 {
                start + sweep
            } else {
                a0 + step
            };
            let half = span / 2.0;
            let w = half.cos();
            let mid = a0 + half;
            conics.push(Conic {
                p0: Point::new(a0.cos(), a0.sin()),
                p1: Point::new(mid.cos() / w, mid.sin() / w),
                p2: Point::new(a1.cos(), a1.sin()),
                w,
            });
            left -= span.abs();
            a0 = a1;
        }
        ArcRun {
            start: first,
            end,
            conics,
        }
    }

    /// The unit-circle arc from `start` sweeping `sweep` radians as
    /// `pieces` conics of equal angle: Skia's form for SVG arcs (pieces of
    /// at most 120°) and for `arcTo` corners (one piece).
    pub(super) fn unit_arc_even(
        first: usize,
        end: usize,
        start: f64,
        sweep: f64,
        pieces: usize,
    ) -> ArcRun {
        let span = sweep / pieces as f64;
        let w = (span / 2.0).cos();
        let conics = (0..pieces)
            .map(|i| {
                let a0 = start + span * i as f64;
                let a1 = if i + 1 == pieces {
                    start + sweep
                } else {
                    a0 + span
                };
                let mid = a0 + span / 2.0;
                Conic {
                    p0: Point::new(a0.cos(), a0.sin()),
                    p1: Point::new(mid.cos() / w, mid.sin() / w),
                    p2: Point::new(a1.cos(), a1.sin()),
                    w,
                }
            })
            .collect();
        ArcRun {
            start: first,
            end,
            conics,
        }
    }

    /// The run with its conics mapped by `t` (conics map exactly under
    /// affine maps, the weight unchanged).
    pub(super) fn mapped(&self, t: &Affine) -> ArcRun {
        let conics = self
            .conics
            .iter()
            .map(|c| Conic {
                p0: *t * c.p0,
                p1: *t * c.p1,
                p2: *t * c.p2,
                w: c.w,
            })
            .collect();
        ArcRun {
            start: self.start,
            end: self.end,
            conics,
        }
    }

    /// The run moved `by` elements later.
    pub(super) fn offset(&self, by: usize) -> ArcRun {
        ArcRun {
            start: self.start + by,
            end: self.end + by,
            conics: self.conics.clone(),
        }
    }

    /// The quadratics (control point, end point) that replace the run's
    /// elements when filling.
    pub(super) fn quads(&self) -> Vec<(Point, Point)> {
        let mut out = Vec::new();
        for c in &self.conics {
            c.push_quads(c.halvings(), &mut out);
        }
        out
    }

    /// One cubic (two control points, end point) per conic, replacing the
    /// run's elements when stroking. Chromium strokes an arc exactly as it
    /// strokes these cubics: its stroker offsets a curve from its points
    /// and tangents at the ends and halfway, where a quarter-turn cubic and
    /// conic agree, so stroke outlines come out the same only when we
    /// offset curves cut at the same places.
    pub(super) fn cubics(&self) -> Vec<(Point, Point, Point)> {
        self.conics.iter().map(Conic::cubic).collect()
    }
}

impl Conic {
    /// How many times to halve the conic so each piece, read as a
    /// quadratic with the same control points, stays within the
    /// tolerance. The error bound of one such quadratic is
    /// |k·(p0 − 2p1 + p2)| with k = (w − 1) / (4(2 + (w − 1))), and each
    /// halving divides it by four.
    fn halvings(&self) -> u32 {
        let a = self.w - 1.0;
        let k = a / (4.0 * (2.0 + a));
        let dx = k * (self.p0.x - 2.0 * self.p1.x + self.p2.x);
        let dy = k * (self.p0.y - 2.0 * self.p1.y + self.p2.y);
        let mut error = dx.hypot(dy);
        let mut n = 0;
        while n < MAX_HALVINGS && error > QUAD_TOLERANCE {
            error *= 0.25;
            n += 1;
        }
        n
    }

    /// Splits at the parameter midpoint into two conics of equal weight.
    fn halve(&self) -> (Conic, Conic) {
        let scale = 1.0 / (1.0 + self.w);
        let w = (0.5 + self.w * 0.5).sqrt();
        let wp1 = self.p1.to_vec2() * self.w;
        let mid = ((self.p0.to_vec2() + wp1 * 2.0 + self.p2.to_vec2()) * (scale * 0.5)).to_point();
        let left = Conic {
            p0: self.p0,
            p1: ((self.p0.to_vec2() + wp1) * scale).to_point(),
            p2: mid,
            w,
        };
        let right = Conic {
            p0: mid,
            p1: ((wp1 + self.p2.to_vec2()) * scale).to_point(),
            p2: self.p2,
            w,
        };
        (left, right)
    }

    /// The cubic through the same ends with the same end tangents whose
    /// midpoint is the conic's: arms of 4w / (3(1 + w)) of the way to the
    /// control point (for a circular arc of angle θ, w = cos(θ/2) and this
    /// is the usual 4/3·tan(θ/4) arm).
    fn cubic(&self) -> (Point, Point, Point) {
        let k = 4.0 * self.w / (3.0 * (1.0 + self.w));
        (
            self.p0 + (self.p1 - self.p0) * k,
            self.p2 + (self.p1 - self.p2) * k,
            self.p2,
        )
    }

    fn push_quads(&self, halvings: u32, out: &mut Vec<(Point, Point)>) {
        if halvings == 0 {
            out.push((self.p1, self.p2));
            return;
        }
        let (l, r) = self.halve();
        l.push_quads(halvings - 1, out);
        r.push_quads(halvings - 1, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_turn_is_four_quarter_conics() {
        let run = ArcRun::unit_arc(0, 0, 0.0, std::f64::consts::TAU);
        assert_eq!(run.conics.len(), 4);
        let w = std::f64::consts::FRAC_1_SQRT_2;
        assert!(run.conics.iter().all(|c| (c.w - w).abs() < 1e-12));
        assert!((run.conics[0].p1 - Point::new(1.0, 1.0)).hypot() < 1e-12);
    }

    #[test]
    fn a_partial_arc_ends_with_a_shorter_conic() {
        let run = ArcRun::unit_arc(0, 0, 0.5, -2.0);
        assert_eq!(run.conics.len(), 2);
        let end = Point::new((0.5f64 - 2.0).cos(), (0.5f64 - 2.0).sin());
        assert!((run.conics[1].p2 - end).hypot() < 1e-12);
    }

    #[test]
    fn quads_stay_within_a_quarter_pixel_of_the_circle() {
        let r = 40.0;
        let run = ArcRun::unit_arc(0, 0, 0.0, std::f64::consts::TAU).mapped(&Affine::scale(r));
        let quads = run.quads();
        assert_eq!(
            quads.len(),
            16,
            "radius 40 needs four quadratics per quarter"
        );
        let mut from = Point::new(r, 0.0);
        for (c, to) in quads {
            for i in 0..=8 {
                let t = i as f64 / 8.0;
                let mt = 1.0 - t;
                let p = (from.to_vec2() * (mt * mt)
                    + c.to_vec2() * (2.0 * mt * t)
                    + to.to_vec2() * (t * t))
                    .to_point();
                assert!((p.to_vec2().hypot() - r).abs() <= 0.25, "{p:?}");
            }
            from = to;
        }
    }

    #[test]
    fn quarter_cubics_have_the_standard_arms() {
        let run = ArcRun::unit_arc(0, 0, 0.0, std::f64::consts::TAU);
        let cubics = run.cubics();
        assert_eq!(cubics.len(), 4);
        let arm = 4.0 / 3.0 * (std::f64::consts::PI / 8.0).tan();
        assert!((cubics[0].0 - Point::new(1.0, arm)).hypot() < 1e-12);
        assert!((cubics[0].1 - Point::new(arm, 1.0)).hypot() < 1e-12);
        assert!((cubics[0].2 - Point::new(0.0, 1.0)).hypot() < 1e-12);
    }

    #[test]
    fn small_circles_need_few_quads() {
        let run = ArcRun::unit_arc(0, 0, 0.0, std::f64::consts::TAU).mapped(&Affine::scale(2.0));
        assert_eq!(run.quads().len(), 4);
    }
}
