//! Device checks (`mpcanvas_platform::checks`): each one as a warning
//! naming the script line, and with `strict` the failure a phone shows.

use mpcanvas_platform::fetch::HttpFetcher;
use mpcanvas_platform::{CheckConfig, Event, Profile};
use mpcanvas_runtime::run::{RunConfig, RunReport, run_path};

use crate::support::{Pkg, console, decode, pixel, serve};

/// `(check, api, message, at, strict)` of every device check.
fn checks(report: &RunReport) -> Vec<(String, String, String, Option<String>, bool)> {
    report
        .events
        .iter()
        .filter_map(|e| match e {
            Event::DeviceCheck {
                check,
                api,
                message,
                at,
                strict,
            } => Some((
                check.clone(),
                api.clone(),
                message.clone(),
                at.clone(),
                *strict,
            )),
            _ => None,
        })
        .collect()
}

/// The report and its data folder (kept while the test reads its files).
fn run(profile: &str, pkg: &Pkg, checks: CheckConfig) -> (RunReport, Pkg) {
    let out = Pkg::new(&[]);
    let mut config = RunConfig::new(Profile::named(profile).unwrap(), out.path());
    config.fetcher = Box::new(HttpFetcher::default());
    config.checks = checks;
    let report = run_path(pkg.path(), config).unwrap();
    assert!(report.is_clean(), "{}", report.to_text());
    (report, out)
}

fn lenient() -> CheckConfig {
    CheckConfig::default()
}

fn strict() -> CheckConfig {
    CheckConfig {
        strict: true,
        ..CheckConfig::default()
    }
}

/// The device check a lenient run meets exactly once: `check` from `api`,
/// its message containing each of `says`, at line `line` of `index.js`.
struct Expected<'a> {
    check: &'a str,
    api: &'a str,
    says: &'a [&'a str],
    line: u32,
}

/// Runs `pkg` on `profile` leniently, then strictly: the lenient run meets
/// `expected` as a warning, the strict one as the failure a phone shows.
/// Returns both reports (each with its data folder).
fn lenient_then_strict(profile: &str, pkg: &Pkg, expected: Expected<'_>) -> [(RunReport, Pkg); 2] {
    let warned = run(profile, pkg, lenient());
    let found = checks(&warned.0);
    assert_eq!(found.len(), 1, "{found:?}");
    let (check, api, message, at, is_strict) = &found[0];
    assert_eq!(
        (check.as_str(), api.as_str()),
        (expected.check, expected.api)
    );
    for says in expected.says {
        assert!(message.contains(says), "{message}");
    }
    assert_at_line(at, expected.line);
    assert!(!is_strict);
    let failed = run(profile, pkg, strict());
    let found = checks(&failed.0);
    assert!(
        found.iter().any(|c| c.0 == expected.check && c.4),
        "{found:?}"
    );
    [warned, failed]
}

/// A check's `at` names line `line` of `index.js`.
fn assert_at_line(at: &Option<String>, line: u32) {
    let prefix = format!("index.js:{line}:");
    assert!(
        at.as_deref().is_some_and(|a| a.starts_with(&prefix)),
        "{at:?} is not at {prefix}"
    );
}

/// The first temp file's image.
fn exported(report: &RunReport) -> mpcanvas_canvas::Image {
    let file = report.temp_files.first().expect("an export");
    decode(std::path::Path::new(&file.real_path))
}

const LEGACY_MARKUP: &str = r#"<canvas canvas-id="c" style="width: 20px; height: 20px"></canvas>"#;

