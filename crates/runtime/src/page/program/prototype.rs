//! The methods every page and component instance shares (`setData`,
//! `createSelectorQuery`, `selectComponent(s)`, `triggerEvent`,
//! `getRelationNodes`), and what a `setData` sets off: the render, the
//! components following it, observers, and bound properties down the tree.

use rquickjs::function::{Opt, This};
use rquickjs::{Array, Ctx, Function, Object, Value};

use super::super::binding;
use super::super::data_path::{self, Step};
use super::super::events::{select_components, trigger_event};
use super::super::markup::Element;
use super::{keys, registry};

/// The methods every instance shares (one prototype per runtime).
pub(super) fn prototype<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Object<'js>> {
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
            super::super::selector::JsSelectorQuery::create(&ctx, Some(this.0.into_value()))
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
        super::super::relations::get_relation_nodes(ctx)?,
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
    // the canvases and components the new data shows.
    super::super::scope::refresh(ctx, instance)?;
    super::super::mount::follow(ctx, instance)?;
    binding::notify(ctx, instance, &changed)?;
    propagate_from(ctx, instance, 0)
}

/// Re-binds the components `owner`'s markup places after its data
/// changed, then theirs, down the tree.
fn propagate_from<'js>(ctx: &Ctx<'js>, owner: &Object<'js>, depth: usize) -> rquickjs::Result<()> {
    if depth > 16 {
        return Ok(());
    }
    let Some(scope) = super::super::scope::of(ctx, &owner.clone().into_value()) else {
        return Ok(());
    };
    // Instances are copied out so no borrow is held while observers run;
    // each comes with its element in the new render (`mount::follow`
    // matched them).
    let children: Vec<(Object<'js>, Option<Element>)> = {
        let s = scope.borrow();
        s.components
            .iter()
            .map(|c| (c.instance.clone(), s.elements.get(c.element).cloned()))
            .collect()
    };
    let Some(data) = owner.get::<_, Value<'js>>("data")?.into_object() else {
        return Ok(());
    };
    for child in binding::propagate(ctx, &data, &children)? {
        super::super::scope::refresh(ctx, &child)?;
        super::super::mount::follow(ctx, &child)?;
        propagate_from(ctx, &child, depth + 1)?;
    }
    Ok(())
}
