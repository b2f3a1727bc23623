//! The pre-shrunk copy Chromium's software image decode cache hands the
//! rasterizer when a decoded image is drawn smaller: measured, its sides
//! are the image's halved and rounded up as many times as they stay at
//! least the drawn size; its pixels are Skia's mip level below that size
//! (box filtered) resampled to it with a float bilinear filter.

use std::borrow::Cow;

use tiny_skia::{IntSize, Pixmap};

use super::mipmap::halve;
use crate::image::Image;

/// The decode cache's level of `image` for a draw at `scale_x × scale_y`
/// device pixels per image pixel, with the charge that stands for it
/// (keep it while the level is drawn), or `None` when it uses the image
/// as is.
pub(crate) fn decode_level(
    image: &Image,
    scale_x: f64,
    scale_y: f64,
) -> Option<(Image, crate::budget::Charge)> {
    if !(scale_x > 0.0 && scale_y > 0.0 && scale_x < 1.0 && scale_y < 1.0) {
        return None;
    }
    let (w, h) = (image.width() as usize, image.height() as usize);
    // A hair below the exact product so 0.5 × 64 asks for 32, not 33.
    let target_w = (w as f64 * scale_x - 1e-6).ceil().max(1.0) as usize;
    let target_h = (h as f64 * scale_y - 1e-6).ceil().max(1.0) as usize;
    let (mut lw, mut lh) = (w, h);
    loop {
        let (nw, nh) = (lw.div_ceil(2), lh.div_ceil(2));
        if nw < target_w || nh < target_h || (lw == 1 && lh == 1) {
            break;
        }
        (lw, lh) = (nw, nh);
    }
    if (lw, lh) == (w, h) {
        return None;
    }
    // Skia's own mip level for shrinking to (lw, lh): the deepest one not
    // smaller than it along the less shrunk side.
    let ratio = (w as f64 / lw as f64).min(h as f64 / lh as f64);
    let mip = ratio.log2().floor().max(0.0) as u32;
    // The level, charged while it is made and drawn, and the first
    // halving (each later one is smaller), while it is made (over the
    // budget, the draw stops: `None` here, and the run ends with its
    // memory-limit outcome). The image itself is read in place, not copied.
    let level_charge = crate::budget::scratch((lw * lh * 4) as u64)?;
    let _scratch = crate::budget::scratch((w * h) as u64)?;
    let mut pixels = Cow::Borrowed(image.premultiplied_data());
    let (mut cw, mut ch) = (w, h);
    for _ in 0..mip {
        let halved;
        (halved, cw, ch) = halve(&pixels, cw, ch);
        pixels = Cow::Owned(halved);
    }
    let data = bilinear_resize(&pixels, cw, ch, lw, lh);
    let pixmap = Pixmap::from_vec(data, IntSize::from_wh(lw as u32, lh as u32)?)?;
    Some((Image::from_pixmap(pixmap), level_charge))
}

/// Resizes premultiplied RGBA8 `w × h` to `nw × nh` by sampling each
/// output pixel centre bilinearly (edges clamped), in f32, rounded.
fn bilinear_resize(src: &[u8], w: usize, h: usize, nw: usize, nh: usize) -> Vec<u8> {
    let (kx, ky) = (w as f32 / nw as f32, h as f32 / nh as f32);
    let mut out = vec![0u8; nw * nh * 4];
    let at = |x: i64, y: i64, c: usize| {
        let x = x.clamp(0, w as i64 - 1) as usize;
        let y = y.clamp(0, h as i64 - 1) as usize;
        src[(y * w + x) * 4 + c] as f32
    };
    for y in 0..nh {
        let fy = (y as f32 + 0.5) * ky - 0.5;
        let (y0, ty) = (fy.floor(), fy - fy.floor());
        for x in 0..nw {
            let fx = (x as f32 + 0.5) * kx - 0.5;
            let (x0, tx) = (fx.floor(), fx - fx.floor());
            let (x0, y0i) = (x0 as i64, y0 as i64);
            for c in 0..4 {
                let v = at(x0, y0i, c) * (1.0 - tx) * (1.0 - ty)
                    + at(x0 + 1, y0i, c) * tx * (1.0 - ty)
                    + at(x0, y0i + 1, c) * (1.0 - tx) * ty
                    + at(x0 + 1, y0i + 1, c) * tx * ty;
                out[(y * nw + x) * 4 + c] = v.round().clamp(0.0, 255.0) as u8;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(w: u32, h: u32, at: u32) -> Image {
        let mut rgba = Vec::new();
        for _ in 0..h {
            for x in 0..w {
                let v = if x == at { 255 } else { 0 };
                rgba.extend_from_slice(&[v, v, v, 255]);
            }
        }
        Image::from_rgba8(w, h, rgba).unwrap()
    }

    #[test]
    fn an_eighth_of_a_power_of_two_image_is_box_filtered() {
        let (level, _) = decode_level(&column(64, 64, 16), 0.125, 0.125).unwrap();
        assert_eq!((level.width(), level.height()), (8, 8));
        // 255 / 8, truncated at each halving.
        assert_eq!(level.premultiplied_data()[2 * 4], 31);
    }

    #[test]
    fn odd_sides_round_up_and_resample_bilinearly() {
        // 37 → 19 (not 18): pixel 5 reads columns 10 and 11 at 0.79 / 0.21.
        let (level, _) = decode_level(&column(37, 29, 10), 19.0 / 37.0, 15.0 / 29.0).unwrap();
        assert_eq!((level.width(), level.height()), (19, 15));
        assert_eq!(level.premultiplied_data()[5 * 4], 201);
    }

    #[test]
    fn shrinking_less_than_half_or_growing_keeps_the_image() {
        assert!(decode_level(&column(37, 29, 0), 0.6, 0.6).is_none());
        assert!(decode_level(&column(37, 29, 0), 0.3, 2.0).is_none());
        assert!(decode_level(&column(37, 29, 0), 2.0, 2.0).is_none());
    }
}
