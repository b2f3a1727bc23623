//! `POST /v1/render` over real HTTP: images, data URLs, and an error code
//! for each kind of bad request.

mod support;

use serde_json::json;
use support::{Server, config, post, post_json};

const SCRIPT: &str = "// @size 120x80\nfunction draw(ctx) { ctx.fillStyle = '#07c160'; ctx.fillRect(0, 0, 120, 80); }";

/// Width and height from a PNG's IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[1..4], b"PNG", "not a PNG");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

#[test]
fn render_returns_png_bytes_of_the_header_size_with_server_timing() {
    let server = Server::start(config());
    let r = post_json(&server.url("/v1/render"), &json!({ "script": SCRIPT }));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("image/png"));
    assert_eq!(png_size(&r.body), (120, 80));
    let timing = r.header("server-timing").unwrap();
    assert!(
        timing.contains("queue;dur=")
            && timing.contains("render;dur=")
            && timing.contains("encode;dur="),
        "{timing}"
    );
}

#[test]
fn render_takes_size_format_and_returns_a_data_url_as_json() {
    let server = Server::start(config());
    let r = post_json(
        &server.url("/v1/render"),
        &json!({ "script": SCRIPT, "width": 40, "height": 30, "format": "jpeg", "quality": 0.5, "as": "dataUrl" }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(
        (j["width"].as_u64(), j["height"].as_u64()),
        (Some(40), Some(30))
    );
    assert_eq!(j["mime"], "image/jpeg");
    assert!(
        j["dataUrl"]
            .as_str()
            .unwrap()
            .starts_with("data:image/jpeg;base64,/9j/")
    );
    assert!(j["timings"]["renderMs"].as_f64().unwrap() >= 0.0);
}

/// Throws (a 422 naming the values) unless the phone is en-US in UTC with
/// the clock at 2026-12-07T10:00:00+08:00.
const DEVICE_SCRIPT: &str = "// @size 4x4
function draw(ctx) {
  const got = [Date.now(), new Date().getHours(), (1234.5).toLocaleString(),
    new Intl.NumberFormat().resolvedOptions().locale,
    Intl.DateTimeFormat().resolvedOptions().timeZone].join(' ');
  if (got !== '1796608800000 2 1,234.5 en-US UTC') throw new Error(got);
  ctx.fillRect(0, 0, 4, 4);
}";

/// Fills with colours from `Math.random`.
const RANDOM_SCRIPT: &str = "// @size 8x1
function draw(ctx) {
  for (let x = 0; x < 8; x++) {
    ctx.fillStyle = `rgb(${Math.floor(Math.random() * 256)}, 0, 0)`;
    ctx.fillRect(x, 0, 1, 1);
  }
}";

#[test]
fn render_takes_the_device_flags_locale_tz_now_seed() {
    let server = Server::start(config());
    let url = server.url("/v1/render");
    let r = post_json(
        &url,
        &json!({ "script": DEVICE_SCRIPT, "locale": "en-US", "tz": "UTC", "now": "2026-12-07T10:00:00+08:00" }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    // Without them the phone is zh-CN in Asia/Shanghai on the real clock.
    let r = post_json(&url, &json!({ "script": DEVICE_SCRIPT }));
    assert_eq!(r.code(), "script_error", "{}", r.text());
    assert!(r.text().contains("zh-CN Asia/Shanghai"), "{}", r.text());
    let seeded = |seed: u64| {
        let r = post_json(&url, &json!({ "script": RANDOM_SCRIPT, "seed": seed }));
        assert_eq!(r.status, 200, "{}", r.text());
        r.body
    };
    assert_eq!(seeded(7), seeded(7));
    assert_ne!(seeded(7), seeded(8));
}

#[test]
fn each_malformed_render_request_gets_its_error_code() {
    let mut c = config();
    c.limits.render_body_bytes = 64 << 10;
    let server = Server::start(c);
    let url = server.url("/v1/render");
    let cases: Vec<(&str, support::Reply, u16, &str)> = vec![
        (
            "not JSON",
            post(&url, "application/json", b"{script:"),
            400,
            "bad_json",
        ),
        (
            "unknown field",
            post_json(&url, &json!({ "script": SCRIPT, "colour": 1 })),
            400,
            "bad_json",
        ),
        (
            "no script",
            post_json(&url, &json!({ "width": 10 })),
            400,
            "bad_json",
        ),
        (
            "width alone",
            post_json(&url, &json!({ "script": SCRIPT, "width": 10 })),
            400,
            "bad_request",
        ),
        (
            "zero size",
            post_json(&url, &json!({ "script": SCRIPT, "width": 0, "height": 10 })),
            400,
            "bad_request",
        ),
        (
            "huge size",
            post_json(
                &url,
                &json!({ "script": SCRIPT, "width": 100000, "height": 10 }),
            ),
            400,
            "bad_request",
        ),
        (
            "webp",
            post_json(&url, &json!({ "script": SCRIPT, "format": "webp" })),
            400,
            "unsupported_format",
        ),
        (
            "quality 2",
            post_json(&url, &json!({ "script": SCRIPT, "quality": 2 })),
            400,
            "bad_request",
        ),
        (
            "bad locale",
            post_json(&url, &json!({ "script": SCRIPT, "locale": "not a tag!" })),
            400,
            "bad_request",
        ),
        (
            "unshipped locale",
            post_json(&url, &json!({ "script": SCRIPT, "locale": "fr-FR" })),
            400,
            "bad_request",
        ),
        (
            "bad tz",
            post_json(&url, &json!({ "script": SCRIPT, "tz": "Mars/Olympus" })),
            400,
            "bad_request",
        ),
        (
            "bad now",
            post_json(&url, &json!({ "script": SCRIPT, "now": "tomorrow" })),
            400,
            "bad_request",
        ),
        (
            "negative seed",
            post_json(&url, &json!({ "script": SCRIPT, "seed": -1 })),
            400,
            "bad_json",
        ),
        (
            "as file",
            post_json(&url, &json!({ "script": SCRIPT, "as": "file" })),
            400,
            "bad_request",
        ),
        (
            "asset header",
            post_json(
                &url,
                &json!({ "script": "// @asset ../../etc/x.png\nfunction draw(){}" }),
            ),
            400,
            "bad_request",
        ),
        (
            "body over the limit",
            post(&url, "application/json", &vec![b' '; 200 << 10]),
            413,
            "body_too_large",
        ),
        (
            "throws",
            post_json(
                &url,
                &json!({ "script": "function draw() { throw new Error('boom'); }" }),
            ),
            422,
            "script_error",
        ),
        (
            "no draw",
            post_json(&url, &json!({ "script": "var x = 1;" })),
            422,
            "script_error",
        ),
        (
            "loops",
            post_json(
                &url,
                &json!({ "script": "function draw() { for (;;) {} }" }),
            ),
            422,
            "time_limit",
        ),
        (
            "allocates",
            post_json(
                &url,
                &json!({ "script": "function draw() { const a = []; for (;;) a.push(new Array(1e5).fill(1.5)); }" }),
            ),
            422,
            "memory_limit",
        ),
    ];
    for (what, r, status, code) in cases {
        assert_eq!(
            (r.status, r.code().as_str()),
            (status, code),
            "{what}: {}",
            r.text()
        );
        assert!(!r.json()["message"].as_str().unwrap().is_empty(), "{what}");
    }
    // The service is still healthy after all of them.
    assert_eq!(post_json(&url, &json!({ "script": SCRIPT })).status, 200);
}

#[test]
fn a_full_queue_answers_429_with_retry_after() {
    let mut c = config();
    c.workers = 1;
    c.queue = 1;
    c.limits.job_time = std::time::Duration::from_millis(800);
    let server = Server::start(c);
    let url = server.url("/v1/render");
    let replies: Vec<support::Reply> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    post_json(
                        &url,
                        &json!({ "script": "function draw() { for (;;) {} }" }),
                    )
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let busy: Vec<_> = replies.iter().filter(|r| r.status == 429).collect();
    // One runs and one waits; the other two arrive while both are taken.
    assert!(busy.len() >= 2, "{replies:?}");
    for r in &busy {
        assert_eq!(r.code(), "queue_full");
        assert_eq!(r.header("retry-after"), Some("1"));
    }
    assert!(
        replies
            .iter()
            .filter(|r| r.status == 422)
            .all(|r| r.code() == "time_limit")
    );
}
