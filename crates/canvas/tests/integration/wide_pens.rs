//! Pens far wider than the canvas: narrowed before stroking, with the
//! pixels of a pen just wide enough to cover the canvas.

use mpcanvas_canvas::Context2d;

use crate::support::{canvas, pixels};

/// Strokes `draw`'s path on a 40 × 40 canvas with pen `width`.
fn stroked(width: f64, cap: &str, draw: impl Fn(&mut Context2d)) -> Vec<u8> {
    let mut ctx = canvas(40, 40);
    ctx.set_stroke_style_str("#0a6");
    ctx.set_line_width(width);
    ctx.set_line_cap(cap);
    ctx.begin_path();
    draw(&mut ctx);
    ctx.stroke(None);
    pixels(&ctx).data
}

#[test]
fn a_pen_wider_than_the_canvas_needs_draws_what_a_just_wide_enough_pen_draws() {
    // 150 px already reaches past every corner from any point of these
    // paths (the canvas's diagonal is 57 px), so 1e9 must draw the same
    // pixels: bands that end at butt caps, a miter's wedge, square caps.
    let polyline = |ctx: &mut Context2d| {
        ctx.move_to(12.0, 30.0);
        ctx.line_to(20.0, 12.0);
        ctx.line_to(30.0, 28.0);
    };
    let segment = |ctx: &mut Context2d| {
        ctx.move_to(14.0, 20.0);
        ctx.line_to(26.0, 21.0);
    };
    for (cap, draw) in [
        ("butt", &polyline as &dyn Fn(&mut Context2d)),
        ("butt", &segment),
        ("square", &segment),
    ] {
        let near = stroked(150.0, cap, draw);
        let far = stroked(1e9, cap, draw);
        // The same coverage, up to the f32 rounding of edges whose end
        // points lie ±width/2 away: a butt cap's edge moved by a hair, so
        // at most the pixels of one line across the canvas differ.
        let differing = near
            .chunks(4)
            .zip(far.chunks(4))
            .filter(|(a, b)| a != b)
            .count();
        let most = near.iter().zip(&far).map(|(a, b)| a.abs_diff(*b)).max();
        assert!(
            differing <= 40 && most <= Some(16),
            "{cap} cap: {differing} px differ, by up to {most:?}"
        );
        // The butt-capped band leaves the canvas beyond its ends unpainted.
        if cap == "butt" {
            assert!(near.chunks(4).any(|p| p[3] == 0), "{cap} cap");
        }
    }
}

#[test]
fn arcs_stroked_a_billion_pixels_wide_cover_the_canvas() {
    // A hundred arcs in one subpath at lineWidth 1e9 used to take the
    // stroker about a minute and gigabytes in one uninterruptible call.
    let painted = stroked(1e9, "round", |ctx| {
        for i in 0..100 {
            let r = 5.0 + f64::from(i % 10);
            ctx.arc(20.0, 20.0, r, f64::from(i), f64::from(i) + 2.0, i % 2 == 1)
                .unwrap();
        }
    });
    assert!(
        painted.chunks(4).all(|p| p == [0, 0xaa, 0x66, 255]),
        "every pixel is the pen's colour"
    );
}
