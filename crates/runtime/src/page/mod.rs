//! The mini-program page model: markup, modules, and the `App` / `Page` /
//! `Component` lifecycle of a run.

pub(crate) mod binding;
pub(crate) mod composed;
pub mod data_path;
pub(crate) mod events;
pub mod expr;
pub(crate) mod external_classes;
pub mod markup;
pub mod modules;
pub(crate) mod mount;
pub mod npm;
pub mod program;
pub(crate) mod properties;
pub(crate) mod relations;
pub mod render;
pub(crate) mod scope;
pub(crate) mod selector;
pub mod wxs;

/// The simulated phone: screen size in CSS px and device pixel ratio
/// (the platform layer's type; 375×667 at dpr 2 by default).
pub use mpcanvas_platform::Device;

/// The page model as the namespace bindings see it (`mpcanvas_js::PageModel`).
pub(crate) struct Pages;

impl mpcanvas_js::PageModel for Pages {
    fn platform_scope<'js>(
        &self,
        ctx: &rquickjs::Ctx<'js>,
        instance: &rquickjs::Value<'js>,
    ) -> Option<mpcanvas_platform::Scope> {
        scope::of(ctx, instance).map(|s| s.borrow().platform_scope)
    }

    fn create_selector_query<'js>(
        &self,
        ctx: &rquickjs::Ctx<'js>,
    ) -> rquickjs::Result<rquickjs::Value<'js>> {
        selector::JsSelectorQuery::create(ctx, None).map(|q| q.into_value())
    }
}
