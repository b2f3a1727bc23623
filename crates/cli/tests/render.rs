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
