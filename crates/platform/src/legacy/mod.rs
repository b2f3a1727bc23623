//! The legacy drawing context (PL §8): a recorder of actions, replayed onto
//! the canvas by `draw()`, with text behind a pluggable backend.

mod action;
mod recorder;
pub(crate) mod replay;
mod text;

pub use action::{Action, ImageRect, StyleValue};
pub use recorder::CanvasContext;
pub use text::{DEFAULT_FONT, NoText, TextBackend, with_font_size};
