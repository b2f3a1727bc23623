//! Poster components published on npm, run unmodified by `mpcanvas run`:
//! each is installed with npm at test time (one `npm ci` of
//! `tests/npm/package.json` into the test's scratch folder, cached while
//! the lock file is unchanged; their code is never committed), driven by a
//! page written from its README (`tests/npm/<package>/`), and its poster
//! is checked in the album: size and key pixels.
//!
//! Needs `npm` on the PATH and the npm registry (CI's `.ci/run` installs
//! Debian's `npm` when it is missing).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use mpcanvas_conformance::{RgbaImage, read_png};

mod support;
use support::copy_dir;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/npm")
}

/// Runs `npm ci` in `dir` with the package.json and lock file of
/// `source`, unless the last install there was of the same lock file.
fn npm_ci(source: &Path, dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let lock = std::fs::read(source.join("package-lock.json")).unwrap();
    let stamp = dir.join("node_modules/.mpcanvas-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(&lock[..]) {
        return;
    }
    for f in ["package.json", "package-lock.json"] {
        std::fs::copy(source.join(f), dir.join(f)).unwrap();
    }
    let out = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
        .current_dir(dir)
        .output()
        .expect("npm runs (CI installs it; see .ci/run)");
    assert!(
        out.status.success(),
        "npm ci failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&stamp, &lock).unwrap();
}

/// The folder holding `node_modules/` with every package of
/// `tests/npm/package.json`, installed once per lock file.
fn installed() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("npm-components");
        npm_ci(&fixtures(), &dir);
        dir
    })
}

/// A copy of the fixture project `name` next to the installed
/// `node_modules/` (found by walking up, as npm lays out a workspace).
fn project(name: &str) -> PathBuf {
    let root = installed();
    let dest = root.join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dest);
    copy_dir(&fixtures().join(name), &dest);
    dest
}

