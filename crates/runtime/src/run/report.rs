//! The report of one `mpcanvas run`: every console line, platform call
//! with its result, prompt and answer, escaped error, in the order they
//! happened; then the temp files and album files with their real paths,
//! and how the run ended. Printed as text or as one JSON document.

use std::path::PathBuf;

use mpcanvas_platform::{Event, Platform};
use serde_json::{Value, json};

use super::package::{Entry, Package};
use super::session::RunOutcome;

/// A file a run left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// The platform path scripts saw (`wxfile://tmp_…`); `None` for album
    /// files, which scripts never name.
    pub path: Option<String>,
    /// The file on disk.
    pub real_path: PathBuf,
    /// Its size.
    pub bytes: u64,
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// Profile name (`wechat`, …).
    pub profile: String,
    /// What ran: the page route, or `game.js`.
    pub entry: String,
    /// The events in order.
    pub events: Vec<Event>,
    /// This launch's temp files.
    pub temp_files: Vec<FileEntry>,
    /// The album's files (this run's and earlier runs' in the same folder).
    pub album: Vec<FileEntry>,
    /// What ended the run early, if anything.
    pub fatal: Option<String>,
    /// How many errors escaped the script.
    pub uncaught: usize,
    /// Whether timers were still waiting at the end.
    pub pending_timers: bool,
    /// Virtual milliseconds the run took.
    pub virtual_ms: f64,
    /// The page methods a `--tap` can call (see
    /// [`RunOutcome::tappable`](super::session::RunOutcome::tappable)).
    pub tappable: Vec<String>,
    /// The phone's locale, time zone, fixed clock and seed (`--locale`,
    /// `--tz`, `--now`, `--seed`), to replay the run.
    pub device: Value,
}

fn size(p: &std::path::Path) -> u64 {
    std::fs::metadata(p).map_or(0, |m| m.len())
}

impl RunReport {
    /// Collects the report from a finished run.
    pub fn new(package: &Package, platform: &Platform, outcome: RunOutcome) -> RunReport {
        let entry = match &package.entry {
            Entry::Page { route, .. } => route.clone(),
            Entry::Game { .. } => "game.js".to_string(),
        };
        let mut store_files = Vec::new();
        // `temp_files` needs `&mut` only for its LRU touch; a snapshot is
        // taken from the events instead, keeping files that still exist.
        for event in &platform.report().events {
            if let Event::TempFile {
                path, real_path, ..
            } = event
            {
                let real = PathBuf::from(real_path);
                if real.is_file() {
                    store_files.push(FileEntry {
                        path: Some(path.clone()),
                        bytes: size(&real),
                        real_path: real,
                    });
                }
            }
        }
        // This run's album files only: the album folder keeps earlier
        // runs' posters, which are not this run's doing.
        let album = platform
            .report()
            .events
            .iter()
            .filter_map(|e| match e {
                Event::AlbumFile { real_path, .. } => Some(PathBuf::from(real_path)),
                _ => None,
            })
            .filter(|p| p.is_file())
            .map(|p| FileEntry {
                path: None,
                bytes: size(&p),
                real_path: p,
            })
            .collect();
        RunReport {
            profile: platform.profile().name.clone(),
            entry,
            events: platform.report().events.clone(),
            temp_files: store_files,
            album,
            fatal: outcome.fatal.map(|e| e.to_string()),
            uncaught: outcome.uncaught.len(),
            pending_timers: outcome.pending_timers,
            virtual_ms: outcome.virtual_ms,
            tappable: outcome.tappable,
            device: Value::Null,
        }
    }

    /// Whether the run completed with no escaped error.
    pub fn is_clean(&self) -> bool {
        self.fatal.is_none() && self.uncaught == 0
    }

    /// Whether the run wrote no temp file and saved nothing to the album.
    pub fn exported_nothing(&self) -> bool {
        !self
            .events
            .iter()
            .any(|e| matches!(e, Event::TempFile { .. } | Event::AlbumFile { .. }))
    }

