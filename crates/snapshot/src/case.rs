//! Running one spec: a case per platform, each a fresh run of the project
//! in its own data folder, its report checked against the spec's
//! expectations and each image against its approved snapshot.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use mpcanvas::{Answer, Clock, Device, DeviceEnv, Engine, Network, Os, RunJob, RunReport};

use crate::expect::check_report;
use crate::image::{Verdict, check_image};
use crate::spec::{DEFAULT_NOW, Spec, case_name};

/// How `mpcanvas test` runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Approve new and changed images as the snapshots.
    pub update: bool,
    /// Where data folders and diff images go.
    pub out: PathBuf,
}

/// One image of a case.
#[derive(Debug, Clone)]
pub struct ImageResult {
    /// The exported file (in the case's data folder).
    pub actual: PathBuf,
    /// The approved snapshot beside the spec.
    pub snapshot: PathBuf,
    /// How it stood.
    pub verdict: Verdict,
}

/// The outcome of one spec on one platform.
#[derive(Debug, Clone)]
pub struct CaseResult {
    /// The spec file.
    pub spec: PathBuf,
    /// The spec's name (file name without `.poster.json`).
    pub name: String,
    /// The platform (empty when the spec could not be read).
    pub platform: String,
    /// Wall-clock time of the case.
    pub time: Duration,
    /// Why the case could not run (a bad spec or project), if so.
    pub error: Option<String>,
    /// The expectations that did not hold, one line each.
    pub failures: Vec<String>,
    /// The images, in export order.
    pub images: Vec<ImageResult>,
}

impl CaseResult {
    /// Whether the case passed.
    pub fn passed(&self) -> bool {
        self.error.is_none() && self.failures.is_empty()
    }

    /// `name [platform]`, as reports name the case.
    pub fn title(&self) -> String {
        if self.platform.is_empty() {
            self.name.clone()
        } else {
            format!("{} [{}]", self.name, self.platform)
        }
    }
}

/// Runs every case of the spec at `spec_path`.
pub fn run_spec(engine: &Engine, spec_path: &Path, options: &Options) -> Vec<CaseResult> {
    let name = case_name(spec_path);
    let started = Instant::now();
    let failed = |error: String| CaseResult {
        spec: spec_path.to_path_buf(),
        name: name.clone(),
        platform: String::new(),
        time: started.elapsed(),
        error: Some(error),
        failures: Vec::new(),
        images: Vec::new(),
    };
    let spec = match Spec::load(spec_path) {
        Ok(s) => s,
        Err(e) => return vec![failed(e)],
    };
    let dir = spec_path.parent().unwrap_or(Path::new("."));
    let project = dir.join(&spec.project);
    if !project.exists() {
        return vec![failed(format!(
            "{}: project {} does not exist",
            spec_path.display(),
            project.display()
        ))];
    }
    let platforms = if spec.platforms.is_empty() {
        vec![
            mpcanvas::detect_platform(&project)
                .map_or("wechat".to_string(), |d| d.platform.to_string()),
        ]
    } else {
        spec.platforms.clone()
    };
    platforms
        .iter()
        .map(|platform| {
            let started = Instant::now();
            let mut result = CaseResult {
                spec: spec_path.to_path_buf(),
                name: name.clone(),
                platform: platform.clone(),
                time: Duration::ZERO,
                error: None,
                failures: Vec::new(),
                images: Vec::new(),
            };
            if let Err(e) = run_case(engine, &spec, dir, &project, options, &mut result) {
                result.error = Some(e);
            }
            result.time = started.elapsed();
            result
        })
        .collect()
}

