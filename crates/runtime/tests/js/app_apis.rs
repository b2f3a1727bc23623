//! System APIs as profile data: the split system information
//! (`getWindowInfo` / `getDeviceInfo` / `getAppBaseInfo`), the launch
//! options and the app show / hide listeners exist only on the profiles
//! whose docs list them, with the fields those docs name.

use mpcanvas_platform::Profile;
use mpcanvas_runtime::run::{RunConfig, run_path};

use crate::support::{Pkg, assert_clean, console};

const NAMES: &str = "['getWindowInfo', 'getDeviceInfo', 'getAppBaseInfo', 'getLaunchOptionsSync', 'getEnterOptionsSync', 'onAppShow', 'offAppShow', 'onAppHide', 'offAppHide']";

/// Runs an app (app.js, one page with `page`) on `profile` with a launch
/// query, and returns its console lines.
fn run_app(profile: &str, app: &str, page: &str) -> Vec<String> {
    let pkg = Pkg::new(&[
        ("app.json", r#"{"pages": ["pages/poster/poster"]}"#),
        ("app.js", app),
        ("pages/poster/poster.js", page),
    ]);
    let out = Pkg::new(&[]);
    let mut config = RunConfig::new(Profile::named(profile).unwrap(), out.path());
    config.query = vec![("id".into(), "42".into())];
    let report = run_path(pkg.path(), config).unwrap();
    assert_clean(&report);
    console(&report)
}

fn defined(profile: &str) -> String {
    let ns = Profile::named(profile).unwrap().namespace;
    let lines = run_app(
        profile,
        "App({});",
        &format!(
            "console.log({NAMES}.filter((n) => typeof {ns}[n] === 'function').join(' ')); Page({{}});"
        ),
    );
    lines.join("\n")
}

#[test]
fn each_profile_defines_the_system_apis_its_docs_list() {
    assert_eq!(
        defined("wechat"),
        "getWindowInfo getDeviceInfo getAppBaseInfo getLaunchOptionsSync getEnterOptionsSync onAppShow offAppShow onAppHide offAppHide"
    );
    assert_eq!(
        defined("alipay"),
        "getLaunchOptionsSync onAppShow offAppShow onAppHide offAppHide"
    );
    assert_eq!(
        defined("douyin"),
        "getLaunchOptionsSync onAppShow offAppShow onAppHide offAppHide"
    );
    assert_eq!(defined("feishu"), "");
}

#[test]
fn wechat_game_has_the_split_information_and_launch_options() {
    let pkg = Pkg::new(&[(
        "game.js",
        &*format!(
            "console.log({NAMES}.filter((n) => typeof wx[n] === 'function').join(' '));
             console.log(wx.getLaunchOptionsSync().scene);"
        ),
    )]);
    let out = Pkg::new(&[]);
    let report = run_path(
        pkg.path(),
        RunConfig::new(Profile::named("wechat-game").unwrap(), out.path()),
    )
    .unwrap();
    assert_clean(&report);
    let lines = console(&report);
    assert_eq!(
        lines[0],
        "getWindowInfo getDeviceInfo getAppBaseInfo getLaunchOptionsSync"
    );
    assert_eq!(lines[1], "1001");
}

#[test]
fn split_system_information_has_the_documented_fields() {
    let lines = run_app(
        "wechat",
        "App({});",
        "const keys = (o) => Object.keys(o).sort().join(',');
         const sys = wx.getSystemInfoSync();
         const win = wx.getWindowInfo();
         console.log(keys(win));
         console.log(keys(wx.getDeviceInfo()));
         console.log(keys(wx.getAppBaseInfo()));
         console.log(win.pixelRatio === sys.pixelRatio && win.windowWidth === sys.windowWidth && wx.getAppBaseInfo().SDKVersion === sys.SDKVersion);
         Page({});",
    );
    assert_eq!(
        lines,
        [
            "pixelRatio,safeArea,screenHeight,screenTop,screenWidth,statusBarHeight,windowHeight,windowWidth",
            "benchmarkLevel,brand,model,platform,system",
            "SDKVersion,enableDebug,fontSizeScaleFactor,fontSizeSetting,language,theme,version",
            "true",
        ]
    );
}

#[test]
fn launch_options_and_app_show_hide_listeners_follow_the_run() {
    for profile in ["wechat", "alipay", "douyin"] {
        let ns = Profile::named(profile).unwrap().namespace;
        let app = format!(
            "const o = {ns}.getLaunchOptionsSync();
             console.log('launch ' + o.path + ' ' + o.query.id + ' ' + o.scene + ' ' + JSON.stringify(o.referrerInfo));
             o.query.id = 'changed';
             console.log('copy ' + {ns}.getLaunchOptionsSync().query.id);
             const dropped = () => console.log('dropped listener ran');
             {ns}.onAppShow(dropped);
             {ns}.offAppShow(dropped);
             {ns}.onAppShow((s) => console.log('show ' + s.path + ' ' + s.query.id));
             App({{ onShow() {{ console.log('App.onShow'); }}, onHide() {{ console.log('App.onHide'); }} }});"
        );
        let page = format!(
            "{ns}.onAppHide(() => console.log('hide'));
             try {{ {ns}.onAppShow(1); }} catch (e) {{ console.log(e.name); }}
             Page({{}});"
        );
        let lines = run_app(profile, &app, &page);
        assert_eq!(
            lines,
            [
                "launch pages/poster/poster 42 1001 {}",
                "copy 42",
                "App.onShow",
                "show pages/poster/poster 42",
                "TypeError",
                "App.onHide",
                "hide",
            ],
            "{profile}"
        );
    }
}
