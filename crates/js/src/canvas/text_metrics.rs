//! `TextMetrics`: the read-only result of `measureText()`.

use mpcanvas_canvas::TextMetrics;
use rquickjs::class::Trace;
use rquickjs::{Ctx, JsLifetime};

/// A `TextMetrics` object over the engine's measurements.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "TextMetrics")]
pub struct JsTextMetrics {
    #[qjs(skip_trace)]
    pub(crate) metrics: TextMetrics,
}

#[rquickjs::methods]
impl JsTextMetrics {
    /// Not constructible from script, as in browsers.
    #[qjs(constructor)]
    pub fn new(ctx: Ctx<'_>) -> rquickjs::Result<Self> {
        Err(crate::bridge::illegal_constructor(&ctx))
    }

    /// `width`.
    #[qjs(get, enumerable)]
    pub fn width(&self) -> f64 {
        self.metrics.width
    }

    /// `actualBoundingBoxLeft`.
    #[qjs(get, enumerable, rename = "actualBoundingBoxLeft")]
    pub fn actual_bounding_box_left(&self) -> f64 {
        self.metrics.actual_bounding_box_left
    }

    /// `actualBoundingBoxRight`.
    #[qjs(get, enumerable, rename = "actualBoundingBoxRight")]
    pub fn actual_bounding_box_right(&self) -> f64 {
        self.metrics.actual_bounding_box_right
    }

    /// `fontBoundingBoxAscent`.
    #[qjs(get, enumerable, rename = "fontBoundingBoxAscent")]
    pub fn font_bounding_box_ascent(&self) -> f64 {
        self.metrics.font_bounding_box_ascent
    }

    /// `fontBoundingBoxDescent`.
    #[qjs(get, enumerable, rename = "fontBoundingBoxDescent")]
    pub fn font_bounding_box_descent(&self) -> f64 {
        self.metrics.font_bounding_box_descent
    }

    /// `actualBoundingBoxAscent`.
    #[qjs(get, enumerable, rename = "actualBoundingBoxAscent")]
    pub fn actual_bounding_box_ascent(&self) -> f64 {
        self.metrics.actual_bounding_box_ascent
    }

    /// `actualBoundingBoxDescent`.
    #[qjs(get, enumerable, rename = "actualBoundingBoxDescent")]
    pub fn actual_bounding_box_descent(&self) -> f64 {
        self.metrics.actual_bounding_box_descent
    }

    /// `emHeightAscent`.
    #[qjs(get, enumerable, rename = "emHeightAscent")]
    pub fn em_height_ascent(&self) -> f64 {
        self.metrics.em_height_ascent
    }

    /// `emHeightDescent`.
    #[qjs(get, enumerable, rename = "emHeightDescent")]
    pub fn em_height_descent(&self) -> f64 {
        self.metrics.em_height_descent
    }

    /// `hangingBaseline`.
    #[qjs(get, enumerable, rename = "hangingBaseline")]
    pub fn hanging_baseline(&self) -> f64 {
        self.metrics.hanging_baseline
    }

    /// `alphabeticBaseline`.
    #[qjs(get, enumerable, rename = "alphabeticBaseline")]
    pub fn alphabetic_baseline(&self) -> f64 {
        self.metrics.alphabetic_baseline
    }

    /// `ideographicBaseline`.
    #[qjs(get, enumerable, rename = "ideographicBaseline")]
    pub fn ideographic_baseline(&self) -> f64 {
        self.metrics.ideographic_baseline
    }
}
