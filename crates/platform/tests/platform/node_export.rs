//! Canvas-node exports: the mini-program 2D node through `canvas:`,
//! mini-game `Canvas.toTempFilePath` / `toTempFilePathSync` / `toDataURL`,
//! Alipay's context and node methods (PL §2, §3).

use std::cell::RefCell;
use std::rc::Rc;

use mpcanvas_canvas::{Context2d, Image, Limits};
use mpcanvas_platform::{
    Action, CanvasNode, FailKind, JsValue, Platform, Profile, Scope, ScriptedUser, StyleValue,
};
use serde_json::json;

use crate::support::{Scratch, launch, listing};

fn n(v: f64) -> JsValue {
    JsValue::Number(v)
}

fn size_of(p: &mut Platform, path: &str) -> (u32, u32) {
    let img = Image::decode(&p.store().read(path).unwrap(), &Limits::default()).unwrap();
    (img.width(), img.height())
}

fn node(w: u32, h: u32) -> CanvasNode {
    CanvasNode::new(Rc::new(RefCell::new(
        Context2d::new(w, h, Limits::default()).unwrap(),
    )))
}

#[test]
fn a_2d_node_exports_in_css_px_of_its_layout() {
    let dir = Scratch::new("node-css");
    let mut p = launch(
        &Profile::named("wechat").unwrap(),
        dir.path(),
        ScriptedUser::default(),
    );
    // The poster idiom: bitmap = CSS size × dpr.
    let canvas = node(200, 100).with_css_size(100.0, 50.0);
    let whole = JsValue::object([("canvas", JsValue::Canvas(canvas.clone()))]);
    let r = p.canvas_to_temp_file_path(&whole, Scope::Page).unwrap();
    assert_eq!(
        size_of(&mut p, r["tempFilePath"].as_str().unwrap()),
        (200, 100)
    );
    let poster = JsValue::object([
        ("canvas", JsValue::Canvas(canvas)),
        ("width", n(100.0)),
        ("destWidth", n(200.0)),
    ]);
    let r = p.canvas_to_temp_file_path(&poster, Scope::Page).unwrap();
    assert_eq!(
        size_of(&mut p, r["tempFilePath"].as_str().unwrap()),
        (200, 100)
    );
}

