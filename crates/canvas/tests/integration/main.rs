//! Integration tests of the canvas engine: the shared conformance cases
//! translated to Rust calls and compared with their Chromium references,
//! and behaviour tests per API family.

mod conformance_cases;
mod fuzz_corpus;
mod image_formats;
mod state_api;
mod support;
mod text_api;
mod wide_pens;
