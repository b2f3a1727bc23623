//! Components follow the rendered tree: after each render of a page or
//! component, the component elements it places are matched with the
//! instances it already has (by [`Element::place`]: the same node, list
//! item key and template), new ones are created — `created`, properties
//! from their bindings and their observers, `attached`, relations linked,
//! `ready` after the render — and the instances whose element is gone
//! are detached (`detached`, relations unlinked, no longer found by
//! `selectComponent`).
//!
//! The first render of a page is mounted by the run (its lifecycle order
//! around `onLoad` is the page's); every later one by [`follow`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use rquickjs::{Array, Class, Ctx, Function, Object};

use super::markup::Element;
use super::program;
use super::scope::{self, ChildComponent, JsScope};

/// Deepest nesting of components followed (a component that uses itself
/// stops here).
pub const MAX_COMPONENT_DEPTH: usize = 16;

/// What creating a component needs from the run: finding and loading its
/// module, and a scope for its markup.
pub(crate) trait ComponentLoader {
    /// The module key and script of component `path` as the file `from`
    /// names it in `usingComponents`.
    fn find(&self, from: &Path, path: &str) -> Option<(String, PathBuf)>;
    /// Runs the script under `key` (registering its `Component`).
    fn load<'js>(&self, ctx: &Ctx<'js>, key: &str, script: &Path) -> rquickjs::Result<()>;
    /// A new scope (its own platform scope) for the markup beside the
    /// component script `script`.
    fn scope<'js>(
        &self,
        ctx: &Ctx<'js>,
        script: &Path,
    ) -> rquickjs::Result<Class<'js, JsScope<'js>>>;
    /// The `usingComponents` of the component whose script is `script`.
    fn using(&self, script: &Path) -> BTreeMap<String, String>;
}

/// What a page or component's markup may place: its file (component
/// paths are relative to it), its `usingComponents`, and the loader.
#[derive(Clone)]
pub(crate) struct Placing {
    /// The page or component script.
    pub file: PathBuf,
    /// Tag → component path.
    pub using: BTreeMap<String, String>,
    /// The run's loader.
    pub loader: Rc<dyn ComponentLoader>,
    /// How deep in the component tree the owner is.
    pub depth: usize,
}

/// A component that was just created, with what placing its own children
/// needs.
pub(crate) struct Created<'js> {
    /// The instance.
    pub instance: Object<'js>,
    /// Its element's tag, for messages.
    pub tag: String,
}

/// The component elements of `owner`'s render that have no instance yet,
/// as (index, element): the instances kept are first moved to their
/// elements' new indices, and those whose element is gone are returned
/// (children of the owner no longer).
pub(crate) fn rematch<'js>(
    owner_scope: &Class<'js, JsScope<'js>>,
) -> (Vec<(usize, Element)>, Vec<Object<'js>>) {
    let mut s = owner_scope.borrow_mut();
    let Some(placing) = s.placing.clone() else {
        return (Vec::new(), Vec::new());
    };
    let mut old = std::mem::take(&mut s.components);
    let mut kept = Vec::new();
    let mut added = Vec::new();
    for (index, element) in s.elements.iter().enumerate() {
        if !placing.using.contains_key(&element.name) {
            continue;
        }
        match old
            .iter()
            .position(|c| c.place == element.place && c.tag == element.name)
        {
            Some(i) => {
                let mut c = old.remove(i);
                c.element = index;
                kept.push(c);
            }
            None => added.push((index, element.clone())),
        }
    }
    s.components = kept;
    (added, old.into_iter().map(|c| c.instance).collect())
}

