//! Markup as the platforms render it, per dialect, from the fixture
//! projects in `markup/`: bindings with the full expression grammar,
//! `if` / `elif` / `else`, nested `for`, `<block>`, templates with
//! `import` / `include`, script modules (WXS, SJS, import-sjs), canvases
//! that exist only in the rendered tree and are sized from bound styles
//! (also inside components, from their properties), slots, datasets and
//! marks on taps, and clear errors with file and line.

use std::path::PathBuf;

use mpcanvas_platform::Answer;

use crate::support::{Pkg, assert_clean, console, run_on};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/js/markup")
        .join(name)
}

fn lines_of(name: &str, profile: &str, taps: &[&str]) -> Vec<String> {
    let out = Pkg::new(&[]);
    let report = run_on(&fixture(name), profile, taps, Answer::Allow, &out);
    assert_clean(&report);
    console(&report)
}

#[test]
fn wxml_bindings_conditionals_lists_templates_and_wxs_decide_the_canvases() {
    let lines = lines_of("wechat", "wechat", &[]);
    assert_eq!(
        lines,
        [
            r#"first {"sized":[300,150,true],"a":10,"b":null,"c":null,"cells":["cell-0-0:5x1","cell-0-1:6x1","cell-1-0:7x2"],"tpl":[200,80,true],"included":150,"inline":"in-7","odd":1,"never":null,"hidden":[0,0,true]}"#,
            r#"second {"sized":[20,150,true],"a":null,"b":20,"c":null,"cells":["cell-0-0:5x1","cell-0-1:6x1","cell-1-0:8x2","cell-1-1:9x2","cell-1-2:10x2"],"tpl":[100,80,true],"included":10,"inline":"in-7","odd":2,"never":null,"hidden":[0,0,true]}"#,
            r#"third {"sized":[20,150,true],"a":null,"b":null,"c":30,"cells":["cell-0-0:5x1","cell-0-1:6x1","cell-1-0:8x2","cell-1-1:9x2","cell-1-2:10x2"],"tpl":[100,80,true],"included":10,"inline":"in-7","odd":2,"never":null,"hidden":[0,0,true]}"#,
        ]
    );
}

const SJS_FIRST: &str = r#"first {"sized":[300,150],"a":10,"b":null,"c":null,"cells":["cell-0-0:5x1","cell-0-1:6x1","cell-1-0:7x2"],"tpl":[200,80],"included":150}"#;
const SJS_SECOND: &str = r#"second {"sized":[20,150],"a":null,"b":20,"c":null,"cells":["cell-0-0:5x1","cell-0-1:6x1","cell-1-0:8x2","cell-1-1:9x2","cell-1-2:10x2"],"tpl":[200,80],"included":10}"#;

#[test]
fn axml_directives_templates_import_sjs_and_tap_datasets_on_alipay() {
    assert_eq!(
        lines_of("alipay", "alipay", &["save"]),
        [
            SJS_FIRST,
            SJS_SECOND,
            r#"tap {"posterId":10,"kind":"poster"} {}"#
        ]
    );
}

#[test]
fn ttml_directives_templates_sjs_datasets_and_marks_on_douyin_and_feishu() {
    for profile in ["douyin", "feishu"] {
        assert_eq!(
            lines_of("ttml", profile, &["save"]),
            [
                SJS_FIRST,
                SJS_SECOND,
                r#"tap {"posterId":10,"kind":"poster"} {"from":"ttml"}"#
            ],
            "{profile}"
        );
    }
}

#[test]
fn component_templates_bind_their_properties_and_slots_stay_with_the_page() {
    let lines = lines_of("component", "wechat", &["grow"]);
    assert_eq!(
        lines,
        [
            "cards 2 200,100",
            "defaults 400x300 node",
            "card-x 200x100 node",
            "slotted 8x8 node",
            "default slot 9x9 node",
            r#"dataset {"posterId":"x","label":"first card"} mark {"kind":"poster","section":"tools"}"#,
            "grown 300x150 node",
        ]
    );
}

/// The error text of a page whose markup is `wxml` (with `extra` files).
fn error_of(file: &str, markup: &str, extra: &[(&str, &str)]) -> String {
    let mut files = vec![(file, markup), ("index.js", "Page({ data: { n: 3 } })")];
    files.extend_from_slice(extra);
    let pkg = Pkg::new(&files);
    let out = Pkg::new(&[]);
    let profile = if file.ends_with(".axml") {
        "alipay"
    } else {
        "wechat"
    };
    let report = run_on(pkg.path(), profile, &[], Answer::Allow, &out);
    assert!(!report.is_clean(), "{file}: {markup} should fail");
    report.to_text()
}

/// (markup file, its text, other files, the error text expected).
type ErrorCase = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);

