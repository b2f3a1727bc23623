//! Integration tests of `mpcanvas_export::export`, one binary.

mod clipping;
mod errors;
mod jpeg_output;
mod png_output;
mod poster;
mod scaling;
mod support;