/// The job a spec describes, on `platform`, writing to `out_dir`.
fn job(spec: &Spec, dir: &Path, platform: &str, out_dir: PathBuf) -> Result<RunJob, String> {
    let d = &spec.device;
    let mut env = DeviceEnv::new(
        d.locale.as_deref().unwrap_or("zh-CN"),
        d.tz.as_deref().unwrap_or("Asia/Shanghai"),
    )
    .map_err(|e| format!("device: {e}"))?;
    env.clock = Clock::Fixed(mpcanvas::parse_now(
        d.now.as_deref().unwrap_or(DEFAULT_NOW),
    )?);
    env.seed = Some(d.seed.unwrap_or(0));
    let (w, h) = match &d.screen {
        Some(s) => s
            .split_once(['x', 'X'])
            .and_then(|(w, h)| Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?)))
            .filter(|&(w, h)| w > 0 && h > 0)
            .ok_or_else(|| format!("device.screen wants WxH, got '{s}'"))?,
        None => (375, 667),
    };
    let dpr = d.dpr.unwrap_or(2.0);
    if !(dpr.is_finite() && dpr > 0.0 && dpr <= 8.0) {
        return Err(format!("device.dpr wants a number in (0, 8], got {dpr}"));
    }
    let system = match &d.system {
        Some(s) => Some(Os::parse(s).ok_or_else(|| {
            format!(
                "device.system '{s}' is not one of: {}",
                Os::NAMES.join(", ")
            )
        })?),
        None => None,
    };
    let user: Answer = match &spec.user {
        Some(u) => u.parse()?,
        None => Answer::Allow,
    };
    Ok(RunJob {
        device_env: env,
        device: Device {
            screen_width: f64::from(w),
            screen_height: f64::from(h),
            dpr,
        },
        user,
        taps: spec.taps.clone(),
        gallery: spec.pick.iter().map(|p| dir.join(p)).collect(),
        network: if spec.offline {
            Network::Offline
        } else {
            Network::Http
        },
        page: spec.page.clone(),
        query: spec
            .query
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        system,
        sdk_version: d.sdk_version.clone(),
        ..RunJob::new(platform, out_dir)
    })
}

fn run_case(
    engine: &Engine,
    spec: &Spec,
    dir: &Path,
    project: &Path,
    options: &Options,
    result: &mut CaseResult,
) -> Result<(), String> {
    let platform = result.platform.as_str();
    engine.profile(platform).map_err(|e| e.to_string())?;
    // A fresh data folder: the album keeps earlier runs' posters otherwise.
    let data = options.out.join(&result.name).join(platform);
    if data.exists() {
        std::fs::remove_dir_all(&data).map_err(|e| format!("{}: {e}", data.display()))?;
    }
    let job = job(spec, dir, platform, data)?;
    let report = engine
        .run_project(project, job)
        .map_err(|e| e.to_string())?;
    result.failures = check_report(&report, &spec.expect);
    let exported = exported_images(&report);
    let tolerance = spec.expect.tolerance;
    let snapshot = |n: usize| dir.join(format!("{}.{platform}.{n}.png", result.name));
    for (i, actual) in exported.iter().enumerate() {
        let snap = snapshot(i + 1);
        let diff = options
            .out
            .join(format!("{}.{platform}.{}.diff.png", result.name, i + 1));
        let verdict = check_image(actual, &snap, tolerance, options.update, &diff)?;
        if !verdict.passed() {
            result.failures.push(verdict.describe(&snap, tolerance));
        }
        result.images.push(ImageResult {
            actual: actual.clone(),
            snapshot: snap,
            verdict,
        });
    }
    // Snapshots of images the run no longer exports.
    let mut n = exported.len() + 1;
    while snapshot(n).exists() {
        let stale = snapshot(n);
        if options.update {
            std::fs::remove_file(&stale).map_err(|e| format!("{}: {e}", stale.display()))?;
        } else {
            result.failures.push(format!(
                "{}: approved, but the run exported only {} image(s) (--update removes it)",
                stale.display(),
                exported.len()
            ));
        }
        n += 1;
    }
    Ok(())
}

/// The run's posters: what it saved to the album, else the temp files it
/// exported (a page that only exports still has its image tested).
fn exported_images(report: &RunReport) -> Vec<PathBuf> {
    let files = if report.album.is_empty() {
        &report.temp_files
    } else {
        &report.album
    };
    files.iter().map(|f| f.real_path.clone()).collect()
}
