//! What headless Chromium did with colour strings, for the tests: the
//! fillStyle getter's serialisation, the syntaxes it accepts that we
//! reject, and the pixels fillRect painted (probed with
//! `tools/chrome-eval.mjs`).

mod getter;
mod painted;

pub(super) use getter::{CHROMIUM_GETTER, UNSUPPORTED};
pub(super) use painted::CHROMIUM_PAINTED;
