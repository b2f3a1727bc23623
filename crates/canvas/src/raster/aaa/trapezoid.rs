//! Coverage of one pixel row's strip between a left and a right edge:
//! the trapezoid (ul..ur at the strip's top, ll..lr at its bottom) cut
//! into pixels with Skia's 8-bit approximations of the areas (triangle
//! corners from the edges' inverse slopes, truncating shifts).

use super::fixed::{
    Fixed, MAX, ONE, ceil_to_fixed, ceil_to_int, floor_to_fixed, floor_to_int, from_int, mul,
    scale_alpha,
};
use super::sink::Sink;

/// Area of a one-pixel-wide trapezoid with parallel sides l1, l2.
fn trapezoid_alpha(l1: Fixed, l2: Fixed) -> u8 {
    let area = (l1 + l2) / 2;
    (area >> 8) as u8
}

/// Area of the corner triangle of width `a` under an edge of inverse
/// slope `b` (a ≤ 1 px).
fn triangle_alpha(a: Fixed, b: Fixed) -> u8 {
    let area = (a >> 11) * (a >> 11) * (b >> 11);
    ((area >> 8) & 0xFF) as u8
}

/// Coverage of the pixels above an edge crossing the row from l to r
/// (l within the first pixel), into `alphas[0..ceil(r)]`.
fn alpha_above_line(alphas: &mut [u8], l: Fixed, r: Fixed, dy: Fixed, full: u8) {
    let count = ceil_to_int(r);
    if count == 0 {
        return;
    }
    if count == 1 {
        let a = ((count << 17) - l - r) >> 9;
        alphas[0] = scale_alpha(a as u8, full);
        return;
    }
    let first = ONE - l;
    let last = r - ((count - 1) << 16);
    let first_h = mul(first, dy);
    alphas[0] = (mul(first, first_h) >> 9) as u8;
    let mut alpha16 = first_h.saturating_add(dy >> 1);
    for a in alphas.iter_mut().take(count as usize - 1).skip(1) {
        *a = (alpha16 >> 8) as u8;
        alpha16 = alpha16.saturating_add(dy);
    }
    alphas[count as usize - 1] = full.wrapping_sub(triangle_alpha(last, dy));
}

/// Coverage of the pixels below an edge crossing the row from l to r.
fn alpha_below_line(alphas: &mut [u8], l: Fixed, r: Fixed, dy: Fixed, full: u8) {
    let count = ceil_to_int(r);
    if count == 0 {
        return;
    }
    if count == 1 {
        alphas[0] = scale_alpha(trapezoid_alpha(l, r), full);
        return;
    }
    let first = ONE - l;
    let last = r - ((count - 1) << 16);
    let last_h = mul(last, dy);
    alphas[count as usize - 1] = (mul(last, last_h) >> 9) as u8;
    let mut alpha16 = last_h.saturating_add(dy >> 1);
    for i in (1..count as usize - 1).rev() {
        alphas[i] = ((alpha16 >> 8) & 0xFF) as u8;
        alpha16 = alpha16.saturating_add(dy);
    }
    alphas[0] = full.wrapping_sub(triangle_alpha(first, dy));
}

/// Where a strip's coverage goes: whole-row strips may be written
/// directly unless edges crowd each other.
#[derive(Clone, Copy)]
pub(super) struct Strip {
    pub(super) y: i32,
    pub(super) full: u8,
    /// Never write directly (crowded edges or forced accumulation).
    pub(super) accumulate: bool,
}

impl Strip {
    fn direct(&self) -> bool {
        self.full == 0xFF && !self.accumulate
    }
}

fn single(sink: &mut Sink, s: Strip, x: i32, alpha: u8) {
    if s.direct() {
        sink.put(x, s.y, alpha);
    } else {
        sink.add(x, s.y, scale_alpha(alpha, s.full));
    }
}

fn two(sink: &mut Sink, s: Strip, x: i32, a1: u8, a2: u8) {
    if !sink.is_mask() && s.direct() {
        sink.put(x, s.y, a1);
        sink.put(x + 1, s.y, a2);
    } else {
        sink.add(x, s.y, a1);
        sink.add(x + 1, s.y, a2);
    }
}

