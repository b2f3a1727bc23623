//! Whole pages against each platform profile, from JS: the bundled
//! examples end to end, callback and promise delivery, fail shapes,
//! the legacy draw-then-export rule, authorization with the scripted user,
//! and mini-game canvases.

use mpcanvas_conformance::repo_root;
use mpcanvas_platform::{Answer, Profile};
use serde_json::json;

use crate::support::{Pkg, assert_clean, calls, console, decode, pixel, prompts, run_on};

#[test]
fn every_bundled_example_saves_its_poster_to_the_album() {
    // (folder, profile, exported size): WeChat scales by dpr 2 unless the
    // page says otherwise; the others export at CSS size (PLATFORM.md §3).
    let cases = [
        ("wechat-2d", "wechat", (600, 960)),
        ("wechat-legacy", "wechat", (600, 960)),
        ("wechat-game", "wechat-game", (375, 667)),
        ("alipay", "alipay", (300, 480)),
        ("feishu", "feishu", (300, 400)),
        ("douyin", "douyin", (300, 400)),
    ];
    for (folder, profile, size) in cases {
        let out = Pkg::new(&[]);
        let report = run_on(
            &repo_root().join("examples").join(folder),
            profile,
            &["save"],
            Answer::Allow,
            &out,
        );
        assert_clean(&report);
        assert_eq!(report.album.len(), 1, "{folder}: {}", report.to_text());
        assert_eq!(prompts(&report), 1, "{folder}: one album prompt");
        let image = decode(&report.album[0].real_path);
        assert_eq!((image.width(), image.height()), size, "{folder}");
        // Posters are opaque and not blank: the centre is painted.
        let centre = pixel(&image, size.0 / 2, size.1 / 2);
        assert_eq!(centre[3], 255, "{folder}: opaque centre");
        assert_ne!(centre, [0, 0, 0, 255], "{folder}: painted centre");
    }
}

const LEGACY_MARKUP: &str =
    r#"<canvas canvas-id="myCanvas" style="width: 300px; height: 300px"></canvas>"#;

#[test]
fn wechat_doc_sample_exports_a_region_at_its_destination_size() {
    // The canvasToTempFilePath sample of WeChat's documentation, verbatim,
    // after a legacy draw: a 50×50 region scaled to 100×100.
    let pkg = Pkg::new(&[
        ("index.wxml", LEGACY_MARKUP),
        (
            "index.js",
            r#"Page({ onReady() {
  const ctx = wx.createCanvasContext('myCanvas')
  ctx.setFillStyle('#ff0000')
  ctx.fillRect(100, 200, 50, 50)
  ctx.draw()
  wx.canvasToTempFilePath({
    x: 100,
    y: 200,
    width: 50,
    height: 50,
    destWidth: 100,
    destHeight: 100,
    canvasId: 'myCanvas',
    success(res) {
      console.log(res.tempFilePath)
    }
  })
} })"#,
        ),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "wechat", &[], Answer::Allow, &out);
    assert_clean(&report);
    let lines = console(&report);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("wxfile://tmp_"), "{}", lines[0]);
    let image = decode(&report.temp_files[0].real_path);
    assert_eq!((image.width(), image.height()), (100, 100));
    // Exported right after draw(): the red square, not a blank canvas.
    assert_eq!(pixel(&image, 50, 50), [255, 0, 0, 255]);
}

#[test]
fn callbacks_come_after_the_caller_returns_success_then_complete() {
    let pkg = Pkg::new(&[
        ("index.wxml", LEGACY_MARKUP),
        (
            "index.js",
            r#"Page({ onReady() {
  wx.createCanvasContext('myCanvas').draw();
  wx.canvasToTempFilePath({
    canvasId: 'myCanvas',
    success: () => console.log('success'),
    fail: () => console.log('fail'),
    complete: () => console.log('complete'),
  });
  wx.canvasToTempFilePath({
    canvasId: 'nope',
    success: () => console.log('success 2'),
    fail: (e) => console.log('fail 2 ' + e.errMsg),
    complete: () => console.log('complete 2'),
  });
  console.log('returned');
} })"#,
        ),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "wechat", &[], Answer::Allow, &out);
    assert_clean(&report);
    let lines = console(&report);
    assert_eq!(lines[0], "returned");
    assert_eq!(lines[1..3], ["success", "complete"]);
    assert!(
        lines[3].starts_with("fail 2 canvasToTempFilePath:fail"),
        "{lines:?}"
    );
    assert_eq!(lines[4], "complete 2");
    assert_eq!(lines.len(), 5);
}

