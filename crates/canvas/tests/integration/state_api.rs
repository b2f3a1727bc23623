//! Attribute setters and getters, save/restore and transforms.

use mpcanvas_canvas::{Affine, CompositeOp, Context2d, Limits, SmoothingQuality};

use crate::support::canvas;

#[test]
fn invalid_line_widths_are_ignored() {
    let mut ctx = canvas(10, 10);
    ctx.set_line_width(3.0);
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        ctx.set_line_width(bad);
        assert_eq!(ctx.line_width(), 3.0);
    }
}

#[test]
fn invalid_miter_limits_and_dash_offsets_are_ignored() {
    let mut ctx = canvas(10, 10);
    ctx.set_miter_limit(4.0);
    ctx.set_miter_limit(0.0);
    ctx.set_miter_limit(f64::NAN);
    assert_eq!(ctx.miter_limit(), 4.0);
    ctx.set_line_dash_offset(2.5);
    ctx.set_line_dash_offset(f64::INFINITY);
    assert_eq!(ctx.line_dash_offset(), 2.5);
}

#[test]
fn global_alpha_outside_unit_range_is_ignored() {
    let mut ctx = canvas(10, 10);
    ctx.set_global_alpha(0.25);
    for bad in [-0.1, 1.5, f64::NAN] {
        ctx.set_global_alpha(bad);
        assert_eq!(ctx.global_alpha(), 0.25);
    }
}

#[test]
fn unknown_enum_strings_keep_the_old_value() {
    let mut ctx = canvas(10, 10);
    ctx.set_line_cap("round");
    ctx.set_line_cap("ROUND");
    assert_eq!(ctx.line_cap().as_str(), "round");
    ctx.set_line_join("bevel");
    ctx.set_line_join("sharp");
    assert_eq!(ctx.line_join().as_str(), "bevel");
    ctx.set_global_composite_operation("xor");
    ctx.set_global_composite_operation("plus");
    assert_eq!(ctx.global_composite_operation(), CompositeOp::Xor);
    ctx.set_image_smoothing_quality("high");
    ctx.set_image_smoothing_quality("best");
    assert_eq!(ctx.image_smoothing_quality(), SmoothingQuality::High);
}

#[test]
fn shadow_settings_validate_like_the_spec() {
    let mut ctx = canvas(10, 10);
    ctx.set_shadow_blur(4.0);
    ctx.set_shadow_blur(-1.0);
    ctx.set_shadow_blur(f64::NAN);
    assert_eq!(ctx.shadow_blur(), 4.0);
    ctx.set_shadow_offset_x(3.0);
    ctx.set_shadow_offset_x(f64::INFINITY);
    assert_eq!(ctx.shadow_offset_x(), 3.0);
    ctx.set_shadow_offset_y(-2.0);
    assert_eq!(ctx.shadow_offset_y(), -2.0);
    assert!(!ctx.set_shadow_color("not a colour"));
}

#[test]
fn save_and_restore_round_trip_every_setting() {
    let mut ctx = canvas(10, 10);
    ctx.save();
    ctx.set_line_width(7.0);
    ctx.set_global_alpha(0.5);
    ctx.translate(3.0, 4.0);
    ctx.set_line_dash(&[1.0, 2.0]);
    ctx.set_global_composite_operation("multiply");
    ctx.set_image_smoothing_enabled(false);
    ctx.restore();
    assert_eq!(ctx.line_width(), 1.0);
    assert_eq!(ctx.global_alpha(), 1.0);
    assert_eq!(ctx.get_transform(), Affine::IDENTITY);
    assert!(ctx.line_dash().is_empty());
    assert_eq!(ctx.global_composite_operation(), CompositeOp::SourceOver);
    assert!(ctx.image_smoothing_enabled());
}

#[test]
fn restore_on_an_empty_stack_does_nothing() {
    let mut ctx = canvas(10, 10);
    ctx.set_line_width(5.0);
    ctx.restore();
    assert_eq!(ctx.line_width(), 5.0);
}

#[test]
fn transforms_compose_in_call_order() {
    let mut ctx = canvas(10, 10);
    ctx.translate(10.0, 20.0);
    ctx.scale(2.0, 3.0);
    let p = ctx.get_transform() * kurbo::Point::new(1.0, 1.0);
    assert_eq!((p.x, p.y), (12.0, 23.0));
    ctx.rotate(f64::NAN);
    ctx.scale(f64::INFINITY, 1.0);
    ctx.transform(1.0, 0.0, 0.0, f64::NAN, 0.0, 0.0);
    assert_eq!(
        ctx.get_transform().as_coeffs(),
        [2.0, 0.0, 0.0, 3.0, 10.0, 20.0]
    );
    ctx.set_transform(Affine::new([1.0, 0.0, 0.0, 1.0, f64::NAN, 0.0]));
    assert_eq!(
        ctx.get_transform().as_coeffs(),
        [2.0, 0.0, 0.0, 3.0, 10.0, 20.0]
    );
    ctx.reset_transform();
    assert_eq!(ctx.get_transform(), Affine::IDENTITY);
}

#[test]
fn resizing_clears_pixels_and_state() {
    let mut ctx = canvas(4, 4);
    ctx.set_fill_style_str("red");
    ctx.fill_rect(0.0, 0.0, 4.0, 4.0);
    ctx.set_line_width(9.0);
    ctx.save();
    ctx.set_size(4, 4).unwrap();
    assert_eq!(
        ctx.get_image_data(0, 0, 1, 1).unwrap().data(),
        &[0, 0, 0, 0]
    );
    assert_eq!(ctx.line_width(), 1.0);
    ctx.set_line_width(2.0);
    ctx.restore();
    assert_eq!(
        ctx.line_width(),
        2.0,
        "the save stack was emptied by the resize"
    );
}

#[test]
fn canvases_over_the_budget_are_refused() {
    let limits = Limits {
        max_side: 100,
        max_pixels: 1000,
        budget: None,
    };
    assert!(Context2d::new(101, 1, limits.clone()).is_err());
    assert!(Context2d::new(40, 40, limits.clone()).is_err());
    let mut ok = Context2d::new(10, 10, limits.clone()).unwrap();
    assert!(ok.set_size(1000, 1000).is_err());
    assert_eq!(
        (ok.width(), ok.height()),
        (10, 10),
        "a refused resize keeps the old bitmap"
    );
}

#[test]
fn zero_size_canvases_draw_nothing_and_read_transparent() {
    let mut ctx = canvas(0, 10);
    ctx.set_fill_style_str("red");
    ctx.fill_rect(0.0, 0.0, 10.0, 10.0);
    ctx.clear_rect(0.0, 0.0, 1.0, 1.0);
    assert!(ctx.premultiplied_data().is_empty());
    assert!(ctx.snapshot().is_none());
    assert_eq!(
        ctx.get_image_data(0, 0, 1, 1).unwrap().data(),
        &[0, 0, 0, 0]
    );
}

#[test]
fn reset_clears_everything() {
    let mut ctx = canvas(2, 2);
    ctx.set_fill_style_str("red");
    ctx.fill_rect(0.0, 0.0, 2.0, 2.0);
    ctx.translate(5.0, 5.0);
    ctx.reset();
    assert_eq!(ctx.get_transform(), Affine::IDENTITY);
    assert!(ctx.premultiplied_data().iter().all(|b| *b == 0));
}
