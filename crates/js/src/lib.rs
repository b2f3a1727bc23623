//! The mpcanvas JavaScript runtime: QuickJS (through rquickjs) with the
//! Canvas 2D API as the standard JS classes over the Rust engine.
//!
//! - [`canvas`]: `HTMLCanvasElement`, `CanvasRenderingContext2D`,
//!   `Path2D`, `CanvasGradient`, `CanvasPattern`, `ImageData`,
//!   `DOMMatrix` and image objects. Each wraps a plain type of
//!   `mpcanvas-canvas`; wrappers convert arguments the WebIDL way
//!   (`webidl`), call, and map errors to the right JS class (`bridge`).
//! - [`runtime`]: a QuickJS runtime with memory, time and stack limits.
//! - [`namespace`]: the `wx` / `my` / `tt` objects built from a platform
//!   profile, each function converting its options, calling the typed
//!   platform API and delivering the reply (callbacks or a Promise).
//! - [`host`]: what the bindings need from whoever runs the code (event
//!   loop, console, resource loader, platform, page model).
//!
//! The mini-program runtime (packages, modules, pages, markup) and the
//! drawing-script runner live in `mpcanvas-runtime`, above this crate.
// Denied, not forbidden: `heap` (the QuickJS allocator) is the one module
// allowed raw pointers.
#![deny(unsafe_code)]

mod binary;
mod bridge;
pub mod callback;
pub mod canvas;
mod checks;
pub mod console;
pub mod event_loop;
mod heap;
pub mod host;
pub mod jsenv;
pub mod namespace;
pub mod runtime;
pub mod webidl;

pub use host::PageModel;
pub use runtime::{Limits, Runtime, ScriptError};
