//! [`Engine`]: what jobs share, and the jobs themselves.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use mpcanvas_canvas::FontLibrary;
use mpcanvas_fonts::{FontSet, FontSources};
use mpcanvas_platform::Profile;
use mpcanvas_platform::fetch::{Fetcher, HttpFetcher, NoNetwork};
use mpcanvas_runtime::run::stream::RunObserver;
use mpcanvas_runtime::run::{RunConfig, RunReport, run_path};
use mpcanvas_runtime::{DrawingScript, Limits, RenderOptions};

use crate::{Error, Image, Network, RenderJob, RunJob};

/// Shared state for many jobs: the font faces (parsed once, shared by
/// every job and thread), the platform profiles, the default limits.
///
/// Each job gets its own font library layered over the shared faces, so a
/// font one job registers (`loadFontFace`, `@font`) is not seen by others.
#[derive(Debug, Clone)]
pub struct Engine {
    fonts: FontSet,
    profiles: Vec<Profile>,
    js_limits: Limits,
    canvas_limits: mpcanvas_canvas::Limits,
    /// How long [`EngineBuilder::build`] took.
    pub(crate) built_in: Duration,
    /// Whether no timed job has counted `built_in` in its startup yet
    /// (shared by clones: one engine, one startup).
    pub(crate) startup_unreported: Arc<AtomicBool>,
}

/// Builds an [`Engine`] ([`Engine::builder`]).
#[derive(Debug, Clone)]
pub struct EngineBuilder {
    sources: FontSources,
    js_limits: Limits,
    canvas_limits: mpcanvas_canvas::Limits,
}

impl EngineBuilder {
    /// Whether the system's installed fonts are used besides the bundled
    /// ones (default: yes). Without them, output does not depend on the
    /// machine.
    pub fn system_fonts(mut self, yes: bool) -> Self {
        self.sources.system = yes;
        self
    }

    /// Default JS limits (heap, time, stack) of every job.
    pub fn js_limits(mut self, limits: Limits) -> Self {
        self.js_limits = limits;
        self
    }

    /// Default bitmap budgets of every job.
    pub fn canvas_limits(mut self, limits: mpcanvas_canvas::Limits) -> Self {
        self.canvas_limits = limits;
        self
    }

    /// The engine: parses the platform profiles and indexes the fonts.
    pub fn build(self) -> Result<Engine, Error> {
        let start = Instant::now();
        Ok(Engine {
            fonts: FontSet::new(self.sources),
            profiles: Profile::all()?,
            js_limits: self.js_limits,
            canvas_limits: self.canvas_limits.clone(),
            built_in: start.elapsed(),
            startup_unreported: Arc::new(AtomicBool::new(true)),
        })
    }
}

impl Engine {
    /// An engine with the bundled and system fonts and default limits.
    pub fn new() -> Result<Engine, Error> {
        Engine::builder().build()
    }

    /// A builder starting from [`Engine::new`]'s settings.
    pub fn builder() -> EngineBuilder {
        EngineBuilder {
            sources: FontSources::default(),
            js_limits: Limits::default(),
            canvas_limits: mpcanvas_canvas::Limits::default(),
        }
    }

    /// The profile named `name` (`wechat`, `wechat-game`, `alipay`,
    /// `feishu`, `douyin`).
    pub fn profile(&self, name: &str) -> Result<Profile, Error> {
        match self.profiles.iter().find(|p| p.name == name) {
            Some(p) => Ok(p.clone()),
            // Not one of ours: the loader words the error (and lists the names).
            None => Ok(Profile::named(name)?),
        }
    }

    /// Every profile, in the documented order.
    pub fn profiles(&self) -> &[Profile] {
        &self.profiles
    }

    /// A new font library for one job: the shared faces, and room for the
    /// job's own.
    pub fn font_library(&self) -> FontLibrary {
        self.fonts.library()
    }

    /// Runs `script` and returns its canvas as drawn.
    pub fn render_script(&self, script: &DrawingScript, job: &RenderJob) -> Result<Image, Error> {
        let options = RenderOptions {
            size: job.size,
            js_limits: self.js_limits,
            canvas_limits: self.canvas_limits.clone(),
            fonts: Some(self.font_library()),
            device_env: job.device_env.clone(),
        };
        let canvas = mpcanvas_runtime::render(script, &options)?;
        Ok(Image::from_canvas(canvas))
    }

    /// Runs the page, app, mini-game or script at `path` as `job` says and
    /// reports what happened. Script errors are part of the report; `Err`
    /// means the run could not start.
    pub fn run_project(&self, path: &Path, job: RunJob) -> Result<RunReport, Error> {
        self.run(path, job, None)
    }

    /// [`run_project`](Self::run_project), telling `observer` what runs and
    /// then every event as it happens (a report streamed as the run goes,
    /// which a crash or a kill cannot take back).
    pub fn run_project_observed(
        &self,
        path: &Path,
        job: RunJob,
        observer: Box<dyn RunObserver>,
    ) -> Result<RunReport, Error> {
        self.run(path, job, Some(observer))
    }

    fn run(
        &self,
        path: &Path,
        job: RunJob,
        observer: Option<Box<dyn RunObserver>>,
    ) -> Result<RunReport, Error> {
        let mut js_limits = self.js_limits;
        if let Some(m) = job.memory_bytes {
            js_limits.memory_bytes = m;
        }
        if let Some(t) = job.time_limit {
            js_limits.time = t;
        }
        // Downloads share the run's time limit (see `with_deadline`).
        let deadline = std::time::Instant::now() + js_limits.time;
        let fetcher: Box<dyn Fetcher> = match job.network {
            Network::Offline => Box::new(NoNetwork),
            Network::Http => Box::new(HttpFetcher::default().with_deadline(deadline)),
            Network::Domains(hosts) => Box::new(crate::network::AllowedHosts::new(hosts, deadline)),
        };
        let mut profile = self.profile(&job.platform)?;
        // Earlier runs' state is cleared only for a job that can start.
        if !job.keep_state {
            mpcanvas_platform::data_dir::clear_kept_state(&job.out_dir).map_err(|source| {
                Error::Write {
                    path: job.out_dir.clone(),
                    source,
                }
            })?;
        }
        if let Some(os) = job.system {
            profile.system.os = os;
        }
        if let Some(v) = job.sdk_version {
            profile.system.sdk_version = v;
        }
        let config = RunConfig {
            device: job.device,
            page: job.page,
            query: job.query,
            user: job.user,
            taps: job.taps,
            tap_at: job.tap_at,
            os_album_allowed: job.os_album_allowed,
            gallery: job.gallery,
            js_limits,
            fetcher,
            fonts: Some(self.font_library()),
            device_env: job.device_env,
            observer,
            checks: mpcanvas_platform::CheckConfig {
                strict: job.strict,
                allowed_domains: job.allow_domains,
            },
            ..RunConfig::new(profile, job.out_dir)
        };
        Ok(run_path(path, config)?)
    }
}
