//! Data bound from a page or component into a child component's
//! properties: `config="{{posterConfig}}"`, `hide-loading="{{true}}"`,
//! `width="{{w * 2}}"`. Attributes are matched to properties by name or
//! kebab-case, evaluated against the owner's data (a lone `{{expr}}` keeps
//! its type; mixed text is a string), re-evaluated after each `setData`
//! of the owner, and each change reaches the property's `observer` and
//! the component's `observers`, as on the platforms.

use rquickjs::function::This;
use rquickjs::{Ctx, Function, Object, Symbol, Value};

use super::expr::{self, Interpolated, Part, Value as ExprValue};
use super::markup::Element;
use super::program::json_clone;

/// Hidden instance field: `{property: attribute text}` of the attributes
/// that set its properties.
const BOUND: &str = "mpcanvas.bound";
/// Hidden instance field: `{prop: attribute text}` of the bound
/// attributes that set Alipay `props`.
const BOUND_PROPS: &str = "mpcanvas.bound.props";
/// Hidden instance field: the merged `properties` declarations.
const DECLS: &str = "mpcanvas.properties";
/// Hidden instance field: the merged `observers` map.
const OBSERVERS: &str = "mpcanvas.observers";

/// `hideLoading` → `hide-loading`.
fn kebab_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The attribute of `element` that sets property `name`, if any.
pub(crate) fn attribute_for<'e>(element: &'e Element, name: &str) -> Option<&'e str> {
    let kebab = kebab_case(name);
    element
        .bound_text(name)
        .or_else(|| element.bound_text(&kebab))
        .or_else(|| element.attribute(name))
        .or_else(|| element.attribute(&kebab))
}

/// Whether attribute text holds a `{{ }}` binding.
pub(crate) fn is_bound(text: &str) -> bool {
    text.contains("{{")
}

/// Attribute text evaluated against `data` with the markup expression
/// grammar (`crate::page::expr`): a lone `{{expr}}` keeps its type; mixed
/// text is a string; a syntax error gives `undefined`, as nothing renders.
pub(crate) fn evaluate<'js>(
    ctx: &Ctx<'js>,
    data: &Object<'js>,
    text: &str,
) -> rquickjs::Result<Value<'js>> {
    let data = to_expr_value(ctx, data.clone().into_value())?;
    let Ok(parsed) = expr::interpolate(text) else {
        return Ok(Value::new_undefined(ctx.clone()));
    };
    let env = DataEnv(&data);
    let eval = |e: &expr::Expr| expr::evaluate(e, &env).unwrap_or_default();
    let v = match parsed {
        Interpolated::Static(s) => ExprValue::String(s),
        Interpolated::Single(e) => eval(&e),
        Interpolated::Mixed(parts) => ExprValue::String(
            parts
                .iter()
                .map(|p| match p {
                    Part::Text(t) => t.clone(),
                    Part::Expr(e) => eval(e).to_text(),
                })
                .collect(),
        ),
    };
    to_js(ctx, &v)
}

/// The value the owner's markup gives property `name` of the component
/// on `element`: the render's value when the element was rendered (it
/// saw loop variables and script modules), else `text` evaluated
/// against `data`.
pub(crate) fn evaluate_on<'js>(
    ctx: &Ctx<'js>,
    data: &Object<'js>,
    element: Option<&Element>,
    name: &str,
    text: &str,
) -> rquickjs::Result<Value<'js>> {
    let rendered = element.and_then(|e| e.value(name).or_else(|| e.value(&kebab_case(name))));
    match rendered {
        Some(v) => to_js(ctx, v),
        None => evaluate(ctx, data, text),
    }
}

/// Data as names: the fields of one object.
struct DataEnv<'a>(&'a ExprValue);

impl expr::Env for DataEnv<'_> {
    fn lookup(&self, name: &str) -> Option<ExprValue> {
        match self.0.member(&ExprValue::String(name.to_string())) {
            ExprValue::Undefined => None,
            v => Some(v),
        }
    }
    fn is_module(&self, _: &str) -> bool {
        false
    }
    fn call(&self, m: &str, _: &[String], _: Vec<ExprValue>) -> Result<ExprValue, String> {
        Err(format!("no script module '{m}'"))
    }
    fn module_value(&self, m: &str, _: &[String]) -> Result<ExprValue, String> {
        Err(format!("no script module '{m}'"))
    }
}

/// A JS value as a markup value (a JSON copy).
fn to_expr_value<'js>(ctx: &Ctx<'js>, v: Value<'js>) -> rquickjs::Result<ExprValue> {
    if let Some(n) = v.as_number() {
        return Ok(ExprValue::Number(n));
    }
    Ok(match ctx.json_stringify(v)? {
        Some(s) => ExprValue::from_json_text(&s.to_string()?).unwrap_or_default(),
        None => ExprValue::Undefined,
    })
}

