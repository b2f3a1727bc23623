//! Image resampling as Chromium's software canvas does it, measured with
//! Chromium as the oracle (see `conformance/69-…` onwards):
//!
//! - a decoded image drawn smaller first goes through the image decode
//!   cache, which hands the rasterizer a pre-shrunk copy
//!   ([`level::decode_level`]) — for every `imageSmoothingQuality`;
//! - a draw whose transform only scales and translates is then sampled
//!   with Skia's fixed-point bilinear filter, 4-bit weights
//!   ([`fixed_bilinear`]); other transforms sample with a float bilinear
//!   filter (tiny-skia's);
//! - a `'repeat'` pattern under a scale + translate transform is sampled by
//!   the same fixed-point filter in tile units ([`pattern`]).

pub(crate) mod fixed_bilinear;
pub(crate) mod level;
mod mipmap;
pub(crate) mod pattern;
