//! `mpcanvas render` as a user runs it: a Chinese poster on bundled fonts
//! alone draws every character, and characters no font has are named on
//! stderr.

use std::path::{Path, PathBuf};
use std::process::Command;

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/scripts")
        .join(name)
}

fn out_file(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("mpcanvas-cli-{}-{name}", std::process::id()))
}

/// Runs `mpcanvas render` with `args`; returns (success, stderr).
fn render(args: &[&std::ffi::OsStr]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .arg("render")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_chinese_poster_on_bundled_fonts_alone_has_no_missing_glyphs() {
    let png = out_file("poster.png");
    let (ok, stderr) = render(&[
        script("chinese-poster.js").as_os_str(),
        "--no-system-fonts".as_ref(),
        "-o".as_ref(),
        png.as_os_str(),
    ]);
    assert!(ok, "{stderr}");
    assert!(!stderr.contains("no font has"), "{stderr}");
    let bytes = std::fs::read(&png).unwrap();
    let _ = std::fs::remove_file(&png);
    assert!(bytes.starts_with(b"\x89PNG"));
}

#[test]
fn characters_no_font_has_are_named_on_stderr() {
    let dir = std::env::temp_dir().join(format!("mpcanvas-cli-{}-pua", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let js = dir.join("pua.js");
    std::fs::write(
        &js,
        "async function draw(ctx) { ctx.font = '20px sans-serif'; ctx.fillText('价格\u{e000}\u{e001}\u{e000}', 10, 30); }",
    )
    .unwrap();
    let png = dir.join("pua.png");
    let (ok, stderr) = render(&[
        js.as_os_str(),
        "--no-system-fonts".as_ref(),
        "-o".as_ref(),
        png.as_os_str(),
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains(
            "no font has U+E000 '\u{e000}', U+E001 '\u{e001}' (drawn as missing-glyph boxes)"
        ),
        "{stderr}"
    );
}

/// Writes a drawing script into a fresh folder; returns (folder, script).
fn temp_script(name: &str, source: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("mpcanvas-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let js = dir.join(format!("{name}.js"));
    std::fs::write(&js, source).unwrap();
    (dir, js)
}

#[test]
fn render_takes_the_phone_locale_zone_and_fixed_clock() {
    // The script checks what it sees and throws (failing the render) if
    // the device flags did not reach it.
    let (dir, js) = temp_script(
        "device",
        r#"function draw(ctx) {
  const seen = [new Date().toString(), (1299.5).toLocaleString(undefined, {style: 'currency', currency: 'TWD'}),
    new Intl.DateTimeFormat().resolvedOptions().timeZone].join(' | ');
  const want = 'Mon Dec 07 2026 10:00:00 GMT+0800 (台北標準時間) | $1,299.50 | Asia/Taipei';
  if (seen !== want) throw new Error('saw ' + seen);
  ctx.fillRect(0, 0, 4, 4);
}"#,
    );
    let png = dir.join("device.png");
    let (ok, stderr) = render(&[
        js.as_os_str(),
        "--locale".as_ref(),
        "zh-TW".as_ref(),
        "--tz".as_ref(),
        "Asia/Taipei".as_ref(),
        "--now".as_ref(),
        "2026-12-07T10:00:00+08:00".as_ref(),
        "-o".as_ref(),
        png.as_os_str(),
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(ok, "{stderr}");
}

#[test]
fn render_with_now_and_seed_is_byte_identical_and_the_seed_matters() {
    let (dir, js) = temp_script(
        "seeded",
        r#"function draw(ctx) {
  ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 120, 40);
  ctx.fillStyle = '#c00';
  for (let i = 0; i < 8; i++) ctx.fillRect(Math.random() * 110, Math.random() * 30, 10, 10);
  ctx.fillStyle = '#000'; ctx.font = '10px sans-serif';
  ctx.fillText(new Date().toLocaleTimeString(), 2, 38);
}"#,
    );
    let run = |seed: &str, name: &str| {
        let png = dir.join(name);
        let (ok, stderr) = render(&[
            js.as_os_str(),
            "--size".as_ref(),
            "120x40".as_ref(),
            "--now".as_ref(),
            "2026-12-07T10:00:00+08:00".as_ref(),
            "--seed".as_ref(),
            seed.as_ref(),
            "--no-system-fonts".as_ref(),
            "-o".as_ref(),
            png.as_os_str(),
        ]);
        assert!(ok, "{stderr}");
        std::fs::read(&png).unwrap()
    };
    let (a, b, c) = (run("42", "a.png"), run("42", "b.png"), run("43", "c.png"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(a, b, "same --now and --seed, same bytes");
    assert_ne!(a, c, "another seed draws the squares elsewhere");
}

#[test]
fn rectangles_far_larger_than_the_canvas_are_drawn_across_it() {
    // Each of these once made a cell list as long as the rectangle (an
    // allocation of terabytes: the process aborted).
    let (dir, js) = temp_script(
        "huge-rects",
        r#"function draw(ctx) {
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, 1e12, 10);
  ctx.fillRect(-1e300, 20, 1e300 * 2, 10);
  ctx.strokeStyle = '#00f';
  ctx.lineWidth = 4;
  ctx.strokeRect(-1e15, 40, 2e15, 1e15);
  ctx.clearRect(-1e13, 5, 2e13, 2);
  const at = (x, y) => Array.from(ctx.getImageData(x, y, 1, 1).data).join(',');
  const want = [[99, 2, '255,0,0,255'], [50, 6, '0,0,0,0'], [0, 25, '255,0,0,255'],
    [99, 25, '255,0,0,255'], [50, 40, '0,0,255,255'], [50, 45, '0,0,0,0']];
  for (const [x, y, rgba] of want) {
    if (at(x, y) !== rgba) throw new Error(`pixel ${x},${y} is ${at(x, y)}, not ${rgba}`);
  }
}"#,
    );
    let png = dir.join("huge-rects.png");
    let (ok, stderr) = render(&[
        js.as_os_str(),
        "--size".as_ref(),
        "100x50".as_ref(),
        "-o".as_ref(),
        png.as_os_str(),
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(ok, "{stderr}");
}

#[test]
fn curves_under_a_transform_of_1e30_are_drawn_without_overflow() {
    // The flattening estimate of a curve this large and the coverage
    // bounds of its fill overflowed their integers (a panic caught as an
    // internal error in debug builds, a wrapped count in release ones).
    let (dir, js) = temp_script(
        "huge-transform",
        r#"function draw(ctx) {
  ctx.fillStyle = '#0f0';
  ctx.fillRect(0, 0, 10, 10);
  ctx.save();
  ctx.setTransform(1e30, 0, 0, 1e30, 0, 0);
  ctx.beginPath(); ctx.arc(0, 0, 1, 0, 6); ctx.fill();
  ctx.setTransform(1e-30, 0, 0, 1, 0, 0);
  ctx.beginPath(); ctx.arc(0, 0, 1e32, 0, 6); ctx.fill();
  ctx.restore();
  // The context draws on afterwards (what the huge circles leave is the
  // path filler's range, not asserted here).
  ctx.fillStyle = '#00f';
  ctx.fillRect(10, 10, 10, 10);
  const px = Array.from(ctx.getImageData(15, 15, 1, 1).data).join(',');
  if (px !== '0,0,255,255') throw new Error(`pixel 15,15 is ${px}, not blue`);
}"#,
    );
    let png = dir.join("huge-transform.png");
    let (ok, stderr) = render(&[
        js.as_os_str(),
        "--size".as_ref(),
        "20x20".as_ref(),
        "-o".as_ref(),
        png.as_os_str(),
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(ok, "{stderr}");
}
