//! `HTMLCanvasElement` as far as drawing scripts use it: `width`,
//! `height`, `getContext('2d')`, `toDataURL(type, quality)`.
#![allow(
    missing_docs,
    reason = "the class macro adds undocumented constants to this public type"
)]

use std::cell::RefCell;
use std::rc::Rc;

use mpcanvas_canvas::{Context2d, Limits};
use mpcanvas_export::{ExportOptions, Format, FormatKind, Pixels, SourceRect};
use rquickjs::class::Trace;
use rquickjs::function::Rest;
use rquickjs::{Class, Ctx, JsLifetime, Value};

use super::context::JsContext2d;
use crate::bridge::{Op, OrThrow};
use crate::webidl::Args;

const IFACE: &str = "HTMLCanvasElement";
/// HTML's default canvas size, which out-of-range sizes fall back to.
const DEFAULT_SIZE: (u32, u32) = (300, 150);

/// A canvas element: a shared engine context and its JS context object.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "HTMLCanvasElement")]
pub struct JsCanvas<'js> {
    /// The engine context drawn on.
    #[qjs(skip_trace)]
    pub engine: Rc<RefCell<Context2d>>,
    context: Option<Class<'js, JsContext2d<'js>>>,
    /// The CSS size of the element the canvas is laid out in (mini-program
    /// canvas nodes); `None` for free canvases, whose units are bitmap px.
    #[qjs(skip_trace)]
    pub layout: Option<(f64, f64)>,
}

impl<'js> JsCanvas<'js> {
    /// A new `width × height` canvas object.
    pub fn create(
        ctx: &Ctx<'js>,
        width: u32,
        height: u32,
        limits: Limits,
    ) -> rquickjs::Result<Class<'js, Self>> {
        let op = Op::method(IFACE, "constructor");
        let fonts = super::fonts::library(ctx);
        let engine = Context2d::with_fonts(width, height, limits, fonts).or_throw(ctx, op)?;
        Class::instance(
            ctx.clone(),
            JsCanvas {
                engine: Rc::new(RefCell::new(engine)),
                context: None,
                layout: None,
            },
        )
    }

    /// A canvas object over an existing engine context (a platform-owned
    /// bitmap), laid out at `layout` CSS px when given.
    pub fn wrap(
        ctx: &Ctx<'js>,
        engine: Rc<RefCell<Context2d>>,
        layout: Option<(f64, f64)>,
    ) -> rquickjs::Result<Class<'js, Self>> {
        Class::instance(
            ctx.clone(),
            JsCanvas {
                engine,
                context: None,
                layout,
            },
        )
    }

    fn resize(
        &self,
        ctx: &Ctx<'js>,
        width: u32,
        height: u32,
        name: &'static str,
    ) -> rquickjs::Result<()> {
        self.engine
            .borrow_mut()
            .set_size(width, height)
            .or_throw(ctx, Op::setter(IFACE, name))?;
        if let Some(c) = &self.context {
            c.borrow_mut().forget_styles();
        }
        Ok(())
    }
}

/// `unsigned long` attribute values wrap like `long`; HTML's reflection
/// then takes anything past 2³¹ − 1 (so every negative number) as the
/// attribute's default.
fn dimension<'js>(ctx: &Ctx<'js>, v: Value<'js>, default: u32) -> rquickjs::Result<u32> {
    let n = crate::webidl::to_number(ctx, v)?;
    let wrapped = crate::webidl::to_long(n) as u32;
    Ok(if wrapped > i32::MAX as u32 {
        default
    } else {
        wrapped
    })
}

#[rquickjs::methods]
impl<'js> JsCanvas<'js> {
    /// Not constructible from script, as in browsers.
    #[qjs(constructor)]
    pub fn new(ctx: Ctx<'js>) -> rquickjs::Result<Self> {
        Err(crate::bridge::illegal_constructor(&ctx))
    }

    /// `width`.
    #[qjs(get, rename = "width")]
    pub fn width(&self) -> u32 {
        self.engine.borrow().width()
    }

