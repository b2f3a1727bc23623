//! `fillStyle` / `strokeStyle`, gradients and patterns.

use mpcanvas_canvas::{CanvasGradient, Repetition, Style};
use rquickjs::{Class, IntoJs, Value};

use super::state::eng;
use super::{Attribute, JsContext2d, Method};
use crate::bridge::OrThrow;
use crate::canvas::gradient::JsGradient;
use crate::canvas::pattern::JsPattern;
use crate::canvas::source::image_source;
use crate::webidl::Args;

/// Which of the two styles an accessor is about.
#[derive(Clone, Copy)]
enum Which {
    Fill,
    Stroke,
}

fn get_style<'js>(
    ctx: &rquickjs::Ctx<'js>,
    this: &Class<'js, JsContext2d<'js>>,
    which: Which,
) -> rquickjs::Result<Value<'js>> {
    let style = match which {
        Which::Fill => eng(this).borrow().fill_style().clone(),
        Which::Stroke => eng(this).borrow().stroke_style().clone(),
    };
    match style {
        Style::Color(c) => c.serialize().into_js(ctx),
        _ => {
            let me = this.borrow();
            let obj = match which {
                Which::Fill => me.styles.fill.clone(),
                Which::Stroke => me.styles.stroke.clone(),
            };
            Ok(obj.unwrap_or_else(|| Value::new_null(ctx.clone())))
        }
    }
}

/// `(DOMString or CanvasGradient or CanvasPattern)`: objects of the two
/// classes are kept as they are; anything else goes through ToString and is
/// ignored unless it parses as a colour.
fn set_style<'js>(
    args: &Args<'js>,
    this: &Class<'js, JsContext2d<'js>>,
    which: Which,
) -> rquickjs::Result<()> {
    let v = args.value(0);
    let object_style = v.as_object().and_then(|o| {
        if let Some(g) = o.as_class::<JsGradient>() {
            Some(Style::Gradient(g.borrow().gradient.clone()))
        } else {
            o.as_class::<JsPattern>()
                .map(|p| Style::Pattern(p.borrow().pattern.clone()))
        }
    });
    // The string conversion runs script code (`toString`), which may use
    // this very context: convert before borrowing the engine.
    let css = match object_style {
        Some(_) => None,
        None => Some(args.string(0)?),
    };
    let engine = eng(this);
    let mut engine = engine.borrow_mut();
    let (kept, taken) = match (object_style, css) {
        (Some(style), _) => {
            match which {
                Which::Fill => engine.set_fill_style(style),
                Which::Stroke => engine.set_stroke_style(style),
            }
            (Some(v), true)
        }
        (None, css) => {
            let css = css.unwrap_or_default();
            let taken = match which {
                Which::Fill => engine.set_fill_style_str(&css),
                Which::Stroke => engine.set_stroke_style_str(&css),
            };
            (None, taken)
        }
    };
    drop(engine);
    if taken {
        let mut me = this.borrow_mut();
        match which {
            Which::Fill => me.styles.fill = kept,
            Which::Stroke => me.styles.stroke = kept,
        }
    }
    Ok(())
}

pub(super) const ATTRIBUTES: &[Attribute] = &[
    Attribute {
        name: "fillStyle",
        get: |ctx, this| get_style(ctx, this, Which::Fill),
        set: Some(|args, this| set_style(args, this, Which::Fill)),
    },
    Attribute {
        name: "strokeStyle",
        get: |ctx, this| get_style(ctx, this, Which::Stroke),
        set: Some(|args, this| set_style(args, this, Which::Stroke)),
    },
];

fn gradient<'js>(
    args: &Args<'js>,
    g: mpcanvas_canvas::Result<CanvasGradient>,
) -> rquickjs::Result<Value<'js>> {
    let gradient = g.or_throw(&args.ctx, args.op)?;
    Ok(Class::instance(args.ctx.clone(), JsGradient { gradient })?.into_value())
}

pub(super) const METHODS: &[Method] = &[
    Method {
        name: "createLinearGradient",
        length: 4,
        call: |args, _| {
            args.require(4)?;
            let (x0, y0, x1, y1) = (
                args.finite(0)?,
                args.finite(1)?,
                args.finite(2)?,
                args.finite(3)?,
            );
            gradient(args, CanvasGradient::linear(x0, y0, x1, y1))
        },
    },
    Method {
        name: "createRadialGradient",
        length: 6,
        call: |args, _| {
            args.require(6)?;
            let v = [
                args.finite(0)?,
                args.finite(1)?,
                args.finite(2)?,
                args.finite(3)?,
                args.finite(4)?,
                args.finite(5)?,
            ];
            gradient(
                args,
                CanvasGradient::radial(v[0], v[1], v[2], v[3], v[4], v[5]),
            )
        },
    },
    Method {
        name: "createConicGradient",
        length: 3,
        call: |args, _| {
            args.require(3)?;
            let (a, x, y) = (args.finite(0)?, args.finite(1)?, args.finite(2)?);
            gradient(args, CanvasGradient::conic(a, x, y))
        },
    },
    Method {
        name: "createPattern",
        length: 2,
        call: |args, this| {
            args.require(2)?;
            let image = image_source(args, 0)?;
            // [LegacyNullToEmptyString]: null means "repeat" too.
            let repetition = if args.value(1).is_null() {
                String::new()
            } else {
                args.string(1)?
            };
            let repetition =
                Repetition::parse_argument(&repetition).or_throw(&args.ctx, args.op)?;
            let Some(image) = image else {
                return Ok(Value::new_null(args.ctx.clone()));
            };
            let pattern = eng(this)
                .borrow()
                .create_pattern(image.source(), repetition)
                .or_throw(&args.ctx, args.op)?;
            Ok(Class::instance(args.ctx.clone(), JsPattern { pattern })?.into_value())
        },
    },
];