#[test]
fn calls_without_callbacks_return_promises_that_settle_with_the_same_objects() {
    let pkg = Pkg::new(&[
        ("index.wxml", LEGACY_MARKUP),
        (
            "index.js",
            r#"Page({ async onReady() {
  wx.createCanvasContext('myCanvas').draw();
  const ok = await wx.canvasToTempFilePath({ canvasId: 'myCanvas' });
  console.log(ok.errMsg + ' ' + typeof ok.tempFilePath);
  try {
    await wx.saveImageToPhotosAlbum({ filePath: 'https://example.com/a.png' });
  } catch (e) {
    console.log('rejected ' + e.errMsg);
  }
} })"#,
        ),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "wechat", &[], Answer::Allow, &out);
    assert_clean(&report);
    let lines = console(&report);
    assert_eq!(lines[0], "canvasToTempFilePath:ok string");
    assert!(
        lines[1].starts_with("rejected saveImageToPhotosAlbum:fail"),
        "{lines:?}"
    );
    assert!(
        report.album.is_empty(),
        "a URL is never downloaded to the album"
    );
}

#[test]
fn a_denied_album_prompt_fails_and_later_saves_fail_without_asking() {
    let pkg = Pkg::new(&[
        ("index.wxml", LEGACY_MARKUP),
        (
            "index.js",
            r#"Page({
  onReady() { wx.createCanvasContext('myCanvas').draw(); },
  save() {
    wx.canvasToTempFilePath({ canvasId: 'myCanvas' })
      .then((r) => wx.saveImageToPhotosAlbum({ filePath: r.tempFilePath }))
      .catch((e) => console.log(e.errMsg));
  },
})"#,
        ),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "wechat", &["save", "save"], Answer::Deny, &out);
    assert_clean(&report);
    assert_eq!(
        console(&report),
        [
            "saveImageToPhotosAlbum:fail auth deny",
            "saveImageToPhotosAlbum:fail auth deny"
        ]
    );
    assert_eq!(prompts(&report), 1, "the denial is remembered");
    assert!(report.album.is_empty());
}

#[test]
fn alipay_failures_carry_error_codes_and_messages() {
    let pkg = Pkg::new(&[
        ("index.axml", r#"<canvas id="c" width="100" height="100"/>"#),
        (
            "index.js",
            r#"Page({ onReady() {
  my.saveImageToPhotosAlbum({
    filePath: '',
    fail: (e) => console.log(e.error + ' ' + typeof e.errorMessage + ' ' + ('errMsg' in e)),
  });
  my.saveImage({ url: 'data:image/png;base64,AAAA' }).catch((e) => console.log('saveImage ' + e.error));
} })"#,
        ),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "alipay", &[], Answer::Allow, &out);
    assert_clean(&report);
    assert_eq!(console(&report), ["2 string false", "saveImage 2"]);
}

#[test]
fn alipay_context_exports_itself_to_an_ap_file_path() {
    let pkg = Pkg::new(&[
        ("index.axml", r#"<canvas id="c" width="100" height="80"/>"#),
        (
            "index.js",
            r#"Page({ onReady() {
  const ctx = my.createCanvasContext('c');
  ctx.setFillStyle('#00ff00');
  ctx.fillRect(0, 0, 100, 80);
  ctx.draw();
  ctx.toTempFilePath({ success: (r) => console.log(r.apFilePath) });
  ctx.toDataURL().then((url) => console.log(url.slice(0, 22)));
} })"#,
        ),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "alipay", &[], Answer::Allow, &out);
    assert_clean(&report);
    let lines = console(&report);
    assert!(lines[0].starts_with("https://resource/apml"), "{lines:?}");
    assert_eq!(lines[1], "data:image/png;base64,");
    let image = decode(&report.temp_files[0].real_path);
    assert_eq!((image.width(), image.height()), (100, 80));
    assert_eq!(pixel(&image, 10, 10), [0, 255, 0, 255]);
}

