//! Component `relations`: two components that each declare the other
//! (`parent` ↔ `child`, `ancestor` ↔ `descendant`, keyed by the other's
//! path relative to the declaring file) are linked once both are attached:
//! each side's `linked(target)` runs, `getRelationNodes(path)` lists the
//! linked instances, and `unlinked(target)` runs when they detach. A
//! relation may name its other side by a behavior instead of a path
//! (`target: someBehavior`): any component using that behavior matches,
//! and the relation's key is only its name.
//!
//! The tree followed is the composed tree (`crate::page::composed`): a
//! component's parent is the nearest component above it there — the one
//! whose `<slot>` receives it, or the one whose template places it.

use rquickjs::function::This;
use rquickjs::{Array, Ctx, Function, Object, Symbol, Value};

/// Hidden per-instance map: relation path → array of linked instances.
const LINKS_KEY: &str = "mpcanvas.relations";

/// Hidden per-instance field: the `relations` the component declares.
const DECLARED_KEY: &str = "mpcanvas.relations.declared";

/// Hidden per-instance field: the behaviors the component uses, nested
/// ones included.
const BEHAVIORS_KEY: &str = "mpcanvas.behaviors";

/// Deepest nesting of `behaviors` followed.
const MAX_BEHAVIOR_DEPTH: usize = 16;

/// Keeps the behaviors a new component uses (`options.behaviors`, and
/// theirs) on the instance, so relations with a `target` can match it.
pub(crate) fn remember_behaviors<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    options: &Object<'js>,
) -> rquickjs::Result<()> {
    let all = Array::new(ctx.clone())?;
    let mut pending = vec![(options.clone(), 0)];
    while let Some((source, depth)) = pending.pop() {
        let Some(list) = source.get::<_, Value<'js>>("behaviors")?.into_array() else {
            continue;
        };
        for b in list.iter::<Value>() {
            if let Some(b) = b?.into_object() {
                all.set(all.len(), b.clone())?;
                if depth < MAX_BEHAVIOR_DEPTH {
                    pending.push((b, depth + 1));
                }
            }
        }
    }
    if all.is_empty() {
        return Ok(());
    }
    instance.set(Symbol::new_global(ctx.clone(), BEHAVIORS_KEY)?, all)
}

/// Whether `instance` uses `behavior`.
fn uses<'js>(instance: &Object<'js>, behavior: &Object<'js>) -> rquickjs::Result<bool> {
    let key = Symbol::new_global(instance.ctx().clone(), BEHAVIORS_KEY)?;
    let Some(list) = instance.get::<_, Value<'js>>(key)?.into_array() else {
        return Ok(false);
    };
    for b in list.iter::<Value>() {
        if b?.as_object() == Some(behavior) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Keeps the `relations` a new component declares (its behaviors' and its
/// own) on the instance.
pub(crate) fn declare<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    relations: Object<'js>,
) -> rquickjs::Result<()> {
    instance.set(Symbol::new_global(ctx.clone(), DECLARED_KEY)?, relations)
}

/// The `relations` a component declares, if any.
fn relations_of<'js>(instance: &Object<'js>) -> rquickjs::Result<Option<Object<'js>>> {
    let hidden = Symbol::new_global(instance.ctx().clone(), DECLARED_KEY)?;
    Ok(instance.get::<_, Value<'js>>(hidden)?.into_object())
}

/// The relation kinds, and the kind the other side must declare.
fn reciprocal(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "parent" => "child",
        "child" => "parent",
        "ancestor" => "descendant",
        "descendant" => "ancestor",
        _ => return None,
    })
}

/// `path` (as written in `relations`) resolved against the module key
/// `from` (`components/ul/ul`): a module key, or `None` if it leaves the
/// package.
pub(crate) fn resolve_path(from: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        let mut p: Vec<&str> = from.split('/').collect();
        p.pop();
        p
    };
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    // A folder names its index component.
    Some(
        joined
            .strip_suffix("/index")
            .map_or(joined.clone(), str::to_string),
    )
}

fn key_of(instance: &Object<'_>) -> String {
    let is: String = instance.get("is").unwrap_or_default();
    is.strip_suffix("/index").map_or(is.clone(), str::to_string)
}

