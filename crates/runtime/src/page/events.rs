//! Components and their owners: `selectComponent(s)` lookups in the
//! owner's scope, and `triggerEvent` reaching the handler the owner's
//! markup binds on the component's element.

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

/// `triggerEvent(name, detail)`: calls the owner's handler bound on the
/// component's element, if any.
pub(super) fn trigger_event<'js>(
    ctx: &Ctx<'js>,
    component: &Object<'js>,
    name: &str,
    detail: Option<Value<'js>>,
) -> rquickjs::Result<()> {
    let owner_key = Symbol::new_global(ctx.clone(), OWNER_KEY)?;
    let Some(link) = component.get::<_, Value<'js>>(owner_key)?.into_object() else {
        return Ok(());
    };
    let owner: Object<'js> = link.get("owner")?;
    let handler: Value<'js> = link.get("handlers")?;
    let Some(method) = handler
        .as_object()
        .map(|h| h.get::<_, Value<'js>>(name))
        .transpose()?
        .and_then(|v| v.as_string().and_then(|s| s.to_string().ok()))
    else {
        return Ok(());
    };
    let event = Object::new(ctx.clone())?;
    event.set("type", name)?;
    event.set(
        "detail",
        detail.unwrap_or_else(|| Value::new_undefined(ctx.clone())),
    )?;
    let target = Object::new(ctx.clone())?;
    target.set("id", component.get::<_, Value<'js>>("id")?)?;
    target.set("dataset", component.get::<_, Value<'js>>("dataset")?)?;
    event.set("target", target.clone())?;
    event.set("currentTarget", target)?;
    call_method(&owner, &method, Rest(vec![event.into_value()]))?;
    Ok(())
}

const OWNER_KEY: &str = "mpcanvas.owner";

/// Records that `component` sits in `owner`'s markup as `element`, so its
/// `triggerEvent` reaches the handlers bound there.
pub(crate) fn link_owner<'js>(
    ctx: &Ctx<'js>,
    component: &Object<'js>,
    owner: &Object<'js>,
    element: &Element,
) -> rquickjs::Result<()> {
    let link = Object::new(ctx.clone())?;
    link.set("owner", owner.clone())?;
    let handlers = Object::new(ctx.clone())?;
    for (k, _) in &element.attributes {
        let lower = k.to_ascii_lowercase();
        for prefix in ["bind:", "catch:", "bind", "catch", "on"] {
            if let Some(event) = lower.strip_prefix(prefix) {
                if let Some(h) = element.handler(event) {
                    handlers.set(event, h)?;
                    // Alipay binds `onDone` for `this.props.onDone()`.
                }
                break;
            }
        }
    }
    link.set("handlers", handlers)?;
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