#[test]
fn mini_game_canvases_export_with_their_own_methods() {
    let pkg = Pkg::new(&[(
        "game.js",
        r#"const screen = wx.createCanvas();
const ctx = screen.getContext('2d');
ctx.fillStyle = '#0000ff';
ctx.fillRect(0, 0, screen.width, screen.height);
const path = screen.toTempFilePathSync({ width: 20, height: 10, destWidth: 20, destHeight: 10 });
console.log(path.slice(0, 13));
screen.toTempFilePath({
  width: 10, height: 10, destWidth: 10, destHeight: 10,
  success: (r) => console.log('async ' + r.errMsg),
});
try { screen.toTempFilePathSync({ width: -1 }); } catch (e) { console.log('threw ' + e.message); }
"#,
    )]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "wechat-game", &[], Answer::Allow, &out);
    assert_clean(&report);
    let lines = console(&report);
    assert_eq!(lines[0], "wxfile://tmp_");
    assert!(lines[1].starts_with("threw "), "{lines:?}");
    assert_eq!(lines[2], "async toTempFilePath:ok");
    let image = decode(&report.temp_files[0].real_path);
    assert_eq!((image.width(), image.height()), (20, 10));
    assert_eq!(pixel(&image, 5, 5), [0, 0, 255, 255]);
}

#[test]
fn the_json_report_lists_calls_prompts_and_files() {
    let out = Pkg::new(&[]);
    let report = run_on(
        &repo_root().join("examples/wechat-legacy"),
        "wechat",
        &["save"],
        Answer::Allow,
        &out,
    );
    let doc = report.to_json();
    assert_eq!(doc["profile"], json!("wechat"));
    let events = doc["events"].as_array().expect("events");
    let kinds: Vec<&str> = events.iter().filter_map(|e| e["event"].as_str()).collect();
    assert!(
        kinds.contains(&"call") && kinds.contains(&"prompt"),
        "{kinds:?}"
    );
    assert_eq!(doc["album"].as_array().map(Vec::len), Some(1));
    let saves: Vec<_> = calls(&report)
        .into_iter()
        .filter(|(api, ..)| api == "wx.saveImageToPhotosAlbum")
        .collect();
    assert_eq!(saves.len(), 1);
    assert!(saves[0].1);
    assert_eq!(saves[0].2["errMsg"], json!("saveImageToPhotosAlbum:ok"));
}

