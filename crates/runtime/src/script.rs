//! Running a drawing script (the format of `conformance/README.md`)
//! exactly as `diffref.mjs` runs it in Chromium: a canvas of the header's
//! `@size`, an `env` with `width`, `height`, `loadImage(name)` (files under
//! `assets/` declared with `@asset`), `createCanvas(w, h)` and
//! `fontsReady`, then `draw(ctx, canvas, env)`, awaited if it returns a
//! promise.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use mpcanvas_canvas::timing::{self, Stage};
use mpcanvas_canvas::{Context2d, FontLibrary, Image};
use mpcanvas_script::Header;
use rquickjs::function::{Func, This};
use rquickjs::promise::PromiseState;
use rquickjs::{CatchResultExt, Class, Ctx, Exception, Function, Object, Promise, Value};

use mpcanvas_js::canvas::element::JsCanvas;
use mpcanvas_js::runtime::{self, Limits, Runtime, ScriptError};

use crate::script_decode::Decodes;

/// A drawing script read from disk.
#[derive(Debug, Clone)]
pub struct DrawingScript {
    /// Where it was read from (assets are looked up beside it).
    pub path: PathBuf,
    /// The JS source.
    pub source: String,
    /// Its header directives.
    pub header: Header,
}

impl DrawingScript {
    /// Reads and parses the script at `path`.
    pub fn load(path: &Path) -> Result<DrawingScript, ScriptError> {
        let source = std::fs::read_to_string(path)
            .map_err(|e| ScriptError::Host(format!("cannot read {}: {e}", path.display())))?;
        let header = Header::parse(&source);
        Ok(DrawingScript {
            path: path.to_path_buf(),
            source,
            header,
        })
    }

    /// A script from memory; `path` says where its `assets/` and `fonts/`
    /// folders would be (beside it).
    pub fn from_source(path: impl Into<PathBuf>, source: impl Into<String>) -> DrawingScript {
        let source = source.into();
        DrawingScript {
            path: path.into(),
            header: Header::parse(&source),
            source,
        }
    }

    fn asset_dir(&self) -> PathBuf {
        self.path.parent().unwrap_or(Path::new(".")).join("assets")
    }

    /// Registers the header's `@font FILE as "Family"` files (under
    /// `fonts/` beside the script) in `fonts`.
    pub fn register_fonts(&self, fonts: &FontLibrary) -> Result<(), ScriptError> {
        let dir = self.path.parent().unwrap_or(Path::new(".")).join("fonts");
        for f in &self.header.fonts {
            mpcanvas_fonts::register_file(fonts, &f.family, &dir.join(&f.file))
                .map_err(|e| ScriptError::Host(format!("@font {}: {}", f.file, e.message)))?;
        }
        Ok(())
    }
}

/// How to run a drawing script.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Canvas size instead of the header's `@size`.
    pub size: Option<(u32, u32)>,
    /// JS runtime limits.
    pub js_limits: Limits,
    /// Bitmap budgets of the engine.
    pub canvas_limits: mpcanvas_canvas::Limits,
    /// The fonts canvases draw with (the script's `@font` files are added
    /// to it); `None` for a new library with the bundled and system fonts.
    pub fonts: Option<FontLibrary>,
    /// The phone's locale, zone, clock and seed the script sees.
    pub device_env: mpcanvas_js::jsenv::DeviceEnv,
}

/// Runs `script` and returns the main canvas as drawn.
pub fn render(script: &DrawingScript, options: &RenderOptions) -> Result<Context2d, ScriptError> {
    let startup = timing::span(Stage::Startup);
    let rt = Runtime::new(options.js_limits)?;
    let limits = options.canvas_limits.clone().with_budget(rt.budget());
    let (w, h) = options.size.unwrap_or(script.header.size);
    rt.with(|ctx| {
        let decodes = Rc::new(Decodes::default());
        let drawn = (|| {
            let js = |e: rquickjs::Error| rt.describe(Err::<(), _>(e).catch(&ctx).unwrap_err());
            mpcanvas_js::jsenv::install(&ctx, options.device_env.clone()).map_err(js)?;
            mpcanvas_js::canvas::install(&ctx).map_err(js)?;
            let fonts = options
                .fonts
                .clone()
                .unwrap_or_else(mpcanvas_fonts::library);
            script.register_fonts(&fonts)?;
            mpcanvas_js::canvas::fonts::install(&ctx, fonts).map_err(js)?;
            let canvas = JsCanvas::create(&ctx, w, h, limits.clone()).map_err(js)?;
            let engine = canvas.borrow().engine.clone();
            let get_context: Function<'_> = canvas.get("getContext").map_err(js)?;
            let context: Value<'_> = get_context.call((This(canvas.clone()), "2d")).map_err(js)?;
            let env = make_env(&ctx, script, w, h, limits.clone(), &decodes).map_err(js)?;
            let file = script.path.display().to_string();
            // The script's first line stays line 1 in stack traces.
            let wrapped = format!(
                "(function (ctx, canvas, env) {{ {}\n;return draw(ctx, canvas, env);\n}})",
                script.source
            );
            let run: Function<'_> = runtime::eval(&rt, &ctx, &wrapped, &file)?;
            drop(startup);
            let value: Value<'_> = run.call((context, canvas.clone(), env)).map_err(js)?;
            // Images settle once the script has nothing else to do.
            rt.drain(&ctx)?;
            while decodes.settle_next(&ctx).map_err(js)? {
                rt.drain(&ctx)?;
            }
            if let Some(promise) = value.as_promise() {
                match promise.state() {
                    PromiseState::Pending => {
                        return Err(ScriptError::Host(
                            "draw() returned a promise that never settled".into(),
                        ));
                    }
                    PromiseState::Rejected => {
                        let outcome: rquickjs::Result<Value<'_>> =
                            promise.result().unwrap_or(Err(rquickjs::Error::Exception));
                        outcome.map_err(js)?;
                    }
                    PromiseState::Resolved => {}
                }
            }
            mpcanvas_canvas::mask_pool::release();
            // Taken, not cloned: the runtime and its canvas object end here, and
            // a copy would double the job's peak memory.
            let empty = Context2d::new(0, 0, options.canvas_limits.clone()).map_err(|e| {
                ScriptError::Host(format!("cannot hand the canvas over: {}", e.message))
            })?;
            Ok(engine.replace(empty))
        })();
        decodes.clear();
        drawn
    })
}

