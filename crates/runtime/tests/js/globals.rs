//! Globals per profile: WeChat's `global`, `requirePlugin` and
//! `__wxConfig` (with the app's pages, windows, tab bar and AppID); none of them where a profile does not list them, and no
//! `TextEncoder` / `TextDecoder` / `URL` / `URLSearchParams` anywhere (phones
//! lack them; see each profile's `[globals]`).

use mpcanvas_platform::Profile;
use mpcanvas_runtime::run::{RunConfig, run_path};

use crate::support::{Pkg, assert_clean, console};

const PROBE: &str = r#"
global.webpackJsonp = (global.webpackJsonp || []).concat(['chunk']);
console.log('global ' + typeof global + ' ' + (global === globalThis) + ' ' + global.webpackJsonp.length);
try { requirePlugin('myPlugin'); } catch (e) { console.log('plugin: ' + e.message); }
console.log('requireMiniProgram ' + typeof requireMiniProgram);
"#;

fn run(profile: &str, script: &str) -> Vec<String> {
    let pkg = Pkg::new(&[("index.js", script)]);
    let out = Pkg::new(&[]);
    let report = run_path(
        pkg.path(),
        RunConfig::new(Profile::named(profile).unwrap(), out.path()),
    )
    .unwrap();
    assert_clean(&report);
    console(&report)
}

#[test]
fn wechat_has_global_and_require_plugin_naming_the_plugin() {
    let lines = run("wechat", &format!("{PROBE}\nPage({{}});"));
    assert_eq!(lines[0], "global object false 1");
    assert!(
        lines[1].starts_with("plugin: requirePlugin('myPlugin'): mpcanvas does not load"),
        "{lines:?}"
    );
    assert_eq!(lines[2], "requireMiniProgram undefined");
}

#[test]
fn profiles_without_globals_do_not_define_them() {
    let lines = run(
        "alipay",
        "console.log([typeof global, typeof requirePlugin, typeof requireMiniProgram].join(' ')); Page({});",
    );
    assert_eq!(lines, ["undefined undefined undefined"]);
}

/// What page code sees of the web-platform globals phones lack.
const WEB_GLOBALS: &str = "console.log(['TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams'].map((n) => typeof globalThis[n]).join(' '));";

#[test]
fn no_profile_defines_text_encoding_or_url() {
    for profile in ["wechat", "wechat-game", "alipay", "feishu", "douyin"] {
        let script = if profile == "wechat-game" {
            WEB_GLOBALS.to_string()
        } else {
            format!("{WEB_GLOBALS}\nPage({{}});")
        };
        let pkg = Pkg::new(&[(
            if profile == "wechat-game" {
                "game.js"
            } else {
                "index.js"
            },
            script.as_str(),
        )]);
        let out = Pkg::new(&[]);
        let report = run_path(
            pkg.path(),
            RunConfig::new(Profile::named(profile).unwrap(), out.path()),
        )
        .unwrap();
        assert_clean(&report);
        assert_eq!(
            console(&report),
            ["undefined undefined undefined undefined"],
            "{profile}"
        );
    }
}

#[test]
fn wechat_config_has_env_version_platform_and_launch_info() {
    let lines = run(
        "wechat",
        "console.log(JSON.stringify(__wxConfig)); Page({});",
    );
    assert_eq!(
        lines,
        [
            r#"{"envVersion":"develop","platform":"devtools","appLaunchInfo":{"path":"index","query":{},"scene":1001,"referrerInfo":{}},"accountInfo":{"appId":"touristappid","icon":"","nickname":""},"entryPagePath":"index.html","global":{"window":{}},"page":{"index.html":{"window":{}}},"pages":["index"]}"#
        ]
    );
}

#[test]
fn wechat_config_carries_app_json_pages_windows_tab_bar_and_app_id() {
    let pkg = Pkg::new(&[
        ("project.config.json", r#"{"appid": "wx0123456789abcdef"}"#),
        (
            "app.json",
            r#"{"pages": ["pages/a/a", "pages/b/b"], "window": {"navigationBarTitleText": "Shop", "navigationBarTextStyle": "black"}, "tabBar": {"list": [{"pagePath": "pages/a/a", "text": "A"}]}, "subPackages": [{"root": "sub", "pages": ["c/c"]}]}"#,
        ),
        ("app.js", "App({});"),
        (
            "pages/a/a.json",
            r#"{"navigationBarTitleText": "Page A", "usingComponents": {}}"#,
        ),
        (
            "pages/a/a.js",
            "const c = __wxConfig; console.log(JSON.stringify([c.pages, c.entryPagePath, c.global.window, c.page['pages/a/a.html'].window, c.page['pages/b/b.html'].window, c.page['sub/c/c.html'].window, c.tabBar.list[0].pagePath, c.accountInfo])); Page({});",
        ),
        ("pages/b/b.js", "Page({});"),
        ("sub/c/c.js", "Page({});"),
    ]);
    let out = Pkg::new(&[]);
    let report = run_path(
        pkg.path(),
        RunConfig::new(Profile::named("wechat").unwrap(), out.path()),
    )
    .unwrap();
    assert_clean(&report);
    assert_eq!(
        console(&report),
        [
            r##"[["pages/a/a","pages/b/b","sub/c/c"],"pages/a/a.html",{"navigationBarTextStyle":"black","navigationBarTitleText":"Shop"},{"navigationBarTitleText":"Page A"},{},{},"pages/a/a",{"appId":"wx0123456789abcdef","icon":"","nickname":""}]"##
        ]
    );
}

#[test]
fn wechat_config_entry_page_follows_app_json_entry_page_path() {
    let pkg = Pkg::new(&[
        (
            "app.json",
            r#"{"pages": ["pages/a/a", "pages/b/b"], "entryPagePath": "pages/b/b"}"#,
        ),
        (
            "pages/a/a.js",
            "console.log(__wxConfig.entryPagePath + ' ' + typeof __wxConfig.tabBar); Page({});",
        ),
        ("pages/b/b.js", "Page({});"),
    ]);
    let out = Pkg::new(&[]);
    let mut config = RunConfig::new(Profile::named("wechat").unwrap(), out.path());
    config.page = Some("pages/a/a".into());
    let report = run_path(pkg.path(), config).unwrap();
    assert_clean(&report);
    assert_eq!(console(&report), ["pages/b/b.html undefined"]);
}

#[test]
fn wechat_config_is_set_before_app_code_runs() {
    let pkg = Pkg::new(&[
        ("app.json", r#"{"pages": ["pages/poster/poster"]}"#),
        (
            "app.js",
            "console.log('app ' + __wxConfig.envVersion + ' ' + __wxConfig.appLaunchInfo.path); App({});",
        ),
        ("pages/poster/poster.js", "Page({});"),
    ]);
    let out = Pkg::new(&[]);
    let report = run_path(
        pkg.path(),
        RunConfig::new(Profile::named("wechat").unwrap(), out.path()),
    )
    .unwrap();
    assert_clean(&report);
    assert_eq!(console(&report), ["app develop pages/poster/poster"]);
}

#[test]
fn other_profiles_have_no_config_global() {
    for profile in ["alipay", "feishu", "douyin"] {
        let lines = run(profile, "console.log(typeof __wxConfig); Page({});");
        assert_eq!(lines, ["undefined"], "{profile}");
    }
}
