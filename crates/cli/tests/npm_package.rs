//! The npm package as users get it: `npm/build.mjs` packs `mpcanvas` and
//! this machine's binary package (`@mpcanvas/linux-x64`, …) with the test
//! build's binary; the tarballs are installed with npm into a fresh folder
//! offline; `npx mpcanvas run` and the JS API (`run`, `render`, `compare`)
//! work there. The Jest and Vitest examples (`examples/testing-jest`,
//! `examples/testing-vitest`) run with their runner installed from the npm
//! registry at test time into target/ (never committed): each passes, and
//! fails with a diff image when its poster changes.
//!
//! Needs `node` and `npm` on the PATH (CI's `.ci/run` installs them), and
//! the npm registry for Jest.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

mod support;
use support::{copy_dir, repo, text};

fn command(program: &str, args: &[&str], dir: &Path) -> Output {
    command_in_ci(program, args, dir, false)
}

/// `ci`: run as in CI (`CI=true`: the runners write no new snapshot).
fn command_in_ci(program: &str, args: &[&str], dir: &Path, ci: bool) -> Output {
    let mut c = Command::new(program);
    c.args(args)
        .current_dir(dir)
        // The package must find its own binary, not an override.
        .env_remove("MPCANVAS_BINARY")
        .env_remove("CI");
    if ci {
        c.env("CI", "true");
    }
    c.output()
        .unwrap_or_else(|e| panic!("{program} runs (CI installs node and npm): {e}"))
}

/// The two tarballs (main package, binary package), packed once.
fn tarballs() -> &'static [PathBuf; 2] {
    static PACKED: OnceLock<[PathBuf; 2]> = OnceLock::new();
    PACKED.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("npm-package");
        let _ = std::fs::remove_dir_all(&out);
        let o = command(
            "node",
            &[
                "npm/build.mjs",
                "--binary",
                env!("CARGO_BIN_EXE_mpcanvas"),
                "--out",
                out.to_str().unwrap(),
            ],
            &repo(),
        );
        assert!(o.status.success(), "{}", text(&o));
        let paths: Vec<PathBuf> = String::from_utf8(o.stdout)
            .unwrap()
            .lines()
            .map(PathBuf::from)
            .collect();
        assert_eq!(paths.len(), 2, "{paths:?}");
        assert!(paths[0].ends_with("mpcanvas-0.1.0.tgz"), "{paths:?}");
        [paths[0].clone(), paths[1].clone()]
    })
}

/// A fresh folder with `package.json` and the packed tarballs installed
/// offline (npm must not need the registry for them).
fn installed_app() -> &'static Path {
    static APP: OnceLock<PathBuf> = OnceLock::new();
    APP.get_or_init(|| {
        let app = Path::new(env!("CARGO_TARGET_TMPDIR")).join("npm-package-app");
        let _ = std::fs::remove_dir_all(&app);
        std::fs::create_dir_all(&app).unwrap();
        std::fs::write(
            app.join("package.json"),
            r#"{"name": "app", "private": true}"#,
        )
        .unwrap();
        let [main, binary] = tarballs();
        let o = command(
            "npm",
            &[
                "install",
                "--offline",
                "--no-audit",
                "--no-fund",
                binary.to_str().unwrap(),
                main.to_str().unwrap(),
            ],
            &app,
        );
        assert!(o.status.success(), "{}", text(&o));
        app
    })
}

#[test]
fn npx_mpcanvas_runs_a_page_from_the_installed_package() {
    let app = installed_app();
    let out = app.join("run-out");
    let example = repo().join("examples/wechat-2d");
    let o = command(
        "npx",
        &[
            "--offline",
            "mpcanvas",
            "run",
            example.to_str().unwrap(),
            "--tap",
            "save",
            "--json",
            "--out",
            out.to_str().unwrap(),
        ],
        app,
    );
    assert!(o.status.success(), "{}", text(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["completed"], true, "{report}");
    assert_eq!(
        report["album"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );
    // Exit codes pass through the JS launcher.
    let bad = command("npx", &["--offline", "mpcanvas", "run"], app);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad));
    let version = command("npx", &["--offline", "mpcanvas", "--version"], app);
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        "mpcanvas 0.1.0"
    );
}

