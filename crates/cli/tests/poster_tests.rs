//! `mpcanvas test` and `mpcanvas compare` as a user runs them: the
//! bundled examples' specs pass; a changed poster fails with a diff image
//! and JUnit failure; `--update` approves it; report expectations and bad
//! specs fail their case.

use std::path::{Path, PathBuf};
use std::process::Output;

use mpcanvas_conformance::{read_png, write_png};

mod support;
use support::{copy_dir, mpcanvas, repo, scratch, text};

/// A copy of the wechat-2d example with its spec and snapshot beside it,
/// laid out as in `examples/`; returns the folder.
fn wechat_2d_copy(dir: &Path) -> PathBuf {
    copy_dir(&repo().join("examples/wechat-2d"), &dir.join("wechat-2d"));
    for f in ["wechat-2d.poster.json", "wechat-2d.wechat.1.png"] {
        std::fs::copy(repo().join("examples").join(f), dir.join(f)).unwrap();
    }
    dir.to_path_buf()
}

/// Recolours the poster's price tag: a change a reviewer must see.
fn change_the_poster(dir: &Path) {
    let page = dir.join("wechat-2d/index.js");
    let js = std::fs::read_to_string(&page).unwrap();
    assert!(js.contains("'#e74c3c'"));
    std::fs::write(&page, js.replace("'#e74c3c'", "'#2ecc71'")).unwrap();
}

/// `mpcanvas test POSTERS --out OUT --junit XML`.
fn mpcanvas_test(posters: &Path, out: &Path, xml: &Path) -> Output {
    mpcanvas(&[
        "test",
        posters.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--junit",
        xml.to_str().unwrap(),
    ])
}

