//! `ImageData` and the pixel conversions behind `getImageData` /
//! `putImageData`.
//!
//! The bitmap is premultiplied; scripts see unpremultiplied RGBA. Both
//! conversions reproduce Skia's raster pipeline (8-bit → f32 by ×(1/255),
//! multiply or divide by alpha, back to 8-bit by truncating x·255 + 0.5),
//! which matches Chromium's `putImageData` → `getImageData` round trip on
//! every (value, alpha) pair; tables make them a lookup per channel.

use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::limits::Limits;

/// Unpremultiplied 8-bit RGBA pixels, as `ImageData.data` holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageData {
    width: u32,
    height: u32,
    data: Vec<u8>,
}

impl ImageData {
    /// Transparent black pixels (`createImageData(sw, sh)`,
    /// `new ImageData(sw, sh)`): a zero side is an `IndexSizeError`.
    pub fn new(width: u32, height: u32, limits: &Limits) -> Result<Self> {
        if width == 0 || height == 0 {
            return Err(Error::index_size(format!(
                "the source {} is 0",
                if width == 0 { "width" } else { "height" }
            )));
        }
        limits.check("ImageData", width as u64, height as u64)?;
        Ok(ImageData {
            width,
            height,
            data: vec![0; width as usize * height as usize * 4],
        })
    }

