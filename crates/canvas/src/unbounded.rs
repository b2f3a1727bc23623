//! Compositing a full-canvas source layer onto the canvas within the clip,
//! for the operators tiny-skia gets wrong:
//!
//! - the unbounded Porter-Duff operators (`copy`, `source-in`,
//!   `source-out`, `destination-in`, `destination-atop`): tiny-skia's
//!   masked `draw_pixmap` clears whole 8-pixel blocks outside the mask for
//!   these;
//! - the non-separable blend modes (`hue`, `saturation`, `color`,
//!   `luminosity`): tiny-skia's colour maths differs from the W3C
//!   compositing formulas, which Chromium follows exactly.
//!
//! Everything is premultiplied RGBA; the clip coverage then blends between
//! the old and the composited pixel.

use tiny_skia::{Mask, Pixmap};

use crate::composite::CompositeOp;

/// x × y / 255, rounded.
fn mul(x: u32, y: u32) -> u32 {
    let p = x * y + 128;
    (p + (p >> 8)) >> 8
}

/// The composited value of one channel: source `s`, destination `d`, and
/// the two alphas.
fn channel(op: CompositeOp, s: u32, d: u32, sa: u32, da: u32) -> u32 {
    match op {
        CompositeOp::Copy => s,
        CompositeOp::SourceIn => mul(s, da),
        CompositeOp::SourceOut => mul(s, 255 - da),
        CompositeOp::DestinationIn => mul(d, sa),
        CompositeOp::DestinationAtop => (mul(s, 255 - da) + mul(d, sa)).min(255),
        // Only unbounded operators come here.
        _ => d,
    }
}

/// Whether `op` is composited here rather than by tiny-skia.
pub(crate) fn handles(op: CompositeOp) -> bool {
    op.is_unbounded() || non_separable(op)
}

fn non_separable(op: CompositeOp) -> bool {
    matches!(
        op,
        CompositeOp::Hue | CompositeOp::Saturation | CompositeOp::Color | CompositeOp::Luminosity
    )
}

/// Composites `layer` (same size as `target`) with `op` over the whole
/// canvas, weighted by `clip` coverage where there is a clip.
pub(crate) fn composite(target: &mut Pixmap, layer: &Pixmap, op: CompositeOp, clip: Option<&Mask>) {
    let coverage = clip.map(|m| m.data());
    for (i, (d, s)) in target
        .data_mut()
        .chunks_exact_mut(4)
        .zip(layer.data().chunks_exact(4))
        .enumerate()
    {
        let c = coverage.map_or(255, |m| m[i] as u32);
        if c == 0 || (non_separable(op) && s[3] == 0) {
            continue;
        }
        let blended = if non_separable(op) {
            Some(blend_non_separable(op, s, d))
        } else {
            None
        };
        let (sa, da) = (s[3] as u32, d[3] as u32);
        for k in 0..4 {
            let r = match blended {
                Some(b) => b[k] as u32,
                None => channel(op, s[k] as u32, d[k] as u32, sa, da),
            };
            let old = d[k] as u32;
            // old·(1 − c) + r·c, rounded.
            d[k] = ((old * (255 - c) + r * c + 127) / 255) as u8;
        }
    }
}

