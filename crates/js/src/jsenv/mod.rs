//! The JavaScript environment of a phone around page code: `Intl` and the
//! locale-sensitive built-ins in the device's locale and time zone, `Date`
//! in that zone on the device's clock, and `Math.random` from a seed.

mod clock_native;
mod intl_native;
mod intl_text_native;

use std::rc::Rc;

use mpcanvas_intl::{DEFAULT_LOCALE, DEFAULT_TIME_ZONE, IntlError, Locale, TimeZone};
use rquickjs::{Ctx, Function, JsLifetime, Object};

/// The simulated device's locale, time zone, clock and random source.
#[derive(Debug, Clone)]
pub struct DeviceEnv {
    /// The system language (`zh-CN` on most users' phones).
    pub locale: Locale,
    /// The system time zone (`Asia/Shanghai` on most users' phones).
    pub time_zone: TimeZone,
    /// Where "now" comes from.
    pub clock: Clock,
    /// The seed of `Math.random` (and `crypto.getRandomValues` where the
    /// engine has it); `None` for the engine's own random source.
    pub seed: Option<u64>,
}

/// The device's clock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Clock {
    /// The host's clock.
    Real,
    /// A fixed start (ms since the epoch) that advances only with the
    /// virtual timers, so a run can be replayed exactly.
    Fixed(f64),
}

impl DeviceEnv {
    /// What a run report records to replay the run: locale, zone, the
    /// fixed start (RFC 3339, UTC) and the seed.
    pub fn to_json(&self) -> serde_json::Value {
        let now = match self.clock {
            Clock::Real => serde_json::Value::Null,
            Clock::Fixed(ms) => {
                mpcanvas_intl::format_instant(ms).map_or(serde_json::Value::Null, Into::into)
            }
        };
        serde_json::json!({
            "locale": self.locale.to_string(),
            "timeZone": self.time_zone.name(),
            "now": now,
            "seed": self.seed,
        })
    }
}

/// Reads a `--now` value: an RFC 3339 instant with an offset
/// (`2026-12-07T10:00:00+08:00`), as ms since the epoch.
pub fn parse_now(text: &str) -> Result<f64, String> {
    mpcanvas_intl::parse_instant(text).ok_or_else(|| {
        format!("--now wants an instant like 2026-12-07T10:00:00+08:00, not {text:?}")
    })
}

impl DeviceEnv {
    /// The device with `locale` and `time_zone`, or the error naming the
    /// bad one (a malformed tag, or a language whose data is not shipped).
    pub fn new(locale: &str, time_zone: &str) -> Result<Self, IntlError> {
        Ok(DeviceEnv {
            locale: mpcanvas_intl::device_locale(locale)?,
            time_zone: TimeZone::named(time_zone)?,
            clock: Clock::Real,
            seed: None,
        })
    }
}

impl Default for DeviceEnv {
    /// `zh-CN` in `Asia/Shanghai`.
    fn default() -> Self {
        DeviceEnv::new(DEFAULT_LOCALE, DEFAULT_TIME_ZONE)
            .expect("the default locale and zone exist")
    }
}

/// The device a context was set up with, kept for the namespace's
/// system information.
#[derive(JsLifetime)]
struct Installed(DeviceEnv);

/// The device `install` set up in this context.
pub fn device(ctx: &Ctx<'_>) -> Option<DeviceEnv> {
    ctx.userdata::<Installed>().map(|i| i.0.clone())
}

/// `getSystemInfoSync().language` of the device: WeChat's documented
/// forms `zh_CN`, `zh_TW` for Chinese and the bare language (`en`) else.
pub fn system_language(ctx: &Ctx<'_>) -> String {
    let Some(env) = device(ctx) else {
        return "zh_CN".into();
    };
    let id = &env.locale.id;
    match (id.language.as_str(), id.region) {
        ("zh", Some(region)) => format!("zh_{}", region.as_str()),
        (language, _) => language.to_owned(),
    }
}

/// Installs `Intl`, the locale-sensitive methods, `Date` and the random
/// source for `env` (once per context, before page code runs).
pub fn install(ctx: &Ctx<'_>, env: DeviceEnv) -> rquickjs::Result<()> {
    // A context's earlier device is replaced, as install replaces its JS.
    let _ = ctx.store_userdata(Installed(env.clone()));
    let clock: Object<'_> = clock_native::native(ctx, &env)?;
    let setup: Function<'_> = ctx.eval(include_str!("date.js"))?;
    setup.call::<_, ()>((clock, ctx.globals()))?;
    let native: Object<'_> = intl_native::native(ctx, Rc::new(env))?;
    let setup: Function<'_> = ctx.eval(include_str!("intl.js"))?;
    setup.call::<_, ()>((native, ctx.globals()))
}
