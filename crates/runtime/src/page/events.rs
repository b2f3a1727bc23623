//! Components and their owners: `selectComponent(s)` lookups in the
//! owner's scope, and `triggerEvent` reaching the handlers bound along
//! the event's path.

use rquickjs::function::Rest;
use rquickjs::{Ctx, Object, Symbol, Value};

use super::markup::Element;
use super::program::call_method;

/// Child components of `owner` matching a `#id` or `.class` selector.
pub(super) fn select_components<'js>(
    ctx: &Ctx<'js>,
    owner: &Object<'js>,
    selector: &str,
) -> rquickjs::Result<Vec<Object<'js>>> {
    let Some(scope) = super::scope::of(ctx, &owner.clone().into_value()) else {
        return Ok(Vec::new());
    };
    let scope = scope.borrow();
    let selector = super::selector::Selector::parse(selector);
    Ok(scope
        .components
        .iter()
        .filter(|c| {
            scope
                .elements
                .get(c.element)
                .is_some_and(|e| selector.matches(e))
        })
        .map(|c| c.instance.clone())
        .collect())
}

/// `triggerEvent(name, detail, options)` as WeChat's component framework
/// dispatches it (`crate::page::composed` gives the path): the event
/// starts at the component's host element in its owner's markup; with
/// `capturePhase`, `capture-bind:` / `capture-catch:` handlers on the
/// whole path run first, root first; then `bind` / `catch` handlers on
/// the host, and with `bubbles` on each ancestor too. The path stays in
/// the owner's markup unless `composed`, which follows slot content into
/// the component receiving it and leaves a component's template at its
/// host. A `catch` handler (or `capture-catch`) stops the event.
pub(super) fn trigger_event<'js>(
    ctx: &Ctx<'js>,
    component: &Object<'js>,
    name: &str,
    detail: Option<Value<'js>>,
    options: Option<Value<'js>>,
) -> rquickjs::Result<()> {
    let flag = |key: &str| -> rquickjs::Result<bool> {
        Ok(match options.as_ref().and_then(Value::as_object) {
            Some(o) => truthy(&o.get::<_, Value<'js>>(key)?),
            None => false,
        })
    };
    let (bubbles, composed, capture) = (flag("bubbles")?, flag("composed")?, flag("capturePhase")?);
    let Some((owner, host)) = super::composed::host_of(ctx, component)? else {
        return Ok(());
    };
    let path = super::composed::path(ctx, &owner, host, composed)?;
    let detail = detail.unwrap_or_else(|| Value::new_undefined(ctx.clone()));
    // Every call is decided before any runs: handlers may `setData`, which
    // re-renders the markup the path was read from.
    let mut calls: Vec<(usize, Handler)> = Vec::new();
    if capture {
        for (i, step) in path.iter().enumerate().rev() {
            calls.extend(handlers(&step.node, name, true).map(|h| (i, h)));
        }
    }
    let reach = if bubbles {
        path.len()
    } else {
        path.len().min(1)
    };
    for (i, step) in path.iter().enumerate().take(reach) {
        calls.extend(handlers(&step.node, name, false).map(|h| (i, h)));
    }
    for (i, handler) in calls {
        let step = &path[i];
        let event = Object::new(ctx.clone())?;
        event.set("type", name)?;
        event.set("detail", detail.clone())?;
        event.set("target", node_info(ctx, &step.target)?)?;
        event.set("currentTarget", node_info(ctx, &step.node)?)?;
        event.set("mark", mark_of_path(ctx, &path, i)?)?;
        call_method(&step.owner, &handler.method, Rest(vec![event.into_value()]))?;
        if handler.catch {
            break;
        }
    }
    Ok(())
}

/// A handler bound on an element: the method and whether it stops the
/// event (`catch`).
struct Handler {
    method: String,
    catch: bool,
}

/// The handlers for `event` an element binds in one phase: `bindx`,
/// `bind:x`, `catchx`, `catch:x`, `mut-bind:x` and Alipay's `onX` in the
/// bubble phase; `capture-bind:x`, `capture-catch:x` in the capture phase.
fn handlers<'e>(
    element: &'e Element,
    event: &'e str,
    capture: bool,
) -> impl Iterator<Item = Handler> + 'e {
    element.attributes.iter().filter_map(move |(k, v)| {
        let method = v.as_deref()?.trim();
        if method.is_empty() || method.contains("{{") {
            return None;
        }
        let lower = k.to_ascii_lowercase();
        let (is_capture, rest) = match lower.strip_prefix("capture-") {
            Some(rest) => (true, rest),
            None => (false, lower.as_str()),
        };
        let rest = rest.strip_prefix("mut-").unwrap_or(rest);
        let (catch, name) = if let Some(n) = rest.strip_prefix("catch") {
            (true, n)
        } else if let Some(n) = rest.strip_prefix("bind") {
            (false, n)
        } else if let Some(n) = rest.strip_prefix("on").filter(|_| !is_capture) {
            (false, n)
        } else {
            return None;
        };
        let name = name.strip_prefix(':').unwrap_or(name);
        (is_capture == capture && name.eq_ignore_ascii_case(event)).then(|| Handler {
            method: method.to_string(),
            catch,
        })
    })
}

