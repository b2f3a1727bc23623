//! `--now` and `--seed` make a page's run repeatable: the same poster page
//! run twice saves byte-identical images to the album, and changing either
//! flag changes the poster (so the flags, not luck, made it repeatable).

mod support;

use std::path::{Path, PathBuf};

use support::{mpcanvas, scratch, text};

/// A poster page that prints today's date and a random coupon code, as
/// share posters do, and saves itself to the album once drawn.
const PAGE_JS: &str = r#"
Page({
  onReady() {
    wx.createSelectorQuery().select('#poster').fields({ node: true, size: true }).exec((res) => {
      const canvas = res[0].node;
      canvas.width = 240;
      canvas.height = 120;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff8e7';
      ctx.fillRect(0, 0, 240, 120);
      ctx.fillStyle = '#c0392b';
      for (let i = 0; i < 6; i++) {
        ctx.fillRect(Math.random() * 220, Math.random() * 40, 12, 12);
      }
      const code = Math.random().toString(36).slice(2, 8).toUpperCase();
      const date = new Date().toLocaleDateString('zh-CN', { month: 'long', day: 'numeric' });
      ctx.fillStyle = '#222';
      ctx.font = '16px sans-serif';
      ctx.fillText(date + ' ' + code, 10, 90);
      wx.canvasToTempFilePath({
        canvas,
        success: (r) => wx.saveImageToPhotosAlbum({ filePath: r.tempFilePath }),
      });
    });
  },
});
"#;

const PAGE_WXML: &str =
    r#"<canvas type="2d" id="poster" style="width: 240px; height: 120px"></canvas>"#;

/// Writes the page folder once for every run of this test.
fn project(root: &Path) -> PathBuf {
    let page = root.join("poster-page");
    std::fs::create_dir_all(&page).unwrap();
    std::fs::write(page.join("index.js"), PAGE_JS).unwrap();
    std::fs::write(page.join("index.wxml"), PAGE_WXML).unwrap();
    page
}

/// Runs the page with `--now` and `--seed` into its own data folder and
/// returns the album's files (name and bytes), sorted by name.
fn album_of(root: &Path, page: &Path, name: &str, now: &str, seed: &str) -> Vec<(String, Vec<u8>)> {
    let out = root.join(name);
    let o = mpcanvas(&[
        "run",
        page.to_str().unwrap(),
        "--now",
        now,
        "--seed",
        seed,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(out.join("album"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_poster_page_run_twice_with_now_and_seed_saves_byte_identical_images() {
    let root = scratch("deterministic");
    let page = project(&root);
    let now = "2026-12-07T10:00:00+08:00";
    let first = album_of(&root, &page, "first", now, "42");
    let second = album_of(&root, &page, "second", now, "42");
    let other_seed = album_of(&root, &page, "other-seed", now, "43");
    let other_day = album_of(&root, &page, "other-day", "2026-12-24T10:00:00+08:00", "42");
    let _ = std::fs::remove_dir_all(&root);

    assert_eq!(first.len(), 1, "one poster saved");
    // Album files are named by the device's clock, which --now fixes.
    assert_eq!(first[0].0, "IMG_1796608800_0000.png");
    assert_eq!(
        first, second,
        "same --now and --seed: same album names and bytes"
    );
    assert_ne!(
        first[0].1, other_seed[0].1,
        "another seed draws another code"
    );
    assert_ne!(
        first[0].1, other_day[0].1,
        "another day prints another date"
    );
}
