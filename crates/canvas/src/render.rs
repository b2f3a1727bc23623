//! The drawing pipeline every painting call goes through, following the
//! HTML rendering model: paint the shape (image A) with the style and
//! `globalAlpha`, draw its shadow from A if shadows are on, then composite A
//! within the clip using the composite operator.

use std::borrow::Cow;

use tiny_skia::{
    FillRule as SkFillRule, FilterQuality, IntRect, Mask, Paint, Path, PathBuilder, PathSegment,
    Pixmap, PixmapMut, Shader, Transform,
};

use crate::color::Color;
pub(crate) use crate::outline::stroke_outline;
use crate::raster::Coverage;
use crate::raster::aaa::Target;
use crate::style::{PatternParts, Style};

/// What to cover: a path in user space, the transform to device space, and
/// whether to fill or stroke it.
pub(crate) struct Shape<'a> {
    pub(crate) path: &'a Path,
    pub(crate) transform: Transform,
    pub(crate) kind: ShapeKind<'a>,
    pub(crate) anti_alias: bool,
}

/// Fill with a rule, or stroke with a tiny-skia stroke, or paint coverage
/// computed elsewhere (text glyph masks, in device space; the shape's path
/// and transform are then unused).
pub(crate) enum ShapeKind<'a> {
    Fill(SkFillRule),
    Stroke(&'a tiny_skia::Stroke),
    Coverage(&'a Coverage),
}

impl Shape<'_> {
    /// Renders the shape onto `pixmap`; `shift` is a device-space
    /// translation applied after the shape's own transform (shadow offsets,
    /// layer origins).
    pub(crate) fn render(
        &self,
        pixmap: &mut PixmapMut<'_>,
        paint: &Paint<'_>,
        shift: (f32, f32),
        mask: Option<&Mask>,
    ) {
        let ts = self.transform.post_translate(shift.0, shift.1);
        match self.kind {
            ShapeKind::Coverage(cov) => {
                // Painted where it lies, the coverage is read in place: a
                // canvas-sized fillRect's is a quarter of the bitmap.
                let (dx, dy) = (shift.0.round() as i32, shift.1.round() as i32);
                let cov = if (dx, dy) == (0, 0) {
                    Cow::Borrowed(cov)
                } else {
                    Cow::Owned(Coverage {
                        x: cov.x + dx,
                        y: cov.y + dy,
                        ..cov.clone()
                    })
                };
                paint_coverage(pixmap, cov, paint, ts, mask);
            }
            ShapeKind::Fill(rule) if self.anti_alias => {
                let Some(device) = self.path.clone().transform(ts) else {
                    return;
                };
                fill_with_coverage(pixmap, &device, rule, Target::Fill, paint, ts, mask);
            }
            ShapeKind::Fill(rule) => pixmap.fill_path(self.path, paint, rule, ts, mask),
            ShapeKind::Stroke(stroke) if is_hairline(stroke, ts) => {
                pixmap.stroke_path(self.path, paint, stroke, ts, mask);
            }
            ShapeKind::Stroke(stroke) => {
                let reach = tiny_skia::Rect::from_xywh(
                    0.0,
                    0.0,
                    pixmap.width() as f32,
                    pixmap.height() as f32,
                );
                let Some((outline, _charge)) = stroke_outline(self.path, stroke, ts, reach) else {
                    return;
                };
                let Some(device) = outline.transform(ts) else {
                    return;
                };
                fill_with_coverage(
                    pixmap,
                    &device,
                    SkFillRule::Winding,
                    Target::Stroke,
                    paint,
                    ts,
                    mask,
                );
            }
        }
    }

    /// Device-space bounds of what the shape can cover, or `None` when it
    /// covers nothing; a stroke's pen narrowed as its coverage of `reach`
    /// allows (see [`stroke_outline`]).
    pub(crate) fn device_bounds(&self, reach: Option<tiny_skia::Rect>) -> Option<tiny_skia::Rect> {
        let device = match self.kind {
            ShapeKind::Coverage(cov) => {
                return cov.rect();
            }
            ShapeKind::Fill(..) => self.path.clone().transform(self.transform)?,
            ShapeKind::Stroke(stroke) => {
                match stroke_outline(self.path, stroke, self.transform, reach) {
                    Some((outline, _charge)) => outline.transform(self.transform)?,
                    // Hairlines have no outline; a pixel around the path covers them.
                    None => self.path.clone().transform(self.transform)?,
                }
            }
        };
        let b = device.bounds();
        tiny_skia::Rect::from_ltrb(
            b.left() - 1.0,
            b.top() - 1.0,
            b.right() + 1.0,
            b.bottom() + 1.0,
        )
    }
}

