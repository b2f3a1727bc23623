//! `mpcanvas run`: run a mini-program on a platform profile and print the
//! report.

use std::process::ExitCode;
use std::time::Duration;

use mpcanvas_js::run::{RunConfig, run_path};
use mpcanvas_platform::fetch::{Fetcher, HttpFetcher, NoNetwork};
use mpcanvas_platform::{Device, Profile};

use crate::args::Run;

pub(crate) fn run(r: &Run) -> ExitCode {
    let mut profile = match Profile::named(&r.platform) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(os) = r.system {
        profile.system.os = os;
    }
    if let Some(v) = &r.sdk_version {
        profile.system.sdk_version = v.clone();
    }
    let fetcher: Box<dyn Fetcher> = if r.offline {
        Box::new(NoNetwork)
    } else {
        Box::new(HttpFetcher::default())
    };
    let config = RunConfig {
        profile,
        out_dir: r.out.clone(),
        device: Device {
            screen_width: f64::from(r.screen.0),
            screen_height: f64::from(r.screen.1),
            dpr: r.dpr,
        },
        user: r.user,
        taps: r.taps.clone(),
        gallery: r.gallery.clone(),
        js_limits: mpcanvas_js::Limits {
            memory_bytes: (r.memory_mb as usize) << 20,
            time: Duration::from_secs_f64(r.time_limit),
            ..mpcanvas_js::Limits::default()
        },
        settle_ms: 30_000.0,
        fetcher,
        page: r.page.clone(),
        query: r.query.clone(),
    };
    let report = match run_path(&r.path, config) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    if r.json {
        println!("{:#}", report.to_json());
    } else {
        print!("{}", report.to_text());
    }
    if report.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
