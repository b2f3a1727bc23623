//! The legacy context's methods whose arguments need more than the
//! recording tables of the parent module: shadows, dashes, arcs, text,
//! images, measuring, gradients and patterns.

use mpcanvas_platform::{Action, ImageRect};
use rquickjs::function::{Opt, Rest};
use rquickjs::{Class, Ctx, Function, Object, Value};

use super::{This2, gradient_object, image_src, numbers, record, string, truthy};
use crate::canvas::pattern::JsPattern;
use crate::namespace::api::services;
use crate::webidl::to_number;

/// `setShadow`.
pub(super) fn set_shadow<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, args: Rest<Value<'js>>| {
            let a = numbers(&ctx, &args.0, 3)?;
            let color = match args.0.get(3) {
                Some(v) if !v.is_undefined() => crate::webidl::to_string(&ctx, v.clone())?,
                _ => "black".to_string(),
            };
            record(
                &this,
                Action::SetShadow {
                    offset_x: a[0],
                    offset_y: a[1],
                    blur: a[2],
                    color,
                },
            );
            Ok::<(), rquickjs::Error>(())
        },
    )?
    .with_name("setShadow")
}

/// `setLineDash`.
pub(super) fn set_line_dash<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, pattern: Opt<Value<'js>>, offset: Opt<Value<'js>>| {
            let mut lengths = Vec::new();
            if let Some(list) = pattern.0.and_then(Value::into_array) {
                for v in list.iter::<Value>() {
                    lengths.push(to_number(&ctx, v?)?);
                }
            }
            let offset = match offset.0 {
                Some(v) => to_number(&ctx, v)?,
                None => 0.0,
            };
            record(
                &this,
                Action::SetLineDash {
                    pattern: lengths,
                    offset,
                },
            );
            Ok::<(), rquickjs::Error>(())
        },
    )?
    .with_name("setLineDash")
}

/// `arc`.
pub(super) fn arc<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, args: Rest<Value<'js>>| {
            let a = numbers(&ctx, &args.0, 5)?;
            let counterclockwise = args.0.get(5).is_some_and(truthy);
            record(
                &this,
                Action::Arc {
                    x: a[0],
                    y: a[1],
                    radius: a[2],
                    start: a[3],
                    end: a[4],
                    counterclockwise,
                },
            );
            Ok::<(), rquickjs::Error>(())
        },
    )?
    .with_name("arc")
}

/// `drawImage`.
pub(super) fn draw_image<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, args: Rest<Value<'js>>| {
            let src = image_src(&ctx, args.0.first())?;
            let rest = args.0.get(1..).unwrap_or_default();
            let rect = match rest.len() {
                0..=2 => {
                    let a = numbers(&ctx, rest, 2)?;
                    ImageRect::At(a[0], a[1])
                }
                3..=7 => {
                    let a = numbers(&ctx, rest, 4)?;
                    ImageRect::Scaled(a[0], a[1], a[2], a[3])
                }
                _ => {
                    let a = numbers(&ctx, rest, 8)?;
                    ImageRect::Source([a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]])
                }
            };
            record(&this, Action::DrawImage { src, rect });
            Ok::<(), rquickjs::Error>(())
        },
    )?
    .with_name("drawImage")
}

/// `measureText`.
pub(super) fn measure_text<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, text: Opt<Value<'js>>| {
            let text = string(&ctx, text.0.as_ref())?;
            let services = services(&ctx)?;
            let width = services
                .platform
                .borrow_mut()
                .measure_text(&this.0.borrow().recorder, &text);
            let result = Object::new(ctx.clone())?;
            result.set("width", width)?;
            Ok::<_, rquickjs::Error>(result)
        },
    )?
    .with_name("measureText")
}

/// `createLinearGradient`.
pub(super) fn create_linear_gradient<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, args: Rest<Value<'js>>| {
            let a = numbers(&ctx, &args.0, 4)?;
            let g = this
                .0
                .borrow()
                .recorder
                .create_linear_gradient(a[0], a[1], a[2], a[3]);
            gradient_object(&ctx, g)
        },
    )?
    .with_name("createLinearGradient")
}

/// `createCircularGradient`.
pub(super) fn create_circular_gradient<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, args: Rest<Value<'js>>| {
            let a = numbers(&ctx, &args.0, 3)?;
            let g = this
                .0
                .borrow()
                .recorder
                .create_circular_gradient(a[0], a[1], a[2]);
            gradient_object(&ctx, g)
        },
    )?
    .with_name("createCircularGradient")
}

/// `createPattern`.
pub(super) fn create_pattern<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, image: Opt<Value<'js>>, repetition: Opt<Value<'js>>| {
            let src = image_src(&ctx, image.0.as_ref())?;
            let repetition = match repetition.0 {
                Some(v) if !v.is_undefined() && !v.is_null() => crate::webidl::to_string(&ctx, v)?,
                _ => "repeat".to_string(),
            };
            let services = services(&ctx)?;
            let pattern = services
                .platform
                .borrow_mut()
                .create_pattern(&src, &repetition);
            match pattern {
                Ok(pattern) => {
                    Ok(Class::instance(ctx.clone(), JsPattern { pattern })?.into_value())
                }
                Err(message) => {
                    crate::console::warn(&ctx, &format!("createPattern('{src}'): {message}"));
                    Ok::<_, rquickjs::Error>(Value::new_null(ctx.clone()))
                }
            }
        },
    )?
    .with_name("createPattern")
}

/// `setLineDashOffset`.
pub(super) fn set_line_dash_offset<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, v: Opt<Value<'js>>| {
            let n = match v.0 {
                Some(v) => to_number(&ctx, v)?,
                None => f64::NAN,
            };
            record(&this, Action::SetLineDashOffset(n));
            Ok::<(), rquickjs::Error>(())
        },
    )?
    .with_name("setLineDashOffset")
}

/// `fillText` (`stroke` false) and `strokeText` (`stroke` true).
pub(super) fn text<'js>(
    ctx: &Ctx<'js>,
    name: &'static str,
    stroke: bool,
) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        move |ctx: Ctx<'js>, this: This2<'js>, args: Rest<Value<'js>>| {
            let text = string(&ctx, args.0.first())?;
            let a = numbers(&ctx, args.0.get(1..).unwrap_or_default(), 2)?;
            let max_width = match args.0.get(3) {
                Some(v) if !v.is_undefined() => Some(to_number(&ctx, v.clone())?),
                _ => None,
            };
            let action = if stroke {
                Action::StrokeText {
                    text,
                    x: a[0],
                    y: a[1],
                    max_width,
                }
            } else {
                Action::FillText {
                    text,
                    x: a[0],
                    y: a[1],
                    max_width,
                }
            };
            // The font-pending check at the call, in the font recorded so far.
            let font = this.0.borrow().recorder.font().to_owned();
            crate::checks::font_use(
                &ctx,
                if stroke {
                    "CanvasContext.strokeText"
                } else {
                    "CanvasContext.fillText"
                },
                &font,
            );
            record(&this, action);
            Ok::<(), rquickjs::Error>(())
        },
    )?
    .with_name(name)
}
