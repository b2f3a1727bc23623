//! State: save/restore, transforms, styles and settings.

use kurbo::Affine;

use super::{Context2d, MAX_SAVE_DEPTH};
use crate::color::Color;
use crate::composite::CompositeOp;
use crate::line::{LineCap, LineJoin};
use crate::state::SmoothingQuality;
use crate::style::Style;

fn finite(values: &[f64]) -> bool {
    values.iter().all(|v| v.is_finite())
}

impl Context2d {
    /// `save()`. Returns whether the state was pushed (saves beyond
    /// [`MAX_SAVE_DEPTH`] are ignored).
    pub fn save(&mut self) -> bool {
        let pushed = self.stack.len() < MAX_SAVE_DEPTH;
        if pushed {
            self.stack.push(self.state.clone());
        }
        pushed
    }

    /// `restore()`: no-op on an empty stack. Returns whether a state was
    /// popped.
    pub fn restore(&mut self) -> bool {
        match self.stack.pop() {
            Some(s) => {
                self.state = s;
                true
            }
            None => false,
        }
    }

    /// `scale(x, y)`; non-finite arguments are ignored.
    pub fn scale(&mut self, x: f64, y: f64) {
        if finite(&[x, y]) {
            self.state.transform *= Affine::scale_non_uniform(x, y);
        }
    }

    /// `rotate(angle)` in radians, clockwise on screen.
    pub fn rotate(&mut self, angle: f64) {
        if angle.is_finite() {
            self.state.transform *= Affine::rotate(angle);
        }
    }

    /// `translate(x, y)`.
    pub fn translate(&mut self, x: f64, y: f64) {
        if finite(&[x, y]) {
            self.state.transform *= Affine::translate((x, y));
        }
    }

    /// `transform(a, b, c, d, e, f)`: multiplies the current transform.
    pub fn transform(&mut self, a: f64, b: f64, c: f64, d: f64, e: f64, f: f64) {
        if finite(&[a, b, c, d, e, f]) {
            self.state.transform *= Affine::new([a, b, c, d, e, f]);
        }
    }

    /// `setTransform(a, b, c, d, e, f)` / `setTransform(matrix)`.
    pub fn set_transform(&mut self, m: Affine) {
        if finite(&m.as_coeffs()) {
            self.state.transform = m;
        }
    }

    /// `resetTransform()`.
    pub fn reset_transform(&mut self) {
        self.state.transform = Affine::IDENTITY;
    }

    /// `getTransform()`.
    pub fn get_transform(&self) -> Affine {
        self.state.transform
    }

    /// `globalAlpha`.
    pub fn global_alpha(&self) -> f64 {
        self.state.global_alpha
    }

    /// Sets `globalAlpha`; values outside 0..=1 or non-finite are ignored.
    pub fn set_global_alpha(&mut self, alpha: f64) {
        if (0.0..=1.0).contains(&alpha) {
            self.state.global_alpha = alpha;
        }
    }

    /// `globalCompositeOperation`.
    pub fn global_composite_operation(&self) -> CompositeOp {
        self.state.composite
    }

    /// Sets `globalCompositeOperation` from its string; unknown values are
    /// ignored.
    pub fn set_global_composite_operation(&mut self, op: &str) {
        if let Some(op) = CompositeOp::parse(op) {
            self.state.composite = op;
        }
    }

    /// `fillStyle`.
    pub fn fill_style(&self) -> &Style {
        &self.state.fill_style
    }

    /// Sets `fillStyle` to a gradient, pattern or parsed colour.
    pub fn set_fill_style(&mut self, style: Style) {
        self.state.fill_style = style;
    }

    /// Sets `fillStyle` from a CSS colour string; unparsable strings are
    /// ignored. Returns whether the value was taken.
    pub fn set_fill_style_str(&mut self, css: &str) -> bool {
        Color::parse(css)
            .map(|c| self.state.fill_style = Style::Color(c))
            .is_some()
    }

    /// `strokeStyle`.
    pub fn stroke_style(&self) -> &Style {
        &self.state.stroke_style
    }

    /// Sets `strokeStyle`.
    pub fn set_stroke_style(&mut self, style: Style) {
        self.state.stroke_style = style;
    }

    /// Sets `strokeStyle` from a CSS colour string; unparsable strings are
    /// ignored. Returns whether the value was taken.
    pub fn set_stroke_style_str(&mut self, css: &str) -> bool {
        Color::parse(css)
            .map(|c| self.state.stroke_style = Style::Color(c))
            .is_some()
    }

