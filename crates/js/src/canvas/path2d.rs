//! `Path2D`.

use kurbo::Affine;
use mpcanvas_canvas::Path2D;
use rquickjs::class::Trace;
use rquickjs::function::{Rest, This};
use rquickjs::{Class, Ctx, JsLifetime, Value};

use super::matrix::init_2d;
use super::path_ops::{self, PathCall};
use crate::bridge::Op;
use crate::webidl::Args;

const IFACE: &str = "Path2D";

/// A path object.
#[derive(Trace, JsLifetime, Clone)]
#[rquickjs::class(rename = "Path2D")]
pub struct JsPath2D {
    #[qjs(skip_trace)]
    pub(crate) path: Path2D,
}

#[rquickjs::methods]
impl JsPath2D {
    /// `new Path2D()`, `new Path2D(path)` (a copy), `new Path2D(svgPathData)`.
    #[qjs(constructor)]
    pub fn new<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> rquickjs::Result<Self> {
        let args = Args::new(ctx, args.0, Op::method(IFACE, "constructor"));
        if !args.has(0) {
            return Ok(JsPath2D {
                path: Path2D::new(),
            });
        }
        if let Some(other) = args
            .value(0)
            .as_object()
            .and_then(|o| o.as_class::<JsPath2D>().cloned())
        {
            return Ok(JsPath2D {
                path: other.borrow().path.clone(),
            });
        }
        Ok(JsPath2D {
            path: Path2D::from_svg(&args.string(0)?),
        })
    }

    /// `addPath(path, optional DOMMatrix2DInit transform)`. Takes `this`
    /// unborrowed: the transform's getters run script code that may use
    /// either path, and `path` may be `this`.
    #[qjs(rename = "addPath")]
    pub fn add_path<'js>(
        this: This<Class<'js, JsPath2D>>,
        ctx: Ctx<'js>,
        args: Rest<Value<'js>>,
    ) -> rquickjs::Result<()> {
        let args = Args::new(ctx.clone(), args.0, Op::method(IFACE, "addPath"));
        args.require(1)?;
        let other = args
            .value(0)
            .as_object()
            .and_then(|o| o.as_class::<JsPath2D>().cloned());
        let Some(other) = other else {
            return Err(args
                .op
                .type_error(&ctx, "parameter 1 is not of type 'Path2D'."));
        };
        let t = init_2d(&args, 1)?;
        // Copy first: adding a path to itself must not alias the borrow.
        let other = other.borrow().path.clone();
        this.0.borrow_mut().path.add_path(&other, &t);
        Ok(())
    }
}

/// Defines the `CanvasPath` operations on `Path2D.prototype`.
pub(crate) fn install(ctx: &Ctx<'_>) -> rquickjs::Result<()> {
    Class::<JsPath2D>::define(&ctx.globals())?;
    if let Some(proto) = Class::<JsPath2D>::prototype(ctx)? {
        path_ops::define(ctx, &proto, IFACE, |this: &Class<'_, JsPath2D>, call| {
            apply(this, call)
        })?;
    }
    Ok(())
}

fn apply<'js>(this: &Class<'js, JsPath2D>, call: PathCall) -> mpcanvas_canvas::Result<()> {
    call.apply(&mut this.borrow_mut().path, &Affine::IDENTITY)
}
