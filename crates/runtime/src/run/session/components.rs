//! Components in a run: the `usingComponents` a page or component
//! declares, the run's [`ComponentLoader`] (modules, markup and scopes
//! for the page model), and the page's first render mounted depth first
//! (each instance created with its element's attributes, its scope
//! attached, linked to its owner's handlers, `created` / `onInit`
//! called). Later renders are followed by `page::mount`.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use mpcanvas_platform::{Platform, Scope};
use rquickjs::{Class, Ctx, Object};

use super::Driver;
use crate::page::Device;
use crate::page::markup::Markup;
use crate::page::modules::Modules;
use crate::page::mount::{self, ComponentLoader};
use crate::page::program;
use crate::page::scope::JsScope;
use crate::run::package::{Package, markup_beside};
use mpcanvas_js::runtime::ScriptError;

/// A markup file read for a scope (rendered against data once the
/// instance exists, by `scope::attach`); empty when there is no file.
pub(super) fn read_markup(path: Option<&Path>) -> Markup {
    path.filter(|p| p.is_file())
        .map(crate::page::render::read)
        .unwrap_or_default()
}

/// `usingComponents` of a page or component config, over the app's
/// (`app_config`) when given.
pub(super) fn using_components(
    app_config: Option<&Path>,
    config: Option<&Path>,
) -> BTreeMap<String, String> {
    let read = |p: &Path| -> BTreeMap<String, String> {
        std::fs::read_to_string(p)
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .and_then(|v| v.get("usingComponents").cloned())
            .and_then(|v| v.as_object().cloned())
            .map(|m| {
                m.into_iter()
                    .filter_map(|(k, v)| Some((k, v.as_str()?.to_string())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut using = BTreeMap::new();
    if let Some(app) = app_config {
        using.extend(read(app));
    }
    if let Some(c) = config {
        using.extend(read(c));
    }
    using
}

/// What the run gives the page model to make components: the package, its
/// modules, and how canvases are made.
pub(super) struct RunComponents {
    pub(super) package: Package,
    pub(super) modules: Modules,
    pub(super) platform: Option<Rc<RefCell<Platform>>>,
    pub(super) device: Device,
    pub(super) legacy_default: (f64, f64),
    pub(super) limits: mpcanvas_canvas::Limits,
    /// Platform scope id of the last component instance.
    pub(super) last_scope: Cell<u64>,
}

impl RunComponents {
    /// A scope for `markup` under the platform scope `scope`.
    pub(super) fn build<'js>(
        &self,
        ctx: &Ctx<'js>,
        markup: &Markup,
        scope: Scope,
    ) -> rquickjs::Result<Class<'js, JsScope<'js>>> {
        JsScope::build(
            ctx,
            markup,
            self.platform.as_deref(),
            scope,
            &self.device,
            self.legacy_default,
            self.limits.clone(),
        )
    }
}

impl ComponentLoader for RunComponents {
    fn find(&self, from: &Path, path: &str) -> Option<(String, PathBuf)> {
        let script = self.package.component(from, path, self.modules.npm())?;
        Some((self.modules.display(&script.with_extension("")), script))
    }

    fn load<'js>(&self, ctx: &Ctx<'js>, key: &str, script: &Path) -> rquickjs::Result<()> {
        program::begin_loading(ctx, key)?;
        self.modules.load(ctx, script).map(drop)
    }

    fn scope<'js>(
        &self,
        ctx: &Ctx<'js>,
        script: &Path,
    ) -> rquickjs::Result<Class<'js, JsScope<'js>>> {
        let markup = read_markup(markup_beside(script).as_deref());
        self.last_scope.set(self.last_scope.get() + 1);
        self.build(ctx, &markup, Scope::Component(self.last_scope.get()))
    }

    fn using(&self, script: &Path) -> BTreeMap<String, String> {
        using_components(None, Some(&script.with_extension("json")))
    }
}

impl<'js> Driver<'_, 'js> {
    pub(super) fn build_scope(
        &mut self,
        markup: &Markup,
        scope: Scope,
    ) -> Result<Class<'js, JsScope<'js>>, ScriptError> {
        self.components
            .build(&self.ctx, markup, scope)
            .map_err(|e| self.js(e))
    }

    /// Creates the components `owner`'s first render places, depth first,
    /// appending them to `mounted` in creation order. Errors are recorded
    /// per component and step; the others are still mounted.
    pub(super) fn mount_children(
        &mut self,
        owner: &Object<'js>,
        owner_scope: &Class<'js, JsScope<'js>>,
        mounted: &mut Vec<Object<'js>>,
    ) -> Result<(), ScriptError> {
        let (added, _) = mount::rematch(owner_scope);
        for (index, element) in added {
            let label = format!("creating <{}>", element.name);
            let created = self.guarded(&label, |ctx| {
                mount::create(ctx, owner, owner_scope, index, &element)
            })?;
            self.jobs()?;
            let Some(Some(created)) = created else {
                continue;
            };
            let instance = created.instance;
            for hook in ["created", "onInit"] {
                self.lifetime(&instance, hook)?;
            }
            // Properties set by the owner reach their observers.
            self.guarded(&format!("observers of <{}>", created.tag), |ctx| {
                mount::first_observers(ctx, &instance)
            })?;
            mounted.push(instance.clone());
            if let Some(child_scope) =
                crate::page::scope::of(&self.ctx, &instance.clone().into_value())
            {
                self.mount_children(&instance, &child_scope, mounted)?;
            }
        }
        Ok(())
    }
}