    /// Setting `width` clears the bitmap and resets the context state.
    /// `this` stays unborrowed while `valueOf` runs (it may use the canvas).
    #[qjs(set, rename = "width")]
    pub fn set_width(
        this: rquickjs::function::This<Class<'js, Self>>,
        ctx: Ctx<'js>,
        v: Value<'js>,
    ) -> rquickjs::Result<()> {
        let w = dimension(&ctx, v, DEFAULT_SIZE.0)?;
        let h = this.0.borrow().engine.borrow().height();
        this.0.borrow().resize(&ctx, w, h, "width")
    }

    /// `height`.
    #[qjs(get, rename = "height")]
    pub fn height(&self) -> u32 {
        self.engine.borrow().height()
    }

    /// Setting `height` clears the bitmap and resets the context state.
    #[qjs(set, rename = "height")]
    pub fn set_height(
        this: rquickjs::function::This<Class<'js, Self>>,
        ctx: Ctx<'js>,
        v: Value<'js>,
    ) -> rquickjs::Result<()> {
        let h = dimension(&ctx, v, DEFAULT_SIZE.1)?;
        let w = this.0.borrow().engine.borrow().width();
        this.0.borrow().resize(&ctx, w, h, "height")
    }

    /// `getContext('2d')`: the same context object every time; `null` for
    /// any other context type.
    #[qjs(rename = "getContext")]
    pub fn get_context(
        this: rquickjs::function::This<Class<'js, Self>>,
        ctx: Ctx<'js>,
        args: Rest<Value<'js>>,
    ) -> rquickjs::Result<Value<'js>> {
        let args = Args::new(ctx.clone(), args.0, Op::method(IFACE, "getContext"));
        args.require(1)?;
        if args.string(0)? != "2d" {
            return Ok(Value::new_null(ctx));
        }
        if let Some(c) = &this.0.borrow().context {
            return Ok(c.clone().into_value());
        }
        let engine = this.0.borrow().engine.clone();
        let context = JsContext2d::create(&ctx, engine, this.0.clone())?;
        this.0.borrow_mut().context = Some(context.clone());
        Ok(context.into_value())
    }

    /// `createImage()` (WeChat 2D canvas): a new, empty image object.
    #[qjs(rename = "createImage")]
    pub fn create_image(
        &self,
        ctx: Ctx<'js>,
    ) -> rquickjs::Result<Class<'js, super::image::JsImage>> {
        super::image::JsImage::empty(&ctx)
    }

    /// `toDataURL(type, quality)`: PNG unless `type` is `image/jpeg`;
    /// JPEG quality is used when in 0..=1, else 0.92; transparent pixels
    /// go onto black for JPEG, as HTML says. A zero-size canvas gives
    /// `data:,`.
    #[qjs(rename = "toDataURL")]
    pub fn to_data_url(
        this: rquickjs::function::This<Class<'js, Self>>,
        ctx: Ctx<'js>,
        args: Rest<Value<'js>>,
    ) -> rquickjs::Result<String> {
        let args = Args::new(ctx.clone(), args.0, Op::method(IFACE, "toDataURL"));
        // `toString` may resize this canvas: convert before borrowing.
        let kind = if args.has(0) {
            args.string(0)?.to_ascii_lowercase()
        } else {
            String::new()
        };
        let engine = this.0.borrow().engine.clone();
        let engine = engine.borrow();
        let (w, h) = (engine.width(), engine.height());
        if w == 0 || h == 0 {
            return Ok("data:,".to_string());
        }
        let jpeg = FormatKind::from_mime_type(&kind) == Some(FormatKind::Jpeg);
        let format = if jpeg {
            let q = args
                .value(1)
                .as_number()
                .filter(|q| (0.0..=1.0).contains(q))
                .unwrap_or(0.92);
            Format::jpeg(q as f32)
        } else {
            Format::PNG
        };
        let options = ExportOptions::new(w, h, format).with_background([0, 0, 0]);
        let pixels = Pixels::new(w, h, engine.premultiplied_data());
        let encoded =
            mpcanvas_canvas::timing::measure(mpcanvas_canvas::timing::Stage::Encode, || {
                mpcanvas_export::export(pixels, SourceRect::full(w, h), &options)
            });
        let bytes = encoded.map_err(|e| {
            rquickjs::Exception::throw_range(&ctx, &args.op.message(&e.to_string()))
        })?;
        Ok(format.data_url(&bytes))
    }
}
