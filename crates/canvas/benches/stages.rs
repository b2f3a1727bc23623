//! The drawing stages of a share poster, one at a time, on a 1500×2668
//! canvas at the poster's dpr-2 scale: a gradient fill, a path fill,
//! dashed and joined strokes, CJK + Latin text, the card's blurred
//! rounded-rect shadow, and a photo drawn smaller through a rounded clip
//! at each smoothing quality. Encoding has its own bench in
//! `crates/export`; the whole poster is `crates/runtime/benches/poster.rs`.

use std::f64::consts::PI;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mpcanvas_canvas::{
    CanvasGradient, Context2d, CornerRadius, FillRule, Image, ImageSource, Limits, Style,
};

const W: u32 = 1500;
const H: u32 = 2668;

fn canvas() -> Context2d {
    let mut ctx = Context2d::with_fonts(W, H, Limits::default(), mpcanvas_fonts::bundled_library())
        .expect("a poster-sized canvas");
    ctx.scale(2.0, 2.0);
    ctx
}

/// A 1200×900 photo-like image: smooth colour ramps with fine detail.
fn photo() -> Image {
    let (w, h) = (1200u32, 900u32);
    let mut rgba = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h {
        for x in 0..w {
            let detail = ((x * 7 + y * 13) % 32) as u8;
            rgba.extend_from_slice(&[
                (x * 255 / w) as u8 ^ detail,
                (y * 255 / h) as u8,
                ((x + y) % 256) as u8,
                255,
            ]);
        }
    }
    Image::from_rgba8(w, h, rgba).expect("a valid image")
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("stages_1500x2668");
    group.sample_size(20);
    group.measurement_time(std::time::Duration::from_secs(2));
    group.warm_up_time(std::time::Duration::from_millis(500));

    let mut ctx = canvas();
    group.bench_function("fill_linear_gradient_rect", |b| {
        let g = CanvasGradient::linear(0.0, 0.0, 0.0, 1334.0).unwrap();
        for (at, color) in [(0.0, "#ff9a8b"), (0.5, "#ff6a88"), (1.0, "#ff99ac")] {
            g.add_color_stop(at, color).unwrap();
        }
        ctx.set_fill_style(Style::Gradient(g));
        b.iter(|| ctx.fill_rect(0.0, 0.0, 750.0, 1334.0))
    });

    group.bench_function("fill_path_star", |b| {
        ctx.set_fill_style_str("#4facfe");
        b.iter(|| {
            ctx.begin_path();
            for i in 0..10 {
                let r = if i % 2 == 0 { 300.0 } else { 120.0 };
                let a = i as f64 * PI / 5.0;
                ctx.line_to(375.0 + r * a.sin(), 667.0 - r * a.cos());
            }
            ctx.close_path();
            ctx.fill(None, FillRule::NonZero);
        })
    });

    group.bench_function("stroke_dashed_and_joined", |b| {
        ctx.set_stroke_style_str("#dddddd");
        b.iter(|| {
            ctx.set_line_width(2.0);
            ctx.set_line_dash(&[8.0, 6.0]);
            ctx.begin_path();
            ctx.move_to(60.0, 545.0);
            ctx.line_to(690.0, 545.0);
            ctx.stroke(None);
            ctx.set_line_dash(&[]);
            ctx.set_line_width(4.0);
            ctx.set_line_join("round");
            ctx.begin_path();
            for i in 0..40 {
                ctx.line_to(
                    40.0 + i as f64 * 17.0,
                    700.0 + if i % 2 == 0 { 0.0 } else { 60.0 },
                );
            }
            ctx.stroke(None);
        })
    });

    group.bench_function("text_cjk_and_latin", |b| {
        ctx.set_fill_style_str("#555");
        ctx.set_font("22px sans-serif");
        b.iter(|| {
            for i in 0..6 {
                let y = 492.0 + i as f64 * 30.0;
                ctx.fill_text("精选好物限时特惠，全场满199减50，先到先得！", 60.0, y, None);
                ctx.fill_text("Limited time offer: free shipping", 60.0, y + 15.0, None);
            }
        })
    });

    // The card alone, to tell its fill from its shadow below.
    group.bench_function("fill_round_rect_card", |b| {
        ctx.set_fill_style_str("#ffffff");
        b.iter(|| {
            ctx.begin_path();
            ctx.round_rect(30.0, 380.0, 690.0, 920.0, &[CornerRadius::Circular(24.0)])
                .unwrap();
            ctx.fill(None, FillRule::NonZero);
        });
    });

    // A translucent colour: every covered pixel is blended (the solid
    // painter's lane blend), as shadows and tinted tags are.
    group.bench_function("fill_round_rect_translucent", |b| {
        ctx.set_fill_style_str("rgba(255,106,136,0.8)");
        b.iter(|| {
            ctx.begin_path();
            ctx.round_rect(30.0, 380.0, 690.0, 920.0, &[CornerRadius::Circular(24.0)])
                .unwrap();
            ctx.fill(None, FillRule::NonZero);
        });
    });

    group.bench_function("shadow_blurred_round_rect", |b| {
        ctx.set_fill_style_str("#ffffff");
        ctx.set_shadow_color("rgba(0,0,0,0.25)");
        ctx.set_shadow_blur(24.0);
        ctx.set_shadow_offset_y(8.0);
        b.iter(|| {
            ctx.begin_path();
            ctx.round_rect(30.0, 380.0, 690.0, 920.0, &[CornerRadius::Circular(24.0)])
                .unwrap();
            ctx.fill(None, FillRule::NonZero);
        });
        ctx.set_shadow_color("transparent");
    });

    let photo = photo();
    for quality in ["low", "high"] {
        group.bench_function(format!("draw_image_clipped_{quality}"), |b| {
            ctx.set_image_smoothing_quality(quality);
            b.iter(|| {
                ctx.save();
                ctx.begin_path();
                ctx.round_rect(60.0, 565.0, 310.0, 232.0, &[CornerRadius::Circular(16.0)])
                    .unwrap();
                ctx.clip(None, FillRule::NonZero);
                let src = ImageSource::Image(&photo);
                ctx.draw_image(src, 100.0, 50.0, 900.0, 675.0, 60.0, 565.0, 310.0, 232.0)
                    .unwrap();
                ctx.restore();
            })
        });
    }
    // The header photo: unclipped, whole device pixels (copied, no shader).
    group.bench_function("draw_image_header_unclipped", |b| {
        ctx.set_image_smoothing_quality("high");
        let src = ImageSource::Image(&photo);
        b.iter(|| {
            ctx.draw_image(src, 0.0, 100.0, 1200.0, 672.0, 0.0, 0.0, 750.0, 420.0)
                .unwrap()
        })
    });
    group.finish();
    black_box(ctx.premultiplied_data()[0]);
}

criterion_group!(benches, bench);
criterion_main!(benches);
