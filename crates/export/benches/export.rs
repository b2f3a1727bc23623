//! Export benchmarks on a 1500×2668 photo-like poster: 1:1 encodes and
//! crop + scale + encode, for PNG (fast compression) and JPEG (q 0.9).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mpcanvas_export::{ExportOptions, Format, Pixels, SourceRect, export};

#[path = "../tests/export/poster.rs"]
mod poster;

const WIDTH: u32 = 1500;
const HEIGHT: u32 = 2668;

fn bench(c: &mut Criterion) {
    let data = poster::poster(WIDTH, HEIGHT);
    let pixels = Pixels::new(WIDTH, HEIGHT, &data);
    let full = SourceRect::full(WIDTH, HEIGHT);
    // A margin trimmed off, then halved-ish: the typical `destWidth` export.
    let crop = SourceRect::new(60, 100, 1380, 2454);
    let cases = [
        (
            "png_1to1",
            full,
            ExportOptions::new(WIDTH, HEIGHT, Format::PNG),
        ),
        (
            "jpeg_q90_1to1",
            full,
            ExportOptions::new(WIDTH, HEIGHT, Format::jpeg(0.9)),
        ),
        (
            "png_crop_scale_750x1334",
            crop,
            ExportOptions::new(750, 1334, Format::PNG),
        ),
        (
            "jpeg_q90_crop_scale_750x1334",
            crop,
            ExportOptions::new(750, 1334, Format::jpeg(0.9)),
        ),
        (
            "png_crop_upscale_2250x4002",
            crop,
            ExportOptions::new(2250, 4002, Format::PNG),
        ),
    ];
    let mut group = c.benchmark_group("export_1500x2668");
    for (name, src, opts) in cases {
        let size = export(pixels, src, &opts).expect("export").len();
        eprintln!("{name}: {size} bytes");
        group.bench_function(name, |b| b.iter(|| export(black_box(pixels), src, &opts)));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Each export takes tens of milliseconds; 20 samples keep a run short.
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
