//! Source-over of device-aligned image pixels (a `drawImage` already
//! resampled to device pixels) straight onto the bitmap, without a
//! pattern shader: opaque pixels with no alpha or clip to apply are copied,
//! the rest blended with the arithmetic of tiny-skia's float pipeline for
//! a nearest-sampled pattern (unit floats, opacity, clip, source-over,
//! rounded to even), so the pixels are the ones that fill gave.

use tiny_skia::{IntRect, Mask, Pixmap};

/// Rows of device-aligned pixels to paint, asked for in order from the
/// top of the painted area: RGBA8 premultiplied, as wide as the area.
pub(crate) trait Rows {
    /// Row `row` (from the area's top).
    fn row(&mut self, row: usize) -> &[u8];
}

/// The rows of a pixmap's part `x0.., y0..` (bytes `x0 × 4` on).
#[cfg(test)]
struct PixmapRows<'a> {
    src: &'a Pixmap,
    x0: usize,
    y0: usize,
    width: usize,
}

#[cfg(test)]
impl Rows for PixmapRows<'_> {
    fn row(&mut self, row: usize) -> &[u8] {
        let start = ((self.y0 + row) * self.src.width() as usize + self.x0) * 4;
        &self.src.data()[start..start + self.width * 4]
    }
}

/// Paints `src` with its top-left pixel at device `at` onto `target`,
/// times `opacity` (0..=1) and `clip` (a mask of the target's size): the
/// pixmap form of [`blit_rows`], which the tests hold against the pattern
/// fill.
#[cfg(test)]
pub(crate) fn blit(
    target: &mut Pixmap,
    src: &Pixmap,
    at: (i32, i32),
    opacity: f32,
    clip: Option<&Mask>,
) {
    let Some(placed) = IntRect::from_xywh(at.0, at.1, src.width(), src.height()) else {
        return;
    };
    let Some(canvas) = IntRect::from_xywh(0, 0, target.width(), target.height()) else {
        return;
    };
    let Some(area) = placed.intersect(&canvas) else {
        return;
    };
    let mut rows = PixmapRows {
        src,
        x0: (area.x() - at.0) as usize,
        y0: (area.y() - at.1) as usize,
        width: area.width() as usize,
    };
    blit_rows(target, area, &mut rows, opacity, clip);
}

/// Paints the pixels `rows` gives over `area` (which must lie inside
/// `target`; nothing is painted otherwise) as [`blit`] does.
pub(crate) fn blit_rows(
    target: &mut Pixmap,
    area: IntRect,
    rows: &mut dyn Rows,
    opacity: f32,
    clip: Option<&Mask>,
) {
    let inside = area.right() <= target.width() as i32 && area.bottom() <= target.height() as i32;
    if area.x() < 0 || area.y() < 0 || !inside {
        return;
    }
    let stride = target.width() as usize;
    let (x0, w) = (area.x() as usize, area.width() as usize);
    let copy = opacity == 1.0 && clip.is_none();
    let data = target.data_mut();
    for (row, y) in (area.y() as usize..area.bottom() as usize).enumerate() {
        let start = y * stride + x0;
        let k = clip.map(|mask| &mask.data()[start..start + w]);
        // A row the clip leaves out entirely is not even sampled.
        if k.is_some_and(|k| k.iter().all(|&v| v == 0)) {
            continue;
        }
        let s = rows.row(row);
        let d = &mut data[start * 4..(start + w) * 4];
        match k {
            Some(k) => blend_row(d, s, opacity, Some(k)),
            None if copy => copy_row(d, s),
            None => blend_row(d, s, opacity, None),
        }
    }
}

/// Opaque source pixels replace the destination; others blend over it.
fn copy_row(dst: &mut [u8], src: &[u8]) {
    for (d, s) in dst.chunks_exact_mut(4).zip(src.chunks_exact(4)) {
        if s[3] == 255 {
            d.copy_from_slice(s);
        } else {
            blend(d, s, 1.0, 1.0);
        }
    }
}

fn blend_row(dst: &mut [u8], src: &[u8], opacity: f32, clip: Option<&[u8]>) {
    for (i, (d, s)) in dst.chunks_exact_mut(4).zip(src.chunks_exact(4)).enumerate() {
        let k = match clip {
            // The pipeline skips pixels its mask leaves out entirely.
            Some(k) if k[i] == 0 => continue,
            // Inside the clip an opaque pixel at full opacity comes out
            // as itself (x / 255 × 255 rounds back to x).
            Some(k) if k[i] == 255 && opacity == 1.0 && s[3] == 255 => {
                d.copy_from_slice(s);
                continue;
            }
            Some(k) => k[i] as f32 / 255.0,
            None => 1.0,
        };
        blend(d, s, opacity, k);
    }
}

