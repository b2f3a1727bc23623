//! mpcanvas: the Canvas 2D and mini-program canvas APIs of WeChat, Alipay,
//! Feishu and Douyin, run headlessly.
//!
//! One [`Engine`] holds what every job shares — the font faces (parsed once,
//! shared across threads), the platform profiles, the default limits — and
//! runs jobs: [`Engine::render_script`] draws a drawing script
//! (`function draw(ctx, canvas, env)`) to an [`Image`];
//! [`Engine::run_project`] runs a mini-program page, app or mini-game on a
//! platform profile and returns its [`RunReport`]. Each job has its own JS
//! runtime and platform state, so one engine runs jobs on many threads at
//! once (`Engine` is `Send + Sync`).
//!
//! ```
//! use mpcanvas::{Engine, RenderJob, Format};
//!
//! let engine = Engine::builder().system_fonts(false).build()?;
//! let script = mpcanvas::DrawingScript::from_source(
//!     "poster.js",
//!     "// @size 120x80\n\
//!      function draw(ctx) {\n\
//!        ctx.fillStyle = '#07c160';\n\
//!        ctx.fillRect(10, 10, 100, 60);\n\
//!        ctx.fillStyle = '#fff';\n\
//!        ctx.font = '16px sans-serif';\n\
//!        ctx.fillText('海报 poster', 16, 46);\n\
//!      }",
//! );
//! let image = engine.render_script(&script, &RenderJob::default())?;
//! assert_eq!((image.width(), image.height()), (120, 80));
//! assert_eq!(image.pixel(60, 15), [0x07, 0xc1, 0x60, 255]);
//! let png = image.encode(Format::PNG)?;
//! assert_eq!(&png[1..4], b"PNG");
//! # Ok::<(), mpcanvas::Error>(())
//! ```
//!
//! Running a page folder as `mpcanvas run` does:
//!
//! ```no_run
//! use mpcanvas::{Engine, RunJob};
//!
//! let engine = Engine::new()?;
//! let mut job = RunJob::new("wechat", "mpcanvas-out");
//! job.taps.push("save".into());
//! let report = engine.run_project("examples/wechat-2d".as_ref(), job)?;
//! println!("{}", report.to_text());
//! # Ok::<(), mpcanvas::Error>(())
//! ```
#![forbid(unsafe_code)]

mod compare;
mod engine;
mod error;
mod html;
mod image;
mod jobs;
mod network;
mod timed;
mod timings;

pub use compare::{CallDiff, Comparison, ImageDiff, ImageRow, PlatformEntry, PlatformRun};
pub use engine::{Engine, EngineBuilder};
pub use error::Error;
pub use html::run_html;
pub use image::Image;
pub use jobs::{Network, RenderJob, RunJob};
pub use timed::{Rendered, Repeated};
pub use timings::{Mib, Ms, Timings, peak_rss_bytes};

pub use mpcanvas_canvas::Limits as CanvasLimits;
pub use mpcanvas_export::{Format, FormatKind};
pub use mpcanvas_platform::profile::PROFILE_NAMES;
pub use mpcanvas_platform::system::Os;
pub use mpcanvas_platform::{Answer, Device, Profile};
pub use mpcanvas_runtime::run::RunReport;
pub use mpcanvas_runtime::run::detect::{Detected, detect_platform};
pub use mpcanvas_runtime::run::stream::{RunObserver, RunStart, TextLines};
pub use mpcanvas_runtime::{
    Clock, DeviceEnv, DrawingScript, Limits as JsLimits, ScriptError, parse_now,
};

/// The lower layers, for hosts that need more than the facade gives.
pub mod layers {
    pub use mpcanvas_canvas as canvas;
    pub use mpcanvas_export as export;
    pub use mpcanvas_fonts as fonts;
    pub use mpcanvas_platform as platform;
    pub use mpcanvas_runtime as runtime;
}
