//! Rectangles: `fillRect`, `strokeRect`, `clearRect`. They draw without
//! touching the current path.

use tiny_skia::{FillRule as SkFillRule, PathBuilder};

use super::Context2d;
use crate::line::LineJoin;
use crate::render::{self, ShapeKind};

/// The rectangle spanned by (x, y) and (x + w, y + h), as a tiny-skia path.
fn rect_path(x: f64, y: f64, w: f64, h: f64) -> Option<tiny_skia::Path> {
    let (l, r) = if w < 0.0 { (x + w, x) } else { (x, x + w) };
    let (t, b) = if h < 0.0 { (y + h, y) } else { (y, y + h) };
    let rect = tiny_skia::Rect::from_ltrb(l as f32, t as f32, r as f32, b as f32)?;
    Some(PathBuilder::from_rect(rect))
}

fn finite(values: &[f64]) -> bool {
    values.iter().all(|v| v.is_finite())
}

impl Context2d {
    /// `fillRect(x, y, w, h)`: non-finite arguments or a zero side draw
    /// nothing.
    pub fn fill_rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return;
        }
        if !finite(&[x, y, w, h]) || w == 0.0 || h == 0.0 {
            return;
        }
        let Some(ctm) = self.invertible_transform() else {
            return;
        };
        let style = self.state.fill_style.clone();
        // Skia fills a rectangle that stays one on the device with its own
        // rect filler (1/256 px edges), not the path rasterizer. (Shadowed
        // rectangles keep the path, whose blurred shadows match Chromium.)
        if self.transform_keeps_rects() && !self.state.shadow.is_visible() {
            let [l, t, r, b] = self.held_device_rect(&ctm, x, y, w, h);
            let Some(bounds) = tiny_skia::IntRect::from_xywh(0, 0, self.width, self.height) else {
                return;
            };
            if self.fill_axis_gradient(&style, &ctm, [l, t, r, b], bounds) {
                return;
            }
            if let Some(cov) = crate::raster::rect::rect_coverage(l, t, r, b, bounds) {
                self.paint_coverage(&cov, &style);
            }
            return;
        }
        let Some(path) = rect_path(x, y, w, h) else {
            return;
        };
        self.paint_shape(
            &path,
            ctm,
            ShapeKind::Fill(SkFillRule::Winding),
            true,
            &style,
        );
    }

    /// `strokeRect(x, y, w, h)`: the closed rectangle's outline. With one
    /// side zero it is a closed two-point path, so no caps are drawn (what
    /// Chromium does; the spec's open line would get caps); with both zero,
    /// nothing.
    pub fn stroke_rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return;
        }
        if !finite(&[x, y, w, h]) || (w == 0.0 && h == 0.0) {
            return;
        }
        let Some(ctm) = self.invertible_transform() else {
            return;
        };
        let style = self.state.stroke_style.clone();
        if let Some(cov) = self.frame_coverage(x, y, w, h)
            && self.paint_coverage(&cov, &style)
        {
            return;
        }
        if let Some(frame) = self.miter_frame(x, y, w, h) {
            self.paint_shape(
                &frame,
                ctm,
                ShapeKind::Fill(SkFillRule::Winding),
                true,
                &style,
            );
            return;
        }
        let mut pb = PathBuilder::new();
        pb.move_to(x as f32, y as f32);
        pb.line_to((x + w) as f32, y as f32);
        pb.line_to((x + w) as f32, (y + h) as f32);
        pb.line_to(x as f32, (y + h) as f32);
        pb.close();
        let Some(path) = pb.finish() else { return };
        let stroke = self.state.line.to_skia();
        self.paint_shape(&path, ctm, ShapeKind::Stroke(&stroke), true, &style);
    }

    /// Paints device-space coverage computed by Skia's rect filler; false
    /// (nothing painted) when the coverage is empty.
    fn paint_coverage(
        &mut self,
        cov: &crate::raster::Coverage,
        style: &crate::style::Style,
    ) -> bool {
        let Some(rect) = cov.rect() else {
            return false;
        };
        let outline = PathBuilder::from_rect(rect);
        self.paint_shape(
            &outline,
            kurbo::Affine::IDENTITY,
            ShapeKind::Coverage(cov),
            true,
            style,
        );
        true
    }

    /// Fills the device rectangle `ltrb` with `style` row by row when it
    /// is pixel-aligned and an opaque linear gradient varying along one
    /// device axis, drawn source-over without a clip (see
    /// [`axis_gradient`](crate::axis_gradient)). Returns whether it did.
    fn fill_axis_gradient(
        &mut self,
        style: &crate::style::Style,
        ctm: &kurbo::Affine,
        [l, t, r, b]: [f64; 4],
        bounds: tiny_skia::IntRect,
    ) -> bool {
        use crate::axis_gradient::{fill, varying_axis};
        let crate::style::Style::Gradient(g) = style else {
            return false;
        };
        let aligned = [l, t, r, b].iter().all(|v| v.fract() == 0.0);
        if !aligned
            || self.state.clip.is_some()
            || self.state.composite != crate::CompositeOp::SourceOver
            || self.state.global_alpha != 1.0
        {
            return false;
        }
        let Some(axis) = varying_axis(&g.kind(), ctm) else {
            return false;
        };
        let Some(mut shader) = g.shader(1.0) else {
            return false;
        };
        shader.transform(crate::render::to_skia_transform(ctm));
        let Some(area) = tiny_skia::IntRect::from_ltrb(l as i32, t as i32, r as i32, b as i32)
            .and_then(|a| a.intersect(&bounds))
        else {
            return false;
        };
        let Some(bitmap) = self.bitmap.as_mut() else {
            return false;
        };
        fill(bitmap, area, &shader, axis)
    }

    /// A stroked rectangle's coverage as Skia's frame filler computes it:
    /// where [`miter_frame`](Self::miter_frame) applies, the pen is at
    /// least a device pixel wide both ways and no shadow is drawn (the
    /// shadowed ones keep the path). `None` otherwise.
    fn frame_coverage(&self, x: f64, y: f64, w: f64, h: f64) -> Option<crate::raster::Coverage> {
        if self.state.shadow.is_visible()
            || !self.transform_keeps_rects()
            || self.miter_frame(x, y, w, h).is_none()
        {
            return None;
        }
        let (sx, sy) = self.device_scale();
        let half = self.state.line.width / 2.0;
        if half * 2.0 * sx < 1.0 || half * 2.0 * sy < 1.0 {
            return None;
        }
        let ctm = self.state.transform;
        let device = |l: f64, t: f64, r: f64, b: f64| {
            let (p, q) = (ctm * kurbo::Point::new(l, t), ctm * kurbo::Point::new(r, b));
            [p.x.min(q.x), p.y.min(q.y), p.x.max(q.x), p.y.max(q.y)]
        };
        let (l, r) = if w < 0.0 { (x + w, x) } else { (x, x + w) };
        let (t, b) = if h < 0.0 { (y + h, y) } else { (y, y + h) };
        let outer = device(l - half, t - half, r + half, b + half);
        let inner = (r - l > 2.0 * half && b - t > 2.0 * half)
            .then(|| device(l + half, t + half, r - half, b - half));
        let bounds = tiny_skia::IntRect::from_xywh(0, 0, self.width, self.height)?;
        crate::raster::rect::frame_coverage(outer, inner, bounds)
    }

    /// The stroke of a rectangle as the filled frame between two
    /// rectangles, when that is exactly what the stroker would produce:
    /// square miter corners (join miter, limit ≥ √2), no dashes, both sides
    /// non-zero. Skia (so Chromium) strokes such rectangles this way under
    /// any transform (four-point contours, no collinear joints), without
    /// the thin-line mode other one-pixel strokes get.
    fn miter_frame(&self, x: f64, y: f64, w: f64, h: f64) -> Option<tiny_skia::Path> {
        let line = &self.state.line;
        let dashed = line.dash.iter().any(|d| *d != 0.0);
        if w == 0.0
            || h == 0.0
            || dashed
            || line.join != LineJoin::Miter
            || line.miter_limit < std::f64::consts::SQRT_2
        {
            return None;
        }
        let (l, r) = if w < 0.0 { (x + w, x) } else { (x, x + w) };
        let (t, b) = if h < 0.0 { (y + h, y) } else { (y, y + h) };
        let half = line.width / 2.0;
        let mut pb = PathBuilder::new();
        pb.push_rect(tiny_skia::Rect::from_ltrb(
            (l - half) as f32,
            (t - half) as f32,
            (r + half) as f32,
            (b + half) as f32,
        )?);
        if r - l > line.width && b - t > line.width {
            // The hole, wound the other way.
            let (il, it, ir, ib) = (
                (l + half) as f32,
                (t + half) as f32,
                (r - half) as f32,
                (b - half) as f32,
            );
            pb.move_to(il, it);
            pb.line_to(il, ib);
            pb.line_to(ir, ib);
            pb.line_to(ir, it);
            pb.close();
        }
        pb.finish()
    }

    /// `clearRect(x, y, w, h)`: transparent black within the clip,
    /// regardless of alpha, operator and shadow.
    pub fn clear_rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return;
        }
        if !finite(&[x, y, w, h]) || w == 0.0 || h == 0.0 {
            return;
        }
        let Some(ctm) = self.invertible_transform() else {
            return;
        };
        // A rectangle that stays one is cleared in device space, held to
        // the canvas: the path filler skips a path as huge as
        // `clearRect(-1e13, 0, 2e13, 10)`, which a browser clears.
        let (path, ctm) = if self.transform_keeps_rects() {
            let [l, t, r, b] = self.held_device_rect(&ctm, x, y, w, h);
            (rect_path(l, t, r - l, b - t), kurbo::Affine::IDENTITY)
        } else {
            (rect_path(x, y, w, h), ctm)
        };
        let Some(path) = path else {
            return;
        };
        let clip = self.state.clip.clone();
        let Some(bitmap) = self.bitmap.as_mut() else {
            return;
        };
        render::clear(
            bitmap,
            &path,
            render::to_skia_transform(&ctm),
            clip.as_deref(),
        );
    }

    /// The device rectangle `[l, t, r, b]` of the user rectangle
    /// `(x, y, w, h)` under `ctm` (one that keeps rectangles), each edge
    /// held at most a pixel outside the canvas: what is inside is covered
    /// as before, and huge rectangles stay within what the rasterizers take.
    fn held_device_rect(&self, ctm: &kurbo::Affine, x: f64, y: f64, w: f64, h: f64) -> [f64; 4] {
        let (p, q) = (
            *ctm * kurbo::Point::new(x, y),
            *ctm * kurbo::Point::new(x + w, y + h),
        );
        let hold = |v: f64, size: u32| v.clamp(-1.0, f64::from(size) + 1.0);
        [
            hold(p.x.min(q.x), self.width),
            hold(p.y.min(q.y), self.height),
            hold(p.x.max(q.x), self.width),
            hold(p.y.max(q.y), self.height),
        ]
    }

    /// Whether the current transform keeps axis-aligned rectangles
    /// axis-aligned (no rotation or skew other than multiples of 90°).
    pub(super) fn transform_keeps_rects(&self) -> bool {
        let [a, b, c, d, _, _] = self.state.transform.as_coeffs();
        (b == 0.0 && c == 0.0) || (a == 0.0 && d == 0.0)
    }

    /// Device-space scale factors of the current transform along x and y.
    pub(super) fn device_scale(&self) -> (f64, f64) {
        let [a, b, c, d, _, _] = self.state.transform.as_coeffs();
        (a.hypot(b), c.hypot(d))
    }
}