/// `{ id, dataset }` of an element, as `target` / `currentTarget` carry.
fn node_info<'js>(ctx: &Ctx<'js>, element: &Element) -> rquickjs::Result<Object<'js>> {
    let info = Object::new(ctx.clone())?;
    info.set("id", element.attribute("id").unwrap_or_default())?;
    info.set("dataset", dataset(ctx, Some(element))?)?;
    Ok(info)
}

/// `event.mark` at step `at`: the `mark:*` of the path's elements up to
/// it, the nearest winning.
fn mark_of_path<'js>(
    ctx: &Ctx<'js>,
    path: &[super::composed::Step<'js>],
    at: usize,
) -> rquickjs::Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    for step in path.iter().take(at + 1) {
        let own = prefixed(ctx, Some(&step.node), "mark:")?;
        for key in own.keys::<String>() {
            let key = key?;
            if !out.contains_key(key.as_str())? {
                out.set(key.as_str(), own.get::<_, Value<'js>>(key.as_str())?)?;
            }
        }
    }
    Ok(out)
}

/// JavaScript truthiness of an option value.
fn truthy(v: &Value<'_>) -> bool {
    if let Some(b) = v.as_bool() {
        return b;
    }
    if let Some(n) = v.as_number() {
        return n != 0.0 && !n.is_nan();
    }
    if let Some(s) = v.as_string() {
        return s.to_string().is_ok_and(|s| !s.is_empty());
    }
    !(v.is_undefined() || v.is_null())
}

const OWNER_KEY: &str = "mpcanvas.owner";

/// Records that `component` sits in `owner`'s markup (as `_element`; its
/// index there is kept in the owner's scope), so its events and
/// relations find their way up.
pub(crate) fn link_owner<'js>(
    ctx: &Ctx<'js>,
    component: &Object<'js>,
    owner: &Object<'js>,
    _element: &Element,
) -> rquickjs::Result<()> {
    let link = Object::new(ctx.clone())?;
    link.set("owner", owner.clone())?;
    let key = Symbol::new_global(ctx.clone(), OWNER_KEY)?;
    component.set(key, link)
}

/// `event.currentTarget.dataset` / a node's `dataset`: the element's
/// `data-*` attributes, names camel-cased (`data-poster-id` →
/// `posterId`), a bound value keeping its type (`data-n="{{1}}"` is 1).
pub(crate) fn dataset<'js>(
    ctx: &Ctx<'js>,
    element: Option<&Element>,
) -> rquickjs::Result<Object<'js>> {
    prefixed(ctx, element, "data-")
}

/// `event.mark`: the `mark:*` attributes of element `index` of the
/// rendered `elements` and of its ancestors (the nearest wins), typed as
/// in [`dataset`].
pub(crate) fn mark<'js>(
    ctx: &Ctx<'js>,
    elements: &[Element],
    index: usize,
) -> rquickjs::Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    let mut next = Some(index);
    while let Some(i) = next {
        let Some(element) = elements.get(i) else {
            break;
        };
        let own = prefixed(ctx, Some(element), "mark:")?;
        for key in own.keys::<String>() {
            let key = key?;
            if !out.contains_key(key.as_str())? {
                out.set(key.as_str(), own.get::<_, Value<'js>>(key.as_str())?)?;
            }
        }
        // Parents come earlier in document order, so this ends.
        next = element.parent.filter(|p| *p < i);
    }
    Ok(out)
}

fn prefixed<'js>(
    ctx: &Ctx<'js>,
    element: Option<&Element>,
    prefix: &str,
) -> rquickjs::Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    let Some(element) = element else {
        return Ok(out);
    };
    for (k, v) in &element.attributes {
        let Some(name) = k.strip_prefix(prefix) else {
            continue;
        };
        let key = if prefix == "data-" {
            super::program::camel_case(name)
        } else {
            name.to_string()
        };
        let value = match element.value(k) {
            Some(typed) => super::binding::to_js(ctx, typed)?,
            None => rquickjs::String::from_str(ctx.clone(), v.as_deref().unwrap_or_default())?
                .into_value(),
        };
        out.set(key, value)?;
    }
    Ok(out)
}

/// The page or component whose markup placed `component`, if any.
pub(crate) fn owner_of<'js>(
    ctx: &Ctx<'js>,
    component: &Object<'js>,
) -> rquickjs::Result<Option<Object<'js>>> {
    let key = Symbol::new_global(ctx.clone(), OWNER_KEY)?;
    match component.get::<_, Value<'js>>(key)?.into_object() {
        Some(link) => Ok(link.get::<_, Value<'js>>("owner")?.into_object()),
        None => Ok(None),
    }
}
