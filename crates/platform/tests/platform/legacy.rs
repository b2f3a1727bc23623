//! PL §8: the legacy context recorder, `draw(reserve)` replay semantics,
//! path-string images, gradients, text through the backend trait, and the
//! pixel APIs.

use std::cell::RefCell;
use std::rc::Rc;

use mpcanvas_canvas::Context2d;
use mpcanvas_platform::{
    Action, CanvasContext, ImageRect, JsValue, Platform, Profile, Scope, ScriptedUser, StyleValue,
    TextBackend,
};
use serde_json::{Value, json};

use crate::support::{Scratch, config, launch, png, server};

fn color(c: &str) -> StyleValue {
    StyleValue::Color(c.into())
}

/// A WeChat page with a 100×50 CSS px canvas "c" at dpr 2.
fn page(dir: &std::path::Path, profile: &str) -> (Platform, CanvasContext) {
    let mut p = launch(
        &Profile::named(profile).unwrap(),
        dir,
        ScriptedUser::default(),
    );
    p.declare_canvas(Scope::Page, "c", Some((100.0, 50.0)))
        .unwrap();
    let ctx = p.create_canvas_context("c", Scope::Page).unwrap();
    (p, ctx)
}

/// The RGBA of CSS pixel (x, y) (its top-left bitmap pixel at dpr 2),
/// read straight from the canvas (not every profile has the pixel APIs).
fn pixel(p: &mut Platform, x: f64, y: f64) -> [u8; 4] {
    let c = p.canvases().get(Scope::Page, "c").unwrap().context.clone();
    let d = c
        .borrow()
        .get_image_data((x * 2.0) as i64, (y * 2.0) as i64, 1, 1)
        .unwrap();
    [d.data()[0], d.data()[1], d.data()[2], d.data()[3]]
}

#[test]
fn draw_reserve_keeps_pixels_but_every_replay_starts_from_default_state() {
    let dir = Scratch::new("reserve");
    let (mut p, mut ctx) = page(dir.path(), "wechat");
    // WeChat's own example: the second rect comes out black.
    ctx.record(Action::SetFillStyle(color("red")));
    ctx.record(Action::FillRect(0.0, 0.0, 10.0, 10.0));
    assert!(p.draw(&mut ctx, false).drawn);
    ctx.record(Action::FillRect(20.0, 0.0, 10.0, 10.0));
    p.draw(&mut ctx, true);
    assert_eq!(pixel(&mut p, 5.0, 5.0), [255, 0, 0, 255]);
    assert_eq!(pixel(&mut p, 25.0, 5.0), [0, 0, 0, 255]);
    // Unbalanced save() in one replay does not leak into the next.
    ctx.record(Action::Save);
    ctx.record(Action::Translate(40.0, 0.0));
    ctx.record(Action::SetFillStyle(color("blue")));
    p.draw(&mut ctx, true);
    ctx.record(Action::FillRect(60.0, 0.0, 5.0, 5.0));
    p.draw(&mut ctx, true);
    assert_eq!(
        pixel(&mut p, 61.0, 1.0),
        [0, 0, 0, 255],
        "no translate, no blue"
    );
    // reserve = false clears.
    ctx.record(Action::FillRect(90.0, 40.0, 5.0, 5.0));
    p.draw(&mut ctx, false);
    assert_eq!(pixel(&mut p, 5.0, 5.0), [0, 0, 0, 0]);
    assert_eq!(pixel(&mut p, 91.0, 41.0), [0, 0, 0, 255]);
}

