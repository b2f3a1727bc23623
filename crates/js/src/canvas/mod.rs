//! The Canvas 2D API as JS classes. Each class wraps a plain Rust type of
//! `mpcanvas-canvas`; the wrappers only convert arguments (WebIDL), call,
//! and map errors (`bridge`).

pub(crate) mod context;
pub mod element;
pub mod fonts;
pub(crate) mod geometry;
pub(crate) mod gradient;
pub mod image;
pub(crate) mod image_data;
pub(crate) mod matrix;
pub(crate) mod path2d;
pub(crate) mod path_ops;
pub(crate) mod pattern;
pub(crate) mod source;
pub(crate) mod text_metrics;

use rquickjs::{Class, Ctx};

/// Defines the canvas classes on the global object.
pub fn install(ctx: &Ctx<'_>) -> rquickjs::Result<()> {
    let globals = ctx.globals();
    path2d::install(ctx)?;
    Class::<gradient::JsGradient>::define(&globals)?;
    Class::<pattern::JsPattern>::define(&globals)?;
    Class::<image_data::JsImageData>::define(&globals)?;
    matrix::install(ctx)?;
    geometry::install(ctx)?;
    Class::<image::JsImage>::define(&globals)?;
    Class::<element::JsCanvas>::define(&globals)?;
    Class::<text_metrics::JsTextMetrics>::define(&globals)?;
    context::install(ctx)?;
    Ok(())
}
