//! A panic inside a job is caught at the job's boundary: the engine
//! returns a report (or an error) saying "internal error", drops the
//! job's state, and runs the next job on the same thread and engine as
//! if nothing happened. The panic is injected through a test-only point
//! (`layers::platform::fault`, debug builds only).

use std::path::PathBuf;

use mpcanvas::layers::platform::fault;
use mpcanvas::{DrawingScript, Engine, Error, RenderJob, RunJob};

fn game(name: &str, source: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "mpcanvas-facade-internal-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("game.js"), source).unwrap();
    dir
}

const DRAW_THEN_LOG: &str = r#"
const canvas = wx.createCanvas();
const ctx = canvas.getContext('2d');
ctx.fillStyle = 'red';
ctx.fillRect(0, 0, 10, 10);
const img = wx.createImage();
img.onload = () => console.log('loaded');
console.log('drawn');
"#;

#[test]
fn a_panicking_run_reports_an_internal_error_and_the_next_run_is_unharmed() {
    let engine = Engine::builder().system_fonts(false).build().unwrap();
    let dir = game("run", DRAW_THEN_LOG);
    let job = || RunJob::new("wechat-game", dir.join("out"));
    fault::arm(Some(fault::points::CONSOLE));
    let report = engine
        .run_project(&dir, job())
        .expect("a report, not an error");
    fault::arm(None);
    assert!(report.internal_error);
    let fatal = report.fatal.as_deref().unwrap();
    assert!(
        fatal.starts_with("internal error: injected panic at 'console'"),
        "{fatal}"
    );
    assert_eq!(report.profile, "wechat-game");
    assert_eq!(report.entry, "game.js");
    assert_eq!(report.to_json()["internalError"], true);
    assert!(report.to_text().contains("stopped: internal error:"));
    // The same engine, on the same thread, runs the job again cleanly.
    let again = engine.run_project(&dir, job()).unwrap();
    assert!(again.is_clean(), "{}", again.to_text());
    assert!(!again.internal_error);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_render_panicking_while_it_writes_is_an_internal_error_and_leaves_no_file() {
    let engine = Engine::builder().system_fonts(false).build().unwrap();
    let script = DrawingScript::from_source(
        "poster.js",
        "// @size 20x20\nfunction draw(ctx) { ctx.fillRect(0, 0, 5, 5); }",
    );
    let dir = game("render", "");
    let output = dir.join("poster.png");
    fault::arm(Some(fault::points::WRITE));
    let result = engine.render_to_file(&script, &RenderJob::default(), &output, 0.92);
    fault::arm(None);
    match result {
        Err(Error::Internal(m)) => assert!(m.contains("injected panic at 'write'"), "{m}"),
        other => panic!("not an internal error: {:?}", other.map(|_| ())),
    }
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n != "game.js")
        .collect();
    assert!(
        left.is_empty(),
        "neither the image nor its staging file: {left:?}"
    );
    // The same engine and thread render it again.
    engine
        .render_to_file(&script, &RenderJob::default(), &output, 0.92)
        .unwrap();
    assert!(output.is_file());
    let _ = std::fs::remove_dir_all(&dir);
}
