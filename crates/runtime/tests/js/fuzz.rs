//! The JS API fuzzer: random call sequences over the Canvas 2D API and the
//! platform namespace (`wx` / `my` / `tt`, the file system manager, images,
//! offscreen canvases), with random arguments that include re-entrant
//! `valueOf` / `toString` / getter objects and callbacks that call back in.
//! A case may throw anywhere; it must never panic, abort or hang the run.
//!
//! `cargo test` replays the saved corpus (`fuzz/corpus/*.js`) and a few
//! fresh sequences. A long run:
//! `MPCANVAS_FUZZ_SECS=1800 cargo test -p mpcanvas-runtime --test js fuzz::random -- --nocapture`
//! (the case being run is kept in `target/fuzz-current.js`, so a crash
//! leaves its input behind; `MPCANVAS_FUZZ_SAVE=DIR` writes every case;
//! `MPCANVAS_FUZZ_DEBUG=1` prints each run's report).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use mpcanvas_conformance::repo_root;
use mpcanvas_platform::{Answer, Profile};
use mpcanvas_runtime::Limits;
use mpcanvas_runtime::run::{RunConfig, run_path};

use crate::support::Pkg;

const PRELUDE: &str = include_str!("fuzz/prelude.js");
const PROFILES: [&str; 5] = ["wechat-game", "wechat", "alipay", "feishu", "douyin"];

/// One generated case: its profile and the script body.
struct Case {
    profile: String,
    body: String,
}

impl Case {
    /// The case `seed` stands for: a profile, and 20–200 calls.
    fn generate(seed: u64) -> Case {
        let mut rng = fastrand::Rng::with_seed(seed);
        let profile = PROFILES[rng.usize(..PROFILES.len())].to_string();
        let mut body = format!("const SEED = {};\n", rng.u32(..));
        body.push_str("// calls\n");
        for _ in 0..rng.usize(20..200) {
            let args: Vec<String> = (0..rng.usize(0..6))
                .map(|_| rng.u16(..1000).to_string())
                .collect();
            body.push_str(&format!(
                "call({}, {}, [{}]);\n",
                rng.u16(..1000),
                rng.u16(..1000),
                args.join(", ")
            ));
        }
        Case { profile, body }
    }

    /// A saved case: `// profile: NAME` on its first line, then the body.
    fn parse(text: &str) -> Case {
        let (first, body) = text.split_once('\n').unwrap_or((text, ""));
        let profile = first
            .strip_prefix("// profile: ")
            .expect("a corpus case starts with its profile")
            .trim()
            .to_string();
        Case {
            profile,
            body: body.to_string(),
        }
    }

    fn to_text(&self) -> String {
        format!("// profile: {}\n{}", self.profile, self.body)
    }

    /// The script: the body's `SEED` line, the prelude, then the calls.
    fn script(&self) -> String {
        let (seed, calls) = self
            .body
            .split_once("// calls\n")
            .unwrap_or(("const SEED = 1;\n", &self.body));
        format!("{seed}{PRELUDE}\n{calls}")
    }

    /// Runs the case as a mini-game (`wechat-game`) or as a page's
    /// `onReady`, under small limits. Panics only if the run does.
    fn run(&self) {
        let script = self.script();
        let files: Vec<(&str, String)> = if self.profile == "wechat-game" {
            vec![("game.js", script)]
        } else {
            vec![
                (
                    "index.js",
                    format!("Page({{ onReady() {{\n{script}\n}} }})"),
                ),
                (
                    "index.wxml",
                    r#"<canvas type="2d" id="c"></canvas>"#.to_string(),
                ),
            ]
        };
        let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let pkg = Pkg::new(&files);
        let out = Pkg::new(&[]);
        let mut config =
            RunConfig::new(Profile::named(&self.profile).expect("profile"), out.path());
        config.js_limits = Limits {
            memory_bytes: 64 << 20,
            time: Duration::from_secs(3),
            ..Limits::default()
        };
        config.settle_ms = 2_000.0;
        config.user = Answer::Allow;
        let result = run_path(pkg.path(), config);
        if std::env::var_os("MPCANVAS_FUZZ_DEBUG").is_some() {
            match &result {
                Ok(r) => eprintln!("{}", r.to_text()),
                Err(e) => eprintln!("run error: {e}"),
            }
        }
        if let Ok(report) = result {
            // The report of whatever happened must still print.
            let _ = report.to_text();
            let _ = report.to_json();
        }
    }
}

fn corpus_dir() -> PathBuf {
    repo_root().join("crates/runtime/tests/js/fuzz/corpus")
}

fn corpus() -> Vec<(PathBuf, Case)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("the fuzz corpus")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let case = Case::parse(&std::fs::read_to_string(&p).unwrap());
            (p, case)
        })
        .collect()
}

#[test]
fn corpus_cases_replay_without_a_crash() {
    let cases = corpus();
    assert!(cases.len() >= 10, "the corpus holds its cases");
    for (path, case) in cases {
        eprintln!("fuzz corpus: {}", path.display());
        case.run();
    }
}

/// A few fresh sequences on every test run; `MPCANVAS_FUZZ_SECS` runs
/// sequences for that long instead.
#[test]
fn random_sequences_run_without_a_crash() {
    let budget = std::env::var("MPCANVAS_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok());
    let start_seed = std::env::var("MPCANVAS_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    let save = std::env::var_os("MPCANVAS_FUZZ_SAVE").map(PathBuf::from);
    let current = repo_root().join("target/fuzz-current.js");
    let started = Instant::now();
    let mut execs = 0u64;
    let mut seed = start_seed;
    loop {
        let case = Case::generate(seed);
        let _ = std::fs::write(&current, case.to_text());
        if let Some(dir) = &save {
            let _ = std::fs::write(dir.join(format!("{seed}.js")), case.to_text());
        }
        let result = std::panic::catch_unwind(|| case.run());
        if let Err(panic) = result {
            eprintln!(
                "fuzz: seed {seed} crashed; its case is in {}",
                current.display()
            );
            std::panic::resume_unwind(panic);
        }
        execs += 1;
        seed = seed.wrapping_add(1);
        let done = match budget {
            Some(secs) => started.elapsed() >= Duration::from_secs(secs),
            None => execs >= 4,
        };
        if done {
            break;
        }
        if execs.is_multiple_of(100) {
            eprintln!(
                "fuzz: {execs} cases in {:.0} s",
                started.elapsed().as_secs_f64()
            );
        }
    }
    eprintln!(
        "fuzz: {execs} cases from seed {start_seed} in {:.0} s, no crash",
        started.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_file(&current);
}
