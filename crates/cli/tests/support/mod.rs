//! What the CLI's integration tests share: the repository root, scratch
//! folders, the built `mpcanvas` and its output, copies of example
//! projects.
#![allow(dead_code, reason = "each test binary uses a part of this module")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (absolute, so it survives a change of directory).
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// A path in the system temp folder for this test binary and process,
/// with nothing there yet (for commands that create their own folder).
/// Outside the repository, so npm finds no `node_modules` above it.
pub(crate) fn fresh(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "mpcanvas-{}-{}-{name}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// An empty folder at [`fresh`]'s path.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = fresh(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the built `mpcanvas` with `args` to the end.
pub(crate) fn mpcanvas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// One output stream as text.
pub(crate) fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Everything a command printed: stdout, then stderr.
pub(crate) fn text(o: &Output) -> String {
    format!("{}{}", lossy(&o.stdout), lossy(&o.stderr))
}

/// Copies a project folder's own files: an installed `node_modules/` is
/// left behind (each test installs its own).
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() == "node_modules" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Checks the comparison `--platform all` wrote in `out` for a WeChat page
/// project: it ran on WeChat only, Douyin and Feishu were skipped naming
/// their migration tools, and posters were paired.
pub(crate) fn assert_wechat_only_comparison(out: &Path) {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("compare/comparison.json")).unwrap())
            .unwrap();
    let platforms = json["platforms"].as_array().unwrap();
    let ran: Vec<&str> = platforms
        .iter()
        .filter(|p| p["ran"] == true)
        .map(|p| p["platform"].as_str().unwrap())
        .collect();
    assert_eq!(ran, ["wechat"]);
    for p in &platforms[3..] {
        assert!(
            p["skipped"].as_str().unwrap().contains("migration tool"),
            "{p}"
        );
    }
    assert!(!json["images"].as_array().unwrap().is_empty());
}
