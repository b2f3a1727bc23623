//! Shared test helpers: scratch folders, launching a platform per profile,
//! fixture images, and a local HTTP server on 127.0.0.1.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use mpcanvas_platform::env::{FixedClock, SequenceEntropy};
use mpcanvas_platform::fetch::{FetchLimits, HttpFetcher};
use mpcanvas_platform::{Platform, PlatformConfig, Profile, ScriptedUser};
use serde_json::Value;

/// A scratch folder removed on drop.
pub(crate) struct Scratch(pub(crate) PathBuf);

impl Scratch {
    pub(crate) fn new(tag: &str) -> Scratch {
        static N: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "mpcanvas-platform-test-{}-{tag}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every profile.
pub(crate) fn profiles() -> Vec<Profile> {
    Profile::all().expect("embedded profiles load")
}

/// A config with deterministic names and clock, the given user, and an
/// HTTP fetcher with a short timeout (tests only reach 127.0.0.1).
pub(crate) fn config(profile: &Profile, dir: &Path, user: ScriptedUser) -> PlatformConfig {
    PlatformConfig::new(profile.clone(), dir)
        .with_entropy(SequenceEntropy::starting_at(0xabc0))
        .with_clock(FixedClock(1_700_000_000))
        .with_user(user)
        .with_fetcher(HttpFetcher::new(FetchLimits {
            timeout: Duration::from_millis(700),
            max_redirects: 3,
            max_bytes: 1024 * 1024,
        }))
}

pub(crate) fn launch(profile: &Profile, dir: &Path, user: ScriptedUser) -> Platform {
    Platform::launch(config(profile, dir, user)).expect("launch")
}

/// A `w × h` opaque PNG of one colour.
pub(crate) fn png(w: u32, h: u32, rgba: [u8; 4]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let data: Vec<u8> = (0..w * h).flat_map(|_| rgba).collect();
    enc.write_header().unwrap().write_image_data(&data).unwrap();
    out
}

/// The error object a profile gives: `{errMsg: "<api>:fail <msg>"}` or
/// `{error: code, errorMessage: alipay_msg}`.
pub(crate) fn error_object(
    profile: &Profile,
    api: &str,
    msg: &str,
    code: i64,
    alipay_msg: &str,
) -> Value {
    if profile.replies.ok_message {
        serde_json::json!({ "errMsg": format!("{api}:fail {msg}") })
    } else {
        serde_json::json!({ "error": code, "errorMessage": alipay_msg })
    }
}

/// The success object with no fields.
pub(crate) fn ok_object(profile: &Profile, api: &str) -> Value {
    if profile.replies.ok_message {
        serde_json::json!({ "errMsg": format!("{api}:ok") })
    } else {
        serde_json::json!({})
    }
}

/// Names in a folder, sorted (dot files included: nothing partial may hide).
pub(crate) fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// A local HTTP server on 127.0.0.1 serving fixed routes; returns its base
/// URL. Each connection gets a thread; the server lives as long as the
/// test process.
pub(crate) fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
                        break;
                    }
                }
                let mut stream = stream;
                let (status, headers, body): (&str, String, Vec<u8>) = match path.as_str() {
                    "/ok.png" => (
                        "200 OK",
                        "Content-Type: image/png\r\n".into(),
                        png(4, 4, [0, 0, 255, 255]),
                    ),
                    "/disguised" => (
                        "200 OK",
                        "Content-Type: text/plain\r\n".into(),
                        png(2, 2, [0, 255, 0, 255]),
                    ),
                    "/page.html" => (
                        "200 OK",
                        "Content-Type: image/png\r\n".into(),
                        b"<html>not an image</html>".to_vec(),
                    ),
                    "/big" => {
                        let mut b = png(1, 1, [0, 0, 0, 255]);
                        b.resize(2 * 1024 * 1024, 0);
                        ("200 OK", "Content-Type: image/png\r\n".into(), b)
                    }
                    "/slow" => {
                        std::thread::sleep(Duration::from_secs(3));
                        ("200 OK", String::new(), png(1, 1, [0, 0, 0, 255]))
                    }
                    "/redirect" => ("302 Found", "Location: /ok.png\r\n".into(), Vec::new()),
                    "/loop" => ("302 Found", "Location: /loop\r\n".into(), Vec::new()),
                    _ => ("404 Not Found", String::new(), b"missing".to_vec()),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            });
        }
    });
    base
}
