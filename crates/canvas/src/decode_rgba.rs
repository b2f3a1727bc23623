//! A decoder's pixels read straight into one RGBA8 buffer.
//!
//! `DynamicImage::from_decoder(..).into_rgba8()` holds two copies of a
//! photo at once (the decoder's RGB, then the RGBA made from it); with
//! decodes running side by side that doubled what decoding a poster's
//! photos took at its peak, and the freed RGB copies stayed in the
//! allocator as holes beside the kept images. Here the buffer is allocated
//! once at its final size: 8-bit gray, gray + alpha and RGB are read into
//! its front and widened in place, back to front (every pixel's
//! destination lies at or after its source, so nothing unread is
//! overwritten). Other layouts (16-bit, float) take `image`'s conversion.

use image::{ColorType, DynamicImage, ImageDecoder, ImageResult, RgbaImage};

/// Decodes all of `decoder`'s pixels as unpremultiplied RGBA8.
pub(crate) fn read_rgba8(decoder: impl ImageDecoder) -> ImageResult<RgbaImage> {
    let (w, h) = decoder.dimensions();
    let pixels = w as usize * h as usize;
    let channels = match decoder.color_type() {
        ColorType::Rgba8 => 4,
        ColorType::Rgb8 => 3,
        ColorType::La8 => 2,
        ColorType::L8 => 1,
        _ => return Ok(DynamicImage::from_decoder(decoder)?.into_rgba8()),
    };
    let mut buf = vec![0u8; pixels * 4];
    decoder.read_image(&mut buf[..pixels * channels])?;
    widen(&mut buf, channels);
    Ok(RgbaImage::from_raw(w, h, buf).expect("the buffer holds w × h RGBA pixels"))
}

/// Turns the first `len / 4` pixels of `channels` bytes each at the front
/// of `buf` into RGBA filling all of it.
fn widen(buf: &mut [u8], channels: usize) {
    let pixels = buf.len() / 4;
    match channels {
        3 => {
            for i in (0..pixels).rev() {
                let [r, g, b] = [buf[3 * i], buf[3 * i + 1], buf[3 * i + 2]];
                buf[4 * i..4 * i + 4].copy_from_slice(&[r, g, b, 255]);
            }
        }
        2 => {
            for i in (0..pixels).rev() {
                let [v, a] = [buf[2 * i], buf[2 * i + 1]];
                buf[4 * i..4 * i + 4].copy_from_slice(&[v, v, v, a]);
            }
        }
        1 => {
            for i in (0..pixels).rev() {
                let v = buf[i];
                buf[4 * i..4 * i + 4].copy_from_slice(&[v, v, v, 255]);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `pixels` of `channels` bytes each at the front of an RGBA-sized
    /// buffer whose tail holds junk the widening must overwrite.
    fn packed(pixels: &[&[u8]], channels: usize) -> Vec<u8> {
        let mut buf: Vec<u8> = pixels.iter().flat_map(|p| p.iter().copied()).collect();
        assert!(pixels.iter().all(|p| p.len() == channels));
        buf.resize(pixels.len() * 4, 0xAB);
        buf
    }

    #[test]
    fn rgb_gets_an_opaque_alpha_in_place() {
        let mut buf = packed(&[&[1, 2, 3], &[4, 5, 6], &[7, 8, 9]], 3);
        widen(&mut buf, 3);
        assert_eq!(buf, [1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255]);
    }

    #[test]
    fn gray_and_gray_alpha_spread_to_three_channels() {
        let mut buf = packed(&[&[10, 128], &[20, 0]], 2);
        widen(&mut buf, 2);
        assert_eq!(buf, [10, 10, 10, 128, 20, 20, 20, 0]);
        let mut buf = packed(&[&[30], &[40], &[50]], 1);
        widen(&mut buf, 1);
        assert_eq!(buf, [30, 30, 30, 255, 40, 40, 40, 255, 50, 50, 50, 255]);
    }

    #[test]
    fn a_jpeg_reads_as_the_rgba_images_conversion_gives() {
        let mut rgb = Vec::new();
        for y in 0..24u32 {
            for x in 0..40u32 {
                rgb.extend_from_slice(&[(x * 6) as u8, (y * 10) as u8, ((x + y) * 3) as u8]);
            }
        }
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
            .encode(&rgb, 40, 24, image::ExtendedColorType::Rgb8)
            .unwrap();
        let decoder =
            || image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(&jpeg)).unwrap();
        let expected = DynamicImage::from_decoder(decoder()).unwrap().into_rgba8();
        assert_eq!(read_rgba8(decoder()).unwrap(), expected);
    }
}
