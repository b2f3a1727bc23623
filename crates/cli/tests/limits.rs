//! `mpcanvas run` against scripts that try to outrun its limits: native
//! drawing calls that would take minutes end at `--time-limit`,
//! bitmaps count against `--memory-limit` (peak RSS stays bounded), and the
//! report streamed as the run goes survives a `SIGKILL`.
#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

mod support;
use support::scratch;

/// A mini-game folder holding `game.js`.
fn game(name: &str, source: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("game.js"), source).unwrap();
    dir
}

/// `mpcanvas run DIR --platform wechat-game --out DIR/out`, to be
/// completed with the report's format.
fn run_game(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mpcanvas"));
    command
        .arg("run")
        .arg(dir)
        .args(["--platform", "wechat-game", "--out"])
        .arg(dir.join("out"));
    command
}

/// Runs `mpcanvas run DIR --platform wechat-game --json EXTRA…` and returns
/// the report and the wall time it took.
fn run_json(dir: &Path, extra: &[&str]) -> (Value, Duration) {
    let started = Instant::now();
    let output = run_game(dir)
        .args(["--json", "--offline"])
        .args(extra)
        .output()
        .expect("the binary runs");
    let elapsed = started.elapsed();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "not one of the report's exit codes: {:?}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (report, elapsed)
}

/// One `fill()` of a 1.2-million-segment path crossing every row (about
/// ten seconds of rasterizing each, without a deadline), drawn again and
/// again.
const HUGE_FILL: &str = "console.log('filling');
for (let i = 0; i < 100; i++) ctx.fill(path, 'evenodd');";

/// A 1000² canvas and `path`, 1.2 million segments that all cross each
/// other and every row, then `draw` (which uses `ctx` and `path`). The
/// path is parsed from one SVG string (one native call, well under a
/// second even on a loaded machine) rather than built by 1.2 million
/// `lineTo` calls, which could use up the 3 s before the drawing starts.
fn crossing_path(draw: &str) -> String {
    format!(
        "const canvas = wx.createCanvas();
canvas.width = 1000; canvas.height = 1000;
const ctx = canvas.getContext('2d');
const path = new Path2D('M1000 1000' + 'L1000 1000L0 1000L1000 0'.repeat(400000));
{draw}
"
    )
}

/// The seconds a run may overrun `--time-limit` by: 1 s for JS, plus the
/// longest native step that is not interrupted (parsing and sorting the
/// path's edges, about a second here; see the README), with a wide
/// margin for a loaded machine.
const OVERRUN_BOUND: f64 = 8.0;

/// Runs the game `source` with `--time-limit 3` and `extra`: it reached
/// the console line `reached`, was ended by the limit, and ended within
/// the overrun bound.
fn assert_stopped_at_three_seconds(name: &str, source: &str, extra: &[&str], reached: &str) {
    let dir = game(name, source);
    let (report, elapsed) = run_json(&dir, &[&["--time-limit", "3"], extra].concat());
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(report["completed"], false, "{report:#}");
    let fatal = report["fatal"].as_str().unwrap_or_default();
    assert!(fatal.contains("longer than its limit of 3 s"), "{fatal}");
    assert!(logs(&report).contains(&reached), "{reached}: {report:#}");
    assert!(
        elapsed.as_secs_f64() < 3.0 + OVERRUN_BOUND,
        "ended after {elapsed:?}"
    );
}

#[test]
fn a_fill_of_millions_of_segments_stops_at_the_time_limit() {
    assert_stopped_at_three_seconds("huge-fill", &crossing_path(HUGE_FILL), &[], "filling");
}

/// Wide shadow blurs of a 4000² canvas, repeated: each call is about a
/// second of native work.
const HUGE_SHADOWS: &str = r#"
const canvas = wx.createCanvas();
canvas.width = 4000; canvas.height = 4000;
const ctx = canvas.getContext('2d');
ctx.shadowBlur = 250; ctx.shadowColor = 'black'; ctx.shadowOffsetX = 5;
console.log('drawing');
for (let i = 0; i < 1000; i++) { ctx.beginPath(); ctx.arc(2000, 2000, 1900 - i, 0, 7); ctx.fill(); }
"#;

