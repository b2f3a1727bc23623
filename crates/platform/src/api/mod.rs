//! [`Platform`]: one app's run — its profile, device, files, album,
//! authorization, scripted user, network, canvases and report — and the
//! platform APIs as methods, one file per family.
//!
//! Each API takes the already-converted JS options ([`JsValue`]) and
//! returns the profile-shaped success object or a [`Failure`]; delivering
//! it through callbacks or a Promise is the JS layer's job (PL §4). Every
//! call is recorded in the [`Report`].

mod album;
mod auth;
mod canvas_export;
mod device_check;
mod download;
mod feedback;
mod file;
mod font;
mod fs;
mod fs_dirs;
mod fs_edit;
mod fs_fd;
mod legacy;
mod media;
mod resource;
mod text_line;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use mpcanvas_canvas::FontLibrary;

use crate::album::Album;
use crate::auth::AuthStore;
use crate::canvases::Canvases;
use crate::env::{Clock, Device, Entropy, OsEntropy, SystemClock};
use crate::fetch::{Fetcher, NoNetwork};
use crate::legacy::{EngineText, TextBackend};
use crate::profile::{FailKind, Profile};
use crate::reply::{ApiResult, Failure, Reason, Reply};
use crate::report::{Event, Report};
use crate::store::FileStore;
use crate::user::ScriptedUser;
use crate::value::JsValue;

pub use device_check::PendingDraw;
pub use download::Downloaded;
pub use feedback::{FEEDBACK_APIS, LISTED_FEEDBACK_APIS};
pub use fs::FileData;
pub use fs_fd::FdRead;
pub use legacy::{DrawOutcome, ImageDataReply};

/// Everything a run is set up with. [`PlatformConfig::new`] gives the
/// defaults; `with_*` methods change one thing.
pub struct PlatformConfig {
    /// The platform.
    pub profile: Profile,
    /// The data folder (`tmp/`, `store/`, `usr/`, `album/`, `auth.json`).
    pub data_dir: PathBuf,
    /// Screen and dpr.
    pub device: Device,
    /// Who answers prompts.
    pub user: ScriptedUser,
    /// Where URLs are downloaded from.
    pub fetcher: Box<dyn Fetcher>,
    /// For album file names.
    pub clock: Arc<dyn Clock + Send + Sync>,
    /// For temp file names.
    pub entropy: Box<dyn Entropy>,
    /// Bytes the album may hold (`None`: only the disk's limit).
    pub album_quota: Option<u64>,
    /// Export destination budget (PL §3 step 5).
    pub export_limits: mpcanvas_export::Limits,
    /// Canvas and decoded image budget.
    pub canvas_limits: mpcanvas_canvas::Limits,
    /// The mini-program package folder, for `drawImage('/images/a.png')`.
    pub package_root: Option<PathBuf>,
    /// The fonts every canvas of the run draws with (a host registers
    /// extra faces in it).
    pub fonts: FontLibrary,
    /// Text drawing and measuring for the legacy context.
    pub text: Box<dyn TextBackend>,
    /// Whether the phone's own privacy setting lets the app write to the
    /// photo library (`--os-album deny` turns it off: saves then fail as
    /// the OS refuses them, after the app's scope was granted).
    pub os_album_allowed: bool,
}

impl PlatformConfig {
    /// Defaults: the default phone, a user who allows everything, no
    /// network, the system clock, random names, no album quota, the iOS
    /// bitmap budget, no package, the bundled and system fonts, the
    /// engine's text.
    pub fn new(profile: Profile, data_dir: impl Into<PathBuf>) -> Self {
        let fonts = mpcanvas_fonts::library();
        PlatformConfig {
            profile,
            data_dir: data_dir.into(),
            device: Device::default(),
            user: ScriptedUser::default(),
            fetcher: Box::new(NoNetwork),
            clock: Arc::new(SystemClock),
            entropy: Box::new(OsEntropy::default()),
            album_quota: None,
            export_limits: mpcanvas_export::Limits::default(),
            canvas_limits: mpcanvas_canvas::Limits::default(),
            package_root: None,
            text: Box::new(EngineText::new(fonts.clone())),
            fonts,
            os_album_allowed: true,
        }
    }

    /// Sets whether the OS lets the app write to the photo library.
    pub fn with_os_album_allowed(mut self, allowed: bool) -> Self {
        self.os_album_allowed = allowed;
        self
    }