/// Creates the component for `element` (element `index` of `owner`'s
/// render): its module loaded, the instance made with the element's
/// attributes and bindings, its scope attached and rendered, linked to
/// its owner's handlers and listed among the owner's children. No
/// lifecycle runs here. `Ok(None)` when the script registers no
/// component or the element has one already; an error when the component
/// cannot be found or made.
pub(crate) fn create<'js>(
    ctx: &Ctx<'js>,
    owner: &Object<'js>,
    owner_scope: &Class<'js, JsScope<'js>>,
    index: usize,
    element: &Element,
) -> rquickjs::Result<Option<Created<'js>>> {
    let Some(placing) = owner_scope.borrow().placing.clone() else {
        return Ok(None);
    };
    let Some(path) = placing.using.get(&element.name) else {
        return Ok(None);
    };
    // Code run while mounting may have rendered the owner again, which
    // placed this one already.
    let placed = owner_scope
        .borrow()
        .components
        .iter()
        .any(|c| c.place == element.place && c.tag == element.name);
    if placed {
        return Ok(None);
    }
    let Some((key, script)) = placing.loader.find(&placing.file, path) else {
        return Err(rquickjs::Exception::throw_reference(
            ctx,
            &format!("component '{path}' has no .js file in the package"),
        ));
    };
    if program::definition(ctx, &key)?.is_none() {
        placing.loader.load(ctx, &key, &script)?;
    }
    let Some(def) = program::definition(ctx, &key)? else {
        return Ok(None);
    };
    let child_scope = placing.loader.scope(ctx, &script)?;
    {
        let external = super::external_classes::declared(&def.options)?;
        let mut s = child_scope.borrow_mut();
        s.external_classes = super::external_classes::given(element, &external);
        s.placing = (placing.depth + 1 < MAX_COMPONENT_DEPTH).then(|| Placing {
            using: placing.loader.using(&script),
            file: script.clone(),
            loader: placing.loader.clone(),
            depth: placing.depth + 1,
        });
    }
    let instance = program::new_component(ctx, &def.options, Some(element), Some(owner), &key)?;
    scope::attach(ctx, &instance, child_scope)?;
    super::events::link_owner(ctx, &instance, owner, element)?;
    owner_scope.borrow_mut().components.push(ChildComponent {
        element: index,
        place: element.place.clone(),
        tag: element.name.clone(),
        instance: instance.clone(),
    });
    Ok(Some(Created {
        instance,
        tag: element.name.clone(),
    }))
}

/// After a render of `owner` (a `setData`): detaches the components whose
/// element is gone and creates those newly placed, each with its
/// lifecycle as the platforms run it. An error thrown by a component's
/// own code is reported as escaping (after the render), not thrown to
/// the `setData` caller; failing to find or make a component is thrown.
pub(crate) fn follow<'js>(ctx: &Ctx<'js>, owner: &Object<'js>) -> rquickjs::Result<()> {
    let Some(owner_scope) = scope::of(ctx, &owner.clone().into_value()) else {
        return Ok(());
    };
    let (added, removed) = rematch(&owner_scope);
    for gone in &removed {
        detach(ctx, gone)?;
    }
    if added.is_empty() {
        return Ok(());
    }
    let mut mounted = Vec::new();
    for (index, element) in &added {
        create_tree(ctx, owner, &owner_scope, *index, element, &mut mounted)?;
    }
    // `selectAllComponents` lists them in document order.
    owner_scope
        .borrow_mut()
        .components
        .sort_by_key(|c| c.element);
    for m in &mounted {
        reported(ctx, program::call_lifetime(ctx, m, "attached").map(drop))?;
    }
    let links = match super::relations::establish(ctx, &mounted) {
        Ok(links) => links,
        Err(e) => {
            reported(ctx, Err(e))?;
            Vec::new()
        }
    };
    for link in &links {
        reported(ctx, super::relations::linked(link))?;
    }
    // `ready` once the view has rendered: after this task, children first.
    let list = Array::new(ctx.clone())?;
    for (i, m) in mounted.iter().rev().enumerate() {
        list.set(i, m.clone())?;
    }
    let ready = Function::new(ctx.clone(), |ctx: Ctx<'js>, list: Array<'js>| {
        for m in list.iter::<Object<'js>>() {
            let m = m?;
            program::call_lifetime(&ctx, &m, "ready")?;
            program::call_lifetime(&ctx, &m, "didMount")?;
        }
        Ok::<(), rquickjs::Error>(())
    })?;
    if let Some(host) = mpcanvas_js::host::get(ctx) {
        host.events
            .post_call(ctx, ready, None, vec![list.into_value()])?;
    }
    Ok(())
}

