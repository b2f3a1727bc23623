//! `mpcanvas run`: run a mini-program on a platform profile and print the
//! report.

use std::process::ExitCode;
use std::time::Duration;

use mpcanvas::{Device, Engine, Network, RunJob};

use crate::args::Run;

pub(crate) fn run(r: &Run) -> ExitCode {
    let engine = match Engine::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = engine.profile(&r.platform) {
        eprintln!("mpcanvas: {e}");
        return ExitCode::from(2);
    }
    let device_env = match r.device_env() {
        Ok(env) => env,
        Err(e) => {
            eprintln!("mpcanvas: {e}");
            return ExitCode::from(2);
        }
    };
    let job = RunJob {
        device_env,
        device: Device {
            screen_width: f64::from(r.screen.0),
            screen_height: f64::from(r.screen.1),
            dpr: r.dpr,
        },
        user: r.user,
        taps: r.taps.clone(),
        gallery: r.gallery.clone(),
        network: if r.offline {
            Network::Offline
        } else {
            Network::Http
        },
        page: r.page.clone(),
        query: r.query.clone(),
        system: r.system,
        sdk_version: r.sdk_version.clone(),
        memory_bytes: Some((r.memory_mb as usize) << 20),
        time_limit: Some(Duration::from_secs_f64(r.time_limit)),
        ..RunJob::new(r.platform.clone(), r.out.clone())
    };
    let report = match engine.run_project(&r.path, job) {
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