fn full_span(sink: &mut Sink, s: Strip, x: i32, len: i32) {
    if !sink.is_mask() && s.direct() {
        sink.put_span(x, s.y, len, 0xFF);
    } else {
        sink.add_span(x, s.y, len, s.full);
    }
}

/// A strip whose edges both cross several pixels.
#[allow(
    clippy::too_many_arguments,
    reason = "the trapezoid's four corners and two slopes"
)]
fn general(
    sink: &mut Sink,
    s: Strip,
    ul: Fixed,
    ur: Fixed,
    ll: Fixed,
    lr: Fixed,
    l_dy: Fixed,
    r_dy: Fixed,
) {
    let left = floor_to_int(ul);
    let len = ceil_to_int(lr) - left;
    if len <= 0 {
        return;
    }
    if len == 1 {
        single(sink, s, left, trapezoid_alpha(ur - ul, lr - ll));
        return;
    }
    let n = len as usize;
    // Most strips are short: keep their two rows of alphas on the stack
    // (this runs for every edge pixel row).
    const QUICK: usize = 64;
    let mut quick = [0u8; 2 * QUICK + 1];
    let mut heap = Vec::new();
    let buf: &mut [u8] = if n < QUICK {
        &mut quick[..2 * n + 1]
    } else {
        heap.resize(2 * n + 1, 0);
        &mut heap
    };
    let (alphas, temp) = buf.split_at_mut(n);
    alphas.fill(s.full);

    let ul_px = floor_to_int(ul);
    let ll_px = ceil_to_int(ll);
    if ul_px + 2 == ll_px {
        let first = from_int(ul_px) + ONE - ul;
        let second = ll - ul - first;
        let a1 = s.full.wrapping_sub(triangle_alpha(first, l_dy));
        let a2 = triangle_alpha(second, l_dy);
        alphas[0] = alphas[0].saturating_sub(a1);
        alphas[1] = alphas[1].saturating_sub(a2);
    } else {
        let off = (ul_px - left) as usize;
        alpha_below_line(
            &mut temp[off..],
            ul - from_int(ul_px),
            ll - from_int(ul_px),
            l_dy,
            s.full,
        );
        for i in ul_px..ll_px {
            let k = (i - left) as usize;
            if k < n {
                alphas[k] = alphas[k].saturating_sub(temp[k]);
            }
        }
    }

    let ur_px = floor_to_int(ur);
    let lr_px = ceil_to_int(lr);
    if ur_px + 2 == lr_px {
        let first = from_int(ur_px) + ONE - ur;
        let second = lr - ur - first;
        let a1 = triangle_alpha(first, r_dy);
        let a2 = s.full.wrapping_sub(triangle_alpha(second, r_dy));
        alphas[n - 2] = alphas[n - 2].saturating_sub(a1);
        alphas[n - 1] = alphas[n - 1].saturating_sub(a2);
    } else {
        temp.fill(0);
        let off = (ur_px - left) as usize;
        if off < temp.len() {
            alpha_above_line(
                &mut temp[off..],
                ur - from_int(ur_px),
                lr - from_int(ur_px),
                r_dy,
                s.full,
            );
        }
        for i in ur_px..lr_px {
            let k = (i - left) as usize;
            if k < n {
                alphas[k] = alphas[k].saturating_sub(temp[k]);
            }
        }
    }

    let direct = !sink.is_mask() && s.direct();
    for (i, &a) in alphas.iter().enumerate() {
        if direct {
            sink.put(left + i as i32, s.y, a);
        } else {
            sink.add(left + i as i32, s.y, a);
        }
    }
}

