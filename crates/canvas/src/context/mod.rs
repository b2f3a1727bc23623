//! [`Context2d`]: a canvas bitmap and its `CanvasRenderingContext2D` state.
//!
//! The context owns its bitmap (an HTML canvas and its 2D context are one
//! object here). Methods follow the IDL names in snake case; each file of
//! this module holds one family of them.

mod draw_api;
pub use image_api::ImageSource;
mod image_api;
mod paint_area;
mod path_api;
mod pixel_api;
mod state_api;
mod text_api;

use kurbo::Affine;
use tiny_skia::Pixmap;

use crate::draw_params::ShadowSource;
use crate::draw_params::{DrawParams, ShadowParams};
use crate::error::Result;
use crate::image::Image;
use crate::limits::Limits;
use crate::path::Path2D;
use crate::state::DrawingState;
use crate::text::FontLibrary;

/// A canvas bitmap with its 2D rendering context.
#[derive(Debug, Clone)]
pub struct Context2d {
    /// `None` when a side is zero: nothing can be drawn, reads are empty.
    bitmap: Option<Pixmap>,
    /// The bitmap's bytes, charged to the run's budget.
    bitmap_charge: crate::budget::Charge,
    width: u32,
    height: u32,
    limits: Limits,
    state: DrawingState,
    stack: Vec<DrawingState>,
    /// The current default path, in device space (points are transformed
    /// as they are added).
    path: Path2D,
    /// The fonts text draws with.
    fonts: FontLibrary,
    /// Characters text has drawn with no font having them (as boxes),
    /// each once, at most [`MAX_MISSING_KEPT`].
    missing_drawn: Vec<char>,
    /// Lines laid out so far (measureText then fillText shapes once).
    layouts: crate::text::LayoutCache,
}

/// How many distinct missing characters a canvas remembers.
pub(crate) const MAX_MISSING_KEPT: usize = 256;

/// How deep `save()` may nest; deeper saves are ignored so a runaway script
/// cannot grow the stack without bound.
pub const MAX_SAVE_DEPTH: usize = 65_536;

impl Context2d {
    /// A transparent `width × height` canvas. Sizes over `limits` are an
    /// error; nothing is allocated for them.
    pub fn new(width: u32, height: u32, limits: Limits) -> Result<Self> {
        Self::with_fonts(width, height, limits, FontLibrary::new())
    }

    /// Like [`new`](Self::new), drawing text with `fonts` (share one
    /// library between the canvases of a document).
    pub fn with_fonts(width: u32, height: u32, limits: Limits, fonts: FontLibrary) -> Result<Self> {
        let (bitmap, bitmap_charge) = allocate(width, height, &limits)?;
        Ok(Context2d {
            bitmap,
            bitmap_charge,
            width,
            height,
            limits,
            state: DrawingState::default(),
            stack: Vec::new(),
            path: Path2D::new(),
            fonts,
            missing_drawn: Vec::new(),
            layouts: crate::text::LayoutCache::default(),
        })
    }

    /// Width of the bitmap in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height of the bitmap in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The bitmap's width and height in pixels, as floats.
    pub(crate) fn device_size(&self) -> (f64, f64) {
        (self.width as f64, self.height as f64)
    }

    /// The budgets this context enforces.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Setting the canvas `width` / `height`: a new transparent bitmap and a
    /// fresh drawing state, even when the size is unchanged (as browsers do).
    pub fn set_size(&mut self, width: u32, height: u32) -> Result<()> {
        let (bitmap, charge) = allocate(width, height, &self.limits)?;
        self.bitmap = bitmap;
        self.bitmap_charge = charge;
        self.width = width;
        self.height = height;
        self.reset_state();
        Ok(())
    }

    /// `reset()`: clears the bitmap, the path, the state and the stack.
    pub fn reset(&mut self) {
        if let Some(b) = &mut self.bitmap {
            b.fill(tiny_skia::Color::TRANSPARENT);
        }
        self.reset_state();
    }

    fn reset_state(&mut self) {
        self.state = DrawingState::default();
        self.stack.clear();
        self.path = Path2D::new();
    }

    /// The premultiplied RGBA bytes of the bitmap (empty for a zero-size
    /// canvas), row-major without padding.
    pub fn premultiplied_data(&self) -> &[u8] {
        self.bitmap.as_ref().map_or(&[], |b| b.data())
    }

    /// The bitmap's premultiplied RGBA8 pixels, taken out of the canvas
    /// without a copy (empty for a canvas with a zero side).
    pub fn into_premultiplied_data(self) -> Vec<u8> {
        self.bitmap.map_or_else(Vec::new, Pixmap::take)
    }

    /// A snapshot of the bitmap as an image (for `drawImage` and
    /// `createPattern` with a canvas source, or to export). `None` for a
    /// zero-size canvas.
    pub fn snapshot(&self) -> Option<Image> {
        self.bitmap.as_ref().map(|b| Image::from_pixmap(b.clone()))
    }

    /// The current drawing state (read-only).
    pub fn state(&self) -> &DrawingState {
        &self.state
    }

    /// The current transform when it can be inverted; drawing under a
    /// singular transform paints nothing (the shape collapses).
    fn invertible_transform(&self) -> Option<Affine> {
        let t = self.state.transform;
        let det = t.determinant();
        (det != 0.0 && det.is_finite()).then_some(t)
    }
}

/// The drawing parameters of `s`, with the shadow only when it is visible.
fn draw_params(s: &DrawingState) -> DrawParams<'_> {
    DrawParams {
        op: s.composite,
        shadow: s.shadow.is_visible().then(|| ShadowParams {
            color: s.shadow.color,
            sigma: s.shadow.blur / 2.0,
            offset: (s.shadow.offset_x, s.shadow.offset_y),
            source: ShadowSource::Coverage,
        }),
        clip: s.clip.as_deref(),
    }
}

fn allocate(
    width: u32,
    height: u32,
    limits: &Limits,
) -> Result<(Option<Pixmap>, crate::budget::Charge)> {
    limits.check("canvas", width as u64, height as u64)?;
    if width == 0 || height == 0 {
        return Ok((None, crate::budget::Charge::none()));
    }
    let charge = limits.charge(
        &format!("a {width}x{height} canvas"),
        u64::from(width) * u64::from(height) * 4,
    )?;
    // Within the limits the only failure left is the allocator's.
    Pixmap::new(width, height)
        .map(|p| (Some(p), charge))
        .ok_or_else(|| {
            crate::error::Error::new(
                crate::ErrorKind::Budget,
                "the canvas bitmap could not be allocated",
            )
        })
}