impl Shape<'_> {
    /// The shape's anti-aliased coverage moved by `shift`, over at most
    /// `area`, computed straight into a single-channel mask — what
    /// [`render`](Shape::render) with an opaque white paint would leave in
    /// a layer's alpha. `None` when the shape needs a layer for that
    /// (hairlines and aliased fills) or covers nothing.
    pub(crate) fn device_coverage(&self, shift: (f32, f32), area: IntRect) -> Option<Coverage> {
        let ts = self.transform.post_translate(shift.0, shift.1);
        match self.kind {
            ShapeKind::Coverage(cov) => {
                let moved = Coverage {
                    x: cov.x + shift.0.round() as i32,
                    y: cov.y + shift.1.round() as i32,
                    width: cov.width,
                    height: cov.height,
                    data: cov.data.clone(),
                };
                cropped(Cow::Owned(moved), area).map(Cow::into_owned)
            }
            ShapeKind::Fill(rule) if self.anti_alias => {
                let device = self.path.clone().transform(ts)?;
                crate::raster::fill_path(&device, rule, area, Target::Fill)
            }
            ShapeKind::Stroke(stroke) if !is_hairline(stroke, ts) => {
                let (outline, _charge) =
                    stroke_outline(self.path, stroke, ts, Some(area.to_rect()))?;
                let device = outline.transform(ts)?;
                crate::raster::fill_path(&device, SkFillRule::Winding, area, Target::Stroke)
            }
            _ => None,
        }
    }

    /// The device-space rectangle this shape fills, when it is a fill of
    /// exactly one axis-aligned rectangle (Skia blurs those analytically).
    pub(crate) fn device_rect(&self) -> Option<tiny_skia::Rect> {
        if !matches!(self.kind, ShapeKind::Fill(..)) {
            return None;
        }
        let device = self.path.clone().transform(self.transform)?;
        let b = device.bounds();
        // One contour of straight lines, closed at most at its end; a
        // closing point equal to the start adds nothing.
        let mut points = Vec::with_capacity(5);
        let mut closed = false;
        for (i, segment) in device.segments().enumerate() {
            match segment {
                PathSegment::MoveTo(p) if i == 0 => points.push(p),
                PathSegment::LineTo(p) if !closed => points.push(p),
                PathSegment::Close if !closed => closed = true,
                _ => return None,
            }
        }
        if points.len() == 5 && points[4] == points[0] {
            points.pop();
        }
        if points.len() != 4 {
            return None;
        }
        let corner = |p: &tiny_skia::Point| {
            (p.x == b.left() || p.x == b.right()) && (p.y == b.top() || p.y == b.bottom())
        };
        let axis_aligned = (0..4).all(|i| {
            let (p, q) = (points[i], points[(i + 1) % 4]);
            (p.x == q.x) != (p.y == q.y)
        });
        (points.iter().all(corner) && axis_aligned && b.width() > 0.0 && b.height() > 0.0)
            .then_some(b)
    }
}

/// Whether a stroke is drawn as a hairline: when the pen is at most one
/// device pixel wide both ways (measured as max + min/2 of the mapped
/// width vectors), Skia draws a one-pixel line with alpha scaled by the
/// width instead of filling an outline, and so does tiny-skia.
fn is_hairline(stroke: &tiny_skia::Stroke, ts: Transform) -> bool {
    let w = stroke.width;
    if w == 0.0 {
        return true;
    }
    let fast_len = |x: f32, y: f32| {
        let (a, b) = (x.abs(), y.abs());
        if a > b { a + b / 2.0 } else { b + a / 2.0 }
    };
    fast_len(ts.sx * w, ts.ky * w) <= 1.0 && fast_len(ts.kx * w, ts.sy * w) <= 1.0
}

