//! The mini-program framework globals: `App`, `Page`, `Component`,
//! `Behavior`, `getApp`, `getCurrentPages`, and the instances they
//! define (`this.data`, `this.setData`, `this.createSelectorQuery()`,
//! `this.selectComponent()`, `this.triggerEvent()`).
//!
//! Registrations and the page stack live in one JS object under a
//! registry symbol, so the collector owns them; Rust keeps no JS values.

mod instance;
mod lifetimes;
mod prototype;

pub(crate) use instance::camel_case;
pub use instance::{new_component, new_page};
pub use lifetimes::{call_lifetime, call_lifetime_with, call_method, call_page_lifetime};

use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Function, Object, Symbol, Value};

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
