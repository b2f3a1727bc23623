//! Fonts loaded from pages: `loadFontFace` (WeChat, Alipay) from a local
//! server and a data URL, its fail shapes and `scopes`, and the
//! mini-game's `wx.loadFont`, and the export warning for characters no
//! font has. The test face is Lato (WOFF2), whose widths
//! differ from the bundled defaults, so a changed `measureText` width
//! shows the loaded face is the one text uses.

use std::path::PathBuf;

use base64::Engine;
use mpcanvas_platform::fetch::HttpFetcher;
use mpcanvas_platform::{Event, Profile};
use mpcanvas_runtime::run::{RunConfig, RunReport, run_path};

use crate::support::{Pkg, assert_clean, console, serve_routes};

fn lato() -> Vec<u8> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/js/fonts/lato-latin-regular.woff2");
    std::fs::read(path).expect("the test font")
}

/// A local server with the font, a 404 and a file that is not a font.
fn font_server() -> String {
    let font = lato();
    serve_routes(move |path| match path {
        "/lato.woff2" => ("200 OK", "font/woff2", font.clone()),
        "/note.ttf" => ("200 OK", "font/ttf", b"not a font".to_vec()),
        _ => ("404 Not Found", "text/plain", b"missing".to_vec()),
    })
    .0
}

fn run(profile: &str, pkg: &Pkg) -> RunReport {
    let out = Pkg::new(&[]);
    let mut config = RunConfig::new(Profile::named(profile).unwrap(), out.path());
    config.fetcher = Box::new(HttpFetcher::default());
    let report = run_path(pkg.path(), config).unwrap();
    assert_clean(&report);
    report
}

fn warnings(report: &RunReport) -> Vec<String> {
    report
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Warning { message, .. } => Some(message.clone()),
            _ => None,
        })
        .collect()
}

/// A page measuring 'Hamburgefonts' at 40px in `family` on a 2D canvas and
/// on the legacy context, before and after `load` (JS calling `done()`).
fn measuring_page(ns: &str, markup: &str, load: &str) -> Pkg {
    let script = r#"
const width = (ctx, family) => { ctx.font = '40px ' + family; return ctx.measureText('Hamburgefonts').width.toFixed(2); };
Page({ onReady() {
  NS.createSelectorQuery().select('#c').fields({ node: true }).exec(([{ node }]) => {
    const ctx = node.getContext('2d');
    const legacy = NS.createCanvasContext('old');
    console.log('before ' + width(ctx, 'Poster') + ' sans ' + width(ctx, 'sans-serif'));
    const done = () => console.log('after ' + width(ctx, 'Poster') + ' legacy ' + width(legacy, 'Poster'));
    LOAD
  });
} })"#
        .replace("NS", ns)
        .replace("LOAD", load);
    Pkg::new(&[
        (
            markup,
            r#"<canvas type="2d" id="c"/><canvas canvas-id="old"/>"#,
        ),
        ("index.js", &script),
    ])
}

/// The widths a measuring page logged: (before, sans-serif, after, legacy).
fn widths(lines: &[String]) -> (String, String, String, String) {
    let words = |l: &String| l.split(' ').map(str::to_owned).collect::<Vec<_>>();
    let before = lines
        .iter()
        .find(|l| l.starts_with("before "))
        .map(words)
        .unwrap();
    let after = lines
        .iter()
        .find(|l| l.starts_with("after "))
        .map(words)
        .unwrap();
    (
        before[1].clone(),
        before[3].clone(),
        after[1].clone(),
        after[3].clone(),
    )
}

#[test]
fn load_font_face_from_a_server_reaches_2d_and_legacy_text_on_wechat_and_alipay() {
    let base = font_server();
    for (profile, ns, markup) in [
        ("wechat", "wx", "index.wxml"),
        ("alipay", "my", "index.axml"),
    ] {
        let load = r#"NS.loadFontFace({ family: 'Poster', source: 'url("BASE/lato.woff2")',
      success(r) { console.log('ok ' + JSON.stringify(r)); done(); },
      fail(e) { console.log('fail ' + JSON.stringify(e)); } });"#
            .replace("NS", ns)
            .replace("BASE", &base);
        let report = run(profile, &measuring_page(ns, markup, &load));
        let lines = console(&report);
        let ok = if profile == "alipay" {
            r#"ok {"status":"loaded"}"#
        } else {
            r#"ok {"errMsg":"loadFontFace:ok","status":"loaded"}"#
        };
        assert!(lines.contains(&ok.to_owned()), "{profile}: {lines:?}");
        let (before, sans, after, legacy) = widths(&lines);
        // Unknown before: the default face. Loaded: Lato, on both kinds
        // of canvas.
        assert_eq!(before, sans, "{profile}");
        assert_ne!(after, before, "{profile}");
        assert_eq!(legacy, after, "{profile}");
    }
}

#[test]
fn load_font_face_accepts_a_data_url_with_descriptors() {
    let data = base64::engine::general_purpose::STANDARD.encode(lato());
    let load = format!(
        "wx.loadFontFace({{ family: 'Poster', source: 'url(\"data:font/woff2;base64,{data}\")', \
         desc: {{ weight: 'normal', style: 'normal' }}, complete(r) {{ console.log(r.status); done(); }} }});"
    );
    let report = run("wechat", &measuring_page("wx", "index.wxml", &load));
    let lines = console(&report);
    assert!(lines.contains(&"loaded".to_owned()), "{lines:?}");
    let (before, _, after, _) = widths(&lines);
    assert_ne!(after, before);
}

