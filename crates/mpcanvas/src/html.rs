//! The HTML report (`mpcanvas run … --report FILE.html`): one
//! self-contained page, images inline as data URLs. A run's page shows its
//! timeline of calls, prompts and console lines, the images it wrote, and
//! its warnings and device checks with the script line they point at; a
//! comparison's page shows every platform's images side by side with the
//! difference maps, the calls that differ, and each platform's warnings.

use std::fmt::Write as _;
use std::path::Path;

use base64::Engine as _;
use mpcanvas_platform::Event;

use crate::RunReport;
use crate::compare::{Comparison, PlatformRun, warnings_of};

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}\
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}\
ol.timeline{font-family:ui-monospace,monospace;font-size:12px;padding-left:3em}\
li.failed{color:#b00}li.check{color:#a60}li.console{color:#555}\
img{max-width:360px;border:1px solid #ccc;background:repeating-conic-gradient(#eee 0 25%,#fff 0 50%) 0 0/16px 16px}\
pre.source{background:#f6f6f6;padding:.4em .8em;margin:.2em 0 .8em}\
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.4em;vertical-align:top}\
.note{color:#666}";

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An image file as a data URL (`None`: not an image or unreadable).
fn data_url(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let kind = mpcanvas_platform::sniff::sniff(&bytes)?;
    let mime = match kind.extension() {
        "jpg" => "jpeg",
        other => other,
    };
    Some(format!(
        "data:image/{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(&bytes)
    ))
}

/// The script line `at` (`pages/a/a.js:12:5`) points at, read from the
/// package under `root`.
fn source_line(root: &Path, at: &str) -> Option<String> {
    let mut parts = at.rsplitn(3, ':');
    let (_col, line, file) = (parts.next()?, parts.next()?, parts.next()?);
    let line: usize = line.parse().ok()?;
    let text = std::fs::read_to_string(root.join(file)).ok()?;
    text.lines()
        .nth(line.checked_sub(1)?)
        .map(|l| format!("{line} | {}", l.trim_end()))
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{}</title><style>{STYLE}</style></head><body>\n{body}</body></html>\n",
        esc(title)
    )
}

/// One event as a timeline line, with its class.
fn event_line(e: &Event) -> (&'static str, String) {
    match e {
        Event::Call {
            api,
            args,
            ok,
            result,
        } => (
            if *ok { "call" } else { "call failed" },
            format!(
                "call {api}({args}) → {} {result}",
                if *ok { "ok" } else { "fail" }
            ),
        ),
        Event::Prompt { scope, answer } => {
            ("prompt", format!("prompt {scope}: user answers {answer}"))
        }
        Event::Remembered { scope, answer } => (
            "prompt",
            format!("authorization {scope}: {answer} (remembered)"),
        ),
        Event::ActionSheet { choice } => ("prompt", format!("action sheet: {choice}")),
        Event::Settings { switches } => (
            "prompt",
            format!(
                "settings page: {}",
                switches
                    .iter()
                    .map(|(s, on)| format!("{s}={}", if *on { "on" } else { "off" }))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        Event::Warning { api, message } => ("warning", format!("warning {api}: {message}")),
        Event::DeviceCheck {
            check,
            api,
            message,
            at,
            strict,
        } => (
            "check",
            format!(
                "device {} {check} {api}{}: {message}",
                if *strict { "failure" } else { "warning" },
                at.as_ref().map_or(String::new(), |a| format!(" at {a}"))
            ),
        ),
        Event::Console { level, text } => ("console", format!("console.{level}: {text}")),
        Event::Uncaught { during, message } => {
            ("failed", format!("uncaught error in {during}: {message}"))
        }
        Event::TempFile { path, bytes, .. } => {
            ("file", format!("temp file {path} ({bytes} bytes)"))
        }
        Event::AlbumFile { real_path, bytes } => {
            ("file", format!("album file {real_path} ({bytes} bytes)"))
        }
    }
}

/// The sections of one run: summary, images, warnings, timeline.
fn run_sections(report: &RunReport, heading: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<p class=\"summary\">{} on <b>{}</b>: {}</p>",
        esc(&report.entry),
        esc(&report.profile),
        esc(&match &report.fatal {
            Some(f) => format!("stopped: {f}"),
            None if report.uncaught > 0 => format!("{} uncaught error(s)", report.uncaught),
            None => "completed".to_owned(),
        })
    );
    let _ = write!(
        s,
        "<h{heading} id=\"images-{0}\">Posters and album files</h{heading}>\n<div class=\"images\">",
        esc(&report.profile)
    );
    let files: Vec<(&str, &Path)> = report
        .temp_files
        .iter()
        .map(|f| ("temp file", f.real_path.as_path()))
        .chain(
            report
                .album
                .iter()
                .map(|f| ("album", f.real_path.as_path())),
        )
        .collect();
    let mut shown = 0;
    for (kind, path) in files {
        if let Some(url) = data_url(path) {
            shown += 1;
            let _ = write!(
                s,
                "<figure><img class=\"poster\" alt=\"{0}\" src=\"{url}\"><figcaption>{kind}: {0}</figcaption></figure>",
                esc(&path.display().to_string())
            );
        }
    }
    if shown == 0 {
        s.push_str("<p class=\"note\">No images were written.</p>");
    }
    s.push_str("</div>\n");
    let _ = write!(
        s,
        "<h{heading}>Warnings and device checks</h{heading}>\n<ul class=\"warnings\">"
    );
    let mut any = false;
    for e in &report.events {
        let (kind, api, message, at) = match e {
            Event::Warning { api, message } => ("warning", api, message, None),
            Event::DeviceCheck {
                check,
                api,
                message,
                at,
                ..
            } => (check.as_str(), api, message, at.as_deref()),
            _ => continue,
        };
        any = true;
        let _ = write!(
            s,
            "<li class=\"warning\"><b>{}</b> {}{}: {}",
            esc(kind),
            esc(api),
            at.map_or(String::new(), |a| format!(" at <code>{}</code>", esc(a))),
            esc(message)
        );
        if let Some(line) = at.and_then(|a| source_line(&report.root, a)) {
            let _ = write!(s, "<pre class=\"source\">{}</pre>", esc(&line));
        }
        s.push_str("</li>");
    }
    if !any {
        s.push_str("<li class=\"note\">none</li>");
    }
    s.push_str("</ul>\n");
    let _ = write!(
        s,
        "<h{heading}>Timeline</h{heading}>\n<ol class=\"timeline\">"
    );
    for e in &report.events {
        let (class, text) = event_line(e);
        let _ = write!(s, "<li class=\"{class}\">{}</li>", esc(&text));
    }
    s.push_str("</ol>\n");
    s
}

/// A run as one self-contained HTML page (`--report FILE.html`).
pub fn run_html(report: &RunReport) -> String {
    let title = format!("mpcanvas run: {} on {}", report.entry, report.profile);
    let body = format!(
        "<h1>{}</h1>\n<section id=\"run\">{}</section>\n",
        esc(&title),
        run_sections(report, "2")
    );
    page(&title, &body)
}

impl Comparison {
    /// The comparison as one self-contained HTML page.
    pub fn to_html(&self) -> String {
        let title = format!(
            "mpcanvas: {} on {} platforms",
            self.project.display(),
            self.platforms.len()
        );
        let mut s = format!("<h1>{}</h1>\n", esc(&title));
        s.push_str("<h2>Platforms</h2>\n<ul class=\"platforms\">");
        for e in &self.platforms {
            let text = match &e.run {
                PlatformRun::Ran(r) => format!(
                    "ran {} ({}; {} warning(s))",
                    r.entry,
                    if r.is_clean() {
                        "completed"
                    } else {
                        "not clean"
                    },
                    warnings_of(r).len()
                ),
                PlatformRun::Skipped(why) => format!("skipped: {why}"),
            };
            let _ = write!(s, "<li><b>{}</b> {}</li>", esc(&e.platform), esc(&text));
        }
        s.push_str("</ul>\n<h2>Images side by side</h2>\n<table id=\"comparison\">");
        for row in &self.images {
            let _ = write!(s, "<tr><th>image {}</th>", row.index + 1);
            for (platform, file) in &row.files {
                let cell = file.as_deref().and_then(data_url).map_or(
                    "<span class=\"note\">none</span>".to_owned(),
                    |u| {
                        format!(
                            "<img class=\"poster\" alt=\"{0}\" src=\"{u}\">",
                            esc(platform)
                        )
                    },
                );
                let _ = write!(s, "<td><div>{}</div>{cell}</td>", esc(platform));
            }
            s.push_str("</tr>");
            if !row.diffs.is_empty() {
                s.push_str("<tr><th>difference</th><td class=\"note\">baseline</td>");
                for d in &row.diffs {
                    let map = data_url(&d.map).unwrap_or_default();
                    let [(bw, bh), (w, h)] = d.sizes;
                    let _ = write!(
                        s,
                        "<td><div>{} vs {}: {} px differ (max channel delta {}); {bw}×{bh} vs {w}×{h}</div>\
                         <img class=\"diff-map\" alt=\"difference {}\" src=\"{map}\"></td>",
                        esc(&d.platform),
                        esc(&d.baseline),
                        d.differing_pixels,
                        d.max_delta,
                        esc(&d.platform)
                    );
                }
                s.push_str("</tr>");
            }
        }
        s.push_str("</table>\n<h2>Calls whose results differ</h2>\n<table id=\"calls\">");
        for c in &self.calls {
            let _ = write!(s, "<tr><th>{} #{}</th>", esc(&c.api), c.nth + 1);
            for (platform, ok, result) in &c.outcomes {
                let outcome = match ok {
                    Some(true) => format!("ok {result}"),
                    Some(false) => format!("fail {result}"),
                    None => "no such call".to_owned(),
                };
                let _ = write!(s, "<td><b>{}</b> {}</td>", esc(platform), esc(&outcome));
            }
            s.push_str("</tr>");
        }
        if self.calls.is_empty() {
            s.push_str("<tr><td class=\"note\">none: every call had the same outcome</td></tr>");
        }
        s.push_str("</table>\n");
        for e in &self.platforms {
            if let PlatformRun::Ran(r) = &e.run {
                let _ = write!(
                    s,
                    "<h2 id=\"platform-{0}\">{0}</h2>\n<section class=\"run\">{1}</section>\n",
                    esc(&e.platform),
                    run_sections(r, "3")
                );
            }
        }
        page(&title, &s)
    }
}
