//! The JavaScript environment of a phone around page code: `Intl` and the
//! locale-sensitive built-ins in the device's locale and time zone.

mod intl_native;

use std::rc::Rc;

use mpcanvas_intl::{DEFAULT_LOCALE, DEFAULT_TIME_ZONE, IntlError, Locale, TimeZone};
use rquickjs::{Ctx, Function, Object};

/// The simulated device's locale and time zone.
#[derive(Debug, Clone)]
pub struct DeviceEnv {
    /// The system language (`zh-CN` on most users' phones).
    pub locale: Locale,
    /// The system time zone (`Asia/Shanghai` on most users' phones).
    pub time_zone: TimeZone,
}

impl DeviceEnv {
    /// The device with `locale` and `time_zone`, or the error naming the
    /// bad one.
    pub fn new(locale: &str, time_zone: &str) -> Result<Self, IntlError> {
        Ok(DeviceEnv {
            locale: mpcanvas_intl::canonical_locale(locale)?,
            time_zone: TimeZone::named(time_zone)?,
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

/// Installs `Intl` and the locale-sensitive methods for `env` (again, to
/// change the device of a running context).
pub fn install(ctx: &Ctx<'_>, env: DeviceEnv) -> rquickjs::Result<()> {
    let native: Object<'_> = intl_native::native(ctx, Rc::new(env))?;
    let setup: Function<'_> = ctx.eval(include_str!("intl.js"))?;
    setup.call::<_, ()>((native, ctx.globals()))
}
