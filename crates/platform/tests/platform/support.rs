//! Shared test helpers: scratch folders, launching a platform per profile,
//! fixture images, and a local HTTP server on 127.0.0.1.

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

/// A local HTTP server (`mpcanvas-testserver`) with fixed routes; returns
/// its base URL.
pub(crate) fn server() -> String {
    use mpcanvas_testserver::Response;
    mpcanvas_testserver::serve(|path| match path {
        "/ok.png" => Response::ok("image/png", png(4, 4, [0, 0, 255, 255])),
        // An image sent as text: content is judged by its bytes.
        "/disguised" => Response::ok("text/plain", png(2, 2, [0, 255, 0, 255])),
        "/page.html" => Response::ok("image/png", b"<html>not an image</html>".to_vec()),
        "/big" => {
            let mut b = png(1, 1, [0, 0, 0, 255]);
            b.resize(2 * 1024 * 1024, 0);
            Response::ok("image/png", b)
        }
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            Response::ok("image/png", png(1, 1, [0, 0, 0, 255]))
        }
        "/redirect" => Response::redirect("/ok.png"),
        "/loop" => Response::redirect("/loop"),
        _ => Response::not_found(),
    })
    .base
}
