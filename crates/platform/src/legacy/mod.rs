//! The legacy drawing context (PL §8): a recorder of actions, replayed onto
//! the canvas by `draw()`, with text behind a pluggable backend (the
//! engine's text by default).

mod action;
mod engine_text;
mod recorder;
pub(crate) mod replay;
mod text;

pub use action::{Action, ImageRect, StyleValue};
pub use engine_text::EngineText;
pub use recorder::CanvasContext;
pub use text::{DEFAULT_FONT, TextBackend, with_font_size};
