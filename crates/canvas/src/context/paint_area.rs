//! The device pixels a shape can paint, for shaders that are resampled
//! into device space ahead of the draw.

use kurbo::Affine;
use tiny_skia::IntRect;

use super::Context2d;
use crate::render::ShapeKind;

impl Context2d {
    /// The device pixels painting `path` (in the space `path_to_device`
    /// maps from) as `kind` can reach: its bounds (outset by the stroke's
    /// reach) rounded out, within the canvas widened by where a visible
    /// shadow can come from. `None` when nothing can show or the bounds
    /// are not finite. The left edge matters beyond coverage: Skia walks
    /// each span from its left end by a fixed step, so a sampler started
    /// there lands where Chromium's does.
    pub(super) fn paint_area(
        &self,
        path: &tiny_skia::Path,
        path_to_device: Affine,
        kind: &ShapeKind<'_>,
    ) -> Option<IntRect> {
        let (mx, my) = self.state.shadow.margins();
        let canvas = kurbo::Rect::new(
            -mx,
            -my,
            self.width() as f64 + mx,
            self.height() as f64 + my,
        );
        let b = path.bounds();
        let shape = kurbo::Rect::new(
            b.left() as f64,
            b.top() as f64,
            b.right() as f64,
            b.bottom() as f64,
        );
        let area = match kind {
            // Coverage callers pass the coverage's bounds as the path.
            ShapeKind::Fill(_) | ShapeKind::Coverage(_) => {
                path_to_device.transform_rect_bbox(shape)
            }
            ShapeKind::Stroke(stroke) => {
                // Miter joins reach miter_limit × half the width; square
                // caps √2 × half the width.
                let reach = stroke.width as f64 / 2.0 * (stroke.miter_limit as f64).max(1.5);
                path_to_device.transform_rect_bbox(shape.inflate(reach, reach))
            }
        }
        .intersect(canvas)
        .expand();
        if !(area.width() > 0.0 && area.height() > 0.0 && area.area().is_finite()) {
            return None;
        }
        IntRect::from_ltrb(
            area.x0 as i32,
            area.y0 as i32,
            area.x1 as i32,
            area.y1 as i32,
        )
    }
}