/// The `env` object of a drawing script.
fn make_env<'js>(
    ctx: &Ctx<'js>,
    script: &DrawingScript,
    w: u32,
    h: u32,
    limits: mpcanvas_canvas::Limits,
    decodes: &Rc<Decodes>,
) -> rquickjs::Result<Object<'js>> {
    let env = Object::new(ctx.clone())?;
    env.set("width", w)?;
    env.set("height", h)?;
    let (ready, resolve, _) = ctx.promise()?;
    resolve.call::<_, ()>(())?;
    env.set("fontsReady", ready)?;
    let assets = script.header.assets.clone();
    let dir = script.asset_dir();
    let image_limits = limits.clone();
    let decodes = decodes.clone();
    env.set(
        "loadImage",
        Func::from(
            move |ctx: Ctx<'js>, name: String| -> rquickjs::Result<Promise<'js>> {
                if !assets.contains(&name) {
                    let (promise, _, reject) = ctx.promise()?;
                    let message = format!("asset not declared with // @asset: {name}");
                    reject.call::<_, ()>((Exception::from_message(ctx.clone(), &message)?,))?;
                    return Ok(promise);
                }
                let (dir, limits) = (dir.clone(), image_limits.clone());
                decodes.start(&ctx, move || load_asset(&dir, &name, &limits))
            },
        ),
    )?;
    env.set(
        "createCanvas",
        Func::from(
            move |ctx: Ctx<'js>, w: f64, h: f64| -> rquickjs::Result<Class<'js, JsCanvas<'js>>> {
                JsCanvas::create(
                    &ctx,
                    mpcanvas_js::webidl::to_long(w) as u32,
                    mpcanvas_js::webidl::to_long(h) as u32,
                    limits.clone(),
                )
            },
        ),
    )?;
    Ok(env)
}

/// Reads and decodes asset `name` (one the header declares).
fn load_asset(dir: &Path, name: &str, limits: &mpcanvas_canvas::Limits) -> Result<Image, String> {
    let bytes =
        std::fs::read(dir.join(name)).map_err(|e| format!("cannot read asset {name}: {e}"))?;
    Image::decode(&bytes, limits)
        .map_err(|e| format!("failed to decode asset {name}: {}", e.message))
}

/// Evaluates `source` with globals `canvas` (a `width × height` canvas,
/// 300×150 by default) and `ctx` (its 2D context), and returns the
/// completion value as JSON (`undefined` when it has no JSON form). Jobs
/// queued by the script run before the value is read; a promise result is
/// awaited.
pub fn evaluate(source: &str, options: &RenderOptions) -> Result<String, ScriptError> {
    let rt = Runtime::new(options.js_limits)?;
    let limits = options.canvas_limits.clone().with_budget(rt.budget());
    let (w, h) = options.size.unwrap_or((300, 150));
    rt.with(|ctx| {
        let js = |e: rquickjs::Error| rt.describe(Err::<(), _>(e).catch(&ctx).unwrap_err());
        mpcanvas_js::jsenv::install(&ctx, options.device_env.clone()).map_err(js)?;
        mpcanvas_js::canvas::install(&ctx).map_err(js)?;
        let log = mpcanvas_js::console::Log::default();
        mpcanvas_js::console::install(&ctx, log.clone()).map_err(js)?;
        let events = mpcanvas_js::event_loop::EventLoop::install(&ctx).map_err(js)?;
        mpcanvas_js::host::Host {
            events: events.clone(),
            log,
            loader: std::rc::Rc::new(mpcanvas_js::host::NoResources),
            canvas_limits: limits.clone(),
            device: crate::page::Device::default(),
            platform: None,
            pages: None,
            gesture: Default::default(),
        }
        .install(&ctx)
        .map_err(js)?;
        let canvas = JsCanvas::create(&ctx, w, h, limits).map_err(js)?;
        let get_context: Function<'_> = canvas.get("getContext").map_err(js)?;
        let context: Value<'_> = get_context.call((This(canvas.clone()), "2d")).map_err(js)?;
        ctx.globals().set("canvas", canvas).map_err(js)?;
        ctx.globals().set("ctx", context).map_err(js)?;
        let mut value: Value<'_> = runtime::eval(&rt, &ctx, source, "<eval>")?;
        events.run_until(&rt, &ctx, 60_000.0, |_| {})?;
        if let Some(promise) = value.as_promise() {
            let outcome: Option<rquickjs::Result<Value<'_>>> = promise.result();
            value = match outcome {
                Some(r) => r.map_err(js)?,
                None => {
                    return Err(ScriptError::Host(
                        "the script's promise never settled".into(),
                    ));
                }
            };
        }
        let json = ctx.json_stringify(value).map_err(js)?;
        Ok(match json {
            Some(s) => s.to_string().map_err(js)?,
            None => "undefined".to_string(),
        })
    })
}
