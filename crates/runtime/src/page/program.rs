//! The mini-program framework globals: `App`, `Page`, `Component`,
//! `Behavior`, `getApp`, `getCurrentPages`, and the instances they
//! define (`this.data`, `this.setData`, `this.createSelectorQuery()`,
//! `this.selectComponent()`, `this.triggerEvent()`).
//!
//! Registrations and the page stack live in one JS object under a
//! registry symbol, so the collector owns them; Rust keeps no JS values.

use rquickjs::function::{Opt, Rest, This};
use rquickjs::{Array, Ctx, Function, Object, Symbol, Value};

use super::binding;
use super::data_path::{self, Step};
use super::events::{select_components, trigger_event};
use super::markup::Element;
use super::properties::{attribute_value, property_default};

const REGISTRY: &str = "mpcanvas.program";

/// What a module registered when it was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `Page(options)`.
    Page,
    /// `Component(options)`.
    Component,
}

/// A registration: its kind and the options object given.
pub struct Definition<'js> {
    /// `Page` or `Component`.
    pub kind: Kind,
    /// The object passed to `Page` / `Component`.
    pub options: Object<'js>,
}

fn registry<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Object<'js>> {
    let key = Symbol::new_global(ctx.clone(), REGISTRY)?;
    let existing: Value<'js> = ctx.globals().get(key.clone())?;
    if let Some(o) = existing.into_object() {
        return Ok(o);
    }
    let o = Object::new(ctx.clone())?;
    o.set("defs", Object::new(ctx.clone())?)?;
    o.set("pages", Array::new(ctx.clone())?)?;
    o.set("loading", "")?;
    ctx.globals().set(key, o.clone())?;
    Ok(o)
}

/// Defines the framework globals.
pub fn install<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<()> {
    let globals = ctx.globals();
    registry(ctx)?;
    globals.set(
        "App",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, options: Opt<Value<'js>>| {
            let reg = registry(&ctx)?;
            let existing: Value<'js> = reg.get("app")?;
            // Only the first App() counts, as on the platforms.
            if existing.is_undefined() {
                let app = match options.0.and_then(Value::into_object) {
                    Some(o) => o,
                    None => Object::new(ctx.clone())?,
                };
                reg.set("app", app)?;
            }
            Ok::<(), rquickjs::Error>(())
        })?
        .with_name("App")?,
    )?;
    globals.set(
        "getApp",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            registry(&ctx)?.get::<_, Value<'js>>("app")
        })?
        .with_name("getApp")?,
    )?;
    for name in ["Page", "Component"] {
        globals.set(
            name,
            Function::new(
                ctx.clone(),
                move |ctx: Ctx<'js>, options: Opt<Value<'js>>| {
                    let options = match options.0.and_then(Value::into_object) {
                        Some(o) => o,
                        None => Object::new(ctx.clone())?,
                    };
                    let reg = registry(&ctx)?;
                    let loading: String = reg.get("loading")?;
                    let entry = Object::new(ctx.clone())?;
                    entry.set("kind", name)?;
                    entry.set("options", options)?;
                    let defs: Object<'js> = reg.get("defs")?;
                    defs.set(loading, entry)
                },
            )?
            .with_name(name)?,
        )?;
    }
    // Behaviors are mixins; their fields merge into the component.
    globals.set(
        "Behavior",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, options: Opt<Value<'js>>| match options.0.and_then(Value::into_object) {
                Some(o) => Ok::<_, rquickjs::Error>(o),
                None => Object::new(ctx),
            },
        )?
        .with_name("Behavior")?,
    )?;
    globals.set(
        "getCurrentPages",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            let pages: Array<'js> = registry(&ctx)?.get("pages")?;
            let copy = Array::new(ctx.clone())?;
            for (i, p) in pages.iter::<Value>().enumerate() {
                copy.set(i, p?)?;
            }
            Ok::<_, rquickjs::Error>(copy)
        })?
        .with_name("getCurrentPages")?,
    )?;
    Ok(())
}

