//! New page and component instances: a page's options copied onto it, a
//! component's `properties` / `props`, `data`, `methods`, lifetimes,
//! `observers` and `relations` merged from its behaviors and itself, its
//! properties set from its element's attributes and bindings.

use rquickjs::function::This;
use rquickjs::{Ctx, Function, Object, Symbol, Value};

use super::super::binding;
use super::super::markup::Element;
use super::super::properties::{attribute_value, property_default};
use super::lifetimes::{LIFETIMES, LIFETIMES_KEY};
use super::prototype::prototype;
use super::{json_clone, keys};

/// A page instance for `options` at `route`.
pub fn new_page<'js>(
    ctx: &Ctx<'js>,
    options: &Object<'js>,
    route: &str,
) -> rquickjs::Result<Object<'js>> {
    let instance = Object::new(ctx.clone())?;
    instance.set_prototype(Some(&prototype(ctx)?))?;
    for key in keys(options)? {
        let v: Value<'js> = options.get(key.as_str())?;
        let v = if key == "data" {
            json_clone(ctx, v)?
        } else {
            v
        };
        instance.set(key.as_str(), v)?;
    }
    if instance.get::<_, Value<'js>>("data")?.is_undefined() {
        instance.set("data", Object::new(ctx.clone())?)?;
    }
    instance.set("route", route)?;
    instance.set("__route__", route)?;
    Ok(instance)
}

