//! The mini-program page model: markup, modules, and the `App` / `Page` /
//! `Component` lifecycle of a run.

pub mod data_path;
pub(crate) mod events;
pub mod markup;
pub mod modules;
pub mod npm;
pub mod program;
pub(crate) mod properties;
pub(crate) mod scope;
pub(crate) mod selector;

/// The simulated phone: screen size in CSS px and device pixel ratio
/// (the platform layer's type; 375×667 at dpr 2 by default).
pub use mpcanvas_platform::Device;
