//! The app's launch options and foreground / background events, where the
//! profile lists them: `getLaunchOptionsSync`, `getEnterOptionsSync`,
//! `onAppShow` / `offAppShow`, `onAppHide` / `offAppHide`. The run driver
//! reports the launch ([`launched`]) and each `App.onShow` ([`shown`]);
//! frameworks (uni-app, Taro) probe these to read the entry page's query.

use std::cell::RefCell;

use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Exception, Function, JsLifetime, Object, Persistent, Value};

/// The names this module installs, each only where the profile lists it.
pub(crate) const APP_EVENT_APIS: [&str; 6] = [
    "getLaunchOptionsSync",
    "getEnterOptionsSync",
    "onAppShow",
    "offAppShow",
    "onAppHide",
    "offAppHide",
];

/// The listeners and the launch options, out of the page's reach.
#[derive(JsLifetime)]
struct AppEvents {
    show: Persistent<Array<'static>>,
    hide: Persistent<Array<'static>>,
    /// The launch options as JSON (each `get…OptionsSync` returns a fresh
    /// copy, so a page changing one does not change the next).
    launch: RefCell<Option<String>>,
}

fn state<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<(Array<'js>, Array<'js>)> {
    let events = ctx
        .userdata::<AppEvents>()
        .ok_or_else(|| Exception::throw_internal(ctx, "app events are not installed"))?;
    let show = events.show.clone().restore(ctx)?;
    let hide = events.hide.clone().restore(ctx)?;
    Ok((show, hide))
}

/// Records the launch options (`{path, query, scene, referrerInfo}`) the
/// run opened the app with; `get…OptionsSync` return them from now on.
pub fn launched<'js>(ctx: &Ctx<'js>, options: &Object<'js>) -> rquickjs::Result<()> {
    let json = ctx
        .json_stringify(options.clone())?
        .map(|s| s.to_string())
        .transpose()?;
    if let Some(events) = ctx.userdata::<AppEvents>() {
        *events.launch.borrow_mut() = json;
    }
    Ok(())
}

/// Calls each `onAppShow` listener with `options`, as the platform does
/// alongside `App.onShow`. An error thrown by a listener propagates.
pub fn shown<'js>(ctx: &Ctx<'js>, options: &Object<'js>) -> rquickjs::Result<()> {
    dispatch(ctx, false, Some(options))
}

/// Calls each `onAppHide` listener (no argument), as the platform does
/// alongside `App.onHide`.
pub fn hidden(ctx: &Ctx<'_>) -> rquickjs::Result<()> {
    dispatch(ctx, true, None)
}

fn dispatch<'js>(
    ctx: &Ctx<'js>,
    hide: bool,
    options: Option<&Object<'js>>,
) -> rquickjs::Result<()> {
    if ctx.userdata::<AppEvents>().is_none() {
        return Ok(());
    }
    let (show, hidden) = state(ctx)?;
    let list = if hide { hidden } else { show };
    // A copy first: a listener may add or remove listeners.
    let listeners: Vec<Function<'js>> = list.iter().collect::<rquickjs::Result<_>>()?;
    for listener in listeners {
        match options {
            Some(o) => listener.call::<_, ()>((o.clone(),))?,
            None => listener.call::<_, ()>(())?,
        }
    }
    Ok(())
}

/// The launch options (an empty path, no query and scene 1001 before the
/// run reports a launch).
fn launch_options<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Value<'js>> {
    let json = ctx
        .userdata::<AppEvents>()
        .and_then(|e| e.launch.borrow().clone())
        .unwrap_or_else(|| r#"{"path":"","query":{},"scene":1001,"referrerInfo":{}}"#.into());
    ctx.json_parse(json)
}

/// `on…(listener)` adds it; `off…(listener)` removes it, and `off…()`
/// removes them all.
fn listener_api<'js>(ctx: &Ctx<'js>, name: &'static str) -> rquickjs::Result<Function<'js>> {
    let hide = name.ends_with("Hide");
    let add = name.starts_with("on");
    Function::new(ctx.clone(), move |ctx: Ctx<'js>, f: Opt<Value<'js>>| {
        let (show, hidden) = state(&ctx)?;
        let list = if hide { hidden } else { show };
        match (add, f.0.and_then(|v| v.into_function())) {
            (true, Some(f)) => list.set(list.len(), f),
            (true, None) => Err(Exception::throw_type(
                &ctx,
                &format!("{name}: the listener must be a function"),
            )),
            (false, Some(f)) => {
                let kept: Vec<Function<'js>> = list
                    .iter::<Function<'js>>()
                    .filter(|g| g.as_ref().map_or(true, |g| *g != f))
                    .collect::<rquickjs::Result<_>>()?;
                list.as_object().set("length", 0)?;
                for (i, g) in kept.into_iter().enumerate() {
                    list.set(i, g)?;
                }
                Ok(())
            }
            (false, None) => list.as_object().set("length", 0),
        }
    })?
    .with_name(name)
}

/// Defines on `ns` the names of [`APP_EVENT_APIS`] that `listed` says the
/// profile has.
pub(crate) fn install<'js>(
    ctx: &Ctx<'js>,
    ns: &Object<'js>,
    listed: impl Fn(&str) -> bool,
) -> rquickjs::Result<()> {
    let _ = ctx.store_userdata(AppEvents {
        show: Persistent::save(ctx, Array::new(ctx.clone())?),
        hide: Persistent::save(ctx, Array::new(ctx.clone())?),
        launch: RefCell::new(None),
    });
    for name in APP_EVENT_APIS {
        if !listed(name) {
            continue;
        }
        let f = match name {
            // A cold start: the enter options are the launch options.
            "getLaunchOptionsSync" | "getEnterOptionsSync" => {
                Function::new(ctx.clone(), |ctx: Ctx<'js>| launch_options(&ctx))?.with_name(name)?
            }
            _ => listener_api(ctx, name)?,
        };
        ns.set(name, f)?;
    }
    Ok(())
}
