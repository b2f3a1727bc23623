//! The mini-program page model: markup, and (with the platform layer) the
//! `App` / `Page` / `Component` lifecycle of a run.

pub mod markup;
pub mod modules;
