//! Test support: throwaway package folders, a local HTTP server, report
//! helpers.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use mpcanvas_canvas::{Image, Limits};
use mpcanvas_platform::{Answer, Event, Profile};
use mpcanvas_runtime::run::{RunConfig, RunReport, run_path};
use serde_json::Value;

/// A package folder that removes itself.
pub(crate) struct Pkg(PathBuf);

impl Pkg {
    pub(crate) fn new(files: &[(&str, &str)]) -> Pkg {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "mpcanvas-pkg-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for (name, text) in files {
            let p = dir.join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        Pkg(dir)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Pkg {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Serves `body` as `content_type` to every request on a local port, for
/// the rest of the test process; returns the base URL.
pub(crate) fn serve(body: Vec<u8>, content_type: &'static str) -> String {
    serve_counting(body, content_type).0
}

/// [`serve`], also counting the requests answered.
pub(crate) fn serve_counting(
    body: Vec<u8>,
    content_type: &'static str,
) -> (String, Arc<AtomicUsize>) {
    serve_routes(move |_| ("200 OK", content_type, body.clone()))
}

/// A local HTTP server (`mpcanvas-testserver`) answering each request
/// path with `route(path)` = (status line, content type, body). Returns
/// the base URL and the count of requests answered.
pub(crate) fn serve_routes(
    route: impl Fn(&str) -> (&'static str, &'static str, Vec<u8>) + Send + Sync + 'static,
) -> (String, Arc<AtomicUsize>) {
    let server = mpcanvas_testserver::serve(move |path| {
        let (status, content_type, body) = route(path);
        mpcanvas_testserver::Response::new(status, content_type, body)
    });
    (server.base, server.requests)
}

/// The console lines of a run, in order.
pub(crate) fn console(report: &RunReport) -> Vec<String> {
    report
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Console { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Runs `path` on `profile` with `taps`, the user answering `user`, in a
/// fresh data folder (`out`, kept alive by the caller).
pub(crate) fn run_on(
    path: &Path,
    profile: &str,
    taps: &[&str],
    user: Answer,
    out: &Pkg,
) -> RunReport {
    let mut config = RunConfig::new(Profile::named(profile).expect("profile"), out.path());
    config.taps = taps.iter().map(|t| t.to_string()).collect();
    config.user = user;
    run_path(path, config).expect("the run starts")
}

/// `(api, ok, result)` of every platform call, in order.
pub(crate) fn calls(report: &RunReport) -> Vec<(String, bool, Value)> {
    report
        .events
        .iter()
        .filter_map(|e| match e {
            Event::Call {
                api, ok, result, ..
            } => Some((api.clone(), *ok, result.clone())),
            _ => None,
        })
        .collect()
}

pub(crate) fn prompts(report: &RunReport) -> usize {
    report
        .events
        .iter()
        .filter(|e| matches!(e, Event::Prompt { .. }))
        .count()
}

pub(crate) fn assert_clean(report: &RunReport) {
    assert!(report.is_clean(), "{}", report.to_text());
}

pub(crate) fn decode(path: &Path) -> Image {
    let bytes = std::fs::read(path).expect("the file exists");
    Image::decode(&bytes, &Limits::default()).expect("an image")
}

/// The unpremultiplied RGBA of one pixel of a decoded image.
pub(crate) fn pixel(image: &Image, x: u32, y: u32) -> [u8; 4] {
    let i = ((y * image.width() + x) * 4) as usize;
    image.to_rgba8()[i..i + 4].try_into().unwrap()
}