/// A markup value as a JS value (a JSON copy).
pub(crate) fn to_js<'js>(ctx: &Ctx<'js>, v: &ExprValue) -> rquickjs::Result<Value<'js>> {
    match v {
        ExprValue::Undefined => Ok(Value::new_undefined(ctx.clone())),
        ExprValue::Number(n) => Ok(Value::new_number(ctx.clone(), *n)),
        v => ctx.json_parse(v.to_json_text()),
    }
}

/// A bound value converted to a property's declared type (`String`,
/// `Number`, `Boolean`; others as given), copied as `setData` copies.
pub(crate) fn coerce<'js>(
    ctx: &Ctx<'js>,
    decl: &Value<'js>,
    v: Value<'js>,
) -> rquickjs::Result<Value<'js>> {
    let ty = match decl.as_object() {
        Some(o) if !decl.is_function() => o.get::<_, Value<'js>>("type")?,
        _ => decl.clone(),
    };
    let name = ty
        .as_function()
        .and_then(|f| f.get::<_, String>("name").ok())
        .unwrap_or_default();
    let convert = |f: &str| -> rquickjs::Result<Value<'js>> {
        let c: Function<'js> = ctx.globals().get(f)?;
        c.call((v.clone(),))
    };
    match name.as_str() {
        "String" if !v.is_string() && !v.is_object() => convert("String"),
        "Number" if !v.is_number() && !v.is_object() => convert("Number"),
        "Boolean" if !v.is_bool() => convert("Boolean"),
        _ => json_clone(ctx, v),
    }
}

fn hidden<'js>(
    ctx: &Ctx<'js>,
    o: &Object<'js>,
    key: &str,
) -> rquickjs::Result<Option<Object<'js>>> {
    let k = Symbol::new_global(ctx.clone(), key)?;
    Ok(o.get::<_, Value<'js>>(k)?.into_object())
}

fn set_hidden<'js>(
    ctx: &Ctx<'js>,
    o: &Object<'js>,
    key: &str,
    v: Object<'js>,
) -> rquickjs::Result<()> {
    let k = Symbol::new_global(ctx.clone(), key)?;
    o.set(k, v)
}

/// Records on a new component what it needs to follow its owner: the
/// attribute texts that set its properties (and Alipay props), its
/// property declarations and its `observers`.
pub(crate) fn remember<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    bound: Object<'js>,
    bound_props: Object<'js>,
    decls: Object<'js>,
    observers: Object<'js>,
) -> rquickjs::Result<()> {
    set_hidden(ctx, instance, BOUND, bound)?;
    set_hidden(ctx, instance, BOUND_PROPS, bound_props)?;
    set_hidden(ctx, instance, DECLS, decls)?;
    set_hidden(ctx, instance, OBSERVERS, observers)
}

/// Calls `instance`'s observers for `changed` (name, new value, old value):
/// each property's `observer(new, old)` (a function or a method name),
/// then every `observers` entry naming a changed field (or `**`).
pub(crate) fn notify<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    changed: &[(String, Value<'js>, Value<'js>)],
) -> rquickjs::Result<()> {
    if changed.is_empty() {
        return Ok(());
    }
    if let Some(decls) = hidden(ctx, instance, DECLS)? {
        for (name, new, old) in changed {
            let Some(decl) = decls.get::<_, Value<'js>>(name.as_str())?.into_object() else {
                continue;
            };
            let observer: Value<'js> = decl.get("observer")?;
            let f = match observer.as_string() {
                Some(method) => instance
                    .get::<_, Value<'js>>(method.to_string()?.as_str())?
                    .into_function(),
                None => observer.into_function(),
            };
            if let Some(f) = f {
                f.call::<_, Value>((This(instance.clone()), new.clone(), old.clone()))?;
            }
        }
    }
    let Some(observers) = hidden(ctx, instance, OBSERVERS)? else {
        return Ok(());
    };
    let data: Object<'js> = instance.get("data")?;
    for key in observers.keys::<String>() {
        let key = key?;
        let fields: Vec<&str> = key.split(',').map(str::trim).collect();
        // `a.b` and `a[0]` watch field `a`; `**` watches everything.
        let root = |f: &str| f.split(['.', '[']).next().unwrap_or(f).to_string();
        let hit = fields
            .iter()
            .any(|f| *f == "**" || changed.iter().any(|(n, _, _)| *n == root(f)));
        if !hit {
            continue;
        }
        let Some(f) = observers
            .get::<_, Value<'js>>(key.as_str())?
            .into_function()
        else {
            continue;
        };
        let mut args = rquickjs::function::Args::new(ctx.clone(), fields.len());
        args.this(instance.clone())?;
        for field in &fields {
            let v: Value<'js> = if *field == "**" {
                data.clone().into_value()
            } else {
                evaluate(ctx, &data, &format!("{{{{{field}}}}}"))?
            };
            args.push_arg(v)?;
        }
        f.call_arg::<Value>(args)?;
    }
    Ok(())
}

