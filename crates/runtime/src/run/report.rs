//! The report of one `mpcanvas run`: every console line, platform call
//! with its result, prompt and answer, escaped error, in the order they
//! happened; then the temp files and album files with their real paths,
//! and how the run ended. Printed as text or as one JSON document, or streamed as it happens
//! (see [`stream`](super::stream)).

use std::path::PathBuf;

use mpcanvas_platform::{Event, Platform};
use serde_json::{Value, json};

use super::package::{Entry, Package};
use super::session::RunOutcome;
use super::stream::{RunStart, TextLines};

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
    /// The package folder the script files (and the `file:line` of device
    /// checks) are relative to.
    pub root: std::path::PathBuf,
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

/// What a report calls the package's entry: the page route, or `game.js`.
pub(crate) fn entry_name(package: &Package) -> String {
    match &package.entry {
        Entry::Page { route, .. } => route.clone(),
        Entry::Game { .. } => "game.js".to_string(),
    }
}

impl RunReport {
    /// Collects the report from a finished run.
    pub fn new(package: &Package, platform: &Platform, outcome: RunOutcome) -> RunReport {
        let entry = entry_name(package);
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
            root: package.root.clone(),
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

    /// The last record of a JSON Lines report: [`to_json`](Self::to_json)
    /// without the events (each was its own line), tagged
    /// `"event": "summary"`.
    pub fn summary_line(&self) -> Value {
        let mut v = self.to_json();
        if let Some(o) = v.as_object_mut() {
            o.remove("events");
            o.insert("event".into(), json!("summary"));
        }
        v
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
        for line in TextLines::header(&self.start()) {
            push(&mut out, line);
        }
        let mut lines = TextLines::new(quiet);
        for event in &self.events {
            for line in lines.event(event) {
                push(&mut out, line);
            }
        }
        for line in lines.finish() {
            push(&mut out, line);
        }
        out.push_str(&self.trailer());
        out
    }

    /// What ran, as a streamed report's start told it.
    pub fn start(&self) -> RunStart {
        RunStart {
            profile: self.profile.clone(),
            entry: self.entry.clone(),
            device: self.device.clone(),
        }
    }

    /// The text report's last lines: the files, then how the run ended
    /// (what a streamed text report prints after its events).
    pub fn trailer(&self) -> String {
        let mut out = String::new();
        let push = |out: &mut String, line: String| {
            out.push_str(&line);
            out.push('\n');
        };
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
