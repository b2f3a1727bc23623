//! 16.16 fixed-point and 26.6 ("dot6") arithmetic as Skia's rasterizer
//! does it. Skia computes edge positions and coverage with these integer
//! types; their truncations are part of the pixels Chromium produces, so
//! the walker uses them rather than floats.

/// A 16.16 fixed-point number.
pub(super) type Fixed = i32;
/// A 26.6 fixed-point number.
pub(super) type Dot6 = i32;

/// 1.0 in [`Fixed`].
pub(super) const ONE: Fixed = 1 << 16;
/// Stand-in for "infinite" slopes and sentinel edges.
pub(super) const MAX: Fixed = i32::MAX;
/// The left sentinel's position.
pub(super) const MIN: Fixed = i32::MIN;

/// Edge ends sit on a 1/4-pixel grid vertically (2 bits of accuracy).
pub(super) const ACCURACY: i32 = 2;

pub(super) fn mul(a: Fixed, b: Fixed) -> Fixed {
    ((a as i64 * b as i64) >> 16) as i32
}

pub(super) fn floor_to_int(x: Fixed) -> i32 {
    x >> 16
}

pub(super) fn ceil_to_int(x: Fixed) -> i32 {
    x.wrapping_add(0xFFFF) >> 16
}

pub(super) fn round_to_int(x: Fixed) -> i32 {
    x.wrapping_add(0x8000) >> 16
}

pub(super) fn floor_to_fixed(x: Fixed) -> Fixed {
    x & !0xFFFF
}

pub(super) fn ceil_to_fixed(x: Fixed) -> Fixed {
    x.wrapping_add(0xFFFF) & !0xFFFF
}

pub(super) fn round_to_fixed(x: Fixed) -> Fixed {
    x.wrapping_add(0x8000) & !0xFFFF
}

pub(super) fn from_int(i: i32) -> Fixed {
    i.wrapping_shl(16)
}

pub(super) fn to_dot6(x: Fixed) -> Dot6 {
    x >> 10
}

pub(super) fn dot6_to_fixed(x: Dot6) -> Fixed {
    x.wrapping_shl(10)
}

/// Rounds a dot6 value to the nearest integer.
pub(super) fn dot6_round(x: Dot6) -> i32 {
    (x + 32) >> 6
}

/// A float scaled to dot6, truncated toward zero (Skia's float build).
pub(super) fn scalar_to_dot6(v: f32) -> Dot6 {
    (v * 64.0) as i32
}

/// The nearest quarter row at or around `y` (ties go down the page).
pub(super) fn snap_y(y: Fixed) -> Fixed {
    let step = ONE >> ACCURACY;
    y.wrapping_add(step >> 1) & !(step - 1)
}

/// a / b for dot6 operands, as a fixed-point quotient (truncated).
pub(super) fn dot6_div(a: Dot6, b: Dot6) -> Fixed {
    if b == 0 {
        return if a >= 0 { MAX } else { MIN };
    }
    let q = ((a as i64) << 16) / b as i64;
    q.clamp(i32::MIN as i64, i32::MAX as i64) as i32
}

/// Largest dot6 divisor the inverse shortcut serves (16 px).
pub(super) const INVERSE_LIMIT: i32 = 1024;

/// 1/x in fixed point for a dot6 `x` with |x| ≤ 1024, truncated the way
/// Skia's precomputed inverse table is.
pub(super) fn quick_inverse(x: Dot6) -> Fixed {
    if x == 0 {
        return 0;
    }
    let magnitude = (1 << 22) / x.abs();
    if x > 0 { magnitude } else { -magnitude }
}

/// a / b through the inverse shortcut when b is neither tiny nor large
/// (the results differ from exact division in the last bits, as Skia's do).
pub(super) fn quick_div(a: Dot6, b: Dot6) -> Fixed {
    const MIN_BITS: i32 = 3;
    const MAX_ABS_A: i32 = 1 << (31 - (22 - MIN_BITS));
    let (abs_a, abs_b) = (a.wrapping_abs(), b.wrapping_abs());
    if ((1 << MIN_BITS)..INVERSE_LIMIT).contains(&abs_b) && abs_a < MAX_ABS_A {
        return ((a as i64 * quick_inverse(b) as i64) >> 6) as i32;
    }
    dot6_div(a, b)
}

/// `a * alpha` scaled back to 8 bits (alpha in 0..=255, partial in fixed).
pub(super) fn partial_alpha(alpha: u8, partial_height: Fixed) -> u8 {
    round_to_int((alpha as i32).wrapping_mul(partial_height)) as u8
}

/// Coverage `alpha` within a strip of coverage `full`.
pub(super) fn scale_alpha(alpha: u8, full: u8) -> u8 {
    ((alpha as u32 * full as u32) >> 8) as u8
}

/// A fixed fraction (≤ 1) as 8-bit coverage.
pub(super) fn fixed_to_alpha(f: Fixed) -> u8 {
    partial_alpha(0xFF, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_rows_snap_to_nearest() {
        assert_eq!(snap_y(ONE + 0x1FFF), ONE);
        assert_eq!(snap_y(ONE + 0x2000), ONE + 0x4000);
        assert_eq!(snap_y(-0x1000), 0);
    }

    #[test]
    fn quick_division_stays_within_a_part_in_64k_of_exact() {
        for b in [8, 9, 100, 333, 1023] {
            for a in [-4000, -7, 0, 5, 1000, 4095] {
                let exact = dot6_div(a, b);
                let quick = quick_div(a, b);
                assert!((exact - quick).abs() <= (exact.abs() >> 10) + 1, "{a}/{b}");
            }
        }
    }

    #[test]
    fn inverse_truncates() {
        assert_eq!(quick_inverse(64), ONE);
        assert_eq!(quick_inverse(3), 1398101);
        assert_eq!(quick_inverse(-3), -1398101);
    }
}
