//! Between JS values and the platform layer's values: options objects go
//! in as [`JsValue`] (so the platform does its own type checks and
//! wording), result objects come back as plain JS objects.

pub(crate) use crate::binary::bytes;
use std::collections::BTreeMap;

use mpcanvas_platform::{CanvasNode, JsValue, Reply};
use rquickjs::{Class, Ctx, Function, Object, Value};

use crate::canvas::element::JsCanvas;

/// Deepest nesting converted; deeper values become `undefined` (options
/// objects are shallow; this only stops cycles).
const MAX_DEPTH: usize = 8;

/// Converts an options value for the platform.
pub(crate) fn to_platform<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> rquickjs::Result<JsValue> {
    convert(ctx, value, 0)
}

fn convert<'js>(ctx: &Ctx<'js>, value: &Value<'js>, depth: usize) -> rquickjs::Result<JsValue> {
    if depth > MAX_DEPTH {
        return Ok(JsValue::Undefined);
    }
    if value.is_undefined() {
        return Ok(JsValue::Undefined);
    }
    if value.is_null() {
        return Ok(JsValue::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(JsValue::Bool(b));
    }
    if let Some(n) = value.as_number() {
        return Ok(JsValue::Number(n));
    }
    if let Some(s) = value.as_string() {
        return Ok(JsValue::String(crate::webidl::js_string(s)?));
    }
    if value.is_function() {
        return Ok(JsValue::Function);
    }
    if let Ok(canvas) = Class::<JsCanvas>::from_value(value) {
        return Ok(JsValue::Canvas(node_of(&canvas.borrow())));
    }
    if is_binary(ctx, value)? {
        return Ok(JsValue::Bytes(bytes(ctx, value)?));
    }
    if let Some(array) = value.as_array() {
        let mut items = Vec::with_capacity(array.len().min(1 << 16));
        for item in array.iter::<Value>().take(1 << 16) {
            items.push(convert(ctx, &item?, depth + 1)?);
        }
        return Ok(JsValue::Array(items));
    }
    if let Some(object) = value.as_object() {
        let mut fields = BTreeMap::new();
        for key in object.keys::<String>() {
            let key = key?;
            let v: Value<'js> = object.get(key.as_str())?;
            fields.insert(key, convert(ctx, &v, depth + 1)?);
        }
        return Ok(JsValue::Object(fields));
    }
    // Symbols, BigInts: nothing the platform reads.
    Ok(JsValue::Undefined)
}

/// The platform's view of a canvas object: its bitmap and layout size.
pub(crate) fn node_of(canvas: &JsCanvas<'_>) -> CanvasNode {
    let node = CanvasNode::new(canvas.engine.clone());
    match canvas.layout {
        Some((w, h)) => node.with_css_size(w, h),
        None => node,
    }
}

fn is_binary<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> rquickjs::Result<bool> {
    let check: Function<'js> =
        ctx.eval("(v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v)")?;
    check.call((value.clone(),))
}

/// A platform reply as a plain JS object.
pub(crate) fn reply<'js>(ctx: &Ctx<'js>, reply: &Reply) -> rquickjs::Result<Object<'js>> {
    let text = serde_json::Value::Object(reply.clone()).to_string();
    let value = ctx.json_parse(text)?;
    value
        .into_object()
        .ok_or_else(|| rquickjs::Exception::throw_internal(ctx, "reply is not an object"))
}
