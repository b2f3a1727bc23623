//! A run's report against a spec's `expect`: the run completed with no
//! escaped error, exported the images it should, made the calls, showed
//! the prompts and (strict mode) warned about nothing.

use mpcanvas::RunReport;
use mpcanvas::layers::platform::Event;

use crate::spec::Expect;

/// The expectations that did not hold, one line each (empty: all held).
pub fn check_report(report: &RunReport, expect: &Expect) -> Vec<String> {
    let mut failures = Vec::new();
    if let Some(fatal) = &report.fatal {
        failures.push(format!("the run stopped: {fatal}"));
    }
    for event in &report.events {
        if let Event::Uncaught { during, message } = event {
            failures.push(format!("uncaught error during {during}: {message}"));
        }
    }
    let images = if report.album.is_empty() {
        report.temp_files.len()
    } else {
        report.album.len()
    };
    match expect.images {
        Some(n) if n != images => {
            failures.push(format!("expected {n} image(s), the run exported {images}"))
        }
        None if images == 0 => failures.push(format!(
            "the run exported no image (tappable methods: {}; add \"taps\")",
            if report.tappable.is_empty() {
                "none".to_string()
            } else {
                report.tappable.join(", ")
            }
        )),
        _ => {}
    }
    for api in &expect.calls {
        let all: Vec<(bool, &serde_json::Value)> = report
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Call {
                    api: a, ok, result, ..
                } if a == api => Some((*ok, result)),
                _ => None,
            })
            .collect();
        if all.is_empty() {
            failures.push(format!("{api} was not called"));
        } else if !all.iter().any(|(ok, _)| *ok) {
            failures.push(format!("{api} was called but failed: {}", all[0].1));
        }
    }
    if let Some(expected) = &expect.prompts {
        let shown: Vec<&str> = report
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Prompt { scope, .. } => Some(scope.as_str()),
                _ => None,
            })
            .collect();
        if shown != *expected {
            failures.push(format!("expected prompts {expected:?}, shown {shown:?}"));
        }
    }
    if expect.no_warnings {
        for event in &report.events {
            match event {
                Event::Warning { api, message } => {
                    failures.push(format!("warning from {api}: {message}"))
                }
                Event::Console { level, text } if level == "warn" || level == "error" => {
                    failures.push(format!("console.{level}: {text}"))
                }
                _ => {}
            }
        }
    }
    failures
}
