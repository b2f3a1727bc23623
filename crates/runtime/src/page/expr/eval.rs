//! Evaluating a parsed expression against data, JavaScript's semantics.

use super::{BinOp, Expr, ExprError, Item, Prop, UnOp, Value};

/// What names mean while evaluating: loop variables and data, and the
/// script modules (`<wxs module>`, `<import-sjs name>`) whose functions
/// bindings may call.
pub trait Env {
    /// The value of `name` (loop variables first, then data), if defined.
    fn lookup(&self, name: &str) -> Option<Value>;
    /// Whether `name` is a script module of the markup file.
    fn is_module(&self, name: &str) -> bool;
    /// `module.path…(args)`.
    fn call(&self, module: &str, path: &[String], args: Vec<Value>) -> Result<Value, String>;
    /// The value of `module.path…` (a non-function export).
    fn module_value(&self, module: &str, path: &[String]) -> Result<Value, String>;
}

/// A value or a reference into a script module (resolved lazily so
/// `m.fn(x)` is a call, not a read of a function), or an optional chain
/// cut short at a nullish link.
enum Ref {
    Value(Value),
    Module(String, Vec<String>),
    Short,
}

/// `expr` evaluated in `env`.
pub fn evaluate(expr: &Expr, env: &dyn Env) -> Result<Value, ExprError> {
    let r = eval(expr, env)?;
    resolve(r, env)
}

fn resolve(r: Ref, env: &dyn Env) -> Result<Value, ExprError> {
    match r {
        Ref::Value(v) => Ok(v),
        Ref::Short => Ok(Value::Undefined),
        Ref::Module(m, path) => env.module_value(&m, &path).map_err(|e| ExprError::at(0, e)),
    }
}