#[test]
fn markup_that_cannot_render_is_an_error_naming_file_and_line() {
    let cases: [ErrorCase; 10] = [
        (
            "index.wxml",
            "<view>\n  <canvas style=\"width: {{n +}}px\"/>\n</view>",
            &[],
            "index.wxml:2:",
        ),
        (
            "index.wxml",
            "<view/>\n\n<canvas wx:elif=\"{{n}}\"/>",
            &[],
            "index.wxml:3: wx:elif without wx:if",
        ),
        (
            "index.wxml",
            "<canvas wx:show=\"{{n}}\"/>",
            &[],
            "unsupported directive wx:show",
        ),
        (
            "index.wxml",
            "<view>\n<canvas a:if=\"{{n}}\"/>",
            &[],
            "index.wxml:2: a:if is .axml markup",
        ),
        (
            "index.wxml",
            "<view></view>\n</canvas>",
            &[],
            "index.wxml:2: end tag </canvas>",
        ),
        (
            "index.wxml",
            "<template is=\"missing\"/>",
            &[],
            "template 'missing' is not defined",
        ),
        (
            "index.wxml",
            "<template name=\"loop\"><template is=\"loop\"/></template>\n<template is=\"loop\"/>",
            &[],
            "nested deeper than 64",
        ),
        (
            "index.wxml",
            "<import src=\"a.wxml\"/>\n<template is=\"fromB\"/>",
            &[
                (
                    "a.wxml",
                    "<import src=\"b.wxml\"/><template name=\"fromA\"/>",
                ),
                ("b.wxml", "<template name=\"fromB\"><canvas/></template>"),
            ],
            "index.wxml:2: template 'fromB' is not defined or imported here (known: fromA)",
        ),
        (
            "index.axml",
            "<include src=\"nowhere.axml\"/>",
            &[],
            "nowhere.axml not found",
        ),
        (
            "index.wxml",
            "<block wx:for=\"{{100000}}\">\n<block wx:for=\"{{100000}}\"/></block>",
            &[],
            "index.wxml:2: the page's lists and templates visit more than",
        ),
    ];
    for (file, markup, extra, expected) in cases {
        let text = error_of(file, markup, extra);
        assert!(
            text.contains(expected),
            "{markup}\nwanted {expected:?} in:\n{text}"
        );
    }
}

#[test]
fn a_wxs_module_that_loops_or_calls_page_code_fails_clearly() {
    let cases = [
        (
            "<wxs module=\"m\">module.exports = { f: function () { while (true) {} } };</wxs>\n<view id=\"{{m.f()}}\"/>",
            "ran longer than",
        ),
        (
            "<wxs module=\"m\">module.exports = { f: function () { return wx.getSystemInfoSync(); } };</wxs>\n<view id=\"{{m.f()}}\"/>",
            "index.wxml:2:",
        ),
        (
            "<wxs module=\"m\">\nvar x = ;</wxs><view/>",
            "script module 'm'",
        ),
        (
            "<view id=\"{{n.toFixed(2)}}\"/>",
            "only functions of a script module",
        ),
    ];
    for (markup, expected) in cases {
        let text = error_of("index.wxml", markup, &[]);
        assert!(
            text.contains(expected),
            "{markup}\nwanted {expected:?} in:\n{text}"
        );
    }
}

