//! Running a mini-program headlessly: find what a path holds, launch the
//! platform for a profile, drive the page, and report what happened.
//!
//! [`run_path`] is what `mpcanvas run` does; [`session::run`] is the
//! lower-level driver for hosts that bring their own platform.

mod app_config;
pub mod detect;
pub mod package;
pub mod report;
pub mod session;
pub mod stream;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use mpcanvas_canvas::timing::{self, Stage};
use mpcanvas_platform::fetch::Fetcher;
use mpcanvas_platform::{Answer, Device, Platform, PlatformConfig, Profile, ScriptedUser};

use mpcanvas_js::host::ResourceLoader;
use mpcanvas_js::runtime::Limits;
pub use report::RunReport;

/// How `mpcanvas run` runs a path.
pub struct RunConfig {
    /// The platform.
    pub profile: Profile,
    /// The data folder (`tmp/`, `store/`, `usr/`, `album/`, `auth.json`).
    pub out_dir: PathBuf,
    /// The simulated phone.
    pub device: Device,
    /// How the scripted user answers prompts and action sheets.
    pub user: Answer,
    /// Page methods to call as taps, in order.
    pub taps: Vec<String>,
    /// Where a mini-game tap touches the screen (`None`: its centre).
    pub tap_at: Option<(f64, f64)>,
    /// Whether the phone's privacy setting lets the app write to the
    /// photo library (`--os-album`).
    pub os_album_allowed: bool,
    /// The phone's photos (host image files) `chooseImage` picks from.
    pub gallery: Vec<PathBuf>,
    /// JS heap, time and stack limits.
    pub js_limits: Limits,
    /// Virtual milliseconds each phase may run timers for.
    pub settle_ms: f64,
    /// Where URLs are fetched from.
    pub fetcher: Box<dyn Fetcher>,
    /// The app page to open (an `app.json` route); `None`: the first.
    pub page: Option<String>,
    /// The page's query: what `onLoad(options)` receives.
    pub query: Vec<(String, String)>,
    /// The fonts every canvas of the run draws with (`None`: a new library
    /// with the bundled and system fonts).
    pub fonts: Option<mpcanvas_canvas::FontLibrary>,
    /// The phone's locale, time zone, clock and random seed.
    pub device_env: crate::DeviceEnv,
    /// Who hears the run as it happens (a streamed report); `None`: the
    /// report is read at the end only.
    pub observer: Option<Box<dyn stream::RunObserver>>,
    /// Device checks: strict or warnings, and the allowed download domains.
    pub checks: mpcanvas_platform::CheckConfig,
}

impl RunConfig {
    /// The CLI's defaults: the default phone, a user who allows, no taps,
    /// the default JS limits, 30 virtual seconds per phase, no network.
    pub fn new(profile: Profile, out_dir: impl Into<PathBuf>) -> RunConfig {
        RunConfig {
            profile,
            out_dir: out_dir.into(),
            device: Device::default(),
            user: Answer::Allow,
            taps: Vec::new(),
            tap_at: None,
            os_album_allowed: true,
            gallery: Vec::new(),
            js_limits: Limits::default(),
            settle_ms: 30_000.0,
            fetcher: Box::new(mpcanvas_platform::fetch::NoNetwork),
            page: None,
            query: Vec::new(),
            fonts: None,
            device_env: crate::DeviceEnv::default(),
            observer: None,
            checks: mpcanvas_platform::CheckConfig::default(),
        }
    }
}

/// Why a run could not start.
#[derive(Debug)]
pub enum RunError {
    /// The path is not a page, app, game or script.
    Package(package::PackageError),
    /// The data folder could not be opened.
    Launch {
        /// The data folder.
        dir: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Package(e) => write!(f, "{e}"),
            RunError::Launch { dir, source } => {
                write!(f, "cannot open the data folder {}: {source}", dir.display())
            }
        }
    }
}

impl std::error::Error for RunError {}

