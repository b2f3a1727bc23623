//! The mini-game's synchronous `wx.loadFont(path)`: the family name the
//! font declares, or `null` when it cannot be loaded (`loadFontFace` is an
//! ordinary options call, bound with the others).

use rquickjs::function::Opt;
use rquickjs::{Coerced, Ctx, Function, IntoJs, Value};

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
