//! Line styles: `lineWidth`, `lineCap`, `lineJoin`, `miterLimit`, dashes.

use crate::keyword::keyword_enum;

keyword_enum! {
    /// `lineCap`: how the ends of open subpaths are drawn.
    LineCap {
        /// Flat end exactly at the end point (the default).
        Butt = "butt",
        /// A half-disc of diameter `lineWidth` around the end point.
        Round = "round",
        /// A half-square extending `lineWidth / 2` past the end point.
        Square = "square",
    }
}

keyword_enum! {
    /// `lineJoin`: how corners between segments are drawn.
    LineJoin {
        /// A sharp corner, limited by `miterLimit` (the default).
        Miter = "miter",
        /// A rounded corner.
        Round = "round",
        /// A cut-off corner.
        Bevel = "bevel",
    }
}

/// Everything that shapes a stroke, in user-space units.
#[derive(Debug, Clone, PartialEq)]
pub struct LineStyle {
    /// `lineWidth`, always finite and > 0.
    pub width: f64,
    /// `lineCap`.
    pub cap: LineCap,
    /// `lineJoin`.
    pub join: LineJoin,
    /// `miterLimit`, always finite and > 0.
    pub miter_limit: f64,
    /// The dash list as `getLineDash` returns it (already doubled when odd).
    pub dash: Vec<f64>,
    /// `lineDashOffset`, always finite.
    pub dash_offset: f64,
}

impl Default for LineStyle {
    fn default() -> Self {
        LineStyle {
            width: 1.0,
            cap: LineCap::Butt,
            join: LineJoin::Miter,
            miter_limit: 10.0,
            dash: Vec::new(),
            dash_offset: 0.0,
        }
    }
}

impl LineStyle {
    /// Sets the dash list as `setLineDash` does: any negative or non-finite
    /// entry makes the call a no-op (returns `false`); an odd-length list is
    /// repeated once to make it even.
    pub fn set_dash(&mut self, segments: &[f64]) -> bool {
        if segments.iter().any(|v| !v.is_finite() || *v < 0.0) {
            return false;
        }
        let mut dash = segments.to_vec();
        if dash.len() % 2 == 1 {
            dash.extend_from_slice(segments);
        }
        self.dash = dash;
        true
    }

    /// The tiny-skia stroke for this style, or `None` when the dash list
    /// is all zeros (the spec then draws a solid line, handled by omitting the
    /// dash) — tiny-skia rejects such dashes, so they are dropped here.
    pub(crate) fn to_skia(&self) -> tiny_skia::Stroke {
        let dash = if self.dash.is_empty() || self.dash.iter().all(|d| *d == 0.0) {
            None
        } else {
            tiny_skia::StrokeDash::new(
                self.dash.iter().map(|d| *d as f32).collect(),
                self.dash_offset as f32,
            )
        };
        tiny_skia::Stroke {
            width: self.width as f32,
            miter_limit: self.miter_limit as f32,
            line_cap: match self.cap {
                LineCap::Butt => tiny_skia::LineCap::Butt,
                LineCap::Round => tiny_skia::LineCap::Round,
                LineCap::Square => tiny_skia::LineCap::Square,
            },
            line_join: match self.join {
                LineJoin::Miter => tiny_skia::LineJoin::Miter,
                LineJoin::Round => tiny_skia::LineJoin::Round,
                LineJoin::Bevel => tiny_skia::LineJoin::Bevel,
            },
            dash,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_dash_lists_are_doubled() {
        let mut s = LineStyle::default();
        assert!(s.set_dash(&[5.0, 5.0, 1.0]));
        assert_eq!(s.dash, vec![5.0, 5.0, 1.0, 5.0, 5.0, 1.0]);
    }

    #[test]
    fn negative_or_nan_dash_entries_leave_the_list_unchanged() {
        let mut s = LineStyle::default();
        s.set_dash(&[4.0, 2.0]);
        assert!(!s.set_dash(&[1.0, -1.0]));
        assert!(!s.set_dash(&[f64::NAN]));
        assert_eq!(s.dash, vec![4.0, 2.0]);
    }

    #[test]
    fn keywords_round_trip() {
        assert_eq!(LineCap::parse("round"), Some(LineCap::Round));
        assert_eq!(LineCap::parse("ROUND"), None);
        assert_eq!(LineJoin::Bevel.as_str(), "bevel");
    }
}
