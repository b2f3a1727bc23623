//! `drawImage` and `createPattern`.

use std::borrow::Cow;

use kurbo::Affine;
use tiny_skia::{FillRule as SkFillRule, FilterQuality, PathBuilder, SpreadMode};

use super::Context2d;
use crate::draw_params::ShadowSource;
use crate::error::{Error, Result};
use crate::image::Image;
use crate::render::{self, Shape, ShapeKind};
use crate::resample::{mip_level, prescale};
use crate::state::SmoothingQuality;
use crate::style::{CanvasPattern, Repetition};

/// What `drawImage` and `createPattern` accept.
#[derive(Clone, Copy)]
pub enum ImageSource<'a> {
    /// A decoded image.
    Image(&'a Image),
    /// Another canvas (its current pixels).
    Canvas(&'a Context2d),
}

impl ImageSource<'_> {
    /// The source's pixels; a canvas with a zero side is an
    /// `InvalidStateError`, as the spec requires.
    fn image(&self) -> Result<Cow<'_, Image>> {
        match self {
            ImageSource::Image(i) => Ok(Cow::Borrowed(*i)),
            ImageSource::Canvas(c) => c.snapshot().map(Cow::Owned).ok_or_else(|| {
                Error::invalid_state(
                    "the image argument is a canvas element with a width or height of 0",
                )
            }),
        }
    }

    /// Intrinsic width and height.
    pub fn size(&self) -> (u32, u32) {
        match self {
            ImageSource::Image(i) => (i.width(), i.height()),
            ImageSource::Canvas(c) => (c.width(), c.height()),
        }
    }
}

/// A rectangle with positive extents from one with possibly negative ones.
fn normalised(x: f64, y: f64, w: f64, h: f64) -> (f64, f64, f64, f64) {
    let (x, w) = if w < 0.0 { (x + w, -w) } else { (x, w) };
    let (y, h) = if h < 0.0 { (y + h, -h) } else { (y, h) };
    (x, y, w, h)
}

impl Context2d {
    /// The sampling filter for images and patterns from the smoothing
    /// settings.
    pub(super) fn filter_quality(&self) -> FilterQuality {
        if !self.state.image_smoothing_enabled {
            return FilterQuality::Nearest;
        }
        match self.state.image_smoothing_quality {
            SmoothingQuality::Low | SmoothingQuality::Medium => FilterQuality::Bilinear,
            SmoothingQuality::High => FilterQuality::Bicubic,
        }
    }

    /// `drawImage(image, dx, dy)`.
    pub fn draw_image_at(&mut self, source: ImageSource<'_>, dx: f64, dy: f64) -> Result<()> {
        let (w, h) = source.size();
        let (w, h) = (w as f64, h as f64);
        self.draw_image(source, 0.0, 0.0, w, h, dx, dy, w, h)
    }

    /// `drawImage(image, dx, dy, dw, dh)`.
    pub fn draw_image_scaled(
        &mut self,
        source: ImageSource<'_>,
        dx: f64,
        dy: f64,
        dw: f64,
        dh: f64,
    ) -> Result<()> {
        let (w, h) = source.size();
        self.draw_image(source, 0.0, 0.0, w as f64, h as f64, dx, dy, dw, dh)
    }

