//! Drawing a shape's shadow the way Chromium does for fills and strokes:
//! the shape's coverage is moved by the device-space offset, blurred (a
//! single device rectangle by its analytic profile), and the mask is
//! painted with the shadow colour. The paint's own alpha — `globalAlpha`,
//! a translucent colour, a gradient's or pattern's alpha at each pixel — is
//! multiplied in afterwards, unblurred: Chromium's shadow is a colour
//! filter (shadow colour, source-in) on the paint plus a blur mask filter,
//! so only the coverage is blurred.
//!
//! Images that are not opaque are the exception: there Chromium uses a drop
//! shadow image filter, which blurs the drawn pixels' alpha itself.

use tiny_skia::{IntRect, Mask, Paint, Pixmap, Rect, Shader, Transform};

use super::{blur_margin, blur_mask, blurred_rect_mask};
use crate::draw_params::{DrawParams, ShadowParams, ShadowSource};
use crate::raster::Coverage;
use crate::render::{Shape, mul_255, paint_coverage};

/// Skia never grows a mask for a blur by more than this past the clip.
const MAX_CLIP_MARGIN: i32 = 128;

/// Draws the shadow of `shape` painted with `paint` onto `target`.
pub(crate) fn draw_shadow(
    target: &mut Pixmap,
    shape: &Shape<'_>,
    paint: &Paint<'_>,
    shadow: &ShadowParams,
    params: &DrawParams<'_>,
) {
    let offset = (shadow.offset.0 as f32, shadow.offset.1 as f32);
    let painted = shadow.source == ShadowSource::PaintedAlpha;
    let analytic = match shape.device_rect() {
        Some(r) if shadow.sigma > 0.0 && !painted => {
            translate(r, offset).and_then(|r| blurred_rect_mask(r, shadow.sigma as f32))
        }
        _ => None,
    };
    // The blurred mask and the blur's passes are scratch charged to the
    // run's budget while the shadow is drawn.
    let mut _blur_scratch = crate::budget::Charge::none();
    let mask = match analytic {
        Some(mask) => mask,
        None => {
            let Some(source) = source_mask(target, shape, paint, painted, offset, shadow.sigma)
            else {
                return;
            };
            let reach = u64::from(blur_margin(shadow.sigma));
            let grown =
                (u64::from(source.width) + 2 * reach) * (u64::from(source.height) + 2 * reach);
            let Some(charge) = crate::budget::scratch(2 * grown) else {
                return;
            };
            _blur_scratch = charge;
            blur_mask(&source, shadow.sigma)
        }
    };
    let Some((mask, color)) = tint(mask, shape, paint, shadow, painted, offset) else {
        return;
    };
    // The shadow colour through the blurred mask: single-channel end to
    // end, painted over the mask's area only.
    let shadow_paint = Paint {
        shader: Shader::SolidColor(color),
        blend_mode: params.op.blend_mode(),
        anti_alias: false,
        ..Paint::default()
    };
    paint_coverage(
        &mut target.as_mut(),
        std::borrow::Cow::Owned(mask),
        &shadow_paint,
        Transform::identity(),
        params.clip,
    );
}

/// The unblurred mask: the shape moved by `offset`, rasterised over its
/// bounds, limited to the canvas plus what the blur can pull in.
fn source_mask(
    target: &Pixmap,
    shape: &Shape<'_>,
    paint: &Paint<'_>,
    painted: bool,
    offset: (f32, f32),
    sigma: f64,
) -> Option<Coverage> {
    let margin = (blur_margin(sigma) as i32).min(MAX_CLIP_MARGIN);
    let reach = IntRect::from_ltrb(
        -margin,
        -margin,
        target.width() as i32 + margin,
        target.height() as i32 + margin,
    )?;
    // The reach in the shape's own device space, before the offset.
    let unshifted = translate(reach.to_rect(), (-offset.0, -offset.1));
    let bounds = translate(shape.device_bounds(unshifted)?, offset)?;
    let area = bounds.round_out()?.intersect(&reach)?;
    if !painted && let Some(cov) = shape.device_coverage(offset, area) {
        return Some(cov);
    }
    // The RGBA layer and the mask taken from it, charged while they live
    // here (the mask's own bytes are counted again by the blur's charge).
    let _scratch = crate::budget::scratch(u64::from(area.width()) * u64::from(area.height()) * 5)?;
    let mut layer = Pixmap::new(area.width(), area.height())?;
    let coverage_paint;
    let source_paint = if painted {
        paint
    } else {
        coverage_paint = Paint {
            shader: Shader::SolidColor(tiny_skia::Color::WHITE),
            anti_alias: paint.anti_alias,
            ..Paint::default()
        };
        &coverage_paint
    };
    let mut source_paint = source_paint.clone();
    source_paint.blend_mode = tiny_skia::BlendMode::SourceOver;
    let shift = (offset.0 - area.x() as f32, offset.1 - area.y() as f32);
    shape.render(&mut layer.as_mut(), &source_paint, shift, None);
    Some(Coverage {
        x: area.x(),
        y: area.y(),
        width: area.width(),
        height: area.height(),
        data: layer.data().chunks_exact(4).map(|p| p[3]).collect(),
    })
}

