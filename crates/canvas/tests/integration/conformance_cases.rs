//! The shared conformance cases 01–08 and 10, call for call in Rust, against
//! the Chromium references in `conformance/ref/`. Case 09 (text) lands with
//! the text engine.

use std::f64::consts::PI;

use mpcanvas_canvas::{CanvasGradient, FillRule, ImageSource, Path2D, Repetition, Style};

use crate::support::{asset, canvas, check_case};

#[test]
fn case_01_rects_colors() {
    check_case("01-rects-colors", |ctx| {
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, 200.0, 150.0);
        let colours = [
            "#f00",
            "#00ff00",
            "rgb(0, 0, 255)",
            "rgba(255, 128, 0, 0.5)",
            "hsl(300, 100%, 25%)",
            "hsla(180, 50%, 50%, 0.75)",
            "rebeccapurple",
            "transparent",
            "#12345680",
            "rgb(10 20 30 / 40%)",
        ];
        for (i, c) in colours.iter().enumerate() {
            assert!(ctx.set_fill_style_str(c), "{c} parses");
            ctx.fill_rect(
                10.0 + (i % 5) as f64 * 38.0,
                10.0 + (i / 5) as f64 * 38.0,
                30.0,
                30.0,
            );
        }
        ctx.set_stroke_style_str("black");
        ctx.set_line_width(2.0);
        ctx.stroke_rect(10.0, 90.0, 40.0, 40.0);
        ctx.set_line_width(1.0);
        ctx.stroke_rect(60.5, 90.5, 40.0, 40.0);
        ctx.set_fill_style_str("navy");
        ctx.fill_rect(110.0, 90.0, 80.0, 50.0);
        ctx.clear_rect(130.0, 100.0, 20.0, 20.0);
        ctx.set_global_alpha(0.5);
        ctx.set_fill_style_str("yellow");
        ctx.fill_rect(160.0, 95.0, 30.0, 30.0);
        ctx.set_global_alpha(1.0);
        ctx.fill_rect(-10.0, 140.0, 30.0, 30.0);
        ctx.fill_rect(190.0, 140.0, 5.0, -5.0);
    });
}

fn star(ctx: &mut mpcanvas_canvas::Context2d, cx: f64, cy: f64, r: f64) {
    ctx.begin_path();
    for i in 0..5 {
        let a = -PI / 2.0 + i as f64 * 4.0 * PI / 5.0;
        let (x, y) = (cx + r * a.cos(), cy + r * a.sin());
        if i == 0 {
            ctx.move_to(x, y)
        } else {
            ctx.line_to(x, y)
        }
    }
    ctx.close_path();
}

#[test]
fn case_02_paths_curves() {
    check_case("02-paths-curves", |ctx| {
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, 240.0, 160.0);
        ctx.set_line_width(3.0);
        ctx.set_stroke_style_str("#c00");
        ctx.begin_path();
        ctx.arc(35.0, 35.0, 25.0, 0.0, PI * 1.5, false).unwrap();
        ctx.stroke(None);
        ctx.set_stroke_style_str("#06c");
        ctx.begin_path();
        ctx.arc(35.0, 35.0, 15.0, 0.0, PI * 1.5, true).unwrap();
        ctx.stroke(None);
        ctx.set_stroke_style_str("#080");
        ctx.begin_path();
        ctx.move_to(70.0, 10.0);
        ctx.arc_to(130.0, 10.0, 130.0, 60.0, 25.0).unwrap();
        ctx.line_to(130.0, 60.0);
        ctx.stroke(None);
        ctx.set_fill_style_str("rgba(200, 0, 200, 0.6)");
        ctx.begin_path();
        ctx.ellipse(190.0, 35.0, 40.0, 18.0, PI / 6.0, 0.0, PI * 2.0, false)
            .unwrap();
        ctx.fill(None, FillRule::NonZero);
        ctx.set_stroke_style_str("#333");
        ctx.begin_path();
        ctx.move_to(10.0, 110.0);
        ctx.quadratic_curve_to(40.0, 60.0, 70.0, 110.0);
        ctx.stroke(None);
        ctx.begin_path();
        ctx.move_to(80.0, 110.0);
        ctx.bezier_curve_to(90.0, 60.0, 130.0, 160.0, 140.0, 80.0);
        ctx.stroke(None);
        ctx.set_fill_style_str("#f90");
        star(ctx, 170.0, 115.0, 35.0);
        ctx.fill(None, FillRule::NonZero);
        star(ctx, 215.0, 115.0, 20.0);
        ctx.fill(None, FillRule::EvenOdd);
        let p = Path2D::from_svg("M10 150 L40 125 L70 150 Z");
        ctx.set_fill_style_str("#0a0");
        ctx.fill(Some(&p), FillRule::NonZero);
    });
}

