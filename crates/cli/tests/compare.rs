//! `mpcanvas run EXAMPLE --platform all` on every bundled example (the
//! projects without an npm or framework build step): each profile that
//! runs the project's sources runs it, the others are skipped with the
//! reason, and the comparison is written as JSON and HTML; `--report`
//! writes the same page. Douyin and Feishu share `tt` and `.ttml`, so
//! their examples run on both and their posters are compared.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod support;
use support::{fresh, repo};

/// Runs `example` on every platform; returns the comparison JSON and HTML.
fn compare(example: &str, taps: &[&str]) -> (Value, String) {
    let out = fresh(example);
    let report = out.join("report.html");
    let mut args = vec![
        "run".to_owned(),
        repo().join("examples").join(example).display().to_string(),
        "--platform".into(),
        "all".into(),
        "--out".into(),
        out.display().to_string(),
        "--report".into(),
        report.display().to_string(),
    ];
    for t in taps {
        args.push("--tap".into());
        args.push(t.to_string());
    }
    let o = Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .args(&args)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "{example}: {stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout.contains("comparison: "), "{stdout}");
    let json: Value = serde_json::from_slice(
        &std::fs::read(out.join("compare/comparison.json")).expect("comparison.json"),
    )
    .expect("JSON");
    let html = std::fs::read_to_string(out.join("compare/comparison.html")).expect("the HTML");
    assert_eq!(std::fs::read_to_string(&report).unwrap(), html);
    let _ = std::fs::remove_dir_all(&out);
    (json, html)
}

/// `(platform, ran)` in profile order.
fn ran(json: &Value) -> Vec<(String, bool)> {
    json["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["platform"].as_str().unwrap().to_owned(), p["ran"] == true))
        .collect()
}

fn only(platforms: &[&str]) -> Vec<(String, bool)> {
    ["wechat", "wechat-game", "alipay", "feishu", "douyin"]
        .iter()
        .map(|p| (p.to_string(), platforms.contains(p)))
        .collect()
}

#[test]
fn every_plain_example_runs_where_its_sources_run_and_the_rest_are_skipped() {
    for (example, taps, platforms) in [
        ("wechat-2d", &["save"][..], &["wechat"][..]),
        ("wechat-legacy", &["save"], &["wechat"]),
        ("wechat-game", &["save"], &["wechat-game"]),
        ("alipay", &["save"], &["alipay"]),
    ] {
        let (json, html) = compare(example, taps);
        assert_eq!(ran(&json), only(platforms), "{example}");
        let skipped = &json["platforms"][0];
        if skipped["ran"] == false {
            assert!(skipped["skipped"].as_str().unwrap().contains("written in"));
        }
        // WeChat page projects on the tt platforms: skipped with the
        // profiles' reason (their docs convert such projects first).
        if platforms == ["wechat"] {
            for tt in &json["platforms"].as_array().unwrap()[3..] {
                let why = tt["skipped"].as_str().unwrap();
                assert!(why.contains("migration tool"), "{example}: {why}");
            }
        }
        // One platform ran: its images are listed, with nothing to diff.
        let rows = json["images"].as_array().unwrap();
        assert!(!rows.is_empty(), "{example} wrote no image");
        assert!(
            rows.iter()
                .all(|r| r["diffs"].as_array().unwrap().is_empty())
        );
        assert!(html.contains("id=\"comparison\""), "{example}");
        assert!(html.contains("<img class=\"poster\""), "{example}");
    }
}

#[test]
fn the_tt_examples_run_on_douyin_and_feishu_with_a_difference_map() {
    for example in ["douyin", "feishu"] {
        let (json, html) = compare(example, &["save"]);
        assert_eq!(ran(&json), only(&["feishu", "douyin"]), "{example}");
        let first = &json["images"][0];
        let diffs = first["diffs"].as_array().unwrap();
        assert_eq!(diffs.len(), 1, "{example}: {first}");
        assert_eq!(diffs[0]["platform"], "douyin");
        assert_eq!(diffs[0]["baseline"], "feishu");
        assert!(
            Path::new(diffs[0]["map"].as_str().unwrap())
                .file_name()
                .is_some()
        );
        assert!(html.contains("<img class=\"diff-map\""), "{example}");
        // Each platform's run is in the page, warnings and timeline included.
        assert!(html.contains("id=\"platform-feishu\"") && html.contains("id=\"platform-douyin\""));
        assert!(html.contains("<ol class=\"timeline\">"));
        // Calls compare by API without namespace; `differingCalls` lists
        // those whose outcome (paths aside) is not the same on both.
        assert!(json["differingCalls"].is_array());
    }
}

#[test]
fn a_single_run_writes_its_html_report_with_the_timeline_and_images_inline() {
    let out = fresh("single");
    let report = out.join("run.html");
    let o = Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .args([
            "run",
            repo().join("examples/wechat-legacy").to_str().unwrap(),
            "--tap",
            "save",
            "--out",
            out.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("wx.canvasToTempFilePath"));
    assert!(html.contains("src=\"data:image/"), "images are inline");
    assert!(!html.contains("src=\"/") && !html.contains("src=\"file:"));
    let _ = std::fs::remove_dir_all(&out);
}
