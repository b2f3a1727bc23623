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

/// The first temp file's image.
fn exported(report: &RunReport) -> mpcanvas_canvas::Image {
    let file = report.temp_files.first().expect("an export");
    decode(std::path::Path::new(&file.real_path))
}

const LEGACY_MARKUP: &str = r#"<canvas canvas-id="c" style="width: 20px; height: 20px"></canvas>"#;

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
    let (warned, _warned_out) = run("wechat", &pkg, lenient());
    let found = checks(&warned);
    assert_eq!(found.len(), 1, "{found:?}");
    let (check, api, message, at, is_strict) = &found[0];
    assert_eq!(
        (check.as_str(), api.as_str()),
        ("draw-race", "wx.canvasToTempFilePath")
    );
    assert!(message.contains("draw() callback"), "{message}");
    assert_eq!(
        at.as_deref().map(|a| a.starts_with("index.js:5:")),
        Some(true),
        "{at:?}"
    );
    assert!(!is_strict);
    assert_eq!(pixel(&exported(&warned), 10, 10), [255, 0, 0, 255]);

    let (failed, _failed_out) = run("wechat", &pkg, strict());
    assert!(checks(&failed)[0].4);
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
    let pkg = Pkg::new(&[
        (
            "index.wxml",
            r#"<canvas type="2d" id="c" style="width: 300px; height: 20px"></canvas>"#,
        ),
        (
            "index.js",
            "Page({ onReady() {\n\
             wx.createSelectorQuery().select('#c').fields({ node: true }).exec(([{ node }]) => {\n\
             node.width = 1400; node.height = 40;\n\
             wx.canvasToTempFilePath({ canvas: node, destWidth: 300, destHeight: 20,\n\
               success: () => console.log('saved'), fail: (e) => console.log(e.errMsg) });\n\
             });\n\
             } });",
        ),
    ]);
    let (warned, _warned_out) = run("wechat", &pkg, lenient());
    let found = checks(&warned);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "size-limit");
    assert!(found[0].2.contains("1400×40"), "{}", found[0].2);
    assert!(
        found[0].2.contains("WeChat 2D canvas side (1365 px a side"),
        "{}",
        found[0].2
    );
    assert_eq!(
        found[0].3.as_deref().map(|a| a.starts_with("index.js:4:")),
        Some(true)
    );
    assert_eq!(console(&warned), ["saved"]);

    let (failed, _failed_out) = run("wechat", &pkg, strict());
    assert_eq!(
        console(&failed),
        ["canvasToTempFilePath:fail create bitmap failed"]
    );
    // Alipay documents no side limit: the same size passes there.
    assert!(checks(&run("alipay", &alipay_node_page(), strict()).0).is_empty());
}

fn alipay_node_page() -> Pkg {
    Pkg::new(&[
        (
            "index.axml",
            r#"<canvas type="2d" id="c" style="width: 300px; height: 20px"></canvas>"#,
        ),
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
    assert_eq!(
        found[0].3.as_deref().map(|a| a.starts_with("index.js:4:")),
        Some(true)
    );
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
    let (warned, _warned_out) = run("wechat", &pkg, lenient());
    let found = checks(&warned);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("domain", "wx.downloadFile")
    );
    assert!(found[0].2.contains("not https"), "{}", found[0].2);
    assert_eq!(
        found[0].3.as_deref().map(|a| a.starts_with("index.js:2:")),
        Some(true)
    );
    assert_eq!(console(&warned), ["ok 200"]);

    let (failed, _failed_out) = run("wechat", &pkg, strict());
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
    let pkg = Pkg::new(&[
        (
            "index.wxml",
            r#"<canvas type="2d" id="c" style="width: 300px; height: 50px"></canvas>"#,
        ),
        (
            "index.js",
            &format!(
                "Page({{ onReady() {{\n\
                 wx.createSelectorQuery().select('#c').fields({{ node: true }}).exec(([{{ node }}]) => {{\n\
                 const ctx = node.getContext('2d');\n\
                 wx.loadFontFace({{ family: 'Brand', source: 'url(\"{base}/lato.woff2\")', success: () => {{\n\
                   ctx.font = '40px Brand'; console.log('after ' + ctx.measureText('Hamburgefonts').width.toFixed(1)); }} }});\n\
                 ctx.font = '40px Brand';\n\
                 console.log('before ' + ctx.measureText('Hamburgefonts').width.toFixed(1));\n\
                 }});\n\
                 }} }});"
            ),
        ),
    ]);
    let widths = |report: &RunReport| -> Vec<String> { console(report) };
    let (warned, _warned_out) = run("wechat", &pkg, lenient());
    let found = checks(&warned);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "font-pending");
    assert_eq!(found[0].1, "CanvasRenderingContext2D.measureText");
    assert_eq!(
        found[0].3.as_deref().map(|a| a.starts_with("index.js:7:")),
        Some(true)
    );
    let lenient_lines = widths(&warned);
    // Lenient: the font is there at once, before and after alike.
    assert_eq!(
        lenient_lines[0]["before ".len()..],
        lenient_lines[1]["after ".len()..]
    );

    let (failed, _failed_out) = run("wechat", &pkg, strict());
    assert!(checks(&failed)[0].4);
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
    let (warned, _warned_out) = run("douyin", &pkg, lenient());
    let found = checks(&warned);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("undocumented", "tt.getSetting")
    );
    assert!(found[0].2.contains("callbacks only"), "{}", found[0].2);
    assert_eq!(
        found[0].3.as_deref().map(|a| a.starts_with("index.js:2:")),
        Some(true)
    );
    assert_eq!(console(&warned), ["object", "resolved", "callback"]);

    let (failed, _failed_out) = run("douyin", &pkg, strict());
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
    let pkg = Pkg::new(&[
        (
            "index.ttml",
            r#"<canvas type="2d" id="c" style="width: 20px; height: 20px"></canvas>"#,
        ),
        (
            "index.js",
            "Page({ onReady() {\n\
             tt.createSelectorQuery().select('#c').fields({ node: true }).exec(([{ node }]) => {\n\
             tt.canvasToTempFilePath({ canvas: node, success: () => console.log('saved'),\n\
               fail: (e) => console.log(e.errMsg) });\n\
             });\n\
             } });",
        ),
    ]);
    let (warned, _warned_out) = run("feishu", &pkg, lenient());
    let found = checks(&warned);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].1.as_str()),
        ("undocumented", "tt.canvasToTempFilePath")
    );
    assert!(found[0].2.contains("option 'canvas'"), "{}", found[0].2);
    assert_eq!(
        found[0].3.as_deref().map(|a| a.starts_with("index.js:3:")),
        Some(true)
    );
    assert_eq!(console(&warned), ["saved"]);

    let (failed, _failed_out) = run("feishu", &pkg, strict());
    assert_eq!(
        console(&failed),
        ["canvasToTempFilePath:fail canvas is empty"]
    );
}
