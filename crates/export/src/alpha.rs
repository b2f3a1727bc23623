//! Pixel arithmetic on premultiplied RGBA8: unpremultiply, composite, scale.

/// `RECIP[a] = ⌊2³² / a⌋ + 1`, so that `(n × RECIP[a]) >> 32 == n / a` for every
/// numerator `n ≤ 255 × 255 + 127` the unpremultiply can produce. The error
/// term stays below 2⁻¹⁶ while `n / a` is at least `1/255` away from the next
/// integer, so the shift never rounds the wrong way; a test checks all cases.
const RECIP: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut a = 1;
    while a < 256 {
        table[a] = (1u64 << 32) / a as u64 + 1;
        a += 1;
    }
    table
};

/// Unpremultiplies one channel as Skia and Chromium do:
/// `c' = (c × 255 + a/2) / a`, clamped to 255, i.e. `c × 255 / a` rounded.
///
/// This is the right inverse of Skia's premultiply (`c × a / 255` rounded):
/// premultiplying the output again gives back `c` exactly, so a browser that
/// draws the exported file reproduces the canvas. Colour channels above alpha
/// (resampling overshoot) clamp to white; `a = 0` gives 0.
#[inline(always)]
pub(crate) fn unpremultiply(c: u8, a: u8) -> u8 {
    let n = u64::from(c) * 255 + u64::from(a / 2);
    ((n * RECIP[usize::from(a)]) >> 32).min(255) as u8
}

/// Premultiplies one channel: `c × a / 255`, rounded to nearest (Skia's
/// `SkMulDiv255Round`). Only the tests need it: the canvas premultiplies.
#[cfg(test)]
fn premultiply(c: u8, a: u8) -> u8 {
    div255(u32::from(c) * u32::from(a)) as u8
}

/// `x / 255` rounded to nearest, exact for `x ≤ 255 × 255`.
#[inline(always)]
fn div255(x: u32) -> u32 {
    let x = x + 128;
    (x + (x >> 8)) >> 8
}

/// Premultiplied RGBA → straight RGBA; `src` and `dst` have equal length.
pub(crate) fn unpremultiply_row(src: &[u8], dst: &mut [u8]) {
    for (s, d) in src.chunks_exact(4).zip(dst.chunks_exact_mut(4)) {
        let a = s[3];
        if a == 255 {
            // Most poster pixels are opaque: nothing to divide.
            d.copy_from_slice(s);
        } else {
            d[0] = unpremultiply(s[0], a);
            d[1] = unpremultiply(s[1], a);
            d[2] = unpremultiply(s[2], a);
            d[3] = a;
        }
    }
}

/// Opaque RGBA → RGB: drops alpha, which is 255 everywhere (checked by the
/// caller with [`all_opaque`]), so there is nothing to unpremultiply.
pub(crate) fn drop_alpha_row(src: &[u8], dst: &mut [u8]) {
    for (s, d) in src.chunks_exact(4).zip(dst.chunks_exact_mut(3)) {
        d.copy_from_slice(&s[..3]);
    }
}

/// Whether every pixel of a premultiplied RGBA row has alpha 255.
pub(crate) fn all_opaque(row: &[u8]) -> bool {
    // AND whole pixels as words (alpha is the top byte): this vectorises,
    // unlike a byte-wise early exit. Exit early per block instead.
    row.chunks(4 * 256).all(|block| {
        let and = block.chunks_exact(4).fold(u32::MAX, |m, p| {
            m & u32::from_le_bytes([p[0], p[1], p[2], p[3]])
        });
        and >> 24 == 0xFF
    })
}

/// Composites a premultiplied pixel over an opaque background:
/// `c + bg × (1 − a)`, each channel rounded, clamped for overshoot.
#[inline(always)]
pub(crate) fn over(px: &[u8], bg: [u8; 3]) -> [u8; 3] {
    let inv = 255 - u32::from(px[3]);
    let ch = |c: u8, b: u8| (u32::from(c) + div255(u32::from(b) * inv)).min(255) as u8;
    [ch(px[0], bg[0]), ch(px[1], bg[1]), ch(px[2], bg[2])]
}

/// Scales premultiplied pixels by a coverage fraction in `0..=1` (how much of
/// a destination pixel the canvas covers).
pub(crate) fn scale_row(pixels: &mut [u8], coverage: f64) {
    for c in pixels {
        *c = (f64::from(*c) * coverage).round() as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference formula, straight from the definition.
    fn unpremultiply_ref(c: u8, a: u8) -> u8 {
        if a == 0 {
            return 0;
        }
        ((u32::from(c) * 255 + u32::from(a) / 2) / u32::from(a)).min(255) as u8
    }

    #[test]
    fn unpremultiply_matches_division_for_every_input() {
        for a in 0..=255u8 {
            for c in 0..=255u8 {
                assert_eq!(unpremultiply(c, a), unpremultiply_ref(c, a), "c={c} a={a}");
            }
        }
    }

    #[test]
    fn premultiply_rounds_to_nearest() {
        for a in 0..=255u8 {
            for c in 0..=255u8 {
                let exact = f64::from(c) * f64::from(a) / 255.0;
                assert_eq!(premultiply(c, a), exact.round() as u8, "c={c} a={a}");
            }
        }
    }

    #[test]
    fn premultiply_undoes_unpremultiply() {
        // Every valid premultiplied value survives the export and a re-premultiply.
        for a in 1..=255u8 {
            for p in 0..=a {
                assert_eq!(premultiply(unpremultiply(p, a), a), p, "p={p} a={a}");
            }
        }
    }

    #[test]
    fn opaque_and_transparent_pixels_convert_exactly() {
        let src = [10, 20, 30, 255, 0, 0, 0, 0, 255, 255, 255, 255];
        let mut dst = [1u8; 12];
        unpremultiply_row(&src, &mut dst);
        assert_eq!(dst, [10, 20, 30, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
    }

    #[test]
    fn overshoot_clamps() {
        assert_eq!(unpremultiply(200, 100), 255);
        assert_eq!(over(&[255, 255, 255, 100], [255, 255, 255]), [255; 3]);
    }

    #[test]
    fn all_opaque_sees_one_translucent_pixel_anywhere() {
        let mut row = vec![255u8; 4 * 1000];
        assert!(all_opaque(&row));
        row[4 * 777 + 3] = 254;
        assert!(!all_opaque(&row));
        assert!(all_opaque(&[]));
        // Only alpha counts, not the colour bytes.
        let varied: Vec<u8> = (0..4000u32)
            .map(|i| if i % 4 == 3 { 255 } else { (i * 7) as u8 })
            .collect();
        assert!(all_opaque(&varied));
    }

    #[test]
    fn over_blends_with_background() {
        assert_eq!(over(&[0, 0, 0, 0], [255, 128, 0]), [255, 128, 0]);
        assert_eq!(over(&[10, 20, 30, 255], [255, 128, 0]), [10, 20, 30]);
        // Half-transparent red on white: 128 + 255 × 127/255.
        assert_eq!(over(&[128, 0, 0, 128], [255, 255, 255]), [255, 127, 127]);
    }
}
