//! Clipping maths: which canvas pixels the source rectangle covers, and where
//! they land in the destination.
//!
//! Source coordinate `src_start + t` maps to destination coordinate
//! `t × dest_len / src_len`, as in canvas `drawImage` with a source rectangle
//! that is clipped to the image, the destination shrinking in proportion. All
//! positions are exact rationals (integer numerators over `src_len`), so whole
//! pixels stay whole: 10 px of source past the canvas at ×1.5 is exactly 15
//! transparent destination pixels.

use crate::SourceRect;

/// One axis of the mapping from the source rectangle to the destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Axis {
    /// Source rectangle length (`n`, > 0).
    src_len: u128,
    /// Destination length (`d`, > 0).
    dest_len: u128,
    /// First canvas pixel inside the source rectangle.
    pub(crate) canvas_start: u32,
    /// One past the last canvas pixel inside the source rectangle.
    pub(crate) canvas_end: u32,
    /// Distance from the source rectangle's start to `canvas_start`.
    lead: u128,
}

/// A destination span to resample into, and the source span that maps onto it
/// exactly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Span {
    /// First destination pixel written by the resampler.
    pub(crate) dest_start: u32,
    /// One past the last destination pixel written by the resampler.
    pub(crate) dest_end: u32,
    /// Source start relative to `canvas_start`, in (fractional) pixels.
    pub(crate) crop_start: f64,
    /// Source length in (fractional) pixels.
    pub(crate) crop_len: f64,
}

impl Axis {
    /// Maps `src_len` pixels starting at `src_start` onto `dest_len` pixels,
    /// clipped to `0..canvas_len`. `None` when no canvas pixel is covered.
    pub(crate) fn new(
        src_start: i64,
        src_len: u32,
        canvas_len: u32,
        dest_len: u32,
    ) -> Option<Self> {
        if src_len == 0 || dest_len == 0 {
            return None;
        }
        let start = i128::from(src_start);
        let end = start + i128::from(src_len);
        let clip_start = start.max(0);
        let clip_end = end.min(i128::from(canvas_len));
        if clip_start >= clip_end {
            return None;
        }
        Some(Self {
            src_len: u128::from(src_len),
            dest_len: u128::from(dest_len),
            // Both lie in 0..=canvas_len, so they fit.
            canvas_start: u32::try_from(clip_start).ok()?,
            canvas_end: u32::try_from(clip_end).ok()?,
            lead: u128::try_from(clip_start - start).ok()?,
        })
    }

    /// Number of canvas pixels covered.
    pub(crate) fn canvas_len(&self) -> u32 {
        self.canvas_end - self.canvas_start
    }

    /// Whether source and destination lengths agree (no resampling needed).
    pub(crate) fn is_identity(&self) -> bool {
        self.src_len == self.dest_len
    }

    /// Destination position of the covered span's start, times `src_len`.
    fn start_num(&self) -> u128 {
        self.lead * self.dest_len
    }

    /// Destination position of the covered span's end, times `src_len`.
    fn end_num(&self) -> u128 {
        (self.lead + u128::from(self.canvas_len())) * self.dest_len
    }

    /// Destination pixels touched by canvas content: `[floor(start), ceil(end))`.
    pub(crate) fn dest_start(&self) -> u32 {
        to_u32(self.start_num() / self.src_len)
    }

    /// See [`Axis::dest_start`].
    pub(crate) fn dest_end(&self) -> u32 {
        to_u32(self.end_num().div_ceil(self.src_len))
    }

    /// Fraction of destination pixel `j` covered by canvas content, in `0..=1`.
    pub(crate) fn coverage(&self, j: u32) -> f64 {
        let j = u128::from(j);
        let lo = (j * self.src_len).max(self.start_num());
        let hi = ((j + 1) * self.src_len).min(self.end_num());
        if hi <= lo {
            return 0.0;
        }
        // Exact integers up to 2^53 are plenty: the ratio only scales alpha.
        (hi - lo) as f64 / self.src_len as f64
    }

    /// What the resampler should produce on this axis.
    ///
    /// Fully covered destination pixels are resampled from exactly the source
    /// span they map to. A partially covered pixel at either end is left to
    /// the caller, which copies its inner neighbour and scales it by
    /// [`Axis::coverage`]: its true source span reaches outside the canvas,
    /// which a crop box cannot express. When no pixel is fully covered (the
    /// covered span is under two destination pixels), the whole covered span
    /// is resampled into the touched pixels instead.
    pub(crate) fn resample_span(&self) -> Span {
        let inner_start = self.start_num().div_ceil(self.src_len);
        let inner_end = self.end_num() / self.src_len;
        let canvas_len = f64::from(self.canvas_len());
        if inner_start >= inner_end {
            return Span {
                dest_start: self.dest_start(),
                dest_end: self.dest_end(),
                crop_start: 0.0,
                crop_len: canvas_len,
            };
        }
        // Back to source pixels relative to canvas_start; the numerators are
        // exact integers, so whole-pixel positions come out exact.
        let d = self.dest_len as f64;
        let crop_start = (inner_start * self.src_len - self.start_num()) as f64 / d;
        let crop_len = ((inner_end - inner_start) * self.src_len) as f64 / d;
        // Rounding must not push the box past the canvas: the resizer rejects it.
        let crop_start = crop_start.clamp(0.0, canvas_len);
        let crop_len = crop_len.min(canvas_len - crop_start);
        Span {
            dest_start: to_u32(inner_start),
            dest_end: to_u32(inner_end),
            crop_start,
            crop_len,
        }
    }
}

