//! The device environment in a page run: `--locale`, `--tz`, `--now` and
//! `--seed` reach page code and the report, and fix a poster's pixels.

use mpcanvas_platform::{Event, Profile};
use mpcanvas_runtime::run::{RunConfig, RunReport, run_path};
use mpcanvas_runtime::{Clock, DeviceEnv, parse_now};

use crate::support::{Pkg, assert_clean, console};

/// A poster printing today's date, a random coupon code and a price,
/// exported on tap; the console reports the clock around a timer.
fn poster() -> Pkg {
    Pkg::new(&[
        ("index.json", "{}"),
        (
            "index.wxml",
            r#"<canvas type="2d" id="poster" style="width: 200px; height: 100px"></canvas>"#,
        ),
        (
            "index.js",
            r#"
Page({
  onReady() {
    const t0 = Date.now(), p0 = performance.now();
    console.log('language ' + wx.getSystemInfoSync().language);
    console.log('zone ' + new Date().getTimezoneOffset() + ' ' + Intl.DateTimeFormat().resolvedOptions().timeZone);
    setTimeout(() => console.log('after 1500 ms timer: ' + (Date.now() - t0) + ' ' + (performance.now() - p0)), 1500);
    wx.createSelectorQuery().select('#poster').fields({ node: true }).exec((res) => {
      const canvas = res[0].node;
      canvas.width = 200; canvas.height = 100;
      const ctx = canvas.getContext('2d');
      const code = Math.floor(Math.random() * 1e8).toString(36).toUpperCase();
      console.log('coupon ' + code + ' on ' + new Date().toLocaleDateString());
      ctx.fillStyle = `hsl(${Math.floor(Math.random() * 360)}, 60%, 50%)`;
      ctx.fillRect(0, 0, 200, 100);
      ctx.fillStyle = '#fff';
      ctx.font = '16px sans-serif';
      ctx.fillText(new Date().toLocaleString(), 8, 24);
      ctx.fillText(code + ' ' + (1299.5).toLocaleString(undefined, { style: 'currency', currency: 'CNY' }), 8, 60);
      this.canvas = canvas;
    });
  },
  save() {
    wx.canvasToTempFilePath({ canvas: this.canvas, fileType: 'png', success: (r) => console.log('exported') });
  },
});
"#,
        ),
    ])
}

/// The run's report and its exported poster (read before the data folder
/// goes away).
fn run_and_export(pkg: &Pkg, env: DeviceEnv) -> (RunReport, Vec<u8>) {
    let out = Pkg::new(&[]);
    let mut config = RunConfig::new(Profile::named("wechat").unwrap(), out.path());
    config.taps = vec!["save".into()];
    config.device_env = env;
    let report = run_path(pkg.path(), config).unwrap();
    assert_clean(&report);
    let png = exported_png(&report);
    (report, png)
}

fn run(pkg: &Pkg, env: DeviceEnv) -> RunReport {
    run_and_export(pkg, env).0
}

fn fixed(locale: &str, zone: &str) -> DeviceEnv {
    let mut env = DeviceEnv::new(locale, zone).unwrap();
    env.clock = Clock::Fixed(parse_now("2026-12-07T10:00:00+08:00").unwrap());
    env.seed = Some(7);
    env
}

fn exported_png(report: &RunReport) -> Vec<u8> {
    let path = report
        .events
        .iter()
        .find_map(|e| match e {
            Event::TempFile { real_path, .. } => Some(real_path.clone()),
            _ => None,
        })
        .expect("the poster was exported");
    std::fs::read(path).unwrap()
}

#[test]
fn same_now_and_seed_give_byte_identical_posters() {
    let pkg = poster();
    let (first, first_png) = run_and_export(&pkg, fixed("zh-CN", "Asia/Shanghai"));
    let (second, second_png) = run_and_export(&pkg, fixed("zh-CN", "Asia/Shanghai"));
    assert_eq!(first_png, second_png);
    assert_eq!(console(&first), console(&second));
    let mut other_seed = fixed("zh-CN", "Asia/Shanghai");
    other_seed.seed = Some(8);
    assert_ne!(first_png, run_and_export(&pkg, other_seed).1);
}

#[test]
fn fixed_clock_advances_with_virtual_timers_only() {
    let report = run(&poster(), fixed("zh-CN", "Asia/Shanghai"));
    let lines = console(&report);
    assert!(
        lines.contains(&"after 1500 ms timer: 1500 1500".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.ends_with(" on 2026/12/7")),
        "{lines:?}"
    );
}

#[test]
fn locale_and_zone_reach_system_info_date_and_intl() {
    let report = run(&poster(), fixed("en-US", "America/New_York"));
    let lines = console(&report);
    assert!(lines.contains(&"language en".to_string()), "{lines:?}");
    assert!(
        lines.contains(&"zone 300 America/New_York".to_string()),
        "{lines:?}"
    );
    // 10:00 in Shanghai is 21:00 the day before in New York.
    assert!(
        lines.iter().any(|l| l.ends_with(" on 12/6/2026")),
        "{lines:?}"
    );
    let zh = console(&run(&poster(), fixed("zh-TW", "Asia/Taipei")));
    assert!(zh.contains(&"language zh_TW".to_string()), "{zh:?}");
}

#[test]
fn report_records_locale_zone_now_and_seed() {
    let report = run(&poster(), fixed("zh-CN", "Asia/Shanghai"));
    let json = report.to_json();
    assert_eq!(json["device"]["locale"], "zh-CN");
    assert_eq!(json["device"]["timeZone"], "Asia/Shanghai");
    assert_eq!(json["device"]["now"], "2026-12-07T02:00:00Z");
    assert_eq!(json["device"]["seed"], 7);
    assert!(
        report
            .to_text()
            .contains("device: zh-CN Asia/Shanghai --now 2026-12-07T02:00:00Z --seed 7")
    );
}