/// The markup of a 2D canvas `#c` of `width`×`height` CSS px.
fn canvas_2d(width: u32, height: u32) -> String {
    format!(r#"<canvas type="2d" id="c" style="width: {width}px; height: {height}px"></canvas>"#)
}

/// A page (markup file `markup`: `index.wxml`, `index.ttml`…) with a 2D
/// canvas `#c` of `width`×`height` CSS px whose `onReady` finds its node
/// with `ns.createSelectorQuery()` and runs `body` with `node` in scope,
/// from line 3 of `index.js`.
fn node_page(markup: &str, ns: &str, (width, height): (u32, u32), body: &str) -> Pkg {
    let script = format!(
        "Page({{ onReady() {{\n\
         {ns}.createSelectorQuery().select('#c').fields({{ node: true }}).exec(([{{ node }}]) => {{\n\
         {body}\n\
         }});\n\
         }} }});"
    );
    Pkg::new(&[(markup, &canvas_2d(width, height)), ("index.js", &script)])
}

#[test]
fn an_export_racing_draw_is_a_warning_and_strict_exports_the_canvas_before_it() {
    let pkg = Pkg::new(&[
        ("index.wxml", LEGACY_MARKUP),
        (
            "index.js",
            "Page({ onReady() {\n\
             const ctx = wx.createCanvasContext('c');\n\
             ctx.setFillStyle('#ff0000'); ctx.fillRect(0, 0, 20, 20);\n\
             ctx.draw();\n\
             wx.canvasToTempFilePath({ canvasId: 'c', success: (r) => console.log('ok') });\n\
             } });",
        ),
    ]);
    let [(warned, _warned_out), (failed, _failed_out)] = lenient_then_strict(
        "wechat",
        &pkg,
        Expected {
            check: "draw-race",
            api: "wx.canvasToTempFilePath",
            says: &["draw() callback"],
            line: 5,
        },
    );
    assert_eq!(pixel(&exported(&warned), 10, 10), [255, 0, 0, 255]);
    // The device had not drawn yet: the export is the blank canvas.
    assert_eq!(pixel(&exported(&failed), 10, 10)[3], 0);
}

#[test]
fn an_export_in_the_draw_callback_meets_no_check_even_when_strict() {
    let pkg = Pkg::new(&[
        ("index.wxml", LEGACY_MARKUP),
        (
            "index.js",
            "Page({ onReady() {\n\
             const ctx = wx.createCanvasContext('c');\n\
             ctx.setFillStyle('#ff0000'); ctx.fillRect(0, 0, 20, 20);\n\
             ctx.draw(false, () => wx.canvasToTempFilePath({ canvasId: 'c', success: () => {} }));\n\
             } });",
        ),
    ]);
    let (report, _report_out) = run("wechat", &pkg, strict());
    assert!(checks(&report).is_empty(), "{:?}", checks(&report));
    assert_eq!(pixel(&exported(&report), 10, 10), [255, 0, 0, 255]);
}

#[test]
fn a_2d_canvas_past_wechats_side_limit_is_a_warning_and_strict_fails_create_bitmap() {
    let pkg = node_page(
        "index.wxml",
        "wx",
        (300, 20),
        "node.width = 1400; node.height = 40;\n\
         wx.canvasToTempFilePath({ canvas: node, destWidth: 300, destHeight: 20,\n\
           success: () => console.log('saved'), fail: (e) => console.log(e.errMsg) });",
    );
    let [(warned, _warned_out), (failed, _failed_out)] = lenient_then_strict(
        "wechat",
        &pkg,
        Expected {
            check: "size-limit",
            api: "wx.canvasToTempFilePath",
            says: &["1400×40", "WeChat 2D canvas side (1365 px a side"],
            line: 4,
        },
    );
    assert_eq!(console(&warned), ["saved"]);
    assert_eq!(
        console(&failed),
        ["canvasToTempFilePath:fail create bitmap failed"]
    );
    // Alipay documents no side limit: the same size passes there.
    assert!(checks(&run("alipay", &alipay_node_page(), strict()).0).is_empty());
}

fn alipay_node_page() -> Pkg {
    Pkg::new(&[
        ("index.axml", &canvas_2d(300, 20)),
        (
            "index.js",
            "Page({ onReady() {\n\
             my.createSelectorQuery().select('#c').node().exec(([{ node }]) => {\n\
             node.width = 1400; node.height = 40;\n\
             node.toTempFilePath({ success: () => console.log('saved'), fail: (e) => console.log(JSON.stringify(e)) });\n\
             });\n\
             } });",
        ),
    ])
}

#[test]
fn a_network_image_on_the_legacy_context_is_a_warning_and_strict_leaves_it_out() {
    let png = crate::fs::png(4, 4);
    let base = serve(png, "image/png");
    let pkg = Pkg::new(&[
        ("index.wxml", LEGACY_MARKUP),
        (
            "index.js",
            &format!(
                "Page({{ onReady() {{\n\
                 const ctx = wx.createCanvasContext('c');\n\
                 ctx.drawImage('{base}/a.png', 0, 0, 20, 20);\n\
                 ctx.draw(false, () => wx.canvasToTempFilePath({{ canvasId: 'c', success: () => {{}} }}));\n\
                 }} }});"
            ),
        ),
    ]);
    let (warned, _warned_out) = run("wechat", &pkg, lenient());
    let found: Vec<_> = checks(&warned)
        .into_iter()
        .filter(|c| c.0 == "network-image")
        .collect();
    assert_eq!(found.len(), 1, "{:?}", checks(&warned));
    assert!(found[0].2.contains("downloadFile first"), "{}", found[0].2);
    assert_at_line(&found[0].3, 4);
    assert_eq!(pixel(&exported(&warned), 10, 10), [10, 20, 30, 255]);

    let (failed, _failed_out) = run("wechat", &pkg, strict());
    assert!(
        checks(&failed)
            .iter()
            .any(|c| c.0 == "network-image" && c.4)
    );
    assert_eq!(pixel(&exported(&failed), 10, 10)[3], 0);
    // Alipay's legacy context fetches network images itself: no check.
    let alipay = Pkg::new(&[
        ("index.axml", LEGACY_MARKUP),
        (
            "index.js",
            &format!(
                "Page({{ onReady() {{\n\
                 const ctx = my.createCanvasContext('c');\n\
                 ctx.drawImage('{base}/a.png', 0, 0, 20, 20);\n\
                 ctx.draw();\n\
                 }} }});"
            ),
        ),
    ]);
    assert!(
        !checks(&run("alipay", &alipay, strict()).0)
            .iter()
            .any(|c| c.0 == "network-image")
    );
}

#[test]
fn a_download_outside_the_domain_list_is_a_warning_and_strict_fails_as_the_phone() {
    let base = serve(b"hello".to_vec(), "text/plain");
    let pkg = Pkg::new(&[
        ("index.wxml", "<view></view>"),
        (
            "index.js",
            &format!(
                "Page({{ onReady() {{\n\
                 wx.downloadFile({{ url: '{base}/a.txt',\n\
                   success: (r) => console.log('ok ' + r.statusCode), fail: (e) => console.log(e.errMsg) }});\n\
                 }} }});"
            ),
        ),
    ]);
    let [(warned, _warned_out), (failed, _failed_out)] = lenient_then_strict(
        "wechat",
        &pkg,
        Expected {
            check: "domain",
            api: "wx.downloadFile",
            says: &["not https"],
            line: 2,
        },
    );
    assert_eq!(console(&warned), ["ok 200"]);
    assert_eq!(
        console(&failed),
        ["downloadFile:fail url not in domain list"]
    );
    // Feishu's downloadFile documents neither rule.
    let feishu = Pkg::new(&[
        ("index.ttml", "<view></view>"),
        (
            "index.js",
            &format!(
                "Page({{ onReady() {{ tt.downloadFile({{ url: '{base}/a.txt', success: () => console.log('ok') }}); }} }});"
            ),
        ),
    ]);
    let (report, _report_out) = run("feishu", &feishu, strict());
    assert!(checks(&report).is_empty());
    assert_eq!(console(&report), ["ok"]);
}

#[test]
fn the_domain_list_admits_listed_domains_and_their_subdomains() {
    let config = CheckConfig {
        strict: true,
        allowed_domains: vec!["example.com".into()],
    };
    assert!(config.domain_allowed("cdn.example.com"));
    assert!(config.domain_allowed("EXAMPLE.com"));
    assert!(!config.domain_allowed("badexample.com"));
    assert!(!config.domain_allowed("example.com.evil.test"));
}

#[test]
fn text_before_load_font_face_finished_is_a_warning_and_strict_draws_the_fallback() {
    let font = std::fs::read(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/js/fonts/lato-latin-regular.woff2"),
    )
    .unwrap();
    let base = serve(font, "font/woff2");
    let pkg = node_page(
        "index.wxml",
        "wx",
        (300, 50),
        &format!(
            "const ctx = node.getContext('2d');\n\
             wx.loadFontFace({{ family: 'Brand', source: 'url(\"{base}/lato.woff2\")', success: () => {{\n\
               ctx.font = '40px Brand'; console.log('after ' + ctx.measureText('Hamburgefonts').width.toFixed(1)); }} }});\n\
             ctx.font = '40px Brand';\n\
             console.log('before ' + ctx.measureText('Hamburgefonts').width.toFixed(1));"
        ),
    );
    let widths = |report: &RunReport| -> Vec<String> { console(report) };
    let [(warned, _warned_out), (failed, _failed_out)] = lenient_then_strict(
        "wechat",
        &pkg,
        Expected {
            check: "font-pending",
            api: "CanvasRenderingContext2D.measureText",
            says: &["before its loadFontFace finished"],
            line: 7,
        },
    );
    let lenient_lines = widths(&warned);
    // Lenient: the font is there at once, before and after alike.
    assert_eq!(
        lenient_lines[0]["before ".len()..],
        lenient_lines[1]["after ".len()..]
    );

    let strict_lines = widths(&failed);
    // Strict: the fallback face before the load finished, Lato after.
    assert_ne!(
        strict_lines[0]["before ".len()..],
        strict_lines[1]["after ".len()..]
    );
    assert_eq!(strict_lines[1], lenient_lines[1]);
}

#[test]
fn an_undocumented_promise_is_a_warning_and_strict_returns_nothing() {
    let pkg = Pkg::new(&[
        ("index.ttml", "<view></view>"),
        (
            "index.js",
            "Page({ onReady() {\n\
             const r = tt.getSetting({});\n\
             console.log(typeof r);\n\
             if (r) r.then(() => console.log('resolved'));\n\
             tt.getSetting({ success: () => console.log('callback') });\n\
             } });",
        ),
    ]);
    let [(warned, _warned_out), (failed, _failed_out)] = lenient_then_strict(
        "douyin",
        &pkg,
        Expected {
            check: "undocumented",
            api: "tt.getSetting",
            says: &["callbacks only"],
            line: 2,
        },
    );
    assert_eq!(console(&warned), ["object", "resolved", "callback"]);
    assert_eq!(console(&failed), ["undefined", "callback"]);
    // WeChat documents the Promise: no check.
    let wechat = Pkg::new(&[
        ("index.wxml", "<view></view>"),
        (
            "index.js",
            "Page({ onReady() { wx.getSetting({}).then(() => console.log('resolved')); } });",
        ),
    ]);
    let (report, _report_out) = run("wechat", &wechat, strict());
    assert!(checks(&report).is_empty());
    assert_eq!(console(&report), ["resolved"]);
}

#[test]
fn an_undocumented_option_is_a_warning_and_strict_ignores_it_as_the_phone() {
    let pkg = node_page(
        "index.ttml",
        "tt",
        (20, 20),
        "tt.canvasToTempFilePath({ canvas: node, success: () => console.log('saved'),\n\
           fail: (e) => console.log(e.errMsg) });",
    );
    let [(warned, _warned_out), (failed, _failed_out)] = lenient_then_strict(
        "feishu",
        &pkg,
        Expected {
            check: "undocumented",
            api: "tt.canvasToTempFilePath",
            says: &["option 'canvas'"],
            line: 3,
        },
    );
    assert_eq!(console(&warned), ["saved"]);
    assert_eq!(
        console(&failed),
        ["canvasToTempFilePath:fail canvas is empty"]
    );
}
