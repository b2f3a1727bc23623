//! Scaling the covered canvas pixels to the destination with
//! `fast_image_resize`, in premultiplied space.

use fast_image_resize::images::{CroppedImage, CroppedImageMut, Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

use crate::frame::{Frame, Rect};
use crate::region::{Axis, Plan, Span};
use crate::{ExportError, Pixels, alpha};

/// The resampling filter, used for both up- and downscaling.
///
/// Catmull-Rom: a 4-tap cubic, sharp without Lanczos3's ringing around text
/// and hard poster edges, and about 20 % faster than the 6-tap Lanczos3; the
/// crate documentation has the figures.
pub(crate) const FILTER: FilterType = FilterType::CatmullRom;

/// The resampled part of the destination: premultiplied pixels for `rect`.
#[derive(Debug)]
pub(crate) struct Resampled {
    /// Where the pixels go in the destination.
    rect: Rect,
    /// `rect.width × rect.height` premultiplied RGBA pixels, no padding.
    data: Vec<u8>,
}

impl Resampled {
    /// The destination image, transparent outside `rect`.
    pub(crate) fn frame(&self, width: u32, height: u32) -> Frame<'_> {
        Frame::new(
            width,
            height,
            self.rect,
            &self.data,
            self.rect.width as usize * 4,
        )
    }
}

/// Scales the canvas pixels covered by `plan` to their destination rectangle.
///
/// `pixels` must be validated, and the destination within budget: the only
/// allocation is the output, at most the destination's size.
pub(crate) fn resample(pixels: Pixels<'_>, plan: &Plan) -> Result<Resampled, ExportError> {
    let rect = Rect {
        x: plan.x.dest_start(),
        y: plan.y.dest_start(),
        width: plan.x.dest_end() - plan.x.dest_start(),
        height: plan.y.dest_end() - plan.y.dest_start(),
    };
    let (span_x, span_y) = (plan.x.resample_span(), plan.y.resample_span());
    let mut data = vec![0u8; rect.width as usize * rect.height as usize * 4];

    let canvas =
        ImageRef::new(pixels.width, pixels.height, pixels.data, PixelType::U8x4).map_err(boxed)?;
    // Only the covered pixels are visible to the filter: content outside the
    // source rectangle never bleeds into the export's edges.
    let covered = CroppedImage::new(
        &canvas,
        plan.x.canvas_start,
        plan.y.canvas_start,
        plan.x.canvas_len(),
        plan.y.canvas_len(),
    )
    .map_err(boxed)?;
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FILTER))
        // The input is premultiplied already: no second multiply/divide.
        .use_alpha(false)
        .crop(
            span_x.crop_start,
            span_y.crop_start,
            span_x.crop_len,
            span_y.crop_len,
        );
    {
        let mut out = Image::from_slice_u8(rect.width, rect.height, &mut data, PixelType::U8x4)
            .map_err(boxed)?;
        let mut target = CroppedImageMut::new(
            &mut out,
            span_x.dest_start - rect.x,
            span_y.dest_start - rect.y,
            span_x.dest_end - span_x.dest_start,
            span_y.dest_end - span_y.dest_start,
        )
        .map_err(boxed)?;
        Resizer::new()
            .resize(&covered, &mut target, &options)
            .map_err(boxed)?;
    }
    fill_partial_edges(&mut data, rect, span_x, span_y);
    apply_coverage(&mut data, rect, &plan.x, &plan.y);
    Ok(Resampled { rect, data })
}

fn boxed(e: impl std::error::Error + Send + Sync + 'static) -> ExportError {
    ExportError::Resample(Box::new(e))
}

/// Fills the partially covered edge pixels (at most one column or row per
/// side, outside the resampled spans) with their inner neighbours; the
/// canvas edge is continued outward, then faded by [`apply_coverage`].
fn fill_partial_edges(data: &mut [u8], rect: Rect, span_x: Span, span_y: Span) {
    let row_len = rect.width as usize * 4;
    let (x0, x1) = (
        (span_x.dest_start - rect.x) as usize,
        (span_x.dest_end - rect.x) as usize,
    );
    let (y0, y1) = (
        (span_y.dest_start - rect.y) as usize,
        (span_y.dest_end - rect.y) as usize,
    );
    if x0 > 0 || x1 < rect.width as usize {
        for row in data.chunks_exact_mut(row_len).take(y1).skip(y0) {
            if x0 > 0 {
                row.copy_within(x0 * 4..x0 * 4 + 4, (x0 - 1) * 4);
            }
            if x1 < rect.width as usize {
                row.copy_within((x1 - 1) * 4..x1 * 4, x1 * 4);
            }
        }
    }
    if y0 > 0 {
        data.copy_within(y0 * row_len..(y0 + 1) * row_len, (y0 - 1) * row_len);
    }
    if y1 < rect.height as usize {
        data.copy_within((y1 - 1) * row_len..y1 * row_len, y1 * row_len);
    }
}

/// Fades destination pixels only partly covered by the canvas (fractional
/// edges of the clipped source) by the covered fraction.
fn apply_coverage(data: &mut [u8], rect: Rect, x: &Axis, y: &Axis) {
    let row_len = rect.width as usize * 4;
    let first = x.coverage(rect.x);
    let last = x.coverage(rect.x + rect.width - 1);
    for (i, row) in data.chunks_exact_mut(row_len).enumerate() {
        let cov_y = y.coverage(rect.y + i as u32);
        if cov_y < 1.0 {
            for (j, px) in row.chunks_exact_mut(4).enumerate() {
                alpha::scale_row(px, cov_y * x.coverage(rect.x + j as u32));
            }
        } else {
            // Only the end columns can be partial.
            if first < 1.0 {
                alpha::scale_row(&mut row[..4], first);
            }
            if last < 1.0 && row_len > 4 {
                alpha::scale_row(&mut row[row_len - 4..], last);
            }
        }
    }
}
