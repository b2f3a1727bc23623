//! The device environment of page code: `Date` in the device zone, a fixed
//! clock, a seeded `Math.random`.

use mpcanvas_js::jsenv::{Clock, DeviceEnv, install, parse_now};
use mpcanvas_js::{Limits, Runtime};
use rquickjs::Value;

/// `source`'s completion value as JSON, run on a device `env`.
fn eval_on(env: DeviceEnv, source: &str) -> String {
    let rt = Runtime::new(Limits::default()).expect("a runtime");
    rt.with(|ctx| {
        use rquickjs::CatchResultExt;
        install(&ctx, env)
            .catch(&ctx)
            .map_err(|e| e.to_string())
            .expect("the environment installs");
        let v: Value<'_> = ctx.eval(source).expect("the source runs");
        ctx.json_stringify(v).unwrap().unwrap().to_string().unwrap()
    })
}

fn device(locale: &str, zone: &str) -> DeviceEnv {
    DeviceEnv::new(locale, zone).expect("a known locale and zone")
}

#[test]
fn default_device_is_zh_cn_in_shanghai() {
    let out = eval_on(
        DeviceEnv::default(),
        "[new Date(Date.UTC(2026, 11, 7, 2)).toString(), new Intl.DateTimeFormat().resolvedOptions().timeZone,
          new Intl.NumberFormat().resolvedOptions().locale]",
    );
    assert_eq!(
        out,
        r#"["Mon Dec 07 2026 10:00:00 GMT+0800 (中国标准时间)","Asia/Shanghai","zh-CN"]"#
    );
}

#[test]
fn date_follows_dst_of_the_device_zone() {
    let out = eval_on(
        device("en-US", "America/New_York"),
        "[new Date(2026, 6, 1, 12).toISOString(), new Date(2026, 0, 1, 12).toISOString(),
          new Date(2026, 2, 8, 2, 30).getHours(), new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset(),
          new Date(2026, 6, 1).toLocaleString()]",
    );
    assert_eq!(
        out,
        r#"["2026-07-01T16:00:00.000Z","2026-01-01T17:00:00.000Z",3,240,"7/1/2026, 12:00:00 AM"]"#
    );
}

#[test]
fn installing_twice_wraps_the_engine_date_once() {
    let rt = Runtime::new(Limits::default()).unwrap();
    let out = rt.with(|ctx| {
        install(&ctx, device("zh-CN", "Asia/Tokyo")).unwrap();
        install(&ctx, device("zh-CN", "UTC")).unwrap();
        ctx.eval::<String, _>(
            "new Date(2026, 0, 1).toISOString() + ' ' + (new Date(0) instanceof Date)",
        )
        .unwrap()
    });
    assert_eq!(out, "2026-01-01T00:00:00.000Z true");
}

#[test]
fn fixed_clock_gives_the_same_now_every_call() {
    let env = DeviceEnv {
        clock: Clock::Fixed(parse_now("2026-12-07T10:00:00+08:00").unwrap()),
        ..DeviceEnv::default()
    };
    let out = eval_on(
        env,
        "[Date.now(), new Date().getTime(), Date.now() === Date.now(), performance.now(), new Date().toLocaleDateString(), typeof Date()]",
    );
    assert_eq!(
        out,
        r#"[1796608800000,1796608800000,true,0,"2026/12/7","string"]"#
    );
}

#[test]
fn bad_now_values_are_refused_with_the_expected_form() {
    let err = parse_now("2026-12-07 10:00").unwrap_err();
    assert!(err.contains("2026-12-07T10:00:00+08:00"), "{err}");
}

#[test]
fn seeded_random_repeats_per_seed() {
    let run = |seed| {
        let env = DeviceEnv {
            seed: Some(seed),
            ..DeviceEnv::default()
        };
        eval_on(env, "Array.from({ length: 5 }, () => Math.random())")
    };
    assert_eq!(run(7), run(7));
    assert_ne!(run(7), run(8));
    let values: Vec<f64> = serde_json::from_str(&run(7)).unwrap();
    assert!(values.iter().all(|v| (0.0..1.0).contains(v)), "{values:?}");
}

#[test]
fn invalid_dates_stay_invalid_through_local_methods() {
    let out = eval_on(
        DeviceEnv::default(),
        "const d = new Date(NaN); [String(d), d.getHours(), d.setHours(1), new Date('garbage').getTime(), new Date(2026, NaN).getTime()]",
    );
    assert_eq!(out, r#"["Invalid Date",null,null,null,null]"#);
}

#[test]
fn date_to_string_names_the_zone_in_the_device_language() {
    let at = "[new Date(Date.UTC(2026, 6, 1, 12)).toString(), new Date(Date.UTC(2026, 0, 1, 12)).toTimeString()]";
    assert_eq!(
        eval_on(device("en-US", "America/New_York"), at),
        r#"["Wed Jul 01 2026 08:00:00 GMT-0400 (Eastern Daylight Time)","07:00:00 GMT-0500 (Eastern Standard Time)"]"#
    );
    assert_eq!(
        eval_on(device("zh-TW", "Asia/Taipei"), at),
        r#"["Wed Jul 01 2026 20:00:00 GMT+0800 (台北標準時間)","20:00:00 GMT+0800 (台北標準時間)"]"#
    );
}