    /// Sets the device.
    pub fn with_device(mut self, device: Device) -> Self {
        self.device = device;
        self
    }

    /// Sets the scripted user.
    pub fn with_user(mut self, user: ScriptedUser) -> Self {
        self.user = user;
        self
    }

    /// Sets the fetcher.
    pub fn with_fetcher(mut self, fetcher: impl Fetcher + 'static) -> Self {
        self.fetcher = Box::new(fetcher);
        self
    }

    /// Sets the clock.
    pub fn with_clock(mut self, clock: impl Clock + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Sets the randomness of temp names.
    pub fn with_entropy(mut self, entropy: impl Entropy + 'static) -> Self {
        self.entropy = Box::new(entropy);
        self
    }

    /// Caps the album's bytes.
    pub fn with_album_quota(mut self, bytes: u64) -> Self {
        self.album_quota = Some(bytes);
        self
    }

    /// Sets the export budget.
    pub fn with_export_limits(mut self, limits: mpcanvas_export::Limits) -> Self {
        self.export_limits = limits;
        self
    }

    /// Sets the package folder.
    pub fn with_package_root(mut self, root: impl Into<PathBuf>) -> Self {
        self.package_root = Some(root.into());
        self
    }

    /// Sets the fonts, and makes the engine's text over them the text
    /// backend (call [`with_text`](Self::with_text) after this to use
    /// another).
    pub fn with_fonts(mut self, fonts: FontLibrary) -> Self {
        self.text = Box::new(EngineText::new(fonts.clone()));
        self.fonts = fonts;
        self
    }

    /// Sets the text backend.
    pub fn with_text(mut self, text: impl TextBackend + 'static) -> Self {
        self.text = Box::new(text);
        self
    }
}

/// One launch of one app.
pub struct Platform {
    profile: Profile,
    device: Device,
    store: FileStore,
    album: Album,
    auth: AuthStore,
    user: ScriptedUser,
    fetcher: Box<dyn Fetcher>,
    export_limits: mpcanvas_export::Limits,
    canvas_limits: mpcanvas_canvas::Limits,
    package_root: Option<PathBuf>,
    /// The showing page's folder in the package (`pages/index`).
    page_dir: Option<String>,
    fonts: FontLibrary,
    text: Box<dyn TextBackend>,
    canvases: Canvases,
    report: Report,
    in_tap: bool,
    game_canvases: u32,
    checks: crate::checks::CheckState,
    /// Fonts strict mode registers only when their load finishes.
    deferred_fonts: Vec<device_check::DeferredFont>,
    os_album_allowed: bool,
    /// Open `FileSystemManager` descriptors.
    fds: fs_fd::FdTable,
}

impl Platform {
    /// Starts a launch: opens the data folder (creating it), evicts old
    /// temp files over the budget and loads the authorization state.
    pub fn launch(config: PlatformConfig) -> io::Result<Platform> {
        let dir = &config.data_dir;
        std::fs::create_dir_all(dir)?;
        // Runs killed mid-write (or stopped by a file-size limit) left
        // staging files; none of them will ever be published.
        crate::atomic::remove_dead_staging(dir);
        let store = FileStore::open(dir, &config.profile.files, config.entropy)?;
        let album = Album::open(
            &dir.join(crate::data_dir::ALBUM),
            config.album_quota,
            config.clock,
        )?;
        let auth = AuthStore::open(&dir.join(crate::data_dir::AUTH))?;
        Ok(Platform {
            profile: config.profile,
            device: config.device,
            store,
            album,
            auth,
            user: config.user,
            fetcher: config.fetcher,
            export_limits: config.export_limits,
            canvas_limits: config.canvas_limits,
            package_root: config.package_root,
            page_dir: None,
            fonts: config.fonts,
            text: config.text,
            canvases: Canvases::default(),
            report: Report::default(),
            in_tap: false,
            game_canvases: 0,
            checks: Default::default(),
            deferred_fonts: Vec::new(),
            os_album_allowed: config.os_album_allowed,
            fds: Default::default(),
        })
    }

    /// Sets the showing page by its route (`pages/index/index`): image
    /// sources without a leading `/` resolve from its folder.
    pub fn show_page(&mut self, route: &str) {
        let dir = route.rsplit_once('/').map_or("", |(dir, _)| dir);
        self.page_dir = Some(dir.to_owned());
    }

