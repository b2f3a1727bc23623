//! The curve arithmetic behind the edge clipper: splitting quadratics and
//! cubics at a t, cutting them into monotonic pieces, and finding the t
//! where a monotonic curve reaches a row or column. The float steps follow
//! Skia's so the cut points land on the same floats.

use tiny_skia::Point;

pub(super) fn pt(x: f32, y: f32) -> Point {
    Point::from_xy(x, y)
}

fn lerp(a: Point, b: Point, t: f32) -> Point {
    pt(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
}

/// `numer / denom` when it lies strictly inside (0, 1).
fn unit_divide(mut numer: f32, mut denom: f32) -> Option<f32> {
    if numer < 0.0 {
        numer = -numer;
        denom = -denom;
    }
    if denom == 0.0 || numer == 0.0 || numer >= denom {
        return None;
    }
    let r = numer / denom;
    (!r.is_nan() && r != 0.0).then_some(r)
}

/// The roots of a t² + b t + c inside (0, 1), ascending.
fn unit_quad_roots(a: f32, b: f32, c: f32) -> Vec<f32> {
    if a == 0.0 {
        return unit_divide(-c, b).into_iter().collect();
    }
    // The discriminant in double precision so it cannot overflow.
    let disc = b as f64 * b as f64 - 4.0 * a as f64 * c as f64;
    if disc < 0.0 {
        return Vec::new();
    }
    let r = disc.sqrt() as f32;
    if !r.is_finite() {
        return Vec::new();
    }
    // The numerically stable pair: q / a and c / q.
    let q = if b < 0.0 {
        -(b - r) / 2.0
    } else {
        -(b + r) / 2.0
    };
    let mut roots: Vec<f32> = [unit_divide(q, a), unit_divide(c, q)]
        .into_iter()
        .flatten()
        .collect();
    if roots.len() == 2 {
        if roots[0] > roots[1] {
            roots.swap(0, 1);
        } else if roots[0] == roots[1] {
            roots.pop();
        }
    }
    roots
}

/// The quadratic split at t: [p0, p01, mid, p12, p2].
pub(super) fn chop_quad(p: [Point; 3], t: f32) -> [Point; 5] {
    let p01 = lerp(p[0], p[1], t);
    let p12 = lerp(p[1], p[2], t);
    [p[0], p01, lerp(p01, p12, t), p12, p[2]]
}

/// The cubic split at t: [p0, ab, abc, mid, bcd, cd, p3].
fn chop_cubic(p: [Point; 4], t: f32) -> [Point; 7] {
    if t == 1.0 {
        return [p[0], p[1], p[2], p[3], p[3], p[3], p[3]];
    }
    let ab = lerp(p[0], p[1], t);
    let bc = lerp(p[1], p[2], t);
    let cd = lerp(p[2], p[3], t);
    let abc = lerp(ab, bc, t);
    let bcd = lerp(bc, cd, t);
    [p[0], ab, abc, lerp(abc, bcd, t), bcd, cd, p[3]]
}

/// The cubic split at t0 < t1 in one pass: three cubics sharing ends.
fn chop_cubic2(p: [Point; 4], t0: f32, t1: f32) -> [Point; 10] {
    if t1 == 1.0 {
        let a = chop_cubic(p, t0);
        return [a[0], a[1], a[2], a[3], a[4], a[5], a[6], p[3], p[3], p[3]];
    }
    let at = |t: f32| {
        let ab = lerp(p[0], p[1], t);
        let bc = lerp(p[1], p[2], t);
        let cd = lerp(p[2], p[3], t);
        let abc = lerp(ab, bc, t);
        let bcd = lerp(bc, cd, t);
        (ab, abc, bcd, cd, lerp(abc, bcd, t))
    };
    let (ab0, abc0, bcd0, _, mid0) = at(t0);
    let (_, abc1, bcd1, cd1, mid1) = at(t1);
    // The middle piece's inner control points are the blossoms
    // (t0, t0, t1) and (t0, t1, t1).
    [
        p[0],
        ab0,
        abc0,
        mid0,
        lerp(abc0, bcd0, t1),
        lerp(abc1, bcd1, t0),
        mid1,
        bcd1,
        cd1,
        p[3],
    ]
}

/// Reads or writes one axis of a point.
#[derive(Clone, Copy)]
pub(super) enum Axis {
    X,
    Y,
}

impl Axis {
    fn get(self, p: Point) -> f32 {
        match self {
            Axis::X => p.x,
            Axis::Y => p.y,
        }
    }

    fn set(self, p: &mut Point, v: f32) {
        match self {
            Axis::X => p.x = v,
            Axis::Y => p.y = v,
        }
    }
}

fn not_monotonic(a: f32, b: f32, c: f32) -> bool {
    let ab = a - b;
    let mut bc = b - c;
    if ab < 0.0 {
        bc = -bc;
    }
    ab == 0.0 || bc < 0.0
}

/// The quadratic cut at its extremum on `axis` into monotonic pieces,
/// the control points beside the cut flattened onto it.
pub(super) fn quad_monotonic(p: [Point; 3], axis: Axis) -> Vec<[Point; 3]> {
    let (a, mut b, c) = (axis.get(p[0]), axis.get(p[1]), axis.get(p[2]));
    if not_monotonic(a, b, c) {
        if let Some(t) = unit_divide(a - b, a - b - b + c) {
            let mut d = chop_quad(p, t);
            let v = axis.get(d[2]);
            axis.set(&mut d[1], v);
            axis.set(&mut d[3], v);
            return vec![[d[0], d[1], d[2]], [d[2], d[3], d[4]]];
        }
        // No usable split (underflow): force the control point monotonic.
        b = if (a - b).abs() < (b - c).abs() { a } else { c };
    }
    let mut q = p;
    axis.set(&mut q[1], b);
    vec![q]
}

/// The cubic cut at its extrema on `axis` into monotonic pieces.
pub(super) fn cubic_monotonic(p: [Point; 4], axis: Axis) -> Vec<[Point; 4]> {
    let (a, b, c, d) = (
        axis.get(p[0]),
        axis.get(p[1]),
        axis.get(p[2]),
        axis.get(p[3]),
    );
    let ts = unit_quad_roots(d - a + 3.0 * (b - c), 2.0 * (a - b - b + c), b - a);
    let flat = |pts: &mut [Point], at: usize| {
        let v = axis.get(pts[at]);
        axis.set(&mut pts[at - 1], v);
        axis.set(&mut pts[at + 1], v);
    };
    match ts[..] {
        [t] => {
            let mut d = chop_cubic(p, t);
            flat(&mut d, 3);
            vec![[d[0], d[1], d[2], d[3]], [d[3], d[4], d[5], d[6]]]
        }
        [t0, t1] => {
            let mut d = chop_cubic2(p, t0, t1);
            flat(&mut d, 3);
            flat(&mut d, 6);
            vec![
                [d[0], d[1], d[2], d[3]],
                [d[3], d[4], d[5], d[6]],
                [d[6], d[7], d[8], d[9]],
            ]
        }
        _ => vec![p],
    }
}

/// The t where a monotonic quadratic's `axis` reaches `target`.
pub(super) fn quad_t_at(p: &[Point; 3], axis: Axis, target: f32) -> Option<f32> {
    let (c0, c1, c2) = (axis.get(p[0]), axis.get(p[1]), axis.get(p[2]));
    unit_quad_roots(c0 - c1 - c1 + c2, 2.0 * (c1 - c0), c0 - target)
        .first()
        .copied()
}

/// The t where a monotonic cubic's `axis` reaches `target`, solved in
/// double precision; `None` when no root in [0, 1] is close enough.
fn cubic_t_at_exact(p: &[Point; 4], axis: Axis, target: f32) -> Option<f64> {
    let c: [f64; 4] = [0, 1, 2, 3].map(|i| axis.get(p[i]) as f64);
    let a = -c[0] + 3.0 * c[1] - 3.0 * c[2] + c[3];
    let b = 3.0 * c[0] - 6.0 * c[1] + 3.0 * c[2];
    let cc = -3.0 * c[0] + 3.0 * c[1];
    let d = c[0] - target as f64;
    let f = |t: f64| ((a * t + b) * t + cc) * t + d;
    let close = |v: f64| v.abs() < 0.00001;
    let (f0, f1) = (f(0.0), f(1.0));
    if !f0.is_finite() || !f1.is_finite() {
        return None;
    }
    if (f0 > 0.0) == (f1 > 0.0) && f0 != 0.0 && f1 != 0.0 {
        // No sign change: only an end that is (nearly) on the target.
        return if close(f0) {
            Some(0.0)
        } else if close(f1) {
            Some(1.0)
        } else {
            None
        };
    }
    // Bisection to the double-precision root (the piece is monotonic, so
    // the root in [0, 1] is unique).
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    let rising = f1 > f0;
    for _ in 0..80 {
        let mid = (lo + hi) / 2.0;
        if mid <= lo || mid >= hi {
            break;
        }
        let v = f(mid);
        if v == 0.0 {
            return Some(mid);
        }
        if (v < 0.0) == rising {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let t = (lo + hi) / 2.0;
    close(f(t)).then_some(t)
}

/// The cubic split at a double-precision t, in double, rounded to floats.
fn chop_cubic_exact(p: [Point; 4], t: f64) -> [Point; 7] {
    let d = p.map(|q| (q.x as f64, q.y as f64));
    let lerp = |a: (f64, f64), b: (f64, f64)| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
    let ab = lerp(d[0], d[1]);
    let bc = lerp(d[1], d[2]);
    let cd = lerp(d[2], d[3]);
    let abc = lerp(ab, bc);
    let bcd = lerp(bc, cd);
    let mid = lerp(abc, bcd);
    [d[0], ab, abc, mid, bcd, cd, d[3]].map(|(x, y)| pt(x as f32, y as f32))
}

/// A t near where a monotonic cubic's `axis` reaches `target`, by a
/// halving search in floats (the fallback when the exact solve fails).
fn cubic_closest_t(p: &[Point; 4], axis: Axis, target: f32) -> f32 {
    let c: [f32; 4] = [0, 1, 2, 3].map(|i| axis.get(p[i]));
    let d = c[0];
    let a = c[3] + 3.0 * (c[1] - c[2]) - d;
    let b = 3.0 * (c[2] - c[1] - c[1] + d);
    let cc = 3.0 * (c[1] - d);
    let x = target - d;
    let (mut t, mut step, mut best_t, mut closest) = (0.5f32, 0.25f32, 0.5f32, f32::MAX);
    loop {
        let loc = ((a * t + b) * t + cc) * t;
        let dist = (loc - x).abs();
        if closest > dist {
            closest = dist;
            best_t = t;
        }
        let last_t = t;
        t += if loc < x { step } else { -step };
        step *= 0.5;
        if closest <= 0.25 || last_t == t {
            return best_t;
        }
    }
}

pub(super) fn chop_cubic_at(p: [Point; 4], axis: Axis, target: f32) -> [Point; 7] {
    match cubic_t_at_exact(&p, axis, target) {
        Some(t) => chop_cubic_exact(p, t),
        None => chop_cubic(p, cubic_closest_t(&p, axis, target)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_quad_roots_come_ascending_inside_zero_one() {
        // (t - 0.25)(t - 0.75) = t² - t + 0.1875
        assert_eq!(unit_quad_roots(1.0, -1.0, 0.1875), vec![0.25, 0.75]);
        assert!(unit_quad_roots(1.0, 0.0, 1.0).is_empty());
        assert!(unit_quad_roots(f32::NAN, 1.0, 1.0).is_empty());
    }
}
