//! `CanvasGradient`.

use mpcanvas_canvas::CanvasGradient;
use rquickjs::class::Trace;
use rquickjs::function::Rest;
use rquickjs::{Ctx, JsLifetime, Value};

use crate::bridge::{Op, OrThrow};
use crate::webidl::Args;

/// A gradient object wrapping the engine's shared gradient.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "CanvasGradient")]
pub struct JsGradient {
    #[qjs(skip_trace)]
    pub(crate) gradient: CanvasGradient,
}

#[rquickjs::methods]
impl JsGradient {
    /// Not constructible from script, as in browsers.
    #[qjs(constructor)]
    pub fn new(ctx: Ctx<'_>) -> rquickjs::Result<Self> {
        Err(crate::bridge::illegal_constructor(&ctx))
    }

    /// `addColorStop(double offset, DOMString color)`.
    #[qjs(rename = "addColorStop")]
    pub fn add_color_stop<'js>(
        &self,
        ctx: Ctx<'js>,
        args: Rest<Value<'js>>,
    ) -> rquickjs::Result<()> {
        let args = Args::new(
            ctx.clone(),
            args.0,
            Op::method("CanvasGradient", "addColorStop"),
        );
        args.require(2)?;
        let offset = args.finite(0)?;
        let color = args.string(1)?;
        self.gradient
            .add_color_stop(offset, &color)
            .or_throw(&ctx, args.op)
    }
}
