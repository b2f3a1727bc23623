//! Replaying a recorded queue onto a canvas (PL §8): `reserve=false`
//! clears first; the drawing state always starts from the defaults, with
//! CSS px mapped to the backing store by the canvas's scale.

use std::collections::HashMap;

use kurbo::Affine;
use mpcanvas_canvas::{Context2d, FillRule, Image, ImageSource, Style};

use super::action::{Action, ImageRect, StyleValue};
use super::text::{DEFAULT_FONT, TextBackend, with_font_size};

/// Loads the image behind a `drawImage` path.
pub(crate) trait ImageLoader {
    /// The decoded image, or why not.
    fn load(&mut self, src: &str) -> Result<Image, String>;
}

/// What a replay noticed.
#[derive(Debug, Default)]
pub(crate) struct ReplayNotes {
    pub(crate) warnings: Vec<String>,
}

/// Replays `actions` onto `ctx`. `scale` maps CSS px to bitmap px.
pub(crate) fn replay(
    ctx: &mut Context2d,
    actions: &[Action],
    reserve: bool,
    scale: (f64, f64),
    images: &mut dyn ImageLoader,
    text: &mut dyn TextBackend,
) -> ReplayNotes {
    if reserve {
        // Back to the default state, keeping the pixels.
        while ctx.restore() {}
        ctx.begin_path();
        ctx.set_transform(Affine::IDENTITY);
    } else {
        ctx.reset();
    }
    // The base state stays at the bottom of the stack; the replay's own
    // unbalanced saves are unwound next time.
    ctx.save();
    let base = Affine::scale_non_uniform(scale.0, scale.1);
    ctx.set_transform(base);
    let mut r = Replayer {
        ctx,
        base,
        font: DEFAULT_FONT.to_owned(),
        font_stack: Vec::new(),
        images,
        cache: HashMap::new(),
        text,
        notes: ReplayNotes::default(),
    };
    for action in actions {
        r.apply(action);
    }
    r.notes
}

struct Replayer<'a> {
    ctx: &'a mut Context2d,
    base: Affine,
    font: String,
    font_stack: Vec<String>,
    images: &'a mut dyn ImageLoader,
    cache: HashMap<String, Result<Image, String>>,
    text: &'a mut dyn TextBackend,
    notes: ReplayNotes,
}

fn style(v: &StyleValue) -> Option<Style> {
    match v {
        StyleValue::Color(c) => mpcanvas_canvas::Color::parse(c).map(Style::Color),
        StyleValue::Gradient(g) => Some(Style::Gradient(g.clone())),
        StyleValue::Pattern(p) => Some(Style::Pattern(p.clone())),
    }
}

fn matrix(m: &[f64; 6]) -> Affine {
    Affine::new(*m)
}

