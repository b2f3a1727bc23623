//! The mpcanvas mini-program runtime: what runs a page's or a drawing
//! script's code on top of the JS bindings (`mpcanvas-js`).
//!
//! - [`run`]: finds what a path holds (page, app, mini-game, script),
//!   launches the platform for a profile, drives lifecycles, taps and the
//!   event loop, and reports what happened ([`run::run_path`]).
//! - [`page`]: the page model — markup, modules (`require`), the
//!   `App` / `Page` / `Component` lifecycle, component scopes, selector
//!   queries.
//! - [`script`]: runs a drawing script (`function draw(ctx, canvas, env)`)
//!   the way `diffref.mjs` runs it in Chromium, for `mpcanvas render`.
#![forbid(unsafe_code)]

pub mod compile;
pub mod page;
pub mod run;
pub mod script;
mod script_decode;
#[cfg(test)]
mod test_dir;

pub use mpcanvas_js::jsenv::{Clock, DeviceEnv, parse_now};
pub use mpcanvas_js::{Limits, ScriptError};
pub use script::{DrawingScript, RenderOptions, evaluate, render};
