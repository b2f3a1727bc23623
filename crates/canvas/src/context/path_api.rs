//! The current default path and the calls that use a path: fill, stroke,
//! clip and hit testing.

use std::sync::Arc;

use kurbo::Affine;
use tiny_skia::{FillRule as SkFillRule, Mask};

use super::Context2d;
use crate::draw_params::ShadowSource;
use crate::error::Result;
use crate::path::{CornerRadius, FillRule, Path2D};
use crate::raster::{self, aaa::Target};
use crate::render::{self, PreparedStyle, Shape, ShapeKind};
use crate::style::Style;

pub(super) fn sk_rule(rule: FillRule) -> SkFillRule {
    match rule {
        FillRule::NonZero => SkFillRule::Winding,
        FillRule::EvenOdd => SkFillRule::EvenOdd,
    }
}

impl Context2d {
    /// `beginPath()`.
    pub fn begin_path(&mut self) {
        self.path = Path2D::new();
    }

    /// `closePath()`.
    pub fn close_path(&mut self) {
        self.path.close_path();
    }

    /// `moveTo(x, y)`.
    pub fn move_to(&mut self, x: f64, y: f64) {
        self.path.move_to(x, y, &self.state.transform);
    }

    /// `lineTo(x, y)`.
    pub fn line_to(&mut self, x: f64, y: f64) {
        self.path.line_to(x, y, &self.state.transform);
    }

    /// `quadraticCurveTo(cpx, cpy, x, y)`.
    pub fn quadratic_curve_to(&mut self, cpx: f64, cpy: f64, x: f64, y: f64) {
        self.path
            .quadratic_curve_to(cpx, cpy, x, y, &self.state.transform);
    }

    /// `bezierCurveTo(cp1x, cp1y, cp2x, cp2y, x, y)`.
    pub fn bezier_curve_to(&mut self, cp1x: f64, cp1y: f64, cp2x: f64, cp2y: f64, x: f64, y: f64) {
        self.path
            .bezier_curve_to(cp1x, cp1y, cp2x, cp2y, x, y, &self.state.transform);
    }

    /// `arc(x, y, radius, startAngle, endAngle, anticlockwise)`.
    pub fn arc(
        &mut self,
        x: f64,
        y: f64,
        radius: f64,
        start: f64,
        end: f64,
        anticlockwise: bool,
    ) -> Result<()> {
        self.path.arc(
            x,
            y,
            radius,
            start,
            end,
            anticlockwise,
            &self.state.transform,
        )
    }

    /// `arcTo(x1, y1, x2, y2, radius)`.
    pub fn arc_to(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, radius: f64) -> Result<()> {
        self.path
            .arc_to(x1, y1, x2, y2, radius, &self.state.transform)
    }

    /// `ellipse(x, y, radiusX, radiusY, rotation, startAngle, endAngle, anticlockwise)`.
    #[expect(clippy::too_many_arguments, reason = "mirrors the IDL signature")]
    pub fn ellipse(
        &mut self,
        x: f64,
        y: f64,
        rx: f64,
        ry: f64,
        rotation: f64,
        start: f64,
        end: f64,
        anticlockwise: bool,
    ) -> Result<()> {
        self.path.ellipse(
            x,
            y,
            rx,
            ry,
            rotation,
            start,
            end,
            anticlockwise,
            &self.state.transform,
        )
    }

