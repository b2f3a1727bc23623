//! Components in a run: the `usingComponents` a page or component
//! declares, each used element mounted depth first (module loaded,
//! instance created with its element's attributes, scope attached, linked
//! to its owner's handlers, `created` / `onInit` called).

use std::collections::BTreeMap;
use std::path::Path;

use mpcanvas_platform::Scope;
use rquickjs::{Class, Object};

use super::Driver;
use crate::page::markup::Markup;
use crate::page::program;
use crate::page::scope::{self, ChildComponent, JsScope};
use crate::run::package::markup_beside;
use mpcanvas_js::runtime::ScriptError;

/// Deepest nesting of components followed (a component that uses itself
/// stops here).
pub const MAX_COMPONENT_DEPTH: usize = 16;

/// A page or component whose markup may place components.
pub(super) struct Owner<'a, 'js> {
    pub(super) instance: &'a Object<'js>,
    pub(super) file: &'a Path,
    pub(super) using: &'a BTreeMap<String, String>,
    pub(super) scope: &'a Class<'js, JsScope<'js>>,
}

impl<'js> Driver<'_, 'js> {
    pub(super) fn read_markup(path: Option<&Path>) -> Markup {
        // Rendered against data once the instance exists (scope::attach).
        path.filter(|p| p.is_file())
            .map(crate::page::render::read)
            .unwrap_or_default()
    }

    /// `usingComponents` of a page or component config, over the app's.
    pub(super) fn components_of(
        &self,
        config: Option<&Path>,
        with_app: bool,
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
        if with_app && let Some(app) = &self.package.app_config {
            using.extend(read(app));
        }
        if let Some(c) = config {
            using.extend(read(c));
        }
        using
    }

    pub(super) fn build_scope(
        &mut self,
        markup: &Markup,
        scope: Scope,
    ) -> Result<Class<'js, JsScope<'js>>, ScriptError> {
        let o = self.options;
        JsScope::build(
            &self.ctx,
            markup,
            o.platform.as_deref(),
            scope,
            &o.device,
            o.legacy_canvas_size,
            o.canvas_limits.clone(),
        )
        .map_err(|e| self.js(e))
    }

    /// Creates the components used in `markup` under `owner`, depth first,
    /// appending them to `mounted` in creation order.
    pub(super) fn mount_children(
        &mut self,
        owner: Owner<'_, 'js>,
        depth: usize,
        mounted: &mut Vec<Object<'js>>,
    ) -> Result<(), ScriptError> {
        if depth >= MAX_COMPONENT_DEPTH || owner.using.is_empty() {
            return Ok(());
        }
        // The rendered elements (wx:if / wx:for applied), copied so no
        // borrow is held while component code runs.
        let elements = owner.scope.borrow().elements.clone();
        for (index, element) in elements.iter().enumerate() {
            let Some(component_path) = owner.using.get(&element.name) else {
                continue;
            };
            let Some(script) =
                self.package
                    .component(owner.file, component_path, self.modules.npm())
            else {
                self.escaped(
                    &format!("mounting <{}>", element.name),
                    ScriptError::Host(format!(
                        "component '{component_path}' has no .js file in the package"
                    )),
                );
                continue;
            };
            let key = self.modules.display(&script.with_extension(""));
            self.load_module(&key, &script)?;
            let mut child_markup = Self::read_markup(markup_beside(&script).as_deref());
            let external = self
                .guarded(&format!("externalClasses of <{}>", element.name), |ctx| {
                    match program::definition(ctx, &key)? {
                        Some(def) => crate::page::external_classes::declared(&def.options),
                        None => Ok(Vec::new()),
                    }
                })?
                .unwrap_or_default();
            let given = crate::page::external_classes::given(element, &external);
            crate::page::external_classes::apply(&mut child_markup.elements, &given);
            let child_using = self.components_of(Some(&script.with_extension("json")), false);
            self.next_component += 1;
            let child_scope =
                self.build_scope(&child_markup, Scope::Component(self.next_component))?;
            child_scope.borrow_mut().external_classes = given;
            let label = format!("creating <{}>", element.name);
            let instance = self.guarded(&label, |ctx| {
                let Some(def) = program::definition(ctx, &key)? else {
                    return Ok(None);
                };
                let instance = program::new_component(
                    ctx,
                    &def.options,
                    Some(element),
                    Some(owner.instance),
                    &key,
                )?;
                scope::attach(ctx, &instance, child_scope.clone())?;
                crate::page::events::link_owner(ctx, &instance, owner.instance, element)?;
                owner.scope.borrow_mut().components.push(ChildComponent {
                    element: index,
                    instance: instance.clone(),
                });
                Ok(Some(instance))
            })?;
            let Some(Some(instance)) = instance else {
                continue;
            };
            for hook in ["created", "onInit"] {
                self.lifetime(&instance, hook)?;
            }
            // Properties set by the owner reach their observers.
            let first = instance.clone();
            self.guarded(&format!("observers of <{}>", element.name), |ctx| {
                let initial = crate::page::binding::initial(ctx, &first)?;
                crate::page::binding::notify(ctx, &first, &initial)
            })?;
            mounted.push(instance.clone());
            let child = Owner {
                instance: &instance,
                file: &script,
                using: &child_using,
                scope: &child_scope,
            };
            self.mount_children(child, depth + 1, mounted)?;
        }
        Ok(())
    }
}