#[test]
fn case_03_gradients() {
    check_case("03-gradients", |ctx| {
        let lg = CanvasGradient::linear(10.0, 0.0, 110.0, 0.0).unwrap();
        lg.add_color_stop(0.0, "red").unwrap();
        lg.add_color_stop(0.5, "yellow").unwrap();
        lg.add_color_stop(0.5, "blue").unwrap();
        lg.add_color_stop(1.0, "rgba(0, 0, 255, 0)").unwrap();
        ctx.set_fill_style(Style::Gradient(lg));
        ctx.fill_rect(0.0, 0.0, 120.0, 70.0);

        let rg = CanvasGradient::radial(170.0, 40.0, 5.0, 185.0, 45.0, 45.0).unwrap();
        rg.add_color_stop(0.0, "#fff").unwrap();
        rg.add_color_stop(0.3, "#0c8").unwrap();
        rg.add_color_stop(1.0, "#024").unwrap();
        ctx.set_fill_style(Style::Gradient(rg));
        ctx.fill_rect(125.0, 0.0, 115.0, 80.0);

        let dg = CanvasGradient::linear(0.0, 90.0, 0.0, 160.0).unwrap();
        let stops = [
            "#000", "#f00", "#ff0", "#0f0", "#0ff", "#00f", "#f0f", "#fff",
        ];
        for (i, c) in stops.iter().enumerate() {
            dg.add_color_stop(i as f64 / (stops.len() - 1) as f64, c)
                .unwrap();
        }
        ctx.set_fill_style(Style::Gradient(dg));
        ctx.fill_rect(0.0, 85.0, 60.0, 75.0);

        let sg = CanvasGradient::linear(80.0, 90.0, 230.0, 150.0).unwrap();
        sg.add_color_stop(0.0, "purple").unwrap();
        sg.add_color_stop(1.0, "orange").unwrap();
        ctx.set_stroke_style(Style::Gradient(sg));
        ctx.set_line_width(12.0);
        ctx.stroke_rect(90.0, 100.0, 130.0, 45.0);
    });
}

#[test]
fn case_04_transforms() {
    check_case("04-transforms", |ctx| {
        ctx.set_fill_style_str("#eee");
        ctx.fill_rect(0.0, 0.0, 200.0, 200.0);
        ctx.save();
        ctx.translate(100.0, 100.0);
        for i in 0..12 {
            ctx.save();
            ctx.rotate(i as f64 * PI / 6.0);
            ctx.scale(1.0, 0.5 + i as f64 / 24.0);
            ctx.set_fill_style_str(&format!("hsl({}, 80%, 45%)", i * 30));
            ctx.fill_rect(30.0, -6.0, 55.0, 12.0);
            ctx.restore();
        }
        ctx.restore();
        ctx.transform(1.0, 0.3, -0.2, 1.0, 20.0, 10.0);
        ctx.set_stroke_style_str("#000");
        ctx.set_line_width(2.0);
        ctx.stroke_rect(5.0, 5.0, 40.0, 30.0);
        ctx.set_transform(mpcanvas_canvas::Affine::new([
            2.0, 0.0, 0.0, 2.0, 140.0, 150.0,
        ]));
        ctx.set_fill_style_str("rgba(0, 0, 0, 0.5)");
        ctx.fill_rect(0.0, 0.0, 20.0, 15.0);
        ctx.reset_transform();
        ctx.set_fill_style_str("#c00");
        ctx.fill_rect(0.0, 190.0, 10.0, 10.0);
        let m = ctx.get_transform().as_coeffs();
        if m[0] == 1.0 && m[4] == 0.0 {
            ctx.fill_rect(190.0, 190.0, 10.0, 10.0);
        }
    });
}

#[test]
fn case_05_clip() {
    check_case("05-clip", |ctx| {
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, 200.0, 150.0);
        ctx.save();
        ctx.begin_path();
        ctx.arc(60.0, 75.0, 55.0, 0.0, PI * 2.0, false).unwrap();
        ctx.clip(None, FillRule::NonZero);
        for y in (0..150).step_by(10) {
            ctx.set_fill_style_str(if (y / 10) % 2 == 1 { "#036" } else { "#6cf" });
            ctx.fill_rect(0.0, y as f64, 200.0, 10.0);
        }
        ctx.save();
        ctx.translate(60.0, 75.0);
        ctx.rotate(PI / 4.0);
        ctx.begin_path();
        ctx.rect(-30.0, -30.0, 60.0, 60.0);
        ctx.clip(None, FillRule::NonZero);
        ctx.set_fill_style_str("rgba(255, 200, 0, 0.8)");
        ctx.fill_rect(-100.0, -100.0, 200.0, 200.0);
        ctx.restore();
        ctx.restore();
        ctx.save();
        ctx.begin_path();
        ctx.arc(155.0, 75.0, 40.0, 0.0, PI * 2.0, false).unwrap();
        ctx.arc(155.0, 75.0, 20.0, 0.0, PI * 2.0, false).unwrap();
        ctx.clip(None, FillRule::EvenOdd);
        ctx.set_fill_style_str("#c03");
        ctx.fill_rect(100.0, 0.0, 100.0, 150.0);
        ctx.restore();
        ctx.set_fill_style_str("#000");
        ctx.fill_rect(0.0, 140.0, 200.0, 10.0);
    });
}