    /// The profile.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The device.
    pub fn device(&self) -> Device {
        self.device
    }

    /// The fonts the run's canvases draw with; script-created canvases
    /// should share them.
    pub fn fonts(&self) -> &FontLibrary {
        &self.fonts
    }

    /// A success object for `api` shaped as the profile shapes them
    /// (`errMsg: "<api>:ok"` where the platform has it), for APIs the
    /// runtime answers itself (toasts, modals).
    pub fn success_reply(&self, api: &str, fields: Reply) -> Reply {
        crate::reply::ok(&self.profile, api, fields)
    }

    /// The run report so far.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Tells `observer` of every report event from now on (a report
    /// streamed as the run goes).
    pub fn observe_report(&mut self, observer: crate::report::EventObserver) {
        self.report.observe(observer);
    }

    /// Charges the platform's canvases (legacy canvases, exports) to the
    /// run's `budget`.
    pub fn set_budget(&mut self, budget: std::sync::Arc<mpcanvas_canvas::Budget>) {
        self.canvas_limits.budget = Some(budget);
    }

    /// The file store.
    pub fn store(&mut self) -> &mut FileStore {
        &mut self.store
    }

    /// The album.
    pub fn album(&self) -> &Album {
        &self.album
    }

    /// The legacy canvases.
    pub fn canvases(&mut self) -> &mut Canvases {
        &mut self.canvases
    }

    /// Marks the start (`true`) or end of a user tap handler; `openSetting`
    /// works only inside one (PL §7).
    pub fn set_in_tap(&mut self, in_tap: bool) {
        self.in_tap = in_tap;
    }

    /// The namespace-qualified API name for the report (`wx.saveFile`).
    fn qualified(&self, api: &str) -> String {
        format!("{}.{api}", self.profile.namespace)
    }

    /// Words `reason` for `api` and records the failed call.
    fn fail(&mut self, report_api: &str, api: &str, args: &JsValue, reason: Reason) -> Failure {
        let failure = reason.shape(&self.profile, api);
        self.record(report_api, args, Err(&failure.reply));
        failure
    }

    /// Records a call and its outcome.
    fn record(&mut self, report_api: &str, args: &JsValue, result: Result<&Reply, &Reply>) {
        let (ok, reply) = match result {
            Ok(r) => (true, r),
            Err(r) => (false, r),
        };
        self.report.push(Event::Call {
            api: report_api.to_owned(),
            args: args.to_json(),
            ok,
            result: serde_json::Value::Object(reply.clone()),
        });
    }

    /// Records the outcome of a namespace API `api` and returns it.
    fn finish(&mut self, api: &str, args: &JsValue, outcome: Result<Reply, Reason>) -> ApiResult {
        let report_api = self.qualified(api);
        match outcome {
            Ok(reply) => {
                let reply = crate::reply::ok(&self.profile, api, reply);
                self.record(&report_api, args, Ok(&reply));
                Ok(reply)
            }
            Err(reason) => Err(self.fail(&report_api, api, args, reason)),
        }
    }

    /// `Err(not_supported)` when the namespace lacks `api`.
    fn require(&self, api: &str) -> Result<(), Reason> {
        if self.profile.has_api(api) {
            Ok(())
        } else {
            Err(Reason::new(FailKind::NotSupported))
        }
    }

    fn warn(&mut self, api: &str, message: impl Into<String>) {
        self.report.push(Event::Warning {
            api: api.to_owned(),
            message: message.into(),
        });
    }

    /// The data folder's album directory (for hosts that list it).
    pub fn album_dir(&self) -> &Path {
        self.album.dir()
    }
}

/// A required string option: `Ok(None)` when absent or null, a parameter
/// error for another type.
/// A required string option; absent or another type is a parameter error.
fn required_string(options: &JsValue, name: &str) -> Result<String, Reason> {
    string_option(options, name)?
        .map(str::to_owned)
        .ok_or_else(|| Reason::parameter(name, "String", options.get(name).type_name()))
}

fn string_option<'a>(options: &'a JsValue, name: &str) -> Result<Option<&'a str>, Reason> {
    match options.get(name) {
        JsValue::String(s) => Ok(Some(s)),
        v if v.is_nullish() => Ok(None),
        v => Err(Reason::parameter(name, "String", v.type_name())),
    }
}