/// A component instance for `options`, with the static attributes of its
/// element (`element` is `None` for a page written as a component).
pub fn new_component<'js>(
    ctx: &Ctx<'js>,
    options: &Object<'js>,
    element: Option<&Element>,
    owner: Option<&Object<'js>>,
    path: &str,
) -> rquickjs::Result<Object<'js>> {
    let owner_data: Option<Object<'js>> = match owner {
        Some(o) => o.get::<_, Value<'js>>("data")?.into_object(),
        None => None,
    };
    let owner_data = owner_data.as_ref();
    let instance = Object::new(ctx.clone())?;
    instance.set_prototype(Some(&prototype(ctx)?))?;
    let data = Object::new(ctx.clone())?;
    let props = Object::new(ctx.clone())?;
    let methods = Object::new(ctx.clone())?;
    let lifetimes = Object::new(ctx.clone())?;
    let bound = Object::new(ctx.clone())?;
    let bound_props = Object::new(ctx.clone())?;
    let all_decls = Object::new(ctx.clone())?;
    let observers = Object::new(ctx.clone())?;
    let relations = Object::new(ctx.clone())?;
    // Behaviors first, so the component's own fields win.
    let mut sources: Vec<Object<'js>> = Vec::new();
    if let Some(list) = options.get::<_, Value<'js>>("behaviors")?.into_array() {
        for b in list.iter::<Value>() {
            if let Some(b) = b?.into_object() {
                sources.push(b);
            }
        }
    }
    sources.push(options.clone());
    for source in &sources {
        // WeChat `properties` and Alipay `props` both set instance data.
        if let Some(decls) = source.get::<_, Value<'js>>("properties")?.into_object() {
            for key in keys(&decls)? {
                let decl: Value<'js> = decls.get(key.as_str())?;
                all_decls.set(key.as_str(), decl.clone())?;
                let text = element.and_then(|e| binding::attribute_for(e, &key));
                let value = match (text, owner_data) {
                    (Some(text), Some(owner)) if binding::is_bound(text) => {
                        let v = binding::evaluate_on(ctx, owner, element, &key, text)?;
                        if v.is_undefined() {
                            property_default(ctx, &decl)?
                        } else {
                            binding::coerce(ctx, &decl, v)?
                        }
                    }
                    (Some(text), _) if !binding::is_bound(text) => {
                        attribute_value(ctx, &decl, text)?
                    }
                    _ => property_default(ctx, &decl)?,
                };
                if let Some(text) = text {
                    bound.set(key.as_str(), text)?;
                }
                data.set(key.as_str(), value)?;
            }
        }
        if let Some(defaults) = source.get::<_, Value<'js>>("props")?.into_object() {
            for key in keys(&defaults)? {
                let text = element.and_then(|e| binding::attribute_for(e, &key));
                if let Some(text) = text.filter(|t| binding::is_bound(t)) {
                    bound_props.set(key.as_str(), text)?;
                }
                let value: Value<'js> = match (text, owner_data) {
                    (Some(text), Some(owner)) if binding::is_bound(text) => {
                        json_clone(ctx, binding::evaluate_on(ctx, owner, element, &key, text)?)?
                    }
                    // Alipay `onXxx` props name a method of the owner.
                    (Some(text), _) if key.starts_with("on") && owner.is_some() => {
                        let method = owner
                            .map(|o| o.get::<_, Value<'js>>(text.trim()))
                            .transpose()?
                            .and_then(Value::into_function);
                        match (method, owner) {
                            (Some(f), Some(o)) => {
                                let bind: Function<'js> = f.get("bind")?;
                                bind.call((This(f.clone()), o.clone()))?
                            }
                            _ => rquickjs::String::from_str(ctx.clone(), text)?.into_value(),
                        }
                    }
                    (Some(text), _) if !binding::is_bound(text) => {
                        rquickjs::String::from_str(ctx.clone(), text)?.into_value()
                    }
                    _ => json_clone(ctx, defaults.get(key.as_str())?)?,
                };
                props.set(key.as_str(), value)?;
            }
        }
        if let Some(r) = source.get::<_, Value<'js>>("relations")?.into_object() {
            for key in keys(&r)? {
                relations.set(key.as_str(), r.get::<_, Value<'js>>(key.as_str())?)?;
            }
        }
        if let Some(o) = source.get::<_, Value<'js>>("observers")?.into_object() {
            for key in keys(&o)? {
                observers.set(key.as_str(), o.get::<_, Value<'js>>(key.as_str())?)?;
            }
        }
        if let Some(d) = source.get::<_, Value<'js>>("data")?.into_object() {
            let d = json_clone(ctx, d.into_value())?;
            if let Some(d) = d.into_object() {
                for key in keys(&d)? {
                    data.set(key.as_str(), d.get::<_, Value<'js>>(key.as_str())?)?;
                }
            }
        }
        if let Some(m) = source.get::<_, Value<'js>>("methods")?.into_object() {
            for key in keys(&m)? {
                methods.set(key.as_str(), m.get::<_, Value<'js>>(key.as_str())?)?;
            }
        }
        let nested = source.get::<_, Value<'js>>("lifetimes")?.into_object();
        for hook in LIFETIMES {
            let f = nested
                .as_ref()
                .map(|l| l.get::<_, Value<'js>>(hook))
                .transpose()?
                .filter(Value::is_function)
                .map_or_else(|| source.get::<_, Value<'js>>(hook), Ok)?;
            if f.is_function() {
                lifetimes.set(hook, f)?;
            }
        }
        if let Some(p) = source.get::<_, Value<'js>>("pageLifetimes")?.into_object() {
            lifetimes.set("pageLifetimes", p)?;
        }
    }
    for key in keys(&methods)? {
        instance.set(key.as_str(), methods.get::<_, Value<'js>>(key.as_str())?)?;
    }
    instance.set("data", data.clone())?;
    instance.set("properties", data)?;
    instance.set("props", props)?;
    instance.set("is", path)?;
    let id = element.and_then(|e| e.attribute("id")).unwrap_or_default();
    instance.set("id", id)?;
    let dataset = Object::new(ctx.clone())?;
    if let Some(e) = element {
        for (k, v) in &e.attributes {
            if let Some(name) = k.strip_prefix("data-") {
                dataset.set(camel_case(name), v.clone().unwrap_or_default())?;
            }
        }
    }
    instance.set("dataset", dataset)?;
    let hidden = Symbol::new_global(ctx.clone(), LIFETIMES_KEY)?;
    instance.set(hidden, lifetimes)?;
    if !keys(&relations)?.is_empty() {
        super::super::relations::declare(ctx, &instance, relations)?;
    }
    super::super::relations::remember_behaviors(ctx, &instance, options)?;
    binding::remember(ctx, &instance, bound, bound_props, all_decls, observers)?;
    Ok(instance)
}

pub(crate) fn camel_case(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}