    /// Wraps existing RGBA bytes (`new ImageData(data, sw, sh?)`). The length
    /// must be a non-zero multiple of 4 (`InvalidStateError`) and of
    /// `4 × width` (`IndexSizeError`); a given `height` must match.
    pub fn from_rgba(data: Vec<u8>, width: u32, height: Option<u32>) -> Result<Self> {
        if data.is_empty() || !data.len().is_multiple_of(4) {
            return Err(Error::invalid_state(
                "the input data length is not a non-zero multiple of 4",
            ));
        }
        if width == 0 {
            return Err(Error::index_size("the source width is 0"));
        }
        let row = width as usize * 4;
        if !data.len().is_multiple_of(row) {
            return Err(Error::index_size(
                "the input data length is not a multiple of (4 * width)",
            ));
        }
        let rows = (data.len() / row) as u32;
        if let Some(h) = height
            && h != rows
        {
            return Err(Error::index_size(
                "the input data length is not equal to (4 * width * height)",
            ));
        }
        Ok(ImageData {
            width,
            height: rows,
            data,
        })
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The RGBA bytes, row-major.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The RGBA bytes, writable (what scripts do through `.data`).
    pub fn data_mut(&mut self) -> &mut [u8] {
        &mut self.data
    }

    /// Takes the RGBA bytes.
    pub fn into_data(self) -> Vec<u8> {
        self.data
    }
}

/// Skia's 8-bit load: v × (1/255) in f32.
fn load(v: u8) -> f32 {
    v as f32 * (1.0 / 255.0)
}

/// Skia's 8-bit store: clamp to 0..=1, then trunc(x × 255 + 0.5).
fn store(x: f32) -> u8 {
    (x.clamp(0.0, 1.0) * 255.0 + 0.5) as u8
}

fn table(f: impl Fn(u8, u8) -> u8) -> Box<[u8]> {
    let mut t = vec![0u8; 256 * 256];
    for a in 0..=255u8 {
        for v in 0..=255u8 {
            t[a as usize * 256 + v as usize] = f(v, a);
        }
    }
    t.into_boxed_slice()
}

/// Premultiplies channel `v` by alpha `a`.
pub fn premultiply(v: u8, a: u8) -> u8 {
    static T: OnceLock<Box<[u8]>> = OnceLock::new();
    T.get_or_init(|| table(|v, a| store(load(v) * load(a))))[a as usize * 256 + v as usize]
}

/// Divides premultiplied channel `v` by alpha `a` (0 when `a` is 0).
pub fn unpremultiply(v: u8, a: u8) -> u8 {
    static T: OnceLock<Box<[u8]>> = OnceLock::new();
    T.get_or_init(|| {
        table(|v, a| {
            if a == 0 {
                0
            } else {
                store(load(v) * (1.0 / load(a)))
            }
        })
    })[a as usize * 256 + v as usize]
}

/// Converts a premultiplied RGBA row into unpremultiplied RGBA.
pub fn unpremultiply_row(src: &[u8], dst: &mut [u8]) {
    for (s, d) in src.chunks_exact(4).zip(dst.chunks_exact_mut(4)) {
        let a = s[3];
        if a == 255 {
            d.copy_from_slice(s);
        } else {
            d[0] = unpremultiply(s[0], a);
            d[1] = unpremultiply(s[1], a);
            d[2] = unpremultiply(s[2], a);
            d[3] = a;
        }
    }
}

/// Converts an unpremultiplied RGBA row into premultiplied RGBA.
pub fn premultiply_row(src: &[u8], dst: &mut [u8]) {
    for (s, d) in src.chunks_exact(4).zip(dst.chunks_exact_mut(4)) {
        let a = s[3];
        if a == 255 {
            d.copy_from_slice(s);
        } else {
            d[0] = premultiply(s[0], a);
            d[1] = premultiply(s[1], a);
            d[2] = premultiply(s[2], a);
            d[3] = a;
        }
    }
}

/// Premultiplies unpremultiplied RGBA pixels in place (opaque pixels, the
/// whole of a photo, are left as they are).
pub fn premultiply_in_place(rgba: &mut [u8]) {
    for px in rgba.chunks_exact_mut(4) {
        let a = px[3];
        if a != 255 {
            px[0] = premultiply(px[0], a);
            px[1] = premultiply(px[1], a);
            px[2] = premultiply(px[2], a);
        }
    }
}

/// A rectangle given by possibly negative extents, normalised so width and
/// height are positive (the rectangle spanned by the two corners).
pub(crate) fn normalise_rect(x: i64, y: i64, w: i64, h: i64) -> (i64, i64, i64, i64) {
    let (x, w) = if w < 0 { (x + w, -w) } else { (x, w) };
    let (y, h) = if h < 0 { (y + h, -h) } else { (y, h) };
    (x, y, w, h)
}

/// Reads `w × h` pixels at (x, y) of a premultiplied bitmap
/// (`bitmap_w × bitmap_h`, RGBA) as unpremultiplied RGBA; pixels outside the
/// bitmap read as transparent black.
pub(crate) fn read_region(
    bitmap: &[u8],
    bitmap_w: u32,
    bitmap_h: u32,
    x: i64,
    y: i64,
    out: &mut ImageData,
) {
    let (w, h) = (out.width as i64, out.height as i64);
    let x0 = x.clamp(0, bitmap_w as i64);
    let x1 = (x + w).clamp(0, bitmap_w as i64);
    if x0 >= x1 {
        return;
    }
    for row in 0..h {
        let by = y + row;
        if by < 0 || by >= bitmap_h as i64 {
            continue;
        }
        let src_start = (by as usize * bitmap_w as usize + x0 as usize) * 4;
        let src = &bitmap[src_start..src_start + (x1 - x0) as usize * 4];
        let dst_start = (row as usize * w as usize + (x0 - x) as usize) * 4;
        unpremultiply_row(src, &mut out.data[dst_start..dst_start + src.len()]);
    }
}

/// Writes the dirty rectangle of `image` at (dx, dy) into a premultiplied
/// bitmap, replacing pixels (no alpha, compositing, shadow or clip), per the
/// `putImageData` algorithm. Arguments are already IDL `long`s.
pub(crate) fn write_region(
    bitmap: &mut [u8],
    bitmap_w: u32,
    bitmap_h: u32,
    image: &ImageData,
    dx: i64,
    dy: i64,
    dirty: Option<(i64, i64, i64, i64)>,
) {
    let (iw, ih) = (image.width as i64, image.height as i64);
    let (mut x, mut y, mut w, mut h) = normalise_rect_dirty(dirty.unwrap_or((0, 0, iw, ih)));
    if x < 0 {
        w += x;
        x = 0;
    }
    if y < 0 {
        h += y;
        y = 0;
    }
    w = w.min(iw - x);
    h = h.min(ih - y);
    // Clip further to the destination bitmap.
    let x_start = x.max(-dx);
    let x_end = (x + w).min(bitmap_w as i64 - dx);
    let y_start = y.max(-dy);
    let y_end = (y + h).min(bitmap_h as i64 - dy);
    if x_start >= x_end || y_start >= y_end {
        return;
    }
    let len = (x_end - x_start) as usize * 4;
    for sy in y_start..y_end {
        let src_start = (sy as usize * iw as usize + x_start as usize) * 4;
        let dst_start = ((sy + dy) as usize * bitmap_w as usize + (x_start + dx) as usize) * 4;
        premultiply_row(
            &image.data[src_start..src_start + len],
            &mut bitmap[dst_start..dst_start + len],
        );
    }
}

fn normalise_rect_dirty((x, y, w, h): (i64, i64, i64, i64)) -> (i64, i64, i64, i64) {
    normalise_rect(x, y, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn premultiplying_in_place_matches_the_row_conversion() {
        let src: Vec<u8> = (0..=255u8).flat_map(|a| [a, 255 - a, a / 2, a]).collect();
        let mut row = vec![0; src.len()];
        premultiply_row(&src, &mut row);
        let mut in_place = src.clone();
        premultiply_in_place(&mut in_place);
        assert_eq!(in_place, row);
    }

    #[test]
    fn premultiply_then_unpremultiply_matches_chromium_samples() {
        // (value, alpha) → what Chromium's putImageData→getImageData returns.
        let observed = [
            ((25, 200), 25),
            ((26, 200), 25),
            ((77, 200), 76),
            ((1, 128), 2),
            ((3, 128), 4),
            ((255, 1), 255),
            ((128, 1), 255),
            ((100, 3), 85),
            ((254, 254), 254),
        ];
        for ((v, a), expect) in observed {
            assert_eq!(unpremultiply(premultiply(v, a), a), expect, "v={v} a={a}");
        }
    }

    #[test]
    fn opaque_pixels_round_trip_exactly() {
        for v in 0..=255u8 {
            assert_eq!(unpremultiply(premultiply(v, 255), 255), v);
        }
    }

    #[test]
    fn zero_alpha_unpremultiplies_to_zero() {
        assert_eq!(unpremultiply(0, 0), 0);
        assert_eq!(premultiply(200, 0), 0);
    }

    #[test]
    fn image_data_with_a_zero_side_is_an_index_size_error() {
        assert_eq!(
            ImageData::new(0, 5, &Limits::default()).unwrap_err().kind,
            crate::ErrorKind::IndexSize
        );
    }

    #[test]
    fn image_data_over_budget_is_refused_before_allocating() {
        let err = ImageData::new(100_000, 100_000, &Limits::default()).unwrap_err();
        assert_eq!(err.kind, crate::ErrorKind::Budget);
    }

    #[test]
    fn image_data_from_bytes_validates_length() {
        assert_eq!(
            ImageData::from_rgba(vec![0; 6], 1, None).unwrap_err().kind,
            crate::ErrorKind::InvalidState
        );
        assert_eq!(
            ImageData::from_rgba(vec![0; 12], 2, None).unwrap_err().kind,
            crate::ErrorKind::IndexSize
        );
        assert_eq!(
            ImageData::from_rgba(vec![0; 16], 2, Some(3))
                .unwrap_err()
                .kind,
            crate::ErrorKind::IndexSize
        );
        let ok = ImageData::from_rgba(vec![0; 16], 2, None).unwrap();
        assert_eq!((ok.width(), ok.height()), (2, 2));
    }

    #[test]
    fn read_region_fills_outside_with_transparent_black() {
        let bitmap = [255u8; 2 * 2 * 4];
        let mut out = ImageData::new(4, 1, &Limits::default()).unwrap();
        read_region(&bitmap, 2, 2, -1, 1, &mut out);
        assert_eq!(
            out.data(),
            &[
                0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 0
            ]
        );
    }

    #[test]
    fn write_region_applies_the_dirty_rectangle() {
        let mut bitmap = vec![0u8; 4 * 4 * 4];
        let mut img = ImageData::new(4, 4, &Limits::default()).unwrap();
        img.data_mut().iter_mut().for_each(|b| *b = 255);
        // Negative dirty extents normalise: (3,3,-2,-2) is the 2x2 block at (1,1).
        write_region(&mut bitmap, 4, 4, &img, 0, 0, Some((3, 3, -2, -2)));
        let opaque: Vec<usize> = (0..16).filter(|i| bitmap[i * 4 + 3] == 255).collect();
        assert_eq!(opaque, [5, 6, 9, 10]);
    }

    #[test]
    fn write_region_clips_to_the_bitmap() {
        let mut bitmap = vec![0u8; 2 * 2 * 4];
        let mut img = ImageData::new(3, 3, &Limits::default()).unwrap();
        img.data_mut().iter_mut().for_each(|b| *b = 255);
        write_region(&mut bitmap, 2, 2, &img, 1, -1, None);
        let opaque: Vec<usize> = (0..4).filter(|i| bitmap[i * 4 + 3] == 255).collect();
        assert_eq!(opaque, [1, 3]);
    }
}
