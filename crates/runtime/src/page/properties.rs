//! Component `properties`: the value a declaration gives when the markup
//! sets none, and a static markup attribute converted to the declared
//! type (`Number`, `Boolean`, else the text).

use rquickjs::{Array, Ctx, Value};

use super::program::json_clone;

/// The value a property declaration gives when the markup sets none:
/// `{type, value}` gives `value`, a bare type its zero value.
pub(super) fn property_default<'js>(
    ctx: &Ctx<'js>,
    decl: &Value<'js>,
) -> rquickjs::Result<Value<'js>> {
    if let Some(o) = decl.as_object()
        && !decl.is_function()
    {
        let value: Value<'js> = o.get("value")?;
        if !value.is_undefined() {
            return json_clone(ctx, value);
        }
        let ty: Value<'js> = o.get("type")?;
        return zero_of_type(ctx, &ty);
    }
    zero_of_type(ctx, decl)
}

fn type_name<'js>(ty: &Value<'js>) -> String {
    ty.as_function()
        .and_then(|f| f.get::<_, String>("name").ok())
        .unwrap_or_default()
}

fn zero_of_type<'js>(ctx: &Ctx<'js>, ty: &Value<'js>) -> rquickjs::Result<Value<'js>> {
    Ok(match type_name(ty).as_str() {
        "String" => rquickjs::String::from_str(ctx.clone(), "")?.into_value(),
        "Number" => Value::new_int(ctx.clone(), 0),
        "Boolean" => Value::new_bool(ctx.clone(), false),
        "Array" => Array::new(ctx.clone())?.into_value(),
        "Object" => Value::new_null(ctx.clone()),
        _ => Value::new_null(ctx.clone()),
    })
}

/// A markup attribute's static text converted to the property's type.
pub(super) fn attribute_value<'js>(
    ctx: &Ctx<'js>,
    decl: &Value<'js>,
    text: &str,
) -> rquickjs::Result<Value<'js>> {
    let ty = match decl.as_object() {
        Some(o) if !decl.is_function() => o.get::<_, Value<'js>>("type")?,
        _ => decl.clone(),
    };
    Ok(match type_name(&ty).as_str() {
        "Number" => Value::new_number(ctx.clone(), text.trim().parse::<f64>().unwrap_or(0.0)),
        "Boolean" => Value::new_bool(ctx.clone(), !text.is_empty() && text != "false"),
        _ => rquickjs::String::from_str(ctx.clone(), text)?.into_value(),
    })
}
