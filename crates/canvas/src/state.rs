//! The drawing state that `save()` pushes and `restore()` pops.

use std::sync::Arc;

use kurbo::Affine;
use tiny_skia::Mask;

use crate::color::Color;
use crate::composite::CompositeOp;
use crate::keyword::keyword_enum;
use crate::line::LineStyle;
use crate::style::Style;
use crate::text::TextState;

keyword_enum! {
    /// `imageSmoothingQuality`.
    SmoothingQuality {
        /// Bilinear (the default).
        Low = "low",
        /// Bilinear, with a box prefilter when shrinking.
        Medium = "medium",
        /// Bicubic, with a high-quality prefilter when shrinking.
        High = "high",
    }
}

/// Shadow settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Shadow {
    /// `shadowColor` (default transparent black: no shadow).
    pub color: Color,
    /// `shadowBlur`, ≥ 0, in device pixels (not transformed).
    pub blur: f64,
    /// `shadowOffsetX`, device pixels.
    pub offset_x: f64,
    /// `shadowOffsetY`, device pixels.
    pub offset_y: f64,
}

impl Default for Shadow {
    fn default() -> Self {
        Shadow {
            color: Color::TRANSPARENT,
            blur: 0.0,
            offset_x: 0.0,
            offset_y: 0.0,
        }
    }
}

impl Shadow {
    /// Shadows are drawn only when the colour is not fully transparent and
    /// there is a blur or an offset.
    pub fn is_visible(&self) -> bool {
        self.color.alpha() > 0.0
            && (self.blur > 0.0 || self.offset_x != 0.0 || self.offset_y != 0.0)
    }

    /// How far outside the canvas (x, y) a drawing can lie and still cast
    /// a visible shadow onto it: the offset plus what the blur spreads.
    pub(crate) fn margins(&self) -> (f64, f64) {
        if !self.is_visible() {
            return (0.0, 0.0);
        }
        let spread = self.blur * 2.0 + 2.0;
        (self.offset_x.abs() + spread, self.offset_y.abs() + spread)
    }
}

/// Everything `save()` saves: transform, clip, styles and settings.
#[derive(Debug, Clone)]
pub struct DrawingState {
    /// Current transformation matrix, user → device.
    pub transform: Affine,
    /// `fillStyle`.
    pub fill_style: Style,
    /// `strokeStyle`.
    pub stroke_style: Style,
    /// Line width, caps, joins, miter limit, dashes.
    pub line: LineStyle,
    /// `globalAlpha`, in 0..=1.
    pub global_alpha: f64,
    /// `globalCompositeOperation`.
    pub composite: CompositeOp,
    /// Shadow settings.
    pub shadow: Shadow,
    /// `imageSmoothingEnabled`.
    pub image_smoothing_enabled: bool,
    /// `imageSmoothingQuality`.
    pub image_smoothing_quality: SmoothingQuality,
    /// Device-space clip coverage; `None` means no clip.
    pub clip: Option<Arc<Mask>>,
    /// Text settings.
    pub text: TextState,
}

impl Default for DrawingState {
    fn default() -> Self {
        DrawingState {
            transform: Affine::IDENTITY,
            fill_style: Style::default(),
            stroke_style: Style::default(),
            line: LineStyle::default(),
            global_alpha: 1.0,
            composite: CompositeOp::SourceOver,
            shadow: Shadow::default(),
            image_smoothing_enabled: true,
            image_smoothing_quality: SmoothingQuality::Low,
            clip: None,
            text: TextState::default(),
        }
    }
}