#[test]
fn coordinates_are_css_px_and_set_transform_replaces_the_css_matrix() {
    let dir = Scratch::new("css");
    let (mut p, mut ctx) = page(dir.path(), "wechat");
    ctx.record(Action::Scale(3.0, 3.0));
    ctx.record(Action::SetTransform([1.0, 0.0, 0.0, 1.0, 50.0, 0.0]));
    ctx.record(Action::FillRect(0.0, 0.0, 5.0, 5.0));
    p.draw(&mut ctx, false);
    let r = p
        .canvas_get_image_data(
            &JsValue::object([
                ("canvasId", JsValue::from("c")),
                ("x", 49.0.into()),
                ("y", 0.0.into()),
                ("width", 7.0.into()),
                ("height", 1.0.into()),
            ]),
            Scope::Page,
        )
        .unwrap();
    // 7 CSS px read as 14 bitmap px: transparent 2, black 10, transparent 2.
    assert_eq!((r.width, r.height), (14, 2));
    let alpha: Vec<u8> = r.data.chunks(4).take(14).map(|px| px[3]).collect();
    assert_eq!(
        alpha,
        [0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0]
    );
}

#[test]
fn circular_gradients_and_shadows_replay() {
    let dir = Scratch::new("gradient");
    let (mut p, mut ctx) = page(dir.path(), "wechat");
    let g = ctx.create_circular_gradient(50.0, 25.0, 20.0).unwrap();
    g.add_color_stop(0.0, "red").unwrap();
    g.add_color_stop(1.0, "blue").unwrap();
    ctx.record(Action::SetFillStyle(StyleValue::Gradient(g)));
    ctx.record(Action::FillRect(0.0, 0.0, 100.0, 50.0));
    p.draw(&mut ctx, false);
    let centre = pixel(&mut p, 50.0, 25.0);
    assert!(centre[0] > 240 && centre[2] < 20, "{centre:?}");
    let edge = pixel(&mut p, 0.0, 0.0);
    assert!(edge[2] > 240 && edge[0] < 20, "{edge:?}");
    assert!(ctx.create_circular_gradient(f64::NAN, 0.0, 1.0).is_none());
}

#[test]
fn text_baseline_normal_means_alphabetic() {
    let dir = Scratch::new("baseline");
    let (mut p, mut ctx) = page(dir.path(), "wechat");
    ctx.record(Action::SetTextBaseline("top".into()));
    ctx.record(Action::SetTextBaseline("normal".into()));
    p.draw(&mut ctx, false);
    let canvas = p.canvases().get(Scope::Page, "c").unwrap().context.clone();
    assert_eq!(
        canvas.borrow().text_baseline(),
        mpcanvas_canvas::TextBaseline::Alphabetic
    );
}

/// A text backend that records what it was asked.
#[derive(Default, Clone)]
struct Recording(Rc<RefCell<Vec<String>>>);

impl TextBackend for Recording {
    fn draw_text(
        &mut self,
        _: &mut Context2d,
        font: &str,
        text: &str,
        _: f64,
        _: f64,
        _: Option<f64>,
        stroke: bool,
    ) -> Result<(), String> {
        self.0.borrow_mut().push(format!(
            "{}|{font}|{text}",
            if stroke { "stroke" } else { "fill" }
        ));
        Ok(())
    }

    fn measure(&mut self, font: &str, text: &str) -> Option<f64> {
        self.0.borrow_mut().push(format!("measure|{font}|{text}"));
        Some(text.len() as f64 * 5.0)
    }
}

#[test]
fn set_font_size_and_measure_text_go_through_the_text_backend() {
    let dir = Scratch::new("text");
    let log = Recording::default();
    let mut p = Platform::launch(
        config(
            &Profile::named("wechat").unwrap(),
            dir.path(),
            ScriptedUser::default(),
        )
        .with_text(log.clone()),
    )
    .unwrap();
    p.declare_canvas(Scope::Page, "c", None).unwrap();
    let mut ctx = p.create_canvas_context("c", Scope::Page).unwrap();
    ctx.record(Action::SetFont("bold 12px serif".into()));
    ctx.record(Action::Save);
    ctx.record(Action::SetFontSize(20.0));
    assert_eq!(p.measure_text(&ctx, "abcd"), 20.0);
    ctx.record(Action::FillText {
        text: "hi".into(),
        x: 1.0,
        y: 2.0,
        max_width: None,
    });
    ctx.record(Action::Restore);
    ctx.record(Action::StrokeText {
        text: "yo".into(),
        x: 1.0,
        y: 2.0,
        max_width: Some(5.0),
    });
    p.draw(&mut ctx, false);
    // The next queue starts from the default font.
    ctx.record(Action::FillText {
        text: "again".into(),
        x: 0.0,
        y: 0.0,
        max_width: None,
    });
    p.draw(&mut ctx, true);
    assert_eq!(
        *log.0.borrow(),
        [
            "measure|bold 20px serif|abcd",
            "fill|bold 20px serif|hi",
            "stroke|bold 12px serif|yo",
            "fill|10px sans-serif|again",
        ]
    );
}

