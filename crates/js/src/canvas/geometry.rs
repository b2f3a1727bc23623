//! The Geometry Interfaces canvas scripts reach for: `DOMPointReadOnly`,
//! `DOMPoint`, `DOMRectReadOnly`, `DOMRect` (e.g. `roundRect` radii). They
//! hold plain numbers and need nothing from the engine, so they are
//! written in JS (`geometry.js`) with WebIDL's attribute and inheritance
//! shapes; `DOMMatrix` (`matrix.js`) must be defined first.

use rquickjs::Ctx;

/// Defines the classes on the global object.
pub(crate) fn install(ctx: &Ctx<'_>) -> rquickjs::Result<()> {
    ctx.eval::<(), _>(include_str!("geometry.js"))
}
