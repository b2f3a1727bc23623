//! Image objects: `canvas.createImage()` (WeChat 2D canvas), what
//! `env.loadImage` resolves to, and later mini-game `wx.createImage()`.
//!
//! Setting `src` starts a load: the host's loader fetches the bytes (a
//! `data:` URL is decoded directly), they are decoded under the run's
//! budgets, and `onload` or `onerror` fires as a later task, never during
//! the assignment. An error event carries a message naming the source and
//! why it failed.

use mpcanvas_canvas::Image;
use rquickjs::class::Trace;
use rquickjs::function::This;
use rquickjs::{Class, Ctx, Function, JsLifetime, Object, Value};

use crate::host;

/// An image element.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "HTMLImageElement")]
pub struct JsImage {
    #[qjs(skip_trace)]
    pub(crate) image: Option<Image>,
    #[qjs(skip_trace)]
    src: String,
}

impl JsImage {
    /// A loaded image object for `image`.
    pub fn loaded<'js>(ctx: &Ctx<'js>, image: Image) -> rquickjs::Result<Class<'js, JsImage>> {
        Class::instance(
            ctx.clone(),
            JsImage {
                image: Some(image),
                src: String::new(),
            },
        )
    }

    /// An empty image object (no `src` yet).
    pub(crate) fn empty<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Class<'js, JsImage>> {
        Class::instance(
            ctx.clone(),
            JsImage {
                image: None,
                src: String::new(),
            },
        )
    }
}

/// Fetches and decodes `src` with the runtime's host.
fn fetch(ctx: &Ctx<'_>, src: &str) -> Result<Image, String> {
    let (loader, limits) = match host::get(ctx) {
        Some(h) => (h.loader.clone(), h.canvas_limits.clone()),
        None => return Err(format!("{src}: no loader in this runtime")),
    };
    let bytes = match host::data_url(src) {
        Some(r) => r.map_err(|e| format!("{}: {e}", short(src)))?,
        None => loader
            .load(src)
            .map_err(|e| format!("{}: {e}", short(src)))?,
    };
    Image::decode(&bytes, &limits).map_err(|e| format!("{}: {}", short(src), e.message))
}

/// `src` for messages (data: URLs shortened).
fn short(src: &str) -> String {
    if src.len() > 64 {
        format!(
            "{}…",
            &src[..src.char_indices().nth(48).map_or(src.len(), |(i, _)| i)]
        )
    } else {
        src.to_string()
    }
}

/// Calls `this[handler](event)` when it is a function.
fn dispatch<'js>(
    this: &Class<'js, JsImage>,
    handler: &str,
    event: Object<'js>,
) -> rquickjs::Result<()> {
    let f: Value<'js> = this.get(handler)?;
    if let Some(f) = f.into_function() {
        f.call::<_, ()>((This(this.clone()), event))?;
    }
    Ok(())
}

/// The load task: `load(image, src)`. It captures nothing; the image and
/// the source travel as the task's arguments (see `EventLoop::post_call`).
fn load_task<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: Class<'js, JsImage>, src: rquickjs::String<'js>| {
            let src = crate::webidl::js_string(&src)?;
            // A later assignment to `src` supersedes this load.
            if this.borrow().src != src {
                return Ok(());
            }
            let event = Object::new(ctx.clone())?;
            event.set("target", this.clone())?;
            match fetch(&ctx, &src) {
                Ok(image) => {
                    this.borrow_mut().image = Some(image);
                    event.set("type", "load")?;
                    dispatch(&this, "onload", event)
                }
                Err(message) => {
                    event.set("type", "error")?;
                    event.set("message", message.clone())?;
                    event.set("errMsg", message)?;
                    dispatch(&this, "onerror", event)
                }
            }
        },
    )
}

#[rquickjs::methods]
impl JsImage {
    /// Not constructible from script here (see `canvas.createImage()`).
    #[qjs(constructor)]
    pub fn new(ctx: Ctx<'_>) -> rquickjs::Result<Self> {
        Err(crate::bridge::illegal_constructor(&ctx))
    }

    /// `src`.
    #[qjs(get, rename = "src")]
    pub fn src(&self) -> String {
        self.src.clone()
    }

    /// Setting `src` starts loading it; `onload` / `onerror` follow as a
    /// task.
    #[qjs(set, rename = "src")]
    pub fn set_src<'js>(
        this: This<Class<'js, Self>>,
        ctx: Ctx<'js>,
        value: Value<'js>,
    ) -> rquickjs::Result<()> {
        let src = crate::webidl::to_string(&ctx, value)?;
        {
            let mut me = this.0.borrow_mut();
            me.src = src.clone();
            me.image = None;
        }
        let events = host::get(&ctx).map(|h| h.events.clone());
        if let Some(events) = events {
            let args = vec![
                this.0.clone().into_value(),
                rquickjs::String::from_str(ctx.clone(), &src)?.into_value(),
            ];
            events.post_call(&ctx, load_task(&ctx)?, None, args)?;
        }
        Ok(())
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
