//! The local web-platform-tests run: the 2D canvas tests converted by
//! `tools/wpt/convert.mjs` into `target/wpt/cases/` (never committed) are
//! rendered one by one, and each outcome is compared with
//! `tools/wpt/expectations.txt`. Only a change fails: a test that starts
//! passing or failing must be recorded there (run with
//! `MPCANVAS_WPT_WRITE=1` to rewrite the file from this run). Without the
//! converted tests this test has nothing to compare and says so.

use std::collections::BTreeMap;
use std::path::Path;

use mpcanvas_conformance::repo_root;
use mpcanvas_runtime::{DrawingScript, RenderOptions, render};

/// `PASS`, or `FAIL` with the first line of the error.
fn outcome(path: &Path) -> (bool, String) {
    let script = match DrawingScript::load(path) {
        Ok(s) => s,
        Err(e) => return (false, format!("load: {e}")),
    };
    let options = RenderOptions {
        fonts: Some(mpcanvas_fonts::bundled_library()),
        ..RenderOptions::default()
    };
    match render(&script, &options) {
        Ok(_) => (true, String::new()),
        Err(e) => {
            let text = e.to_string();
            let first = text.lines().next().unwrap_or("").trim().to_string();
            (false, first)
        }
    }
}

/// `name → (passes, reason)` from the expectations file.
fn expectations(text: &str) -> BTreeMap<String, (bool, String)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.splitn(3, "  ");
            let name = parts.next()?.to_string();
            let status = parts.next()?;
            let reason = parts.next().unwrap_or("").to_string();
            Some((name, (status == "PASS", reason)))
        })
        .collect()
}

#[test]
fn wpt_outcomes_match_the_expectations_file() {
    let root = repo_root();
    let cases = root.join("target/wpt/cases");
    let file = root.join("tools/wpt/expectations.txt");
    let Ok(entries) = std::fs::read_dir(&cases) else {
        eprintln!(
            "no converted WPT tests in {} (node tools/wpt/convert.mjs <yaml dir>): nothing to compare",
            cases.display()
        );
        return;
    };
    let mut results = BTreeMap::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".js"))
        else {
            continue;
        };
        results.insert(name.to_string(), outcome(&path));
    }
    let passed = results.values().filter(|(ok, _)| *ok).count();
    eprintln!("WPT: {passed} of {} pass", results.len());
    if std::env::var_os("MPCANVAS_WPT_WRITE").is_some() {
        let mut text = format!(
            "# Local web-platform-tests run (tools/wpt/convert.mjs, crates/runtime/tests/js/wpt.rs):\n\
             # one test a line, `name  PASS` or `name  FAIL  reason`. {passed} of {} pass.\n",
            results.len()
        );
        for (name, (ok, reason)) in &results {
            if *ok {
                text.push_str(&format!("{name}  PASS\n"));
            } else {
                text.push_str(&format!("{name}  FAIL  {reason}\n"));
            }
        }
        std::fs::write(&file, text).expect("expectations file is writable");
        return;
    }
    let expected = expectations(&std::fs::read_to_string(&file).unwrap_or_default());
    let changed: Vec<String> = results
        .iter()
        .filter(|(name, (ok, _))| expected.get(*name).map(|e| e.0) != Some(*ok))
        .map(|(name, (ok, reason))| {
            let now = if *ok { "PASS" } else { "FAIL" };
            format!("{name}: now {now} {reason}")
        })
        .collect();
    assert!(
        changed.is_empty(),
        "{} WPT outcomes differ from tools/wpt/expectations.txt:\n{}",
        changed.len(),
        changed.join("\n")
    );
}