    /// `lineWidth`.
    pub fn line_width(&self) -> f64 {
        self.state.line.width
    }

    /// Sets `lineWidth`; zero, negative and non-finite values are ignored.
    pub fn set_line_width(&mut self, w: f64) {
        if w.is_finite() && w > 0.0 {
            self.state.line.width = w;
        }
    }

    /// `lineCap`.
    pub fn line_cap(&self) -> LineCap {
        self.state.line.cap
    }

    /// Sets `lineCap` from its string; unknown values are ignored.
    pub fn set_line_cap(&mut self, cap: &str) {
        if let Some(c) = LineCap::parse(cap) {
            self.state.line.cap = c;
        }
    }

    /// `lineJoin`.
    pub fn line_join(&self) -> LineJoin {
        self.state.line.join
    }

    /// Sets `lineJoin` from its string; unknown values are ignored.
    pub fn set_line_join(&mut self, join: &str) {
        if let Some(j) = LineJoin::parse(join) {
            self.state.line.join = j;
        }
    }

    /// `miterLimit`.
    pub fn miter_limit(&self) -> f64 {
        self.state.line.miter_limit
    }

    /// Sets `miterLimit`; zero, negative and non-finite values are ignored.
    pub fn set_miter_limit(&mut self, m: f64) {
        if m.is_finite() && m > 0.0 {
            self.state.line.miter_limit = m;
        }
    }

    /// `setLineDash(segments)`; a list with a negative or non-finite entry
    /// is ignored. Returns whether the list was taken.
    pub fn set_line_dash(&mut self, segments: &[f64]) -> bool {
        self.state.line.set_dash(segments)
    }

    /// `getLineDash()`.
    pub fn line_dash(&self) -> &[f64] {
        &self.state.line.dash
    }

    /// `lineDashOffset`.
    pub fn line_dash_offset(&self) -> f64 {
        self.state.line.dash_offset
    }

    /// Sets `lineDashOffset`; non-finite values are ignored.
    pub fn set_line_dash_offset(&mut self, o: f64) {
        if o.is_finite() {
            self.state.line.dash_offset = o;
        }
    }

    /// `shadowColor`.
    pub fn shadow_color(&self) -> Color {
        self.state.shadow.color
    }

    /// Sets `shadowColor` from a CSS colour string; unparsable strings are
    /// ignored. Returns whether the value was taken.
    pub fn set_shadow_color(&mut self, css: &str) -> bool {
        Color::parse(css)
            .map(|c| self.state.shadow.color = c)
            .is_some()
    }

    /// `shadowBlur`.
    pub fn shadow_blur(&self) -> f64 {
        self.state.shadow.blur
    }

    /// Sets `shadowBlur`; negative and non-finite values are ignored.
    pub fn set_shadow_blur(&mut self, b: f64) {
        if b.is_finite() && b >= 0.0 {
            self.state.shadow.blur = b;
        }
    }

    /// `shadowOffsetX`.
    pub fn shadow_offset_x(&self) -> f64 {
        self.state.shadow.offset_x
    }

    /// Sets `shadowOffsetX`; non-finite values are ignored.
    pub fn set_shadow_offset_x(&mut self, x: f64) {
        if x.is_finite() {
            self.state.shadow.offset_x = x;
        }
    }

    /// `shadowOffsetY`.
    pub fn shadow_offset_y(&self) -> f64 {
        self.state.shadow.offset_y
    }

    /// Sets `shadowOffsetY`; non-finite values are ignored.
    pub fn set_shadow_offset_y(&mut self, y: f64) {
        if y.is_finite() {
            self.state.shadow.offset_y = y;
        }
    }

    /// `imageSmoothingEnabled`.
    pub fn image_smoothing_enabled(&self) -> bool {
        self.state.image_smoothing_enabled
    }

    /// Sets `imageSmoothingEnabled`.
    pub fn set_image_smoothing_enabled(&mut self, on: bool) {
        self.state.image_smoothing_enabled = on;
    }

    /// `imageSmoothingQuality`.
    pub fn image_smoothing_quality(&self) -> SmoothingQuality {
        self.state.image_smoothing_quality
    }

    /// Sets `imageSmoothingQuality` from its string; unknown values are
    /// ignored.
    pub fn set_image_smoothing_quality(&mut self, q: &str) {
        if let Some(q) = SmoothingQuality::parse(q) {
            self.state.image_smoothing_quality = q;
        }
    }
}
