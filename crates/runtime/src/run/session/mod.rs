//! One headless run of a mini-program: load the package, drive the App
//! and Page lifecycles (onLaunch, onShow, onLoad, onShow, then onReady
//! after what those queued for now), let timers and promises settle on
//! the virtual clock, perform the scripted taps, then unload. Script
//! errors are collected, not fatal; running out of time or memory ends the
//! run.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use mpcanvas_canvas::timing::{self, Stage};
use mpcanvas_platform::{Platform, Scope};

use rquickjs::function::Rest;
use rquickjs::{CatchResultExt, Ctx, Object, Value};

use super::package::{Entry, Package};
use crate::page::Device;
use crate::page::modules::Modules;
use crate::page::mount;
use crate::page::program::{self, Kind};
use crate::page::relations;
use crate::page::scope;
use mpcanvas_js::console::{Log, Message};
use mpcanvas_js::event_loop::EventLoop;
use mpcanvas_js::host::{Host, ResourceLoader};
use mpcanvas_js::jsenv::DeviceEnv;
use mpcanvas_js::runtime::{Limits, Runtime, ScriptError};

mod app;
mod components;
mod game;
mod tap;
mod tap_target;
mod tappable;

pub use crate::page::mount::MAX_COMPONENT_DEPTH;
use components::{RunComponents, read_markup, using_components};
use tappable::tappable;

/// How to run.
#[derive(Clone)]
pub struct RunOptions {
    /// The simulated phone.
    pub device: Device,
    /// User taps, in order, after the page is ready: a page method
    /// (`save`) or an element by id (`#save`), whose tap handler is read
    /// from the markup evaluated with the page's data.
    pub taps: Vec<String>,
    /// Where a mini-game tap touches the screen, in CSS pixels (`None`:
    /// the screen's centre); with no `taps`, one touch there alone.
    pub tap_at: Option<(f64, f64)>,
    /// JS heap, wall time and stack limits of the whole run.
    pub js_limits: Limits,
    /// Bitmap budgets.
    pub canvas_limits: mpcanvas_canvas::Limits,
    /// CSS size of a legacy `<canvas>` without a styled size.
    pub legacy_canvas_size: (f64, f64),
    /// Virtual milliseconds each phase may run its timers for.
    pub settle_ms: f64,
    /// Where image `src` strings are read from.
    pub loader: Rc<dyn ResourceLoader>,
    /// The platform layer: with one, the profile's namespace (`wx`, `my`,
    /// `tt`) is defined, legacy canvases live in it, and its device and
    /// default canvas size replace `device` and `legacy_canvas_size`.
    pub platform: Option<Rc<RefCell<Platform>>>,
    /// The phone's locale, time zone, clock and random seed.
    pub device_env: DeviceEnv,
    /// The page's query (`--query`): `onLoad(options)` and the app's
    /// `onLaunch` / `onShow` receive it.
    pub query: Vec<(String, String)>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            device: Device::default(),
            taps: Vec::new(),
            tap_at: None,
            js_limits: Limits::default(),
            canvas_limits: mpcanvas_canvas::Limits::default(),
            legacy_canvas_size: (300.0, 150.0),
            settle_ms: 30_000.0,
            loader: Rc::new(mpcanvas_js::host::NoResources),
            platform: None,
            device_env: DeviceEnv::default(),
            query: Vec::new(),
        }
    }
}

/// An error that escaped a script, with where it escaped from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncaught {
    /// The lifecycle step, tap or `timer` it escaped from.
    pub during: String,
    /// The error.
    pub error: ScriptError,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct RunOutcome {
    /// Console output, in order.
    pub console: Vec<Message>,
    /// Errors that escaped scripts (the run went on).
    pub uncaught: Vec<Uncaught>,
    /// What ended the run early (time or memory limit, a bad tap, an
    /// unloadable package); `None` when it completed.
    pub fatal: Option<ScriptError>,
    /// Timers still waiting when the run ended.
    pub pending_timers: bool,
    /// Virtual milliseconds the run took.
    pub virtual_ms: f64,
    /// The page methods a `--tap` can call: those the markup binds to a tap
    /// (else the page's own non-lifecycle methods), in document order.
    pub tappable: Vec<String>,
}

