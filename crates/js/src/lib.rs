//! The mpcanvas JavaScript runtime: QuickJS (through rquickjs) with the
//! Canvas 2D API as the standard JS classes over the Rust engine.
//!
//! - [`canvas`]: `HTMLCanvasElement`, `CanvasRenderingContext2D`,
//!   `Path2D`, `CanvasGradient`, `CanvasPattern`, `ImageData`,
//!   `DOMMatrix` and image objects. Each wraps a plain type of
//!   `mpcanvas-canvas`; wrappers convert arguments the WebIDL way
//!   (`webidl`), call, and map errors to the right JS class (`bridge`).
//! - [`runtime`]: a QuickJS runtime with memory, time and stack limits.
//! - [`script`]: runs a drawing script (`function draw(ctx, canvas, env)`)
//!   the way `diffref.mjs` runs it in Chromium, for `mpcanvas render`.
#![forbid(unsafe_code)]

mod binary;
mod bridge;
pub mod callback;
pub mod canvas;
pub mod compile;
pub mod console;
pub mod event_loop;
pub mod host;
pub mod namespace;
pub mod page;
pub mod run;
pub mod runtime;
pub mod script;
mod webidl;

pub use runtime::{Limits, Runtime, ScriptError};
pub use script::{DrawingScript, RenderOptions, evaluate, render};
