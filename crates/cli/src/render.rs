//! `mpcanvas render`: run a drawing script and write the image.

use std::process::ExitCode;

use mpcanvas::{DrawingScript, Engine, Mib, Ms, RenderJob};

use crate::args::Render;

pub(crate) fn run(r: &Render) -> ExitCode {
    let script = match DrawingScript::load(&r.script) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    let device_env = match r.device.device_env() {
        Ok(env) => env,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    let engine = match Engine::builder().system_fonts(r.system_fonts).build() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(1);
        }
    };
    let job = RenderJob {
        size: r.size,
        device_env,
    };
    let repeated = engine.render_repeated(&script, &job, &r.output, r.quality, r.repeat);
    let repeated = match repeated {
        Ok(rendered) => rendered,
        Err(e @ mpcanvas::Error::Script(_)) => {
            eprintln!("{}: {e}", r.script.display());
            return ExitCode::from(1);
        }
        Err(e @ mpcanvas::Error::Internal(_)) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(3);
        }
        Err(e @ mpcanvas::Error::Encode(_)) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    let last = &repeated.last;
    if let Some(note) = &last.missing_glyphs {
        eprintln!("mpcanvas: {note}");
    }
    println!(
        "{} {}x{} -> {}",
        r.script.display(),
        last.width,
        last.height,
        r.output.display()
    );
    let peak =
        mpcanvas::peak_rss_bytes().map_or(String::new(), |b| format!("  peak RSS {}", Mib(b)));
    if r.repeat > 1 {
        let (median, total) = repeated.median();
        eprintln!(
            "timings (median of {}): {median}  total {}{peak}",
            r.repeat,
            Ms(total)
        );
    } else if r.timings {
        eprintln!(
            "timings: {}  total {}{peak}",
            last.timings,
            Ms(last.timings.total())
        );
    }
    ExitCode::SUCCESS
}
