//! The legacy context's text through the default backend, the engine's
//! text: what `measureText` answers is what `fillText` draws.

use mpcanvas_canvas::{Context2d, FontLibrary, Limits};
use mpcanvas_platform::{Action, CanvasContext, Platform, Profile, Scope, StyleValue};

use crate::support::{Scratch, config};

/// The bundled fonts only, as on a machine without system fonts.
fn bundled() -> FontLibrary {
    mpcanvas_fonts::bundled_library()
}

/// A WeChat page with a 200×60 CSS px canvas "c" at dpr 2, engine text.
fn page(dir: &std::path::Path) -> (Platform, CanvasContext) {
    let profile = Profile::named("wechat").unwrap();
    let cfg = config(&profile, dir, Default::default()).with_fonts(bundled());
    let mut p = Platform::launch(cfg).unwrap();
    p.declare_canvas(Scope::Page, "c", Some((200.0, 60.0)))
        .unwrap();
    let ctx = p.create_canvas_context("c", Scope::Page).unwrap();
    (p, ctx)
}

/// The bounds `[x0, y0, x1, y1)` of every inked bitmap pixel, and their
/// count.
fn ink(p: &mut Platform) -> Option<([i64; 4], usize)> {
    let c = p.canvases().get(Scope::Page, "c").unwrap().context.clone();
    let c = c.borrow();
    let (w, h) = (c.width() as i64, c.height() as i64);
    let data = c.get_image_data(0, 0, w, h).unwrap();
    let mut b = [i64::MAX, i64::MAX, i64::MIN, i64::MIN];
    let mut n = 0;
    for (i, px) in data.data().chunks_exact(4).enumerate() {
        if px[3] > 0 {
            let (x, y) = (i as i64 % w, i as i64 / w);
            b = [b[0].min(x), b[1].min(y), b[2].max(x + 1), b[3].max(y + 1)];
            n += 1;
        }
    }
    (n > 0).then_some((b, n))
}

#[test]
fn fill_text_inks_the_box_measure_text_and_the_font_size_give() {
    let dir = Scratch::new("legacy-fill-text");
    let (mut p, mut ctx) = page(dir.path());
    ctx.record(Action::SetFontSize(20.0));
    ctx.record(Action::SetTextBaseline("top".into()));
    ctx.record(Action::SetFillStyle(StyleValue::Color("#000".into())));
    let width = p.measure_text(&ctx, "Hello");
    assert!(width > 40.0 && width < 70.0, "{width}");
    ctx.record(Action::FillText {
        text: "Hello".into(),
        x: 10.0,
        y: 10.0,
        max_width: None,
    });
    let outcome = p.draw(&mut ctx, false);
    assert!(outcome.drawn);
    let ([x0, y0, x1, y1], n) = ink(&mut p).expect("text drew ink");
    // CSS px × dpr 2; a px of slack for anti-aliasing and side bearings.
    assert!(n > 200, "{n} px inked");
    assert!((18..=26).contains(&x0), "left {x0}");
    assert!(x1 <= ((10.0 + width + 1.0) * 2.0) as i64, "right {x1}");
    assert!(x1 >= ((10.0 + width - 4.0) * 2.0) as i64, "right {x1}");
    // `top` is the em box's top, a little above the tallest letters.
    assert!((16..=30).contains(&y0), "top {y0}");
    assert!(y1 <= (10 + 20 + 2) * 2, "bottom {y1}");
}

#[test]
fn text_align_right_ends_the_ink_at_x() {
    let dir = Scratch::new("legacy-align-text");
    let (mut p, mut ctx) = page(dir.path());
    ctx.record(Action::SetFont("16px sans-serif".into()));
    ctx.record(Action::SetTextAlign("right".into()));
    ctx.record(Action::StrokeText {
        text: "Rim".into(),
        x: 150.0,
        y: 40.0,
        max_width: None,
    });
    let width = p.measure_text(&ctx, "Rim");
    p.draw(&mut ctx, false);
    let ([x0, _, x1, y1], _) = ink(&mut p).expect("stroked text drew ink");
    assert!(x1 <= 150 * 2 + 2, "right {x1}");
    assert!(x0 >= ((150.0 - width - 1.0) * 2.0) as i64, "left {x0}");
    // Alphabetic baseline, no descenders: nothing below y but the pen.
    assert!(y1 <= 40 * 2 + 2, "bottom {y1}");
}

#[test]
fn measure_text_is_the_engine_width_in_the_recorded_font() {
    let dir = Scratch::new("legacy-measure-text");
    let (mut p, mut ctx) = page(dir.path());
    ctx.record(Action::SetFont("bold 18px sans-serif".into()));
    let text = "Canvas 画布";
    let measured = p.measure_text(&ctx, text);
    let mut engine = Context2d::with_fonts(1, 1, Limits::default(), p.fonts().clone()).unwrap();
    engine.set_font("bold 18px sans-serif");
    assert_eq!(measured, engine.measure_text(text).width);
    assert!(measured > 0.0);
    // setFontSize keeps the weight and scales the width.
    ctx.record(Action::SetFontSize(36.0));
    let doubled = p.measure_text(&ctx, text);
    assert!(
        (doubled / measured - 2.0).abs() < 0.05,
        "{measured} → {doubled}"
    );
}

#[test]
fn an_unparsable_font_leaves_text_undrawn_with_a_warning() {
    let dir = Scratch::new("legacy-bad-font");
    let (mut p, mut ctx) = page(dir.path());
    // No size: not a font even with a family added.
    ctx.record(Action::SetFont("bold".into()));
    ctx.record(Action::FillText {
        text: "x".into(),
        x: 10.0,
        y: 30.0,
        max_width: None,
    });
    let outcome = p.draw(&mut ctx, false);
    assert!(ink(&mut p).is_none());
    assert!(
        outcome
            .warnings
            .iter()
            .any(|w| w.contains("not a CSS font")),
        "{:?}",
        outcome.warnings
    );
}
