//! `CanvasPattern`.

use mpcanvas_canvas::CanvasPattern;
use rquickjs::class::Trace;
use rquickjs::function::Rest;
use rquickjs::{Ctx, JsLifetime, Value};

use super::matrix::init_2d;
use crate::bridge::Op;
use crate::webidl::Args;

/// A pattern object wrapping the engine's shared pattern.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "CanvasPattern")]
pub struct JsPattern {
    #[qjs(skip_trace)]
    pub(crate) pattern: CanvasPattern,
}

#[rquickjs::methods]
impl JsPattern {
    /// Not constructible from script, as in browsers.
    #[qjs(constructor)]
    pub fn new(ctx: Ctx<'_>) -> rquickjs::Result<Self> {
        Err(crate::bridge::illegal_constructor(&ctx))
    }

    /// `setTransform(optional DOMMatrix2DInit transform = {})`.
    #[qjs(rename = "setTransform")]
    pub fn set_transform<'js>(
        &self,
        ctx: Ctx<'js>,
        args: Rest<Value<'js>>,
    ) -> rquickjs::Result<()> {
        let args = Args::new(ctx, args.0, Op::method("CanvasPattern", "setTransform"));
        self.pattern.set_transform(init_2d(&args, 0)?);
        Ok(())
    }
}
