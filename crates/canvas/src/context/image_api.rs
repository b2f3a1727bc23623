//! `drawImage` and `createPattern`.

use std::borrow::Cow;

use kurbo::Affine;
use tiny_skia::{FillRule as SkFillRule, FilterQuality, PathBuilder, SpreadMode};

use super::Context2d;
use crate::draw_params::ShadowSource;
use crate::error::{Error, Result};
use crate::image::Image;
use crate::render::{self, Shape, ShapeKind};
use crate::resample::fixed_bilinear::{Sampler, ScaleTranslate, Tile};
use crate::resample::level::decode_level;
use crate::state::SmoothingQuality;
use crate::style::{CanvasPattern, Repetition};

/// What `drawImage` and `createPattern` accept.
#[derive(Clone, Copy)]
pub enum ImageSource<'a> {
    /// A decoded image.
    Image(&'a Image),
    /// Another canvas (its current pixels).
    Canvas(&'a Context2d),
    /// Another canvas's pixels, already snapshotted (so a canvas can be
    /// drawn onto itself): drawn like [`ImageSource::Canvas`], without
    /// the decode cache's pre-shrink.
    CanvasSnapshot(&'a Image),
}

impl ImageSource<'_> {
    /// The source's pixels; a canvas with a zero side is an
    /// `InvalidStateError`, as the spec requires.
    fn image(&self) -> Result<Cow<'_, Image>> {
        match self {
            ImageSource::Image(i) | ImageSource::CanvasSnapshot(i) => Ok(Cow::Borrowed(*i)),
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
            ImageSource::Image(i) | ImageSource::CanvasSnapshot(i) => (i.width(), i.height()),
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
    /// The sampling filter for patterns from the smoothing settings.
    pub(super) fn filter_quality(&self) -> FilterQuality {
        if !self.state.image_smoothing_enabled {
            return FilterQuality::Nearest;
        }
        // Measured: Chromium samples patterns bilinearly at every
        // quality (shrunk ones from a pre-shrunk level).
        FilterQuality::Bilinear
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
        let decoded = matches!(source, ImageSource::Image(_));
        self.paint_image(&image, src, dst, decoded);
        Ok(())
    }

    /// Paints the `src` region of `image` onto the user-space `dst` rect.
    /// `decoded` says the image came from a file (Chromium's decode cache
    /// pre-shrinks those), not from a canvas.
    fn paint_image(&mut self, image: &Image, src: kurbo::Rect, dst: kurbo::Rect, decoded: bool) {
        let Some(ctm) = self.invertible_transform() else {
            return;
        };
        let opaque = image.is_opaque();
        let (scale_x, scale_y) = self.device_scale();
        let (dev_w, dev_h) = (dst.width() * scale_x, dst.height() * scale_y);
        let smoothing = self.state.image_smoothing_enabled;
        let quality = self.state.image_smoothing_quality;
        let [_, b, c, _, _, _] = ctm.as_coeffs();
        let fixed_point =
            smoothing && b == 0.0 && c == 0.0 && (decoded || quality == SmoothingQuality::Low);
        let shrink = (dev_w / src.width(), dev_h / src.height());
        let shader_source;
        // Stands for the pre-shrunk level while it is drawn.
        let mut _level_charge = crate::budget::Charge::none();
        let (shader_image, image_to_user, filter) = if fixed_point {
            let Some(plan) = self.plan_fixed_point(image, src, dst, ctm, decoded) else {
                return;
            };
            let pixels = plan.level.as_ref().unwrap_or(image);
            let Some(mut sampler) = Sampler::new(
                pixels.premultiplied_data(),
                pixels.width(),
                pixels.height(),
                plan.map,
                plan.area,
                Tile::Clamp,
            ) else {
                return;
            };
            if self.blits_directly(dst, ctm, dev_w, dev_h) {
                // Sampled row by row straight onto the bitmap.
                let opacity = self.state.global_alpha as f32;
                let clip = self.state.clip.as_deref();
                if let Some(bitmap) = self.bitmap.as_mut() {
                    crate::blit::blit_rows(bitmap, plan.area, &mut sampler, opacity, clip);
                }
                return;
            }
            let Some(pixmap) = sampler.into_pixmap() else {
                return;
            };
            let at = (plan.area.x(), plan.area.y());
            shader_source = Image::from_pixmap(pixmap);
            // Device pixels 1:1, expressed in user space.
            let to_user = ctm.inverse() * Affine::translate((at.0 as f64, at.1 as f64));
            (&shader_source, to_user, FilterQuality::Nearest)
        } else {
            let level = if smoothing && (decoded || quality != SmoothingQuality::Low) {
                decode_level(image, shrink.0, shrink.1).map(|(level, charge)| {
                    _level_charge = charge;
                    level
                })
            } else {
                None
            };
            let filter = match (smoothing, quality) {
                (false, _) => FilterQuality::Nearest,
                (true, SmoothingQuality::High) if !decoded && level.is_none() => {
                    FilterQuality::Bicubic
                }
                _ => FilterQuality::Bilinear,
            };
            let (img, src) = match level {
                Some(l) => {
                    let (fx, fy) = (
                        l.width() as f64 / image.width() as f64,
                        l.height() as f64 / image.height() as f64,
                    );
                    shader_source = l;
                    (
                        &shader_source,
                        kurbo::Rect::new(src.x0 * fx, src.y0 * fy, src.x1 * fx, src.y1 * fy),
                    )
                }
                None => (image, src),
            };
            let to_user = Affine::translate((dst.x0, dst.y0))
                * Affine::scale_non_uniform(dst.width() / src.width(), dst.height() / src.height())
                * Affine::translate((-src.x0, -src.y0));
            (
                img,
                render::nearest_bias(to_user, ctm, self.device_size(), filter),
                filter,
            )
        };
        let shader = tiny_skia::Pattern::new(
            shader_image.pixmap().as_ref(),
            SpreadMode::Pad,
            filter,
            self.state.global_alpha as f32,
            render::to_skia_transform(&image_to_user),
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

    /// Whether an image resampled to device pixels can be painted by
    /// [`crate::blit`]: a source-over draw with no shadow, not
    /// anti-aliased, onto a device rectangle with whole-pixel edges (so
    /// the pixels the rectangle's fill covers are exactly the resampled
    /// ones).
    fn blits_directly(&self, dst: kurbo::Rect, ctm: Affine, dev_w: f64, dev_h: f64) -> bool {
        let [a, _, _, d, e, f] = ctm.as_coeffs();
        let edges = [
            a * dst.x0 + e,
            a * dst.x1 + e,
            d * dst.y0 + f,
            d * dst.y1 + f,
        ];
        self.state.composite == crate::composite::CompositeOp::SourceOver
            && !self.state.shadow.is_visible()
            && self.transform_keeps_rects()
            && dev_w >= 1.0
            && dev_h >= 1.0
            && edges.iter().all(|v| v.fract() == 0.0 && v.abs() < 1e9)
    }

    /// For a scale + translate transform: how the `src` region of `image`
    /// drawn onto `dst` is resampled into device pixels as Chromium does
    /// (the filter may read pixels just outside a crop, as Chromium's does;
    /// a decoded image shrunk goes through the decode cache's level first).
    /// `None` when nothing is visible.
    fn plan_fixed_point(
        &self,
        image: &Image,
        src: kurbo::Rect,
        dst: kurbo::Rect,
        ctm: Affine,
        decoded: bool,
    ) -> Option<FixedPointPlan> {
        let [a, _, _, d, e, f] = ctm.as_coeffs();
        let (dx0, dx1) = (a * dst.x0 + e, a * dst.x1 + e);
        let (dy0, dy1) = (d * dst.y0 + f, d * dst.y1 + f);
        // The pixels that can show: the canvas, widened by where a visible
        // shadow can come from.
        let (mx, my) = self.state.shadow.margins();
        let (cw, ch) = (self.width() as f64 + mx, self.height() as f64 + my);
        let left = dx0.min(dx1).floor().max(-mx);
        let top = dy0.min(dy1).floor().max(-my);
        let right = dx0.max(dx1).ceil().min(cw);
        let bottom = dy0.max(dy1).ceil().min(ch);
        if !(right > left && bottom > top) {
            return None;
        }
        let area =
            tiny_skia::IntRect::from_ltrb(left as i32, top as i32, right as i32, bottom as i32)?;
        let (dev_w, dev_h) = ((dx1 - dx0).abs(), (dy1 - dy0).abs());
        let (level, level_charge) = if decoded {
            decode_level(image, dev_w / src.width(), dev_h / src.height()).unzip()
        } else {
            (None, None)
        };
        let (fx, fy) = match &level {
            Some(l) => (
                l.width() as f64 / image.width() as f64,
                l.height() as f64 / image.height() as f64,
            ),
            None => (1.0, 1.0),
        };
        // Level pixels → device pixels.
        let scale_x = (dx1 - dx0) / (src.width() * fx);
        let scale_y = (dy1 - dy0) / (src.height() * fy);
        let map = ScaleTranslate {
            scale_x,
            scale_y,
            offset_x: dx0 - src.x0 * fx * scale_x,
            offset_y: dy0 - src.y0 * fy * scale_y,
        };
        Some(FixedPointPlan {
            level,
            _level_charge: level_charge.unwrap_or_default(),
            map,
            area,
        })
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

/// What a fixed-point `drawImage` samples: the decode cache's level (the
/// image itself when `None`), the level → device map, and the device
/// pixels that can show.
struct FixedPointPlan {
    level: Option<Image>,
    /// Stands for the level while it is sampled.
    _level_charge: crate::budget::Charge,
    map: ScaleTranslate,
    area: tiny_skia::IntRect,
}