/// One pixel, in the pipeline's order: load as unit floats, scale by the
/// opacity, then by the clip, then `s + d × (1 − sa)`, clamped and rounded.
#[inline(always)]
fn blend(d: &mut [u8], s: &[u8], opacity: f32, clip: f32) {
    const FACTOR: f32 = 1.0 / 255.0;
    let unit = |v: u8| v as f32 * FACTOR;
    let src = |v: u8| {
        let mut v = unit(v);
        if opacity != 1.0 {
            v *= opacity;
        }
        if clip != 1.0 {
            v *= clip;
        }
        v
    };
    let sa = src(s[3]);
    let inv = 1.0 - sa;
    for c in 0..4 {
        let v = unit(d[c]) * inv + src(s[c]);
        d[c] = round_even(v.clamp(0.0, 1.0) * 255.0) as u8;
    }
}

/// `v` (0..=255) rounded half to even, as the pipeline's conversion
/// rounds: adding and taking away 2^23 leaves no fraction bits, and the
/// FPU rounds to even (`round_ties_even` is a libm call on plain x86-64).
#[inline(always)]
fn round_even(v: f32) -> f32 {
    const MAGIC: f32 = 8_388_608.0;
    (v + MAGIC) - MAGIC
}

#[cfg(test)]
mod tests {
    use tiny_skia::{FilterQuality, Paint, Pattern, Rect, SpreadMode, Transform};

    use super::*;

    fn image(w: u32, h: u32, seed: usize) -> Pixmap {
        let mut p = Pixmap::new(w, h).unwrap();
        for (i, px) in p.data_mut().chunks_exact_mut(4).enumerate() {
            let a = match (i + seed) % 5 {
                0 => 255,
                1 => 0,
                n => (n * 61 + i) as u8,
            };
            let c = |m: usize| ((i * m + seed) % 256) as u8 % a.max(1);
            px.copy_from_slice(&[c(7), c(13), c(29), a]);
        }
        p
    }

    /// What the nearest-sampled pattern fill of the same rectangle gives.
    fn pipeline(
        target: &mut Pixmap,
        src: &Pixmap,
        at: (i32, i32),
        opacity: f32,
        clip: Option<&Mask>,
    ) {
        let ts = Transform::from_translate(at.0 as f32, at.1 as f32);
        let paint = Paint {
            shader: Pattern::new(
                src.as_ref(),
                SpreadMode::Pad,
                FilterQuality::Nearest,
                opacity,
                ts,
            ),
            ..Paint::default()
        };
        let rect = Rect::from_xywh(
            at.0 as f32,
            at.1 as f32,
            src.width() as f32,
            src.height() as f32,
        )
        .unwrap();
        target.fill_rect(rect, &paint, Transform::identity(), clip);
    }

    fn same_as_pipeline(opacity: f32, clip: Option<&Mask>, at: (i32, i32)) {
        let src = image(23, 9, 3);
        let mut expected = image(30, 12, 1);
        let mut ours = expected.clone();
        pipeline(&mut expected, &src, at, opacity, clip);
        blit(&mut ours, &src, at, opacity, clip);
        assert_eq!(ours.data(), expected.data());
    }

    #[test]
    fn an_unclipped_image_matches_the_pattern_fill() {
        same_as_pipeline(1.0, None, (4, 2));
    }

    #[test]
    fn global_alpha_matches_the_pattern_fill() {
        same_as_pipeline(0.37, None, (4, 2));
    }

    #[test]
    fn a_clip_matches_the_pattern_fill() {
        let mut clip = Mask::new(30, 12).unwrap();
        for (i, k) in clip.data_mut().iter_mut().enumerate() {
            *k = match i % 4 {
                0 => 0,
                1 => 255,
                _ => (i * 67 % 256) as u8,
            };
        }
        same_as_pipeline(1.0, Some(&clip), (4, 2));
        same_as_pipeline(0.6, Some(&clip), (4, 2));
    }

    #[test]
    fn rounding_is_half_to_even() {
        for i in 0..=2550 {
            let v = i as f32 / 10.0;
            assert_eq!(round_even(v), v.round_ties_even(), "{v}");
        }
    }

    #[test]
    fn an_image_over_the_canvas_edge_is_cut_to_it() {
        same_as_pipeline(1.0, None, (-5, -3));
        same_as_pipeline(1.0, None, (20, 8));
    }
}
