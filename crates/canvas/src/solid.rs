//! Solid-colour source-over painting of a coverage mask straight onto the
//! bitmap: the commonest draw (shape fills, strokes, glyphs, shadows) with
//! no canvas-sized mask and no raster pipeline. Fully covered runs of an
//! opaque colour are plain stores; every other pixel is blended with the
//! arithmetic of tiny-skia's 8-bit pipeline (scale by coverage, then
//! source-over, each product divided by 255 as `(v + 255) >> 8`), so the
//! pixels are the ones the masked pipeline fill gave. The other bounded
//! blend modes Skia runs in 8 bits are painted here too, as Skia applies
//! coverage to them ([`crate::solid_blend`]).

use tiny_skia::{BlendMode, Mask, Paint, PixmapMut, Shader};

use crate::raster::Coverage;
use crate::render::mul_255;
use crate::solid_blend::{Blend, blend_pixel};

/// A premultiplied colour as the 8-bit pipeline holds it, and the blend
/// mode when not source-over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Solid([u16; 4], Option<Blend>);

impl Solid {
    /// The colour of `paint` when it is a solid colour painted source-over
    /// or with a [`Blend`] (the cases this painter does); `None` otherwise.
    pub(crate) fn of(paint: &Paint<'_>) -> Option<Solid> {
        let Shader::SolidColor(color) = paint.shader else {
            return None;
        };
        let blend = match paint.blend_mode {
            BlendMode::SourceOver => None,
            mode => Some(Blend::of(mode)?),
        };
        let c = color.premultiply();
        // Rounded as tiny-skia's uniform colour stage rounds.
        let q = |v: f32| (v * 255.0 + 0.5) as u16;
        Some(Solid(
            [q(c.red()), q(c.green()), q(c.blue()), q(c.alpha())],
            blend,
        ))
    }

    fn is_opaque(&self) -> bool {
        self.0[3] == 255
    }
}

/// `v / 255` as the pipeline rounds it.
#[inline(always)]
fn div255(v: u16) -> u16 {
    // v ≤ 255 × 255, so v + 255 fits in 16 bits.
    (v + 255) >> 8
}

/// Paints `cov` (inside `pixmap`) with `color`, coverage times `clip`
/// where given (a mask of the pixmap's size).
pub(crate) fn paint(pixmap: &mut PixmapMut<'_>, cov: &Coverage, color: Solid, clip: Option<&Mask>) {
    let stride = pixmap.width() as usize;
    let (x0, w) = (cov.x as usize, cov.width as usize);
    let data = pixmap.data_mut();
    let mut scaled = vec![0u8; w];
    for (row, cov_row) in cov.data.chunks_exact(w).enumerate() {
        let y = cov.y as usize + row;
        let start = y * stride + x0;
        let coverage = match clip {
            Some(mask) => {
                let clip_row = &mask.data()[start..start + w];
                for ((s, &c), &k) in scaled.iter_mut().zip(cov_row).zip(clip_row) {
                    *s = mul_255(c, k);
                }
                &scaled[..]
            }
            None => cov_row,
        };
        paint_row(&mut data[start * 4..(start + w) * 4], coverage, color);
    }
}

/// One row: `dst` is RGBA8 premultiplied, one pixel per `coverage` byte.
fn paint_row(dst: &mut [u8], coverage: &[u8], color: Solid) {
    if let Some(blend) = color.1 {
        for (px, &c) in dst.chunks_exact_mut(4).zip(coverage) {
            if c != 0 {
                blend_pixel(px, color.0, c, blend);
            }
        }
        return;
    }
    let opaque = color.is_opaque();
    let bytes = [
        color.0[0] as u8,
        color.0[1] as u8,
        color.0[2] as u8,
        color.0[3] as u8,
    ];
    let lanes: [u16; RUN * 4] = std::array::from_fn(|i| color.0[i % 4]);
    for (px, cov) in dst.chunks_mut(RUN * 4).zip(coverage.chunks(RUN)) {
        if cov.iter().all(|&c| c == 0) {
            continue;
        }
        if opaque && cov.iter().all(|&c| c == 255) {
            for p in px.chunks_exact_mut(4) {
                p.copy_from_slice(&bytes);
            }
            continue;
        }
        blend(px, cov, color, &lanes);
    }
}

/// Source-over of `color` scaled by each coverage value: a whole run in
/// 16-bit lanes (as Skia's lowp pipeline holds pixels), a shorter tail
/// pixel by pixel with the same arithmetic.
#[inline(always)]
fn blend(px: &mut [u8], cov: &[u8], color: Solid, lanes: &[u16; RUN * 4]) {
    match (
        <&mut [u8; RUN * 4]>::try_from(&mut *px),
        <&[u8; RUN]>::try_from(cov),
    ) {
        (Ok(px), Ok(cov)) => blend_run(px, cov, lanes),
        _ => blend_pixels(px, cov, color),
    }
}

/// Pixels per run the lane blend handles at once.
const RUN: usize = 16;

/// One run of [`RUN`] pixels, every channel of every pixel in its own
/// 16-bit lane: the coverage repeated for the four channels of its pixel,
/// the colour repeated per pixel (`lanes`). Straight element-wise loops
/// over fixed arrays, which the compiler turns into SIMD (8 lanes per SSE2
/// register).
#[inline(always)]
fn blend_run(px: &mut [u8; RUN * 4], cov: &[u8; RUN], lanes: &[u16; RUN * 4]) {
    let mut c = [0u16; RUN * 4];
    for (four, &v) in c.chunks_exact_mut(4).zip(cov) {
        four.fill(u16::from(v));
    }
    let a = lanes[3];
    for ((d, c), &k) in px.iter_mut().zip(c).zip(lanes) {
        let s = div255(k * c);
        let inv = 255 - div255(a * c);
        *d = (s + div255(u16::from(*d) * inv)) as u8;
    }
}

