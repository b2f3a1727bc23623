//! Binary JS data (`ArrayBuffer`, typed arrays, `DataView`) copied into
//! Rust without `unsafe`: rquickjs exposes their memory only through
//! unsafe calls, so the bytes travel as Latin-1 strings, one char per
//! byte, in chunks.

use rquickjs::{Ctx, Function, Object, Value};

/// The bytes of an `ArrayBuffer`, typed array or `DataView`, copied
/// through Latin-1 strings (no `unsafe` view of QuickJS memory).
pub(crate) fn bytes<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> rquickjs::Result<Vec<u8>> {
    const CHUNK: usize = 1 << 15;
    let view: Function<'js> = ctx.eval(
        "(v) => v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength)",
    )?;
    let array: Object<'js> = view.call((value.clone(),))?;
    let len: usize = array.get("length")?;
    let to_latin1: Function<'js> =
        ctx.eval("(a, s, e) => String.fromCharCode.apply(null, a.subarray(s, e))")?;
    let mut out = Vec::with_capacity(len);
    let mut start = 0;
    while start < len {
        let end = (start + CHUNK).min(len);
        let text: String = to_latin1.call((array.clone(), start, end))?;
        out.extend(text.chars().map(|c| c as u32 as u8));
        start = end;
    }
    Ok(out)
}
