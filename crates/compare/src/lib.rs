//! The one implementation of the pixel tolerance rule (`conformance/README.md`):
//! the conformance suite compares renderings with Chromium references by it,
//! and `mpcanvas test` and the Jest/Vitest matcher compare posters with
//! their approved snapshots by it. Also PNG reading and writing, and the
//! expected | diff | actual image written on a mismatch.
#![forbid(unsafe_code)]

mod compare;
mod images;

pub use compare::{Comparison, compare};
pub use images::{RgbaImage, diff_image, encode_png, read_png, write_diff, write_png};
pub use mpcanvas_script::Fuzzy;