/// The relation of `kind` that `instance` declares toward `other` (by
/// its path, or by a behavior it uses): the key as written and its
/// options.
fn declared<'js>(
    instance: &Object<'js>,
    kind: &str,
    other: &Object<'js>,
) -> rquickjs::Result<Option<(String, Object<'js>)>> {
    let Some(relations) = relations_of(instance)? else {
        return Ok(None);
    };
    let own = key_of(instance);
    let target_key = key_of(other);
    for path in relations.keys::<String>() {
        let path = path?;
        let Some(options) = relations.get::<_, Value<'js>>(path.as_str())?.into_object() else {
            continue;
        };
        let declared_kind: String = options
            .get::<_, Option<String>>("type")?
            .unwrap_or_default();
        if declared_kind != kind {
            continue;
        }
        let matches = match options.get::<_, Value<'js>>("target")?.into_object() {
            Some(behavior) => uses(other, &behavior)?,
            None => resolve_path(&own, &path).as_deref() == Some(target_key.as_str()),
        };
        if matches {
            return Ok(Some((path, options)));
        }
    }
    Ok(None)
}

/// The linked-instances array of `instance` for relation `path`.
fn links<'js>(ctx: &Ctx<'js>, instance: &Object<'js>, path: &str) -> rquickjs::Result<Array<'js>> {
    let key = Symbol::new_global(ctx.clone(), LINKS_KEY)?;
    let map = match instance.get::<_, Value<'js>>(key.clone())?.into_object() {
        Some(m) => m,
        None => {
            let m = Object::new(ctx.clone())?;
            instance.set(key, m.clone())?;
            m
        }
    };
    match map.get::<_, Value<'js>>(path)?.into_array() {
        Some(a) => Ok(a),
        None => {
            let a = Array::new(ctx.clone())?;
            map.set(path, a.clone())?;
            Ok(a)
        }
    }
}

/// `this.getRelationNodes(path)`: a copy of the instances linked under
/// `path` (empty when none).
pub(crate) fn nodes<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    path: &str,
) -> rquickjs::Result<Array<'js>> {
    let copy = Array::new(ctx.clone())?;
    for (i, v) in links(ctx, instance, path)?.iter::<Value>().enumerate() {
        copy.set(i, v?)?;
    }
    Ok(copy)
}

/// One established link: both instances, each with its own relation path
/// and options.
pub(crate) struct Link<'js> {
    lower: (Object<'js>, String, Object<'js>),
    upper: (Object<'js>, String, Object<'js>),
}

/// Finds every relation among `mounted` (each instance's component
/// ancestors in the composed tree checked against both sides'
/// declarations) and records it; the caller then runs [`linked`] for
/// each, in document order.
pub(crate) fn establish<'js>(
    ctx: &Ctx<'js>,
    mounted: &[Object<'js>],
) -> rquickjs::Result<Vec<Link<'js>>> {
    let mut out = Vec::new();
    for lower in mounted {
        if relations_of(lower)?.is_none() {
            continue;
        }
        let Some((owner, host)) = super::composed::host_of(ctx, lower)? else {
            continue;
        };
        let mut depth = 0;
        for step in super::composed::path(ctx, &owner, host, true)?
            .iter()
            .skip(1)
        {
            let Some(upper) = super::composed::component_at(ctx, &step.owner, step.element) else {
                continue;
            };
            depth += 1;
            let kinds: &[&str] = if depth == 1 {
                &["parent", "ancestor"]
            } else {
                &["ancestor"]
            };
            for kind in kinds {
                let Some(back) = reciprocal(kind) else {
                    continue;
                };
                if let (Some(down), Some(up)) = (
                    declared(lower, kind, &upper)?,
                    declared(&upper, back, lower)?,
                ) {
                    links(ctx, lower, &down.0)?
                        .set(links(ctx, lower, &down.0)?.len(), upper.clone())?;
                    links(ctx, &upper, &up.0)?
                        .set(links(ctx, &upper, &up.0)?.len(), lower.clone())?;
                    out.push(Link {
                        lower: (lower.clone(), down.0, down.1),
                        upper: (upper.clone(), up.0, up.1),
                    });
                }
            }
        }
    }
    Ok(out)
}