    /// `rect(x, y, w, h)`.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        self.path.rect(x, y, w, h, &self.state.transform);
    }

    /// `roundRect(x, y, w, h, radii)`.
    pub fn round_rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        radii: &[CornerRadius],
    ) -> Result<()> {
        self.path
            .round_rect(x, y, w, h, radii, &self.state.transform)
    }

    /// The current default path, in device space.
    pub fn current_path(&self) -> &Path2D {
        &self.path
    }

    /// Runs a path builder on the current default path with the current
    /// transform, as every `CanvasPath` method does (the point of this is
    /// that a binding can share one implementation between the context and
    /// `Path2D` objects, which build with the identity transform).
    pub fn with_path<R>(&mut self, build: impl FnOnce(&mut Path2D, &Affine) -> R) -> R {
        build(&mut self.path, &self.state.transform)
    }

    /// `fill(fillRule)` / `fill(path, fillRule)`.
    pub fn fill(&mut self, path: Option<&Path2D>, rule: FillRule) {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return;
        }
        let Some(ctm) = self.invertible_transform() else {
            return;
        };
        // Fills are cut in device space, where arcs get Chromium's outline.
        let device = match path {
            Some(p) => p.transformed(&ctm).to_skia_fill(),
            None => self.path.to_skia_fill(),
        };
        let Some(device) = device else { return };
        let style = self.state.fill_style.clone();
        self.paint_shape(
            &device,
            Affine::IDENTITY,
            ShapeKind::Fill(sk_rule(rule)),
            true,
            &style,
        );
    }

    /// `stroke()` / `stroke(path)`.
    pub fn stroke(&mut self, path: Option<&Path2D>) {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return;
        }
        let Some(ctm) = self.invertible_transform() else {
            return;
        };
        // Strokes are shaped in user space (line width, dashes), so the
        // device-space current path is taken back through the inverse.
        let user_path;
        let user = match path {
            Some(p) => p,
            None => {
                user_path = self.path.transformed(&ctm.inverse());
                &user_path
            }
        };
        // Solid strokes offset arcs in Chromium's quarter-turn pieces; dashes
        // are measured along the accurate arc, where their ends land as
        // Chromium's do.
        let user = if self.state.line.dash.is_empty() {
            user.to_skia_stroke()
        } else {
            user.to_skia()
        };
        let Some(user) = user else { return };
        if is_single_point(&user) {
            return;
        }
        let stroke = self.state.line.to_skia();
        let style = self.state.stroke_style.clone();
        self.paint_shape(&user, ctm, ShapeKind::Stroke(&stroke), true, &style);
    }

    /// Paints a tiny-skia path whose points map to device space through
    /// `path_to_device`, with `style` given in user space.
    pub(super) fn paint_shape(
        &mut self,
        sk_path: &tiny_skia::Path,
        path_to_device: Affine,
        kind: ShapeKind<'_>,
        anti_alias: bool,
        style: &Style,
    ) {
        let Some(ctm) = self.invertible_transform() else {
            return;
        };
        let quality = self.filter_quality();
        let area = match style {
            Style::Pattern(_) => self.paint_area(sk_path, path_to_device, &kind),
            _ => None,
        };
        let prepared = PreparedStyle::new(
            style,
            self.state.global_alpha as f32,
            quality,
            ctm,
            self.device_size(),
            area,
        );
        let mut shader = prepared.shader();
        // Shaders live in user space; the shape's transform is applied to
        // them too, so pre-map user → path space.
        shader.transform(render::to_skia_transform(&(path_to_device.inverse() * ctm)));
        let band;
        let mut params = super::draw_params(&self.state);
        if let Some(shadow) = params.shadow.as_mut().filter(|_| prepared.is_pattern()) {
            shadow.source = ShadowSource::PaintedAlpha;
        }
        if let Some((rect, pattern_to_user)) = prepared.band() {
            band = render::band_clip(
                (self.width, self.height),
                rect,
                ctm * pattern_to_user,
                params.clip,
            );
            match &band {
                Some(mask) => params.clip = Some(mask),
                None => return,
            }
        }
        let shape = Shape {
            path: sk_path,
            transform: render::to_skia_transform(&path_to_device),
            kind,
            anti_alias,
        };
        let Some(bitmap) = self.bitmap.as_mut() else {
            return;
        };
        crate::draw::draw(bitmap, &shape, shader, &params);
    }

    /// `clip(fillRule)` / `clip(path, fillRule)`: intersects the clip with
    /// the path's anti-aliased coverage. Ignored under a singular
    /// transform, as Chromium does.
    pub fn clip(&mut self, path: Option<&Path2D>, rule: FillRule) {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return;
        }
        let Some(ctm) = self.invertible_transform() else {
            return;
        };
        if self.bitmap.is_none() {
            return;
        }
        let device = match path {
            Some(p) => p.transformed(&ctm),
            None => self.path.clone(),
        };
        let (w, h) = (self.width, self.height);
        let bounds = tiny_skia::IntRect::from_xywh(0, 0, w, h);
        let coverage = device
            .to_skia_fill()
            .zip(bounds)
            .and_then(|(sk, b)| raster::fill_path(&sk, sk_rule(rule), b, Target::Clip));
        // No coverage (an empty path, or one outside the canvas) clips everything away.
        let mask = match coverage {
            Some(cov) => render::coverage_mask(&cov, w, h, self.state.clip.as_deref()),
            None => Mask::new(w, h),
        };
        if let Some(mask) = mask {
            self.state.clip = Some(Arc::new(mask));
        }
    }

    /// `isPointInPath(x, y, fillRule)` / `isPointInPath(path, x, y, fillRule)`:
    /// (x, y) is in canvas pixels, untransformed.
    pub fn is_point_in_path(&self, path: Option<&Path2D>, x: f64, y: f64, rule: FillRule) -> bool {
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return false;
        }
        if !x.is_finite() || !y.is_finite() {
            return false;
        }
        match path {
            None => self.path.contains(x, y, rule),
            Some(p) => {
                let Some(ctm) = self.invertible_transform() else {
                    return false;
                };
                p.transformed(&ctm).contains(x, y, rule)
            }
        }
    }

    /// `isPointInStroke(x, y)` / `isPointInStroke(path, x, y)`, with the
    /// current line style.
    pub fn is_point_in_stroke(&self, path: Option<&Path2D>, x: f64, y: f64) -> bool {
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return false;
        }
        if !x.is_finite() || !y.is_finite() {
            return false;
        }
        let Some(ctm) = self.invertible_transform() else {
            return false;
        };
        let inv = ctm.inverse();
        let user = match path {
            Some(p) => p.clone(),
            None => self.path.transformed(&inv),
        };
        let pt = inv * kurbo::Point::new(x, y);
        user.stroke_contains(pt.x, pt.y, &self.state.line)
    }
}

/// Whether every point of `path` is the same point: Chromium strokes such
/// a path (zero-length lines, curves, arcs, closed or not) as nothing,
/// whatever the cap, while a zero-length subpath beside a longer one still
/// gets its cap dot. (Hit testing is unaffected: `isPointInStroke` still
/// finds the dot.)
fn is_single_point(path: &tiny_skia::Path) -> bool {
    let b = path.bounds();
    b.width() == 0.0 && b.height() == 0.0
}