/// The per-pixel form of [`blend_run`] for runs shorter than [`RUN`].
fn blend_pixels(px: &mut [u8], cov: &[u8], color: Solid) {
    let [r, g, b, a] = color.0;
    for (p, &c) in px.chunks_exact_mut(4).zip(cov) {
        let c = u16::from(c);
        let sa = div255(a * c);
        let inv = 255 - sa;
        let src = [div255(r * c), div255(g * c), div255(b * c), sa];
        for (d, s) in p.iter_mut().zip(src) {
            *d = (s + div255(u16::from(*d) * inv)) as u8;
        }
    }
}

#[cfg(test)]
mod tests {
    use tiny_skia::{Color, Pixmap, Transform};

    use super::*;

    /// The same coverage painted by tiny-skia's masked pipeline fill.
    fn pipeline(pixmap: &mut Pixmap, cov: &Coverage, paint: &Paint<'_>, clip: Option<&Mask>) {
        let mut mask = Mask::new(pixmap.width(), pixmap.height()).unwrap();
        for row in 0..cov.height as usize {
            for col in 0..cov.width as usize {
                let i = (cov.y as usize + row) * pixmap.width() as usize + cov.x as usize + col;
                let c = cov.data[row * cov.width as usize + col];
                mask.data_mut()[i] = match clip {
                    Some(k) => mul_255(c, k.data()[i]),
                    None => c,
                };
            }
        }
        let rect = cov.rect().unwrap();
        pixmap.fill_rect(rect, paint, Transform::identity(), Some(&mask));
    }

    fn backdrop() -> Pixmap {
        let mut p = Pixmap::new(40, 6).unwrap();
        for (i, px) in p.data_mut().chunks_exact_mut(4).enumerate() {
            let a = (i * 37 % 256) as u8;
            px.copy_from_slice(&[a / 2, a / 3, a, a]);
        }
        p
    }

    fn ramp() -> Coverage {
        let (width, height) = (37, 4);
        let data = (0..width * height)
            .map(|i| match i % 37 {
                0..=3 => 0,
                4..=24 => 255,
                n => (n * 41 % 256) as u8,
            })
            .collect();
        Coverage {
            x: 2,
            y: 1,
            width,
            height,
            data,
        }
    }

    fn same_as_pipeline(color: Color, clip: Option<&Mask>) {
        let paint = Paint {
            shader: Shader::SolidColor(color),
            ..Paint::default()
        };
        let cov = ramp();
        let mut expected = backdrop();
        pipeline(&mut expected, &cov, &paint, clip);
        let mut ours = backdrop();
        super::paint(&mut ours.as_mut(), &cov, Solid::of(&paint).unwrap(), clip);
        assert_eq!(ours.data(), expected.data());
    }

    #[test]
    fn an_opaque_colour_matches_the_masked_pipeline_fill() {
        same_as_pipeline(Color::from_rgba8(200, 30, 90, 255), None);
    }

    #[test]
    fn a_translucent_colour_matches_the_masked_pipeline_fill() {
        same_as_pipeline(Color::from_rgba8(10, 250, 90, 77), None);
    }

    #[test]
    fn a_clip_multiplies_the_coverage_as_the_pipeline_mask_did() {
        let mut clip = Mask::new(40, 6).unwrap();
        for (i, k) in clip.data_mut().iter_mut().enumerate() {
            *k = (i * 53 % 256) as u8;
        }
        same_as_pipeline(Color::from_rgba8(200, 30, 90, 255), Some(&clip));
        same_as_pipeline(Color::from_rgba8(0, 0, 0, 128), Some(&clip));
    }

    #[test]
    fn a_run_in_lanes_matches_the_pixel_by_pixel_blend() {
        // Every coverage value against a spread of backdrops and colours.
        for color in [
            [200, 30, 90, 255],
            [10, 120, 90, 128],
            [0, 0, 0, 1],
            [3, 2, 1, 3],
        ] {
            let solid = Solid(color, None);
            let lanes: [u16; RUN * 4] = std::array::from_fn(|i| color[i % 4]);
            for base in 0..64u32 {
                let cov: [u8; RUN] = std::array::from_fn(|i| ((base * 16 + i as u32) % 256) as u8);
                let px: [u8; RUN * 4] =
                    std::array::from_fn(|i| ((i as u32 * 97 + base * 31) % 256) as u8);
                let (mut ours, mut each) = (px, px);
                blend_run(&mut ours, &cov, &lanes);
                blend_pixels(&mut each, &cov, solid);
                assert_eq!(ours, each, "{color:?} {base}");
            }
        }
    }

    #[test]
    fn other_paints_are_left_to_the_pipeline() {
        let copy = Paint {
            blend_mode: BlendMode::Source,
            ..Paint::default()
        };
        assert!(Solid::of(&copy).is_none());
        let hue = Paint {
            blend_mode: BlendMode::Hue,
            ..Paint::default()
        };
        assert!(Solid::of(&hue).is_none());
        let gradient = Paint {
            shader: tiny_skia::LinearGradient::new(
                (0.0, 0.0).into(),
                (1.0, 0.0).into(),
                vec![
                    tiny_skia::GradientStop::new(0.0, Color::BLACK),
                    tiny_skia::GradientStop::new(1.0, Color::WHITE),
                ],
                tiny_skia::SpreadMode::Pad,
                Transform::identity(),
            )
            .unwrap(),
            ..Paint::default()
        };
        assert!(Solid::of(&gradient).is_none());
    }
}