#[test]
fn by_default_text_is_drawn_and_measured_by_the_engine() {
    let dir = Scratch::new("engine-text");
    let (mut p, mut ctx) = page(dir.path(), "wechat");
    assert!(p.measure_text(&ctx, "abc") > 0.0);
    ctx.record(Action::FillText {
        text: "hi".into(),
        x: 1.0,
        y: 20.0,
        max_width: None,
    });
    let out = p.draw(&mut ctx, false);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
}

#[test]
fn draw_image_takes_temp_package_and_where_allowed_network_paths() {
    let base = server();
    let package = Scratch::new("package");
    std::fs::create_dir_all(package.path().join("images")).unwrap();
    std::fs::write(
        package.path().join("images/g.png"),
        png(2, 2, [0, 255, 0, 255]),
    )
    .unwrap();
    for profile in ["wechat", "alipay"] {
        let dir = Scratch::new("draw-image");
        let cfg = config(
            &Profile::named(profile).unwrap(),
            dir.path(),
            ScriptedUser::default(),
        )
        .with_package_root(package.path());
        let mut p = Platform::launch(cfg).unwrap();
        // Strict device checks: WeChat leaves an undownloaded network
        // image out, as the phone does (a lenient run draws it and
        // reports the check: runtime tests/js/device_checks.rs).
        p.set_checks(mpcanvas_platform::CheckConfig {
            strict: true,
            ..Default::default()
        });
        p.declare_canvas(Scope::Page, "c", Some((100.0, 50.0)))
            .unwrap();
        let mut ctx = p.create_canvas_context("c", Scope::Page).unwrap();
        let (temp, _) = p
            .store()
            .write_temp(&png(2, 2, [255, 0, 0, 255]), "png")
            .unwrap();
        ctx.record(Action::DrawImage {
            src: temp,
            rect: ImageRect::Scaled(0.0, 0.0, 10.0, 10.0),
        });
        ctx.record(Action::DrawImage {
            src: "/images/g.png".into(),
            rect: ImageRect::Scaled(10.0, 0.0, 10.0, 10.0),
        });
        ctx.record(Action::DrawImage {
            src: format!("{base}/ok.png"),
            rect: ImageRect::Scaled(20.0, 0.0, 10.0, 10.0),
        });
        ctx.record(Action::DrawImage {
            src: "/../secret.png".into(),
            rect: ImageRect::At(30.0, 0.0),
        });
        let out = p.draw(&mut ctx, false);
        assert_eq!(
            pixel(&mut p, 5.0, 5.0),
            [255, 0, 0, 255],
            "{profile}: temp file"
        );
        assert_eq!(
            pixel(&mut p, 15.0, 5.0),
            [0, 255, 0, 255],
            "{profile}: package file"
        );
        if profile == "alipay" {
            assert_eq!(pixel(&mut p, 25.0, 5.0), [0, 0, 255, 255]);
            assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
        } else {
            assert_eq!(
                pixel(&mut p, 25.0, 5.0),
                [0, 0, 0, 0],
                "WeChat needs a download first"
            );
            assert!(
                out.warnings[0].contains("downloaded first"),
                "{:?}",
                out.warnings
            );
            assert_eq!(out.warnings.len(), 2);
        }
        assert!(out.warnings.last().unwrap().contains("file not found"));
        // createPattern takes a path too.
        assert!(p.create_pattern("/images/g.png", "repeat-x").is_ok());
        assert!(p.create_pattern("/images/g.png", "diagonal").is_err());
        assert!(p.create_pattern("wxfile://usr/none.png", "").is_err());
    }
}

