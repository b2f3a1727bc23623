//! A panic inside a run (a bug in mpcanvas, injected here on purpose
//! through `MPCANVAS_TEST_PANIC`, which debug builds read) is caught at
//! the run boundary: the run ends as an internal error in its report,
//! the process exits 3, and no staging file is left behind.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A mini-game that writes a user file, then logs.
const WRITE_THEN_LOG: &str = r#"
const fs = wx.getFileSystemManager();
try { fs.writeFileSync(`${wx.env.USER_DATA_PATH}/kept.txt`, 'kept'); }
catch (e) { console.error('write failed: ' + e.message); }
console.log('after the write');
"#;

fn game(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mpcanvas-internal-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("game.js"), WRITE_THEN_LOG).unwrap();
    dir
}

/// `mpcanvas run DIR --platform wechat-game FORMAT` with the panic point
/// `point` armed.
fn run(dir: &Path, point: &str, format: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .arg("run")
        .arg(dir)
        .args(["--platform", "wechat-game", "--offline", "--out"])
        .arg(dir.join("out"))
        .args(format)
        .env("MPCANVAS_TEST_PANIC", point)
        .output()
        .expect("the binary runs")
}

/// Every file under `dir` whose name marks it as a staging file.
fn staging_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with(".staging-") {
            found.push(path.clone());
        }
        if path.is_dir() {
            found.extend(staging_files(&path));
        }
    }
    found
}

#[test]
fn a_panic_in_a_binding_ends_the_run_as_an_internal_error_in_the_json_report() {
    let dir = game("console-json");
    let output = run(&dir, "console", &["--json"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(3), "{stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(report["completed"], false);
    assert_eq!(report["internalError"], true);
    let fatal = report["fatal"].as_str().unwrap();
    assert!(
        fatal.starts_with("internal error: injected panic at 'console'"),
        "{fatal}"
    );
    assert_eq!(report["entry"], "game.js");
    // What the run did before the panic is still reported.
    let events = report["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["api"] == "FileSystemManager.writeFileSync"),
        "{report:#}"
    );
    assert!(
        events.iter().any(|e| e["text"] == "after the write"),
        "{report:#}"
    );
    assert!(staging_files(&dir).is_empty(), "{:?}", staging_files(&dir));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_panic_in_a_binding_ends_the_text_and_json_lines_reports_too() {
    let dir = game("console-text");
    let output = run(&dir, "console", &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(3), "{stdout}");
    assert!(
        stdout.contains("  console.log: after the write"),
        "{stdout}"
    );
    assert!(
        stdout.contains("stopped: internal error: injected panic at 'console'"),
        "{stdout}"
    );
    let output = run(&dir, "console", &["--jsonl"]);
    assert_eq!(output.status.code(), Some(3));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(last["event"], "summary");
    assert_eq!(last["internalError"], true);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_panic_mid_write_leaves_neither_the_file_nor_its_staging_file() {
    let dir = game("write");
    let output = run(&dir, "write", &["--json"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(3), "{stdout}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let fatal = report["fatal"].as_str().unwrap();
    assert!(
        fatal.starts_with("internal error: injected panic at 'write'"),
        "{fatal}"
    );
    assert!(staging_files(&dir).is_empty(), "{:?}", staging_files(&dir));
    let kept = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .flatten()
        .any(|e| e.path().join("kept.txt").exists());
    assert!(!kept, "the file was not published");
    // The next run in the same folder starts cleanly.
    let again = Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .arg("run")
        .arg(&dir)
        .args(["--platform", "wechat-game", "--offline", "--out"])
        .arg(dir.join("out"))
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}
