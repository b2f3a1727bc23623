//! What the export reads: the canvas pixels and the rectangle to take.

use crate::ExportError;

/// A borrowed canvas bitmap: premultiplied RGBA8, row-major, no row padding.
///
/// This is the layout of a tiny-skia `Pixmap` (`pixmap.data()`), so a canvas
/// can be exported without copying it. The length is checked by
/// [`export`](crate::export).
#[derive(Debug, Clone, Copy)]
pub struct Pixels<'a> {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width × height × 4` bytes: R, G, B, A per pixel, colour premultiplied
    /// by alpha.
    pub data: &'a [u8],
}

impl<'a> Pixels<'a> {
    /// Wraps a buffer; the length is validated by [`export`](crate::export).
    pub fn new(width: u32, height: u32, data: &'a [u8]) -> Self {
        Self {
            width,
            height,
            data,
        }
    }

    /// Checks that `data` holds exactly `width × height` pixels.
    pub(crate) fn validate(&self) -> Result<(), ExportError> {
        let expected = (self.width as usize)
            .checked_mul(self.height as usize)
            .and_then(|n| n.checked_mul(4));
        if expected == Some(self.data.len()) {
            Ok(())
        } else {
            Err(ExportError::BufferSize {
                expected,
                actual: self.data.len(),
            })
        }
    }
}

/// The part of the canvas to export, in bitmap pixels.
///
/// The platform layer converts the API's logical coordinates to bitmap pixels
/// and rounds them. The rectangle may start at negative coordinates or extend
/// past the canvas: the part outside the canvas exports as transparent pixels
/// (the background colour for JPEG).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRect {
    /// Left edge; may be negative.
    pub x: i64,
    /// Top edge; may be negative.
    pub y: i64,
    /// Width; zero is an [`ExportError::EmptySource`].
    pub width: u32,
    /// Height; zero is an [`ExportError::EmptySource`].
    pub height: u32,
}

impl SourceRect {
    /// A rectangle from its top-left corner and size.
    pub fn new(x: i64, y: i64, width: u32, height: u32) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    /// The whole of a `width × height` canvas.
    pub fn full(width: u32, height: u32) -> Self {
        Self::new(0, 0, width, height)
    }
}