/// Image `src` strings resolved by the platform: its files, the package,
/// the network. Network images are fetched once per run (posters load the
/// same avatar or logo many times), up to [`NETWORK_CACHE_BYTES`].
struct PlatformLoader {
    platform: Rc<RefCell<Platform>>,
    network: RefCell<HashMap<String, Rc<Vec<u8>>>>,
    cached_bytes: Cell<usize>,
}

/// Bytes of network images one run keeps for reuse.
const NETWORK_CACHE_BYTES: usize = 64 << 20;

impl ResourceLoader for PlatformLoader {
    fn load(&self, src: &str) -> Result<Vec<u8>, String> {
        let is_url = src.starts_with("http://") || src.starts_with("https://");
        // Platform file paths can be URL-shaped (Alipay's temp files):
        // only what the platform fetches from the network is cached.
        let remote = is_url && !self.platform.borrow_mut().store().owns(src);
        if let Some(bytes) = remote
            .then(|| self.network.borrow().get(src).cloned())
            .flatten()
        {
            return Ok(bytes.as_ref().clone());
        }
        let bytes = self.platform.borrow_mut().load_resource(src)?;
        if remote && self.cached_bytes.get() + bytes.len() <= NETWORK_CACHE_BYTES {
            self.cached_bytes.set(self.cached_bytes.get() + bytes.len());
            self.network
                .borrow_mut()
                .insert(src.to_owned(), Rc::new(bytes.clone()));
        }
        Ok(bytes)
    }
}

/// Runs the page, app, game or script at `path` on `config`'s platform.
pub fn run_path(path: &Path, config: RunConfig) -> Result<RunReport, RunError> {
    let package = match &config.page {
        Some(route) => package::Package::locate_page(path, route),
        None => package::Package::locate(path),
    }
    .map_err(RunError::Package)?;
    let mut platform_config = PlatformConfig {
        device: config.device,
        user: ScriptedUser::new(config.user).with_gallery(config.gallery.iter().cloned()),
        fetcher: config.fetcher,
        package_root: Some(package.root.clone()),
        os_album_allowed: config.os_album_allowed,
        ..PlatformConfig::new(config.profile.clone(), &config.out_dir)
    };
    if let Some(fonts) = config.fonts {
        platform_config = platform_config.with_fonts(fonts);
    }
    // A fixed clock (`--now`) names album files by the device's time too,
    // so a replayed run saves under the same names.
    if let crate::Clock::Fixed(ms) = config.device_env.clock {
        let seconds = (ms / 1000.0).floor().max(0.0) as u64;
        platform_config = platform_config.with_clock(mpcanvas_platform::env::FixedClock(seconds));
    }
    let dir = config.out_dir.clone();
    let mut platform = timing::measure(Stage::Startup, || Platform::launch(platform_config))
        .map_err(|source| RunError::Launch { dir, source })?;
    platform.set_checks(config.checks.clone());
    if let Some(mut observer) = config.observer {
        observer.started(&stream::RunStart {
            profile: platform.profile().name.clone(),
            entry: report::entry_name(&package),
            device: config.device_env.to_json(),
        });
        platform.observe_report(Box::new(move |event| observer.event(event)));
    }
    let platform = Rc::new(RefCell::new(platform));
    let options = session::RunOptions {
        device: config.device,
        taps: config.taps.clone(),
        tap_at: config.tap_at,
        js_limits: config.js_limits,
        settle_ms: config.settle_ms,
        loader: Rc::new(PlatformLoader {
            platform: platform.clone(),
            network: RefCell::default(),
            cached_bytes: Cell::new(0),
        }),
        platform: Some(platform.clone()),
        device_env: config.device_env.clone(),
        query: config.query.clone(),
        ..session::RunOptions::default()
    };
    let outcome = session::run(&package, &options, |_| Ok(()));
    let platform = platform.borrow();
    let mut report = RunReport::new(&package, &platform, outcome);
    report.device = config.device_env.to_json();
    Ok(report)
}