/// Marks `key` as the module being loaded: `Page` / `Component` calls
/// register under it.
pub fn begin_loading(ctx: &Ctx<'_>, key: &str) -> rquickjs::Result<()> {
    registry(ctx)?.set("loading", key)
}

/// What the module `key` registered, if anything.
pub fn definition<'js>(ctx: &Ctx<'js>, key: &str) -> rquickjs::Result<Option<Definition<'js>>> {
    let defs: Object<'js> = registry(ctx)?.get("defs")?;
    let Some(entry) = defs.get::<_, Value<'js>>(key)?.into_object() else {
        return Ok(None);
    };
    let kind: String = entry.get("kind")?;
    Ok(Some(Definition {
        kind: if kind == "Page" {
            Kind::Page
        } else {
            Kind::Component
        },
        options: entry.get("options")?,
    }))
}

/// The `App()` instance, if the app registered one.
pub fn app<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Option<Object<'js>>> {
    Ok(registry(ctx)?.get::<_, Value<'js>>("app")?.into_object())
}

/// Puts `page` on top of the page stack.
pub fn push_page<'js>(ctx: &Ctx<'js>, page: &Object<'js>) -> rquickjs::Result<()> {
    let pages: Array<'js> = registry(ctx)?.get("pages")?;
    pages.set(pages.len(), page.clone())
}

/// Removes the top page.
pub fn pop_page(ctx: &Ctx<'_>) -> rquickjs::Result<()> {
    let pages: Array<'_> = registry(ctx)?.get("pages")?;
    if !pages.is_empty() {
        pages.as_object().set("length", pages.len() - 1)?;
    }
    Ok(())
}

/// The page on top of the stack (the one `wx.createSelectorQuery()` and
/// `wx.createCanvasContext(id)` look in).
pub fn current_page<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Option<Object<'js>>> {
    let pages: Array<'js> = registry(ctx)?.get("pages")?;
    if pages.is_empty() {
        return Ok(None);
    }
    Ok(pages.get::<Value<'js>>(pages.len() - 1)?.into_object())
}

/// A deep copy of a JSON-like value (how the platforms copy `data`).
pub(super) fn json_clone<'js>(ctx: &Ctx<'js>, v: Value<'js>) -> rquickjs::Result<Value<'js>> {
    if !v.is_object() {
        return Ok(v);
    }
    match ctx.json_stringify(v)? {
        Some(s) => ctx.json_parse(s.to_string()?),
        None => Ok(Value::new_undefined(ctx.clone())),
    }
}

/// Own enumerable string keys of `o`.
fn keys<'js>(o: &Object<'js>) -> rquickjs::Result<Vec<String>> {
    o.keys::<String>().collect()
}

/// The methods every instance shares (one prototype per runtime).
fn prototype<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Object<'js>> {
    let reg = registry(ctx)?;
    if let Some(p) = reg.get::<_, Value<'js>>("proto")?.into_object() {
        return Ok(p);
    }
    let proto = Object::new(ctx.clone())?;
    proto.set(
        "setData",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             this: This<Object<'js>>,
             changes: Opt<Value<'js>>,
             callback: Opt<Value<'js>>| {
                set_data(&ctx, &this.0, changes.0)?;
                if let Some(f) = callback.0.and_then(Value::into_function) {
                    // After the (virtual) render, as on the platforms.
                    if let Some(host) = mpcanvas_js::host::get(&ctx) {
                        let this = Some(this.0.clone().into_value());
                        host.events.post_call(&ctx, f, this, Vec::new())?;
                    }
                }
                Ok::<(), rquickjs::Error>(())
            },
        )?
        .with_name("setData")?,
    )?;
    proto.set(
        "createSelectorQuery",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, this: This<Object<'js>>| {
            super::selector::JsSelectorQuery::create(&ctx, Some(this.0.into_value()))
        })?
        .with_name("createSelectorQuery")?,
    )?;
    proto.set(
        "selectComponent",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, this: This<Object<'js>>, selector: String| {
                let found = select_components(&ctx, &this.0, &selector)?;
                Ok::<_, rquickjs::Error>(match found.into_iter().next() {
                    Some(c) => c.into_value(),
                    None => Value::new_null(ctx),
                })
            },
        )?
        .with_name("selectComponent")?,
    )?;
    proto.set(
        "selectAllComponents",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, this: This<Object<'js>>, selector: String| {
                let found = select_components(&ctx, &this.0, &selector)?;
                let out = Array::new(ctx.clone())?;
                for (i, c) in found.into_iter().enumerate() {
                    out.set(i, c)?;
                }
                Ok::<_, rquickjs::Error>(out)
            },
        )?
        .with_name("selectAllComponents")?,
    )?;
    proto.set(
        "triggerEvent",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             this: This<Object<'js>>,
             name: String,
             detail: Opt<Value<'js>>,
             options: Opt<Value<'js>>| {
                trigger_event(&ctx, &this.0, &name, detail.0, options.0)
            },
        )?
        .with_name("triggerEvent")?,
    )?;
    proto.set(
        "getRelationNodes",
        super::relations::get_relation_nodes(ctx)?,
    )?;
    reg.set("proto", proto.clone())?;
    Ok(proto)
}

