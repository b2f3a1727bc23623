//! Decoded images: what `drawImage` and `createPattern` read from.
//!
//! An [`Image`] is an immutable, shareable premultiplied RGBA bitmap. It is
//! made by decoding PNG, JPEG, GIF (first frame), WebP or BMP bytes through
//! the `image` crate (EXIF orientation applied and embedded RGB colour
//! profiles converted to sRGB, as browsers do), from raw RGBA, or as a
//! snapshot of a canvas.

use std::io::Cursor;
use std::sync::{Arc, OnceLock};

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use tiny_skia::{IntSize, Pixmap};

use crate::color_profile;
use crate::error::{Error, ErrorKind, Result};
use crate::limits::Limits;
use crate::pixels::{premultiply_in_place, unpremultiply_row};

/// A decoded image: premultiplied RGBA, never empty.
#[derive(Clone)]
pub struct Image {
    pixmap: Arc<Pixmap>,
    /// Whether every pixel is opaque, found on first use (every
    /// `drawImage` asks, and the answer never changes).
    opaque: Arc<OnceLock<bool>>,
    /// A decoded image's bytes, charged to the run's budget while any
    /// copy of the image lives.
    _charge: Arc<crate::budget::Charge>,
}

impl std::fmt::Debug for Image {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Image({}x{})", self.width(), self.height())
    }
}

/// The encoded formats [`Image::decode`] accepts.
pub const SUPPORTED_FORMATS: &[&str] = &["png", "jpeg", "gif", "webp", "bmp"];

fn decode_error(e: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Encoding,
        format!("the image could not be decoded: {e}"),
    )
}

impl Image {
    /// Decodes PNG, JPEG, GIF, WebP or BMP bytes (sniffed, not trusted from
    /// a file name). The declared size is checked against `limits` before
    /// any pixel memory is allocated.
    pub fn decode(bytes: &[u8], limits: &Limits) -> Result<Image> {
        let _timed = crate::timing::span(crate::timing::Stage::Decode);
        let format = image::guess_format(bytes).map_err(|_| {
            Error::new(
                ErrorKind::Encoding,
                "the data is not an image in a supported format (png, jpeg, gif, webp, bmp)",
            )
        })?;
        if !matches!(
            format,
            ImageFormat::Png
                | ImageFormat::Jpeg
                | ImageFormat::Gif
                | ImageFormat::WebP
                | ImageFormat::Bmp
        ) {
            return Err(Error::new(
                ErrorKind::Encoding,
                format!(
                    "{} images are not supported (png, jpeg, gif, webp, bmp are)",
                    format.extensions_str()[0]
                ),
            ));
        }
        let mut reader = ImageReader::new(Cursor::new(bytes));
        reader.set_format(format);
        // The declared size is checked by `limits` once the header is read
        // (a clearer error than the decoder's); the decoder's own cap only
        // bounds what it allocates: a 16-bit RGBA decode plus the 8-bit copy.
        let mut image_limits = image::Limits::default();
        image_limits.max_alloc = Some(limits.max_pixels.saturating_mul(12));
        reader.limits(image_limits);
        let mut decoder = reader.into_decoder().map_err(decode_error)?;
        let (w, h) = decoder.dimensions();
        limits.check("image", w as u64, h as u64)?;
        // Charged before decoding: the decoded pixels (and the decoder's
        // working copy) never exist past the budget.
        let charge = limits.charge(
            &format!("decoding a {w}x{h} image"),
            u64::from(w) * u64::from(h) * 4,
        )?;
        let orientation = decoder
            .orientation()
            .unwrap_or(image::metadata::Orientation::NoTransforms);
        // A profile that cannot be read is treated as no profile.
        let icc = decoder.icc_profile().ok().flatten();
        let mut rgba = crate::decode_rgba::read_rgba8(decoder).map_err(decode_error)?;
        if orientation != image::metadata::Orientation::NoTransforms {
            let mut oriented = DynamicImage::ImageRgba8(rgba);
            oriented.apply_orientation(orientation);
            rgba = oriented.into_rgba8();
        }
        if let Some(icc) = icc {
            color_profile::convert_to_srgb(&icc, &mut rgba);
        }
        let (w, h) = rgba.dimensions();
        let mut image = Image::from_rgba8(w, h, rgba.into_raw())?;
        image._charge = Arc::new(charge);
        Ok(image)
    }

    /// An image from unpremultiplied RGBA bytes.
    pub fn from_rgba8(width: u32, height: u32, mut rgba: Vec<u8>) -> Result<Image> {
        let size = IntSize::from_wh(width, height)
            .ok_or_else(|| Error::invalid_state("an image cannot have a zero side"))?;
        if rgba.len() != width as usize * height as usize * 4 {
            return Err(Error::invalid_state(
                "RGBA data length does not match the image size",
            ));
        }
        premultiply_in_place(&mut rgba);
        let pixmap =
            Pixmap::from_vec(rgba, size).ok_or_else(|| Error::invalid_state("bad image size"))?;
        Ok(Image::from_pixmap(pixmap))
    }

