//! Opaque linear gradients that vary along one device axis only (the
//! usual poster background), filled over a pixel-aligned rectangle by
//! computing one column (or row) with tiny-skia's own gradient pipeline and
//! copying it: the same pixels as shading every pixel, at the cost of one
//! strip plus the copies.

use tiny_skia::{IntRect, Paint, Pixmap, Rect, Shader, Transform};

use crate::style::GradientKind;

/// The device axis a gradient's colour changes along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Axis {
    /// Changes with y; every row is one colour.
    Vertical,
    /// Changes with x; every row is the same.
    Horizontal,
}

/// The one device axis a linear gradient `kind` varies along under the
/// user → device transform `ctm`: only for a scale-and-translate `ctm` and
/// a gradient vector along x or y, where the shader's coefficient for the
/// other axis is exactly zero.
pub(crate) fn varying_axis(kind: &GradientKind, ctm: &kurbo::Affine) -> Option<Axis> {
    let GradientKind::Linear { x0, y0, x1, y1 } = *kind else {
        return None;
    };
    let [_, b, c, _, _, _] = ctm.as_coeffs();
    if b != 0.0 || c != 0.0 {
        return None;
    }
    match (x0 == x1, y0 == y1) {
        (true, false) => Some(Axis::Vertical),
        (false, true) => Some(Axis::Horizontal),
        _ => None,
    }
}

/// Paints `area` (inside `pixmap`) with `shader` (device space) as a
/// source-over fill would, when the gradient is opaque over it and really
/// constant across `axis`'s other direction. Returns `false`, having drawn
/// nothing, otherwise.
pub(crate) fn fill(pixmap: &mut Pixmap, area: IntRect, shader: &Shader<'_>, axis: Axis) -> bool {
    let (w, h) = (area.width(), area.height());
    // The strip at both ends of the other axis: equal, or no fast path.
    let (strip_w, strip_h, far) = match axis {
        Axis::Vertical => (1, h, (area.width() as i32 - 1, 0)),
        Axis::Horizontal => (w, 1, (0, area.height() as i32 - 1)),
    };
    let Some(near) = strip(shader, area.x(), area.y(), strip_w, strip_h) else {
        return false;
    };
    let Some(other) = strip(shader, area.x() + far.0, area.y() + far.1, strip_w, strip_h) else {
        return false;
    };
    if near.data() != other.data() || near.data().chunks_exact(4).any(|p| p[3] != 255) {
        return false;
    }
    let stride = pixmap.width() as usize * 4;
    let (x0, y0) = (area.x() as usize * 4, area.y() as usize);
    let row_bytes = w as usize * 4;
    let data = pixmap.data_mut();
    for row in 0..h as usize {
        let start = (y0 + row) * stride + x0;
        let dst = &mut data[start..start + row_bytes];
        match axis {
            Axis::Horizontal => dst.copy_from_slice(near.data()),
            Axis::Vertical => {
                let px = &near.data()[row * 4..row * 4 + 4];
                for d in dst.chunks_exact_mut(4) {
                    d.copy_from_slice(px);
                }
            }
        }
    }
    true
}

/// `shader` over the `w × h` device pixels from (`x`, `y`), as painted
/// (premultiplied) onto nothing.
fn strip(shader: &Shader<'_>, x: i32, y: i32, w: u32, h: u32) -> Option<Pixmap> {
    let mut out = Pixmap::new(w, h)?;
    let mut shader = shader.clone();
    shader.transform(Transform::from_translate(-x as f32, -y as f32));
    let paint = Paint {
        shader,
        blend_mode: tiny_skia::BlendMode::Source,
        anti_alias: false,
        ..Paint::default()
    };
    out.fill_rect(
        Rect::from_xywh(0.0, 0.0, w as f32, h as f32)?,
        &paint,
        Transform::identity(),
        None,
    );
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::CanvasGradient;

    /// The pixels tiny-skia's pipeline paints for `shader` over `area`.
    fn shaded(size: (u32, u32), area: IntRect, shader: &Shader<'_>) -> Pixmap {
        let mut p = Pixmap::new(size.0, size.1).unwrap();
        let paint = Paint {
            shader: shader.clone(),
            anti_alias: false,
            ..Paint::default()
        };
        p.fill_rect(area.to_rect(), &paint, Transform::identity(), None);
        p
    }

    fn gradient(x0: f64, y0: f64, x1: f64, y1: f64, end: &str) -> CanvasGradient {
        let g = CanvasGradient::linear(x0, y0, x1, y1).unwrap();
        g.add_color_stop(0.0, "#ff9a8b").unwrap();
        g.add_color_stop(0.5, "#ff6a88").unwrap();
        g.add_color_stop(1.0, end).unwrap();
        g
    }

    #[test]
    fn rows_and_columns_copy_the_pipelines_own_pixels() {
        let ctm = kurbo::Affine::new([2.0, 0.0, 0.0, 2.0, 3.0, 1.0]);
        let area = IntRect::from_xywh(3, 1, 37, 53).unwrap();
        for (g, axis) in [
            (gradient(0.0, 0.0, 0.0, 30.0, "#ff99ac"), Axis::Vertical),
            (gradient(2.0, 0.0, 17.0, 0.0, "#4facfe"), Axis::Horizontal),
        ] {
            assert_eq!(varying_axis(&g.kind(), &ctm), Some(axis));
            let mut shader = g.shader(1.0).unwrap();
            shader.transform(crate::render::to_skia_transform(&ctm));
            let mut fast = Pixmap::new(48, 60).unwrap();
            assert!(
                fill(&mut fast, area, &shader, axis),
                "{axis:?} takes the fast path"
            );
            assert_eq!(
                fast.data(),
                shaded((48, 60), area, &shader).data(),
                "{axis:?}"
            );
        }
    }

    #[test]
    fn translucent_or_slanted_gradients_are_left_to_the_pipeline() {
        let ctm = kurbo::Affine::IDENTITY;
        let area = IntRect::from_xywh(0, 0, 20, 20).unwrap();
        let translucent = gradient(0.0, 0.0, 0.0, 20.0, "rgba(0, 0, 255, 0.5)");
        let shader = translucent.shader(1.0).unwrap();
        let mut p = Pixmap::new(20, 20).unwrap();
        assert!(!fill(&mut p, area, &shader, Axis::Vertical));
        assert!(p.data().iter().all(|&b| b == 0), "nothing drawn");
        let slanted = gradient(0.0, 0.0, 10.0, 20.0, "#000");
        assert_eq!(varying_axis(&slanted.kind(), &ctm), None);
        let rotated = kurbo::Affine::rotate(0.3);
        let upright = gradient(0.0, 0.0, 0.0, 20.0, "#000");
        assert_eq!(varying_axis(&upright.kind(), &rotated), None);
    }
}
