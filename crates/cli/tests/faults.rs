//! `mpcanvas run` under faults of its environment: a file-size limit
//! (`ulimit -f`) makes exports fail, and the run still ends with its report
//! and leaves no staging file behind.
#![cfg(unix)]

use std::process::Command;

mod support;
use support::scratch;

const NOISE_PAGE: &str = r#"Page({ onReady() {
  wx.createSelectorQuery().select('#c').fields({ node: true }).exec(([{ node }]) => {
    node.width = 200; node.height = 200;
    const ctx = node.getContext('2d');
    const img = ctx.createImageData(200, 200);
    for (let i = 0; i < img.data.length; i++) img.data[i] = (i * 7919 + (i >> 7) * 104729) % 251;
    ctx.putImageData(img, 0, 0);
    wx.canvasToTempFilePath({
      canvas: node,
      success: () => console.log('exported'),
      fail: (e) => console.log('export failed: ' + e.errMsg),
    });
  });
} })"#;

#[test]
fn a_file_size_limit_fails_the_export_and_the_report_is_printed() {
    let pkg = scratch("fsize-pkg");
    std::fs::write(pkg.join("index.wxml"), r#"<canvas type="2d" id="c"/>"#).unwrap();
    std::fs::write(pkg.join("index.js"), NOISE_PAGE).unwrap();
    let out = pkg.join("out");
    // 16 KiB: enough for the report's small files, not for the export.
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 16; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_mpcanvas"))
        .arg("run")
        .arg(&pkg)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.code().is_some(),
        "killed by a signal: {:?}\n{stdout}",
        output.status
    );
    assert!(stdout.contains("export failed"), "{stdout}");
    let tmp: Vec<_> = std::fs::read_dir(out.join("tmp"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(tmp, Vec::<String>::new());
    let _ = std::fs::remove_dir_all(&pkg);
}

#[test]
fn staging_files_of_dead_runs_are_removed_at_the_next_launch() {
    let pkg = scratch("staging-pkg");
    std::fs::write(pkg.join("index.js"), "Page({})").unwrap();
    let out = pkg.join("out");
    // Left by a process that no longer runs (pid far above any live one).
    let dead = ".staging-4194000-0.part";
    for dir in ["tmp", "store", "usr/sub", "album"] {
        std::fs::create_dir_all(out.join(dir)).unwrap();
        std::fs::write(out.join(dir).join(dead), b"partial").unwrap();
    }
    std::fs::write(out.join(dead), b"partial").unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_mpcanvas"))
        .arg("run")
        .arg(&pkg)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("the binary runs")
        .status;
    assert!(status.success(), "{status:?}");
    for dir in ["tmp", "store", "usr/sub", "album", "."] {
        assert!(!out.join(dir).join(dead).exists(), "{dir}");
    }
    let _ = std::fs::remove_dir_all(&pkg);
}