/// Covers row `s.y` between the left edge (ul at the strip's top, ll at
/// its bottom; inverse slope l_dy) and the right edge (ur, lr; r_dy).
#[allow(
    clippy::too_many_arguments,
    reason = "the trapezoid's four corners and two slopes"
)]
pub(super) fn blit_row(
    sink: &mut Sink,
    s: Strip,
    mut ul: Fixed,
    mut ur: Fixed,
    mut ll: Fixed,
    mut lr: Fixed,
    l_dy: Fixed,
    r_dy: Fixed,
) {
    if ul > ur {
        return;
    }
    if ll > lr {
        // The edges cross inside the strip: meet at about where.
        let (a0, a1) = if ul > ll { (ll, ul) } else { (ul, ll) };
        let (b0, b1) = if ur > lr { (lr, ur) } else { (ur, lr) };
        let meet = ((a0.max(b0) as i64 + a1.min(b1) as i64) / 2) as Fixed;
        ll = meet;
        lr = meet;
    }
    if ul == ur && ll == lr {
        return;
    }
    if ul > ll {
        std::mem::swap(&mut ul, &mut ll);
    }
    if ur > lr {
        std::mem::swap(&mut ur, &mut lr);
    }
    let join_left = ceil_to_fixed(ll);
    let join_right = floor_to_fixed(ur);
    if join_left <= join_right {
        // Partial pixels at each side, full pixels between.
        if ul < join_left {
            let len = ceil_to_int(join_left - ul);
            if len == 1 {
                single(
                    sink,
                    s,
                    ul >> 16,
                    trapezoid_alpha(join_left - ul, join_left - ll),
                );
            } else if len == 2 {
                let first = join_left - ONE - ul;
                let second = ll - ul - first;
                let a1 = triangle_alpha(first, l_dy);
                let a2 = s.full.wrapping_sub(triangle_alpha(second, l_dy));
                two(sink, s, ul >> 16, a1, a2);
            } else {
                general(sink, s, ul, join_left, ll, join_left, l_dy, MAX);
            }
        }
        if join_left < join_right {
            full_span(
                sink,
                s,
                floor_to_int(join_left),
                floor_to_int(join_right - join_left),
            );
        }
        if lr > join_right {
            let len = ceil_to_int(lr - join_right);
            if len == 1 {
                single(
                    sink,
                    s,
                    join_right >> 16,
                    trapezoid_alpha(ur - join_right, lr - join_right),
                );
            } else if len == 2 {
                let first = join_right + ONE - ur;
                let second = lr - ur - first;
                let a1 = s.full.wrapping_sub(triangle_alpha(first, r_dy));
                let a2 = triangle_alpha(second, r_dy);
                two(sink, s, join_right >> 16, a1, a2);
            } else {
                general(sink, s, join_right, ur, join_right, lr, MAX, r_dy);
            }
        }
    } else {
        general(sink, s, ul, ur, ll, lr, l_dy, r_dy);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raster::aaa::sink::{Mode, Sink};

    fn row(ul: f64, ur: f64, ll: f64, lr: f64) -> Vec<u8> {
        let f = |v: f64| (v * 65536.0) as Fixed;
        let mut sink = Sink::new(Mode::Mask, 0, 0, 8, 1);
        let s = Strip {
            y: 0,
            full: 0xFF,
            accumulate: false,
        };
        let dy = |a: f64, b: f64| if a == b { MAX } else { f(1.0 / (b - a).abs()) };
        blit_row(
            &mut sink,
            s,
            f(ul),
            f(ur),
            f(ll),
            f(lr),
            dy(ul, ll),
            dy(ur, lr),
        );
        sink.finish()
    }

    #[test]
    fn vertical_edges_cover_by_width() {
        assert_eq!(row(1.5, 4.0, 1.5, 4.0), vec![0, 128, 255, 255, 0, 0, 0, 0]);
    }

    #[test]
    fn slanted_edges_cover_about_their_area() {
        let cov = row(1.0, 5.0, 3.0, 5.0);
        // The left edge runs from x=1 to x=3 across the row: right of it,
        // pixel 1 is a quarter covered, pixel 2 three quarters.
        assert!((cov[1] as i32 - 64).abs() <= 2, "{cov:?}");
        assert!((cov[2] as i32 - 191).abs() <= 2, "{cov:?}");
        assert_eq!(&cov[3..5], &[255, 255]);
    }
}
