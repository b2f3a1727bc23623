//! What one job is asked to do: [`RenderJob`] for a drawing script,
//! [`RunJob`] for a mini-program project.

use std::path::PathBuf;
use std::time::Duration;

use mpcanvas_platform::system::Os;
use mpcanvas_platform::{Answer, Device};

/// How a drawing script is rendered.
#[derive(Debug, Clone, Default)]
pub struct RenderJob {
    /// Canvas size instead of the script's `@size`.
    pub size: Option<(u32, u32)>,
    /// The phone's locale, time zone, clock and random seed (`Intl`,
    /// `Date`, `Math.random` in the script), as for a run.
    pub device_env: mpcanvas_runtime::DeviceEnv,
}

/// Where a run's URLs are fetched from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Network {
    /// No network: every download fails as offline.
    #[default]
    Offline,
    /// Real HTTP(S) requests.
    Http,
    /// Real HTTP(S) requests to these hosts and their subdomains only
    /// (`example.com` allows `cdn.example.com`); redirects are not
    /// followed, so a redirect cannot leave the list. For services running
    /// untrusted code.
    Domains(Vec<String>),
}

/// How a mini-program project is run (what `mpcanvas run` takes).
#[derive(Debug, Clone)]
pub struct RunJob {
    /// The platform profile's name (`wechat`, `wechat-game`, `alipay`,
    /// `feishu`, `douyin`).
    pub platform: String,
    /// The data folder (`tmp/`, `store/`, `usr/`, `album/`, `auth.json`).
    pub out_dir: PathBuf,
    /// The simulated phone.
    pub device: Device,
    /// How the scripted user answers prompts and action sheets.
    pub user: Answer,
    /// Page methods to call as taps, in order.
    pub taps: Vec<String>,
    /// Where a mini-game tap touches the screen, in CSS pixels (`None`:
    /// the screen's centre).
    pub tap_at: Option<(f64, f64)>,
    /// Whether the phone's privacy setting lets the app write to the
    /// photo library (default `true`; `false` makes saves fail as the OS
    /// refuses them).
    pub os_album_allowed: bool,
    /// The phone's photos (host image files) `chooseImage` picks from.
    pub gallery: Vec<PathBuf>,
    /// Where URLs are fetched from.
    pub network: Network,
    /// JS heap limit in bytes (`None`: the engine's default).
    pub memory_bytes: Option<usize>,
    /// Wall-clock limit of the run (`None`: the engine's default).
    pub time_limit: Option<Duration>,
    /// Keep the saved files, user files and authorization answers earlier
    /// runs left in `out_dir` (default: start fresh; the album is kept).
    pub keep_state: bool,
    /// The phone's locale, time zone, clock and random seed.
    pub device_env: mpcanvas_runtime::DeviceEnv,
    /// The app page to open (an `app.json` route; `None`: the first).
    pub page: Option<String>,
    /// The page query `onLoad(options)` receives.
    pub query: Vec<(String, String)>,
    /// The operating system `getSystemInfoSync()` reports (`None`: the
    /// profile's, the developer tools).
    pub system: Option<Os>,
    /// The base library version reported as `SDKVersion` (`None`: the
    /// profile's).
    pub sdk_version: Option<String>,
    /// Device checks fail as the device does (`--strict`) instead of
    /// being warnings.
    pub strict: bool,
    /// The app's download domains (`--allow-domain`): a download elsewhere
    /// is a device check.
    pub allow_domains: Vec<String>,
}

impl RunJob {
    /// The CLI's defaults for `platform`, writing under `out_dir`: the
    /// default phone, a user who allows, no taps, no network.
    pub fn new(platform: impl Into<String>, out_dir: impl Into<PathBuf>) -> RunJob {
        RunJob {
            platform: platform.into(),
            out_dir: out_dir.into(),
            device: Device::default(),
            user: Answer::Allow,
            taps: Vec::new(),
            tap_at: None,
            os_album_allowed: true,
            gallery: Vec::new(),
            network: Network::Offline,
            memory_bytes: None,
            time_limit: None,
            keep_state: false,
            device_env: mpcanvas_runtime::DeviceEnv::default(),
            page: None,
            query: Vec::new(),
            system: None,
            sdk_version: None,
            strict: false,
            allow_domains: Vec::new(),
        }
    }
}