    /// Wraps a premultiplied pixmap.
    pub(crate) fn from_pixmap(pixmap: Pixmap) -> Image {
        Image {
            pixmap: Arc::new(pixmap),
            opaque: Arc::default(),
            _charge: Arc::default(),
        }
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.pixmap.width()
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.pixmap.height()
    }

    /// The pixels as unpremultiplied RGBA.
    pub fn to_rgba8(&self) -> Vec<u8> {
        let mut out = vec![0; self.pixmap.data().len()];
        unpremultiply_row(self.pixmap.data(), &mut out);
        out
    }

    /// The premultiplied RGBA bytes.
    pub fn premultiplied_data(&self) -> &[u8] {
        self.pixmap.data()
    }

    /// Whether every pixel is fully opaque (Chromium shadows such images
    /// differently from ones with any transparency).
    pub(crate) fn is_opaque(&self) -> bool {
        *self
            .opaque
            .get_or_init(|| self.pixmap.pixels().iter().all(|p| p.alpha() == 255))
    }

    pub(crate) fn pixmap(&self) -> &Pixmap {
        &self.pixmap
    }

    /// A copy with `pad` transparent pixels on every side.
    pub(crate) fn padded(&self, pad: u32) -> Image {
        let (w, h) = (self.width(), self.height());
        let mut out =
            Pixmap::new(w + 2 * pad, h + 2 * pad).expect("padding a valid image stays valid");
        out.draw_pixmap(
            pad as i32,
            pad as i32,
            Pixmap::as_ref(&self.pixmap),
            &tiny_skia::PixmapPaint {
                blend_mode: tiny_skia::BlendMode::Source,
                ..Default::default()
            },
            tiny_skia::Transform::identity(),
            None,
        );
        Image::from_pixmap(out)
    }

    /// Whether two handles share the same pixels.
    pub fn ptr_eq(&self, other: &Image) -> bool {
        Arc::ptr_eq(&self.pixmap, &other.pixmap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_bytes(w: u32, h: u32, rgba: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.write_header().unwrap().write_image_data(rgba).unwrap();
        out
    }

    #[test]
    fn decodes_png_to_premultiplied_pixels() {
        let img = Image::decode(
            &png_bytes(2, 1, &[255, 0, 0, 255, 0, 0, 255, 128]),
            &Limits::default(),
        )
        .unwrap();
        assert_eq!((img.width(), img.height()), (2, 1));
        assert_eq!(img.premultiplied_data(), &[255, 0, 0, 255, 0, 0, 128, 128]);
        assert_eq!(img.to_rgba8(), vec![255, 0, 0, 255, 0, 0, 255, 128]);
    }

    #[test]
    fn refuses_images_over_the_size_budget_before_decoding() {
        let bytes = png_bytes(64, 64, &vec![0; 64 * 64 * 4]);
        let err = Image::decode(
            &bytes,
            &Limits {
                max_side: 32,
                max_pixels: 1 << 20,
                budget: None,
            },
        )
        .unwrap_err();
        assert!(
            matches!(err.kind, ErrorKind::Budget | ErrorKind::Encoding),
            "{err}"
        );
    }

    #[test]
    fn garbage_and_truncated_data_are_encoding_errors() {
        assert_eq!(
            Image::decode(b"not an image", &Limits::default())
                .unwrap_err()
                .kind,
            ErrorKind::Encoding
        );
        let bytes = png_bytes(8, 8, &[7; 8 * 8 * 4]);
        let err = Image::decode(&bytes[..bytes.len() / 2], &Limits::default()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Encoding);
        assert_eq!(
            Image::decode(&[], &Limits::default()).unwrap_err().kind,
            ErrorKind::Encoding
        );
    }

    #[test]
    fn raw_rgba_must_match_the_size() {
        assert!(Image::from_rgba8(2, 2, vec![0; 15]).is_err());
        assert!(Image::from_rgba8(0, 2, vec![]).is_err());
        assert!(Image::from_rgba8(1, 1, vec![1, 2, 3, 4]).is_ok());
    }

    #[test]
    fn padding_adds_a_transparent_border() {
        let img = Image::from_rgba8(1, 1, vec![9, 9, 9, 255])
            .unwrap()
            .padded(2);
        assert_eq!((img.width(), img.height()), (5, 5));
        let alpha: Vec<u8> = img.premultiplied_data().chunks(4).map(|p| p[3]).collect();
        assert_eq!(alpha.iter().filter(|a| **a == 255).count(), 1);
        assert_eq!(alpha[12], 255);
    }
}
