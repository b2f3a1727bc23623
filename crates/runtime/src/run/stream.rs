//! The report as the run goes: a [`RunObserver`] hears what runs and then
//! every event the moment it is recorded, so a report printed this way
//! keeps everything up to a crash, a kill or a time-out of the process.
//! [`TextLines`] words events as the text report does (the one place they
//! are worded); [`json_line`] gives an event as one JSON Lines record.

use mpcanvas_platform::Event;
use serde_json::{Value, json};

/// What a run is about to run, told before its first event.
#[derive(Debug, Clone, PartialEq)]
pub struct RunStart {
    /// Profile name (`wechat`, …).
    pub profile: String,
    /// What runs: the page route, or `game.js`.
    pub entry: String,
    /// The phone's locale, time zone, clock and seed (as in the report).
    pub device: Value,
}

/// Hears a run as it happens (set in [`RunConfig`](super::RunConfig)).
pub trait RunObserver: Send {
    /// The run started; events follow.
    fn started(&mut self, start: &RunStart);
    /// One event, as it is recorded.
    fn event(&mut self, event: &Event);
}

/// The start of a JSON Lines report: `{"event":"start", …}`.
pub fn start_line(start: &RunStart) -> Value {
    json!({
        "event": "start",
        "profile": start.profile,
        "entry": start.entry,
        "device": start.device,
    })
}

/// One event as a JSON Lines record (the report's event objects, tagged by
/// `event`).
pub fn json_line(event: &Event) -> Value {
    serde_json::to_value(event).unwrap_or(Value::Null)
}

/// Words events as text lines, one event at a time. The platform records
/// the files an API wrote before the call itself (the call's line needs
/// its result): those lines are held back and come under the call that
/// caused them.
#[derive(Debug, Default)]
pub struct TextLines {
    quiet: bool,
    written: Vec<String>,
}

impl TextLines {
    /// Every event (`quiet`: only failed calls, warnings, uncaught errors
    /// and the calls that wrote files).
    pub fn new(quiet: bool) -> TextLines {
        TextLines {
            quiet,
            written: Vec::new(),
        }
    }

    /// The first lines: what runs, on which profile and phone.
    pub fn header(start: &RunStart) -> Vec<String> {
        let mut lines = vec![format!("run {} on {}", start.entry, start.profile)];
        if let Some(d) = start.device.as_object() {
            let field = |k: &str| {
                d.get(k)
                    .filter(|v| !v.is_null())
                    .map(|v| v.to_string().trim_matches('"').to_owned())
            };
            let mut line = format!(
                "  device: {} {}",
                field("locale").unwrap_or_default(),
                field("timeZone").unwrap_or_default()
            );
            if let Some(now) = field("now") {
                line.push_str(&format!(" --now {now}"));
            }
            if let Some(seed) = field("seed") {
                line.push_str(&format!(" --seed {seed}"));
            }
            lines.push(line);
        }
        lines
    }

    /// The lines `event` adds now (none while it is held back).
    pub fn event(&mut self, event: &Event) -> Vec<String> {
        let line = match event {
            Event::TempFile {
                path,
                real_path,
                bytes,
            } => {
                self.written.push(format!(
                    "      wrote temp file {path} ({bytes} bytes) at {real_path}"
                ));
                return Vec::new();
            }
            Event::AlbumFile { real_path, bytes } => {
                self.written.push(format!(
                    "      saved to album ({bytes} bytes) at {real_path}"
                ));
                return Vec::new();
            }
            Event::Console { level, text } => format!("  console.{level}: {text}"),
            Event::Call {
                api,
                args,
                ok,
                result,
            } => format!(
                "  call {api}({}) -> {} {}",
                short(args),
                if *ok { "ok" } else { "fail" },
                short(result)
            ),
            Event::Prompt { scope, answer } => {
                format!("  prompt {scope}: user answers {answer}")
            }
            Event::Remembered { scope, answer } => format!(
                "  authorization {scope}: {answer}, remembered from an earlier run \
                 (--keep-state); no prompt shown"
            ),
            Event::ActionSheet { choice } => format!("  action sheet: user chooses {choice}"),
            Event::Settings { switches } => format!(
                "  settings page: {}",
                switches
                    .iter()
                    .map(|(s, on)| format!("{s}={}", if *on { "on" } else { "off" }))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Event::Warning { api, message } => format!("  warning {api}: {message}"),
            Event::DeviceCheck {
                check,
                api,
                message,
                at,
                strict,
            } => format!(
                "  {} {check} {api}{}: {message}",
                if *strict {
                    "device failure"
                } else {
                    "device warning"
                },
                at.as_ref().map_or(String::new(), |at| format!(" at {at}"))
            ),
            Event::Uncaught { during, message } => {
                format!("  uncaught error in {during}: {message}")
            }
        };
        let is_call = matches!(event, Event::Call { .. });
        let notable = matches!(
            event,
            Event::Call { ok: false, .. }
                | Event::Warning { .. }
                | Event::DeviceCheck { .. }
                | Event::Uncaught { .. }
        );
        let mut lines = Vec::new();
        // Quiet: the files still show, under a line naming their call.
        if !self.quiet || notable || (is_call && !self.written.is_empty()) {
            lines.push(line);
        }
        if is_call {
            lines.append(&mut self.written);
        }
        lines
    }

    /// Files no call claimed (written by the runtime itself).
    pub fn finish(&mut self) -> Vec<String> {
        std::mem::take(&mut self.written)
    }
}

/// Compact JSON, long strings (data URLs) shortened.
fn short(v: &Value) -> String {
    fn trim(v: &Value) -> Value {
        match v {
            // Callbacks carry nothing a reader needs.
            Value::Object(o) => Value::Object(
                o.iter()
                    .filter(|(_, v)| v.as_str() != Some("[Function]"))
                    .map(|(k, v)| (k.clone(), trim(v)))
                    .collect(),
            ),
            Value::String(s) if s.chars().count() > 96 => {
                Value::String(format!("{}…", s.chars().take(96).collect::<String>()))
            }
            Value::Array(a) => Value::Array(a.iter().map(trim).collect()),
            other => other.clone(),
        }
    }
    trim(v).to_string()
}