#[test]
fn wide_shadow_blurs_stop_at_the_time_limit() {
    assert_stopped_at_three_seconds("huge-shadow", HUGE_SHADOWS, &[], "drawing");
}

/// One `measureText` and one `fillText` of 12.6 million Devanagari
/// characters (shaping them whole is about 17 s of one core), each string
/// new, again and again.
const HUGE_TEXT: &str = r#"
const canvas = wx.createCanvas();
canvas.width = 400; canvas.height = 100;
const ctx = canvas.getContext('2d');
ctx.font = '16px sans-serif';
const words = 'नमस्ते दुनिया '.repeat(900000);
console.log('shaping');
for (let i = 0; i < 100; i++) { ctx.measureText(words + i); ctx.fillText(i + words, 0, 50); }
"#;

#[test]
fn megabytes_of_text_stop_at_the_time_limit() {
    // Memory enough for the layouts (48 bytes a character): the time
    // limit is what ends the run.
    assert_stopped_at_three_seconds(
        "huge-text",
        HUGE_TEXT,
        &["--memory-limit", "2048"],
        "shaping",
    );
}

/// One `stroke()` of 1.2 million segments that all cross each other: the
/// outline's edges reorder on every row (minutes of sorting in one strip
/// of the rasterizer before it checked the deadline by steps).
const CROSSING_STROKE: &str = "ctx.lineWidth = 3; ctx.lineJoin = 'round';
console.log('stroking');
for (let i = 0; i < 100; i++) ctx.stroke(path);";

#[test]
fn a_stroke_of_a_million_crossing_segments_stops_at_the_time_limit() {
    assert_stopped_at_three_seconds(
        "crossing-stroke",
        &crossing_path(CROSSING_STROKE),
        // Memory for the outline (charged at 18 bytes a point, over the
        // default 256 MiB): the time limit is what ends the run.
        &["--memory-limit", "2048"],
        "stroking",
    );
}

/// A million dashes with round caps in one `stroke()` (the dasher's own
/// limit), drawn again and again: each outline is about 1 GiB and seconds
/// of stroking, made a batch of dashes at a time.
const MILLION_DASHES: &str = r#"
const canvas = wx.createCanvas();
const ctx = canvas.getContext('2d');
ctx.setLineDash([1, 1]); ctx.lineWidth = 2; ctx.lineCap = 'round';
console.log('stroking');
for (let i = 0; i < 100; i++) {
  ctx.beginPath(); ctx.moveTo(0, i); ctx.lineTo(1.9e6, i); ctx.stroke();
}
console.log('stroked');
"#;

