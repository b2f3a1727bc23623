//! `console`: each call is formatted the way browsers print simple values
//! and handed to the run's log.

use std::cell::RefCell;
use std::rc::Rc;

use rquickjs::function::Rest;
use rquickjs::{Ctx, Function, Object, Value};

/// A console message level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// `console.log` / `console.info`.
    Log,
    /// `console.debug`.
    Debug,
    /// `console.warn`.
    Warn,
    /// `console.error` and uncaught errors.
    Error,
}

impl Level {
    /// The level's name as reports print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Log => "log",
            Level::Debug => "debug",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }
}

/// One console message.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Its level.
    pub level: Level,
    /// The formatted text.
    pub text: String,
}

/// Where console output goes: a shared, growing list.
pub type Log = Rc<RefCell<Vec<Message>>>;

/// Defines `console` with log, info, debug, warn and error writing to `log`.
pub fn install<'js>(ctx: &Ctx<'js>, log: Log) -> rquickjs::Result<()> {
    let console = Object::new(ctx.clone())?;
    for (name, level) in [
        ("log", Level::Log),
        ("info", Level::Log),
        ("debug", Level::Debug),
        ("warn", Level::Warn),
        ("error", Level::Error),
    ] {
        let log = log.clone();
        let f = Function::new(ctx.clone(), move |ctx: Ctx<'js>, args: Rest<Value<'js>>| {
            let text = args
                .0
                .iter()
                .map(|v| format_value(&ctx, v))
                .collect::<Vec<_>>()
                .join(" ");
            record(&ctx, level, &text);
            log.borrow_mut().push(Message { level, text });
            mpcanvas_platform::fault::point(mpcanvas_platform::fault::points::CONSOLE);
        })?
        .with_name(name)?;
        console.set(name, f)?;
    }
    ctx.globals().set("console", console)
}

/// A value as `console.log` shows it: strings as they are, errors as
/// `Name: message`, plain objects and arrays as JSON, the rest by ToString.
pub fn format_value<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> String {
    if let Some(s) = v.as_string() {
        return crate::webidl::js_string(s).unwrap_or_default();
    }
    if let Some(obj) = v.as_object() {
        if v.is_error() {
            let name: String = obj.get("name").unwrap_or_else(|_| "Error".into());
            let message: String = obj.get("message").unwrap_or_default();
            return format!("{name}: {message}");
        }
        if !v.is_function()
            && let Ok(Some(json)) = ctx.json_stringify(v.clone())
            && let Ok(s) = json.to_string()
        {
            return s;
        }
    }
    crate::webidl::to_string(ctx, v.clone()).unwrap_or_else(|_| "[value]".into())
}

/// Writes a runtime warning (a resource that did not load, …) to the
/// run's console, as the developer tools print them.
pub(crate) fn warn(ctx: &Ctx<'_>, text: &str) {
    record(ctx, Level::Warn, text);
    if let Some(host) = crate::host::get(ctx) {
        host.log.borrow_mut().push(Message {
            level: Level::Warn,
            text: text.to_string(),
        });
    }
}

/// Adds a console line to the platform's run report, when there is one.
fn record(ctx: &Ctx<'_>, level: Level, text: &str) {
    if let Some(platform) = crate::host::platform(ctx) {
        platform
            .borrow_mut()
            .note(mpcanvas_platform::Event::Console {
                level: level.as_str().to_string(),
                text: text.to_string(),
            });
    }
}