#[test]
fn alipay_and_feishu_and_mini_game_doc_samples_run_as_written() {
    // Alipay: the context exports itself; the result is `apFilePath`.
    let alipay = Pkg::new(&[
        (
            "index.axml",
            r#"<canvas id="canvas" width="200" height="100"/>"#,
        ),
        (
            "index.js",
            r#"Page({ onReady() {
my.createCanvasContext('canvas').toTempFilePath({
  success(res) {
    console.log(res.apFilePath)
  }
})
} })"#,
        ),
    ]);
    // Feishu: the legacy export of canvas `demo-canvas`.
    let feishu = Pkg::new(&[
        ("index.ttml", r#"<canvas canvas-id="demo-canvas"></canvas>"#),
        (
            "index.js",
            r#"Page({ onReady() {
tt.canvasToTempFilePath({
  canvasId: 'demo-canvas',
  success(res) {
    console.log(res.tempFilePath)
  },
  fail(res) {
    console.log('fail', res.errMsg)
  }
})
} })"#,
        ),
    ]);
    // Mini-game: the Canvas.toTempFilePath sample, then the album save.
    let game = Pkg::new(&[(
        "game.js",
        r#"const canvas = wx.createCanvas()
canvas.toTempFilePath({
  x: 10,
  y: 10,
  width: 200,
  height: 150,
  destWidth: 400,
  destHeight: 300,
  success: (res) => {
    wx.saveImageToPhotosAlbum({
      filePath: res.tempFilePath,
      success: () => console.log('saved')
    })
  }
})"#,
    )]);
    let runs = [
        (&alipay, "alipay", "https://resource/apml", (200, 100)),
        (&feishu, "feishu", "ttfile://temp/", (300, 150)),
        (&game, "wechat-game", "saved", (400, 300)),
    ];
    for (pkg, profile, printed, size) in runs {
        let out = Pkg::new(&[]);
        let report = run_on(pkg.path(), profile, &[], Answer::Allow, &out);
        assert_clean(&report);
        let lines = console(&report);
        assert_eq!(lines.len(), 1, "{profile}: {lines:?}");
        assert!(lines[0].starts_with(printed), "{profile}: {lines:?}");
        let image = decode(&report.temp_files[0].real_path);
        assert_eq!((image.width(), image.height()), size, "{profile}");
    }
}

#[test]
fn every_api_a_profile_lists_is_a_function_on_its_namespace() {
    for name in mpcanvas_platform::profile::PROFILE_NAMES {
        let profile = Profile::named(name).unwrap();
        let list = serde_json::to_string(&profile.apis).unwrap();
        let script = format!(
            "const ns = globalThis['{ns}']; const apis = {list};\n\
             const missing = apis.filter((a) => typeof ns[a] !== 'function');\n\
             console.log(missing.length ? 'missing ' + missing.join(',') : 'all ' + apis.length);",
            ns = profile.namespace
        );
        let pkg = Pkg::new(&[("snippet.js", &script)]);
        let out = Pkg::new(&[]);
        let report = run_on(
            &pkg.path().join("snippet.js"),
            name,
            &[],
            Answer::Allow,
            &out,
        );
        assert_clean(&report);
        assert_eq!(
            console(&report),
            [format!("all {}", profile.apis.len())],
            "{name}"
        );
    }
}

#[test]
fn system_info_replies_follow_each_profiles_shape() {
    for name in mpcanvas_platform::profile::PROFILE_NAMES {
        let profile = Profile::named(name).unwrap();
        let script = format!(
            "const ns = globalThis['{ns}'];\n\
             const sync = ns.getSystemInfoSync();\n\
             ns.getSystemInfo({{ success(r) {{ console.log(r.pixelRatio === sync.pixelRatio, r.errMsg); }} }});",
            ns = profile.namespace
        );
        let pkg = Pkg::new(&[("snippet.js", &script)]);
        let out = Pkg::new(&[]);
        let report = run_on(
            &pkg.path().join("snippet.js"),
            name,
            &[],
            Answer::Allow,
            &out,
        );
        assert_clean(&report);
        let err_msg = if profile.replies.ok_message {
            "getSystemInfo:ok"
        } else {
            "undefined"
        };
        assert_eq!(console(&report), [format!("true {err_msg}")], "{name}");
    }
}

#[test]
fn a_profile_listing_an_api_nothing_implements_refuses_to_start() {
    let page = Pkg::new(&[
        ("index.js", "Page({ onLoad() { console.log('loaded'); } })"),
        ("index.wxml", "<view/>"),
    ]);
    let out = Pkg::new(&[]);
    let mut profile = Profile::named("wechat").unwrap();
    profile.apis.push("makeCoffee".into());
    let config = mpcanvas_runtime::run::RunConfig::new(profile, out.path());
    let report = mpcanvas_runtime::run::run_path(page.path(), config).unwrap();
    let fatal = report.fatal.clone().expect("the run stops");
    assert!(fatal.contains("wx.makeCoffee"), "{fatal}");
    assert!(!console(&report).iter().any(|l| l.contains("loaded")));
}
