//! The bounded blend modes other than source-over for a solid colour, with
//! the arithmetic of Skia's 8-bit raster pipeline as Chromium runs it.
//!
//! Two things differ from tiny-skia's masked fill, and both show on
//! partly covered edge pixels (measured against Chromium on every
//! coverage value):
//! - where the coverage goes: Skia scales the source by it before
//!   blending only for the modes where that is the same as blending first
//!   (plus, source-atop, xor, destination-over, destination-out); for the
//!   others it blends, then interpolates from the destination to the
//!   result by the coverage;
//! - screen, destination-over and destination-out divide their product
//!   by 255 with correct rounding, the rest with `(v + 255) >> 8`.

use tiny_skia::BlendMode;

/// A blend mode this painter does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Blend {
    Plus,
    SourceAtop,
    Xor,
    DestinationOver,
    DestinationOut,
    Multiply,
    Screen,
    Darken,
    Lighten,
    Difference,
    Exclusion,
    Overlay,
    HardLight,
}

impl Blend {
    /// The painter's blend for `mode`; `None` for source-over (painted
    /// elsewhere), the unbounded modes and those Skia runs in floats.
    pub(crate) fn of(mode: BlendMode) -> Option<Blend> {
        Some(match mode {
            BlendMode::Plus => Blend::Plus,
            BlendMode::SourceAtop => Blend::SourceAtop,
            BlendMode::Xor => Blend::Xor,
            BlendMode::DestinationOver => Blend::DestinationOver,
            BlendMode::DestinationOut => Blend::DestinationOut,
            BlendMode::Multiply => Blend::Multiply,
            BlendMode::Screen => Blend::Screen,
            BlendMode::Darken => Blend::Darken,
            BlendMode::Lighten => Blend::Lighten,
            BlendMode::Difference => Blend::Difference,
            BlendMode::Exclusion => Blend::Exclusion,
            BlendMode::Overlay => Blend::Overlay,
            BlendMode::HardLight => Blend::HardLight,
            _ => return None,
        })
    }

    /// Whether coverage scales the source before the blend.
    fn pre_scales(self) -> bool {
        matches!(
            self,
            Blend::Plus
                | Blend::SourceAtop
                | Blend::Xor
                | Blend::DestinationOver
                | Blend::DestinationOut
        )
    }

    /// Whether alpha is source-over and only colour uses the formula.
    fn separable(self) -> bool {
        matches!(
            self,
            Blend::Darken
                | Blend::Lighten
                | Blend::Difference
                | Blend::Exclusion
                | Blend::Overlay
                | Blend::HardLight
        )
    }

    /// One channel: source `s` and destination `d` with their alphas.
    fn channel(self, s: u32, d: u32, sa: u32, da: u32) -> u32 {
        let inv = |v: u32| 255 - v;
        match self {
            Blend::Plus => (s + d).min(255),
            Blend::SourceAtop => div255(s * da + d * inv(sa)),
            Blend::Xor => div255(s * inv(da) + d * inv(sa)),
            Blend::DestinationOver => d + div255_exact(s * inv(da)),
            Blend::DestinationOut => div255_exact(d * inv(sa)),
            Blend::Multiply => div255(s * inv(da) + d * inv(sa) + s * d),
            Blend::Screen => s + d - div255_exact(s * d),
            Blend::Darken => s + d - div255((s * da).max(d * sa)),
            Blend::Lighten => s + d - div255((s * da).min(d * sa)),
            Blend::Difference => s + d - 2 * div255((s * da).min(d * sa)),
            Blend::Exclusion => s + d - 2 * div255(s * d),
            Blend::Overlay => div255(s * inv(da) + d * inv(sa) + hard(d, s, da, sa)),
            Blend::HardLight => div255(s * inv(da) + d * inv(sa) + hard(s, d, sa, da)),
        }
    }
}

/// The hard-light term (overlay is hard light with the roles swapped):
/// multiply where `2·a ≤ a_alpha`, screen otherwise, both ×255.
fn hard(a: u32, b: u32, a_alpha: u32, b_alpha: u32) -> u32 {
    if 2 * a <= a_alpha {
        2 * a * b
    } else {
        (a_alpha * b_alpha).saturating_sub(2 * (a_alpha - a) * (b_alpha.saturating_sub(b)))
    }
}

/// `v / 255` as the pipeline approximates it.
#[inline(always)]
fn div255(v: u32) -> u32 {
    (v + 255) >> 8
}

/// `v / 255` rounded to nearest.
#[inline(always)]
fn div255_exact(v: u32) -> u32 {
    (v + ((v + 128) >> 8) + 128) >> 8
}

