//! What the JS layer hands over: option objects as already-converted JS
//! values, so the platform's own type checks ("parameter.x should be Number
//! instead of String") happen here, per profile, not in JS.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use mpcanvas_canvas::Context2d;

/// A JS value as an API option sees it.
#[derive(Debug, Clone, Default)]
pub enum JsValue {
    /// `undefined`, and any field that is absent.
    #[default]
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (NaN and the infinities included).
    Number(f64),
    /// A string.
    String(String),
    /// A plain object.
    Object(BTreeMap<String, JsValue>),
    /// An array.
    Array(Vec<JsValue>),
    /// A function (only its presence matters here).
    Function,
    /// A typed array's bytes (`Uint8ClampedArray`, `ArrayBuffer`).
    Bytes(Vec<u8>),
    /// A canvas node object (`<canvas type="2d">` node, mini-game canvas).
    Canvas(CanvasNode),
}

/// A canvas node: its bitmap, shared with the JS `Canvas` object, and the
/// CSS size of its layout box (for a mini-game canvas, the bitmap size).
#[derive(Debug, Clone)]
pub struct CanvasNode {
    /// The engine context the node draws into.
    pub context: Rc<RefCell<Context2d>>,
    /// Layout size in CSS px, which the JS layer takes from the page (the
    /// node's `fields({size: true})`). `None` means "same as the bitmap":
    /// right for mini-game canvases, wrong for a mini-program 2D node at
    /// dpr > 1, whose exports would then default to bitmap × dpr.
    pub css_size: Option<(f64, f64)>,
}

impl CanvasNode {
    /// A node whose CSS size equals its bitmap size.
    pub fn new(context: Rc<RefCell<Context2d>>) -> Self {
        CanvasNode {
            context,
            css_size: None,
        }
    }

    /// A node laid out at `css_width × css_height` CSS px.
    pub fn with_css_size(mut self, css_width: f64, css_height: f64) -> Self {
        self.css_size = Some((css_width, css_height));
        self
    }
}

impl JsValue {
    /// The JS `typeof` name, capitalised, with `Null` for null and `Array`
    /// for arrays — how the platforms name types in parameter errors
    /// (RS §3).
    pub fn type_name(&self) -> &'static str {
        match self {
            JsValue::Undefined => "Undefined",
            JsValue::Null => "Null",
            JsValue::Bool(_) => "Boolean",
            JsValue::Number(_) => "Number",
            JsValue::String(_) => "String",
            JsValue::Object(_) | JsValue::Canvas(_) | JsValue::Bytes(_) => "Object",
            JsValue::Array(_) => "Array",
            JsValue::Function => "Function",
        }
    }

    /// Field `name` of an object; `Undefined` for anything else or an
    /// absent field.
    pub fn get(&self, name: &str) -> &JsValue {
        const UNDEFINED: &JsValue = &JsValue::Undefined;
        match self {
            JsValue::Object(map) => map.get(name).unwrap_or(UNDEFINED),
            _ => UNDEFINED,
        }
    }

    /// A copy of an object without field `name` (other values as they are).
    pub fn without(&self, name: &str) -> JsValue {
        match self {
            JsValue::Object(map) => {
                let mut map = map.clone();
                map.remove(name);
                JsValue::Object(map)
            }
            other => other.clone(),
        }
    }

    /// Whether the value is `undefined` or `null`.
    pub fn is_nullish(&self) -> bool {
        matches!(self, JsValue::Undefined | JsValue::Null)
    }

    /// Builds an object from `(name, value)` pairs (tests and hosts).
    pub fn object<K: Into<String>>(fields: impl IntoIterator<Item = (K, JsValue)>) -> JsValue {
        JsValue::Object(fields.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// A compact JSON view for the run report (canvases and functions as
    /// markers, never pixel data).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            JsValue::Undefined => Value::String("undefined".into()),
            JsValue::Null => Value::Null,
            JsValue::Bool(b) => Value::Bool(*b),
            // Whole numbers print as JS prints them (`667`, not `667.0`).
            JsValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Value::from(*n as i64),
            JsValue::Number(n) => serde_json::Number::from_f64(*n)
                .map(Value::Number)
                .unwrap_or_else(|| Value::String(n.to_string())),
            JsValue::String(s) => Value::String(truncated(s)),
            JsValue::Object(map) => Value::Object(
                map.iter()
                    .filter(|(_, v)| !matches!(v, JsValue::Undefined))
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
            JsValue::Array(items) => Value::Array(items.iter().map(JsValue::to_json).collect()),
            JsValue::Function => Value::String("[Function]".into()),
            JsValue::Canvas(_) => Value::String("[Canvas]".into()),
            JsValue::Bytes(b) => Value::String(format!("[{} bytes]", b.len())),
        }
    }
}

/// Long strings (data URLs) are cut in reports.
fn truncated(s: &str) -> String {
    const MAX: usize = 200;
    if s.len() <= MAX {
        return s.to_owned();
    }
    let mut end = MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &s[..end], s.len())
}

impl From<f64> for JsValue {
    fn from(v: f64) -> Self {
        JsValue::Number(v)
    }
}

impl From<&str> for JsValue {
    fn from(v: &str) -> Self {
        JsValue::String(v.to_owned())
    }
}

impl From<String> for JsValue {
    fn from(v: String) -> Self {
        JsValue::String(v)
    }
}

impl From<bool> for JsValue {
    fn from(v: bool) -> Self {
        JsValue::Bool(v)
    }
}

impl From<CanvasNode> for JsValue {
    fn from(v: CanvasNode) -> Self {
        JsValue::Canvas(v)
    }
}

#[cfg(test)]
mod tests {
    use super::JsValue;

    #[test]
    fn report_json_prints_whole_numbers_as_integers_and_keeps_fractions() {
        assert_eq!(JsValue::Number(667.0).to_json().to_string(), "667");
        assert_eq!(JsValue::Number(0.92).to_json().to_string(), "0.92");
        assert_eq!(JsValue::Number(f64::NAN).to_json().to_string(), "\"NaN\"");
    }
}
