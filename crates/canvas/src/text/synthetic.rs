//! Synthetic bold as Skia draws it: the outline filled and stroked. Used
//! by both the glyph masks and the text paths, so it has its own module.

use tiny_skia::PathBuilder;

use crate::render::stroke_outline;

/// `path` filled and stroked with `width` (miter joins), as Skia draws
/// synthetic bold; `path` itself when `width` is 0.
pub(crate) fn with_fake_bold(path: tiny_skia::Path, width: f64) -> Option<tiny_skia::Path> {
    if width <= 0.0 {
        return Some(path);
    }
    let pen = tiny_skia::Stroke {
        width: width as f32,
        ..tiny_skia::Stroke::default()
    };
    let (outline, _charge) = stroke_outline(&path, &pen, tiny_skia::Transform::identity(), None)?;
    let mut both = PathBuilder::new();
    both.push_path(&path);
    both.push_path(&outline);
    both.finish()
}
