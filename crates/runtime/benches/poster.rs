//! The poster benchmark of `../shared/bench` (a 1500×2668 share poster:
//! gradients, photos, shadows, clips, CJK + Latin text), run as
//! `mpcanvas render` runs it: draw, then encode PNG and JPEG q0.9.
//! Compare with the @napi-rs/canvas peer (`napi-render.mjs`) in one run.
//!
//! `MPCANVAS_POSTER` names the script (default `../shared/bench/poster.js`
//! beside the repository); its `assets/` and `fonts/` sit next to it.
//! Also `bench/cjk-lines.js`: 1,000 lines of CJK + Latin text.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use mpcanvas_export::{ExportOptions, Format, Pixels, SourceRect, export};
use mpcanvas_runtime::{DrawingScript, RenderOptions, render};

fn poster_path() -> PathBuf {
    std::env::var_os("MPCANVAS_POSTER").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/poster.js"),
        PathBuf::from,
    )
}

fn bench(c: &mut Criterion) {
    let path = poster_path();
    let script = match DrawingScript::load(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("poster benchmark skipped: {}: {e}", path.display());
            return;
        }
    };
    let options = RenderOptions::default();
    let mut group = c.benchmark_group("poster");
    group.sample_size(10);
    group.bench_function("draw", |b| {
        b.iter(|| black_box(render(&script, &options).expect("the poster draws")))
    });
    let canvas = render(&script, &options).expect("the poster draws");
    let (w, h) = (canvas.width(), canvas.height());
    for (name, format) in [
        ("encode_png", Format::PNG),
        ("encode_jpeg_q90", Format::jpeg(0.9)),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                black_box(
                    export(
                        Pixels::new(w, h, canvas.premultiplied_data()),
                        SourceRect::full(w, h),
                        &ExportOptions::new(w, h, format),
                    )
                    .expect("encodes"),
                )
            })
        });
    }
    group.finish();

    let lines = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/cjk-lines.js");
    let script = DrawingScript::load(&lines).expect("bench/cjk-lines.js loads");
    c.bench_function("text/cjk_1000_lines", |b| {
        b.iter(|| black_box(render(&script, &options).expect("the lines draw")))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