#[test]
fn script_modules_of_an_imported_file_serve_its_templates_in_every_dialect() {
    // (profile, page markup, imported markup file and text, module file
    // and code): the imported file declares the module its templates
    // call, and instantiates one template from another, as Taro's
    // `base.wxml` does; the page declares another module under the same
    // name, which its own bindings keep.
    let cases = [
        (
            "wechat",
            (
                "index.wxml",
                "<import src=\"./base.wxml\"/>\n<wxs module=\"xs\">module.exports = { id: function (n) { return 'page-' + n; } };</wxs>\n<view id=\"{{xs.id(1)}}\"/>\n<template is=\"outer\" data=\"{{n: 2}}\"/>",
            ),
            (
                "base.wxml",
                "<wxs module=\"xs\" src=\"./utils.wxs\"/>\n<template name=\"outer\"><template is=\"{{xs.next('inner')}}\" data=\"{{n: n}}\"/></template>\n<template name=\"inner-x\"><canvas type=\"2d\" id=\"{{xs.id(n)}}\" style=\"width: {{n * 10}}px; height: 10px\"/></template>",
            ),
            (
                "utils.wxs",
                "module.exports = { id: function (n) { return 'base-' + n; }, next: function (s) { return s + '-x'; } };",
            ),
        ),
        (
            "alipay",
            (
                "index.axml",
                "<import src=\"./base.axml\"/>\n<import-sjs name=\"xs\" from=\"./page.sjs\"/>\n<view id=\"{{xs.id(1)}}\"/>\n<template is=\"outer\" data=\"{{n: 2}}\"/>",
            ),
            (
                "base.axml",
                "<import-sjs name=\"xs\" from=\"./utils.sjs\"/>\n<template name=\"outer\"><template is=\"{{xs.next('inner')}}\" data=\"{{n: n}}\"/></template>\n<template name=\"inner-x\"><canvas type=\"2d\" id=\"{{xs.id(n)}}\" style=\"width: {{n * 10}}px; height: 10px\"/></template>",
            ),
            (
                "utils.sjs",
                "export default { id: (n) => 'base-' + n, next: (s) => s + '-x' };",
            ),
        ),
        (
            "douyin",
            (
                "index.ttml",
                "<import src=\"./base.ttml\"/>\n<sjs module=\"xs\" src=\"./page.sjs\"></sjs>\n<view id=\"{{xs.id(1)}}\"/>\n<template is=\"outer\" data=\"{{n: 2}}\"/>",
            ),
            (
                "base.ttml",
                "<sjs module=\"xs\" src=\"./utils.sjs\"></sjs>\n<template name=\"outer\"><template is=\"{{xs.next('inner')}}\" data=\"{{n: n}}\"/></template>\n<template name=\"inner-x\"><canvas type=\"2d\" id=\"{{xs.id(n)}}\" style=\"width: {{n * 10}}px; height: 10px\"/></template>",
            ),
            (
                "utils.sjs",
                "module.exports = { id: function (n) { return 'base-' + n; }, next: function (s) { return s + '-x'; } };",
            ),
        ),
    ];
    let page_module = [
        ("page.sjs", "export default { id: (n) => 'page-' + n };"),
        (
            "page.sjs",
            "module.exports = { id: function (n) { return 'page-' + n; } };",
        ),
    ];
    for (i, (profile, page, base, utils)) in cases.into_iter().enumerate() {
        let ns = ["wx", "my", "tt"][i];
        let script = format!(
            "Page({{ onReady() {{
                const q = {ns}.createSelectorQuery();
                q.select('#page-1').fields({{ id: true, size: true }});
                q.select('#base-2').fields({{ id: true, size: true }});
                q.exec((r) => console.log(r.map((n) => n && n.id + ' ' + n.width).join(', ')));
            }} }});"
        );
        let mut files = vec![page, base, utils, ("index.js", script.as_str())];
        if i > 0 {
            files.push(page_module[i - 1]);
        }
        let pkg = Pkg::new(&files);
        let out = Pkg::new(&[]);
        let report = run_on(pkg.path(), profile, &[], Answer::Allow, &out);
        assert_clean(&report);
        assert_eq!(console(&report), ["page-1 0, base-2 20"], "{profile}");
    }
}

#[test]
fn markup_and_script_modules_read_nothing_outside_the_package() {
    let outside = Pkg::new(&[
        (
            "secret.wxml",
            "<template name=\"leaked\"><canvas/></template>",
        ),
        ("secret.wxs", "module.exports = { v: 'leaked' };"),
    ]);
    let name = outside.path().file_name().unwrap().to_string_lossy();
    let up = format!("../{name}");
    let cases = [
        format!("<import src=\"{up}/secret.wxml\"/>\n<template is=\"leaked\"/>"),
        format!("<include src=\"{up}/secret.wxml\"/>"),
        format!("<wxs module=\"m\" src=\"{up}/secret.wxs\"/>\n<view id=\"{{{{m.v}}}}\"/>"),
        format!(
            "<wxs module=\"m\">module.exports = require('{up}/secret.wxs');</wxs>\n<view id=\"{{{{m.v}}}}\"/>"
        ),
        // A link inside the package that points out.
        "<include src=\"link.wxml\"/>".to_string(),
        "<wxs module=\"m\" src=\"link.wxs\"/>\n<view id=\"{{m.v}}\"/>".to_string(),
    ];
    for markup in cases {
        let pkg = Pkg::new(&[("index.wxml", markup.as_str()), ("index.js", "Page({})")]);
        std::os::unix::fs::symlink(
            outside.path().join("secret.wxml"),
            pkg.path().join("link.wxml"),
        )
        .unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.wxs"),
            pkg.path().join("link.wxs"),
        )
        .unwrap();
        let out = Pkg::new(&[]);
        let report = run_on(pkg.path(), "wechat", &[], Answer::Allow, &out);
        let text = report.to_text();
        assert!(!report.is_clean(), "{markup}: {text}");
        assert!(text.contains("outside the package"), "{markup}: {text}");
        assert!(!text.contains("leaked"), "{markup}: {text}");
    }
}
