//! Posters built by mini-program frameworks, run unmodified: each project in
//! `examples/frameworks` is built for the WeChat target with its framework's
//! own CLI, installed from npm at the versions its package.json pins
//! (`tools/frameworks/build.sh`, into this target's scratch folder; nothing
//! of theirs is committed), then `mpcanvas run` taps its Save button and the
//! album's poster is checked: its size at the device pixel ratio and the
//! colours the page's `draw.js` paints where it paints them; `--platform
//! all` then compares it across the profiles.
//!
//! They need node, npm and the npm registry (about 1 to 2 minutes of npm
//! install each on a first run), so they are ignored by default; `.ci/run`
//! runs the ones that pass with `--ignored`.

use std::path::{Path, PathBuf};
use std::process::Command;

use mpcanvas_conformance::{RgbaImage, read_png};

mod support;
use support::repo;

/// Builds `examples/frameworks/NAME` and returns the mini-program folder.
fn build(name: &str) -> PathBuf {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("frameworks");
    std::fs::create_dir_all(&scratch).unwrap();
    let output = Command::new("bash")
        .arg(repo().join("tools/frameworks/build.sh"))
        .arg(name)
        .arg(&scratch)
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "building {name} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dist = PathBuf::from(
        stdout
            .lines()
            .last()
            .expect("build.sh names its output")
            .trim(),
    );
    assert!(
        dist.join("app.json").is_file(),
        "{dist:?} holds no app.json"
    );
    dist
}

/// Runs the built project, tapping the element with id `save`, and returns
/// the report.
fn run_and_save(dist: &Path, out: &Path) -> serde_json::Value {
    let _ = std::fs::remove_dir_all(out);
    let output = Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .arg("run")
        .arg(dist)
        .args(["--dpr", "2", "--tap", "#save", "--json", "--out"])
        .arg(out)
        .output()
        .expect("the binary runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON report ({e}):\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert!(output.status.success(), "the run failed: {report:#}");
    report
}

/// `--platform all` on the built project: WeChat runs it and writes its
/// poster; the others are skipped with their reason (the tt platforms
/// convert WeChat projects with their migration tools first).
fn compare_all(dist: &Path, out: &Path) {
    let _ = std::fs::remove_dir_all(out);
    let output = Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .arg("run")
        .arg(dist)
        .args(["--dpr", "2", "--tap", "#save", "--platform", "all", "--out"])
        .arg(out)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    support::assert_wechat_only_comparison(out);
}

/// The one poster the run saved to the album.
fn album_poster(report: &serde_json::Value) -> RgbaImage {
    let album = report["album"].as_array().expect("an album list");
    assert_eq!(album.len(), 1, "{report:#}");
    let path = album[0]["realPath"].as_str().expect("an album path");
    read_png(Path::new(path)).expect("the album file is a PNG")
}

/// The pixel at CSS position (`x`, `y`) of a poster drawn at 2× .
fn css_pixel(image: &RgbaImage, x: u32, y: u32) -> [u8; 4] {
    let i = (((y * 2) * image.width + x * 2) * 4) as usize;
    image.data[i..i + 4].try_into().unwrap()
}

fn assert_near(image: &RgbaImage, (x, y): (u32, u32), want: [u8; 3], what: &str) {
    let got = css_pixel(image, x, y);
    let close = got[..3].iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 6) && got[3] == 255;
    assert!(close, "{what} at ({x}, {y}): got {got:?}, want {want:?}");
}

/// What `draw.js` of every example paints: 300×400 CSS px, at 2×.
fn check_poster(image: &RgbaImage) {
    assert_eq!((image.width, image.height), (600, 800));
    // The gradient's ends: #1e3c72 at the top, #2a5298 at the bottom.
    assert_near(image, (10, 4), [30, 60, 114], "top of the background");
    assert_near(image, (10, 396), [42, 82, 152], "bottom of the background");
    assert_near(image, (150, 200), [255, 255, 255], "the white card");
    assert_near(image, (150, 316), [231, 76, 60], "the red price tag");
    // The title: white glyph pixels in its band over the dark background.
    let mut white = 0;
    for y in 40..70 {
        for x in 20..280 {
            if css_pixel(image, x, y)[..3].iter().all(|&c| c > 240) {
                white += 1;
            }
        }
    }
    assert!(white > 200, "the title has {white} white pixels");
}

#[test]
#[ignore = "builds with npm (network, about a minute): run by .ci/run with --ignored"]
fn uni_app_vue3_poster_is_saved_to_the_album() {
    // The canvas is sized by a bound `:style` (uni-app compiles it to
    // `style="{{'width:' + a + ';' + ('height:' + b)}}"`), 300 × 400 CSS px:
    // an unevaluated style would leave the default 300 × 150.
    let dist = build("uni-poster");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("frameworks-run-uni");
    let report = run_and_save(&dist, &out);
    check_poster(&album_poster(&report));
    compare_all(&dist, &out.with_extension("compare"));
}

#[test]
#[ignore = "builds with npm (network, about a minute): run by .ci/run with --ignored"]
fn mpx_poster_sized_by_bound_data_is_saved_to_the_album() {
    // The page sizes its canvas with mpx's `wx:style` object binding and
    // optional chaining over data 300 × 400, which mpx compiles into calls
    // of the WXS modules it emits: the poster's size says those ran (an
    // unsized canvas would give 600 × 300).
    let dist = build("mpx-poster");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("frameworks-run-mpx");
    let report = run_and_save(&dist, &out);
    check_poster(&album_poster(&report));
    compare_all(&dist, &out.with_extension("compare"));
}

/// Taro renders the page through `base.wxml`'s recursive templates (an
/// imported file with its own WXS module), the tree arriving by `setData`
/// after `onReady`; the Save button sits below Taro's template depth, so it
/// exists only inside the recursive `comp` component that `setData`
/// creates, and tapping it runs `comp`'s event handler.
#[test]
#[ignore = "builds with npm (network, about a minute): run by .ci/run with --ignored"]
fn taro_react_poster_is_saved_to_the_album() {
    let dist = build("taro-poster");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("frameworks-run-taro");
    let report = run_and_save(&dist, &out);
    check_poster(&album_poster(&report));
    compare_all(&dist, &out.with_extension("compare"));
}