/// `hue` / `saturation` / `color` / `luminosity` of premultiplied source
/// `s` over destination `d` (W3C Compositing and Blending, "Non-separable
/// blend modes", with source-over compositing).
fn blend_non_separable(op: CompositeOp, s: &[u8], d: &[u8]) -> [u8; 4] {
    let (sa, da) = (s[3] as f32 / 255.0, d[3] as f32 / 255.0);
    let unpremul = |p: &[u8], a: f32| -> [f32; 3] {
        if a == 0.0 {
            [0.0; 3]
        } else {
            [
                p[0] as f32 / 255.0 / a,
                p[1] as f32 / 255.0 / a,
                p[2] as f32 / 255.0 / a,
            ]
        }
    };
    let (cs, cb) = (unpremul(s, sa), unpremul(d, da));
    let b = match op {
        CompositeOp::Hue => set_lum(set_sat(cs, sat(cb)), lum(cb)),
        CompositeOp::Saturation => set_lum(set_sat(cb, sat(cs)), lum(cb)),
        CompositeOp::Color => set_lum(cs, lum(cb)),
        _ => set_lum(cb, lum(cs)),
    };
    let ao = sa + da - sa * da;
    let mut out = [0u8; 4];
    for k in 0..3 {
        // co = (1 − αb)·cs + (1 − αs)·cb + αs·αb·B, premultiplied.
        let co = (1.0 - da) * cs[k] * sa + (1.0 - sa) * cb[k] * da + sa * da * b[k];
        out[k] = (co.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
    }
    out[3] = (ao.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
    out
}

fn lum(c: [f32; 3]) -> f32 {
    0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2]
}

fn clip_color(c: [f32; 3]) -> [f32; 3] {
    let l = lum(c);
    let n = c[0].min(c[1]).min(c[2]);
    let x = c[0].max(c[1]).max(c[2]);
    let mut c = c;
    if n < 0.0 {
        c = c.map(|v| l + (v - l) * l / (l - n));
    }
    if x > 1.0 {
        c = c.map(|v| l + (v - l) * (1.0 - l) / (x - l));
    }
    c
}

fn set_lum(c: [f32; 3], l: f32) -> [f32; 3] {
    let d = l - lum(c);
    clip_color(c.map(|v| v + d))
}

fn sat(c: [f32; 3]) -> f32 {
    c[0].max(c[1]).max(c[2]) - c[0].min(c[1]).min(c[2])
}

fn set_sat(c: [f32; 3], s: f32) -> [f32; 3] {
    let (max, min) = (c[0].max(c[1]).max(c[2]), c[0].min(c[1]).min(c[2]));
    if max > min {
        c.map(|v| (v - min) * s / (max - min))
    } else {
        [0.0; 3]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixmap(px: [u8; 4]) -> Pixmap {
        let mut p = Pixmap::new(2, 1).unwrap();
        for c in p.data_mut().chunks_exact_mut(4) {
            c.copy_from_slice(&px);
        }
        p
    }

    /// Results Chromium gives for opaque/translucent colour pairs
    /// (observed with fillRect on a 1×1 canvas, read back unpremultiplied).
    #[test]
    fn non_separable_modes_match_chromium() {
        let premul = |p: [u8; 4]| {
            let mut out = p;
            for k in 0..3 {
                out[k] = crate::pixels::premultiply(p[k], p[3]);
            }
            out
        };
        type Case = (CompositeOp, [u8; 4], [u8; 4], [u8; 4]);
        let cases: [Case; 5] = [
            (
                CompositeOp::Hue,
                [0, 60, 255, 255],
                [255, 30, 0, 230],
                [155, 24, 25, 255],
            ),
            (
                CompositeOp::Hue,
                [30, 120, 200, 255],
                [200, 150, 40, 255],
                [144, 99, 0, 255],
            ),
            (
                CompositeOp::Saturation,
                [90, 10, 10, 200],
                [10, 200, 90, 100],
                [91, 25, 14, 222],
            ),
            (
                CompositeOp::Color,
                [90, 10, 10, 200],
                [10, 200, 90, 100],
                [51, 44, 22, 222],
            ),
            (
                CompositeOp::Color,
                [128, 128, 128, 255],
                [250, 20, 20, 180],
                [218, 90, 90, 255],
            ),
        ];
        for (op, dst, src, chromium) in cases {
            let out = blend_non_separable(op, &premul(src), &premul(dst));
            let un: Vec<u8> = (0..3)
                .map(|k| crate::pixels::unpremultiply(out[k], out[3]))
                .chain([out[3]])
                .collect();
            for k in 0..4 {
                assert!(
                    (un[k] as i32 - chromium[k] as i32).abs() <= 1,
                    "{op:?} {dst:?} {src:?}: {un:?} vs {chromium:?}"
                );
            }
        }
    }

    #[test]
    fn copy_replaces_inside_the_clip_only() {
        let mut target = pixmap([0, 100, 0, 255]);
        let layer = pixmap([0, 0, 0, 0]);
        let mut clip = Mask::new(2, 1).unwrap();
        clip.data_mut()[0] = 255;
        composite(&mut target, &layer, CompositeOp::Copy, Some(&clip));
        assert_eq!(target.data(), &[0, 0, 0, 0, 0, 100, 0, 255]);
    }

    #[test]
    fn destination_in_keeps_the_destination_by_source_alpha() {
        let mut target = pixmap([200, 100, 0, 255]);
        let layer = pixmap([0, 0, 0, 128]);
        composite(&mut target, &layer, CompositeOp::DestinationIn, None);
        assert_eq!(&target.data()[..4], &[100, 50, 0, 128]);
    }

    #[test]
    fn partial_clip_coverage_blends_old_and_new() {
        let mut target = pixmap([0, 0, 0, 255]);
        let layer = pixmap([0, 0, 0, 0]);
        let mut clip = Mask::new(2, 1).unwrap();
        clip.data_mut()[0] = 128;
        composite(&mut target, &layer, CompositeOp::Copy, Some(&clip));
        assert_eq!(target.data()[3], 127);
        assert_eq!(target.data()[7], 255);
    }
}
