//! `--timings` and `--repeat` as a user runs them, and the peak memory of
//! a large render read from them: within twice the canvas bitmap over the
//! fixed cost of a tiny render of the same script.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

mod support;
use support::{lossy, mpcanvas, repo, scratch};

/// A poster-like drawing scaled to the canvas: a gradient background, a
/// shadowed rounded card, text, a drawn-in second canvas.
const POSTER: &str = "function draw(ctx, canvas, env) {
  const s = env.width / 100;
  ctx.scale(s, s);
  const g = ctx.createLinearGradient(0, 0, 0, 100);
  g.addColorStop(0, '#fde'); g.addColorStop(1, '#8ad');
  ctx.fillStyle = g; ctx.fillRect(0, 0, 100, 100);
  ctx.shadowColor = 'rgba(0,0,0,0.3)'; ctx.shadowBlur = 4 * s; ctx.shadowOffsetY = s;
  ctx.fillStyle = '#fff'; ctx.beginPath(); ctx.roundRect(10, 10, 80, 80, 6); ctx.fill();
  ctx.shadowColor = 'transparent';
  ctx.fillStyle = '#333'; ctx.font = '6px sans-serif';
  for (let i = 0; i < 8; i++) ctx.fillText('限时特惠 Limited offer ' + i, 14, 22 + i * 8);
  const c = env.createCanvas(64, 64);
  const cx = c.getContext('2d'); cx.fillStyle = '#c33'; cx.fillRect(8, 8, 48, 48);
  ctx.drawImage(c, 60, 60, 24, 24);
}";

fn write_script(dir: &Path, name: &str, size: u32) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("// @size {size}x{size}\n{POSTER}")).unwrap();
    path
}

/// `mpcanvas render JS -o OUT EXTRA…`.
fn render(js: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["render", js.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    mpcanvas(&args)
}

/// The figures of a successful command's timings line on stderr, read
/// once: `draw 12.3 ms` → `draw` = 12.3, `peak RSS 27.8 MiB` →
/// `peak RSS` = 27.8.
struct Timings {
    stderr: String,
    figures: BTreeMap<String, f64>,
}

impl Timings {
    /// Asserts that the command succeeded and printed a timings line.
    fn of(o: &Output) -> Timings {
        let stderr = lossy(&o.stderr);
        assert!(o.status.success(), "{stderr}");
        let line = stderr
            .lines()
            .find_map(|l| {
                l.split_once(": ")
                    .filter(|(head, _)| head.starts_with("timings"))
            })
            .unwrap_or_else(|| panic!("no timings line in {stderr}"))
            .1;
        let mut figures = BTreeMap::new();
        let mut label: Vec<&str> = Vec::new();
        let mut words = line.split_whitespace();
        while let Some(word) = words.next() {
            match word.parse::<f64>() {
                Ok(value) => {
                    figures.insert(label.join(" "), value);
                    label.clear();
                    words.next(); // the unit
                }
                Err(_) => label.push(word),
            }
        }
        Timings { stderr, figures }
    }

    /// The figure after `label`.
    fn get(&self, label: &str) -> f64 {
        *self
            .figures
            .get(label)
            .unwrap_or_else(|| panic!("no {label} in {}", self.stderr))
    }
}

#[test]
fn render_timings_name_every_stage() {
    let dir = scratch("stages");
    let js = write_script(&dir, "p.js", 200);
    let out = dir.join("p.jpg");
    let o = render(&js, &out, &["--timings", "--no-system-fonts"]);
    let t = Timings::of(&o);
    for stage in [
        "startup", "script", "decode", "draw", "encode", "write", "total",
    ] {
        assert!(t.get(stage) >= 0.0, "{}", t.stderr);
    }
    assert!(t.get("draw") > 0.0 && t.get("encode") > 0.0, "{}", t.stderr);
    assert!(t.get("total") >= t.get("draw"), "{}", t.stderr);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn render_repeat_prints_the_median_of_that_many_renders() {
    let dir = scratch("repeat");
    let js = write_script(&dir, "p.js", 120);
    let out = dir.join("p.png");
    let o = render(&js, &out, &["--repeat", "3", "--no-system-fonts"]);
    let err = lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("timings (median of 3): startup "), "{err}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"\x89PNG"));
    let bad = mpcanvas(&["render", js.to_str().unwrap(), "--repeat", "0"]);
    assert!(!bad.status.success());
    assert!(
        lossy(&bad.stderr).contains("--repeat wants a whole number"),
        "{}",
        lossy(&bad.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn run_timings_cover_the_export() {
    let out = scratch("run");
    let example = repo().join("examples/wechat-2d");
    let o = mpcanvas(&[
        "run",
        example.to_str().unwrap(),
        "--tap",
        "save",
        "--out",
        out.to_str().unwrap(),
        "--timings",
    ]);
    let t = Timings::of(&o);
    assert!(
        t.get("encode") > 0.0,
        "the export was encoded: {}",
        t.stderr
    );
    assert!(
        t.get("write") > 0.0,
        "the temp file was written: {}",
        t.stderr
    );
    assert!(t.get("startup") > 0.0, "{}", t.stderr);
    std::fs::remove_dir_all(&out).unwrap();
}

/// Peak RSS of a 2048 × 2048 render (a 16 MiB bitmap) over that of a
/// 16 × 16 render of the same drawing (the fixed cost: binary, fonts,
/// QuickJS) stays within twice the bitmap: no full-size copies of the
/// canvas beyond the bitmap and its encoding.
#[test]
#[cfg(target_os = "linux")]
fn a_large_renders_peak_memory_stays_within_twice_its_bitmap() {
    let dir = scratch("memory");
    let peak = |size: u32, ext: &str| {
        let js = write_script(&dir, &format!("m{size}.js"), size);
        let out = dir.join(format!("m{size}.{ext}"));
        let o = render(&js, &out, &["--timings", "--no-system-fonts"]);
        Timings::of(&o).get("peak RSS")
    };
    let bitmap_mib = 2048.0 * 2048.0 * 4.0 / f64::from(1u32 << 20);
    for ext in ["png", "jpg"] {
        let fixed = peak(16, ext);
        let large = peak(2048, ext);
        assert!(
            large - fixed <= 2.0 * bitmap_mib,
            "{ext}: {large} MiB peak, {fixed} MiB fixed, bitmap {bitmap_mib} MiB"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
