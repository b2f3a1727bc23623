//! Glyph outlines in font units (y up): built from skrifa's path calls,
//! emboldened for synthetic bold, and placed into tiny-skia paths.

use tiny_skia::PathBuilder;

/// A segment's kind: how many points after the current one it uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    Line,
    Quad,
    Cubic,
}

impl Verb {
    fn points(self) -> usize {
        match self {
            Verb::Line => 1,
            Verb::Quad => 2,
            Verb::Cubic => 3,
        }
    }
}

/// A closed contour: a start point, then segments.
#[derive(Debug, Clone, Default, PartialEq)]
struct Contour {
    points: Vec<[f32; 2]>,
    verbs: Vec<Verb>,
}

/// A glyph outline.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Outline {
    contours: Vec<Contour>,
    open: Option<Contour>,
}

/// A 2×3 affine map applied to outline points: `(x, y) ↦ (a·x + c·y + e,
/// b·x + d·y + f)`.
pub(crate) type Map = [f64; 6];

impl Outline {
    pub(crate) fn move_to(&mut self, x: f32, y: f32) {
        self.close();
        self.open = Some(Contour {
            points: vec![[x, y]],
            verbs: Vec::new(),
        });
    }

    fn push(&mut self, verb: Verb, pts: &[[f32; 2]]) {
        let c = self.open.get_or_insert_with(|| Contour {
            points: vec![[0.0, 0.0]],
            verbs: Vec::new(),
        });
        c.verbs.push(verb);
        c.points.extend_from_slice(pts);
    }

    pub(crate) fn line_to(&mut self, x: f32, y: f32) {
        self.push(Verb::Line, &[[x, y]]);
    }

    pub(crate) fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        self.push(Verb::Quad, &[[cx, cy], [x, y]]);
    }

    pub(crate) fn curve_to(&mut self, c0x: f32, c0y: f32, c1x: f32, c1y: f32, x: f32, y: f32) {
        self.push(Verb::Cubic, &[[c0x, c0y], [c1x, c1y], [x, y]]);
    }

    pub(crate) fn close(&mut self) {
        if let Some(c) = self.open.take()
            && !c.verbs.is_empty()
        {
            self.contours.push(c);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.contours.is_empty()
    }

    /// Appends the outline to `pb`, each point mapped through `m`.
    pub(crate) fn append(&self, pb: &mut PathBuilder, m: &Map) {
        let map = |p: [f32; 2]| {
            let (x, y) = (f64::from(p[0]), f64::from(p[1]));
            (
                (m[0] * x + m[2] * y + m[4]) as f32,
                (m[1] * x + m[3] * y + m[5]) as f32,
            )
        };
        for c in &self.contours {
            let (x, y) = map(c.points[0]);
            pb.move_to(x, y);
            let mut i = 1;
            for v in &c.verbs {
                match v {
                    Verb::Line => {
                        let (x, y) = map(c.points[i]);
                        pb.line_to(x, y);
                    }
                    Verb::Quad => {
                        let (cx, cy) = map(c.points[i]);
                        let (x, y) = map(c.points[i + 1]);
                        pb.quad_to(cx, cy, x, y);
                    }
                    Verb::Cubic => {
                        let (ax, ay) = map(c.points[i]);
                        let (bx, by) = map(c.points[i + 1]);
                        let (x, y) = map(c.points[i + 2]);
                        pb.cubic_to(ax, ay, bx, by, x, y);
                    }
                }
                i += v.points();
            }
            pb.close();
        }
    }

    /// The bounds of every point (on and off the curve) mapped through
    /// `m`, as FreeType's control box: `[x0, y0, x1, y1]`.
    pub(crate) fn control_box(&self, m: &Map) -> Option<[f64; 4]> {
        let mut b: Option<[f64; 4]> = None;
        for p in self.contours.iter().flat_map(|c| &c.points) {
            let (x, y) = (f64::from(p[0]), f64::from(p[1]));
            let (mx, my) = (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
            b = Some(match b {
                None => [mx, my, mx, my],
                Some([x0, y0, x1, y1]) => [x0.min(mx), y0.min(my), x1.max(mx), y1.max(my)],
            });
        }
        b
    }

    /// Slants the outline: x moves right by `k` times the height (y up).
    pub(crate) fn skew(&mut self, k: f32) {
        for p in self.contours.iter_mut().flat_map(|c| c.points.iter_mut()) {
            p[0] += k * p[1];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(clockwise: bool) -> Outline {
        let mut o = Outline::default();
        o.move_to(0.0, 0.0);
        if clockwise {
            o.line_to(0.0, 10.0);
            o.line_to(10.0, 10.0);
            o.line_to(10.0, 0.0);
        } else {
            o.line_to(10.0, 0.0);
            o.line_to(10.0, 10.0);
            o.line_to(0.0, 10.0);
        }
        o.close();
        o
    }

    #[test]
    fn control_box_maps_points() {
        let o = square(true);
        let b = o.control_box(&[2.0, 0.0, 0.0, -2.0, 5.0, 5.0]).unwrap();
        assert_eq!(b, [5.0, -15.0, 25.0, 5.0]);
    }
}
