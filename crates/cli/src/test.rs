//! `mpcanvas test`: runs poster snapshot specs (`mpcanvas-snapshot`) and
//! prints one line per case, the failures under it, a summary; writes
//! JUnit XML on request. `mpcanvas compare`: one image against one
//! snapshot, printed as JSON (what the Jest / Vitest matcher reads).

use std::process::ExitCode;

use mpcanvas::Engine;
use mpcanvas_snapshot::{Options, Tolerance, Verdict, check_image, run_all, to_junit};

use crate::args::{Compare, Test};

pub(crate) fn run(t: &Test) -> ExitCode {
    // Bundled fonts only (and those the page loads): the same poster on a
    // developer's machine and in CI, whatever fonts each has installed.
    let engine = match Engine::builder().system_fonts(false).build() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(1);
        }
    };
    let options = Options {
        update: t.update,
        out: t.out.clone(),
    };
    let results = run_all(&engine, &t.path, &options, |r| {
        let mark = if r.passed() { "ok  " } else { "FAIL" };
        println!(
            "{mark} {} ({:.1} s)  {}",
            r.title(),
            r.time.as_secs_f64(),
            r.spec.display()
        );
        for line in r.error.iter().chain(&r.failures) {
            println!("     {line}");
        }
        for image in &r.images {
            if image.verdict == Verdict::Approved {
                println!("     approved {}", image.snapshot.display());
            }
        }
    });
    let results = match results {
        Ok(r) => r,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    let failed = results.iter().filter(|r| !r.passed()).count();
    println!("{} passed, {failed} failed", results.len() - failed);
    if let Some(path) = &t.junit {
        let write = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| {
                mpcanvas::layers::platform::atomic::write(path, to_junit(&results).as_bytes())
            });
        if let Err(e) = write {
            eprintln!("mpcanvas: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        if !t.update && results.iter().any(|r| !r.images.is_empty()) {
            eprintln!(
                "mpcanvas: diff images are in {}; if the change is intended, approve it with --update",
                t.out.display()
            );
        }
        ExitCode::from(1)
    }
}

pub(crate) fn compare(c: &Compare) -> ExitCode {
    let tolerance = Tolerance {
        max_difference: c.max_difference,
        pixels: c.pixels,
    };
    match check_image(&c.image, &c.snapshot, tolerance, c.update, &c.diff) {
        Ok(verdict) => {
            let mut json = mpcanvas_snapshot::verdict_json(&verdict);
            json["message"] = verdict.describe(&c.snapshot, tolerance).into();
            println!("{json}");
            if verdict.passed() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            ExitCode::from(2)
        }
    }
}
