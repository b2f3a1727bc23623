//! Projects as they ship: TypeScript pages with ES module imports, npm
//! packages from `miniprogram_npm/` and `node_modules/`, UMD bundles,
//! and compile errors that name the author's file and line.

use mpcanvas_platform::Answer;

use crate::support::{Pkg, assert_clean, console, decode, pixel, run_on};

const POSTER_PAGE_TS: &str = r#"import { fillBackground, type Rgb } from 'paint-utils';
import * as sizes from './sizes';

interface Saved { path: string }

Page({
  data: { saved: '' } as Saved | { saved: string },
  canvas: null as any,
  onReady() {
    wx.createSelectorQuery()
      .select('#poster')
      .fields({ node: true, size: true })
      .exec((res: any[]) => {
        const canvas = res[0].node;
        canvas.width = sizes.W;
        canvas.height = sizes.H;
        const red: Rgb = [220, 20, 60];
        fillBackground(canvas.getContext('2d'), red, sizes.W, sizes.H);
        this.canvas = canvas;
      });
  },
  save() {
    wx.canvasToTempFilePath({
      canvas: this.canvas,
      success: (res: { tempFilePath: string }) =>
        wx.saveImageToPhotosAlbum({ filePath: res.tempFilePath }),
    });
  },
});
"#;