#[test]
fn pixel_apis_round_trip_and_check_their_arguments() {
    let dir = Scratch::new("pixels");
    let (mut p, _) = page(dir.path(), "wechat");
    let put = JsValue::object([
        ("canvasId", JsValue::from("c")),
        ("data", JsValue::Bytes([10, 20, 30, 255].repeat(4))),
        ("x", 3.0.into()),
        ("y", 4.0.into()),
        ("width", 2.0.into()),
        ("height", 2.0.into()),
    ]);
    assert_eq!(
        p.canvas_put_image_data(&put, Scope::Page)
            .map(Value::Object),
        Ok(json!({"errMsg": "canvasPutImageData:ok"}))
    );
    assert_eq!(pixel(&mut p, 3.0, 4.0), [10, 20, 30, 255]);
    let get = |fields: Vec<(&str, JsValue)>| JsValue::object(fields);
    let bad = p
        .canvas_get_image_data(
            &get(vec![
                ("canvasId", "c".into()),
                ("x", 0.0.into()),
                ("y", 0.0.into()),
                ("width", "1".into()),
                ("height", 1.0.into()),
            ]),
            Scope::Page,
        )
        .unwrap_err();
    assert_eq!(
        Value::Object(bad.reply),
        json!({"errMsg": "canvasGetImageData:fail parameter error: parameter.width should be Number instead of String"})
    );
    let missing = p
        .canvas_get_image_data(
            &get(vec![
                ("canvasId", "zz".into()),
                ("x", 0.0.into()),
                ("y", 0.0.into()),
                ("width", 1.0.into()),
                ("height", 1.0.into()),
            ]),
            Scope::Page,
        )
        .unwrap_err();
    assert_eq!(
        Value::Object(missing.reply),
        json!({"errMsg": "canvasGetImageData:fail canvas is empty"})
    );
    let zero = p
        .canvas_get_image_data(
            &get(vec![
                ("canvasId", "c".into()),
                ("x", 0.0.into()),
                ("y", 0.0.into()),
                ("width", 0.0.into()),
                ("height", 1.0.into()),
            ]),
            Scope::Page,
        )
        .unwrap_err();
    assert!(
        zero.message.starts_with("canvasGetImageData:fail "),
        "{}",
        zero.message
    );
    let short = JsValue::object([
        ("canvasId", JsValue::from("c")),
        ("data", JsValue::Bytes(vec![1, 2, 3])),
        ("x", 0.0.into()),
        ("y", 0.0.into()),
        ("width", 2.0.into()),
        ("height", 2.0.into()),
    ]);
    assert!(p.canvas_put_image_data(&short, Scope::Page).is_err());
}

#[test]
fn drawing_to_an_undeclared_canvas_draws_nothing_and_says_so() {
    let dir = Scratch::new("undeclared");
    let mut p = launch(
        &Profile::named("douyin").unwrap(),
        dir.path(),
        ScriptedUser::default(),
    );
    let mut ctx = p.create_canvas_context("ghost", Scope::Page).unwrap();
    ctx.record(Action::FillRect(0.0, 0.0, 1.0, 1.0));
    let out = p.draw(&mut ctx, false);
    assert!(!out.drawn);
    assert!(ctx.actions().is_empty(), "the queue is consumed");
}

#[test]
fn legacy_default_sizes_follow_the_profile() {
    for (name, size) in [
        ("wechat", (600, 300)),
        ("feishu", (600, 300)),
        ("alipay", (600, 450)),
        ("douyin", (600, 450)),
    ] {
        let dir = Scratch::new("default-size");
        let mut p = launch(
            &Profile::named(name).unwrap(),
            dir.path(),
            ScriptedUser::default(),
        );
        p.declare_canvas(Scope::Page, "c", None).unwrap();
        let c = p.canvases().get(Scope::Page, "c").unwrap().context.clone();
        let got = (c.borrow().width(), c.borrow().height());
        assert_eq!(got, size, "{name}");
    }
}
