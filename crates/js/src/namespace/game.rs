//! Mini-game functions of the namespace: touch listeners
//! (`onTouchStart` / `onTouchMove` / `onTouchEnd` / `onTouchCancel` and
//! their `off…`), `getTextLineHeight` and `setPreferredFramesPerSecond`
//! (WX-doc mini-game API index), and [`dispatch_touch`], which the runtime
//! calls to simulate a finger on the screen.

use std::cell::RefCell;

use rquickjs::function::Opt;
use rquickjs::{Ctx, Function, JsLifetime, Object, Persistent, Value};

use super::api::{begin, services};
use crate::callback::Promises;

/// The touch phases, by listener name suffix and event type.
pub const TOUCH_PHASES: &[&str] = &["Start", "Move", "End", "Cancel"];

/// Registered listeners, kept out of the script's reach.
#[derive(JsLifetime, Default)]
struct Listeners(RefCell<Vec<(&'static str, Persistent<Function<'static>>)>>);

fn phase_of(name: &str) -> Option<&'static str> {
    let rest = name
        .strip_prefix("onTouch")
        .or_else(|| name.strip_prefix("offTouch"))?;
    TOUCH_PHASES.iter().copied().find(|p| *p == rest)
}

fn listeners<'a>(
    ctx: &'a Ctx<'_>,
) -> rquickjs::Result<rquickjs::runtime::UserDataGuard<'a, Listeners>> {
    if ctx.userdata::<Listeners>().is_none() {
        let _ = ctx.store_userdata(Listeners::default());
    }
    ctx.userdata::<Listeners>()
        .ok_or_else(|| rquickjs::Exception::throw_internal(ctx, "touch listeners unavailable"))
}

/// `onTouchStart(listener)` and its siblings, or `offTouchStart(listener?)`
/// (no listener: all of that phase), for the namespace function `name`.
pub(crate) fn touch_binding<'js>(
    ctx: &Ctx<'js>,
    name: &str,
) -> rquickjs::Result<Option<Function<'js>>> {
    let Some(phase) = phase_of(name) else {
        return Ok(None);
    };
    let on = name.starts_with("on");
    let label = name.to_owned();
    let f = Function::new(
        ctx.clone(),
        move |ctx: Ctx<'js>, listener: Opt<Value<'js>>| {
            let listener = listener.0.and_then(|v| v.into_function());
            let store = listeners(&ctx)?;
            let mut list = store.0.borrow_mut();
            match (on, listener) {
                (true, Some(f)) => list.push((phase, Persistent::save(&ctx, f))),
                (true, None) => {
                    drop(list);
                    drop(store);
                    return Err(rquickjs::Exception::throw_type(
                        &ctx,
                        &format!("{label}: the listener must be a function"),
                    ));
                }
                (false, Some(f)) => {
                    // Compared after restoring: a listener is removed by identity.
                    let saved: Vec<_> = std::mem::take(&mut *list);
                    for (p, s) in saved {
                        let same = p == phase && s.clone().restore(&ctx).is_ok_and(|g| g == f);
                        if !same {
                            list.push((p, s));
                        }
                    }
                }
                (false, None) => list.retain(|(p, _)| *p != phase),
            }
            Ok(())
        },
    )?
    .with_name(name)?;
    Ok(Some(f))
}

/// Calls the listeners of touch phase `phase` (`"Start"`, `"End"`, …) with
/// a one-finger event at `(x, y)` CSS pixels, as the platforms shape it:
/// `{touches, changedTouches, timeStamp}`, each touch `{identifier,
/// screenX, screenY, clientX, clientY, pageX, pageY, force}`. On `End` and
/// `Cancel` the finger is in `changedTouches` only. Returns how many
/// listeners ran. No borrow is held while a listener runs.
pub fn dispatch_touch<'js>(
    ctx: &Ctx<'js>,
    phase: &str,
    (x, y): (f64, f64),
    time_stamp: f64,
) -> rquickjs::Result<usize> {
    let targets: Vec<Function<'js>> = {
        let store = listeners(ctx)?;
        let list = store.0.borrow();
        list.iter()
            .filter(|(p, _)| *p == phase)
            .map(|(_, f)| f.clone().restore(ctx))
            .collect::<rquickjs::Result<_>>()?
    };
    for listener in &targets {
        let touch = Object::new(ctx.clone())?;
        touch.set("identifier", 0)?;
        for axis in ["screen", "client", "page"] {
            touch.set(format!("{axis}X"), x)?;
            touch.set(format!("{axis}Y"), y)?;
        }
        touch.set("force", 1)?;
        let lifted = phase == "End" || phase == "Cancel";
        let touches = rquickjs::Array::new(ctx.clone())?;
        if !lifted {
            touches.set(0, touch.clone())?;
        }
        let changed = rquickjs::Array::new(ctx.clone())?;
        changed.set(0, touch)?;
        let event = Object::new(ctx.clone())?;
        event.set("touches", touches)?;
        event.set("changedTouches", changed)?;
        event.set("timeStamp", time_stamp.round())?;
        listener.call::<_, ()>((event,))?;
    }
    Ok(targets.len())
}

/// `getTextLineHeight(options)`: returns the height (a number), and also
/// calls the options' callbacks; a bad option returns `undefined` after
/// `fail`.
pub(crate) fn get_text_line_height<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(ctx.clone(), |ctx: Ctx<'js>, options: Opt<Value<'js>>| {
        let invocation = begin(&ctx, options)?;
        let result = invocation
            .services
            .platform
            .borrow_mut()
            .get_text_line_height(&invocation.converted);
        let (reply, height) = match result {
            Ok((reply, height)) => (Ok(reply), Some(height)),
            Err(failure) => (Err(failure), None),
        };
        invocation.deliver(&ctx, "game", reply, Promises::Never)?;
        Ok::<_, rquickjs::Error>(height)
    })?
    .with_name("getTextLineHeight")
}

/// `setPreferredFramesPerSecond(fps)`: the rate `requestAnimationFrame`
/// callbacks run at on the virtual clock (1–60).
pub(crate) fn set_preferred_frames_per_second<'js>(
    ctx: &Ctx<'js>,
) -> rquickjs::Result<Function<'js>> {
    Function::new(ctx.clone(), |ctx: Ctx<'js>, fps: Opt<Value<'js>>| {
        let fps = match fps.0 {
            Some(v) => crate::webidl::to_number(&ctx, v)?,
            None => 60.0,
        };
        services(&ctx)?.events.set_frames_per_second(fps);
        Ok::<_, rquickjs::Error>(())
    })?
    .with_name("setPreferredFramesPerSecond")
}
