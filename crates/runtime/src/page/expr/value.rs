//! The values markup expressions compute with: JSON data as the page's
//! `data` holds it, plus `undefined` and non-finite numbers, with the
//! JavaScript conversions the platforms apply (`ToString`, `ToNumber`,
//! truthiness). Objects keep their keys in insertion order.

use std::fmt;

/// A value of a markup expression.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// A name the data lacks, a missing field.
    #[default]
    Undefined,
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Every number (JavaScript has one number type).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, keys in insertion order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// JavaScript truthiness.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Undefined | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => *n != 0.0 && !n.is_nan(),
            Value::String(s) => !s.is_empty(),
            Value::Array(_) | Value::Object(_) => true,
        }
    }

    /// JavaScript `ToNumber`.
    pub fn to_number(&self) -> f64 {
        match self {
            Value::Undefined => f64::NAN,
            Value::Null => 0.0,
            Value::Bool(b) => f64::from(u8::from(*b)),
            Value::Number(n) => *n,
            Value::String(s) => string_to_number(s),
            Value::Array(_) | Value::Object(_) => string_to_number(&self.to_js_string()),
        }
    }

    /// JavaScript `ToString` (`[1,2]` → `1,2`, objects → `[object Object]`).
    pub fn to_js_string(&self) -> String {
        match self {
            Value::Undefined => "undefined".into(),
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => number_to_string(*n),
            Value::String(s) => s.clone(),
            Value::Array(items) => items
                .iter()
                .map(|v| match v {
                    Value::Undefined | Value::Null => String::new(),
                    v => v.to_js_string(),
                })
                .collect::<Vec<_>>()
                .join(","),
            Value::Object(_) => "[object Object]".into(),
        }
    }

    /// How `{{value}}` renders inside text: `undefined` and `null` are empty.
    pub fn to_text(&self) -> String {
        match self {
            Value::Undefined | Value::Null => String::new(),
            v => v.to_js_string(),
        }
    }

    /// Field `key` of an object, element of an array, `length`, or a
    /// string's character; `undefined` otherwise.
    pub fn member(&self, key: &Value) -> Value {
        match self {
            Value::Object(fields) => {
                let key = key.to_js_string();
                fields
                    .iter()
                    .rev()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            }
            Value::Array(items) => match key {
                Value::String(s) if s == "length" => Value::Number(items.len() as f64),
                k => index_of(k)
                    .and_then(|i| items.get(i).cloned())
                    .unwrap_or_default(),
            },
            Value::String(s) => match key {
                Value::String(k) if k == "length" => Value::Number(s.encode_utf16().count() as f64),
                k => index_of(k)
                    .and_then(|i| s.chars().nth(i))
                    .map(|c| Value::String(c.to_string()))
                    .unwrap_or_default(),
            },
            _ => Value::Undefined,
        }
    }

    /// The value as JSON (`undefined` fields are dropped, non-finite
    /// numbers become `null`, as `JSON.stringify` does).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Undefined | Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Number(n) => serde_json::Number::from_f64(*n)
                .map(|n| {
                    // Integral values print without a fraction, as in JS.
                    if n.as_f64()
                        .is_some_and(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                    {
                        J::from(n.as_f64().unwrap_or_default() as i64)
                    } else {
                        J::Number(n)
                    }
                })
                .unwrap_or(J::Null),
            Value::String(s) => J::String(s.clone()),
            Value::Array(items) => J::Array(
                items
                    .iter()
                    .map(|v| match v {
                        Value::Undefined => J::Null,
                        v => v.to_json(),
                    })
                    .collect(),
            ),
            Value::Object(fields) => J::Object(
                fields
                    .iter()
                    .filter(|(_, v)| *v != Value::Undefined)
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }

    /// The value as JSON text (for handing to a JS context).
    pub fn to_json_text(&self) -> String {
        match self {
            Value::Undefined => "undefined".into(),
            v => v.to_json().to_string(),
        }
    }

    /// Parses JSON text, keeping object keys in order.
    pub fn from_json_text(text: &str) -> Result<Value, serde_json::Error> {
        serde_json::from_str(text)
    }
}

impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Value {
        use serde_json::Value as J;
        match v {
            J::Null => Value::Null,
            J::Bool(b) => Value::Bool(*b),
            J::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            J::String(s) => Value::String(s.clone()),
            J::Array(a) => Value::Array(a.iter().map(Value::from).collect()),
            J::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), v.into())).collect()),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_js_string())
    }
}

/// A non-negative integer index from a number or numeric string.
fn index_of(key: &Value) -> Option<usize> {
    let n = match key {
        Value::Number(n) => *n,
        Value::String(s) => s.parse::<f64>().ok()?,
        _ => return None,
    };
    (n >= 0.0 && n.fract() == 0.0 && n < usize::MAX as f64).then_some(n as usize)
}

fn string_to_number(s: &str) -> f64 {
    let t = s.trim();
    if t.is_empty() {
        return 0.0;
    }
    if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        return u64::from_str_radix(hex, 16).map_or(f64::NAN, |v| v as f64);
    }
    match t {
        "Infinity" | "+Infinity" => f64::INFINITY,
        "-Infinity" => f64::NEG_INFINITY,
        _ if t
            .chars()
            .any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E') =>
        {
            f64::NAN
        }
        _ => t.parse().unwrap_or(f64::NAN),
    }
}

/// JavaScript's `Number.prototype.toString()` for the values data holds.
pub fn number_to_string(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if n == 0.0 {
        return "0".into();
    }
    let abs = n.abs();
    if (1e-6..1e21).contains(&abs) {
        return format!("{n}");
    }
    // Exponent form: `1e+21`, `1.5e-7`.
    let text = format!("{n:e}");
    match text.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp}"),
        _ => text,
    }
}

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(Visitor)
    }
}

struct Visitor;

impl<'de> serde::de::Visitor<'de> for Visitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields: Vec<(String, Value)> = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Value>()? {
            match fields.iter_mut().find(|(key, _)| *key == k) {
                Some(slot) => slot.1 = v,
                None => fields.push((k, v)),
            }
        }
        Ok(Value::Object(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_as_javascript_prints_them() {
        assert_eq!(number_to_string(1.0), "1");
        assert_eq!(number_to_string(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number_to_string(-2.5), "-2.5");
        assert_eq!(number_to_string(1e21), "1e+21");
        assert_eq!(number_to_string(f64::NAN), "NaN");
    }

    #[test]
    fn json_keeps_key_order_and_converts_back() {
        let v = Value::from_json_text(r#"{"b":1,"a":[true,null,"x"]}"#).unwrap();
        let Value::Object(fields) = &v else { panic!() };
        assert_eq!(fields[0].0, "b");
        assert_eq!(v.to_json_text(), r#"{"a":[true,null,"x"],"b":1}"#);
    }
}