#[test]
fn the_outline_of_a_million_dashes_counts_against_the_memory_limit() {
    let baseline = baseline_rss();
    let dir = game("million-dashes", MILLION_DASHES);
    let (report, _) = run_json(&dir, &["--memory-limit", "64"]);
    assert_eq!(report["completed"], false, "{report:#}");
    let fatal = report["fatal"].as_str().unwrap_or_default();
    assert!(fatal.contains("memory limit of 64 MiB"), "{fatal}");
    assert!(logs(&report).contains(&"stroking"), "{report:#}");
    assert!(!logs(&report).contains(&"stroked"), "{report:#}");
    let peak = report["peakRssBytes"].as_u64().expect("peak RSS reported");
    // One batch of 4096 dashes' outline is the only uncharged part.
    let bound = baseline + (64 << 20) + (16 << 20);
    assert!(
        peak <= bound,
        "peak RSS {} MiB over {} MiB (idle run {} MiB)",
        peak >> 20,
        bound >> 20,
        baseline >> 20
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_stroke_of_a_million_dashes_stops_at_the_time_limit() {
    // Memory enough for an outline (about 1 GiB): the time limit is what
    // ends the run.
    assert_stopped_at_three_seconds(
        "million-dashes-time",
        MILLION_DASHES,
        &["--memory-limit", "2048"],
        "stroking",
    );
}

/// A file grown to 100 MB (the platform's per-file limit) by `truncate`
/// and by a write far past its end, under a 64 MiB memory limit.
const FILE_GROWTH: &str = r#"
const fs = wx.getFileSystemManager();
const p = wx.env.USER_DATA_PATH + '/grown.txt';
fs.writeFileSync(p, 'abc');
try { fs.truncateSync({ filePath: p, length: 1e8 }); console.log('truncated'); }
catch (e) { console.log('truncate refused: ' + e.message); }
try {
  const fd = fs.openSync({ filePath: p, flag: 'r+' });
  fs.writeSync({ fd, data: 'x', position: 1e8 - 1 });
  console.log('written');
} catch (e) { console.log('write refused: ' + e.message); }
"#;

#[test]
fn files_grown_in_memory_count_against_the_memory_limit() {
    let baseline = baseline_rss();
    let dir = game("file-growth", FILE_GROWTH);
    let (report, _) = run_json(&dir, &["--memory-limit", "64"]);
    let logs = logs(&report);
    for refused in ["truncate refused: ", "write refused: "] {
        assert!(
            logs.iter()
                .any(|l| l.starts_with(refused) && l.contains("storage limit")),
            "{refused}: {logs:?}"
        );
    }
    let peak = report["peakRssBytes"].as_u64().expect("peak RSS reported");
    let bound = baseline + (64 << 20) + (16 << 20);
    assert!(
        peak <= bound,
        "peak RSS {} MiB over {} MiB",
        peak >> 20,
        bound >> 20
    );
    // Under a limit that holds them, the same calls succeed.
    let (report, _) = run_json(&dir, &["--memory-limit", "1024"]);
    let logs = self::logs(&report);
    assert!(
        logs.contains(&"truncated") && logs.contains(&"written"),
        "{logs:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The console lines of a report.
fn logs(report: &Value) -> Vec<&str> {
    report["events"]
        .as_array()
        .map(|events| events.iter().filter_map(|e| e["text"].as_str()).collect())
        .unwrap_or_default()
}

/// A run ended by `--memory-limit 64` while doing `what`.
fn assert_ended_by_the_memory_limit(report: &Value, what: &str) {
    assert_eq!(report["completed"], false, "{what}: {report:#}");
    let fatal = report["fatal"].as_str().unwrap_or_default();
    assert!(fatal.contains("memory limit of 64 MiB"), "{what}: {fatal}");
}

/// The run's peak RSS is at most the idle run's (`baseline`) + the
/// 64 MiB limit + 16 MiB of allocator slack: nothing `what` drew or
/// built came on top of the limit.
fn assert_peak_rss_within_the_limit(report: &Value, baseline: u64, what: &str) {
    let peak = report["peakRssBytes"].as_u64().expect("peak RSS reported");
    let bound = baseline + (64 << 20) + (16 << 20);
    assert!(
        peak <= bound,
        "{what}: peak RSS {} MiB over {} MiB (idle run {} MiB)",
        peak >> 20,
        bound >> 20,
        baseline >> 20
    );
}

/// Fills the run's 64 MiB (a 3000² canvas, then 1 MiB `ImageData`s until
/// one is refused), then draws `step`, which needs scratch memory of its
/// own; the next drawing call ends the script once the step was refused.
fn scratch_past_the_budget(step: &str) -> String {
    format!(
        r#"
const canvas = wx.createCanvas();
canvas.width = 3000; canvas.height = 3000;
const ctx = canvas.getContext('2d');
const kept = [];
try {{ for (;;) kept.push(ctx.createImageData(512, 512)); }} catch (e) {{}}
console.log('budget spent with ' + kept.length);
{step}
ctx.fillRect(0, 0, 1, 1);
console.log('drawn');
"#
    )
}

/// Drawing steps and the scratch each needs: a `copy` composite's
/// canvas-sized layer (36 MiB), a blurred shadow's layer and masks (about
/// 200 MiB), the layout of two million characters (about 100 MiB).
const SCRATCH_STEPS: [&str; 3] = [
    "ctx.globalCompositeOperation = 'copy'; ctx.fillRect(0, 0, 3000, 3000);",
    "ctx.shadowBlur = 40; ctx.shadowColor = 'black'; \
     ctx.beginPath(); ctx.arc(1500, 1500, 1400, 0, 7); ctx.fill();",
    "ctx.measureText('x'.repeat(2000000));",
];

#[test]
fn drawing_scratch_counts_against_the_memory_limit() {
    let baseline = baseline_rss();
    for step in SCRATCH_STEPS {
        let dir = game("scratch", &scratch_past_the_budget(step));
        let (report, _) = run_json(&dir, &["--memory-limit", "64"]);
        assert_ended_by_the_memory_limit(&report, step);
        let logs = logs(&report);
        assert!(
            logs.iter().any(|l| l.starts_with("budget spent with ")),
            "{step}: {report:#}"
        );
        assert!(!logs.contains(&"drawn"), "{step} was refused: {logs:?}");
        // The bitmaps' formula: layers, shadow masks and text layouts are
        // charged too, so nothing canvas-sized comes on top of the limit.
        assert_peak_rss_within_the_limit(&report, baseline, step);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// 40 `createImageData(4096, 4096)` and 40 filled 4096² offscreen canvases
/// (5 GiB if all were allocated), each kept alive, failures counted.
const BITMAP_HOARD: &str = r#"
const kept = [];
let refused = 0;
const main = wx.createCanvas().getContext('2d');
for (let i = 0; i < 40; i++) {
  try { kept.push(main.createImageData(4096, 4096)); }
  catch (e) { refused++; }
  try {
    const c = wx.createOffscreenCanvas({ type: '2d', width: 4096, height: 4096 });
    const ctx = c.getContext('2d');
    ctx.fillStyle = 'red';
    ctx.fillRect(0, 0, 4096, 4096);
    kept.push(c);
  } catch (e) { refused++; }
}
console.log('refused ' + refused);
"#;

/// RSS of a run that does nothing: the binary, fonts, QuickJS.
fn baseline_rss() -> u64 {
    let dir = game("empty", "console.log('idle');");
    let (report, _) = run_json(&dir, &["--memory-limit", "64"]);
    let _ = std::fs::remove_dir_all(&dir);
    report["peakRssBytes"].as_u64().expect("peak RSS reported")
}

#[test]
fn bitmaps_count_against_the_memory_limit_and_bound_peak_rss() {
    let baseline = baseline_rss();
    let dir = game("hoard", BITMAP_HOARD);
    let (report, _) = run_json(&dir, &["--memory-limit", "64"]);
    // The formula: peak RSS ≤ the idle run's RSS + the limit + the scratch
    // of one drawing step (at most one canvas-sized layer, here nothing
    // of that size is drawn), with 16 MiB of allocator slack.
    assert_peak_rss_within_the_limit(&report, baseline, "the hoard");
    let logs = logs(&report);
    // Every one of the 80 allocations is over 64 MiB with the JS heap in
    // the same budget: each is refused as the API's own failure.
    assert!(logs.contains(&"refused 80"), "{report:#}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bitmaps_under_the_memory_limit_are_allocated() {
    // The same hoard at 1024² fits 64 MiB several times over until the
    // budget is spent: some are kept, the rest refused, none crash.
    let dir = game(
        "small-hoard",
        &BITMAP_HOARD
            .replace("4096, 4096", "1024, 1024")
            .replace("4096", "1024"),
    );
    let (report, _) = run_json(&dir, &["--memory-limit", "64"]);
    let text = logs(&report)
        .into_iter()
        .find(|t| t.starts_with("refused "))
        .expect("the script finished")
        .to_string();
    let refused: u32 = text["refused ".len()..].parse().unwrap();
    // 4 MiB each: about 15 fit beside the heap, the rest are refused.
    assert!((40..80).contains(&refused), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Logs a line, then spins until killed.
const LOG_THEN_SPIN: &str = r#"
console.log('before the kill');
wx.getSystemInfoSync();
while (true) {}
"#;

/// Runs `mpcanvas run` with `format`, waits for the console line, kills
/// the process with SIGKILL and returns everything it printed.
fn killed_mid_run(name: &str, format: &[&str]) -> String {
    let dir = game(name, LOG_THEN_SPIN);
    let mut child = run_game(&dir)
        .args(["--time-limit", "60"])
        .args(format)
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap_or(0) > 0 {
        seen.push_str(&line);
        let reached = line.contains("before the kill");
        line.clear();
        if reached {
            break;
        }
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(9),
        "killed, not finished"
    );
    // Whatever was printed before the kill and is still in the pipe.
    let mut rest = String::new();
    let _ = std::io::Read::read_to_string(&mut reader, &mut rest);
    seen.push_str(&rest);
    let _ = std::fs::remove_dir_all(&dir);
    seen
}

#[test]
fn a_json_lines_report_killed_mid_run_keeps_its_events() {
    let out = killed_mid_run("kill-jsonl", &["--jsonl"]);
    let records: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(records[0]["event"], "start", "{out}");
    assert_eq!(records[0]["entry"], "game.js");
    assert_eq!(records[0]["platformSource"], "--platform");
    let console = records
        .iter()
        .find(|r| r["event"] == "console")
        .expect("the console line");
    assert_eq!(console["text"], "before the kill");
    assert!(
        !records.iter().any(|r| r["event"] == "summary"),
        "the run never ended"
    );
}

#[test]
fn a_text_report_killed_mid_run_keeps_its_lines() {
    let out = killed_mid_run("kill-text", &[]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "platform wechat-game (--platform)", "{out}");
    assert_eq!(lines[1], "run game.js on wechat-game");
    assert!(lines.contains(&"  console.log: before the kill"), "{out}");
}

#[test]
fn a_finished_json_lines_report_ends_with_its_summary() {
    let dir = game("jsonl-done", "console.log('one'); console.log('two');");
    let output = run_game(&dir)
        .arg("--jsonl")
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let records: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: Vec<&str> = records
        .iter()
        .map(|r| r["event"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["start", "console", "console", "summary"]);
    let summary = &records[3];
    assert_eq!(summary["completed"], true);
    assert!(summary.get("events").is_none(), "events were streamed");
    assert_eq!(summary["entry"], "game.js");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Steps that would each take far more than 64 MiB of memory of their
/// own, with nothing else spent: a path doubled by `addPath` until it has
/// 12 million elements (about 1 GB with its copies), 6 million `lineTo`
/// on the context (over 300 MiB), and the outline of one `strokeText` of
/// 100,000 large glyphs (about 100 MiB of outline and its stroke).
const HUNGRY_STEPS: [&str; 3] = [
    "const p = new Path2D('M0 0L1 1L2 0'); \
     for (let i = 0; i < 22; i++) p.addPath(p); console.log('grown');",
    "ctx.beginPath(); for (let i = 0; i < 6e6; i++) ctx.lineTo(i % 300, i % 7); console.log('grown');",
    "ctx.font = '200px sans-serif'; ctx.lineWidth = 3; \
     ctx.strokeText('WM@&'.repeat(25000), 0, 200); console.log('grown');",
];

#[test]
fn paths_and_text_outlines_count_against_the_memory_limit() {
    let baseline = baseline_rss();
    for step in HUNGRY_STEPS {
        let source = format!(
            "const canvas = wx.createCanvas();\n\
             canvas.width = 300; canvas.height = 300;\n\
             const ctx = canvas.getContext('2d');\n{step}\n"
        );
        let dir = game("hungry", &source);
        let (report, _) = run_json(&dir, &["--memory-limit", "64", "--time-limit", "60"]);
        assert_ended_by_the_memory_limit(&report, step);
        // (A refused path stops growing; the script may run a few more
        // statements before the run's next interrupt check ends it.)
        // A copy of a path (addPath's own argument) is charged on top of
        // the original, so it fits in the limit too.
        assert_peak_rss_within_the_limit(&report, baseline, step);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
