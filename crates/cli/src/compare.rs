//! `mpcanvas run PROJECT --platform all` (or a list): the facade runs and
//! compares; this prints a summary and writes the JSON and HTML.

use std::path::Path;
use std::process::ExitCode;

use mpcanvas::{Engine, PlatformRun};

use crate::args::Run;

/// Writes `bytes` to `path` whole (or not at all), reporting a failure.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExitCode> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    mpcanvas::layers::platform::atomic::write(path, bytes).map_err(|e| {
        eprintln!("mpcanvas: cannot write {}: {e}", path.display());
        ExitCode::from(2)
    })
}

pub(crate) fn compare(engine: &Engine, r: &Run) -> ExitCode {
    let device_env = match r.device.device_env() {
        Ok(env) => env,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    let job = crate::run::job_of(r, device_env);
    let comparison = match engine.run_platforms(&r.path, &job, &r.platforms) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    let json = comparison.to_json();
    let html = comparison.to_html();
    let dir = r.out.join("compare");
    for (file, bytes) in [
        (
            dir.join("comparison.json"),
            format!("{json:#}\n").into_bytes(),
        ),
        (dir.join("comparison.html"), html.clone().into_bytes()),
    ] {
        if let Err(code) = write_file(&file, &bytes) {
            return code;
        }
    }
    if let Some(file) = &r.report
        && let Err(code) = write_file(file, html.as_bytes())
    {
        return code;
    }
    if r.json {
        println!("{json:#}");
    } else {
        let mut clean = true;
        for e in &comparison.platforms {
            match &e.run {
                PlatformRun::Ran(report) => {
                    clean &= report.is_clean();
                    let checks = report
                        .events
                        .iter()
                        .filter(|e| {
                            matches!(e, mpcanvas::layers::platform::Event::DeviceCheck { .. })
                        })
                        .count();
                    println!(
                        "{}: ran {} ({}), {} image(s), {checks} device check(s)",
                        e.platform,
                        report.entry,
                        if report.is_clean() {
                            "completed"
                        } else {
                            "not clean"
                        },
                        report.temp_files.len() + report.album.len()
                    );
                }
                PlatformRun::Skipped(why) => println!("{}: skipped ({why})", e.platform),
            }
        }
        for row in &comparison.images {
            for d in &row.diffs {
                println!(
                    "image {}: {} vs {}: {} px differ (max delta {})",
                    row.index + 1,
                    d.platform,
                    d.baseline,
                    d.differing_pixels,
                    d.max_delta
                );
            }
        }
        println!("calls with differing results: {}", comparison.calls.len());
        println!("comparison: {}", dir.join("comparison.html").display());
        if !clean {
            return ExitCode::from(1);
        }
    }
    let clean = comparison.platforms.iter().all(|e| match &e.run {
        PlatformRun::Ran(report) => report.is_clean(),
        PlatformRun::Skipped(_) => true,
    });
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
