//! Globals a profile gives page code besides its namespace (`global`,
//! `requirePlugin`, `__wxConfig`), from the profile's `[globals]` data.

use mpcanvas_platform::profile::{AppConfigGlobal, GlobalRules};
use rquickjs::{Ctx, Exception, Function, Object, Value};

/// Defines the globals `rules` lists.
pub(crate) fn install(ctx: &Ctx<'_>, rules: &GlobalRules) -> rquickjs::Result<()> {
    let globals = ctx.globals();
    if rules.global_object {
        globals.set("global", Object::new(ctx.clone())?)?;
    }
    if rules.require_plugin {
        let f = Function::new(ctx.clone(), |ctx: Ctx<'_>, name: rquickjs::Coerced<String>| {
            Err::<(), _>(Exception::throw_message(
                &ctx,
                &format!(
                    "requirePlugin('{}'): mpcanvas does not load mini-program plugins; provide a stand-in module for '{}' instead",
                    name.0, name.0
                ),
            ))
        })?
        .with_name("requirePlugin")?;
        globals.set("requirePlugin", f)?;
    }
    if rules.require_mini_program {
        let f = Function::new(ctx.clone(), |ctx: Ctx<'_>| {
            Err::<(), _>(Exception::throw_message(
                &ctx,
                "requireMiniProgram(): mpcanvas runs no plugin code, so there is no host mini-program to return",
            ))
        })?
        .with_name("requireMiniProgram")?;
        globals.set("requireMiniProgram", f)?;
    }
    if let Some(config) = &rules.app_config {
        globals.set(config.name.as_str(), app_config(ctx, config)?)?;
    }
    Ok(())
}

/// The app configuration object with the fields page code reads:
/// `envVersion` and `platform` (as `getSystemInfoSync().platform`). The
/// run adds `appLaunchInfo` once it knows the page it launches.
fn app_config<'js>(ctx: &Ctx<'js>, config: &AppConfigGlobal) -> rquickjs::Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("envVersion", config.env_version.as_str())?;
    let info = super::system::system_info(ctx, super::system::device(ctx))?;
    o.set("platform", info.get::<_, Value<'js>>("platform")?)?;
    Ok(o)
}
