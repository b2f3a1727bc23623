//! The JS side of the platform's device checks (`mpcanvas_platform::checks`):
//! where in the script a call was made, text drawn in a font still
//! loading, and calls that rely on an undocumented Promise.

use std::cell::RefCell;

use mpcanvas_platform::Platform;
use rquickjs::{Ctx, Object, Value};

use crate::callback::Promises;

/// `file:line:col` of the nearest script frame calling into native code,
/// read from a fresh `Error`'s stack (its first frame is the evaluation
/// asking for it).
pub(crate) fn call_site(ctx: &Ctx<'_>) -> Option<String> {
    let stack: String = ctx.eval("new Error().stack").ok()?;
    stack.lines().skip(1).find_map(|line| {
        let inner = line.trim().strip_prefix("at ")?;
        let location = match inner.rfind('(') {
            Some(i) => inner[i + 1..].strip_suffix(')')?,
            None => inner,
        };
        (location != "native" && location.contains(':')).then(|| location.to_owned())
    })
}

/// Tells the platform which script line the call being served comes from.
pub(crate) fn mark_call_site(ctx: &Ctx<'_>, platform: &RefCell<Platform>) {
    let site = call_site(ctx);
    platform.borrow_mut().set_call_site(site);
}

/// The font-pending check of text drawn or measured in `font` by `api`
/// (a `CanvasRenderingContext2D` method, the legacy context's).
pub(crate) fn font_use(ctx: &Ctx<'_>, api: &str, font: &str) {
    let Some(platform) = crate::host::platform(ctx) else {
        return;
    };
    if !platform.borrow().fonts_pending() {
        return;
    }
    mark_call_site(ctx, &platform);
    platform.borrow_mut().check_font_use(api, font);
}

/// Whether a call of `name` with `options` may answer with a Promise:
/// the platform checks a call relying on an undocumented one (and in
/// strict mode refuses it, so the call returns `undefined` as on the
/// device).
pub(crate) fn promise_style(
    platform: &RefCell<Platform>,
    options: Option<&Object<'_>>,
    name: &str,
    promises: Promises,
) -> Promises {
    if promises == Promises::Never {
        return promises;
    }
    let has_callback = options.is_some_and(|o| {
        ["success", "fail", "complete"]
            .iter()
            .any(|k| o.get::<_, Value>(*k).is_ok_and(|v| v.is_function()))
    });
    if has_callback || platform.borrow_mut().check_promise(name) {
        promises
    } else {
        Promises::Never
    }
}