/// Mini-game rows on a 300×150 offscreen canvas: (options, result).
#[test]
fn mini_game_to_temp_file_path_uses_canvas_size_defaults() {
    let dir = Scratch::new("game");
    let mut p = launch(
        &Profile::named("wechat-game").unwrap(),
        dir.path(),
        ScriptedUser::default(),
    );
    let screen = p.create_canvas().unwrap();
    assert_eq!(screen.context.borrow().width(), 750);
    assert_eq!(screen.context.borrow().height(), 1334);
    let off = p.create_canvas().unwrap();
    type Row = (JsValue, Result<(u32, u32), &'static str>);
    let rows: Vec<Row> = vec![
        (
            JsValue::object(Vec::<(&str, JsValue)>::new()),
            Ok((300, 150)),
        ),
        (JsValue::object([("x", n(100.0))]), Ok((300, 150))),
        (JsValue::object([("width", n(50.0))]), Ok((300, 150))),
        (JsValue::object([("destWidth", n(60.0))]), Ok((60, 150))),
        (
            JsValue::object([("width", n(-1.0))]),
            Err("toTempFilePath:fail create bitmap failed"),
        ),
        (
            JsValue::object([("y", JsValue::from("1"))]),
            Err(
                "toTempFilePath:fail parameter error: parameter.y should be Number instead of String",
            ),
        ),
    ];
    for (options, want) in rows {
        let before = listing(p.store().temp_dir());
        match (p.node_to_temp_file_path(&off, &options), want) {
            (Ok(r), Ok(size)) => {
                assert_eq!(r["errMsg"], "toTempFilePath:ok");
                assert_eq!(
                    size_of(&mut p, r["tempFilePath"].as_str().unwrap()),
                    size,
                    "{options:?}"
                );
            }
            (Err(f), Err(msg)) => {
                assert_eq!(serde_json::Value::Object(f.reply), json!({ "errMsg": msg }));
                assert_eq!(listing(p.store().temp_dir()), before);
            }
            (got, want) => panic!("{options:?}: {got:?} vs {want:?}"),
        }
    }
}

#[test]
fn mini_game_sync_export_returns_the_path_or_the_message_to_throw() {
    let dir = Scratch::new("game-sync");
    let mut p = launch(
        &Profile::named("wechat-game").unwrap(),
        dir.path(),
        ScriptedUser::default(),
    );
    let c = p.create_canvas().unwrap();
    let path = p
        .node_to_temp_file_path_sync(
            &c,
            &JsValue::object([("destWidth", n(10.0)), ("destHeight", n(10.0))]),
        )
        .unwrap();
    assert!(
        path.starts_with("wxfile://tmp_") && path.ends_with(".png"),
        "{path}"
    );
    let err = p
        .node_to_temp_file_path_sync(&c, &JsValue::object([("destWidth", n(-5.0))]))
        .unwrap_err();
    assert_eq!(err.message, "toTempFilePathSync:fail create bitmap failed");
    assert_eq!(err.kind, FailKind::CreateBitmap);
}

#[test]
fn mini_game_to_data_url_is_a_png_of_the_whole_canvas() {
    let dir = Scratch::new("game-url");
    let mut p = launch(
        &Profile::named("wechat-game").unwrap(),
        dir.path(),
        ScriptedUser::default(),
    );
    let _screen = p.create_canvas().unwrap();
    let c = p.create_canvas().unwrap();
    let url = p.node_to_data_url(&c);
    assert!(url.starts_with("data:image/png;base64,"), "{}", &url[..40]);
}

#[test]
fn mini_games_have_no_namespace_export_or_legacy_context() {
    let dir = Scratch::new("game-ns");
    let mut p = launch(
        &Profile::named("wechat-game").unwrap(),
        dir.path(),
        ScriptedUser::default(),
    );
    let err = p
        .canvas_to_temp_file_path(
            &JsValue::object([("canvasId", JsValue::from("c"))]),
            Scope::Page,
        )
        .unwrap_err();
    assert_eq!(
        serde_json::Value::Object(err.reply),
        json!({"errMsg": "canvasToTempFilePath:fail not supported"})
    );
    assert_eq!(
        p.create_canvas_context("c", Scope::Page).unwrap_err().kind,
        FailKind::NotSupported
    );
}

#[test]
fn alipay_context_and_node_methods_use_their_own_result_fields() {
    let dir = Scratch::new("alipay-methods");
    let mut p = launch(
        &Profile::named("alipay").unwrap(),
        dir.path(),
        ScriptedUser::default(),
    );
    p.declare_canvas(Scope::Page, "c", None).unwrap();
    let mut ctx = p.create_canvas_context("c", Scope::Page).unwrap();
    ctx.record(Action::SetFillStyle(StyleValue::Color("#00f".into())));
    ctx.record(Action::FillRect(0.0, 0.0, 10.0, 10.0));
    p.draw(&mut ctx, false);
    let none = JsValue::object(Vec::<(&str, JsValue)>::new());
    let r = p.context_to_temp_file_path(&ctx, &none).unwrap();
    let keys: Vec<&String> = r.keys().collect();
    assert_eq!(keys, ["apFilePath"]);
    let path = r["apFilePath"].as_str().unwrap().to_owned();
    assert!(
        path.starts_with("https://resource/apml") && path.ends_with(".image"),
        "{path}"
    );
    // Alipay's legacy canvas defaults to 300×225 CSS px, dest = width.
    assert_eq!(size_of(&mut p, &path), (300, 225));
    let r = p.node_to_temp_file_path(&node(20, 10), &none).unwrap();
    assert!(r.contains_key("tempFilePath") && r.len() == 1, "{r:?}");
    let url = p
        .context_to_data_url(&ctx, &JsValue::object([("fileType", JsValue::from("jpg"))]))
        .unwrap();
    assert!(url.starts_with("data:image/jpeg;base64,"));
    let err = p
        .context_to_data_url(&ctx, &JsValue::object([("width", n(-1.0))]))
        .unwrap_err();
    assert_eq!(
        serde_json::Value::Object(err.reply),
        json!({"error": 1, "errorMessage": "create bitmap failed"})
    );
}