impl RunOutcome {
    /// Whether the run completed with no escaped error.
    pub fn is_clean(&self) -> bool {
        self.fatal.is_none() && self.uncaught.is_empty()
    }
}

/// Runs `package`. `extend` installs anything else a host provides, after
/// the platform namespace and before any package code runs.
pub fn run(
    package: &Package,
    options: &RunOptions,
    extend: impl for<'js> FnOnce(&Ctx<'js>) -> rquickjs::Result<()>,
) -> RunOutcome {
    let mut outcome = RunOutcome::default();
    let startup = timing::span(Stage::Startup);
    let rt = match Runtime::new(options.js_limits) {
        Ok(rt) => rt,
        Err(e) => {
            outcome.fatal = Some(e);
            return outcome;
        }
    };
    // One budget for the run: the JS heap, every canvas and image of the
    // page and of the platform (legacy canvases, exports), and what grows
    // between drawing calls (paths), charged through the run's step.
    let _run = mpcanvas_canvas::budget::Step::enter(Some(&rt.budget()));
    let options = &RunOptions {
        canvas_limits: options.canvas_limits.clone().with_budget(rt.budget()),
        ..options.clone()
    };
    if let Some(platform) = &options.platform {
        platform.borrow_mut().set_budget(rt.budget());
    }
    let installed = rt.with(|ctx| {
        mpcanvas_js::jsenv::install(&ctx, options.device_env.clone())
            .catch(&ctx)
            .map_err(|e| ScriptError::Host(format!("could not set up the device: {e}")))
    });
    if let Err(e) = installed {
        outcome.fatal = Some(e);
        return outcome;
    }
    drop(startup);
    let log = Log::default();
    // With a platform, its phone and canvas defaults are the run's.
    let mut options = options.clone();
    if let Some(platform) = &options.platform {
        let p = platform.borrow();
        options.device = p.device();
        let [w, h] = p.profile().canvas.legacy_default_size;
        options.legacy_canvas_size = (f64::from(w), f64::from(h));
    }
    let options = &options;
    rt.with(|ctx| {
        let modules = match package.entry {
            Entry::Game { .. } => Modules::for_game(&package.root),
            _ => Modules::new(&package.root),
        }
        .with_npm(
            options
                .platform
                .as_ref()
                .map(|p| p.borrow().profile().npm.clone())
                .unwrap_or_default(),
        );
        let components = Rc::new(RunComponents {
            package: package.clone(),
            modules: modules.clone(),
            platform: options.platform.clone(),
            device: options.device,
            legacy_default: options.legacy_canvas_size,
            limits: options.canvas_limits.clone(),
            last_scope: Default::default(),
        });
        let mut driver = Driver {
            components,
            rt: &rt,
            ctx: ctx.clone(),
            package,
            options,
            modules,
            events: None,
            uncaught: Vec::new(),
            tappable: Vec::new(),
        };
        let result = driver.run_all(log.clone(), extend);
        outcome.uncaught = std::mem::take(&mut driver.uncaught);
        outcome.tappable = std::mem::take(&mut driver.tappable);
        if let Err(e) = result {
            outcome.fatal = Some(e);
        }
        if let Some(events) = &driver.events {
            outcome.pending_timers = events.has_pending();
            outcome.virtual_ms = events.now();
        }
    });
    outcome.console = log.borrow().clone();
    mpcanvas_canvas::mask_pool::release();
    outcome
}

/// A page query as the object `onLoad(options)` receives (string values).
pub(super) fn query_object<'js>(
    ctx: &Ctx<'js>,
    query: &[(String, String)],
) -> rquickjs::Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    for (k, v) in query {
        o.set(k.as_str(), v.as_str())?;
    }
    Ok(o)
}

