//! The blurred mask of an axis-aligned rectangle, computed analytically.
//!
//! Skia does not blur a rectangle's mask: each side of the result is a
//! profile of the blur kernel's integral sampled at pixel centres, and the
//! two directions multiply. The kernel is three unit boxes (a quadratic
//! B-spline, variance ¼) scaled to σ — the curve the triple box blur
//! converges to, but sampled instead of summed, with each level truncated.
//! Chromium's shadows of `fillRect` (and of any fill that is one rectangle
//! in device space) come from here.
//!
//! The profile only knows whole pixels: the rectangle's edges snap to the
//! integer bounds of the blurred mask. Skia blurs a small rectangle with the
//! same sides and stretches its middle row and column across the real size
//! (a nine-patch); when the rectangle is too small for that relative to the
//! blur, `None` tells the caller to blur the rasterised mask instead, as
//! Skia then does.

use std::ops::Range;

use crate::raster::Coverage;
use crate::render::mul_255;

/// The mask Skia's rectangle blur gives `rect` (device space) at `sigma`,
/// or `None` when it falls back to blurring the rasterised mask.
pub(crate) fn blurred_rect_mask(rect: tiny_skia::Rect, sigma: f32) -> Option<Coverage> {
    let sides = [rect.left(), rect.top(), rect.right(), rect.bottom()];
    let huge = |v: f32| v.abs() > 32767.0;
    if sides.into_iter().any(huge) || huge(rect.width()) || huge(rect.height()) {
        return None;
    }
    let profile = Profile::new(sigma)?;
    let h = profile.side(rect.left(), rect.right())?;
    let v = profile.side(rect.top(), rect.bottom())?;
    let mut data = Vec::with_capacity(h.values.len() * v.values.len());
    for (y, &vy) in v.values.iter().enumerate() {
        for (x, &hx) in h.values.iter().enumerate() {
            // The nine-patch's centre is filled solid, not looked up.
            let centre = h.middle.contains(&x) && v.middle.contains(&y);
            data.push(if centre { 255 } else { mul_255(hx, vy) });
        }
    }
    Some(Coverage {
        x: h.start,
        y: v.start,
        width: h.values.len() as u32,
        height: v.values.len() as u32,
        data,
    })
}

/// One direction of a blurred rectangle: `values` from device `start` on,
/// with `middle` the stretched (constant) run.
struct Side {
    start: i32,
    values: Vec<u8>,
    middle: Range<usize>,
}

/// The edge profile for one sigma: entry `i` is the coverage `i` pixels
/// in from the outer end of the blur (`255` deep inside).
struct Profile {
    /// `⌈6σ⌉` entries.
    levels: Vec<u8>,
}

impl Profile {
    fn new(sigma: f32) -> Option<Self> {
        let size = (6.0 * sigma).ceil();
        // NaN fails both comparisons.
        if !(1.0..=1e6).contains(&size) {
            return None;
        }
        let size = size as usize;
        let centre = (size / 2) as f32;
        let per_unit = 1.0 / (2.0 * sigma);
        let levels = (0..size)
            .map(|i| {
                if i == 0 {
                    return 255;
                }
                let x = (centre - i as f32 - 0.5) * per_unit;
                255 - (255.0 * spline_tail(x)) as u8
            })
            .collect();
        Some(Profile { levels })
    }

    fn size(&self) -> i32 {
        self.levels.len() as i32
    }

    /// How far the blurred mask reaches past each edge.
    fn pad(&self) -> f32 {
        (self.size() / 2) as f32
    }

