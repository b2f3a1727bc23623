//! The mpcanvas Canvas 2D engine: the HTML `CanvasRenderingContext2D`
//! semantics on the tiny-skia rasterizer, with no I/O, no JavaScript and no
//! platform knowledge.
//!
//! [`Context2d`] is a canvas bitmap with its drawing state. Its methods are
//! the IDL operations and attributes in snake case; arguments arrive already
//! converted to Rust types (the JS binding does WebIDL coercion), and each
//! call validates them as the spec says: non-finite numbers are ignored
//! where the spec ignores them, invalid enum strings keep the old value, and
//! errors carry the exception kind the spec names ([`ErrorKind`]).
//!
//! Drawing goes through one pipeline (`render`): paint the shape with its
//! style and `globalAlpha`, draw its shadow, then composite within the clip.
//!
//! ```
//! use mpcanvas_canvas::{Context2d, Limits};
//!
//! let mut ctx = Context2d::new(4, 4, Limits::default()).unwrap();
//! ctx.set_fill_style_str("#ff0000");
//! ctx.fill_rect(1.0, 1.0, 2.0, 2.0);
//! let px = ctx.get_image_data(1, 1, 1, 1).unwrap();
//! assert_eq!(px.data(), &[255, 0, 0, 255]);
//! let corner = ctx.get_image_data(0, 0, 1, 1).unwrap();
//! assert_eq!(corner.data(), &[0, 0, 0, 0]);
//! ```
#![forbid(unsafe_code)]

mod axis_gradient;
mod blit;
pub mod budget;
pub mod color;
mod color_profile;
pub mod composite;
mod context;
mod decode_rgba;
mod draw;
mod draw_params;
pub mod error;
pub mod image;
mod keyword;
pub mod limits;
pub mod line;
pub mod mask_pool;
mod outline;
pub mod path;
pub mod pixels;
pub(crate) mod raster;
mod render;
mod resample;
mod shadow;
mod solid;
mod solid_blend;
pub mod state;
pub mod style;
pub mod text;
pub mod timing;
pub mod transform_list;
mod unbounded;

pub use budget::{Budget, Charge};
pub use color::Color;
pub use composite::CompositeOp;
pub use context::{Context2d, ImageSource, MAX_SAVE_DEPTH};
pub use error::{Error, ErrorKind, Result};
pub use image::Image;
pub use kurbo::Affine;
pub use limits::Limits;
pub use line::{LineCap, LineJoin, LineStyle};
pub use path::{CornerRadius, FillRule, Path2D};
pub use pixels::ImageData;
pub use state::{DrawingState, Shadow, SmoothingQuality};
pub use style::{CanvasGradient, CanvasPattern, GradientKind, Repetition, Style};
pub use text::{
    Direction, FaceDescriptors, FaceEntry, FontBytes, FontCollection, FontData, FontKerning,
    FontLibrary, FontLoader, FontStretch, FontVariantCaps, TextAlign, TextBaseline, TextMetrics,
    TextRendering, TextState,
};