fn eval(expr: &Expr, env: &dyn Env) -> Result<Ref, ExprError> {
    let value = |v| Ok(Ref::Value(v));
    match expr {
        Expr::Lit(v) => value(v.clone()),
        Expr::Name(name) => match env.lookup(name) {
            Some(v) => value(v),
            None if env.is_module(name) => Ok(Ref::Module(name.clone(), Vec::new())),
            None => value(Value::Undefined),
        },
        Expr::Member(object, key, optional) => {
            let object = eval(object, env)?;
            if is_cut(&object, *optional) {
                return Ok(Ref::Short);
            }
            let key = evaluate(key, env)?;
            match object {
                Ref::Module(m, mut path) => {
                    path.push(key.to_js_string());
                    Ok(Ref::Module(m, path))
                }
                Ref::Value(o) => value(o.member(&key)),
                Ref::Short => Ok(Ref::Short),
            }
        }
        Expr::Chain(chain) => match eval(chain, env)? {
            Ref::Short => value(Value::Undefined),
            r => Ok(r),
        },
        Expr::Template(pieces, exprs) => {
            let mut out = String::new();
            for (i, piece) in pieces.iter().enumerate() {
                out.push_str(piece);
                if let Some(e) = exprs.get(i) {
                    out.push_str(&evaluate(e, env)?.to_js_string());
                }
            }
            value(Value::String(out))
        }
        Expr::Call(callee, args, at, optional) => {
            let target = eval(callee, env)?;
            if is_cut(&target, *optional) {
                return Ok(Ref::Short);
            }
            let Ref::Module(module, path) = target else {
                return Err(ExprError::at(
                    *at,
                    "only functions of a script module (<wxs>, <sjs>, import-sjs) can be called in a binding",
                ));
            };
            let args = args
                .iter()
                .map(|a| evaluate(a, env))
                .collect::<Result<Vec<_>, _>>()?;
            env.call(&module, &path, args)
                .map(Ref::Value)
                .map_err(|e| ExprError::at(*at, e))
        }
        Expr::Unary(op, e) => {
            let v = evaluate(e, env)?;
            value(match op {
                UnOp::Not => Value::Bool(!v.truthy()),
                UnOp::Neg => Value::Number(-v.to_number()),
                UnOp::Plus => Value::Number(v.to_number()),
                UnOp::TypeOf => Value::String(type_of(&v).into()),
                UnOp::BitNot => Value::Number(f64::from(!to_int32(v.to_number()))),
                UnOp::Void => Value::Undefined,
            })
        }
        Expr::Binary(op, l, r) => {
            let left = evaluate(l, env)?;
            match op {
                BinOp::And if !left.truthy() => return value(left),
                BinOp::Or if left.truthy() => return value(left),
                BinOp::Nullish if !matches!(left, Value::Undefined | Value::Null) => {
                    return value(left);
                }
                BinOp::And | BinOp::Or | BinOp::Nullish => return value(evaluate(r, env)?),
                _ => {}
            }
            let right = evaluate(r, env)?;
            if *op == BinOp::In {
                return has_key(&left, &right).map(|b| Ref::Value(Value::Bool(b)));
            }
            value(binary(*op, &left, &right))
        }
        Expr::Cond(test, yes, no) => {
            if evaluate(test, env)?.truthy() {
                eval(yes, env)
            } else {
                eval(no, env)
            }
        }
        Expr::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                match item {
                    Item::One(e) => out.push(evaluate(e, env)?),
                    Item::Spread(e) => match evaluate(e, env)? {
                        Value::Array(a) => out.extend(a),
                        Value::String(s) => out.extend(s.chars().map(|c| Value::String(c.into()))),
                        _ => {}
                    },
                }
            }
            value(Value::Array(out))
        }
        Expr::Object(props) => {
            let mut out: Vec<(String, Value)> = Vec::new();
            let mut set = |k: String, v: Value| match out.iter_mut().find(|(key, _)| *key == k) {
                Some(slot) => slot.1 = v,
                None => out.push((k, v)),
            };
            for prop in props {
                match prop {
                    Prop::Pair(k, e) => set(k.clone(), evaluate(e, env)?),
                    Prop::Spread(e) => match evaluate(e, env)? {
                        Value::Object(fields) => fields.into_iter().for_each(|(k, v)| set(k, v)),
                        Value::Array(items) => items
                            .into_iter()
                            .enumerate()
                            .for_each(|(i, v)| set(i.to_string(), v)),
                        _ => {}
                    },
                }
            }
            value(Value::Object(out))
        }
    }
}

/// Whether an optional link stops the chain: a nullish object (a short
/// chain stays short).
fn is_cut(r: &Ref, optional: bool) -> bool {
    match r {
        Ref::Short => true,
        Ref::Value(Value::Undefined | Value::Null) => optional,
        _ => false,
    }
}

/// `key in object`: JavaScript throws a `TypeError` for a primitive.
fn has_key(key: &Value, object: &Value) -> Result<bool, ExprError> {
    let key = key.to_js_string();
    match object {
        Value::Object(fields) => Ok(fields.iter().any(|(k, _)| *k == key)),
        Value::Array(items) => Ok(key == "length"
            || key
                .parse::<usize>()
                .is_ok_and(|i| i < items.len() && i.to_string() == key)),
        other => Err(ExprError::at(
            0,
            format!(
                "cannot use 'in' to search for '{key}' in {}",
                other.to_js_string()
            ),
        )),
    }
}

/// JavaScript's `ToInt32`.
fn to_int32(n: f64) -> i32 {
    to_uint32(n) as i32
}

/// JavaScript's `ToUint32`.
fn to_uint32(n: f64) -> u32 {
    if !n.is_finite() {
        return 0;
    }
    n.trunc().rem_euclid(4_294_967_296.0) as u32
}

fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Undefined => "undefined",
        Value::Null | Value::Array(_) | Value::Object(_) => "object",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
    }
}

fn is_primitive_string(v: &Value) -> bool {
    matches!(v, Value::String(_) | Value::Array(_) | Value::Object(_))
}