/// Re-evaluates the bound properties of `children` against `owner_data`
/// after the owner's `setData`; each child whose values changed gets them
/// and its observers run. Returns the children that changed.
///
/// Each child comes with its element of the owner's new render, when
/// there is one, so bindings that use loop variables or script modules
/// get the rendered values.
pub(crate) fn propagate<'js>(
    ctx: &Ctx<'js>,
    owner_data: &Object<'js>,
    children: &[(Object<'js>, Option<Element>)],
) -> rquickjs::Result<Vec<Object<'js>>> {
    let mut touched = Vec::new();
    for (child, element) in children {
        if update_props(ctx, owner_data, child, element.as_ref())? {
            touched.push(child.clone());
        }
        let (Some(bound), Some(decls)) = (hidden(ctx, child, BOUND)?, hidden(ctx, child, DECLS)?)
        else {
            continue;
        };
        let data: Object<'js> = child.get("data")?;
        let mut changed = Vec::new();
        for name in bound.keys::<String>() {
            let name = name?;
            let text: String = bound.get(name.as_str())?;
            if !is_bound(&text) {
                continue;
            }
            let v = evaluate_on(ctx, owner_data, element.as_ref(), &name, &text)?;
            if v.is_undefined() {
                continue;
            }
            let decl: Value<'js> = decls.get(name.as_str())?;
            let v = coerce(ctx, &decl, v)?;
            let old: Value<'js> = data.get(name.as_str())?;
            if same(ctx, &old, &v)? {
                continue;
            }
            data.set(name.as_str(), v.clone())?;
            changed.push((name, v, old));
        }
        if !changed.is_empty() {
            notify(ctx, child, &changed)?;
            if !touched.contains(child) {
                touched.push(child.clone());
            }
        }
    }
    Ok(touched)
}

/// Re-evaluates an Alipay component's bound props; when some changed,
/// `this.props` becomes a new object holding them and `didUpdate(prevProps,
/// prevData)` runs, as on Alipay. Returns whether they changed.
fn update_props<'js>(
    ctx: &Ctx<'js>,
    owner_data: &Object<'js>,
    child: &Object<'js>,
    element: Option<&Element>,
) -> rquickjs::Result<bool> {
    let Some(bound) = hidden(ctx, child, BOUND_PROPS)? else {
        return Ok(false);
    };
    let Some(old) = child.get::<_, Value<'js>>("props")?.into_object() else {
        return Ok(false);
    };
    let new = Object::new(ctx.clone())?;
    for key in old.keys::<String>() {
        let key = key?;
        new.set(key.as_str(), old.get::<_, Value<'js>>(key.as_str())?)?;
    }
    let mut changed = false;
    for name in bound.keys::<String>() {
        let name = name?;
        let text: String = bound.get(name.as_str())?;
        let v = json_clone(ctx, evaluate_on(ctx, owner_data, element, &name, &text)?)?;
        if !same(ctx, &old.get(name.as_str())?, &v)? {
            new.set(name.as_str(), v)?;
            changed = true;
        }
    }
    if changed {
        child.set("props", new)?;
        let data: Value<'js> = child.get("data")?;
        super::program::call_lifetime_with(ctx, child, "didUpdate", vec![old.into_value(), data])?;
    }
    Ok(changed)
}

/// Whether two data values are equal as JSON.
fn same<'js>(ctx: &Ctx<'js>, a: &Value<'js>, b: &Value<'js>) -> rquickjs::Result<bool> {
    let text = |v: &Value<'js>| -> rquickjs::Result<Option<String>> {
        ctx.json_stringify(v.clone())?
            .map(|s| s.to_string())
            .transpose()
    };
    Ok(text(a)? == text(b)?)
}

/// The properties a component's attributes set, with their values, for
/// its first observer calls.
pub(crate) fn initial<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
) -> rquickjs::Result<Vec<(String, Value<'js>, Value<'js>)>> {
    let Some(bound) = hidden(ctx, instance, BOUND)? else {
        return Ok(Vec::new());
    };
    let data: Object<'js> = instance.get("data")?;
    let mut out = Vec::new();
    for name in bound.keys::<String>() {
        let name = name?;
        let v: Value<'js> = data.get(name.as_str())?;
        out.push((name, v, Value::new_undefined(ctx.clone())));
    }
    Ok(out)
}
