//! `loadFontFace(options)`, whose load finishes on the device in a later
//! task (before its callbacks), and the mini-game's synchronous
//! `wx.loadFont(path)`: the family name the font declares, or `null` when
//! it cannot be loaded.

use rquickjs::function::Opt;
use rquickjs::{Coerced, Ctx, Function, IntoJs, Value};

use super::api::{begin, promises};

/// `loadFontFace(options)`.
pub(crate) fn load_font_face<'js>(
    ctx: &Ctx<'js>,
    namespace_promises: bool,
) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        move |ctx: Ctx<'js>, options: Opt<Value<'js>>| {
            let invocation = begin(&ctx, options)?;
            let result = invocation
                .services
                .platform
                .borrow_mut()
                .load_font_face(&invocation.converted);
            // The font counts as loading until this task, which runs before
            // the callbacks or the Promise's reactions.
            if result.is_ok()
                && let mpcanvas_platform::JsValue::String(family) =
                    invocation.converted.get("family")
            {
                let family = family.trim().to_owned();
                let platform = invocation.services.platform.clone();
                let finish = Function::new(ctx.clone(), move || {
                    platform.borrow_mut().finish_font_load(&family);
                })?;
                invocation.services.events.post(&ctx, finish)?;
            }
            invocation.deliver(&ctx, "loadFontFace", result, promises(namespace_promises))
        },
    )?
    .with_name("loadFontFace")
}

pub(crate) fn load_font<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, path: Opt<Value<'js>>| -> rquickjs::Result<Value<'js>> {
            let path = match path.0 {
                Some(v) if !v.is_undefined() && !v.is_null() => v.get::<Coerced<String>>()?.0,
                _ => String::new(),
            };
            let family = crate::host::platform(&ctx).and_then(|p| p.borrow_mut().load_font(&path));
            match family {
                Some(f) => f.into_js(&ctx),
                None => Ok(Value::new_null(ctx)),
            }
        },
    )?
    .with_name("loadFont")
}