/// Applies `setData` changes to `instance.data`.
fn set_data<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    changes: Option<Value<'js>>,
) -> rquickjs::Result<()> {
    let Some(changes) = changes.and_then(Value::into_object) else {
        return Ok(());
    };
    let mut data = match instance.get::<_, Value<'js>>("data")?.into_object() {
        Some(d) => d,
        None => {
            let d = Object::new(ctx.clone())?;
            instance.set("data", d.clone())?;
            d
        }
    };
    let root = data.clone();
    let mut changed: Vec<(String, Value<'js>, Value<'js>)> = Vec::new();
    for key in keys(&changes)? {
        if let Some(Step::Key(first)) = data_path::parse(&key).first()
            && !changed.iter().any(|(k, _, _)| k == first)
        {
            changed.push((
                first.clone(),
                root.get(first.as_str())?,
                Value::new_undefined(ctx.clone()),
            ));
        }
    }
    for key in keys(&changes)? {
        let value: Value<'js> = changes.get(key.as_str())?;
        let steps = data_path::parse(&key);
        data = root.clone();
        for (i, step) in steps.iter().enumerate() {
            let last = i + 1 == steps.len();
            let next_is_index = matches!(steps.get(i + 1), Some(Step::Index(_)));
            let slot: Value<'js> = match step {
                Step::Key(k) => data.get(k.as_str())?,
                Step::Index(n) => data.get(*n)?,
            };
            if last {
                match step {
                    Step::Key(k) => data.set(k.as_str(), value.clone())?,
                    Step::Index(n) => data.set(*n, value.clone())?,
                }
                break;
            }
            let child = match slot.into_object() {
                Some(o) => o,
                None => {
                    let fresh: Object<'js> = if next_is_index {
                        Array::new(ctx.clone())?.into_object()
                    } else {
                        Object::new(ctx.clone())?
                    };
                    match step {
                        Step::Key(k) => data.set(k.as_str(), fresh.clone())?,
                        Step::Index(n) => data.set(*n, fresh.clone())?,
                    }
                    fresh
                }
            };
            data = child;
        }
    }
    for entry in &mut changed {
        // (name, old, _) becomes (name, new, old).
        let new: Value<'js> = root.get(entry.0.as_str())?;
        entry.2 = std::mem::replace(&mut entry.1, new);
    }
    // The markup renders again first, so observers and callbacks see
    // the canvases the new data shows.
    super::scope::refresh(ctx, instance)?;
    binding::notify(ctx, instance, &changed)?;
    propagate_from(ctx, instance, 0)
}

