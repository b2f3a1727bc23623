//! The binding grammar per markup dialect, from a page: what each
//! dialect's compiler accepts sizes a canvas as the phone would; what it
//! refuses stops the run naming the part, the file and the line.

use mpcanvas_platform::Answer;

use crate::support::{Pkg, assert_clean, console, run_on};

/// Runs a page (`markup` in `file`, `script` as its JS) on `profile`.
fn run(profile: &str, file: &str, markup: &str, script: &str) -> mpcanvas_runtime::run::RunReport {
    let pkg = Pkg::new(&[(file, markup), ("index.js", script)]);
    let out = Pkg::new(&[]);
    run_on(pkg.path(), profile, &[], Answer::Allow, &out)
}

/// A page logging the size and dataset of canvas `#c`, `ns` its namespace.
fn sizing_page(ns: &str) -> String {
    format!(
        "Page({{
            data: {{ w: 200, h: null, ratio: 2.7, user: {{ name: 'ada' }} }},
            onReady() {{
                {ns}.createSelectorQuery().select('#c').fields({{ size: true, dataset: true }})
                    .exec((r) => console.log(r[0].width + 'x' + r[0].height + ' ' + JSON.stringify(r[0].dataset)));
            }},
        }});"
    )
}

#[test]
fn wxml_bindings_take_bitwise_void_typeof_and_nullish_as_wechats_compiler_does() {
    let report = run(
        "wechat",
        "index.wxml",
        r#"<canvas id="c" type="2d"
            style="width: {{ w | 1 }}px; height: {{ (h ?? 50) + (~~ratio) + (w & 4) + (w ^ 200) }}px"
            data-kind="{{ typeof user.name }}" data-gone="{{ void 0 }}"/>"#,
        &sizing_page("wx"),
    );
    assert_clean(&report);
    // 200 | 1 = 201; 50 + 2 + (200 & 4 = 0) + 0 = 52.
    assert_eq!(console(&report), [r#"201x52 {"kind":"string"}"#]);
}

#[test]
fn each_dialect_refuses_what_its_compiler_refuses_with_file_and_line() {
    let cases = [
        (
            "wechat",
            "index.wxml",
            "{{ user?.name }}",
            "optional chaining '?.' is not part of the WXML",
        ),
        (
            "wechat",
            "index.wxml",
            "{{ `${w}px` }}",
            "a template literal is not part of the WXML",
        ),
        (
            "wechat",
            "index.wxml",
            "{{ w << 1 }}",
            "a shift operator is not part of the WXML",
        ),
        (
            "wechat",
            "index.wxml",
            "{{ w ** 2 }}",
            "'**' is not part of the WXML",
        ),
        (
            "wechat",
            "index.wxml",
            "{{ 'name' in user }}",
            "'in' is not part of the WXML",
        ),
        (
            "alipay",
            "index.axml",
            "{{ w | 1 }}",
            "a bitwise operator is not part of the AXML",
        ),
        (
            "alipay",
            "index.axml",
            "{{ h ?? 1 }}",
            "'??' is not part of the AXML",
        ),
        (
            "douyin",
            "index.ttml",
            "{{ typeof w }}",
            "'typeof' is not part of the TTML",
        ),
        (
            "feishu",
            "index.ttml",
            "{{ void w }}",
            "'void' is not part of the TTML",
        ),
    ];
    for (profile, file, binding, expected) in cases {
        let markup = format!("<view>\n  <canvas id=\"c\" style=\"width: {binding}px\"/>\n</view>");
        let report = run(
            profile,
            file,
            &markup,
            "Page({ data: { w: 1, user: {} } });",
        );
        assert!(!report.is_clean(), "{profile}: {binding} should fail");
        let text = report.to_text();
        assert!(
            text.contains(&format!("{file}:2:")) && text.contains(expected),
            "{profile}: {binding}\nwanted {expected:?} at {file}:2 in:\n{text}"
        );
    }
}

#[test]
fn axml_and_ttml_render_their_documented_core() {
    for (profile, file, ns, prefix) in [
        ("alipay", "index.axml", "my", "a"),
        ("douyin", "index.ttml", "tt", "tt"),
        ("feishu", "index.ttml", "tt", "tt"),
    ] {
        let markup = format!(
            r#"<block {prefix}:if="{{{{ w > 100 && user.name == 'ada' }}}}">
                <canvas id="c" type="2d" style="width: {{{{ w / 2 + 10 }}}}px; height: {{{{ h ? h : w % 150 }}}}px"
                    data-label="{{{{ 'hi ' + user['name'] }}}}"/>
            </block>"#
        );
        let report = run(profile, file, &markup, &sizing_page(ns));
        assert_clean(&report);
        assert_eq!(
            console(&report),
            [r#"110x50 {"label":"hi ada"}"#],
            "{profile}"
        );
    }
}
