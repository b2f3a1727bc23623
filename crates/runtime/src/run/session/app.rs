//! The App's launch: the launch options `onLaunch` / `onShow` receive,
//! `appLaunchInfo` on the profile's app configuration global, and calling
//! the App's hooks with them.

use rquickjs::function::Rest;
use rquickjs::{Ctx, Object};

use super::{Driver, query_object};
use crate::page::program;
use mpcanvas_js::runtime::ScriptError;

/// The launch options `App.onLaunch` / `onShow` receive: the page, its
/// query and scene 1001 (opened from the main entry, the devtools' default).
fn launch_options<'js>(
    ctx: &Ctx<'js>,
    path: &str,
    query: &[(String, String)],
) -> rquickjs::Result<Object<'js>> {
    let options = Object::new(ctx.clone())?;
    options.set("path", path)?;
    options.set("query", query_object(ctx, query)?)?;
    options.set("scene", 1001)?;
    Ok(options)
}

impl<'js> Driver<'_, 'js> {
    /// Sets `appLaunchInfo` (the launch options) on the profile's app
    /// configuration global, where it has one, before any app code runs.
    pub(super) fn publish_launch_info(&mut self, route: &str) -> Result<(), ScriptError> {
        let name = self.options.platform.as_ref().and_then(|p| {
            let p = p.borrow();
            p.profile()
                .globals
                .app_config
                .as_ref()
                .map(|c| c.name.clone())
        });
        let Some(name) = name else {
            return Ok(());
        };
        let ctx = self.ctx.clone();
        (|| {
            let config: Option<Object<'js>> = ctx.globals().get(name.as_str())?;
            match config {
                Some(config) => config.set(
                    "appLaunchInfo",
                    launch_options(&ctx, route, &self.options.query)?,
                ),
                None => Ok(()),
            }
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
}
