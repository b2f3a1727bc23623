//! The mpcanvas Canvas 2D engine.
#![forbid(unsafe_code)]

pub mod color;
pub mod error;
mod keyword;
pub mod line;
pub mod path;

pub use color::Color;
pub use error::{Error, ErrorKind, Result};
pub use line::{LineCap, LineJoin, LineStyle};
