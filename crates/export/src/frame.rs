//! The destination image as the encoders see it: premultiplied rows, with
//! canvas content in one rectangle and transparency around it.

use crate::alpha;

/// A rectangle in destination pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Rect {
    /// Left edge.
    pub(crate) x: u32,
    /// Top edge.
    pub(crate) y: u32,
    /// Width.
    pub(crate) width: u32,
    /// Height.
    pub(crate) height: u32,
}

/// A `width × height` premultiplied RGBA image described without
/// materialising it: the pixels of `rect` come from `data` (which may be the
/// canvas itself), everything else is transparent black.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame<'a> {
    /// Destination width.
    pub(crate) width: u32,
    /// Destination height.
    pub(crate) height: u32,
    /// Where the pixels of `data` go; zero-sized when nothing is covered.
    rect: Rect,
    /// Row `i` of `rect` starts at byte `i × stride`.
    data: &'a [u8],
    /// Bytes between the starts of consecutive rows in `data`.
    stride: usize,
}

impl<'a> Frame<'a> {
    /// An image with no canvas content at all.
    pub(crate) fn transparent(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            rect: Rect::default(),
            data: &[],
            stride: 0,
        }
    }

    /// An image whose `rect` is filled from `data`, rows `stride` bytes apart.
    /// `rect` lies within `width × height` and `data` holds all its rows.
    pub(crate) fn new(width: u32, height: u32, rect: Rect, data: &'a [u8], stride: usize) -> Self {
        debug_assert!(rect.x + rect.width <= width && rect.y + rect.height <= height);
        Self {
            width,
            height,
            rect,
            data,
            stride,
        }
    }

    /// The covered part of row `y`: its first column and its premultiplied
    /// pixels. `None` when the row is entirely transparent.
    #[inline]
    pub(crate) fn row(&self, y: u32) -> Option<(usize, &'a [u8])> {
        if self.rect.width == 0 || y < self.rect.y || y - self.rect.y >= self.rect.height {
            return None;
        }
        let start = (y - self.rect.y) as usize * self.stride;
        let len = self.rect.width as usize * 4;
        Some((self.rect.x as usize, &self.data[start..start + len]))
    }

    /// Whether every destination pixel is opaque: the canvas covers all of it
    /// and no covered pixel has alpha below 255.
    pub(crate) fn is_opaque(&self) -> bool {
        self.rect == self.full_rect()
            && (0..self.height).all(|y| self.row(y).is_some_and(|(_, row)| alpha::all_opaque(row)))
    }

    /// The image as one contiguous premultiplied RGBA slice, when the canvas
    /// content covers it all and its rows are adjacent in memory (a resampled
    /// image, or a 1:1 export of full-width canvas rows).
    pub(crate) fn contiguous(&self) -> Option<&'a [u8]> {
        let row_len = self.width as usize * 4;
        if self.rect != self.full_rect() || self.stride != row_len {
            return None;
        }
        self.data.get(..row_len * self.height as usize)
    }

    /// The whole destination.
    fn full_rect(&self) -> Rect {
        Rect {
            x: 0,
            y: 0,
            width: self.width,
            height: self.height,
        }
    }
}