fn project(extra: &[(&'static str, &'static str)]) -> Pkg {
    let mut files: Vec<(&str, &str)> = vec![
        (
            "project.config.json",
            r#"{"miniprogramRoot": "", "setting": {"useCompilerPlugins": ["typescript"]}}"#,
        ),
        ("app.json", r#"{"pages": ["pages/poster/poster"]}"#),
        ("app.ts", "App({});\n"),
        (
            "pages/poster/poster.wxml",
            r#"<canvas type="2d" id="poster" style="width: 120px; height: 80px"></canvas>
<badge label="npm"/>"#,
        ),
        (
            "pages/poster/poster.json",
            r#"{"usingComponents": {"badge": "badge-component"}}"#,
        ),
        (
            "pages/poster/sizes.ts",
            "export const W: number = 120;\nexport const H = 80;\n",
        ),
        // An ES module package, installed by npm (no build step).
        (
            "node_modules/paint-utils/package.json",
            r#"{"name": "paint-utils", "main": "dist/index.js"}"#,
        ),
        (
            "node_modules/paint-utils/dist/index.js",
            "import { css } from './color.js';\nexport function fillBackground(ctx, rgb, w, h) { ctx.fillStyle = css(rgb); ctx.fillRect(0, 0, w, h); }\n",
        ),
        (
            "node_modules/paint-utils/dist/color.js",
            "export const css = ([r, g, b]) => `rgb(${r}, ${g}, ${b})`;\n",
        ),
        // A component package as the devtools build it, a UMD bundle.
        (
            "miniprogram_npm/badge-component/index.js",
            "(function (root, factory) { if (typeof module === 'object' && module.exports) module.exports = factory(); else root.Badge = factory(); })(window, function () { Component({ properties: { label: String }, lifetimes: { attached() { console.log('badge ' + this.data.label + ' ' + typeof window); } } }); return {}; });\n",
        ),
        (
            "miniprogram_npm/badge-component/index.json",
            r#"{"component": true}"#,
        ),
        (
            "miniprogram_npm/badge-component/index.wxml",
            "<view>{{label}}</view>",
        ),
    ];
    files.extend_from_slice(extra);
    files.push(("pages/poster/poster.ts", POSTER_PAGE_TS));
    Pkg::new(&files)
}

#[test]
fn a_typescript_page_with_npm_modules_and_an_npm_component_saves_its_poster() {
    let pkg = project(&[]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "wechat", &["save"], Answer::Allow, &out);
    assert_clean(&report);
    assert_eq!(console(&report), vec!["badge npm undefined".to_string()]);
    assert_eq!(report.album.len(), 1, "{}", report.to_text());
    let image = decode(&report.album[0].real_path);
    // WeChat exports a 2D node at its CSS size times the pixel ratio (2).
    assert_eq!((image.width(), image.height()), (240, 160));
    assert_eq!(pixel(&image, 120, 80), [220, 20, 60, 255]);
}

#[test]
fn errors_in_typescript_name_the_original_file_and_line() {
    let pkg = Pkg::new(&[
        ("app.json", r#"{"pages": ["pages/a/a"]}"#),
        (
            "pages/a/a.ts",
            "import { twice } from './util';\n\ninterface Big {\n  n: number;\n}\n\nPage({\n  onLoad() {\n    const b: Big = { n: twice(2) };\n    throw new Error('bad ' + b.n);\n  },\n});\n",
        ),
        (
            "pages/a/util.ts",
            "export const twice = (n: number): number => n * 2;\n",
        ),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "wechat", &[], Answer::Allow, &out);
    let text = report.to_text();
    assert!(text.contains("Error: bad 4"), "{text}");
    assert!(text.contains("pages/a/a.ts:10"), "{text}");
}

#[test]
fn syntax_errors_name_the_file_and_line_instead_of_a_blank_poster() {
    let pkg = Pkg::new(&[
        ("app.json", r#"{"pages": ["pages/a/a"]}"#),
        (
            "pages/a/a.js",
            "import { x } from './x';\nexport const y = ;\nPage({});\n",
        ),
        ("pages/a/x.js", "export const x = 1;\n"),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "wechat", &[], Answer::Allow, &out);
    assert!(!report.is_clean());
    let text = report.to_text();
    assert!(text.contains("SyntaxError: pages/a/a.js:2:"), "{text}");
}

#[test]
fn a_missing_npm_package_is_named() {
    let pkg = Pkg::new(&[
        ("app.json", r#"{"pages": ["index"]}"#),
        (
            "index.js",
            "const lib = require('not-installed');\nPage({});\n",
        ),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "wechat", &[], Answer::Allow, &out);
    assert!(
        report
            .to_text()
            .contains("module 'not-installed' is not defined"),
        "{}",
        report.to_text()
    );
}

#[test]
fn system_info_reports_each_profiles_versions_and_the_chosen_system() {
    use mpcanvas_platform::Profile;
    use mpcanvas_platform::system::Os;
    use mpcanvas_runtime::run::{RunConfig, run_path};
    for name in mpcanvas_platform::profile::PROFILE_NAMES {
        let profile = Profile::named(name).unwrap();
        let script = format!(
            "const i = globalThis['{}'].getSystemInfoSync();\nconsole.log([i.SDKVersion, i.version, i.platform, i.statusBarHeight, i.safeArea.bottom, i.language].join(' '));",
            profile.namespace
        );
        let pkg = Pkg::new(&[("snippet.js", &script)]);
        for (os, sdk) in [(None, None), (Some(Os::Ios), Some("2.19.4"))] {
            let mut profile = profile.clone();
            if let Some(os) = os {
                profile.system.os = os;
            }
            if let Some(sdk) = sdk {
                profile.system.sdk_version = sdk.into();
            }
            let expected = format!(
                "{} {} {} {} {} {}",
                profile.system.sdk_version,
                profile.system.version,
                if os.is_some() { "ios" } else { "devtools" },
                if os.is_some() { 47 } else { 20 },
                if os.is_some() { 667 - 34 } else { 667 },
                profile.system.language,
            );
            let out = Pkg::new(&[]);
            let report = run_path(
                &pkg.path().join("snippet.js"),
                RunConfig::new(profile, out.path()),
            )
            .unwrap();
            assert_clean(&report);
            assert_eq!(console(&report), vec![expected], "{name}");
        }
    }
}

#[test]
fn the_page_option_opens_a_subpackage_page_with_its_query() {
    use mpcanvas_platform::Profile;
    use mpcanvas_runtime::run::{RunConfig, run_path};
    let pkg = Pkg::new(&[
        ("project.config.json", r#"{"miniprogramRoot": "src/"}"#),
        (
            "src/app.json",
            r#"{"pages": ["pages/index/index"], "subPackages": [{"root": "sub", "pages": ["poster/poster"]}]}"#,
        ),
        (
            "src/app.js",
            "App({ onLaunch(o) { console.log('launch ' + o.path + ' ' + o.query.id); } });",
        ),
        (
            "src/pages/index/index.js",
            "Page({ onLoad() { console.log('wrong page'); } });",
        ),
        (
            "src/sub/poster/poster.js",
            "Page({ onLoad(query) { console.log('poster ' + JSON.stringify(query) + ' ' + this.route); } });",
        ),
    ]);
    let out = Pkg::new(&[]);
    let mut config = RunConfig::new(Profile::named("wechat").unwrap(), out.path());
    config.page = Some("sub/poster/poster".into());
    config.query = vec![("id".into(), "42".into()), ("from".into(), "share".into())];
    let report = run_path(pkg.path(), config).unwrap();
    assert_clean(&report);
    assert_eq!(
        console(&report),
        vec![
            "launch sub/poster/poster 42".to_string(),
            r#"poster {"id":"42","from":"share"} sub/poster/poster"#.to_string(),
        ]
    );
    let mut config = RunConfig::new(Profile::named("wechat").unwrap(), out.path());
    config.page = Some("pages/nope".into());
    let Err(e) = run_path(pkg.path(), config) else {
        panic!("an unknown page is an error")
    };
    assert!(e.to_string().contains("not a page"), "{e}");
}

#[test]
fn component_properties_follow_the_parents_data_and_reach_observers() {
    let pkg = Pkg::new(&[
        ("app.json", r#"{"pages": ["index"]}"#),
        (
            "index.json",
            r#"{"usingComponents": {"poster-view": "/components/poster"}}"#,
        ),
        (
            "index.wxml",
            r#"<poster-view id="p" config="{{posterConfig}}" items="{{list}}" hide-loading="{{true}}" width="{{w * 2}}" title="Hi {{name}}!" empty="{{nothing}}"/>"#,
        ),
        (
            "index.js",
            r#"Page({
  data: { posterConfig: { bg: 'red', n: 1 }, list: [1, 2], w: 150, name: 'Ann', nothing: null },
  onReady() { this.setData({ 'posterConfig.n': 2, w: 200 }); },
});"#,
        ),
        ("components/poster.wxml", "<view/>"),
        (
            "components/poster.js",
            r#"Component({
  properties: {
    config: { type: Object, observer(n, o) { console.log('config ' + JSON.stringify(n) + ' was ' + JSON.stringify(o)); } },
    items: Array,
    hideLoading: { type: Boolean, value: false },
    width: { type: Number, value: 400 },
    height: { type: Number, value: 300 },
    title: String,
    empty: { type: Object, value: null },
  },
  observers: { 'width, height': function (w, h) { console.log('size ' + w + 'x' + h); } },
  lifetimes: {
    attached() {
      const d = this.data;
      console.log([typeof d.config, d.items.length, d.hideLoading, d.width, d.height, d.title, d.empty].join(' '));
    },
  },
});"#,
        ),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "wechat", &[], Answer::Allow, &out);
    assert_clean(&report);
    let lines = console(&report);
    assert_eq!(
        lines,
        vec![
            r#"config {"bg":"red","n":1} was undefined"#.to_string(),
            "size 300x300".to_string(),
            "object 2 true 300 300 Hi Ann! ".to_string(),
            r#"config {"bg":"red","n":2} was {"bg":"red","n":1}"#.to_string(),
            "size 400x300".to_string(),
        ],
    );
}

#[test]
fn alipay_props_take_bound_data_and_on_callbacks() {
    let pkg = Pkg::new(&[
        ("app.json", r#"{"pages": ["index"]}"#),
        ("index.json", r#"{"usingComponents": {"card": "/card"}}"#),
        (
            "index.axml",
            r#"<card config="{{cfg}}" onDone="handleDone"/>"#,
        ),
        (
            "index.js",
            "Page({ data: { cfg: { size: 3 } }, handleDone(v) { console.log('done ' + v + ' ' + this.data.cfg.size); } });",
        ),
        ("card.axml", "<view/>"),
        (
            "card.js",
            "Component({ props: { config: {}, onDone: () => {} }, didMount() { this.props.onDone(this.props.config.size * 2); } });",
        ),
    ]);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), "alipay", &[], Answer::Allow, &out);
    assert_clean(&report);
    assert_eq!(console(&report), vec!["done 6 3".to_string()]);
}
