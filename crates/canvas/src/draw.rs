//! One draw of the canvas rendering model: the shadow, then the shape,
//! composited with the operator within the clip.

use tiny_skia::{Paint, Pixmap, Shader};

use crate::draw_params::DrawParams;
use crate::render::Shape;
use crate::shadow::draw::draw_shadow;

/// Paints `shape` with `shader` onto `target` per the rendering model.
pub(crate) fn draw(
    target: &mut Pixmap,
    shape: &Shape<'_>,
    shader: Shader<'_>,
    params: &DrawParams<'_>,
) {
    let mut paint = Paint {
        shader,
        anti_alias: shape.anti_alias,
        ..Paint::default()
    };
    if let Some(shadow) = &params.shadow {
        draw_shadow(target, shape, &paint, shadow, params);
        // A shadow stopped at the deadline or refused its scratch memory
        // ends the step: the run is ending.
        if crate::budget::expired() {
            return;
        }
    }
    if crate::unbounded::handles(params.op) {
        // Composite the whole source image over the whole clip: outside the
        // shape the source is transparent, which these operators clear.
        // The layer is scratch charged to the run's budget while it lives.
        let bytes = u64::from(target.width()) * u64::from(target.height()) * 4;
        let Some(_scratch) = crate::budget::scratch(bytes) else {
            return;
        };
        let Some(mut layer) = Pixmap::new(target.width(), target.height()) else {
            return;
        };
        shape.render(&mut layer.as_mut(), &paint, (0.0, 0.0), None);
        crate::unbounded::composite(target, &layer, params.op, params.clip);
    } else {
        paint.blend_mode = params.op.blend_mode();
        shape.render(&mut target.as_mut(), &paint, (0.0, 0.0), params.clip);
    }
}
