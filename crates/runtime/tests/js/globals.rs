//! Globals per profile: WeChat's `global` and `requirePlugin`; none of
//! them where a profile does not list them.

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
