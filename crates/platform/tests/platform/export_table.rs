//! PL §3 row by row, for every profile with `canvasToTempFilePath`: the
//! exact success or error object, the exported size and format, and no
//! temp file left behind by a failure.

use mpcanvas_canvas::{Image, Limits};
use mpcanvas_platform::{
    Action, FailKind, JsValue, Platform, Profile, Scope, ScriptedUser, StyleValue,
};
use serde_json::Value;

use crate::support::{Scratch, error_object, launch, listing, profiles};

const API: &str = "canvasToTempFilePath";

/// What a row expects on one profile.
#[derive(Debug, Clone, Copy)]
enum Want {
    /// PNG of this size.
    Png(u32, u32),
    /// JPEG of this size.
    Jpeg(u32, u32),
    /// `create bitmap failed` (Alipay 1).
    CreateBitmap,
    /// `canvas is empty` (Alipay 1).
    CanvasEmpty,
    /// Parameter error: field, expected type, actual type (Alipay 2).
    Param(&'static str, &'static str, &'static str),
}

use Want::*;

fn n(v: f64) -> JsValue {
    JsValue::Number(v)
}

fn s(v: &str) -> JsValue {
    JsValue::from(v)
}

/// Options with `canvasId: "c"` plus `fields`.
fn opts(fields: Vec<(&str, JsValue)>) -> JsValue {
    let mut all = vec![("canvasId", s("c"))];
    all.extend(fields);
    JsValue::object(all)
}

/// A page with `<canvas canvas-id="c" style="width:100px;height:50px">` at
/// dpr 2 (200×100 backing store), its left half drawn red.
fn page(profile: &Profile, dir: &std::path::Path) -> Platform {
    let mut p = launch(profile, dir, ScriptedUser::default());
    p.declare_canvas(Scope::Page, "c", Some((100.0, 50.0)))
        .unwrap();
    let mut ctx = p.create_canvas_context("c", Scope::Page).unwrap();
    ctx.record(Action::SetFillStyle(StyleValue::Color("red".into())));
    ctx.record(Action::FillRect(0.0, 0.0, 50.0, 50.0));
    p.draw(&mut ctx, false);
    p
}

/// Rows: name, options, and what each of wechat, alipay, feishu, douyin
/// gives (canvas 100×50 CSS px, dpr 2).
fn rows() -> Vec<(&'static str, JsValue, [Want; 4])> {
    let all = |w: Want| [w; 4];
    vec![
        (
            "defaults",
            opts(vec![]),
            [Png(200, 100), Png(100, 50), Png(100, 50), Png(100, 50)],
        ),
        (
            "x offset shrinks the default width where it is canvas - x",
            opts(vec![("x", n(10.0))]),
            [Png(180, 100), Png(90, 50), Png(100, 50), Png(90, 50)],
        ),
        (
            "zero width means default",
            opts(vec![("width", n(0.0))]),
            [Png(200, 100), Png(100, 50), Png(100, 50), Png(100, 50)],
        ),
        (
            "NaN height means default",
            opts(vec![("height", n(f64::NAN))]),
            [Png(200, 100), Png(100, 50), Png(100, 50), Png(100, 50)],
        ),
        (
            "null x and height mean default",
            opts(vec![("x", JsValue::Null), ("height", JsValue::Null)]),
            [Png(200, 100), Png(100, 50), Png(100, 50), Png(100, 50)],
        ),
        (
            "undefined destWidth means default",
            opts(vec![("destWidth", JsValue::Undefined)]),
            [Png(200, 100), Png(100, 50), Png(100, 50), Png(100, 50)],
        ),
        (
            "fractions round like Math.round",
            opts(vec![("width", n(10.5)), ("height", n(20.4))]),
            [Png(22, 40), Png(11, 20), Png(11, 20), Png(11, 20)],
        ),
        (
            "destWidth given, destHeight 0 defaults",
            opts(vec![("destWidth", n(30.5)), ("destHeight", n(0.0))]),
            [Png(31, 100), Png(31, 50), Png(31, 50), Png(31, 50)],
        ),
        (
            "negative width",
            opts(vec![("width", n(-10.0))]),
            all(CreateBitmap),
        ),
        (
            "negative height",
            opts(vec![("height", n(-0.6))]),
            all(CreateBitmap),
        ),
        (
            "negative destWidth",
            opts(vec![("destWidth", n(-1.0))]),
            all(CreateBitmap),
        ),
        (
            "width rounding to zero",
            opts(vec![("width", n(0.4))]),
            all(CreateBitmap),
        ),
        (
            "destWidth over the side limit",
            opts(vec![("destWidth", n(1e6))]),
            all(CreateBitmap),
        ),
        (
            "dest area over the pixel budget",
            opts(vec![("destWidth", n(5000.0)), ("destHeight", n(5000.0))]),
            all(CreateBitmap),
        ),
        (
            "infinite width",
            opts(vec![("width", n(f64::INFINITY))]),
            all(CreateBitmap),
        ),
        (
            "huge x leaves a negative default width, or a blank full-size export",
            opts(vec![("x", n(1e300))]),
            [CreateBitmap, CreateBitmap, Png(100, 50), CreateBitmap],
        ),
        (
            "x as a string",
            opts(vec![("x", s("10"))]),
            all(Param("x", "Number", "String")),
        ),
        (
            "width as a boolean",
            opts(vec![("width", JsValue::Bool(true))]),
            all(Param("width", "Number", "Boolean")),
        ),
        (
            "destHeight as an object",
            opts(vec![(
                "destHeight",
                JsValue::object(Vec::<(&str, JsValue)>::new()),
            )]),
            all(Param("destHeight", "Number", "Object")),
        ),
        (
            "fileType as a number",
            opts(vec![("fileType", n(7.0))]),
            all(Param("fileType", "String", "Number")),
        ),
        (
            "quality as a string",
            opts(vec![("quality", s("1"))]),
            all(Param("quality", "Number", "String")),
        ),
        (
            "unknown canvasId",
            JsValue::object([("canvasId", s("nope"))]),
            all(CanvasEmpty),
        ),
        (
            "no canvasId",
            JsValue::object(Vec::<(&str, JsValue)>::new()),
            all(CanvasEmpty),
        ),
        (
            "canvasId as a number",
            JsValue::object([("canvasId", n(42.0))]),
            all(Param("canvasId", "String", "Number")),
        ),
        (
            "canvas as a plain object",
            JsValue::object([("canvas", JsValue::object(Vec::<(&str, JsValue)>::new()))]),
            all(CanvasEmpty),
        ),
        (
            "canvas as a string",
            JsValue::object([("canvas", s("c"))]),
            all(Param("canvas", "Object", "String")),
        ),
        (
            "unknown fileType exports PNG",
            opts(vec![("fileType", s("gif"))]),
            [Png(200, 100), Png(100, 50), Png(100, 50), Png(100, 50)],
        ),
        (
            "fileType JPEG in capitals",
            opts(vec![("fileType", s("JPEG"))]),
            [Jpeg(200, 100), Jpeg(100, 50), Jpeg(100, 50), Jpeg(100, 50)],
        ),
        (
            "fileType jpg with quality out of range",
            opts(vec![("fileType", s("jpg")), ("quality", n(7.0))]),
            [Jpeg(200, 100), Jpeg(100, 50), Jpeg(100, 50), Jpeg(100, 50)],
        ),
    ]
}

const PROFILES: [&str; 4] = ["wechat", "alipay", "feishu", "douyin"];

fn expected_error(profile: &Profile, want: Want) -> (FailKind, Value) {
    match want {
        CreateBitmap => (
            FailKind::CreateBitmap,
            error_object(
                profile,
                API,
                "create bitmap failed",
                1,
                "create bitmap failed",
            ),
        ),
        CanvasEmpty => (
            FailKind::CanvasEmpty,
            error_object(profile, API, "canvas is empty", 1, "canvas is empty"),
        ),
        Param(name, expected, actual) => {
            let msg = format!(
                "parameter error: parameter.{name} should be {expected} instead of {actual}"
            );
            (
                FailKind::Parameter,
                error_object(profile, API, &msg, 2, &msg),
            )
        }
        Png(..) | Jpeg(..) => unreachable!(),
    }
}

/// Checks a success: exact keys, a path of the profile's shape that
/// resolves, and the file's format and size.
fn check_success(p: &mut Platform, reply: &serde_json::Map<String, Value>, want: Want, case: &str) {
    let profile = p.profile().clone();
    let field = &profile.export.result_field;
    let path = reply[field].as_str().unwrap().to_owned();
    let mut keys: Vec<&String> = reply.keys().collect();
    keys.sort();
    let mut want_keys = vec![field.clone()];
    if profile.replies.ok_message {
        assert_eq!(reply["errMsg"], format!("{API}:ok"));
        want_keys.push("errMsg".into());
    }
    want_keys.sort();
    assert_eq!(keys, want_keys.iter().collect::<Vec<_>>(), "{case}");
    let prefix = profile.files.temp_template.split("{hex32}").next().unwrap();
    assert!(path.starts_with(prefix), "{case}: {path}");
    let bytes = p.store().read(&path).unwrap();
    let (w, h, jpeg) = match want {
        Png(w, h) => (w, h, false),
        Jpeg(w, h) => (w, h, true),
        _ => unreachable!(),
    };
    assert_eq!(
        bytes.starts_with(&[0xFF, 0xD8]),
        jpeg,
        "{}: {case}",
        profile.name
    );
    let img = Image::decode(&bytes, &Limits::default()).unwrap();
    assert_eq!(
        (img.width(), img.height()),
        (w, h),
        "{}: {case}",
        profile.name
    );
}

#[test]
fn canvas_to_temp_file_path_follows_every_row_of_the_spec_on_every_profile() {
    let mut checked = 0;
    for profile in profiles().iter().filter(|p| p.has_api(API)) {
        let column = PROFILES
            .iter()
            .position(|n| *n == profile.name)
            .expect("a column per profile");
        let dir = Scratch::new("export");
        let mut p = page(profile, dir.path());
        for (case, options, wants) in rows() {
            let want = wants[column];
            let before = listing(&dir.path().join("tmp"));
            let temp_before = p.store().temp_files();
            let result = p.canvas_to_temp_file_path(&options, Scope::Page);
            match (want, result) {
                (Png(..) | Jpeg(..), Ok(reply)) => check_success(&mut p, &reply, want, case),
                (Png(..) | Jpeg(..), Err(f)) => {
                    panic!("{}: {case}: failed {:?}", profile.name, f.reply)
                }
                (_, Ok(reply)) => panic!("{}: {case}: succeeded {reply:?}", profile.name),
                (_, Err(f)) => {
                    let (kind, object) = expected_error(profile, want);
                    assert_eq!(f.kind, kind, "{}: {case}", profile.name);
                    assert_eq!(
                        Value::Object(f.reply.clone()),
                        object,
                        "{}: {case}",
                        profile.name
                    );
                    assert_eq!(
                        listing(&dir.path().join("tmp")),
                        before,
                        "{}: {case} left a file",
                        profile.name
                    );
                    assert_eq!(p.store().temp_files(), temp_before);
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 4 * rows().len());
}

#[test]
fn unknown_file_type_is_reported_as_a_warning() {
    let dir = Scratch::new("warn");
    let mut p = page(&Profile::named("douyin").unwrap(), dir.path());
    p.canvas_to_temp_file_path(&opts(vec![("fileType", s("webp"))]), Scope::Page)
        .unwrap();
    let warnings = p.report().warnings();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].1.contains("'webp'"), "{warnings:?}");
}

#[test]
fn quality_outside_zero_to_one_means_one() {
    let dir = Scratch::new("quality");
    let mut p = page(&Profile::named("wechat").unwrap(), dir.path());
    let mut export = |q: JsValue| {
        let r = p
            .canvas_to_temp_file_path(
                &opts(vec![("fileType", s("jpg")), ("quality", q)]),
                Scope::Page,
            )
            .unwrap();
        let path = r["tempFilePath"].as_str().unwrap().to_owned();
        p.store().read(&path).unwrap()
    };
    let one = export(n(1.0));
    for q in [
        n(0.0),
        n(-0.5),
        n(1.5),
        n(f64::NAN),
        n(f64::INFINITY),
        JsValue::Null,
    ] {
        assert_eq!(export(q.clone()), one, "quality {q:?}");
    }
    assert_ne!(export(n(0.3)), one);
}

#[test]
fn jpeg_composites_transparent_pixels_onto_white() {
    let dir = Scratch::new("jpeg-bg");
    let mut p = page(&Profile::named("wechat").unwrap(), dir.path());
    let r = p
        .canvas_to_temp_file_path(&opts(vec![("fileType", s("jpg"))]), Scope::Page)
        .unwrap();
    let bytes = p.store().read(r["tempFilePath"].as_str().unwrap()).unwrap();
    let img = Image::decode(&bytes, &Limits::default()).unwrap();
    let px = |x: usize, y: usize| {
        let i = (y * img.width() as usize + x) * 4;
        img.to_rgba8()[i..i + 4].to_vec()
    };
    let right = px(180, 50);
    assert!(
        right.iter().take(3).all(|c| *c >= 250),
        "transparent area {right:?}"
    );
    let left = px(20, 50);
    assert!(
        left[0] >= 240 && left[1] < 20 && left[2] < 20,
        "red area {left:?}"
    );
}

#[test]
fn export_right_after_draw_sees_the_drawing() {
    for profile in profiles().iter().filter(|p| p.has_api(API)) {
        let dir = Scratch::new("after-draw");
        let mut p = page(profile, dir.path());
        let r = p
            .canvas_to_temp_file_path(&opts(vec![]), Scope::Page)
            .unwrap();
        let path = r[&profile.export.result_field].as_str().unwrap().to_owned();
        let img = Image::decode(&p.store().read(&path).unwrap(), &Limits::default()).unwrap();
        assert_eq!(&img.to_rgba8()[..4], &[255, 0, 0, 255], "{}", profile.name);
    }
}

#[test]
fn canvas_ids_are_looked_up_in_the_given_component() {
    let dir = Scratch::new("scope");
    let mut p = launch(
        &Profile::named("wechat").unwrap(),
        dir.path(),
        ScriptedUser::default(),
    );
    p.declare_canvas(Scope::Component(7), "c", None).unwrap();
    let o = opts(vec![]);
    assert_eq!(
        p.canvas_to_temp_file_path(&o, Scope::Page)
            .unwrap_err()
            .kind,
        FailKind::CanvasEmpty
    );
    let r = p.canvas_to_temp_file_path(&o, Scope::Component(7)).unwrap();
    // Default legacy size 300×150 at dpr 2.
    let img = Image::decode(
        &p.store().read(r["tempFilePath"].as_str().unwrap()).unwrap(),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!((img.width(), img.height()), (600, 300));
}