fn junit(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn the_bundled_examples_specs_pass_and_report_as_junit() {
    let out = scratch("examples");
    let xml = out.join("report/junit.xml");
    let o = mpcanvas_test(&repo().join("examples"), &out, &xml);
    let t = text(&o);
    assert!(o.status.success(), "{t}");
    assert!(t.contains("7 passed, 0 failed"), "{t}");
    let xml = junit(&xml);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(
        [
            root.attribute("tests"),
            root.attribute("failures"),
            root.attribute("errors")
        ],
        [Some("7"), Some("0"), Some("0")]
    );
    let names: Vec<&str> = root
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .filter_map(|n| n.attribute("name"))
        .collect();
    assert!(names.contains(&"douyin-feishu [feishu]"), "{names:?}");
    assert!(names.contains(&"wechat-game [wechat-game]"), "{names:?}");
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn a_changed_poster_fails_with_a_diff_image_and_a_junit_failure() {
    let dir = scratch("changed");
    let posters = wechat_2d_copy(&dir);
    change_the_poster(&dir);
    let out = dir.join("out");
    let xml = dir.join("junit.xml");
    let o = mpcanvas_test(&posters, &out, &xml);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("FAIL wechat-2d [wechat]"), "{t}");
    assert!(t.contains("0 passed, 1 failed"), "{t}");
    assert!(t.contains("max difference"), "{t}");
    // expected | diff | actual, side by side at the poster's size.
    let diff = read_png(&out.join("wechat-2d.wechat.1.diff.png")).unwrap();
    let snapshot = read_png(&posters.join("wechat-2d.wechat.1.png")).unwrap();
    assert_eq!(
        (diff.width, diff.height),
        (snapshot.width * 3, snapshot.height)
    );
    // The snapshot itself is untouched without --update.
    assert_eq!(
        std::fs::read(posters.join("wechat-2d.wechat.1.png")).unwrap(),
        std::fs::read(repo().join("examples/wechat-2d.wechat.1.png")).unwrap()
    );
    let xml = junit(&xml);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .expect("a <failure>");
    assert_eq!(failure.attribute("type"), Some("snapshot"));
    assert!(
        failure
            .text()
            .unwrap()
            .contains("wechat-2d.wechat.1.diff.png"),
        "{xml}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn update_approves_a_changed_poster_and_the_next_run_passes() {
    let dir = scratch("update");
    let posters = wechat_2d_copy(&dir);
    change_the_poster(&dir);
    let out = dir.join("out");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "test",
            posters.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        mpcanvas(&args)
    };
    let o = run(&["--update"]);
    let t = text(&o);
    assert!(o.status.success(), "{t}");
    assert!(t.contains("approved"), "{t}");
    assert_ne!(
        std::fs::read(posters.join("wechat-2d.wechat.1.png")).unwrap(),
        std::fs::read(repo().join("examples/wechat-2d.wechat.1.png")).unwrap()
    );
    let o = run(&[]);
    assert!(o.status.success(), "{}", text(&o));
    // A second approval of the same poster leaves the file alone.
    let before = std::fs::metadata(posters.join("wechat-2d.wechat.1.png"))
        .unwrap()
        .modified()
        .unwrap();
    let o = run(&["--update"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(!text(&o).contains("approved"), "{}", text(&o));
    let after = std::fs::metadata(posters.join("wechat-2d.wechat.1.png"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn report_expectations_and_bad_specs_fail_their_case() {
    let dir = scratch("expect");
    let posters = wechat_2d_copy(&dir);
    // No tap: nothing exported, no prompt; a call that never happens.
    std::fs::write(
        posters.join("untapped.poster.json"),
        r#"{"project": "wechat-2d",
            "expect": {"calls": ["wx.saveImageToPhotosAlbum"], "prompts": ["scope.writePhotosAlbum"]}}"#,
    )
    .unwrap();
    std::fs::write(
        posters.join("typo.poster.json"),
        r#"{"project": "wechat-2d", "tap": ["save"]}"#,
    )
    .unwrap();
    let out = dir.join("out");
    let xml = dir.join("junit.xml");
    let o = mpcanvas_test(&posters, &out, &xml);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(1), "{t}");
    assert!(t.contains("1 passed, 2 failed"), "{t}");
    assert!(
        t.contains("the run exported no image (tappable methods: save"),
        "{t}"
    );
    assert!(
        t.contains("wx.saveImageToPhotosAlbum was not called"),
        "{t}"
    );
    assert!(
        t.contains(r#"expected prompts ["scope.writePhotosAlbum"], shown []"#),
        "{t}"
    );
    assert!(t.contains("unknown field `tap`"), "{t}");
    let xml = junit(&xml);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(
        [
            root.attribute("tests"),
            root.attribute("failures"),
            root.attribute("errors")
        ],
        [Some("3"), Some("1"), Some("1")]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_folder_without_specs_is_a_usage_error() {
    let dir = scratch("empty");
    let o = mpcanvas(&["test", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("no *.poster.json specs found"),
        "{}",
        text(&o)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn compare_prints_the_verdict_and_writes_the_diff() {
    let dir = scratch("compare");
    let posters = repo().join("examples");
    let a = posters.join("feishu.feishu.1.png");
    let same = mpcanvas(&["compare", a.to_str().unwrap(), a.to_str().unwrap()]);
    assert!(same.status.success(), "{}", text(&same));
    let v: serde_json::Value = serde_json::from_slice(&same.stdout).unwrap();
    assert_eq!(
        (v["pass"].as_bool(), v["status"].as_str()),
        (Some(true), Some("matches"))
    );
    // Ten pixels made red: beyond an exact comparison, within a tolerance
    // of 255 over 10 pixels.
    let mut changed = read_png(&a).unwrap();
    for px in changed.data.chunks_exact_mut(4).take(10) {
        px.copy_from_slice(&[255, 0, 0, 255]);
    }
    let b = dir.join("changed.png");
    write_png(&b, &changed).unwrap();
    let diff = dir.join("d.png");
    let other = mpcanvas(&[
        "compare",
        b.to_str().unwrap(),
        a.to_str().unwrap(),
        "--diff",
        diff.to_str().unwrap(),
    ]);
    assert_eq!(other.status.code(), Some(1), "{}", text(&other));
    let v: serde_json::Value = serde_json::from_slice(&other.stdout).unwrap();
    assert_eq!(v["status"], "differs", "{v}");
    assert_eq!(v["differingPixels"], 10, "{v}");
    assert_eq!(read_png(&diff).unwrap().width, changed.width * 3);
    let tolerant = mpcanvas(&[
        "compare",
        b.to_str().unwrap(),
        a.to_str().unwrap(),
        "--max-difference",
        "255",
        "--pixels",
        "10",
    ]);
    assert!(tolerant.status.success(), "{}", text(&tolerant));
    let missing = dir.join("new.png");
    let o = mpcanvas(&["compare", a.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let o = mpcanvas(&[
        "compare",
        a.to_str().unwrap(),
        missing.to_str().unwrap(),
        "--update",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(read_png(&missing).unwrap(), read_png(&a).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}