/// Re-binds the components `owner`'s markup places after its data
/// changed, then theirs, down the tree.
fn propagate_from<'js>(ctx: &Ctx<'js>, owner: &Object<'js>, depth: usize) -> rquickjs::Result<()> {
    if depth > 16 {
        return Ok(());
    }
    let Some(scope) = super::scope::of(ctx, &owner.clone().into_value()) else {
        return Ok(());
    };
    // Instances are copied out so no borrow is held while observers run.
    let tag_key = Symbol::new_global(ctx.clone(), TAG_KEY)?;
    let children: Vec<(Object<'js>, Option<Element>)> = {
        let s = scope.borrow();
        s.components
            .iter()
            .map(|c| {
                // The element at the same place in the new render, if it
                // is still the same component.
                let is: String = c.instance.get(tag_key.clone()).unwrap_or_default();
                let element = s.elements.get(c.element).filter(|e| e.name == is).cloned();
                (c.instance.clone(), element)
            })
            .collect()
    };
    let Some(data) = owner.get::<_, Value<'js>>("data")?.into_object() else {
        return Ok(());
    };
    for child in binding::propagate(ctx, &data, &children)? {
        super::scope::refresh(ctx, &child)?;
        propagate_from(ctx, &child, depth + 1)?;
    }
    Ok(())
}

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
    if let Some(e) = element {
        // The tag it was placed with, to find its element after a render.
        let key = Symbol::new_global(ctx.clone(), TAG_KEY)?;
        instance.set(key, e.name.as_str())?;
    }
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
        super::relations::declare(ctx, &instance, relations)?;
    }
    super::relations::remember_behaviors(ctx, &instance, options)?;
    binding::remember(ctx, &instance, bound, all_decls, observers)?;
    Ok(instance)
}

/// Component lifetimes, WeChat's and Alipay's names.
const LIFETIMES: [&str; 8] = [
    "created",
    "attached",
    "ready",
    "detached",
    "onInit",
    "didMount",
    "didUpdate",
    "didUnmount",
];
const LIFETIMES_KEY: &str = "mpcanvas.lifetimes";
/// Hidden instance field: the tag name of the component's element.
const TAG_KEY: &str = "mpcanvas.tag";

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

/// Calls `instance[name](...args)` if it is a function. Errors thrown by
/// the hook are returned for the caller to report.
pub fn call_method<'js>(
    instance: &Object<'js>,
    name: &str,
    args: Rest<Value<'js>>,
) -> rquickjs::Result<bool> {
    let f: Value<'js> = instance.get(name)?;
    let Some(f) = f.into_function() else {
        return Ok(false);
    };
    let mut call_args = rquickjs::function::Args::new(instance.ctx().clone(), args.0.len());
    call_args.this(instance.clone())?;
    call_args.push_args(args.0)?;
    f.call_arg::<Value>(call_args)?;
    Ok(true)
}

/// The component's registered lifetimes object, if it has one.
fn lifetimes_of<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
) -> rquickjs::Result<Option<Object<'js>>> {
    let hidden = Symbol::new_global(ctx.clone(), LIFETIMES_KEY)?;
    Ok(instance.get::<_, Value<'js>>(hidden)?.into_object())
}

/// Calls `hooks[hook]` with `this` the instance, if it is a function.
fn call_hook<'js>(
    hooks: &Object<'js>,
    hook: &str,
    instance: &Object<'js>,
) -> rquickjs::Result<bool> {
    let Some(f) = hooks.get::<_, Value<'js>>(hook)?.into_function() else {
        return Ok(false);
    };
    f.call::<_, Value>((This(instance.clone()),))?;
    Ok(true)
}

/// Calls a component lifetime hook (`attached`, `ready`, `didMount`, …)
/// with `this` the instance. Returns whether one was defined.
pub fn call_lifetime<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    hook: &str,
) -> rquickjs::Result<bool> {
    match lifetimes_of(ctx, instance)? {
        Some(lifetimes) => call_hook(&lifetimes, hook, instance),
        None => Ok(false),
    }
}

/// Calls a component's `pageLifetimes[hook]` (`show`, `hide`).
pub fn call_page_lifetime<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    hook: &str,
) -> rquickjs::Result<bool> {
    let page = match lifetimes_of(ctx, instance)? {
        Some(lifetimes) => lifetimes
            .get::<_, Value<'js>>("pageLifetimes")?
            .into_object(),
        None => None,
    };
    match page {
        Some(page) => call_hook(&page, hook, instance),
        None => Ok(false),
    }
}
