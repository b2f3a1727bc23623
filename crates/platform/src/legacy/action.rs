//! The actions a legacy `CanvasContext` records. Arguments arrive already
//! converted by the JS layer; values are kept as given and interpreted at
//! replay, as the native view does.

use mpcanvas_canvas::{CanvasGradient, CanvasPattern};

/// A `setFillStyle` / `setStrokeStyle` / `fillStyle =` value.
#[derive(Debug, Clone)]
pub enum StyleValue {
    /// A CSS colour string.
    Color(String),
    /// A gradient from `createLinearGradient` / `createCircularGradient`.
    Gradient(CanvasGradient),
    /// A pattern from `createPattern(path, repetition)`.
    Pattern(CanvasPattern),
}

/// The rectangle forms of `drawImage(path, …)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ImageRect {
    /// `(dx, dy)`.
    At(f64, f64),
    /// `(dx, dy, dw, dh)`.
    Scaled(f64, f64, f64, f64),
    /// `(sx, sy, sw, sh, dx, dy, dw, dh)`.
    Source([f64; 8]),
}

/// One recorded call.
#[derive(Debug, Clone)]
pub enum Action {
    /// `setFillStyle(v)` / `fillStyle = v`.
    SetFillStyle(StyleValue),
    /// `setStrokeStyle(v)` / `strokeStyle = v`.
    SetStrokeStyle(StyleValue),
    /// `setShadow(offsetX, offsetY, blur, color)`: all four at once; blur
    /// is clamped to the documented 0–100.
    SetShadow {
        /// Horizontal offset.
        offset_x: f64,
        /// Vertical offset.
        offset_y: f64,
        /// Blur, 0–100.
        blur: f64,
        /// CSS colour.
        color: String,
    },
    /// `shadowOffsetX =`.
    SetShadowOffsetX(f64),
    /// `shadowOffsetY =`.
    SetShadowOffsetY(f64),
    /// `shadowBlur =`.
    SetShadowBlur(f64),
    /// `shadowColor =`.
    SetShadowColor(String),
    /// `setFontSize(px)`: replaces only the size in `font`.
    SetFontSize(f64),
    /// `font =`.
    SetFont(String),
    /// `setGlobalAlpha(a)` / `globalAlpha =`.
    SetGlobalAlpha(f64),
    /// `globalCompositeOperation =`.
    SetGlobalCompositeOperation(String),
    /// `setLineWidth` / `lineWidth =`.
    SetLineWidth(f64),
    /// `setLineCap` / `lineCap =`.
    SetLineCap(String),
    /// `setLineJoin` / `lineJoin =`.
    SetLineJoin(String),
    /// `setLineDash(pattern, offset)`.
    SetLineDash {
        /// Dash lengths (odd lengths are doubled, as in HTML).
        pattern: Vec<f64>,
        /// `lineDashOffset`.
        offset: f64,
    },
    /// `lineDashOffset =`.
    SetLineDashOffset(f64),
    /// `setMiterLimit` / `miterLimit =`.
    SetMiterLimit(f64),
    /// `setTextAlign` / `textAlign =`.
    SetTextAlign(String),
    /// `setTextBaseline` / `textBaseline =` (`normal` means `alphabetic`).
    SetTextBaseline(String),
    /// `setTransform(a, b, c, d, e, f)`: replaces the matrix (in CSS px).
    SetTransform([f64; 6]),
    /// `transform(a, b, c, d, e, f)`.
    Transform([f64; 6]),
    /// `scale(x, y)`.
    Scale(f64, f64),
    /// `rotate(angle)`.
    Rotate(f64),
    /// `translate(x, y)`.
    Translate(f64, f64),
    /// `save()`.
    Save,
    /// `restore()`.
    Restore,
    /// `beginPath()`.
    BeginPath,
    /// `closePath()`.
    ClosePath,
    /// `moveTo(x, y)`.
    MoveTo(f64, f64),
    /// `lineTo(x, y)`.
    LineTo(f64, f64),
    /// `quadraticCurveTo(cpx, cpy, x, y)`.
    QuadraticCurveTo(f64, f64, f64, f64),
    /// `bezierCurveTo(cp1x, cp1y, cp2x, cp2y, x, y)`.
    BezierCurveTo([f64; 6]),
    /// `arc(x, y, r, start, end, counterclockwise)`.
    Arc {
        /// Centre x.
        x: f64,
        /// Centre y.
        y: f64,
        /// Radius.
        radius: f64,
        /// Start angle (radians).
        start: f64,
        /// End angle (radians).
        end: f64,
        /// Direction.
        counterclockwise: bool,
    },
    /// `arcTo(x1, y1, x2, y2, radius)`.
    ArcTo([f64; 5]),
    /// `rect(x, y, w, h)`.
    Rect(f64, f64, f64, f64),
    /// `fill()`.
    Fill,
    /// `stroke()`.
    Stroke,
    /// `clip()`.
    Clip,
    /// `fillRect(x, y, w, h)`.
    FillRect(f64, f64, f64, f64),
    /// `strokeRect(x, y, w, h)`.
    StrokeRect(f64, f64, f64, f64),
    /// `clearRect(x, y, w, h)`.
    ClearRect(f64, f64, f64, f64),
    /// `fillText(text, x, y, maxWidth?)`.
    FillText {
        /// The text.
        text: String,
        /// Anchor x.
        x: f64,
        /// Anchor y.
        y: f64,
        /// Optional width limit.
        max_width: Option<f64>,
    },
    /// `strokeText(text, x, y, maxWidth?)`.
    StrokeText {
        /// The text.
        text: String,
        /// Anchor x.
        x: f64,
        /// Anchor y.
        y: f64,
        /// Optional width limit.
        max_width: Option<f64>,
    },
    /// `drawImage(path, …)`: a path string, resolved at replay.
    DrawImage {
        /// Temp, saved, user or package path; URLs where the profile
        /// allows them.
        src: String,
        /// Which rectangle form.
        rect: ImageRect,
    },
}