    /// `drawImage(image, sx, sy, sw, sh, dx, dy, dw, dh)`: non-finite
    /// arguments or empty rectangles draw nothing; the source rectangle is
    /// clipped to the image and the destination shrunk in proportion.
    #[expect(clippy::too_many_arguments, reason = "mirrors the IDL signature")]
    pub fn draw_image(
        &mut self,
        source: ImageSource<'_>,
        sx: f64,
        sy: f64,
        sw: f64,
        sh: f64,
        dx: f64,
        dy: f64,
        dw: f64,
        dh: f64,
    ) -> Result<()> {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return Err(crate::budget::deadline_error());
        }
        let image = source.image()?;
        if ![sx, sy, sw, sh, dx, dy, dw, dh]
            .iter()
            .all(|v| v.is_finite())
        {
            return Ok(());
        }
        let (sx, sy, sw, sh) = normalised(sx, sy, sw, sh);
        let (dx, dy, dw, dh) = normalised(dx, dy, dw, dh);
        if sw == 0.0 || sh == 0.0 || dw == 0.0 || dh == 0.0 {
            return Ok(());
        }
        // Clip the source to the image, moving the destination with it.
        let (kx, ky) = (dw / sw, dh / sh);
        let (iw, ih) = (image.width() as f64, image.height() as f64);
        let (cx0, cy0) = (sx.max(0.0), sy.max(0.0));
        let (cx1, cy1) = ((sx + sw).min(iw), (sy + sh).min(ih));
        if cx1 <= cx0 || cy1 <= cy0 {
            return Ok(());
        }
        let dst = kurbo::Rect::new(
            dx + (cx0 - sx) * kx,
            dy + (cy0 - sy) * ky,
            dx + (cx1 - sx) * kx,
            dy + (cy1 - sy) * ky,
        );
        let src = kurbo::Rect::new(cx0, cy0, cx1, cy1);
        self.paint_image(&image, src, dst);
        Ok(())
    }

    /// Paints the `src` region of `image` onto the user-space `dst` rect.
    fn paint_image(&mut self, image: &Image, src: kurbo::Rect, dst: kurbo::Rect) {
        let Some(ctm) = self.invertible_transform() else {
            return;
        };
        let opaque = image.is_opaque();
        let (scale_x, scale_y) = self.device_scale();
        let (dev_w, dev_h) = (dst.width() * scale_x, dst.height() * scale_y);
        let mut quality = self.filter_quality();
        // Shrinking with medium/high quality: resample the region to about
        // its device size first (tiny-skia has no mipmaps), then draw that.
        let smoothing = self.state.image_smoothing_enabled;
        let prescaled = match self.state.image_smoothing_quality {
            _ if !smoothing => None,
            // Chromium samples a mip level of the image for low quality.
            SmoothingQuality::Low => mip_level(image, dev_w / src.width(), dev_h / src.height())
                .map(|(level, fx, fy)| {
                    (
                        level,
                        kurbo::Rect::new(src.x0 * fx, src.y0 * fy, src.x1 * fx, src.y1 * fy),
                    )
                }),
            q => prescale(image, src, dev_w, dev_h, q),
        };
        let (image, src) = match &prescaled {
            Some((img, rect)) => {
                quality = FilterQuality::Bilinear;
                (img, *rect)
            }
            None => (image, src),
        };
        let image_to_user = Affine::translate((dst.x0, dst.y0))
            * Affine::scale_non_uniform(dst.width() / src.width(), dst.height() / src.height())
            * Affine::translate((-src.x0, -src.y0));
        let shader = tiny_skia::Pattern::new(
            image.pixmap().as_ref(),
            SpreadMode::Pad,
            quality,
            self.state.global_alpha as f32,
            render::to_skia_transform(&render::nearest_bias(image_to_user, quality)),
        );
        let Some(rect) =
            tiny_skia::Rect::from_ltrb(dst.x0 as f32, dst.y0 as f32, dst.x1 as f32, dst.y1 as f32)
        else {
            return;
        };
        let path = PathBuilder::from_rect(rect);
        // Chromium anti-aliases image edges only when the transform rotates
        // or skews, or the image is under a device pixel in a direction.
        let anti_alias = !self.transform_keeps_rects() || dev_w < 1.0 || dev_h < 1.0;
        let shape = Shape {
            path: &path,
            transform: render::to_skia_transform(&ctm),
            kind: ShapeKind::Fill(SkFillRule::Winding),
            anti_alias,
        };
        let mut params = super::draw_params(&self.state);
        if let Some(shadow) = params.shadow.as_mut().filter(|_| !opaque) {
            shadow.source = ShadowSource::PaintedAlpha;
        }
        let Some(bitmap) = self.bitmap.as_mut() else {
            return;
        };
        crate::draw::draw(bitmap, &shape, shader, &params);
    }

    /// `createPattern(image, repetition)`: `repetition` is already parsed
    /// (see [`Repetition::parse_argument`]).
    pub fn create_pattern(
        &self,
        source: ImageSource<'_>,
        repetition: Repetition,
    ) -> Result<CanvasPattern> {
        Ok(CanvasPattern::new(source.image()?.into_owned(), repetition))
    }
}