/// Creates the component for `element` and, depth first, the components
/// its own render places, each `created` (and Alipay `onInit`) with its
/// first observer calls; appends them to `mounted` in creation order.
fn create_tree<'js>(
    ctx: &Ctx<'js>,
    owner: &Object<'js>,
    owner_scope: &Class<'js, JsScope<'js>>,
    index: usize,
    element: &Element,
    mounted: &mut Vec<Object<'js>>,
) -> rquickjs::Result<()> {
    let Some(created) = create(ctx, owner, owner_scope, index, element)? else {
        return Ok(());
    };
    let instance = created.instance;
    for hook in ["created", "onInit"] {
        reported(ctx, program::call_lifetime(ctx, &instance, hook).map(drop))?;
    }
    reported(ctx, first_observers(ctx, &instance))?;
    mounted.push(instance.clone());
    let Some(child_scope) = scope::of(ctx, &instance.clone().into_value()) else {
        return Ok(());
    };
    // Only what the first render placed; later renders follow on their own.
    let (added, _) = rematch(&child_scope);
    for (i, e) in &added {
        create_tree(ctx, &instance, &child_scope, *i, e, mounted)?;
    }
    Ok(())
}

/// The observers of the properties the owner set, called once the
/// component is made, as on the platforms.
pub(crate) fn first_observers<'js>(ctx: &Ctx<'js>, instance: &Object<'js>) -> rquickjs::Result<()> {
    let initial = super::binding::initial(ctx, instance)?;
    super::binding::notify(ctx, instance, &initial)
}

/// Detaches `instance` and the components inside it, innermost first:
/// `detached` (Alipay `didUnmount`), then its relations unlinked.
pub(crate) fn detach<'js>(ctx: &Ctx<'js>, instance: &Object<'js>) -> rquickjs::Result<()> {
    for child in children(ctx, instance) {
        detach(ctx, &child)?;
    }
    for hook in ["detached", "didUnmount"] {
        reported(ctx, program::call_lifetime(ctx, instance, hook).map(drop))?;
    }
    reported(ctx, super::relations::unlink_all(ctx, instance))
}

/// The components `instance`'s markup places now.
pub(crate) fn children<'js>(ctx: &Ctx<'js>, instance: &Object<'js>) -> Vec<Object<'js>> {
    scope::of(ctx, &instance.clone().into_value())
        .map(|s| {
            s.borrow()
                .components
                .iter()
                .map(|c| c.instance.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// Every component under `instance`, depth first in document order.
pub(crate) fn descendants<'js>(ctx: &Ctx<'js>, instance: &Object<'js>) -> Vec<Object<'js>> {
    let mut out = Vec::new();
    for child in children(ctx, instance) {
        out.push(child.clone());
        out.extend(descendants(ctx, &child));
    }
    out
}

/// An exception thrown by a component's own code during a render is the
/// page's error, reported after the render as the platforms report it
/// (rethrown from a task, so the run records it as escaping); a limit
/// (time, memory) still stops everything.
fn reported<'js>(ctx: &Ctx<'js>, result: rquickjs::Result<()>) -> rquickjs::Result<()> {
    match result {
        Err(rquickjs::Error::Exception) => {
            let error = ctx.catch();
            let rethrow: Function<'js> = ctx.eval("(function (e) { throw e; })")?;
            match mpcanvas_js::host::get(ctx) {
                Some(host) => host.events.post_call(ctx, rethrow, None, vec![error]),
                None => Ok(()),
            }
        }
        other => other,
    }
}
