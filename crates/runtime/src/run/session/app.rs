//! The App's launch: the launch options `onLaunch` / `onShow` receive,
//! `appLaunchInfo` on the profile's app configuration global, and calling
//! the App's hooks and the `onAppShow` / `onAppHide` listeners with them.

use rquickjs::function::Rest;
use rquickjs::{Ctx, Object};

use super::{Driver, query_object};
use crate::page::program;
use mpcanvas_js::runtime::ScriptError;

/// The launch options `App.onLaunch` / `onShow` (and `getLaunchOptionsSync`)
/// give: the page, its query, scene 1001 (opened from the main entry, the
/// devtools' default) and an empty `referrerInfo`.
fn launch_options<'js>(
    ctx: &Ctx<'js>,
    path: &str,
    query: &[(String, String)],
) -> rquickjs::Result<Object<'js>> {
    let options = Object::new(ctx.clone())?;
    options.set("path", path)?;
    options.set("query", query_object(ctx, query)?)?;
    options.set("scene", 1001)?;
    // Not opened from another mini-program or app.
    options.set("referrerInfo", Object::new(ctx.clone())?)?;
    Ok(options)
}

impl<'js> Driver<'_, 'js> {
    /// Sets `appLaunchInfo` (the launch options) and the fields from the
    /// app's files (`run::app_config`) on the profile's app configuration
    /// global, where it has one, before any app code runs.
    pub(super) fn publish_launch_info(&mut self, route: &str) -> Result<(), ScriptError> {
        let name = self.options.platform.as_ref().and_then(|p| {
            let p = p.borrow();
            p.profile()
                .globals
                .app_config
                .as_ref()
                .map(|c| c.name.clone())
        });
        let ctx = self.ctx.clone();
        (|| {
            let options = launch_options(&ctx, route, &self.options.query)?;
            mpcanvas_js::namespace::app_events::launched(&ctx, &options)
        })()
        .map_err(|e| self.js(e))?;
        let Some(name) = name else {
            return Ok(());
        };
        let fields = crate::run::app_config::fields(self.package, route);
        (|| {
            let config: Option<Object<'js>> = ctx.globals().get(name.as_str())?;
            let Some(config) = config else {
                return Ok(());
            };
            config.set(
                "appLaunchInfo",
                launch_options(&ctx, route, &self.options.query)?,
            )?;
            for (key, value) in &fields {
                config.set(key.as_str(), ctx.json_parse(value.to_string())?)?;
            }
            Ok(())
        })()
        .map_err(|e| self.js(e))
    }

    pub(super) fn app_hook(&mut self, name: &str, path: &str) -> Result<(), ScriptError> {
        let path = path.to_string();
        let query = self.options.query.clone();
        self.guarded(&format!("App.{name}"), |ctx| {
            if let Some(app) = program::app(ctx)? {
                let options = launch_options(ctx, &path, &query)?;
                program::call_method(&app, name, Rest(vec![options.into_value()]))?;
            }
            Ok(())
        })?;
        self.jobs()
    }

    /// The `onAppShow` / `onAppHide` listeners, after `App.onShow` /
    /// `App.onHide` (or where they would be, without an app).
    pub(super) fn app_listeners(&mut self, hide: bool, path: &str) -> Result<(), ScriptError> {
        let path = path.to_string();
        let query = self.options.query.clone();
        let what = if hide {
            "onAppHide listener"
        } else {
            "onAppShow listener"
        };
        self.guarded(what, |ctx| {
            if hide {
                mpcanvas_js::namespace::app_events::hidden(ctx)
            } else {
                let options = launch_options(ctx, &path, &query)?;
                mpcanvas_js::namespace::app_events::shown(ctx, &options)
            }
        })?;
        self.jobs()
    }
}