#[test]
fn case_06_composite() {
    check_case("06-composite", |ctx| {
        let modes = [
            "source-over",
            "source-in",
            "source-out",
            "source-atop",
            "destination-over",
            "destination-in",
            "destination-out",
            "destination-atop",
            "lighter",
            "copy",
            "xor",
            "multiply",
            "screen",
            "overlay",
            "darken",
            "lighten",
        ];
        let (cw, ch) = (80.0, 40.0);
        for (i, mode) in modes.iter().enumerate() {
            let mut c = canvas(80, 40);
            c.set_fill_style_str("rgba(0, 90, 255, 0.8)");
            c.fill_rect(5.0, 5.0, 40.0, 25.0);
            c.set_global_composite_operation(mode);
            assert_eq!(c.global_composite_operation().as_str(), *mode);
            c.set_fill_style_str("rgba(255, 40, 0, 0.7)");
            c.fill_rect(25.0, 12.0, 45.0, 24.0);
            ctx.draw_image_at(
                ImageSource::Canvas(&c),
                (i % 4) as f64 * cw,
                (i / 4) as f64 * ch,
            )
            .unwrap();
        }
    });
}

#[test]
fn case_07_line_styles() {
    check_case("07-line-styles", |ctx| {
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, 240.0, 180.0);
        ctx.set_stroke_style_str("#124");
        for (i, cap) in ["butt", "round", "square"].iter().enumerate() {
            ctx.set_line_width(10.0);
            ctx.set_line_cap(cap);
            ctx.begin_path();
            ctx.move_to(20.0, 15.0 + i as f64 * 20.0);
            ctx.line_to(100.0, 15.0 + i as f64 * 20.0);
            ctx.stroke(None);
        }
        ctx.set_line_cap("butt");
        for (i, join) in ["miter", "round", "bevel"].iter().enumerate() {
            let x = i as f64 * 38.0;
            ctx.set_line_join(join);
            ctx.set_line_width(9.0);
            ctx.begin_path();
            ctx.move_to(125.0 + x, 60.0);
            ctx.line_to(140.0 + x, 15.0);
            ctx.line_to(155.0 + x, 60.0);
            ctx.stroke(None);
        }
        ctx.set_line_join("miter");
        ctx.set_miter_limit(2.0);
        ctx.begin_path();
        ctx.move_to(20.0, 110.0);
        ctx.line_to(60.0, 80.0);
        ctx.line_to(100.0, 110.0);
        ctx.stroke(None);
        ctx.set_miter_limit(10.0);
        ctx.set_line_width(4.0);
        ctx.set_stroke_style_str("#c40");
        ctx.set_line_dash(&[12.0, 6.0, 3.0, 6.0]);
        ctx.begin_path();
        ctx.move_to(120.0, 90.0);
        ctx.line_to(230.0, 90.0);
        ctx.stroke(None);
        ctx.set_line_dash_offset(7.0);
        ctx.begin_path();
        ctx.move_to(120.0, 105.0);
        ctx.line_to(230.0, 105.0);
        ctx.stroke(None);
        ctx.set_line_dash(&[5.0, 5.0, 1.0]);
        assert_eq!(ctx.line_dash(), [5.0, 5.0, 1.0, 5.0, 5.0, 1.0]);
        ctx.set_line_dash_offset(0.0);
        ctx.set_line_width(3.0);
        ctx.begin_path();
        ctx.arc(60.0, 145.0, 28.0, 0.0, PI * 2.0, false).unwrap();
        ctx.stroke(None);
        ctx.set_line_dash(&[]);
        ctx.set_line_width(0.5);
        ctx.set_stroke_style_str("#000");
        ctx.begin_path();
        ctx.move_to(110.0, 130.0);
        ctx.line_to(230.0, 170.0);
        ctx.stroke(None);
        assert!(ctx.line_dash().is_empty());
    });
}