fn call<'js>(
    options: &Object<'js>,
    hook: &str,
    this: &Object<'js>,
    target: &Object<'js>,
) -> rquickjs::Result<()> {
    if let Some(f) = options.get::<_, Value<'js>>(hook)?.into_function() {
        f.call::<_, Value>((This(this.clone()), target.clone()))?;
    }
    Ok(())
}

/// Runs both sides' `linked(target)`: the upper one first, as a list
/// learns of each item inserted into it.
pub(crate) fn linked(link: &Link<'_>) -> rquickjs::Result<()> {
    call(&link.upper.2, "linked", &link.upper.0, &link.lower.0)?;
    call(&link.lower.2, "linked", &link.lower.0, &link.upper.0)
}

/// Unlinks every relation of `instance` (a component being detached):
/// each linked instance forgets it, then both sides' `unlinked(target)`
/// run, the other side first.
pub(crate) fn unlink_all<'js>(ctx: &Ctx<'js>, instance: &Object<'js>) -> rquickjs::Result<()> {
    let key = Symbol::new_global(ctx.clone(), LINKS_KEY)?;
    let Some(map) = instance.get::<_, Value<'js>>(key.clone())?.into_object() else {
        return Ok(());
    };
    let Some(own) = relations_of(instance)? else {
        return Ok(());
    };
    let mut calls = Vec::new();
    for path in map.keys::<String>() {
        let path = path?;
        let Some(list) = map.get::<_, Value<'js>>(path.as_str())?.into_array() else {
            continue;
        };
        map.set(path.as_str(), Array::new(ctx.clone())?)?;
        let own_options = own.get::<_, Value<'js>>(path.as_str())?.into_object();
        for other in list.iter::<Object<'js>>() {
            let other = other?;
            let other_options = forget(ctx, &other, instance)?;
            calls.push((other, other_options, own_options.clone()));
        }
    }
    for (other, other_options, own_options) in calls {
        if let Some(o) = other_options {
            call(&o, "unlinked", &other, instance)?;
        }
        if let Some(o) = own_options {
            call(&o, "unlinked", instance, &other)?;
        }
    }
    Ok(())
}

/// Removes `gone` from `from`'s linked instances; the options of the
/// relation it was linked under, if it was.
fn forget<'js>(
    ctx: &Ctx<'js>,
    from: &Object<'js>,
    gone: &Object<'js>,
) -> rquickjs::Result<Option<Object<'js>>> {
    let key = Symbol::new_global(ctx.clone(), LINKS_KEY)?;
    let Some(map) = from.get::<_, Value<'js>>(key)?.into_object() else {
        return Ok(None);
    };
    let mut options = None;
    for path in map.keys::<String>() {
        let path = path?;
        let Some(list) = map.get::<_, Value<'js>>(path.as_str())?.into_array() else {
            continue;
        };
        let kept = Array::new(ctx.clone())?;
        let mut found = false;
        for v in list.iter::<Value>() {
            let v = v?;
            if v.as_object() == Some(gone) {
                found = true;
            } else {
                kept.set(kept.len(), v)?;
            }
        }
        if found {
            map.set(path.as_str(), kept)?;
            if let Some(declared) = relations_of(from)? {
                options = declared.get::<_, Value<'js>>(path.as_str())?.into_object();
            }
        }
    }
    Ok(options)
}

/// `getRelationNodes` for the shared instance prototype.
pub(crate) fn get_relation_nodes<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This<Object<'js>>, path: String| nodes(&ctx, &this.0, &path),
    )?
    .with_name("getRelationNodes")
}

#[cfg(test)]
mod tests {
    use super::resolve_path;

    #[test]
    fn relation_paths_resolve_against_the_declaring_component() {
        assert_eq!(
            resolve_path("components/ul/ul", "../li/li").as_deref(),
            Some("components/li/li")
        );
        assert_eq!(
            resolve_path("components/ul/ul", "./item").as_deref(),
            Some("components/ul/item")
        );
        assert_eq!(
            resolve_path("components/ul/ul", "/components/li/index").as_deref(),
            Some("components/li")
        );
        assert_eq!(resolve_path("a", "../../x"), None);
    }
}
