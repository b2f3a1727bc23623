//! `--timings` and `--repeat` as a user runs them, and the peak memory of
//! a large render read from them: within twice the canvas bitmap over the
//! fixed cost of a tiny render of the same script, and a poster with
//! photos within twice its bitmap over the fixed cost and the decoded
//! photos.

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

/// A share poster as `../shared/bench/poster.js` draws one, in CSS pixels
/// scaled to the canvas (800 wide): a gradient, a header photo drawn
/// larger than it is, a shadowed rounded card, three photos clipped to
/// rounded rects, a photo clipped to a circle and drawn smaller, a dashed
/// divider, CJK and Latin text.
const PHOTO_POSTER: &str = "async function draw(ctx, canvas, env) {
  const photos = await Promise.all(['p0.jpg', 'p1.jpg', 'p2.jpg', 'p3.png'].map((n) => env.loadImage(n)));
  ctx.scale(env.width / 800, env.width / 800);
  ctx.imageSmoothingQuality = 'high';
  const g = ctx.createLinearGradient(0, 0, 0, 1200);
  g.addColorStop(0, '#ff9a8b'); g.addColorStop(1, '#ff99ac');
  ctx.fillStyle = g; ctx.fillRect(0, 0, 800, 1200);
  ctx.drawImage(photos[0], 0, 0, 900, 500, 0, 0, 800, 460);
  ctx.save();
  ctx.shadowColor = 'rgba(0,0,0,0.25)'; ctx.shadowBlur = 24; ctx.shadowOffsetY = 8;
  ctx.fillStyle = '#fff'; ctx.beginPath(); ctx.roundRect(30, 400, 740, 760, 24); ctx.fill();
  ctx.restore();
  for (let i = 0; i < 3; i++) {
    ctx.save(); ctx.beginPath(); ctx.roundRect(50 + i * 240, 560, 220, 170, 16); ctx.clip();
    ctx.drawImage(photos[1 + (i % 2)], 50 + i * 240, 560, 220, 170);
    ctx.restore();
  }
  ctx.save(); ctx.beginPath(); ctx.arc(110, 1060, 50, 0, Math.PI * 2); ctx.clip();
  ctx.drawImage(photos[3], 60, 1010, 100, 100); ctx.restore();
  ctx.setLineDash([8, 6]); ctx.strokeStyle = '#ddd'; ctx.lineWidth = 2;
  ctx.beginPath(); ctx.moveTo(60, 760); ctx.lineTo(740, 760); ctx.stroke();
  ctx.fillStyle = '#333'; ctx.font = 'bold 36px sans-serif';
  ctx.fillText('夏日限定 · Summer Sale', 60, 460 + 40);
  ctx.font = '20px sans-serif';
  for (let i = 0; i < 8; i++) ctx.fillText('扫码识别小程序，立即领取专属优惠券 ' + i, 60, 800 + i * 28);
}";

/// Writes a `width × height` photo-like image (smooth colour with noise,
/// so it compresses as photos do) as JPEG or PNG, by `name`'s extension.
fn write_photo(path: &Path, width: u32, height: u32) {
    use image::ImageEncoder;
    let mut seed = 0x2545_f491_u32;
    let mut noise = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        (seed % 24) as u8
    };
    let mut rgb = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..height {
        for x in 0..width {
            let (r, g) = ((x * 200 / width) as u8, (y * 180 / height) as u8);
            rgb.extend_from_slice(&[r + noise(), g + noise(), 120 + noise()]);
        }
    }
    let file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let color = image::ExtendedColorType::Rgb8;
    if path.extension().is_some_and(|e| e == "png") {
        image::codecs::png::PngEncoder::new(file)
            .write_image(&rgb, width, height, color)
            .unwrap();
    } else {
        image::codecs::jpeg::JpegEncoder::new_with_quality(file, 85)
            .encode(&rgb, width, height, color)
            .unwrap();
    }
}

/// The stated formula on a poster with photos, to PNG and JPEG: peak RSS
/// ≤ the fixed cost (an idle 1 × 1 render drawing one line of the same
/// text: binary, QuickJS, the fonts' pages) + the decoded photos
/// (4 bytes a pixel each, held while the script holds them) + twice the
/// bitmap (the bitmap, and at most as much again for drawing scratch,
/// the encoder and what the allocator keeps).
#[test]
#[cfg(target_os = "linux")]
fn a_photo_posters_peak_memory_is_its_photos_and_twice_its_bitmap_over_the_fixed_cost() {
    let dir = scratch("photo-poster");
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    let photos = [
        ("p0.jpg", 1200, 900),
        ("p1.jpg", 1000, 750),
        ("p2.jpg", 1000, 750),
        ("p3.png", 400, 400),
    ];
    let mut header = String::from("// @size 1600x2400\n");
    for (name, w, h) in photos {
        write_photo(&dir.join("assets").join(name), w, h);
        header.push_str(&format!("// @asset {name}\n"));
    }
    let poster = dir.join("poster.js");
    std::fs::write(&poster, format!("{header}{PHOTO_POSTER}")).unwrap();
    let idle = dir.join("idle.js");
    std::fs::write(
        &idle,
        "// @size 1x1\nfunction draw(ctx) { ctx.font = '20px sans-serif'; \
         ctx.fillText('扫码识别小程序，立即领取专属优惠券 Summer Sale', 0, 0); }",
    )
    .unwrap();
    let mib = |bytes: f64| bytes / f64::from(1u32 << 20);
    let bitmap = mib(1600.0 * 2400.0 * 4.0);
    let decoded: f64 = photos
        .iter()
        .map(|&(_, w, h)| mib(f64::from(w * h * 4)))
        .sum();
    for ext in ["png", "jpg"] {
        let peak = |js: &Path| {
            let out = dir.join(format!("out.{ext}"));
            Timings::of(&render(js, &out, &["--timings", "--no-system-fonts"])).get("peak RSS")
        };
        let fixed = peak(&idle);
        let poster_peak = peak(&poster);
        let bound = fixed + decoded + 2.0 * bitmap;
        assert!(
            poster_peak <= bound,
            "{ext}: {poster_peak} MiB peak over {bound} MiB: fixed {fixed}, photos {decoded:.1}, bitmap {bitmap:.1}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
