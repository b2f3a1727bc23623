//! Prefiltering for shrinking images. tiny-skia samples with at most a
//! bicubic kernel and no mipmaps, which aliases when an image is drawn much
//! smaller; for `imageSmoothingQuality` medium and high the source region
//! is first resampled to about its on-screen size with a real convolution
//! filter (fast_image_resize, SIMD), then drawn near 1:1.

use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer, images};
use tiny_skia::{IntSize, Pixmap};

use crate::image::Image;
use crate::state::SmoothingQuality;

/// For `imageSmoothingQuality = "low"`: the mip level Chromium's image
/// cache would hand the rasterizer for a draw that shrinks the image by
/// `scale_x × scale_y` (device px per image px): the image halved with a
/// 2×2 box as many times as the shrink allows while staying at least the
/// drawn size. Returns the level and its size relative to the original,
/// or `None` at full size.
pub(crate) fn mip_level(image: &Image, scale_x: f64, scale_y: f64) -> Option<(Image, f64, f64)> {
    let shrink = scale_x.max(scale_y);
    if !(shrink > 0.0 && shrink < 0.5) {
        return None;
    }
    let levels = (1.0 / shrink).log2().floor() as u32;
    let mut level = image.clone();
    for _ in 0..levels {
        let (w, h) = (level.width(), level.height());
        if w < 2 && h < 2 {
            break;
        }
        level = halve(&level);
    }
    let (fx, fy) = (
        level.width() as f64 / image.width() as f64,
        level.height() as f64 / image.height() as f64,
    );
    Some((level, fx, fy))
}

/// One mip step: each output pixel is the average of a 2×2 block
/// (premultiplied, rounded), sides halved and rounded down (at least 1).
fn halve(image: &Image) -> Image {
    let (w, h) = (image.width() as usize, image.height() as usize);
    let (nw, nh) = ((w / 2).max(1), (h / 2).max(1));
    let src = image.premultiplied_data();
    let mut out = vec![0u8; nw * nh * 4];
    for y in 0..nh {
        let (y0, y1) = ((2 * y).min(h - 1), (2 * y + 1).min(h - 1));
        for x in 0..nw {
            let (x0, x1) = ((2 * x).min(w - 1), (2 * x + 1).min(w - 1));
            for c in 0..4 {
                let sum: u32 = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)]
                    .iter()
                    .map(|&(px, py)| src[(py * w + px) * 4 + c] as u32)
                    .sum();
                out[(y * nw + x) * 4 + c] = ((sum + 2) / 4) as u8;
            }
        }
    }
    let size = IntSize::from_wh(nw as u32, nh as u32).expect("halved sides stay at least 1");
    Image::from_pixmap(Pixmap::from_vec(out, size).expect("buffer matches the size"))
}

/// Resamples the `src` region of `image` to the device size it will cover
/// (`dev_w × dev_h`), when that shrinks it. Returns the new image and the
/// region of it that corresponds to `src` (the whole image), or `None`
/// when no prefilter is needed.
pub(crate) fn prescale(
    image: &Image,
    src: kurbo::Rect,
    dev_w: f64,
    dev_h: f64,
    quality: SmoothingQuality,
) -> Option<(Image, kurbo::Rect)> {
    let shrink_x = dev_w < src.width() * 0.999;
    let shrink_y = dev_h < src.height() * 0.999;
    if !(shrink_x || shrink_y) {
        return None;
    }
    let tw = if shrink_x {
        dev_w.ceil().max(1.0)
    } else {
        src.width().ceil()
    } as u32;
    let th = if shrink_y {
        dev_h.ceil().max(1.0)
    } else {
        src.height().ceil()
    } as u32;
    let filter = match quality {
        SmoothingQuality::Low | SmoothingQuality::Medium => FilterType::Box,
        SmoothingQuality::High => FilterType::Lanczos3,
    };
    let pixmap = image.pixmap();
    let source = images::ImageRef::new(
        pixmap.width(),
        pixmap.height(),
        pixmap.data(),
        PixelType::U8x4,
    )
    .ok()?;
    let mut dest = images::Image::new(tw, th, PixelType::U8x4);
    // The data is premultiplied already: no alpha handling in the resizer.
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(filter))
        .crop(src.x0, src.y0, src.width(), src.height())
        .use_alpha(false);
    Resizer::new().resize(&source, &mut dest, &options).ok()?;
    let mut data = dest.into_vec();
    // Lanczos rings: keep premultiplied colour ≤ alpha.
    for px in data.chunks_exact_mut(4) {
        let a = px[3];
        px[0] = px[0].min(a);
        px[1] = px[1].min(a);
        px[2] = px[2].min(a);
    }
    let out = Pixmap::from_vec(data, IntSize::from_wh(tw, th)?)?;
    Some((
        Image::from_pixmap(out),
        kurbo::Rect::new(0.0, 0.0, tw as f64, th as f64),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checker(n: u32) -> Image {
        let mut rgba = Vec::new();
        for y in 0..n {
            for x in 0..n {
                let v = if (x + y) % 2 == 0 { 255 } else { 0 };
                rgba.extend_from_slice(&[v, v, v, 255]);
            }
        }
        Image::from_rgba8(n, n, rgba).unwrap()
    }

    #[test]
    fn shrinking_a_checkerboard_averages_to_grey() {
        let img = checker(64);
        let (small, rect) = prescale(
            &img,
            kurbo::Rect::new(0.0, 0.0, 64.0, 64.0),
            8.0,
            8.0,
            SmoothingQuality::Medium,
        )
        .unwrap();
        assert_eq!((small.width(), small.height()), (8, 8));
        assert_eq!(rect, kurbo::Rect::new(0.0, 0.0, 8.0, 8.0));
        for px in small.premultiplied_data().chunks(4) {
            assert!((120..=135).contains(&px[0]), "{px:?}");
            assert_eq!(px[3], 255);
        }
    }

    #[test]
    fn growing_needs_no_prefilter() {
        assert!(
            prescale(
                &checker(4),
                kurbo::Rect::new(0.0, 0.0, 4.0, 4.0),
                16.0,
                16.0,
                SmoothingQuality::High
            )
            .is_none()
        );
    }
}