struct Driver<'r, 'js> {
    rt: &'r Runtime,
    ctx: Ctx<'js>,
    package: &'r Package,
    options: &'r RunOptions,
    modules: Modules,
    events: Option<EventLoop>,
    uncaught: Vec<Uncaught>,
    /// What `--tap` could call on the page (see [`RunOutcome::tappable`]).
    tappable: Vec<String>,
    /// Modules, markup and scopes of components, for the page model.
    components: Rc<RunComponents>,
}

impl<'r, 'js> Driver<'r, 'js> {
    fn js(&self, e: rquickjs::Error) -> ScriptError {
        self.rt
            .describe(Err::<(), _>(e).catch(&self.ctx).unwrap_err())
    }

    /// Runs `f`; an exception is recorded as escaping `during`, a limit
    /// ends the run.
    fn guarded<T>(
        &mut self,
        during: &str,
        f: impl FnOnce(&Ctx<'js>) -> rquickjs::Result<T>,
    ) -> Result<Option<T>, ScriptError> {
        match f(&self.ctx).catch(&self.ctx) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                let error = self.rt.describe(e);
                if matches!(error, ScriptError::Timeout(_) | ScriptError::OutOfMemory(_)) {
                    return Err(error);
                }
                self.escaped(during, error);
                Ok(None)
            }
        }
    }

    /// Runs promise jobs, then timers up to the phase's virtual horizon.
    fn settle(&mut self) -> Result<(), ScriptError> {
        let events = self.events.clone().expect("installed before settling");
        let horizon = events.now() + self.options.settle_ms;
        let mut escaped = Vec::new();
        let result = events.run_until(self.rt, &self.ctx, horizon, |e| escaped.push(e));
        self.collect(escaped, "timer or callback");
        result?;
        self.jobs()
    }

    /// The view's first render: it comes back to the logic thread as a
    /// message after what onLoad and onShow queued for now (zero-delay
    /// timers, posted callbacks), which run first; the ready hooks follow.
    fn first_render(&mut self) -> Result<(), ScriptError> {
        let events = self.events.clone().expect("installed before the page");
        let mut escaped = Vec::new();
        let result = events.run_queued(self.rt, &self.ctx, |e| escaped.push(e));
        self.collect(escaped, "timer or callback");
        result?;
        self.jobs()
    }

    /// Runs promise jobs only (what happens between two lifecycle calls).
    fn jobs(&mut self) -> Result<(), ScriptError> {
        self.rt.drain(&self.ctx)?;
        let rejections = self.rt.take_unhandled_rejections(&self.ctx);
        // A limit reached inside a promise job ends the run like anywhere
        // else (it is not the page's error to report and go on).
        if let Some(limit) = rejections
            .iter()
            .find(|e| matches!(e, ScriptError::Timeout(_) | ScriptError::OutOfMemory(_)))
        {
            return Err(limit.clone());
        }
        self.collect(rejections, "promise");
        Ok(())
    }

    fn collect(&mut self, errors: Vec<ScriptError>, during: &str) {
        for error in errors {
            self.escaped(during, error);
        }
    }

    /// Records an error that escaped the script, in the outcome and the
    /// platform's report.
    fn escaped(&mut self, during: &str, error: ScriptError) {
        if let Some(platform) = &self.options.platform {
            platform
                .borrow_mut()
                .note(mpcanvas_platform::Event::Uncaught {
                    during: during.to_string(),
                    message: error.to_string(),
                });
        }
        self.uncaught.push(Uncaught {
            during: during.to_string(),
            error,
        });
    }

    fn run_all(
        &mut self,
        log: Log,
        extend: impl for<'a> FnOnce(&Ctx<'a>) -> rquickjs::Result<()>,
    ) -> Result<(), ScriptError> {
        let ctx = self.ctx.clone();
        mpcanvas_js::console::install(&ctx, log.clone()).map_err(|e| self.js(e))?;
        let events = EventLoop::install(&ctx).map_err(|e| self.js(e))?;
        self.events = Some(events.clone());
        Host {
            events,
            log,
            loader: self.options.loader.clone(),
            canvas_limits: self.options.canvas_limits.clone(),
            device: self.options.device,
            platform: self.options.platform.clone(),
            pages: Some(std::rc::Rc::new(crate::page::Pages)),
            gesture: Default::default(),
        }
        .install(&ctx)
        .map_err(|e| self.js(e))?;
        mpcanvas_js::canvas::install(&ctx).map_err(|e| self.js(e))?;
        if let Some(platform) = &self.options.platform {
            // Canvases the script creates draw with the platform's fonts,
            // as its own canvases do.
            let fonts = platform.borrow().fonts().clone();
            mpcanvas_js::canvas::fonts::install(&ctx, fonts).map_err(|e| self.js(e))?;
        }
        program::install(&ctx).map_err(|e| self.js(e))?;
        ctx.globals()
            .set("GameGlobal", ctx.globals())
            .map_err(|e| self.js(e))?;
        if let Some(platform) = &self.options.platform {
            mpcanvas_js::namespace::install(&ctx, platform).map_err(|e| self.js(e))?;
        }
        extend(&ctx).map_err(|e| self.js(e))?;

        match &self.package.entry {
            Entry::Game { script } => self.run_game(script.clone()),
            Entry::Page {
                script,
                markup,
                config,
                route,
            } => self.run_page(
                script.clone(),
                markup.clone(),
                config.clone(),
                route.clone(),
            ),
        }
    }

    fn load_module(&mut self, key: &str, path: &Path) -> Result<bool, ScriptError> {
        let modules = self.modules.clone();
        let path = path.to_path_buf();
        let label = format!("loading {}", modules.display(&path));
        let loaded = self.guarded(&label, |ctx| {
            program::begin_loading(ctx, key)?;
            modules.load(ctx, &path)?;
            Ok(())
        })?;
        self.jobs()?;
        Ok(loaded.is_some())
    }

    fn lifetime(&mut self, instance: &Object<'js>, hook: &str) -> Result<(), ScriptError> {
        let instance = instance.clone();
        let is: String = instance.get("is").unwrap_or_default();
        self.guarded(&format!("{is} {hook}"), |ctx| {
            program::call_lifetime(ctx, &instance, hook)
        })?;
        self.jobs()
    }

    fn page_hook(
        &mut self,
        page: &Object<'js>,
        name: &str,
        args: Vec<Value<'js>>,
    ) -> Result<(), ScriptError> {
        let page = page.clone();
        self.guarded(&format!("Page.{name}"), |_| {
            program::call_method(&page, name, Rest(args))
        })?;
        self.jobs()
    }

    fn run_page(
        &mut self,
        script: PathBuf,
        markup_path: Option<PathBuf>,
        config: Option<PathBuf>,
        route: String,
    ) -> Result<(), ScriptError> {
        if let Some(platform) = &self.options.platform {
            platform.borrow_mut().show_page(&route);
        }
        self.publish_launch_info(&route)?;
        if let Some(app) = self.package.app.clone() {
            self.load_module("app", &app)?;
            self.app_hook("onLaunch", &route)?;
            self.app_hook("onShow", &route)?;
        }
        self.app_listeners(false, &route)?;
        let page_markup = read_markup(markup_path.as_deref());
        let page_scope = self.build_scope(&page_markup, Scope::Page)?;
        let using = using_components(self.package.app_config.as_deref(), config.as_deref());
        page_scope.borrow_mut().placing = Some(mount::Placing {
            file: script.clone(),
            using,
            loader: self.components.clone(),
            depth: 0,
        });
        // The page's scope exists before its script runs, so code that
        // calls the platform at load time already sees its canvases.
        let placeholder = Object::new(self.ctx.clone()).map_err(|e| self.js(e))?;
        (|| {
            scope::attach(&self.ctx, &placeholder, page_scope.clone())?;
            placeholder.set("route", route.as_str())?;
            program::push_page(&self.ctx, &placeholder)
        })()
        .map_err(|e| self.js(e))?;
        self.load_module(&route, &script)?;

        let route_for_page = route.clone();
        let scope_for_page = page_scope.clone();
        let created = self.guarded("creating the page", |ctx| {
            let Some(def) = program::definition(ctx, &route_for_page)? else {
                return Ok(None);
            };
            let page = match def.kind {
                Kind::Page => program::new_page(ctx, &def.options, &route_for_page)?,
                Kind::Component => {
                    let p = program::new_component(ctx, &def.options, None, None, &route_for_page)?;
                    p.set("route", route_for_page.as_str())?;
                    p
                }
            };
            scope::attach(ctx, &page, scope_for_page)?;
            program::pop_page(ctx)?;
            program::push_page(ctx, &page)?;
            Ok(Some((page, def.kind)))
        })?;
        let Some(Some((page, kind))) = created else {
            // A plain script: it ran at load time; let it finish.
            self.settle()?;
            if let Some(tap) = self.options.taps.first() {
                return Err(ScriptError::Host(format!(
                    "--tap {tap}: {} registers no Page or Component",
                    self.modules.display(&script)
                )));
            }
            return Ok(());
        };

        let mut mounted = Vec::new();
        if kind == Kind::Component {
            for hook in ["created", "onInit"] {
                self.lifetime(&page, hook)?;
            }
        }
        self.mount_children(&page, &page_scope, &mut mounted)?;
        for m in &mounted {
            self.lifetime(m, "attached")?;
        }
        // Relations link once both sides are attached.
        let links = self
            .guarded("relations", |ctx| relations::establish(ctx, &mounted))?
            .unwrap_or_default();
        for link in &links {
            self.guarded("relations linked", |_| relations::linked(link))?;
            self.jobs()?;
        }
        if kind == Kind::Component {
            self.lifetime(&page, "attached")?;
        }
        let query = query_object(&self.ctx, &self.options.query).map_err(|e| self.js(e))?;
        self.page_hook(&page, "onLoad", vec![query.into_value()])?;
        self.page_hook(&page, "onShow", Vec::new())?;
        for m in &mounted {
            let instance = m.clone();
            self.guarded("pageLifetimes.show", |ctx| {
                program::call_page_lifetime(ctx, &instance, "show")
            })?;
        }
        self.first_render()?;
        // Children are ready before the page, as on the platforms.
        for m in mounted.iter().rev() {
            self.lifetime(m, "ready")?;
            self.lifetime(m, "didMount")?;
        }
        if kind == Kind::Component {
            self.lifetime(&page, "ready")?;
        }
        self.page_hook(&page, "onReady", Vec::new())?;
        self.settle()?;

        let rendered = scope::of(&self.ctx, &page.clone().into_value())
            .map(|s| s.borrow().elements.clone())
            .unwrap_or_default();
        self.tappable = tappable(&self.ctx, &page, &page_markup, &rendered);
        for tap in self.options.taps.clone() {
            self.tap(&page, &page_markup, &tap)?;
            self.settle()?;
        }

        // The components the page shows now (renders since the first one
        // created and detached some).
        let live = mount::descendants(&self.ctx, &page);
        self.page_hook(&page, "onHide", Vec::new())?;
        for m in &live {
            let instance = m.clone();
            self.guarded("pageLifetimes.hide", |ctx| {
                program::call_page_lifetime(ctx, &instance, "hide")
            })?;
        }
        self.page_hook(&page, "onUnload", Vec::new())?;
        for m in live.iter().rev() {
            self.lifetime(m, "detached")?;
            self.lifetime(m, "didUnmount")?;
        }
        for m in live.iter().rev() {
            self.guarded("relations unlinked", |ctx| relations::unlink_all(ctx, m))?;
        }
        if kind == Kind::Component {
            self.lifetime(&page, "detached")?;
        }
        if self.package.app.is_some() {
            self.app_hook("onHide", &route)?;
        }
        self.app_listeners(true, &route)?;
        self.settle()
    }
}
