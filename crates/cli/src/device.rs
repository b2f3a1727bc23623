//! `--locale`, `--tz`, `--now`, `--seed`: the phone's JS environment, the
//! same four flags for `run` and `render`.

/// The device-environment flags as given (validated when parsed).
#[derive(Debug, PartialEq)]
pub(crate) struct DeviceFlags {
    pub(crate) locale: String,
    pub(crate) tz: String,
    pub(crate) now: Option<f64>,
    pub(crate) seed: Option<u64>,
}

impl Default for DeviceFlags {
    /// zh-CN in Asia/Shanghai, the real clock, the engine's random source.
    fn default() -> Self {
        DeviceFlags {
            locale: "zh-CN".into(),
            tz: "Asia/Shanghai".into(),
            now: None,
            seed: None,
        }
    }
}

/// The flags' names, for hints.
pub(crate) const DEVICE_FLAGS: [&str; 4] = ["locale", "tz", "now", "seed"];

impl DeviceFlags {
    /// Reads the value of `--NAME` (one of [`DEVICE_FLAGS`]) with `value`.
    pub(crate) fn set(&mut self, name: &str, value: String) -> Result<(), String> {
        match name {
            "locale" => {
                // A malformed tag, or a language whose data is not shipped.
                mpcanvas::DeviceEnv::new(&value, "UTC")
                    .map_err(|e| format!("--locale '{value}': {e}"))?;
                self.locale = value;
            }
            "tz" => {
                mpcanvas::DeviceEnv::new("en", &value)
                    .map_err(|_| format!("--tz '{value}' is not an IANA time zone"))?;
                self.tz = value;
            }
            "now" => self.now = Some(mpcanvas::parse_now(&value)?),
            "seed" => {
                self.seed = Some(value.parse().map_err(|_| {
                    format!("--seed wants a whole number from 0 to 2^64-1, got '{value}'")
                })?);
            }
            _ => return Err(format!("--{name} is not a device flag")),
        }
        Ok(())
    }

    /// The phone's locale, zone, clock and seed.
    pub(crate) fn device_env(&self) -> Result<mpcanvas::DeviceEnv, String> {
        let mut env =
            mpcanvas::DeviceEnv::new(&self.locale, &self.tz).map_err(|e| e.to_string())?;
        if let Some(now) = self.now {
            env.clock = mpcanvas::Clock::Fixed(now);
        }
        env.seed = self.seed;
        Ok(env)
    }
}
