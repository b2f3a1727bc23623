//! [`Image`]: a rendered canvas, ready to encode or save.

use std::path::Path;

use mpcanvas_canvas::timing::{self, Stage};
use mpcanvas_export::{ExportOptions, Format, FormatKind, Pixels, SourceRect};

use crate::Error;

/// A drawn canvas: premultiplied RGBA pixels (as the canvas holds them).
#[derive(Debug, Clone)]
pub struct Image {
    width: u32,
    height: u32,
    data: Vec<u8>,
    missing_glyphs: Option<String>,
}

impl Image {
    /// The canvas's pixels, taken over rather than copied.
    pub(crate) fn from_canvas(canvas: mpcanvas_canvas::Context2d) -> Image {
        let missing_glyphs = canvas.missing_glyphs_note();
        let (width, height) = (canvas.width(), canvas.height());
        Image {
            width,
            height,
            data: canvas.into_premultiplied_data(),
            missing_glyphs,
        }
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// Premultiplied RGBA8 pixels, row by row.
    pub fn premultiplied_data(&self) -> &[u8] {
        &self.data
    }

    /// The unpremultiplied RGBA of the pixel at (`x`, `y`) (transparent
    /// black outside the image).
    pub fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        if x >= self.width || y >= self.height {
            return [0; 4];
        }
        let i = (y as usize * self.width as usize + x as usize) * 4;
        // The conversion `getImageData` makes.
        let mut out = [0; 4];
        mpcanvas_canvas::pixels::unpremultiply_row(&self.data[i..i + 4], &mut out);
        out
    }

    /// A note naming the characters no font could draw, if any.
    pub fn missing_glyphs_note(&self) -> Option<&str> {
        self.missing_glyphs.as_deref()
    }

    /// The image encoded in `format` (JPEG on a white background, as
    /// mini-program exports are).
    pub fn encode(&self, format: Format) -> Result<Vec<u8>, Error> {
        let (w, h) = (self.width, self.height);
        let _timed = timing::span(Stage::Encode);
        Ok(mpcanvas_export::export(
            Pixels::new(w, h, &self.data),
            SourceRect::full(w, h),
            &ExportOptions::new(w, h, format),
        )?)
    }

    /// Encodes the image in the format `path`'s extension names (`.png`,
    /// `.jpg`, `.jpeg`; JPEG at `quality`) and writes it atomically: a
    /// failure leaves no partial file. Returns the format written.
    pub fn save(&self, path: &Path, quality: f32) -> Result<Format, Error> {
        let kind = FormatKind::from_path(path).ok_or_else(|| Error::UnknownFormat(path.into()))?;
        let format = kind.with_quality(quality);
        let bytes = self.encode(format)?;
        mpcanvas_platform::atomic::write(path, &bytes).map_err(|source| Error::Write {
            path: path.into(),
            source,
        })?;
        Ok(format)
    }
}
