//! Calling the lifetimes of pages and components: page methods
//! (`onLoad`, …), component lifetimes (WeChat's `created` … `detached`,
//! Alipay's `onInit` … `didUnmount`) and `pageLifetimes`.

use rquickjs::function::{Rest, This};
use rquickjs::{Ctx, Object, Symbol, Value};

/// Component lifetimes, WeChat's and Alipay's names.
pub(super) const LIFETIMES: [&str; 8] = [
    "created",
    "attached",
    "ready",
    "detached",
    "onInit",
    "didMount",
    "didUpdate",
    "didUnmount",
];
pub(super) const LIFETIMES_KEY: &str = "mpcanvas.lifetimes";

/// Calls `instance[name](...args)` if it is a function. Errors thrown by
/// the hook are returned for the caller to report.
pub fn call_method<'js>(
    instance: &Object<'js>,
    name: &str,
    args: Rest<Value<'js>>,
) -> rquickjs::Result<bool> {
    let f: Value<'js> = instance.get(name)?;
    let Some(f) = f.into_function() else {
        return Ok(false);
    };
    let mut call_args = rquickjs::function::Args::new(instance.ctx().clone(), args.0.len());
    call_args.this(instance.clone())?;
    call_args.push_args(args.0)?;
    f.call_arg::<Value>(call_args)?;
    Ok(true)
}

/// The component's registered lifetimes object, if it has one.
fn lifetimes_of<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
) -> rquickjs::Result<Option<Object<'js>>> {
    let hidden = Symbol::new_global(ctx.clone(), LIFETIMES_KEY)?;
    Ok(instance.get::<_, Value<'js>>(hidden)?.into_object())
}

/// Calls `hooks[hook]` with `this` the instance, if it is a function.
fn call_hook<'js>(
    hooks: &Object<'js>,
    hook: &str,
    instance: &Object<'js>,
) -> rquickjs::Result<bool> {
    let Some(f) = hooks.get::<_, Value<'js>>(hook)?.into_function() else {
        return Ok(false);
    };
    f.call::<_, Value>((This(instance.clone()),))?;
    Ok(true)
}

/// Calls a component lifetime hook (`attached`, `ready`, `didMount`, …)
/// with `this` the instance. Returns whether one was defined.
pub fn call_lifetime<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    hook: &str,
) -> rquickjs::Result<bool> {
    call_lifetime_with(ctx, instance, hook, Vec::new())
}

/// [`call_lifetime`] with arguments (Alipay's `didUpdate(prevProps,
/// prevData)`).
pub fn call_lifetime_with<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    hook: &str,
    args: Vec<Value<'js>>,
) -> rquickjs::Result<bool> {
    let Some(lifetimes) = lifetimes_of(ctx, instance)? else {
        return Ok(false);
    };
    let Some(f) = lifetimes.get::<_, Value<'js>>(hook)?.into_function() else {
        return Ok(false);
    };
    let mut call_args = rquickjs::function::Args::new(ctx.clone(), args.len());
    call_args.this(instance.clone())?;
    call_args.push_args(args)?;
    f.call_arg::<Value>(call_args)?;
    Ok(true)
}

/// Calls a component's `pageLifetimes[hook]` (`show`, `hide`).
pub fn call_page_lifetime<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    hook: &str,
) -> rquickjs::Result<bool> {
    let page = match lifetimes_of(ctx, instance)? {
        Some(lifetimes) => lifetimes
            .get::<_, Value<'js>>("pageLifetimes")?
            .into_object(),
        None => None,
    };
    match page {
        Some(page) => call_hook(&page, hook, instance),
        None => Ok(false),
    }
}
