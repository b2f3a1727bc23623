//! `mpcanvas` as a newcomer meets it: the platform read off the project,
//! fresh state per run unless kept, short errors with hints, version and
//! per-command help, unknown output formats refused.

mod support;
use support::{fresh, lossy, mpcanvas, repo};

#[test]
fn an_alipay_folder_runs_on_alipay_without_platform() {
    let out = fresh("alipay");
    let o = mpcanvas(&[
        "run",
        repo().join("examples/alipay").to_str().unwrap(),
        "--tap",
        "save",
        "--out",
        out.to_str().unwrap(),
    ]);
    let stdout = lossy(&o.stdout);
    assert!(o.status.success(), "{stdout}\n{}", lossy(&o.stderr));
    assert!(
        stdout.starts_with("platform alipay (detected from index.axml)"),
        "{stdout}"
    );
    assert!(stdout.contains("my.saveImage"), "{stdout}");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn a_deny_run_after_an_allow_run_is_asked_again_and_lists_only_its_own_files() {
    let out = fresh("fresh");
    let example = repo().join("examples/wechat-2d");
    let run = |user: &str, extra: &[&str]| {
        let mut args = vec![
            "run",
            example.to_str().unwrap(),
            "--tap",
            "save",
            "--json",
            "--user",
            user,
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let o = mpcanvas(&args);
        serde_json_value(&o.stdout)
    };
    let first = run("allow", &[]);
    assert_eq!(first["album"].as_array().unwrap().len(), 1);
    // A fresh run: the scripted answer counts, the earlier allow does not.
    let second = run("deny", &[]);
    let prompts = second["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "prompt")
        .count();
    assert_eq!(prompts, 1, "{second:#}");
    assert_eq!(second["album"].as_array().unwrap().len(), 0, "{second:#}");
    // The first run's poster is still in the album folder.
    assert_eq!(std::fs::read_dir(out.join("album")).unwrap().count(), 1);
    // Kept state: the remembered deny fails the save without a prompt.
    let third = run("allow", &["--keep-state"]);
    let prompts = third["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "prompt")
        .count();
    assert_eq!(prompts, 0, "{third:#}");
    assert_eq!(third["album"].as_array().unwrap().len(), 0);
    // ...and the report says the stored answer, not the user, decided.
    let remembered: Vec<_> = third["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"] == "remembered")
        .collect();
    assert_eq!(remembered.len(), 1, "{third:#}");
    assert_eq!(remembered[0]["scope"], "scope.writePhotosAlbum");
    assert_eq!(remembered[0]["answer"], "deny");
    let _ = std::fs::remove_dir_all(&out);
}

/// The JSON document a `--json` run printed.
fn serde_json_value(stdout: &[u8]) -> serde_json::Value {
    serde_json::from_slice(stdout).expect("the report is JSON")
}

#[test]
fn a_run_that_exported_nothing_names_the_methods_to_tap() {
    let out = fresh("notap");
    let example = repo().join("examples/wechat-2d");
    let o = mpcanvas(&[
        "run",
        example.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let err = lossy(&o.stderr);
    assert!(
        err.contains("nothing was exported; the page's tappable methods: save")
            && err.contains("(try --tap save)"),
        "{err}"
    );
    // A mistyped tap is refused with the same list.
    let o = mpcanvas(&[
        "run",
        example.to_str().unwrap(),
        "--tap",
        "sav",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let stdout = lossy(&o.stdout);
    assert!(
        stdout.contains("--tap sav: the page has no method 'sav'; its tappable methods: save"),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn argument_errors_are_short_and_hint_at_the_fix() {
    let o = mpcanvas(&["run", "examples/wechat-2d", "--tapp", "save"]);
    assert_eq!(o.status.code(), Some(2));
    let err = lossy(&o.stderr);
    assert!(err.contains("did you mean --tap?"), "{err}");
    assert!(err.lines().count() <= 3, "{err}");
    let o = mpcanvas(&["run", "p", "--platform", "Douyinn"]);
    assert!(lossy(&o.stderr).contains("did you mean 'douyin'?"));
}

#[test]
fn version_and_help_per_command() {
    let o = mpcanvas(&["--version"]);
    assert_eq!(
        lossy(&o.stdout).trim(),
        format!("mpcanvas {}", env!("CARGO_PKG_VERSION"))
    );
    let o = mpcanvas(&["help", "render"]);
    assert!(o.status.success());
    assert!(lossy(&o.stdout).contains("--no-system-fonts"));
    assert!(!lossy(&o.stdout).contains("--tap"));
}

#[test]
fn rendering_to_an_unknown_extension_is_an_error_that_writes_nothing() {
    let dir = fresh("ext");
    std::fs::create_dir_all(&dir).unwrap();
    let gif = dir.join("r.gif");
    let o = mpcanvas(&[
        "render",
        repo()
            .join("conformance/24-gradients-linear.js")
            .to_str()
            .unwrap(),
        "-o",
        gif.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        lossy(&o.stderr).contains("unknown image format"),
        "{}",
        lossy(&o.stderr)
    );
    assert!(!gif.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unusable_data_folder_is_named() {
    let dir = fresh("outfile");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a-file");
    std::fs::write(&file, "x").unwrap();
    let o = mpcanvas(&[
        "run",
        repo().join("examples/wechat-2d").to_str().unwrap(),
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        lossy(&o.stderr).contains(file.to_str().unwrap()),
        "{}",
        lossy(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_page_using_another_platforms_namespace_names_that_platform() {
    let dir = fresh("ns");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.js"),
        "Page({ onLoad() { my.getSystemInfoSync(); } })",
    )
    .unwrap();
    std::fs::write(dir.join("index.wxml"), "<view/>").unwrap();
    let out = dir.join("out");
    let o = mpcanvas(&["run", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = lossy(&o.stderr);
    assert!(err.contains("try --platform alipay"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn quiet_runs_print_failures_and_written_files_only() {
    let out = fresh("quiet");
    let o = mpcanvas(&[
        "run",
        repo().join("examples/wechat-2d").to_str().unwrap(),
        "--tap",
        "save",
        "--quiet",
        "--out",
        out.to_str().unwrap(),
    ]);
    let stdout = lossy(&o.stdout);
    assert!(o.status.success(), "{stdout}");
    assert!(stdout.contains("saved to album"), "{stdout}");
    assert!(
        stdout.contains("call wx.saveImageToPhotosAlbum"),
        "{stdout}"
    );
    assert!(!stdout.contains("wx.showToast"), "{stdout}");
    let full = mpcanvas(&[
        "run",
        repo().join("examples/wechat-2d").to_str().unwrap(),
        "--tap",
        "save",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(lossy(&full.stdout).contains("wx.showToast"));
    let _ = std::fs::remove_dir_all(&out);
}