#[test]
fn case_08_shadows() {
    check_case("08-shadows", |ctx| {
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, 240.0, 160.0);
        ctx.set_shadow_color("rgba(0, 0, 0, 0.6)");
        ctx.set_shadow_offset_x(6.0);
        ctx.set_shadow_offset_y(6.0);
        ctx.set_shadow_blur(0.0);
        ctx.set_fill_style_str("#4a8");
        ctx.fill_rect(15.0, 15.0, 50.0, 40.0);
        ctx.set_shadow_blur(10.0);
        ctx.set_fill_style_str("#48a");
        ctx.fill_rect(95.0, 15.0, 50.0, 40.0);
        ctx.set_shadow_color("#f00");
        ctx.set_shadow_offset_x(0.0);
        ctx.set_shadow_offset_y(0.0);
        ctx.set_shadow_blur(16.0);
        ctx.set_stroke_style_str("#000");
        ctx.set_line_width(4.0);
        ctx.begin_path();
        ctx.arc(195.0, 40.0, 22.0, 0.0, PI * 2.0, false).unwrap();
        ctx.stroke(None);
        ctx.set_shadow_color("rgba(0, 0, 255, 0.8)");
        ctx.set_shadow_offset_x(-8.0);
        ctx.set_shadow_offset_y(10.0);
        ctx.set_shadow_blur(4.0);
        ctx.set_fill_style_str("rgba(255, 160, 0, 0.5)");
        ctx.begin_path();
        ctx.move_to(30.0, 90.0);
        ctx.line_to(90.0, 90.0);
        ctx.line_to(60.0, 145.0);
        ctx.close_path();
        ctx.fill(None, FillRule::NonZero);
        ctx.set_shadow_color("rgba(0, 0, 0, 0)");
        ctx.set_fill_style_str("#888");
        ctx.fill_rect(120.0, 95.0, 40.0, 40.0);
        ctx.save();
        ctx.set_shadow_color("rgba(0, 0, 0, 0.7)");
        ctx.set_shadow_offset_x(5.0);
        ctx.set_shadow_offset_y(5.0);
        ctx.set_shadow_blur(3.0);
        ctx.scale(2.0, 2.0);
        ctx.set_fill_style_str("#fc0");
        ctx.fill_rect(90.0, 48.0, 18.0, 18.0);
        ctx.restore();
    });
}

#[test]
fn case_10_images_pixels() {
    check_case("10-images-pixels", |ctx| {
        let img = asset("blocks16.png");
        let src = ImageSource::Image(&img);
        ctx.set_fill_style_str("#ddd");
        ctx.fill_rect(0.0, 0.0, 240.0, 160.0);
        ctx.draw_image_at(src, 4.0, 4.0).unwrap();
        ctx.set_image_smoothing_enabled(false);
        ctx.draw_image_scaled(src, 24.0, 4.0, 64.0, 64.0).unwrap();
        ctx.set_image_smoothing_enabled(true);
        ctx.draw_image(src, 4.0, 4.0, 8.0, 8.0, 92.0, 4.0, 64.0, 64.0)
            .unwrap();
        ctx.draw_image_scaled(src, 160.0, 4.0, 6.0, 6.0).unwrap();
        let pat = ctx.create_pattern(src, Repetition::Repeat).unwrap();
        ctx.set_fill_style(Style::Pattern(pat));
        ctx.save();
        ctx.translate(3.0, 5.0);
        ctx.fill_rect(167.0, 0.0, 67.0, 60.0);
        ctx.restore();
        let mut id = ctx.get_image_data(24, 4, 32, 32).unwrap();
        for px in id.data_mut().chunks_exact_mut(4) {
            px[0] = 255 - px[0];
            px[1] = 255 - px[1];
            px[2] = 255 - px[2];
        }
        ctx.set_global_alpha(0.2);
        ctx.put_image_data(&id, 4, 80, None);
        ctx.put_image_data(&id, 40, 80, Some((8, 8, 16, 16)));
        ctx.set_global_alpha(1.0);
        let mut made = ctx.create_image_data(20, 20).unwrap();
        for y in 0..20u32 {
            for x in 0..20u32 {
                let o = ((y * 20 + x) * 4) as usize;
                made.data_mut()[o..o + 4].copy_from_slice(&[
                    (x * 12) as u8,
                    (y * 12) as u8,
                    200,
                    (128 + x * 6) as u8,
                ]);
            }
        }
        ctx.put_image_data(&made, 80, 80, None);
        let mut off = canvas(30, 30);
        off.set_fill_style_str("rgba(0, 128, 0, 0.5)");
        off.begin_path();
        off.arc(15.0, 15.0, 14.0, 0.0, PI * 2.0, false).unwrap();
        off.fill(None, FillRule::NonZero);
        ctx.draw_image_scaled(ImageSource::Canvas(&off), 110.0, 80.0, 60.0, 60.0)
            .unwrap();
        let round_trip = ctx.get_image_data(110, 80, 60, 60).unwrap();
        ctx.put_image_data(&round_trip, 175, 80, None);
    });
}