/// Runs the project with `--tap tap --json`; returns the report and the
/// one poster saved to the album.
fn run_poster(name: &str, tap: &str) -> (serde_json::Value, RgbaImage) {
    let dir = project(name);
    let result = run_saving_one(&dir, tap);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// `mpcanvas run DIR --tap TAP --json` in a fresh data folder; the report
/// and the one poster it saved to the album.
fn run_saving_one(dir: &Path, tap: &str) -> (serde_json::Value, RgbaImage) {
    let out = dir.with_extension("data");
    let _ = std::fs::remove_dir_all(&out);
    let o = Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .args([
            "run",
            dir.to_str().unwrap(),
            "--tap",
            tap,
            "--json",
            "--out",
        ])
        .arg(&out)
        .output()
        .expect("the binary runs");
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    assert!(o.status.success(), "{report:#}");
    assert_eq!(report["uncaught"], 0, "{report:#}");
    let album = report["album"].as_array().expect("album");
    assert_eq!(album.len(), 1, "one poster in the album: {report:#}");
    let poster = read_png(Path::new(album[0]["realPath"].as_str().unwrap())).unwrap();
    let _ = std::fs::remove_dir_all(&out);
    (report, poster)
}

fn rgb(image: &RgbaImage, x: u32, y: u32) -> [u8; 3] {
    let i = ((y * image.width + x) * 4) as usize;
    [image.data[i], image.data[i + 1], image.data[i + 2]]
}

/// Whether `actual` is within 8 of `expected` in every channel.
fn near(actual: [u8; 3], expected: [u8; 3]) -> bool {
    actual.iter().zip(expected).all(|(a, e)| a.abs_diff(e) <= 8)
}

fn assert_pixel(image: &RgbaImage, x: u32, y: u32, expected: [u8; 3]) {
    let got = rgb(image, x, y);
    assert!(
        near(got, expected),
        "({x}, {y}) is {got:?}, not {expected:?}"
    );
}

/// Whether some pixel of the rectangle is far from both `a` and `b`
/// (text drawn over a background).
fn has_other_than(image: &RgbaImage, (x0, y0, x1, y1): (u32, u32, u32, u32), a: [u8; 3]) -> bool {
    (y0..y1).any(|y| (x0..x1).any(|x| !near(rgb(image, x, y), a)))
}

#[test]
fn mp_painter_draws_on_a_legacy_canvas_and_the_poster_reaches_the_album() {
    let (_, poster) = run_poster("mp-painter", "save");
    // A 300×200 px canvas-id canvas exported at the phone's ratio 2.
    assert_eq!((poster.width, poster.height), (600, 400));
    // rpx: 750 across a 375 px screen, so 1 rpx = 1 device pixel here.
    assert_pixel(&poster, 10, 10, [0x1e, 0x90, 0xff]);
    assert_pixel(&poster, 140, 100, [255, 0, 0]);
    assert_pixel(&poster, 590, 390, [0x1e, 0x90, 0xff]);
    // "Hello World" in white from y = 240 rpx.
    assert!(has_other_than(
        &poster,
        (40, 240, 400, 300),
        [0x1e, 0x90, 0xff]
    ));
}

#[test]
fn painter_kernel_draws_on_a_2d_node_and_the_poster_reaches_the_album() {
    let (_, poster) = run_poster("painter-kernel", "save");
    assert_eq!((poster.width, poster.height), (600, 400));
    assert_pixel(&poster, 10, 10, [0xee, 0xee, 0xee]);
    assert_pixel(&poster, 140, 100, [255, 0, 0]);
    assert_pixel(&poster, 400, 100, [0, 128, 0]);
    // The green rect's rounded corner leaves the background showing.
    assert_pixel(&poster, 301, 41, [0xee, 0xee, 0xee]);
    assert!(has_other_than(
        &poster,
        (40, 240, 300, 300),
        [0xee, 0xee, 0xee]
    ));
}

#[test]
fn wxml_to_canvas_renders_its_readme_template_on_a_2d_node() {
    let square =
        std::fs::read(fixtures().join("wxa-plugin-canvas/pages/poster/square.png")).unwrap();
    let server = mpcanvas_testserver::serve(move |_| {
        mpcanvas_testserver::Response::ok("image/png", square.clone())
    });
    let dir = project("wxml-to-canvas");
    let demo = dir.join("pages/poster/demo.js");
    let text = std::fs::read_to_string(&demo).unwrap();
    std::fs::write(&demo, text.replace("IMAGE_URL", &server.url("/square.png"))).unwrap();
    let (report, poster) = run_saving_one(&dir, "renderToCanvas");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(server.request_count(), 1);
    // The README's container is 300×200, exported at the device ratio.
    assert_eq!((poster.width, poster.height), (600, 400), "{report:#}");
    assert_pixel(&poster, 4, 4, [0xcc, 0xcc, 0xcc]);
    // Three 80×60 boxes spaced around a 300 px row (10 px on each side of
    // each), centred in its 200 px height: css x 10, 110, 210; y 70..130.
    assert_pixel(&poster, 100, 200, [255, 0, 0]);
    assert_pixel(&poster, 230, 150, [0, 255, 0]);
    assert_pixel(&poster, 430, 200, [0, 0, 255]);
    assert_pixel(&poster, 4, 200, [0xcc, 0xcc, 0xcc]);
    // The whole 200 px height is drawn (the component's canvas is sized
    // by its bound style, 400×300 from its property defaults).
    assert_pixel(&poster, 4, 396, [0xcc, 0xcc, 0xcc]);
    // The local image in the blue box, clipped to a circle.
    assert_pixel(&poster, 500, 200, [255, 255, 0]);
}

#[test]
fn wxa_plugin_canvas_poster_component_saves_through_its_success_event() {
    let (report, poster) = run_poster("wxa-plugin-canvas", "onCreatePoster");
    // config.width 600 rpx × height 400 rpx = 300×200 px; the legacy
    // canvas is exported at the phone's ratio.
    assert_eq!((poster.width, poster.height), (600, 400), "{report:#}");
    // Red header block, blue rounded block, the local image, white page.
    assert_pixel(&poster, 20, 20, [255, 0, 0]);
    assert!(
        has_other_than(&poster, (200, 30, 400, 90), [255, 0, 0]),
        "title text"
    );
    assert_pixel(&poster, 140, 220, [0, 0, 255]);
    assert_pixel(&poster, 460, 220, [255, 255, 0]);
    assert_pixel(&poster, 580, 300, [255, 255, 255]);
    // The green line at y = 360 rpx.
    assert_pixel(&poster, 300, 360, [0, 255, 0]);
}

#[test]
fn the_typescript_example_runs_after_npm_ci_with_its_dependency() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/wechat-typescript");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("example-typescript");
    // A copy of the example's own files, node_modules installed beside
    // them from its package.json as its README says.
    for entry in std::fs::read_dir(&example).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() == "node_modules" {
            continue;
        }
        let target = dir.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            let _ = std::fs::remove_dir_all(&target);
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
    npm_ci(&example, &dir);
    let (report, poster) = run_saving_one(&dir, "save");
    assert_eq!((poster.width, poster.height), (600, 400), "{report:#}");
    // colord (values from node running the same package): the brand
    // colour, mixed 90 % with white, and 20 % darker.
    assert_pixel(&poster, 300, 10, [0xc8, 0x10, 0x2e]);
    assert_pixel(&poster, 300, 390, [0xfe, 0xea, 0xe8]);
    assert_pixel(&poster, 500, 260, [0x6a, 0x08, 0x18]);
    // `--platform all` compares it too: WeChat runs it; the others are
    // skipped with their reason (Douyin and Feishu convert WeChat
    // projects with their migration tools first).
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("example-typescript-compare");
    let _ = std::fs::remove_dir_all(&out);
    let o = Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .args([
            "run",
            dir.to_str().unwrap(),
            "--platform",
            "all",
            "--tap",
            "save",
        ])
        .args(["--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    support::assert_wechat_only_comparison(&out);
    let _ = std::fs::remove_dir_all(&out);
}