    /// The blurred extent `lo .. hi` takes along one axis.
    fn side(&self, lo: f32, hi: f32) -> Option<Side> {
        let pad = self.pad();
        let outer = round(lo - pad)..round(hi + pad);
        let outer_len = outer.end - outer.start;
        let source_len = hi.ceil() as i32 - lo.floor() as i32;
        // The small rectangle: the blur on both sides, a pixel either way
        // for fractional edges, and one clean middle pixel.
        let centre = outer_len - source_len + 2;
        let shrink = source_len - (centre + 1);
        if shrink < 0 || (hi - lo) - (shrink as f32) < 2.0 {
            return None;
        }
        let small_len = round(hi - shrink as f32 + pad) - round(lo - pad);
        let small = self.scanline(small_len);
        let centre = centre as usize;
        let tail = small.len().checked_sub(centre + 1)?;
        let len = outer_len as usize;
        let middle = centre..len.checked_sub(tail)?;
        let values = (0..len)
            .map(|i| {
                if i < centre {
                    small[i]
                } else if i < middle.end {
                    small[centre]
                } else {
                    small[i + small.len() - len]
                }
            })
            .collect();
        Some(Side {
            start: outer.start,
            values,
            middle,
        })
    }

    /// The blurred run of a rectangle whose mask is `width` pixels: each
    /// pixel looks up the profile by its distance from the nearer end.
    fn scanline(&self, width: i32) -> Vec<u8> {
        let size = self.size();
        // Width of the part that is solid (before the profile's half-pixel
        // bias), as the lookup measures it.
        let solid = width - size - ((size & !1) - 1);
        (0..width)
            .map(|x| {
                let from_middle = (2 * x + 1 - width).abs() - solid;
                let i = (from_middle >> 1).clamp(0, size - 1);
                self.levels[i as usize]
            })
            .collect()
    }
}

/// Mass of the three-box kernel (unit boxes, support −1.5 ..= 1.5) to the
/// right of `x`: 1 far left, ½ at 0, 0 far right.
fn spline_tail(x: f32) -> f32 {
    if x > 1.5 {
        0.0
    } else if x < -1.5 {
        1.0
    } else if x > 0.5 {
        let r = 1.5 - x;
        r * r * r / 6.0
    } else if x > -0.5 {
        0.5 - 0.75 * x + x * x * x / 3.0
    } else {
        let l = 1.5 + x;
        1.0 - l * l * l / 6.0
    }
}

/// Skia's scalar rounding: ⌊x + ½⌋.
fn round(x: f32) -> i32 {
    (x + 0.5).floor() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spline_tail_is_a_smooth_symmetric_step() {
        assert_eq!(spline_tail(-2.0), 1.0);
        assert_eq!(spline_tail(2.0), 0.0);
        assert!((spline_tail(0.0) - 0.5).abs() < 1e-6);
        for x in [0.2f32, 0.5, 0.9, 1.4] {
            assert!((spline_tail(x) + spline_tail(-x) - 1.0).abs() < 1e-6, "{x}");
        }
        // Continuous where the pieces meet.
        for x in [0.5f32, -0.5] {
            assert!((spline_tail(x - 1e-4) - spline_tail(x + 1e-4)).abs() < 1e-3);
        }
    }

    #[test]
    fn blurred_rect_is_half_covered_at_its_edges_and_solid_inside() {
        let rect = tiny_skia::Rect::from_xywh(100.0, 20.0, 50.0, 40.0).unwrap();
        let m = blurred_rect_mask(rect, 5.0).unwrap();
        // Reach: ⌈6σ⌉ / 2 = 15 pixels past each side.
        assert_eq!((m.x, m.y, m.width, m.height), (85, 5, 80, 70));
        // Mid-height row: the pixel just outside the left edge and just
        // inside straddle one half; the middle is solid.
        let (outside, inside) = (m.at(99, 40), m.at(100, 40));
        assert!((110..128).contains(&outside), "{outside}");
        assert!((128..146).contains(&inside), "{inside}");
        assert_eq!(m.at(125, 40), 255);
        // Left and right, top and bottom mirror each other.
        for d in 0..15 {
            assert_eq!(m.at(99 - d, 40), m.at(150 + d, 40));
            assert_eq!(m.at(125, 19 - d), m.at(125, 60 + d));
        }
    }

    #[test]
    fn rects_too_small_for_the_blur_fall_back() {
        let rect = tiny_skia::Rect::from_xywh(0.0, 0.0, 40.0, 40.0).unwrap();
        assert!(blurred_rect_mask(rect, 10.0).is_none());
        assert!(blurred_rect_mask(rect, 2.5).is_some());
    }
}
