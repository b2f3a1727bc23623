//! Helpers: canvas builders, reference pixel maths and decoders.

use std::io::Cursor;

use mpcanvas_export::{ExportError, ExportOptions, Format, Pixels, SourceRect, export};

/// An owned premultiplied RGBA8 canvas.
#[derive(Clone)]
pub(crate) struct Canvas {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) data: Vec<u8>,
}

impl Canvas {
    /// A canvas filled with one premultiplied pixel.
    pub(crate) fn filled(width: u32, height: u32, px: [u8; 4]) -> Self {
        let data = px.repeat(width as usize * height as usize);
        Self {
            width,
            height,
            data,
        }
    }

    /// A canvas from straight (unpremultiplied) RGBA pixels given by `f(x, y)`.
    pub(crate) fn from_fn(width: u32, height: u32, f: impl Fn(u32, u32) -> [u8; 4]) -> Self {
        let mut data = Vec::with_capacity(width as usize * height as usize * 4);
        for y in 0..height {
            for x in 0..width {
                data.extend_from_slice(&premultiply(f(x, y)));
            }
        }
        Self {
            width,
            height,
            data,
        }
    }

    pub(crate) fn pixels(&self) -> Pixels<'_> {
        Pixels::new(self.width, self.height, &self.data)
    }

    pub(crate) fn export(
        &self,
        src: SourceRect,
        opts: &ExportOptions,
    ) -> Result<Vec<u8>, ExportError> {
        export(self.pixels(), src, opts)
    }

    /// Exports the whole canvas to `w × h` PNG and decodes it to straight RGBA.
    pub(crate) fn png_rgba(&self, src: SourceRect, w: u32, h: u32) -> Decoded {
        let bytes = self
            .export(src, &ExportOptions::new(w, h, Format::PNG))
            .unwrap();
        decode_png(&bytes)
    }
}

/// Skia's premultiply: `c × a / 255` rounded to nearest.
pub(crate) fn premultiply([r, g, b, a]: [u8; 4]) -> [u8; 4] {
    let m = |c: u8| ((f64::from(c) * f64::from(a)) / 255.0).round() as u8;
    [m(r), m(g), m(b), a]
}

/// Chromium's unpremultiply: `c × 255 / a` rounded, clamped.
pub(crate) fn unpremultiply([r, g, b, a]: [u8; 4]) -> [u8; 4] {
    if a == 0 {
        return [0; 4];
    }
    let u = |c: u8| ((u32::from(c) * 255 + u32::from(a) / 2) / u32::from(a)).min(255) as u8;
    [u(r), u(g), u(b), a]
}

/// A decoded image, always expanded to RGBA.
pub(crate) struct Decoded {
    pub(crate) width: u32,
    pub(crate) height: u32,
    /// The colour type stored in the file.
    pub(crate) color: png::ColorType,
    pub(crate) rgba: Vec<u8>,
}

impl Decoded {
    pub(crate) fn px(&self, x: u32, y: u32) -> [u8; 4] {
        let i = (y * self.width + x) as usize * 4;
        self.rgba[i..i + 4].try_into().unwrap()
    }
}

pub(crate) fn decode_png(bytes: &[u8]) -> Decoded {
    let mut reader = png::Decoder::new(Cursor::new(bytes)).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    assert_eq!(info.bit_depth, png::BitDepth::Eight);
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("unexpected colour type {other:?}"),
    };
    Decoded {
        width: info.width,
        height: info.height,
        color: info.color_type,
        rgba,
    }
}

/// Decodes a JPEG to `(width, height, RGB bytes)`.
pub(crate) fn decode_jpeg(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = zune_jpeg::JpegDecoder::new(Cursor::new(bytes));
    let rgb = decoder.decode().unwrap();
    let info = decoder.info().unwrap();
    (u32::from(info.width), u32::from(info.height), rgb)
}

/// A small deterministic PRNG (xorshift32) for noise.
pub(crate) struct Rng(pub(crate) u32);

impl Rng {
    pub(crate) fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }
}
