//! Prefiltering for shrinking images. tiny-skia samples with at most a
//! bicubic kernel and no mipmaps, which aliases when an image is drawn much
//! smaller; for `imageSmoothingQuality` medium and high the source region
//! is first resampled to about its on-screen size with a real convolution
//! filter (fast_image_resize, SIMD), then drawn near 1:1.

use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer, images};
use tiny_skia::{IntSize, Pixmap};

use crate::image::Image;
use crate::state::SmoothingQuality;

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
    let tw = if shrink_x { dev_w.ceil().max(1.0) } else { src.width().ceil() } as u32;
    let th = if shrink_y { dev_h.ceil().max(1.0) } else { src.height().ceil() } as u32;
    let filter = match quality {
        SmoothingQuality::Low | SmoothingQuality::Medium => FilterType::Box,
        SmoothingQuality::High => FilterType::Lanczos3,
    };
    let pixmap = image.pixmap();
    let source = images::ImageRef::new(pixmap.width(), pixmap.height(), pixmap.data(), PixelType::U8x4).ok()?;
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
    Some((Image::from_pixmap(out), kurbo::Rect::new(0.0, 0.0, tw as f64, th as f64)))
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
        let (small, rect) = prescale(&img, kurbo::Rect::new(0.0, 0.0, 64.0, 64.0), 8.0, 8.0, SmoothingQuality::Medium).unwrap();
        assert_eq!((small.width(), small.height()), (8, 8));
        assert_eq!(rect, kurbo::Rect::new(0.0, 0.0, 8.0, 8.0));
        for px in small.premultiplied_data().chunks(4) {
            assert!((120..=135).contains(&px[0]), "{px:?}");
            assert_eq!(px[3], 255);
        }
    }

    #[test]
    fn growing_needs_no_prefilter() {
        assert!(prescale(&checker(4), kurbo::Rect::new(0.0, 0.0, 4.0, 4.0), 16.0, 16.0, SmoothingQuality::High).is_none());
    }
}