/// The shadow's colour and its mask: the blurred mask times the paint's
/// alpha at each pixel where the shadow source is the coverage and the
/// paint is a shader; a solid paint's alpha goes into the colour.
fn tint(
    mut mask: Coverage,
    shape: &Shape<'_>,
    paint: &Paint<'_>,
    shadow: &ShadowParams,
    painted: bool,
    offset: (f32, f32),
) -> Option<(Coverage, tiny_skia::Color)> {
    let mut color = shadow.color.to_skia();
    if !painted {
        match &paint.shader {
            Shader::SolidColor(c) => color.apply_opacity(c.alpha()),
            _ => {
                let alpha = shader_alpha(&mask, shape, paint, offset)?;
                for (m, a) in mask.data.iter_mut().zip(alpha) {
                    *m = mul_255(*m, a);
                }
            }
        }
    }
    Some((mask, color))
}

/// The alpha of `paint`'s shader over the area of `mask`, as the shadow
/// (moved by `offset`) sees it.
fn shader_alpha(
    mask: &Coverage,
    shape: &Shape<'_>,
    paint: &Paint<'_>,
    offset: (f32, f32),
) -> Option<Vec<u8>> {
    let _scratch = crate::budget::scratch(u64::from(mask.width) * u64::from(mask.height) * 5)?;
    let mut layer = Pixmap::new(mask.width, mask.height)?;
    let mut fill = paint.clone();
    fill.blend_mode = tiny_skia::BlendMode::Source;
    fill.anti_alias = false;
    let ts = shape
        .transform
        .post_translate(offset.0 - mask.x as f32, offset.1 - mask.y as f32);
    fill.shader.transform(ts);
    let whole = Rect::from_xywh(0.0, 0.0, mask.width as f32, mask.height as f32)?;
    layer.fill_rect(
        whole,
        &fill,
        tiny_skia::Transform::identity(),
        None::<&Mask>,
    );
    Some(layer.data().chunks_exact(4).map(|p| p[3]).collect())
}

fn translate(r: Rect, (dx, dy): (f32, f32)) -> Option<Rect> {
    Rect::from_ltrb(r.left() + dx, r.top() + dy, r.right() + dx, r.bottom() + dy)
}

#[cfg(test)]
mod tests {
    use crate::style::{CanvasGradient, Repetition, Style};
    use crate::{Context2d, ImageSource, Limits};

    fn alpha_at(ctx: &Context2d, x: i64, y: i64) -> u8 {
        ctx.get_image_data(x, y, 1, 1).unwrap().data()[3]
    }

    /// A transparent canvas with an opaque black shadow 50 px below what
    /// is drawn, blurred with σ 2.
    fn canvas_with_shadow() -> Context2d {
        let mut ctx = Context2d::new(80, 100, Limits::default()).unwrap();
        ctx.set_shadow_color("#000");
        ctx.set_shadow_blur(4.0);
        ctx.set_shadow_offset_y(50.0);
        ctx
    }

    #[test]
    fn a_gradients_alpha_reaches_the_shadow_unblurred() {
        let mut ctx = canvas_with_shadow();
        // Opaque left half, transparent right half, switching at x = 40.
        let g = CanvasGradient::linear(20.0, 0.0, 60.0, 0.0).unwrap();
        g.add_color_stop(0.5, "#00f").unwrap();
        g.add_color_stop(0.5, "rgba(0, 0, 255, 0)").unwrap();
        ctx.set_fill_style(Style::Gradient(g));
        ctx.fill_rect(20.0, 10.0, 40.0, 20.0);
        // Shadow rows 60..80: the coverage is blurred, the gradient's hard
        // alpha step is not.
        assert_eq!(alpha_at(&ctx, 38, 70), 255);
        assert_eq!(alpha_at(&ctx, 41, 70), 0);
        // The rectangle's own edge is blurred.
        let left = alpha_at(&ctx, 19, 70);
        assert!((90..165).contains(&left), "{left}");
    }

    #[test]
    fn a_patterns_holes_are_blurred_into_its_shadow() {
        let mut ctx = canvas_with_shadow();
        // A 4 × 4 tile: two opaque columns, two transparent.
        let mut tile = Context2d::new(4, 4, Limits::default()).unwrap();
        tile.set_fill_style_str("#0a0");
        tile.fill_rect(0.0, 0.0, 2.0, 4.0);
        let pattern = ctx
            .create_pattern(ImageSource::Canvas(&tile), Repetition::Repeat)
            .unwrap();
        ctx.set_fill_style(Style::Pattern(pattern));
        ctx.fill_rect(20.0, 10.0, 40.0, 20.0);
        // Columns 40, 41 are opaque in the shape, 42, 43 holes; in the
        // shadow both come out near the tile's average coverage.
        for x in 40..44 {
            let a = alpha_at(&ctx, x, 70);
            assert!((90..165).contains(&a), "x {x}: {a}");
        }
        assert_eq!(alpha_at(&ctx, 42, 20), 0, "the shape keeps its holes");
    }
}