impl Replayer<'_> {
    fn apply(&mut self, action: &Action) {
        let ctx = &mut *self.ctx;
        match action {
            Action::SetFillStyle(v) => {
                if let Some(s) = style(v) {
                    ctx.set_fill_style(s);
                }
            }
            Action::SetStrokeStyle(v) => {
                if let Some(s) = style(v) {
                    ctx.set_stroke_style(s);
                }
            }
            Action::SetShadow {
                offset_x,
                offset_y,
                blur,
                color,
            } => {
                ctx.set_shadow_offset_x(*offset_x);
                ctx.set_shadow_offset_y(*offset_y);
                ctx.set_shadow_blur(blur.clamp(0.0, 100.0));
                ctx.set_shadow_color(color);
            }
            Action::SetShadowOffsetX(v) => ctx.set_shadow_offset_x(*v),
            Action::SetShadowOffsetY(v) => ctx.set_shadow_offset_y(*v),
            Action::SetShadowBlur(v) => ctx.set_shadow_blur(*v),
            Action::SetShadowColor(c) => {
                ctx.set_shadow_color(c);
            }
            Action::SetFontSize(n) => {
                if n.is_finite() && *n > 0.0 {
                    self.font = with_font_size(&self.font, *n);
                }
            }
            Action::SetFont(f) => self.font = f.clone(),
            Action::SetGlobalAlpha(a) => ctx.set_global_alpha(*a),
            Action::SetGlobalCompositeOperation(op) => ctx.set_global_composite_operation(op),
            Action::SetLineWidth(w) => ctx.set_line_width(*w),
            Action::SetLineCap(c) => ctx.set_line_cap(c),
            Action::SetLineJoin(j) => ctx.set_line_join(j),
            Action::SetLineDash { pattern, offset } => {
                ctx.set_line_dash(pattern);
                ctx.set_line_dash_offset(*offset);
            }
            Action::SetLineDashOffset(o) => ctx.set_line_dash_offset(*o),
            Action::SetMiterLimit(m) => ctx.set_miter_limit(*m),
            Action::SetTextAlign(a) => ctx.set_text_align(a),
            Action::SetTextBaseline(b) => {
                // `normal` is the legacy API's name for the default.
                let b = if b == "normal" {
                    "alphabetic"
                } else {
                    b.as_str()
                };
                ctx.set_text_baseline(b);
            }
            Action::SetTransform(m) => {
                if m.iter().all(|v| v.is_finite()) {
                    ctx.set_transform(self.base * matrix(m));
                }
            }
            Action::Transform(m) => ctx.transform(m[0], m[1], m[2], m[3], m[4], m[5]),
            Action::Scale(x, y) => ctx.scale(*x, *y),
            Action::Rotate(a) => ctx.rotate(*a),
            Action::Translate(x, y) => ctx.translate(*x, *y),
            Action::Save => {
                if ctx.save() {
                    self.font_stack.push(self.font.clone());
                }
            }
            Action::Restore => {
                // Never pop the replay's base state.
                if let Some(font) = self.font_stack.pop() {
                    ctx.restore();
                    self.font = font;
                }
            }
            Action::BeginPath => ctx.begin_path(),
            Action::ClosePath => ctx.close_path(),
            Action::MoveTo(x, y) => ctx.move_to(*x, *y),
            Action::LineTo(x, y) => ctx.line_to(*x, *y),
            Action::QuadraticCurveTo(a, b, c, d) => ctx.quadratic_curve_to(*a, *b, *c, *d),
            Action::BezierCurveTo(m) => ctx.bezier_curve_to(m[0], m[1], m[2], m[3], m[4], m[5]),
            Action::Arc {
                x,
                y,
                radius,
                start,
                end,
                counterclockwise,
            } => {
                if let Err(e) = ctx.arc(*x, *y, *radius, *start, *end, *counterclockwise) {
                    self.notes.warnings.push(format!("arc: {}", e.message));
                }
            }
            Action::ArcTo(m) => {
                if let Err(e) = ctx.arc_to(m[0], m[1], m[2], m[3], m[4]) {
                    self.notes.warnings.push(format!("arcTo: {}", e.message));
                }
            }
            Action::Rect(x, y, w, h) => ctx.rect(*x, *y, *w, *h),
            Action::Fill => ctx.fill(None, FillRule::NonZero),
            Action::Stroke => ctx.stroke(None),
            Action::Clip => ctx.clip(None, FillRule::NonZero),
            Action::FillRect(x, y, w, h) => ctx.fill_rect(*x, *y, *w, *h),
            Action::StrokeRect(x, y, w, h) => ctx.stroke_rect(*x, *y, *w, *h),
            Action::ClearRect(x, y, w, h) => ctx.clear_rect(*x, *y, *w, *h),
            Action::FillText {
                text,
                x,
                y,
                max_width,
            } => self.text(text, *x, *y, *max_width, false),
            Action::StrokeText {
                text,
                x,
                y,
                max_width,
            } => self.text(text, *x, *y, *max_width, true),
            Action::DrawImage { src, rect } => self.draw_image(src, *rect),
        }
    }

    fn text(&mut self, text: &str, x: f64, y: f64, max_width: Option<f64>, stroke: bool) {
        if let Err(e) = self
            .text
            .draw_text(self.ctx, &self.font, text, x, y, max_width, stroke)
        {
            self.notes.warnings.push(format!("fillText '{text}': {e}"));
        }
    }

    fn draw_image(&mut self, src: &str, rect: ImageRect) {
        let loaded = self
            .cache
            .entry(src.to_owned())
            .or_insert_with(|| self.images.load(src));
        let image = match loaded {
            Ok(image) => image.clone(),
            Err(e) => {
                self.notes.warnings.push(format!("drawImage '{src}': {e}"));
                return;
            }
        };
        let source = ImageSource::Image(&image);
        let result = match rect {
            ImageRect::At(dx, dy) => self.ctx.draw_image_at(source, dx, dy),
            ImageRect::Scaled(dx, dy, dw, dh) => self.ctx.draw_image_scaled(source, dx, dy, dw, dh),
            ImageRect::Source(a) => self
                .ctx
                .draw_image(source, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]),
        };
        if let Err(e) = result {
            self.notes
                .warnings
                .push(format!("drawImage '{src}': {}", e.message));
        }
    }
}
