//! Globals a profile gives page code besides its namespace (`global`,
//! `requirePlugin`), from the profile's `[globals]` data.

use mpcanvas_platform::profile::GlobalRules;
use rquickjs::{Ctx, Exception, Function, Object};

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
    Ok(())
}
