//! Mini-game specifics from JS: a `--tap` is a touch (listeners get it,
//! at `--tap-at` or the screen's centre, and it is a user gesture),
//! `getTextLineHeight`, `setPreferredFramesPerSecond`, and saves refused
//! by the phone's own album switch (`--os-album deny`) on every profile.

use std::path::Path;

use mpcanvas_platform::Profile;
use mpcanvas_runtime::run::{RunConfig, RunReport, run_path};

use crate::fs::Dir;
use crate::support::{assert_clean, calls, console};

fn run_game(script: &str, configure: impl FnOnce(&mut RunConfig)) -> RunReport {
    let pkg = Dir::new("game");
    let out = Dir::new("game-out");
    pkg.write("game.js", script.as_bytes());
    let mut config = RunConfig::new(Profile::named("wechat-game").unwrap(), &out.0);
    configure(&mut config);
    run_path(&pkg.0, config).expect("the run starts")
}

const TOUCHES: &str = r#"
const log = (kind) => (e) => console.log(kind + ' ' + e.touches.length + ' ' + e.changedTouches.length + ' '
  + e.changedTouches[0].clientX + ',' + e.changedTouches[0].clientY + ' ' + typeof e.timeStamp);
wx.onTouchStart(log('start'));
wx.onTouchEnd(log('end'));
const gone = log('removed');
wx.onTouchStart(gone);
wx.offTouchStart(gone);
GameGlobal.save = () => {
  console.log('save');
  wx.openSetting({ success: (r) => console.log('openSetting ok'), fail: (e) => console.log(e.errMsg) });
};
// Outside a touch, openSetting is refused.
wx.openSetting({ fail: (e) => console.log('before: ' + e.errMsg) });
"#;

#[test]
fn a_game_tap_is_a_touch_at_the_given_point_and_a_user_gesture() {
    let report = run_game(TOUCHES, |c| {
        c.taps = vec!["save".into()];
        c.tap_at = Some((100.0, 50.0));
    });
    assert_clean(&report);
    assert_eq!(
        console(&report),
        [
            "before: openSetting:fail can only be invoked by user TAP gesture.",
            "start 1 1 100,50 number",
            "save",
            "end 0 1 100,50 number",
            "openSetting ok",
        ]
    );
}

#[test]
fn a_touch_alone_lands_on_the_screen_centre_by_default_or_at_the_point() {
    let centre = run_game(TOUCHES, |c| c.taps = vec!["save".into()]);
    assert_clean(&centre);
    let (w, h) = (
        mpcanvas_platform::Device::default().screen_width / 2.0,
        mpcanvas_platform::Device::default().screen_height / 2.0,
    );
    assert!(
        console(&centre).contains(&format!("start 1 1 {w},{h} number")),
        "{:?}",
        console(&centre)
    );
    let bare = run_game(TOUCHES, |c| c.tap_at = Some((3.0, 4.0)));
    assert_clean(&bare);
    assert_eq!(
        console(&bare),
        [
            "before: openSetting:fail can only be invoked by user TAP gesture.",
            "start 1 1 3,4 number",
            "end 0 1 3,4 number",
        ]
    );
}

#[test]
fn a_tap_on_a_missing_game_function_is_an_error_naming_it() {
    let report = run_game(TOUCHES, |c| c.taps = vec!["share".into()]);
    assert!(
        report
            .to_text()
            .contains("the game defines no global function 'share'"),
        "{}",
        report.to_text()
    );
}

#[test]
fn text_line_height_is_the_fonts_box_and_frames_follow_the_preferred_rate() {
    let report = run_game(
        r#"
const h = wx.getTextLineHeight({ fontFamily: 'sans-serif', fontSize: 20, text: '测试 Ag',
  success: (r) => console.log('success ' + r.errMsg) });
const ctx = wx.createCanvas().getContext('2d');
ctx.font = '20px sans-serif';
const m = ctx.measureText('测试 Ag');
console.log('height ' + (h === m.fontBoundingBoxAscent + m.fontBoundingBoxDescent) + ' ' + (h > 20 && h < 40));
const bold = wx.getTextLineHeight({ fontFamily: 'sans-serif', fontWeight: 'bold', fontStyle: 'italic', text: 'x' });
console.log('default size ' + (bold > 16 && bold < 32));
console.log('missing ' + String(wx.getTextLineHeight({ text: 'x', fail: (e) => console.log(e.errMsg) })));
wx.setPreferredFramesPerSecond(30);
requestAnimationFrame((t) => {
  console.log('frame ' + t.toFixed(3));
  requestAnimationFrame((u) => console.log('frame ' + u.toFixed(3)));
});
"#,
        |_| {},
    );
    assert_clean(&report);
    assert_eq!(
        console(&report),
        [
            "height true true",
            "default size true",
            "missing undefined",
            "success getTextLineHeight:ok",
            "getTextLineHeight:fail parameter error: parameter.fontFamily should be String instead of Undefined",
            "frame 33.333",
            "frame 66.667",
        ]
    );
}

/// Runs example `name` with `--tap save` and the phone's album switch off.
fn save_with_album_switch_off(name: &str, profile: &str, out: &Path) -> RunReport {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let mut config = RunConfig::new(Profile::named(profile).unwrap(), out);
    config.taps = vec!["save".into()];
    config.os_album_allowed = false;
    run_path(&example, config).expect("the run starts")
}

#[test]
fn saves_refused_by_the_phones_album_switch_fail_in_each_platforms_shape() {
    for (example, profile, api, expected) in [
        (
            "wechat-2d",
            "wechat",
            "wx.saveImageToPhotosAlbum",
            serde_json::json!({"errMsg": "saveImageToPhotosAlbum:fail system permission denied"}),
        ),
        (
            "alipay",
            "alipay",
            "my.saveImageToPhotosAlbum",
            serde_json::json!({"error": 15, "errorMessage": "album permission is off"}),
        ),
        (
            "wechat-game",
            "wechat-game",
            "wx.saveImageToPhotosAlbum",
            serde_json::json!({"errMsg": "saveImageToPhotosAlbum:fail system permission denied"}),
        ),
    ] {
        let out = Dir::new("os-album");
        let report = save_with_album_switch_off(example, profile, &out.0);
        let save = calls(&report)
            .into_iter()
            .find(|(name, _, _)| name == api)
            .unwrap_or_else(|| panic!("{example}: no {api} call\n{}", report.to_text()));
        assert!(!save.1, "{example}");
        assert_eq!(save.2, expected, "{example}");
        let album = out.0.join("album");
        let files = std::fs::read_dir(&album).map_or(0, |d| d.count());
        assert_eq!(files, 0, "{example}: nothing reaches the album");
    }
}