/// Fills a device-space path with our analytic coverage: the coverage mask
/// (times the clip) drives tiny-skia's paint pipeline over its bounds.
fn fill_with_coverage(
    pixmap: &mut PixmapMut<'_>,
    device: &Path,
    rule: SkFillRule,
    target: Target,
    paint: &Paint<'_>,
    shader_ts: Transform,
    clip: Option<&Mask>,
) {
    let Some(bounds) = IntRect::from_xywh(0, 0, pixmap.width(), pixmap.height()) else {
        return;
    };
    let Some(cov) = crate::raster::fill_path(device, rule, bounds, target) else {
        return;
    };
    paint_coverage(pixmap, Cow::Owned(cov), paint, shader_ts, clip);
}

/// Paints `cov` (clipped to the pixmap) with `paint`, times `clip`.
pub(crate) fn paint_coverage(
    pixmap: &mut PixmapMut<'_>,
    cov: Cow<'_, Coverage>,
    paint: &Paint<'_>,
    shader_ts: Transform,
    clip: Option<&Mask>,
) {
    let (width, height) = (pixmap.width(), pixmap.height());
    let Some(cov) = clipped(cov, width, height) else {
        return;
    };
    if let Some(color) = crate::solid::Solid::of(paint) {
        crate::solid::paint(pixmap, &cov, color, clip);
        return;
    }
    let Some(rect) = cov.rect() else {
        return;
    };
    let mut paint = paint.clone();
    paint.shader.transform(shader_ts);
    paint.anti_alias = false;
    if cov.data.iter().all(|&c| c == 255) {
        // Fully covered (a pixel-aligned rectangle): no coverage mask, the
        // clip (if any) is the mask.
        pixmap.fill_rect(rect, &paint, Transform::identity(), clip);
        return;
    }
    let Some(area) = IntRect::from_xywh(cov.x, cov.y, cov.width, cov.height) else {
        return;
    };
    crate::mask_pool::with_mask(width, height, area, |mask| {
        write_coverage(mask, &cov, clip);
        pixmap.fill_rect(rect, &paint, Transform::identity(), Some(mask));
    });
}

