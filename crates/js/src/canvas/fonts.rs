//! The runtime's font library: one [`FontLibrary`] per runtime, shared by
//! every canvas created in it (as `document.fonts` is shared by a page's
//! canvases, and `wx.loadFontFace` fonts by a mini-program's).

use mpcanvas_canvas::FontLibrary;
use rquickjs::{Ctx, JsLifetime};

/// The library stored in the runtime.
#[derive(JsLifetime)]
struct RuntimeFonts(FontLibrary);

/// Makes `fonts` the runtime's library. Call before any canvas exists;
/// once a library is in place it stays (an error otherwise).
pub fn install(ctx: &Ctx<'_>, fonts: FontLibrary) -> rquickjs::Result<()> {
    ctx.store_userdata(RuntimeFonts(fonts))
        .map(|_| ())
        .map_err(|_| {
            rquickjs::Exception::throw_internal(ctx, "the runtime already has a font library")
        })
}

/// The runtime's library, created (bundled and system fonts) on first use.
pub fn library(ctx: &Ctx<'_>) -> FontLibrary {
    if let Some(f) = ctx.userdata::<RuntimeFonts>() {
        return f.0.clone();
    }
    let fonts = mpcanvas_fonts::library();
    // Cannot fail: no library was stored (checked just above).
    let _ = ctx.store_userdata(RuntimeFonts(fonts.clone()));
    fonts
}