/// Destination positions never exceed `dest_len`, a `u32`.
fn to_u32(v: u128) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Both axes of the mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Plan {
    /// Horizontal axis.
    pub(crate) x: Axis,
    /// Vertical axis.
    pub(crate) y: Axis,
}

impl Plan {
    /// Plans the export of `src` from a `canvas_w × canvas_h` canvas into
    /// `dest_w × dest_h`. `None` when the source misses the canvas entirely.
    pub(crate) fn new(
        canvas_w: u32,
        canvas_h: u32,
        src: SourceRect,
        dest_w: u32,
        dest_h: u32,
    ) -> Option<Self> {
        Some(Self {
            x: Axis::new(src.x, src.width, canvas_w, dest_w)?,
            y: Axis::new(src.y, src.height, canvas_h, dest_h)?,
        })
    }

    /// Whether the export is a straight copy, with no resampling.
    pub(crate) fn is_identity(&self) -> bool {
        self.x.is_identity() && self.y.is_identity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_canvas_maps_whole_destination() {
        let a = Axis::new(10, 100, 500, 50).unwrap();
        assert_eq!((a.canvas_start, a.canvas_end), (10, 110));
        assert_eq!((a.dest_start(), a.dest_end()), (0, 50));
        let s = a.resample_span();
        assert_eq!((s.dest_start, s.dest_end), (0, 50));
        assert_eq!((s.crop_start, s.crop_len), (0.0, 100.0));
    }

    #[test]
    fn overhang_of_ten_at_one_and_a_half_is_fifteen_pixels() {
        // Canvas 100 wide, source starts 10 px left of it, 110 wide, ×1.5.
        let a = Axis::new(-10, 110, 100, 165).unwrap();
        assert_eq!((a.canvas_start, a.canvas_end), (0, 100));
        assert_eq!((a.dest_start(), a.dest_end()), (15, 165));
        assert_eq!(a.coverage(14), 0.0);
        assert_eq!(a.coverage(15), 1.0);
        let s = a.resample_span();
        assert_eq!((s.dest_start, s.dest_end), (15, 165));
        assert_eq!((s.crop_start, s.crop_len), (0.0, 100.0));
    }

    #[test]
    fn fractional_edge_is_partially_covered_and_cropped_exactly() {
        // 3 px past the canvas at ×1.5 (102 → 153): the edge falls at 4.5.
        let a = Axis::new(-3, 102, 100, 153).unwrap();
        assert_eq!((a.canvas_start, a.canvas_end), (0, 99));
        assert_eq!((a.dest_start(), a.dest_end()), (4, 153));
        assert_eq!(a.coverage(4), 0.5);
        assert_eq!(a.coverage(5), 1.0);
        let s = a.resample_span();
        assert_eq!((s.dest_start, s.dest_end), (5, 153));
        // Destination pixel 5 begins at source 5 / 1.5 = 3⅓, i.e. ⅓ into the canvas.
        assert!((s.crop_start - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.crop_start + s.crop_len - 99.0).abs() < 1e-12);
    }

    #[test]
    fn overhang_on_both_sides() {
        let a = Axis::new(-50, 200, 100, 100).unwrap();
        assert_eq!((a.dest_start(), a.dest_end()), (25, 75));
        assert_eq!(a.coverage(24), 0.0);
        assert_eq!(a.coverage(25), 1.0);
        assert_eq!(a.coverage(74), 1.0);
        assert_eq!(a.coverage(75), 0.0);
    }

    #[test]
    fn sliver_smaller_than_a_pixel_is_stretched_into_the_touched_pixel() {
        // 1 canvas px of a 1000 px source rect squeezed into 10 px: 1% of a pixel.
        let a = Axis::new(-999, 1000, 5, 10).unwrap();
        assert_eq!((a.canvas_start, a.canvas_end), (0, 1));
        assert_eq!((a.dest_start(), a.dest_end()), (9, 10));
        assert!((a.coverage(9) - 0.01).abs() < 1e-12);
        let s = a.resample_span();
        assert_eq!((s.dest_start, s.dest_end), (9, 10));
        assert_eq!((s.crop_start, s.crop_len), (0.0, 1.0));
    }

    #[test]
    fn outside_or_empty_is_none() {
        assert!(Axis::new(100, 10, 100, 10).is_none());
        assert!(Axis::new(-10, 10, 100, 10).is_none());
        assert!(Axis::new(0, 0, 100, 10).is_none());
        assert!(Axis::new(0, 10, 0, 10).is_none());
    }

    #[test]
    fn extreme_coordinates_do_not_overflow() {
        let a = Axis::new(i64::MIN, u32::MAX, u32::MAX, u32::MAX);
        assert!(a.is_none());
        let a = Axis::new(-(i64::from(u32::MAX) - 1), u32::MAX, u32::MAX, u32::MAX).unwrap();
        assert_eq!((a.canvas_start, a.canvas_end), (0, 1));
        assert_eq!(a.dest_end(), u32::MAX);
        let _ = a.resample_span();
    }
}