/// The part of `cov` inside a `width × height` target, or `None` when
/// nothing is left.
fn clipped(cov: Cow<'_, Coverage>, width: u32, height: u32) -> Option<Cow<'_, Coverage>> {
    cropped(cov, IntRect::from_xywh(0, 0, width, height)?)
}

/// The part of `cov` inside `area` (`cov` itself when it lies inside), or
/// `None` when nothing is left.
fn cropped(cov: Cow<'_, Coverage>, area: IntRect) -> Option<Cow<'_, Coverage>> {
    let (x0, y0) = (cov.x.max(area.x()), cov.y.max(area.y()));
    let x1 = (cov.x + cov.width as i32).min(area.right());
    let y1 = (cov.y + cov.height as i32).min(area.bottom());
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    if (x0, y0, x1 - x0, y1 - y0) == (cov.x, cov.y, cov.width as i32, cov.height as i32) {
        return Some(cov);
    }
    let w = (x1 - x0) as usize;
    let mut data = Vec::with_capacity(w * (y1 - y0) as usize);
    for y in y0..y1 {
        let start = (y - cov.y) as usize * cov.width as usize + (x0 - cov.x) as usize;
        data.extend_from_slice(&cov.data[start..start + w]);
    }
    Some(Cow::Owned(Coverage {
        x: x0,
        y: y0,
        width: w as u32,
        height: (y1 - y0) as u32,
        data,
    }))
}

/// A full-size mask holding `cov` (multiplied by `clip` where given).
pub(crate) fn coverage_mask(
    cov: &Coverage,
    width: u32,
    height: u32,
    clip: Option<&Mask>,
) -> Option<Mask> {
    let mut mask = Mask::new(width, height)?;
    write_coverage(&mut mask, cov, clip);
    Some(mask)
}

/// Writes `cov` (which lies inside `mask`) into `mask`, multiplied by
/// `clip` where given.
fn write_coverage(mask: &mut Mask, cov: &Coverage, clip: Option<&Mask>) {
    let w = mask.width() as usize;
    for row in 0..cov.height as usize {
        let y = cov.y as usize + row;
        let src = &cov.data[row * cov.width as usize..(row + 1) * cov.width as usize];
        let start = y * w + cov.x as usize;
        let dst = &mut mask.data_mut()[start..start + src.len()];
        match clip {
            Some(c) => {
                let clip_row = &c.data()[start..start + src.len()];
                for ((d, s), k) in dst.iter_mut().zip(src).zip(clip_row) {
                    *d = mul_255(*s, *k);
                }
            }
            None => dst.copy_from_slice(src),
        }
    }
}

/// a × b / 255, rounded.
pub(crate) fn mul_255(a: u8, b: u8) -> u8 {
    let p = a as u32 * b as u32 + 128;
    ((p + (p >> 8)) >> 8) as u8
}

/// A style resolved for one draw call: owns what the shader borrows.
pub(crate) enum PreparedStyle {
    Shader(Shader<'static>),
    Pattern {
        parts: PatternParts,
        quality: FilterQuality,
        opacity: f32,
    },
}

impl PreparedStyle {
    /// Resolves `style` with `global_alpha` folded in. Gradients that paint
    /// nothing become transparent black, which still matters for the
    /// operators that clear outside the source.
    /// `ctm` is the user → device transform (patterns drawn smaller sample
    /// a pre-shrunk level), `device` the bitmap's width and height, `area`
    /// the device pixels the draw can reach (a repeating pattern is
    /// resampled into them as Chromium does, see
    /// [`crate::resample::pattern`]).
    pub(crate) fn new(
        style: &Style,
        global_alpha: f32,
        quality: FilterQuality,
        ctm: kurbo::Affine,
        device: (f64, f64),
        area: Option<IntRect>,
    ) -> Self {
        match style {
            Style::Color(c) => PreparedStyle::Shader(solid(*c, global_alpha)),
            Style::Gradient(g) => PreparedStyle::Shader(
                g.shader(global_alpha)
                    .unwrap_or(Shader::SolidColor(tiny_skia::Color::TRANSPARENT)),
            ),
            Style::Pattern(p) => {
                let [a, b, c, d, _, _] = (ctm * p.transform()).as_coeffs();
                let scale = if quality == FilterQuality::Nearest {
                    (1.0, 1.0)
                } else {
                    (a.hypot(b), c.hypot(d))
                };
                let parts = p.paint_parts(scale);
                let det = parts.transform.determinant();
                if det == 0.0 || !det.is_finite() {
                    // A pattern matrix that cannot be inverted paints
                    // nothing (tiny-skia would sample one texel instead).
                    return PreparedStyle::Shader(Shader::SolidColor(
                        tiny_skia::Color::TRANSPARENT,
                    ));
                }
                let sampled = area
                    .filter(|_| quality != FilterQuality::Nearest)
                    .and_then(|area| crate::resample::pattern::sample_repeating(&parts, ctm, area));
                if let Some(parts) = sampled {
                    return PreparedStyle::Pattern {
                        parts,
                        quality: FilterQuality::Nearest,
                        opacity: global_alpha,
                    };
                }
                let transform = nearest_bias(parts.transform, ctm, device, quality);
                PreparedStyle::Pattern {
                    parts: PatternParts { transform, ..parts },
                    quality,
                    opacity: global_alpha,
                }
            }
        }
    }

    pub(crate) fn shader(&self) -> Shader<'_> {
        match self {
            PreparedStyle::Shader(s) => s.clone(),
            PreparedStyle::Pattern {
                parts,
                quality,
                opacity,
            } => tiny_skia::Pattern::new(
                parts.image.pixmap().as_ref(),
                parts.spread,
                *quality,
                *opacity,
                to_skia_transform(&parts.transform),
            ),
        }
    }

    /// Whether this is a pattern: Chromium assumes patterns have
    /// transparent parts and shadows them like non-opaque images, blurring
    /// the painted alpha.
    pub(crate) fn is_pattern(&self) -> bool {
        matches!(self, PreparedStyle::Pattern { .. })
    }

    /// For repeat-x / repeat-y patterns: the strip the tiles are limited to,
    /// in pattern space, with the pattern → user transform.
    pub(crate) fn band(&self) -> Option<(kurbo::Rect, kurbo::Affine)> {
        match self {
            PreparedStyle::Pattern { parts, .. } => parts.band.map(|b| (b, parts.transform)),
            PreparedStyle::Shader(_) => None,
        }
    }
}

/// For nearest-neighbour sampling, shifts the image by a hair so that a
/// pixel centre landing exactly on a texel boundary samples the texel
/// before it, as Chromium does (Skia nudges the device → image translation
/// down and evaluates the matrix with fused multiply-adds; tiny-skia's
/// unfused f32 arithmetic can land a rounding step past the boundary).
/// The hair is two float steps of the largest sample coordinate term over
/// the `device` bitmap (width, height): above the rounding difference, yet
/// small enough that a centre a little past a boundary keeps its texel.
/// `image_to_user` maps image pixels to user space, `user_to_device` user
/// space to device pixels.
pub(crate) fn nearest_bias(
    image_to_user: kurbo::Affine,
    user_to_device: kurbo::Affine,
    device: (f64, f64),
    quality: FilterQuality,
) -> kurbo::Affine {
    if quality != FilterQuality::Nearest {
        return image_to_user;
    }
    let [a, b, c, d, e, f] = (user_to_device * image_to_user).inverse().as_coeffs();
    let hair = |largest: f64| {
        let m = largest as f32;
        if m.is_finite() {
            2.0 * (m.next_up() - m) as f64
        } else {
            0.0
        }
    };
    let (w, h) = device;
    let hx = hair(a.abs() * w + c.abs() * h + e.abs());
    let hy = hair(b.abs() * w + d.abs() * h + f.abs());
    // Moving the image by +s in its own space moves each sampled texel
    // coordinate by -s.
    image_to_user * kurbo::Affine::translate((hx, hy))
}

/// A solid colour shader with `alpha` multiplied in.
pub(crate) fn solid(color: Color, alpha: f32) -> Shader<'static> {
    let mut c = color.to_skia();
    c.apply_opacity(alpha);
    Shader::SolidColor(c)
}

/// kurbo's f64 affine as tiny-skia's f32 transform.
pub(crate) fn to_skia_transform(t: &kurbo::Affine) -> Transform {
    let [a, b, c, d, e, f] = t.as_coeffs();
    Transform::from_row(a as f32, b as f32, c as f32, d as f32, e as f32, f as f32)
}

/// Clears `path` (user space, through `transform`) to transparent black
/// within the clip, regardless of alpha, operator and shadows (`clearRect`).
/// Not anti-aliased: Chromium clears with a plain (non-AA) rect fill, so a
/// rotated hole has hard edges.
pub(crate) fn clear(target: &mut Pixmap, path: &Path, transform: Transform, clip: Option<&Mask>) {
    // dst × (1 − coverage). Not BlendMode::Clear: tiny-skia's clear fast
    // path for rects ignores the mask.
    let paint = Paint {
        shader: Shader::SolidColor(tiny_skia::Color::BLACK),
        blend_mode: tiny_skia::BlendMode::DestinationOut,
        anti_alias: false,
        ..Paint::default()
    };
    target.fill_path(path, &paint, SkFillRule::Winding, transform, clip);
}

/// The clip mask to use for a repeat-x / repeat-y pattern draw: the current
/// clip intersected with the pattern's band mapped to device space.
pub(crate) fn band_clip<'m>(
    size: (u32, u32),
    band: kurbo::Rect,
    pattern_to_device: kurbo::Affine,
    clip: Option<&'m Mask>,
) -> Option<Cow<'m, Mask>> {
    // The band is infinite along one axis; cut it to what can reach the
    // canvas by mapping the canvas corners into pattern space.
    let inverse = pattern_to_device.inverse();
    let corners = [
        (0.0, 0.0),
        (size.0 as f64, 0.0),
        (0.0, size.1 as f64),
        (size.0 as f64, size.1 as f64),
    ];
    let mut reach = kurbo::Rect::from_points(
        inverse * kurbo::Point::from(corners[0]),
        inverse * kurbo::Point::from(corners[3]),
    );
    for c in corners {
        reach = reach.union_pt(inverse * kurbo::Point::from(c));
    }
    let cut = band.intersect(reach.inflate(1.0, 1.0));
    let mut pb = PathBuilder::new();
    let r = tiny_skia::Rect::from_ltrb(cut.x0 as f32, cut.y0 as f32, cut.x1 as f32, cut.y1 as f32)?;
    pb.push_rect(r);
    let path = pb.finish()?;
    let ts = to_skia_transform(&pattern_to_device);
    let mut mask = match clip {
        Some(m) => m.clone(),
        None => {
            let mut m = Mask::new(size.0, size.1)?;
            m.fill_path(&path, SkFillRule::Winding, true, ts);
            return Some(Cow::Owned(m));
        }
    };
    mask.intersect_path(&path, SkFillRule::Winding, true, ts);
    Some(Cow::Owned(mask))
}