    /// The report as one JSON document (the `--json` output).
    pub fn to_json(&self) -> Value {
        let files = |list: &[FileEntry]| -> Vec<Value> {
            list.iter()
                .map(|f| {
                    let mut o = json!({
                        "realPath": f.real_path.display().to_string(),
                        "bytes": f.bytes,
                    });
                    if let Some(p) = &f.path {
                        o["path"] = json!(p);
                    }
                    o
                })
                .collect()
        };
        json!({
            "profile": self.profile,
            "entry": self.entry,
            "completed": self.fatal.is_none(),
            "fatal": self.fatal,
            "uncaught": self.uncaught,
            "pendingTimers": self.pending_timers,
            // Whole milliseconds: timers fire on whole-ms deadlines.
            "virtualMs": self.virtual_ms.round() as u64,
            "device": self.device,
            "tappable": self.tappable,
            "events": serde_json::to_value(&self.events).unwrap_or(Value::Null),
            "tempFiles": files(&self.temp_files),
            "album": files(&self.album),
        })
    }

    /// The report as text, one event per line.
    pub fn to_text(&self) -> String {
        self.text(false)
    }

    /// The report as text with only what needs attention and what was
    /// written: failed calls, warnings, uncaught errors, files, the
    /// outcome (`mpcanvas run --quiet`).
    pub fn to_quiet_text(&self) -> String {
        self.text(true)
    }

    fn text(&self, quiet: bool) -> String {
        let mut out = String::new();
        let push = |out: &mut String, line: String| {
            out.push_str(&line);
            out.push('\n');
        };
        push(&mut out, format!("run {} on {}", self.entry, self.profile));
        if let Some(d) = self.device.as_object() {
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
            push(&mut out, line);
        }
        // The platform records the files an API wrote before the call
        // itself (the call's line needs its result): hold them back and
        // print them under the call that caused them.
        let mut written: Vec<String> = Vec::new();
        for event in &self.events {
            let line = match event {
                Event::TempFile {
                    path,
                    real_path,
                    bytes,
                } => {
                    written.push(format!(
                        "      wrote temp file {path} ({bytes} bytes) at {real_path}"
                    ));
                    continue;
                }
                Event::AlbumFile { real_path, bytes } => {
                    written.push(format!(
                        "      saved to album ({bytes} bytes) at {real_path}"
                    ));
                    continue;
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
                Event::Uncaught { during, message } => {
                    format!("  uncaught error in {during}: {message}")
                }
            };
            let is_call = matches!(event, Event::Call { .. });
            let notable = matches!(
                event,
                Event::Call { ok: false, .. } | Event::Warning { .. } | Event::Uncaught { .. }
            );
            // Quiet: the files still show, under a line naming their call.
            let show = !quiet || notable || (is_call && !written.is_empty());
            if show {
                push(&mut out, line);
            }
            if is_call {
                for w in written.drain(..) {
                    push(&mut out, w);
                }
            }
        }
        // Files no call claimed (written by the runtime itself).
        for w in written {
            push(&mut out, w);
        }
        push(&mut out, format!("temp files: {}", self.temp_files.len()));
        for f in &self.temp_files {
            push(
                &mut out,
                format!(
                    "  {} -> {} ({} bytes)",
                    f.path.as_deref().unwrap_or(""),
                    f.real_path.display(),
                    f.bytes
                ),
            );
        }
        push(&mut out, format!("album: {}", self.album.len()));
        for f in &self.album {
            push(
                &mut out,
                format!("  {} ({} bytes)", f.real_path.display(), f.bytes),
            );
        }
        let end = match &self.fatal {
            Some(f) => format!("stopped: {f}"),
            None if self.uncaught > 0 => {
                format!("completed with {} uncaught error(s)", self.uncaught)
            }
            None => "completed".to_string(),
        };
        push(
            &mut out,
            format!(
                "{end} (timers ran {:.0} ms of virtual time{})",
                self.virtual_ms,
                if self.pending_timers {
                    ", timers still pending"
                } else {
                    ""
                }
            ),
        );
        out
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
