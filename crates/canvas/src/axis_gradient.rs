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