#[test]
fn load_font_face_failures_have_the_platforms_shape_and_a_status() {
    let base = font_server();
    let script = r#"
const show = (label) => ({ success(r) { console.log(label + ' ok'); }, fail(e) { console.log(label + ' ' + JSON.stringify(e)); } });
Page({ onReady() {
  NS.loadFontFace({ family: 'A', source: 'url("BASE/gone.ttf")', ...show('404') });
  NS.loadFontFace({ family: 'A', source: 'url("BASE/note.ttf")', ...show('bad') });
  NS.loadFontFace({ family: 'A', source: '/fonts/local.ttf', ...show('path') });
  NS.loadFontFace({ source: 'url("BASE/lato.woff2")', ...show('nofamily') });
} })"#;
    for (profile, ns, markup) in [
        ("wechat", "wx", "index.wxml"),
        ("alipay", "my", "index.axml"),
    ] {
        let pkg = Pkg::new(&[
            (markup, "<view/>"),
            ("index.js", &script.replace("NS", ns).replace("BASE", &base)),
        ]);
        let lines = console(&run(profile, &pkg));
        let url = |name: &str| format!("{base}/{name}");
        let expected: Vec<String> = if profile == "alipay" {
            vec![
                format!(r#"404 {{"error":12,"errorMessage":"download failed: http status 404: {}","status":"error"}}"#, url("gone.ttf")),
                format!(r#"bad {{"error":12,"errorMessage":"invalid font data: not a TTF, OTF, TTC, WOFF or WOFF2 font: {}","status":"error"}}"#, url("note.ttf")),
                r#"path {"error":12,"errorMessage":"source must be an https link or a data URL, not /fonts/local.ttf","status":"error"}"#.to_owned(),
                r#"nofamily {"error":2,"errorMessage":"parameter error: parameter.family should be String instead of Undefined","status":"error"}"#.to_owned(),
            ]
        } else {
            vec![
                format!(r#"404 {{"errMsg":"loadFontFace:fail download failed: http status 404: {}","status":"error"}}"#, url("gone.ttf")),
                format!(r#"bad {{"errMsg":"loadFontFace:fail invalid font data: not a TTF, OTF, TTC, WOFF or WOFF2 font: {}","status":"error"}}"#, url("note.ttf")),
                r#"path {"errMsg":"loadFontFace:fail source must be an https link or a data URL, not /fonts/local.ttf","status":"error"}"#.to_owned(),
                r#"nofamily {"errMsg":"loadFontFace:fail parameter error: parameter.family should be String instead of Undefined","status":"error"}"#.to_owned(),
            ]
        };
        assert_eq!(lines, expected, "{profile}");
    }
}

#[test]
fn a_font_loaded_for_the_webview_scope_only_is_not_used_by_canvases() {
    let base = font_server();
    let load = r#"wx.loadFontFace({ family: 'Poster', source: 'url("BASE/lato.woff2")', scopes: ['webview'],
      success() { done(); } });"#
        .replace("BASE", &base);
    let report = run("wechat", &measuring_page("wx", "index.wxml", &load));
    let (before, _, after, legacy) = widths(&console(&report));
    assert_eq!(
        (after.as_str(), legacy.as_str()),
        (before.as_str(), before.as_str())
    );
    assert!(
        warnings(&report)
            .iter()
            .any(|w| w.contains("'Poster'") && w.contains("native scope")),
        "{:?}",
        warnings(&report)
    );
}

#[test]
fn mini_game_load_font_returns_the_fonts_family_or_null() {
    let pkg = Pkg::new(&[(
        "game.js",
        r#"
const canvas = wx.createCanvas();
const ctx = canvas.getContext('2d');
const width = (family) => { ctx.font = '40px ' + family; return ctx.measureText('Hamburgefonts').width.toFixed(2); };
const before = width('sans-serif');
const family = wx.loadFont('fonts/lato.woff2');
console.log('family ' + family);
console.log('differs ' + (width('"' + family + '"') !== before));
console.log('missing ' + wx.loadFont('fonts/none.ttf'));
console.log('not a font ' + wx.loadFont('game.js'));
"#,
    )]);
    std::fs::create_dir_all(pkg.path().join("fonts")).unwrap();
    std::fs::write(pkg.path().join("fonts/lato.woff2"), lato()).unwrap();
    let report = run("wechat-game", &pkg);
    assert_eq!(
        console(&report),
        [
            "family Lato",
            "differs true",
            "missing null",
            "not a font null"
        ]
    );
    let warnings = warnings(&report);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains("fonts/none.ttf: file not found"),
        "{warnings:?}"
    );
}

#[test]
fn exports_of_text_with_characters_no_font_has_carry_a_warning() {
    let pkg = Pkg::new(&[
        (
            "index.wxml",
            r#"<canvas type="2d" id="c" style="width: 60px; height: 20px"/>"#,
        ),
        (
            "index.js",
            r#"Page({ onReady() {
  wx.createSelectorQuery().select('#c').fields({ node: true }).exec(([{ node }]) => {
    const ctx = node.getContext('2d');
    ctx.font = '16px sans-serif';
    ctx.fillText('价\u{e000}', 0, 16);
    wx.canvasToTempFilePath({ canvas: node, success: () => console.log('exported') });
  });
} })"#,
        ),
    ]);
    let report = run("wechat", &pkg);
    assert_eq!(console(&report), ["exported"]);
    assert_eq!(
        warnings(&report),
        ["no font has U+E000 '\u{e000}' (drawn as missing-glyph boxes)"]
    );
}
