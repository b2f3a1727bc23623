//! Whether a path is convex, judged as Skia judges it before choosing its
//! convex walker: one contour whose steps (control points included) turn
//! the same way everywhere, going straight back at most twice, and whose
//! x and y change between negative and not at most three times each.

use tiny_skia::{Path, PathSegment, Point};

/// Steps shorter than this along an axis count as not moving along it.
const NEARLY_ZERO: f32 = 1.0 / 4096.0;

/// Largest |cross| / (|a| |b|) of two steps still counted as straight.
const NEARLY_STRAIGHT: f32 = 1e-4;

/// `forgive_noise`: treat nearly flat steps and nearly straight joins as
/// exactly so (for paths whose arcs Skia holds as conics with exact
/// points, where ours are quadratics carrying float noise).
pub(super) fn is_convex(path: &Path, forgive_noise: bool) -> bool {
    let (flat, straight) = if forgive_noise {
        (NEARLY_ZERO, NEARLY_STRAIGHT)
    } else {
        (0.0, 0.0)
    };
    let mut points: Vec<Point> = Vec::new();
    let mut contours = 0;
    let mut pending_move = false;
    for seg in path.segments() {
        match seg {
            PathSegment::MoveTo(p) => {
                pending_move = true;
                if contours == 0 {
                    points.clear();
                    points.push(p);
                }
            }
            PathSegment::LineTo(p) => {
                open(&mut contours, &mut pending_move);
                points.push(p);
            }
            PathSegment::QuadTo(c, p) => {
                open(&mut contours, &mut pending_move);
                points.extend([c, p]);
            }
            PathSegment::CubicTo(c1, c2, p) => {
                open(&mut contours, &mut pending_move);
                points.extend([c1, c2, p]);
            }
            PathSegment::Close => {}
        }
        if contours > 1 {
            return false;
        }
    }
    points.dedup();
    if points.len() < 3 {
        return true;
    }
    let n = points.len();
    let steps: Vec<(f32, f32)> = (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            (b.x - a.x, b.y - a.y)
        })
        .filter(|v| *v != (0.0, 0.0))
        .collect();

    // Quick test on the signs of the steps.
    let (mut x_runs, mut y_runs) = (0, 0);
    let (mut last_sx, mut last_sy) = (None, None);
    for &(vx, vy) in &steps {
        let (sx, sy) = (Some(vx < -flat), Some(vy < -flat));
        x_runs += i32::from(sx != last_sx);
        y_runs += i32::from(sy != last_sy);
        if x_runs > 3 || y_runs > 3 {
            return false;
        }
        (last_sx, last_sy) = (sx, sy);
    }

    // Every turn the same way; going straight back is allowed twice.
    let Some(&first) = steps.first() else {
        return true;
    };
    let mut last = first;
    let mut expected = 0.0f32;
    let mut reversals = 0;
    for &v in steps.iter().skip(1).chain(std::iter::once(&first)) {
        let cross = last.0 * v.1 - last.1 * v.0;
        if !cross.is_finite() {
            return false;
        }
        let scale = last.0.hypot(last.1) * v.0.hypot(v.1);
        if cross.abs() <= scale * straight {
            if last.0 * v.0 + last.1 * v.1 < 0.0 {
                reversals += 1;
                if reversals >= 3 {
                    return false;
                }
                last = v;
            }
            continue;
        }
        if expected != 0.0 && cross.signum() != expected.signum() {
            return false;
        }
        expected = cross;
        last = v;
    }
    true
}

/// Counts a contour when the first segment after a move arrives.
fn open(contours: &mut i32, pending_move: &mut bool) {
    if *pending_move {
        *contours += 1;
        *pending_move = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_skia::PathBuilder;

    #[test]
    fn circles_and_triangles_are_convex() {
        // tiny-skia's circle: quadratics whose joins carry float noise.
        let circle = PathBuilder::from_circle(50.0, 50.0, 20.0).unwrap();
        assert!(is_convex(&circle, true));
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0);
        pb.line_to(10.0, 0.0);
        pb.line_to(5.0, 8.0);
        pb.close();
        assert!(is_convex(&pb.finish().unwrap(), false));
    }

    #[test]
    fn darts_rings_and_reversals_are_not() {
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0);
        pb.line_to(10.0, 0.0);
        pb.line_to(5.0, 3.0);
        pb.line_to(5.0, 8.0);
        pb.close();
        assert!(!is_convex(&pb.finish().unwrap(), false));
        let mut ring = PathBuilder::new();
        ring.push_circle(50.0, 50.0, 20.0);
        ring.push_circle(50.0, 50.0, 10.0);
        assert!(!is_convex(&ring.finish().unwrap(), true));
        // The outline of a line stroked out and back over itself.
        let mut back = PathBuilder::new();
        back.move_to(180.0, 116.0);
        for (x, y) in [
            (240.0, 116.0),
            (240.0, 124.0),
            (200.0, 124.0),
            (200.0, 116.0),
            (240.0, 116.0),
            (244.0, 120.0),
            (240.0, 124.0),
            (180.0, 124.0),
        ] {
            back.line_to(x, y);
        }
        back.close();
        assert!(!is_convex(&back.finish().unwrap(), false));
    }
}