fn binary(op: BinOp, l: &Value, r: &Value) -> Value {
    let num = |f: fn(f64, f64) -> f64| Value::Number(f(l.to_number(), r.to_number()));
    match op {
        // Objects and arrays convert to strings first, so they concatenate.
        BinOp::Add if is_primitive_string(l) || is_primitive_string(r) => {
            Value::String(l.to_js_string() + &r.to_js_string())
        }
        BinOp::Add => num(|a, b| a + b),
        BinOp::Sub => num(|a, b| a - b),
        BinOp::Mul => num(|a, b| a * b),
        BinOp::Div => num(|a, b| a / b),
        BinOp::Rem => num(|a, b| a % b),
        BinOp::Lt => Value::Bool(compare(l, r).is_some_and(|o| o.is_lt())),
        BinOp::Gt => Value::Bool(compare(l, r).is_some_and(|o| o.is_gt())),
        BinOp::Le => Value::Bool(compare(l, r).is_some_and(|o| o.is_le())),
        BinOp::Ge => Value::Bool(compare(l, r).is_some_and(|o| o.is_ge())),
        BinOp::Eq => Value::Bool(loose_eq(l, r)),
        BinOp::Ne => Value::Bool(!loose_eq(l, r)),
        BinOp::StrictEq => Value::Bool(strict_eq(l, r)),
        BinOp::StrictNe => Value::Bool(!strict_eq(l, r)),
        BinOp::Exp => num(js_pow),
        BinOp::BitAnd => int(l, r, |a, b| a & b),
        BinOp::BitOr => int(l, r, |a, b| a | b),
        BinOp::BitXor => int(l, r, |a, b| a ^ b),
        BinOp::Shl => int(l, r, |a, b| a.wrapping_shl(b as u32 & 31)),
        BinOp::Shr => int(l, r, |a, b| a >> (b as u32 & 31)),
        BinOp::UShr => {
            let shift = to_uint32(r.to_number()) & 31;
            Value::Number(f64::from(to_uint32(l.to_number()) >> shift))
        }
        BinOp::And | BinOp::Or | BinOp::Nullish | BinOp::In => Value::Undefined,
    }
}

/// An operator over both operands' `ToInt32`.
fn int(l: &Value, r: &Value, f: fn(i32, i32) -> i32) -> Value {
    Value::Number(f64::from(f(
        to_int32(l.to_number()),
        to_int32(r.to_number()),
    )))
}

/// `Math.pow` as JavaScript defines it (`1 ** NaN` is `NaN`, unlike
/// `f64::powf`).
fn js_pow(base: f64, exp: f64) -> f64 {
    if exp.is_nan() || (base.abs() == 1.0 && exp.is_infinite()) {
        return f64::NAN;
    }
    base.powf(exp)
}

fn compare(l: &Value, r: &Value) -> Option<std::cmp::Ordering> {
    match (l, r) {
        (Value::String(a), Value::String(b)) => Some(a.encode_utf16().cmp(b.encode_utf16())),
        _ => l.to_number().partial_cmp(&r.to_number()),
    }
}

fn strict_eq(l: &Value, r: &Value) -> bool {
    match (l, r) {
        (Value::Number(a), Value::Number(b)) => a == b,
        // Data is copied, so two objects are never the same object.
        (Value::Array(_) | Value::Object(_), _) => false,
        _ => l == r,
    }
}

fn loose_eq(l: &Value, r: &Value) -> bool {
    use Value::*;
    match (l, r) {
        (Undefined | Null, Undefined | Null) => true,
        (Undefined | Null, _) | (_, Undefined | Null) => false,
        (Number(_), String(_)) | (String(_), Number(_)) | (Bool(_), _) | (_, Bool(_)) => {
            l.to_number() == r.to_number()
        }
        (Array(_) | Object(_), String(_) | Number(_)) => loose_eq(&String(l.to_js_string()), r),
        (String(_) | Number(_), Array(_) | Object(_)) => loose_eq(l, &String(r.to_js_string())),
        _ => strict_eq(l, r),
    }
}
