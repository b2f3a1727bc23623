//! Image objects: decoded images a script can draw (what
//! `env.loadImage` resolves to, and later `canvas.createImage()`).

use mpcanvas_canvas::Image;
use rquickjs::class::Trace;
use rquickjs::{Class, Ctx, JsLifetime};

/// An image element: its decoded pixels once loaded.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "HTMLImageElement")]
pub struct JsImage {
    #[qjs(skip_trace)]
    pub(crate) image: Option<Image>,
}

impl JsImage {
    /// A loaded image object for `image`.
    pub(crate) fn loaded<'js>(
        ctx: &Ctx<'js>,
        image: Image,
    ) -> rquickjs::Result<Class<'js, JsImage>> {
        Class::instance(ctx.clone(), JsImage { image: Some(image) })
    }
}

#[rquickjs::methods]
impl JsImage {
    /// Not constructible from script here (images come from the host).
    #[qjs(constructor)]
    pub fn new(ctx: Ctx<'_>) -> rquickjs::Result<Self> {
        Err(crate::bridge::illegal_constructor(&ctx))
    }

    /// `width` (0 until loaded).
    #[qjs(get, rename = "width")]
    pub fn width(&self) -> u32 {
        self.image.as_ref().map_or(0, |i| i.width())
    }

    /// `height` (0 until loaded).
    #[qjs(get, rename = "height")]
    pub fn height(&self) -> u32 {
        self.image.as_ref().map_or(0, |i| i.height())
    }

    /// `naturalWidth`.
    #[qjs(get, rename = "naturalWidth")]
    pub fn natural_width(&self) -> u32 {
        self.width()
    }

    /// `naturalHeight`.
    #[qjs(get, rename = "naturalHeight")]
    pub fn natural_height(&self) -> u32 {
        self.height()
    }

    /// `complete`: whether the image is loaded.
    #[qjs(get, rename = "complete")]
    pub fn complete(&self) -> bool {
        self.image.is_some()
    }
}
