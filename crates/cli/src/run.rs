//! `mpcanvas run`: run a mini-program on a platform profile and print the
//! report.

use std::process::ExitCode;
use std::time::Duration;

use mpcanvas::layers::platform::Event;
use mpcanvas::layers::runtime::run::stream::{json_line, start_line};
use mpcanvas::{
    Device, Engine, Mib, Ms, Network, RunJob, RunObserver, RunStart, TextLines, peak_rss_bytes,
};

use crate::args::Run;

pub(crate) fn run(r: &Run) -> ExitCode {
    let engine = match Engine::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(1);
        }
    };
    if !r.platforms.is_empty() {
        return crate::compare::compare(&engine, r);
    }
    // The platform: as given, else as the project's files say, else WeChat.
    let (platform, source) = match (&r.platform, mpcanvas::detect_platform(&r.path)) {
        (Some(p), _) => (p.clone(), "--platform".to_string()),
        (None, Some(d)) => (
            d.platform.to_string(),
            format!("detected from {}", d.evidence),
        ),
        (None, None) => ("wechat".to_string(), "default".to_string()),
    };
    if let Err(e) = engine.profile(&platform) {
        eprintln!("mpcanvas: {e}");
        return ExitCode::from(2);
    }
    let device_env = match r.device.device_env() {
        Ok(env) => env,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    let job = RunJob {
        platform: platform.clone(),
        ..job_of(r, device_env)
    };
    // JSON: one document at the end. Text and JSON Lines: printed as the
    // run goes, so a crash or a kill keeps what happened before it.
    let streamed = !r.json;
    if !r.json && !r.jsonl {
        println!("platform {platform} ({source})");
    }
    let text = std::sync::Arc::new(std::sync::Mutex::new(TextLines::new(r.quiet)));
    let result = if streamed {
        let observer: Box<dyn RunObserver> = if r.jsonl {
            Box::new(JsonLines {
                platform_source: source.clone(),
            })
        } else {
            Box::new(TextStream(text.clone()))
        };
        engine.run_project_observed_timed(&r.path, job, observer)
    } else {
        engine.run_project_timed(&r.path, job)
    };
    let (report, timings) = match result {
        Ok(done) => done,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(file) = &r.report
        && let Err(code) = crate::compare::write_file(file, mpcanvas::run_html(&report).as_bytes())
    {
        return code;
    }
    finish(r, &engine, &platform, &source, &report, &timings, &text)
}

/// The job `r` describes, on no platform yet.
pub(crate) fn job_of(r: &Run, device_env: mpcanvas::DeviceEnv) -> RunJob {
    RunJob {
        device_env,
        device: Device {
            screen_width: f64::from(r.screen.0),
            screen_height: f64::from(r.screen.1),
            dpr: r.dpr,
        },
        user: r.user,
        taps: r.taps.clone(),
        tap_at: r.tap_at,
        os_album_allowed: r.os_album_allowed,
        gallery: r.gallery.clone(),
        network: if r.offline {
            Network::Offline
        } else {
            Network::Http
        },
        page: r.page.clone(),
        query: r.query.clone(),
        system: r.system,
        sdk_version: r.sdk_version.clone(),
        memory_bytes: Some((r.memory_mb as usize) << 20),
        time_limit: Some(Duration::from_secs_f64(r.time_limit)),
        keep_state: r.keep_state,
        strict: r.strict,
        allow_domains: r.allow_domains.clone(),
        ..RunJob::new("wechat", r.out.clone())
    }
}

fn finish(
    r: &Run,
    engine: &Engine,
    platform: &str,
    source: &str,
    report: &mpcanvas::RunReport,
    timings: &mpcanvas::Timings,
    text: &std::sync::Arc<std::sync::Mutex<TextLines>>,
) -> ExitCode {
    if r.jsonl {
        let mut json = report.summary_line();
        json["peakRssBytes"] = peak_rss_bytes().into();
        println!("{json}");
    } else if r.json {
        let mut json = report.to_json();
        json["platformSource"] = source.into();
        json["peakRssBytes"] = peak_rss_bytes().into();
        println!("{json:#}");
    } else {
        // Files no call claimed (written by the runtime itself).
        let unclaimed = text.lock().map(|mut t| t.finish()).unwrap_or_default();
        for line in unclaimed {
            println!("{line}");
        }
        print!("{}", report.trailer());
    }
    if r.timings {
        let peak = peak_rss_bytes().map_or(String::new(), |b| format!("  peak RSS {}", Mib(b)));
        eprintln!("timings: {timings}  total {}{peak}", Ms(timings.total()));
    }
    let hint = namespace_hint(engine, platform, report).or_else(|| tap_hint(r, report));
    if let Some(hint) = hint {
        eprintln!("mpcanvas: hint: {hint}");
    }
    if report.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// When a run without `--tap` wrote nothing, which methods a tap could
/// call (posters are usually exported from a button's handler).
fn tap_hint(r: &Run, report: &mpcanvas::RunReport) -> Option<String> {
    if !r.taps.is_empty() || !report.exported_nothing() {
        return None;
    }
    let first = report.tappable.first()?;
    // `#id` starts a shell comment unless quoted.
    let first = if first.starts_with('#') {
        format!("'{first}'")
    } else {
        first.clone()
    };
    Some(format!(
        "nothing was exported; the page's tappable methods: {} (try --tap {first})",
        report.tappable.join(", ")
    ))
}

/// When the page used another platform's namespace (`my` on WeChat), which
/// platform it was written for.
fn namespace_hint(engine: &Engine, platform: &str, report: &mpcanvas::RunReport) -> Option<String> {
    let messages = report.events.iter().filter_map(|e| match e {
        mpcanvas::layers::platform::Event::Uncaught { message, .. } => Some(message.as_str()),
        _ => None,
    });
    let ours = engine.profile(platform).ok()?.namespace;
    for message in messages.chain(report.fatal.as_deref()) {
        for profile in engine.profiles() {
            let ns = &profile.namespace;
            if *ns != ours && message.contains(&format!("ReferenceError: {ns} is not defined")) {
                return Some(format!(
                    "the page uses `{ns}`, the namespace of {}, but this run is on {platform} \
                     (namespace `{ours}`); try --platform {}",
                    profile.name, profile.name
                ));
            }
        }
    }
    None
}

/// The text report as it happens: the header, then each event's lines
/// (`println!` flushes each line).
struct TextStream(std::sync::Arc<std::sync::Mutex<TextLines>>);

impl RunObserver for TextStream {
    fn started(&mut self, start: &RunStart) {
        for line in TextLines::header(start) {
            println!("{line}");
        }
    }

    fn event(&mut self, event: &Event) {
        let lines = self
            .0
            .lock()
            .map(|mut t| t.event(event))
            .unwrap_or_default();
        for line in lines {
            println!("{line}");
        }
    }
}

/// The report as JSON Lines: a start record (with where the platform
/// came from), then one record per event.
struct JsonLines {
    platform_source: String,
}

impl RunObserver for JsonLines {
    fn started(&mut self, start: &RunStart) {
        let mut line = start_line(start);
        line["platformSource"] = self.platform_source.clone().into();
        println!("{line}");
    }

    fn event(&mut self, event: &Event) {
        println!("{}", json_line(event));
    }
}
