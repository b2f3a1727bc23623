//! The tolerance rule: compare premultiplied 8-bit RGBA, ignore channel
//! differences of 2 or less, then bound the largest remaining difference and
//! the number of pixels with any remaining difference.

use mpcanvas_script::Fuzzy;

use crate::images::RgbaImage;

/// Channel differences at or below this are rounding noise.
pub(crate) const NOISE: u8 = 2;

/// What a comparison found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison {
    /// Largest channel difference beyond noise (0 when none).
    pub max_difference: u8,
    /// Pixels with any channel difference beyond noise.
    pub differing_pixels: u64,
}

impl Comparison {
    /// Whether this is within `fuzzy`.
    pub fn passes(&self, fuzzy: Fuzzy) -> bool {
        self.max_difference <= fuzzy.max_difference && self.differing_pixels <= fuzzy.total_pixels
    }
}

/// The largest channel difference of two unpremultiplied pixels, compared
/// premultiplied (what the tolerance rule measures).
pub(crate) fn pixel_difference(e: &[u8], a: &[u8]) -> u8 {
    let (e, a) = (premultiplied(e), premultiplied(a));
    (0..4).map(|i| e[i].abs_diff(a[i])).max().unwrap_or(0)
}

fn premultiplied(px: &[u8]) -> [u8; 4] {
    let a = px[3] as u32;
    let m = |c: u8| ((c as u32 * a + 127) / 255) as u8;
    [m(px[0]), m(px[1]), m(px[2]), px[3]]
}

/// Compares two unpremultiplied RGBA images of the same size.
pub fn compare(expected: &RgbaImage, actual: &RgbaImage) -> Comparison {
    let mut c = Comparison {
        max_difference: 0,
        differing_pixels: 0,
    };
    for (e, a) in expected
        .data
        .chunks_exact(4)
        .zip(actual.data.chunks_exact(4))
    {
        let worst = pixel_difference(e, a);
        if worst > NOISE {
            c.differing_pixels += 1;
            c.max_difference = c.max_difference.max(worst);
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn img(data: Vec<u8>) -> RgbaImage {
        RgbaImage {
            width: (data.len() / 4) as u32,
            height: 1,
            data,
        }
    }

    #[test]
    fn differences_of_two_or_less_are_noise() {
        let c = compare(&img(vec![10, 10, 10, 255]), &img(vec![12, 8, 10, 255]));
        assert_eq!(
            c,
            Comparison {
                max_difference: 0,
                differing_pixels: 0
            }
        );
        assert!(c.passes(Fuzzy::EXACT));
    }

    #[test]
    fn larger_differences_count_per_pixel() {
        let c = compare(
            &img(vec![0, 0, 0, 255, 0, 0, 0, 255]),
            &img(vec![9, 0, 0, 255, 0, 3, 7, 255]),
        );
        assert_eq!(
            c,
            Comparison {
                max_difference: 9,
                differing_pixels: 2
            }
        );
        assert!(!c.passes(Fuzzy {
            max_difference: 8,
            total_pixels: 10
        }));
        assert!(c.passes(Fuzzy {
            max_difference: 9,
            total_pixels: 2
        }));
    }

    #[test]
    fn colour_under_zero_alpha_does_not_count() {
        let c = compare(&img(vec![255, 0, 0, 0]), &img(vec![0, 255, 0, 0]));
        assert_eq!(c.differing_pixels, 0);
    }
}
