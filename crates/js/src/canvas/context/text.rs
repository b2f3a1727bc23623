//! Text: the text attributes and `fillText`, `strokeText`, `measureText`.

use rquickjs::{Class, IntoJs};

use super::state::eng;
use super::{Attribute, Method, undefined};
use crate::canvas::text_metrics::JsTextMetrics;
use crate::webidl::Args;

/// A string attribute: ToString, then the engine ignores values it does
/// not take. `$get` returns something with `as_str` or a `String`.
macro_rules! string_attr {
    ($name:literal, $get:expr, $set:ident) => {
        Attribute {
            name: $name,
            get: |ctx, this| {
                let v: String = $get(&*eng(this).borrow());
                v.into_js(ctx)
            },
            set: Some(|args, this| {
                let v = args.string(0)?;
                eng(this).borrow_mut().$set(&v);
                Ok(())
            }),
        }
    };
}

pub(super) const ATTRIBUTES: &[Attribute] = &[
    string_attr!("font", |e: &mpcanvas_canvas::Context2d| e.font(), set_font),
    string_attr!(
        "textAlign",
        |e: &mpcanvas_canvas::Context2d| e.text_align().as_str().to_string(),
        set_text_align
    ),
    string_attr!(
        "textBaseline",
        |e: &mpcanvas_canvas::Context2d| e.text_baseline().as_str().to_string(),
        set_text_baseline
    ),
    string_attr!(
        "direction",
        |e: &mpcanvas_canvas::Context2d| e.direction().as_str().to_string(),
        set_direction
    ),
    string_attr!(
        "letterSpacing",
        |e: &mpcanvas_canvas::Context2d| e.letter_spacing(),
        set_letter_spacing
    ),
    string_attr!(
        "fontKerning",
        |e: &mpcanvas_canvas::Context2d| e.font_kerning().as_str().to_string(),
        set_font_kerning
    ),
    string_attr!(
        "fontStretch",
        |e: &mpcanvas_canvas::Context2d| e.font_stretch().as_str().to_string(),
        set_font_stretch
    ),
    string_attr!(
        "fontVariantCaps",
        |e: &mpcanvas_canvas::Context2d| e.font_variant_caps().as_str().to_string(),
        set_font_variant_caps
    ),
    string_attr!(
        "textRendering",
        |e: &mpcanvas_canvas::Context2d| e.text_rendering().as_str().to_string(),
        set_text_rendering
    ),
    string_attr!(
        "wordSpacing",
        |e: &mpcanvas_canvas::Context2d| e.word_spacing(),
        set_word_spacing
    ),
];

/// `(DOMString text, unrestricted double x, unrestricted double y,
/// optional unrestricted double maxWidth)`.
fn text_args(args: &Args<'_>) -> rquickjs::Result<(String, f64, f64, Option<f64>)> {
    args.require(3)?;
    let text = args.string(0)?;
    let [x, y] = args.numbers(1)?;
    let max_width = if args.has(3) {
        Some(args.number(3)?)
    } else {
        None
    };
    Ok((text, x, y, max_width))
}

/// The device check of text in a font whose `loadFontFace` is pending.
fn font_check<'js>(args: &Args<'js>, this: &Class<'js, super::JsContext2d<'js>>, api: &str) {
    let font = eng(this).borrow().font();
    crate::checks::font_use(&args.ctx, api, &font);
}

pub(super) const METHODS: &[Method] = &[
    Method {
        name: "fillText",
        length: 3,
        call: |args, this| {
            let (text, x, y, max_width) = text_args(args)?;
            font_check(args, this, "CanvasRenderingContext2D.fillText");
            eng(this).borrow_mut().fill_text(&text, x, y, max_width);
            undefined(args)
        },
    },
    Method {
        name: "strokeText",
        length: 3,
        call: |args, this| {
            let (text, x, y, max_width) = text_args(args)?;
            font_check(args, this, "CanvasRenderingContext2D.strokeText");
            eng(this).borrow_mut().stroke_text(&text, x, y, max_width);
            undefined(args)
        },
    },
    Method {
        name: "measureText",
        length: 1,
        call: |args, this| {
            args.require(1)?;
            let text = args.string(0)?;
            font_check(args, this, "CanvasRenderingContext2D.measureText");
            let metrics = eng(this).borrow().measure_text(&text);
            Ok(Class::instance(args.ctx.clone(), JsTextMetrics { metrics })?.into_value())
        },
    },
];
