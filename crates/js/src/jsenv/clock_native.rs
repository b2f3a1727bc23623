//! The native half of `date.js`: the device zone's offsets and names, the
//! clock and the seeded random source.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{SystemTime, UNIX_EPOCH};

use rquickjs::{Ctx, Function, Object};

use super::{Clock, DeviceEnv};

/// Milliseconds since the epoch on the host's clock.
fn real_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64)
}

/// Virtual milliseconds since the run began (0 outside a page run).
fn elapsed(ctx: &Ctx<'_>) -> f64 {
    crate::host::get(ctx).map_or(0.0, |host| host.events.now())
}

/// The native object `date.js` is called with.
pub(super) fn native<'js>(ctx: &Ctx<'js>, env: &DeviceEnv) -> rquickjs::Result<Object<'js>> {
    let n = Object::new(ctx.clone())?;
    let zone = env.time_zone.clone();
    n.set(
        "tzOffset",
        Function::new(ctx.clone(), move |t: f64| {
            // Whole minutes, as V8 drops the seconds of old local mean times.
            zone.local(t)
                .map_or(f64::NAN, |l| (l.offset_ms / 60_000 * 60_000) as f64)
        })?,
    )?;
    let zone = env.time_zone.clone();
    n.set(
        "fromLocal",
        Function::new(ctx.clone(), move |local: f64| {
            zone.from_local(local).unwrap_or(f64::NAN)
        })?,
    )?;
    let (zone, locale) = (env.time_zone.clone(), env.locale.clone());
    // Made on first use: most runs never print a Date.
    let names = std::cell::OnceCell::new();
    n.set(
        "zoneName",
        Function::new(ctx.clone(), move |t: f64| {
            names
                .get_or_init(|| mpcanvas_intl::ZoneLongName::try_new(&locale, &zone).ok())
                .as_ref()
                .and_then(|n| n.at(t))
        })?,
    )?;
    let clock = env.clock;
    n.set("fixedClock", matches!(clock, Clock::Fixed(_)))?;
    n.set(
        "clock",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| match clock {
            // Whole milliseconds, as Date.now() gives them.
            Clock::Fixed(start) => (start + elapsed(&ctx)).floor(),
            Clock::Real => real_now().floor(),
        })?,
    )?;
    n.set(
        "elapsed",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| elapsed(&ctx))?,
    )?;
    n.set("seeded", env.seed.is_some())?;
    if let Some(seed) = env.seed {
        let rng = Rc::new(RefCell::new(oorandom::Rand64::new(u128::from(seed))));
        n.set(
            "random",
            Function::new(ctx.clone(), move || rng.borrow_mut().rand_float())?,
        )?;
    }
    Ok(n)
}
