//! `mpcanvas render`: run a drawing script, encode the canvas, write it.

use std::process::ExitCode;

use mpcanvas_canvas::{FontLibrary, FontSources};
use mpcanvas_export::{ExportOptions, Format, Pixels, SourceRect};
use mpcanvas_js::{DrawingScript, RenderOptions};

use crate::args::Render;
use crate::output::write_atomic;

pub(crate) fn run(r: &Render) -> ExitCode {
    let script = match DrawingScript::load(&r.script) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    let options = RenderOptions {
        size: r.size,
        fonts: (!r.system_fonts).then(|| {
            FontLibrary::with_sources(FontSources {
                bundled: true,
                system: false,
            })
        }),
        ..RenderOptions::default()
    };
    let canvas = match mpcanvas_js::render(&script, &options) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}: {e}", r.script.display());
            return ExitCode::from(1);
        }
    };
    if let Some(note) = canvas.missing_glyphs_note() {
        eprintln!("mpcanvas: {note}");
    }
    let jpeg = r
        .output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jpg") || e.eq_ignore_ascii_case("jpeg"));
    let format = if jpeg {
        Format::jpeg(r.quality)
    } else {
        Format::PNG
    };
    let (w, h) = (canvas.width(), canvas.height());
    let encoded = mpcanvas_export::export(
        Pixels::new(w, h, canvas.premultiplied_data()),
        SourceRect::full(w, h),
        &ExportOptions::new(w, h, format),
    );
    let bytes = match encoded {
        Ok(b) => b,
        Err(e) => {
            eprintln!("mpcanvas: cannot encode the canvas: {e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = write_atomic(&r.output, &bytes) {
        eprintln!("mpcanvas: cannot write {}: {e}", r.output.display());
        return ExitCode::from(2);
    }
    println!(
        "{} {}x{} -> {}",
        r.script.display(),
        w,
        h,
        r.output.display()
    );
    ExitCode::SUCCESS
}