/// Blends premultiplied `color` into the premultiplied RGBA pixel `px`
/// at `coverage` (not 0) with `blend`.
#[inline]
pub(crate) fn blend_pixel(px: &mut [u8], color: [u16; 4], coverage: u8, blend: Blend) {
    let c = u32::from(coverage);
    let mut s = color.map(u32::from);
    if blend.pre_scales() {
        s = s.map(|v| div255(v * c));
    }
    let d = [px[0], px[1], px[2], px[3]].map(u32::from);
    let (sa, da) = (s[3], d[3]);
    let mut out = [0u32; 4];
    for i in 0..3 {
        out[i] = blend.channel(s[i], d[i], sa, da);
    }
    out[3] = if blend.separable() {
        sa + div255(da * (255 - sa))
    } else {
        blend.channel(sa, da, sa, da)
    };
    if !blend.pre_scales() {
        out = std::array::from_fn(|i| div255(d[i] * (255 - c) + out[i] * c));
    }
    for (p, v) in px.iter_mut().zip(out) {
        *p = v.min(255) as u8;
    }
}

#[cfg(test)]
mod tests {
    use tiny_skia::{Color, Paint, Pixmap, Rect, Shader, Transform};

    use super::*;

    /// tiny-skia's full-coverage blend of `color` over `dst` with `mode`.
    fn pipeline(mode: BlendMode, color: [u8; 4], dst: [u8; 4]) -> [u8; 4] {
        let mut p = Pixmap::new(1, 1).unwrap();
        p.data_mut().copy_from_slice(&dst);
        let paint = Paint {
            shader: Shader::SolidColor(Color::from_rgba8(color[0], color[1], color[2], color[3])),
            blend_mode: mode,
            ..Paint::default()
        };
        p.fill_rect(
            Rect::from_xywh(0.0, 0.0, 1.0, 1.0).unwrap(),
            &paint,
            Transform::identity(),
            None,
        );
        let d = p.data();
        [d[0], d[1], d[2], d[3]]
    }

    #[test]
    fn full_coverage_blends_as_the_pipeline_does_except_the_rounded_divisions() {
        // At full coverage only the division rounding can differ from
        // tiny-skia's, and only in the modes that round correctly.
        let dsts = [
            [10, 200, 30, 255],
            [40, 10, 90, 128],
            [0, 0, 0, 0],
            [51, 51, 51, 51],
        ];
        for mode in [
            BlendMode::Plus,
            BlendMode::SourceAtop,
            BlendMode::Xor,
            BlendMode::Multiply,
            BlendMode::Darken,
            BlendMode::Lighten,
            BlendMode::Difference,
            BlendMode::Exclusion,
            BlendMode::Overlay,
            BlendMode::HardLight,
        ] {
            let blend = Blend::of(mode).unwrap();
            for dst in dsts {
                let mut px = dst;
                blend_pixel(&mut px, [200, 40, 140, 255], 255, blend);
                assert_eq!(
                    px,
                    pipeline(mode, [200, 40, 140, 255], dst),
                    "{mode:?} over {dst:?}"
                );
            }
        }
    }

    #[test]
    fn screen_and_destination_modes_round_their_products() {
        // 169·5 / 255 = 3.3: 3 where (v + 255) >> 8 gives 4.
        let mut px = [5, 0, 0, 255];
        blend_pixel(&mut px, [169, 0, 0, 191], 255, Blend::Screen);
        assert_eq!(px[0], 171);
        // 16 · (255 − 156) / 255 = 6.2: 6, not 7.
        let mut px = [16, 0, 0, 255];
        blend_pixel(&mut px, [0, 0, 0, 156], 255, Blend::DestinationOut);
        assert_eq!(px[0], 6);
    }

    #[test]
    fn multiply_interpolates_by_coverage_after_blending() {
        // Blend first: multiply(200, 10) over opaque = div255(200·0 + 10·0
        // + 2000) = 8; then 10 → 8 at coverage 128: div255(10·127 + 8·128).
        let mut px = [10, 10, 10, 255];
        blend_pixel(&mut px, [200, 200, 200, 255], 128, Blend::Multiply);
        assert_eq!(px[0], ((10 * 127 + 8 * 128 + 255) >> 8) as u8);
        // Scaling the source first would have given a different value.
        let scaled = (200 * 128 + 255) >> 8;
        let pre = (10 * (255 - scaled) + scaled * 10 + 255) >> 8;
        assert_ne!(u32::from(px[0]), pre);
    }

    #[test]
    fn source_over_and_unbounded_modes_are_not_painted_here() {
        for mode in [
            BlendMode::SourceOver,
            BlendMode::Source,
            BlendMode::SourceIn,
            BlendMode::DestinationIn,
            BlendMode::ColorDodge,
            BlendMode::Hue,
        ] {
            assert_eq!(Blend::of(mode), None, "{mode:?}");
        }
    }
}