#[test]
fn the_js_api_runs_renders_and_compares_in_the_installed_package() {
    let app = installed_app();
    assert!(app.join("node_modules/mpcanvas/lib/index.d.ts").is_file());
    let script = app.join("card.js");
    std::fs::write(
        &script,
        "// @size 60x40\nfunction draw(ctx) { ctx.fillStyle = '#07c160'; ctx.fillRect(0, 0, 60, 40); }\n",
    )
    .unwrap();
    let check = format!(
        r#"
const {{ run, render, compare }} = require('mpcanvas');
const fs = require('node:fs');
(async () => {{
  const poster = await run({example:?}, {{ taps: ['save'], now: '2026-01-01T00:00:00+08:00', seed: 1 }});
  const rendered = await render({script:?}, {{ output: 'card.png' }});
  const same = compare(poster.images[0], poster.images[0]);
  const other = compare(rendered.image, poster.images[0], {{ diff: 'd.png' }});
  let bad = null;
  try {{ await run('/no/such/project'); }} catch (e) {{ bad = e.message; }}
  console.log(JSON.stringify({{
    ok: poster.ok,
    images: poster.images.length,
    png: fs.readFileSync(poster.images[0]).subarray(1, 4).toString(),
    calls: poster.report.events.filter((e) => e.event === 'call').map((e) => e.api),
    rendered: fs.readFileSync(rendered.image).subarray(1, 4).toString(),
    same: same.status,
    other: other.status,
    bad,
  }}));
}})().catch((e) => {{ console.error(e); process.exit(1); }});
"#,
        example = repo().join("examples/wechat-2d").display().to_string(),
        script = script.display().to_string(),
    );
    let o = command("node", &["-e", &check], app);
    assert!(o.status.success(), "{}", text(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["images"], 1, "{v}");
    assert_eq!(v["png"], "PNG", "{v}");
    assert!(
        v["calls"]
            .as_array()
            .unwrap()
            .contains(&"wx.saveImageToPhotosAlbum".into()),
        "{v}"
    );
    assert_eq!(v["rendered"], "PNG", "{v}");
    assert_eq!(v["same"], "matches", "{v}");
    assert_eq!(v["other"], "size", "{v}");
    assert!(
        v["bad"].as_str().unwrap_or("").contains("mpcanvas run"),
        "{v}"
    );
}

/// `example` copied to target/ with its runner (from the registry) and
/// the packed mpcanvas installed.
fn example_installed(example: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(example);
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&repo().join("examples").join(example), &dir);
    let [main, binary] = tarballs();
    // The tarballs stand in for the registry's `mpcanvas`; the runner comes
    // from the registry at the version the example pins.
    let o = command(
        "npm",
        &[
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            binary.to_str().unwrap(),
            main.to_str().unwrap(),
        ],
        &dir,
    );
    assert!(o.status.success(), "{}", text(&o));
    dir
}

/// Replaces `from` with `to` in the example's `file`.
fn change(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let js = std::fs::read_to_string(&path).unwrap();
    assert!(js.contains(from), "{file} has {from}");
    std::fs::write(&path, js.replace(from, to)).unwrap();
}

/// The diff images the matcher wrote, with the runner's output for failures.
fn diffs(dir: &Path, output: &str) -> usize {
    let diffs = dir.join("__posters__/__diff_output__");
    std::fs::read_dir(&diffs)
        .unwrap_or_else(|e| panic!("{}: {e}\n{output}", diffs.display()))
        .count()
}

#[test]
fn the_jest_example_passes_and_fails_with_a_diff_when_the_poster_changes() {
    let dir = example_installed("testing-jest");
    let jest = |dir: &Path| command_in_ci("npx", &["--offline", "jest", "--ci"], dir, true);
    let o = jest(&dir);
    let t = text(&o);
    assert!(o.status.success(), "{t}");
    assert!(t.contains("Tests:       1 passed, 1 total"), "{t}");

    change(
        &dir,
        "miniprogram/pages/invite/index.js",
        "'#c0392b'",
        "'#2980b9'",
    );
    let o = jest(&dir);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("poster differs from its snapshot"), "{t}");
    assert!(t.contains("max difference"), "{t}");
    assert_eq!(diffs(&dir.join("__tests__"), &t), 1, "{t}");
}

#[test]
fn the_vitest_example_passes_and_fails_with_a_diff_when_the_drawing_changes() {
    let dir = example_installed("testing-vitest");
    let vitest = |dir: &Path| command_in_ci("npx", &["--offline", "vitest", "run"], dir, true);
    let o = vitest(&dir);
    let t = text(&o);
    assert!(o.status.success(), "{t}");
    assert!(t.contains("1 passed"), "{t}");

    change(&dir, "src/coupon.js", "'#ff7043'", "'#42a5f5'");
    let o = vitest(&dir);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("poster differs from its snapshot"), "{t}");
    assert_eq!(diffs(&dir.join("test"), &t), 1, "{t}");
}
