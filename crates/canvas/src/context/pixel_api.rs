//! `getImageData`, `putImageData`, `createImageData`.

use super::Context2d;
use crate::error::{Error, Result};
use crate::pixels::{self, ImageData};

impl Context2d {
    /// `createImageData(sw, sh)`: transparent black of |sw| × |sh|; a zero
    /// side is an `IndexSizeError`.
    pub fn create_image_data(&self, sw: i64, sh: i64) -> Result<ImageData> {
        ImageData::new(side(sw)?, side(sh)?, &self.limits)
    }

    /// `getImageData(sx, sy, sw, sh)`: unpremultiplied pixels of the
    /// rectangle (negative extents count backwards); outside the canvas
    /// reads transparent black. A zero side is an `IndexSizeError`.
    pub fn get_image_data(&self, sx: i64, sy: i64, sw: i64, sh: i64) -> Result<ImageData> {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        if sw == 0 || sh == 0 {
            return Err(Error::index_size(format!(
                "getImageData: the source {} is 0",
                if sw == 0 { "width" } else { "height" }
            )));
        }
        let (x, y, w, h) = pixels::normalise_rect(sx, sy, sw, sh);
        let mut out = ImageData::new(side(w)?, side(h)?, &self.limits)?;
        if let Some(bitmap) = &self.bitmap {
            pixels::read_region(bitmap.data(), self.width, self.height, x, y, &mut out);
        }
        Ok(out)
    }

    /// `putImageData(image, dx, dy)` and the seven-argument form with a
    /// dirty rectangle `(x, y, w, h)` in image coordinates. Pixels are
    /// replaced; alpha, operator, shadow, clip and transform don't apply.
    pub fn put_image_data(
        &mut self,
        image: &ImageData,
        dx: i64,
        dy: i64,
        dirty: Option<(i64, i64, i64, i64)>,
    ) {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return;
        }
        let (w, h) = (self.width, self.height);
        if let Some(bitmap) = &mut self.bitmap {
            pixels::write_region(bitmap.data_mut(), w, h, image, dx, dy, dirty);
        }
    }
}

/// An IDL `long` side length as a pixel count: its magnitude, at most
/// `u32::MAX` (the budget check follows).
fn side(v: i64) -> Result<u32> {
    u32::try_from(v.unsigned_abs())
        .map_err(|_| Error::index_size(format!("{v} is out of range for an image side")))
}
