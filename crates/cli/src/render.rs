//! `mpcanvas render`: run a drawing script and write the image.

use std::process::ExitCode;

use mpcanvas::{DrawingScript, Engine, RenderJob};

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
    let image = match engine.render_script(
        &script,
        &RenderJob {
            size: r.size,
            device_env,
        },
    ) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{}: {e}", r.script.display());
            return ExitCode::from(1);
        }
    };
    if let Some(note) = image.missing_glyphs_note() {
        eprintln!("mpcanvas: {note}");
    }
    match image.save(&r.output, r.quality) {
        Ok(_) => {
            println!(
                "{} {}x{} -> {}",
                r.script.display(),
                image.width(),
                image.height(),
                r.output.display()
            );
            ExitCode::SUCCESS
        }
        Err(e @ mpcanvas::Error::Encode(_)) => {
            eprintln!("mpcanvas: {e}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            ExitCode::from(2)
        }
    }
}
