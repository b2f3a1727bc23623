//! `measureText()`'s `TextMetrics`, and where alignment and baseline put a
//! line relative to the (x, y) a script passes, computed as Chromium does
//! from the primary face's metrics.

use super::face::FaceMetrics;
use super::layout::TextLayout;
use super::{Direction, TextAlign, TextBaseline};

/// `TextMetrics`: every distance in CSS px, measured from the point given
/// to `fillText` with the current `textAlign` and `textBaseline`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TextMetrics {
    /// Advance width, spacing included.
    pub width: f64,
    /// Distance from the alignment point to the left of the ink (positive
    /// to the left).
    pub actual_bounding_box_left: f64,
    /// Distance from the alignment point to the right of the ink.
    pub actual_bounding_box_right: f64,
    /// Distance from the baseline to the top of the primary font's box.
    pub font_bounding_box_ascent: f64,
    /// Distance from the baseline to the bottom of the primary font's box.
    pub font_bounding_box_descent: f64,
    /// Distance from the baseline to the top of the ink.
    pub actual_bounding_box_ascent: f64,
    /// Distance from the baseline to the bottom of the ink.
    pub actual_bounding_box_descent: f64,
    /// Distance from the baseline to the top of the em square.
    pub em_height_ascent: f64,
    /// Distance from the baseline to the bottom of the em square.
    pub em_height_descent: f64,
    /// Position of the hanging baseline (above is positive).
    pub hanging_baseline: f64,
    /// Position of the alphabetic baseline.
    pub alphabetic_baseline: f64,
    /// Position of the ideographic under-baseline.
    pub ideographic_baseline: f64,
}

/// Chromium puts the hanging baseline at 80% of the ascent.
const HANGING_SHARE: f64 = 0.8;

/// How far below `y` the alphabetic baseline goes for `baseline`.
pub(crate) fn baseline_shift(baseline: TextBaseline, m: &FaceMetrics) -> f64 {
    match baseline {
        TextBaseline::Alphabetic => 0.0,
        TextBaseline::Top => m.em_ascent,
        TextBaseline::Hanging => (m.ascent * HANGING_SHARE) as f32 as f64,
        TextBaseline::Middle => (m.em_ascent - m.em_descent) / 2.0,
        TextBaseline::Ideographic => -m.descent,
        TextBaseline::Bottom => -m.em_descent,
    }
}

/// How far right of `x` the line starts for `align` (start and end follow
/// the direction; `inherit` is left to right, as there is no document).
pub(crate) fn align_shift(align: TextAlign, direction: Direction, width: f64) -> f64 {
    let rtl = direction == Direction::Rtl;
    match align {
        TextAlign::Left => 0.0,
        TextAlign::Start if !rtl => 0.0,
        TextAlign::End if rtl => 0.0,
        TextAlign::Center => -width / 2.0,
        _ => -width,
    }
}

/// The metrics of `layout` drawn with `align`, `direction` and `baseline`;
/// `ink` is the union of the glyphs' bounds `[x0, y0, x1, y1]` (y down,
/// from the start of the baseline), if any glyph has ink.
pub(crate) fn measure(
    layout: &TextLayout,
    ink: Option<[f64; 4]>,
    font: Option<FaceMetrics>,
    align: TextAlign,
    direction: Direction,
    baseline: TextBaseline,
) -> TextMetrics {
    let m = font.unwrap_or(FaceMetrics {
        ascent: 0.0,
        descent: 0.0,
        em_ascent: 0.0,
        em_descent: 0.0,
    });
    let dx = align_shift(align, direction, layout.width);
    let b = baseline_shift(baseline, &m);
    let [x0, y0, x1, y1] = ink.unwrap_or([0.0; 4]);
    let hanging = (m.ascent * HANGING_SHARE) as f32 as f64;
    TextMetrics {
        width: layout.width,
        actual_bounding_box_left: -(x0 + dx),
        actual_bounding_box_right: x1 + dx,
        font_bounding_box_ascent: m.ascent - b,
        font_bounding_box_descent: m.descent + b,
        actual_bounding_box_ascent: -y0 - b,
        actual_bounding_box_descent: y1 + b,
        em_height_ascent: m.em_ascent - b,
        em_height_descent: m.em_descent + b,
        hanging_baseline: hanging - b,
        alphabetic_baseline: -b,
        ideographic_baseline: -m.descent - b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DejaVu Sans at 20px, as Chromium measures it.
    const DEJAVU_20: FaceMetrics = FaceMetrics {
        ascent: 19.0,
        descent: 5.0,
        em_ascent: 15.203125,
        em_descent: 4.796875,
    };

    #[test]
    fn baselines_shift_as_in_chromium() {
        assert_eq!(baseline_shift(TextBaseline::Middle, &DEJAVU_20), 5.203125);
        assert_eq!(baseline_shift(TextBaseline::Ideographic, &DEJAVU_20), -5.0);
        assert_eq!(baseline_shift(TextBaseline::Top, &DEJAVU_20), 15.203125);
        assert_eq!(baseline_shift(TextBaseline::Bottom, &DEJAVU_20), -4.796875);
    }

    #[test]
    fn alignment_follows_direction() {
        assert_eq!(align_shift(TextAlign::Start, Direction::Rtl, 10.0), -10.0);
        assert_eq!(align_shift(TextAlign::End, Direction::Rtl, 10.0), 0.0);
        assert_eq!(align_shift(TextAlign::Center, Direction::Ltr, 10.0), -5.0);
        assert_eq!(
            align_shift(TextAlign::Right, Direction::Inherit, 10.0),
            -10.0
        );
    }
}
