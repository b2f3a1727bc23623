//! Shadow blurs: a Gaussian of standard deviation `shadowBlur / 2` (per
//! the HTML spec) on the shape's coverage mask, computed the way Chromium's
//! Skia computes its blur mask filter so the levels match:
//!
//! - below σ ⅓ nothing is blurred (the kernel would be all centre);
//! - below σ 2, a direct discrete-Gaussian kernel ([`small`]);
//! - from σ 2 up, three box blurs summed exactly ([`box3`]);
//! - a fill that is one device-space rectangle gets the analytic profile
//!   of [`rect`] instead, when it is large enough for the blur.
//!
//! Both mask blurs run horizontally and vertically, each pass rounding to
//! 8 bits, in the order Skia does (vertical first for the small kernel).

mod box3;
pub(crate) mod draw;
mod rect;
mod small;
mod stretch;

use crate::raster::Coverage;

pub(crate) use rect::blurred_rect_mask;

/// Below this sigma the blur leaves masks as they are.
const NO_BLUR_SIGMA: f64 = 1.0 / 3.0;

/// From this sigma up, three boxes replace the direct kernel.
const BOX_SIGMA: f64 = 2.0;

/// Skia caps a mask blur's sigma at this many device pixels.
const MAX_SIGMA: f64 = 128.0;

/// The blur a sigma selects.
enum Kernel {
    None,
    Small(Vec<u16>),
    Boxes(box3::BoxPlan),
}

impl Kernel {
    fn new(sigma: f64) -> Self {
        let sigma = sigma.min(MAX_SIGMA);
        if sigma.is_nan() || sigma < NO_BLUR_SIGMA {
            Kernel::None
        } else if sigma < BOX_SIGMA {
            Kernel::Small(small::kernel(sigma))
        } else {
            Kernel::Boxes(box3::BoxPlan::new(sigma))
        }
    }

    /// How many pixels the blur adds on each side of a mask.
    fn reach(&self) -> usize {
        match self {
            Kernel::None => 0,
            Kernel::Small(weights) => weights.len() - 1,
            Kernel::Boxes(plan) => plan.border(),
        }
    }

    fn blur_line(&self, src: &[u8], dst: &mut [u8]) {
        match self {
            Kernel::None => dst.copy_from_slice(src),
            Kernel::Small(weights) => small::blur_line(weights, src, dst),
            Kernel::Boxes(plan) => box3::blur_line(plan, src, dst),
        }
    }
}

/// How far (in pixels) the blur of `sigma` spreads a mask on each side.
pub(crate) fn blur_margin(sigma: f64) -> u32 {
    Kernel::new(sigma).reach() as u32
}

/// Blurs `mask`; the result is larger by the blur's reach on every side.
/// Long runs of identical rows or columns are blurred once and stretched
/// ([`stretch`]), with the same result.
pub(crate) fn blur_mask(mask: &Coverage, sigma: f64) -> Coverage {
    let kernel = Kernel::new(sigma);
    let reach = kernel.reach();
    if reach == 0 {
        return mask.clone();
    }
    match stretch::Cut::plan(mask, reach) {
        Some(cut) => cut.stretch(blur_whole(&cut.shrink(mask), &kernel)),
        None => blur_whole(mask, &kernel),
    }
}

/// Blurs every pixel of `mask` with `kernel` (whose reach is not 0).
fn blur_whole(mask: &Coverage, kernel: &Kernel) -> Coverage {
    let reach = kernel.reach();
    let (w, h) = (mask.width as usize, mask.height as usize);
    let (out_w, out_h) = (w + 2 * reach, h + 2 * reach);
    let mut out = vec![0u8; out_w * out_h];
    match kernel {
        Kernel::Small(_) => {
            // Columns first into the middle columns of the output, then
            // every output row across.
            let mut column = vec![0u8; h];
            let mut blurred = vec![0u8; out_h];
            for x in 0..w {
                for (y, c) in column.iter_mut().enumerate() {
                    *c = mask.data[y * w + x];
                }
                kernel.blur_line(&column, &mut blurred);
                for (y, b) in blurred.iter().enumerate() {
                    out[y * out_w + reach + x] = *b;
                }
            }
            let mut row = vec![0u8; w];
            for y in 0..out_h {
                row.copy_from_slice(&out[y * out_w + reach..y * out_w + reach + w]);
                kernel.blur_line(&row, &mut out[y * out_w..(y + 1) * out_w]);
            }
        }
        _ => {
            // Rows first (only the source's rows), then every column.
            let mut rows = vec![0u8; h * out_w];
            for y in 0..h {
                kernel.blur_line(
                    &mask.data[y * w..(y + 1) * w],
                    &mut rows[y * out_w..(y + 1) * out_w],
                );
            }
            let mut column = vec![0u8; h];
            let mut blurred = vec![0u8; out_h];
            for x in 0..out_w {
                // A wide blur of a large mask is seconds of work: it stops
                // at the run's deadline (the run then ends).
                if x % 64 == 0 && crate::budget::expired() {
                    break;
                }
                for (y, c) in column.iter_mut().enumerate() {
                    *c = rows[y * out_w + x];
                }
                kernel.blur_line(&column, &mut blurred);
                for (y, b) in blurred.iter().enumerate() {
                    out[y * out_w + x] = *b;
                }
            }
        }
    }
    Coverage {
        x: mask.x - reach as i32,
        y: mask.y - reach as i32,
        width: out_w as u32,
        height: out_h as u32,
        data: out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(size: u32, side: std::ops::Range<u32>) -> Coverage {
        let mut data = vec![0u8; (size * size) as usize];
        for y in side.clone() {
            for x in side.clone() {
                data[(y * size + x) as usize] = 255;
            }
        }
        Coverage {
            x: 0,
            y: 0,
            width: size,
            height: size,
            data,
        }
    }

    fn mass(c: &Coverage) -> u64 {
        c.data.iter().map(|&v| v as u64).sum()
    }

    #[test]
    fn blur_keeps_the_mask_mass() {
        for sigma in [0.5, 1.0, 1.9, 2.0, 5.0, 12.0] {
            let src = square(30, 10..20);
            let out = blur_mask(&src, sigma);
            let drift = mass(&out).abs_diff(mass(&src)) as f64 / mass(&src) as f64;
            assert!(drift < 0.02, "σ {sigma}: {} → {}", mass(&src), mass(&out));
        }
    }

    #[test]
    fn blur_grows_the_mask_by_its_reach_and_stays_centred() {
        for sigma in [0.7, 3.0, 8.0] {
            let src = square(21, 5..16);
            let out = blur_mask(&src, sigma);
            let r = blur_margin(sigma) as i32;
            assert_eq!((out.x, out.y), (-r, -r));
            assert_eq!(out.width, 21 + 2 * r as u32);
            // Mirror symmetric about the square's centre (10, 10), both ways.
            for d in 0..(10 + r) {
                assert_eq!(out.at(10 - d, 10), out.at(10 + d, 10), "σ {sigma}");
                assert_eq!(out.at(10, 10 - d), out.at(10, 10 + d), "σ {sigma}");
                // Rows and columns round to 8 bits at different stages, so
                // the transpose may differ by a level.
                let (h, v) = (out.at(10 - d, 10), out.at(10, 10 - d));
                assert!(h.abs_diff(v) <= 1, "σ {sigma}: {h} vs {v}");
            }
        }
    }

    #[test]
    fn blurred_edge_follows_the_gaussian_integral() {
        // A half-plane (wide enough that its far side never matters): the
        // profile across its edge is close to the normal CDF Φ(−d/s) at
        // distance d outside, where s² is the boxes' total variance Σ(w²−1)/12
        // (a little under σ², as the SVG box sizes make it). (The small
        // kernel is checked against the discrete Gaussian in `small`: on
        // pixel-sampled steps it is not close to the continuous curve.)
        for (sigma, tolerance) in [(2.5, 3.5), (6.0, 3.5), (15.0, 3.5)] {
            let (w, h) = (120u32, 80u32);
            let data = (0..w * h)
                .map(|i| if i % w >= 60 { 255 } else { 0 })
                .collect();
            let src = Coverage {
                x: 0,
                y: 0,
                width: w,
                height: h,
                data,
            };
            let out = blur_mask(&src, sigma);
            let r = blur_margin(sigma) as i32;
            let mid = (r as u32 + h / 2) * out.width;
            let row = &out.data[mid as usize..][..out.width as usize];
            for x in 40..60 {
                // Pixel centre x + ½ is 60 − x − ½ outside the edge.
                let d = 60.0 - x as f64 - 0.5;
                let plan = box3::BoxPlan::new(sigma);
                let var = |w: usize| (w * w - 1) as f64 / 12.0;
                let s = (2.0 * var(plan.window) + var(plan.last)).sqrt();
                let want = 255.0 * normal_tail(d / s);
                let got = row[(x + r) as usize] as f64;
                assert!(
                    (got - want).abs() <= tolerance,
                    "σ {sigma} x {x}: {got} vs {want}"
                );
            }
        }
    }

    /// 1 − Φ(z), by numerically integrating the normal density.
    fn normal_tail(z: f64) -> f64 {
        let steps = 4000;
        let (a, b) = (z, z + 10.0);
        let dx = (b - a) / steps as f64;
        (0..steps)
            .map(|i| {
                let x = a + (i as f64 + 0.5) * dx;
                (-x * x / 2.0).exp() * dx
            })
            .sum::<f64>()
            / (2.0 * std::f64::consts::PI).sqrt()
    }

    #[test]
    fn stretched_blur_of_a_rounded_rect_equals_the_whole_blur() {
        // A rounded rectangle with fractional edges: long straight sides.
        let (w, h) = (160u32, 120u32);
        let mut data = vec![0u8; (w * h) as usize];
        for y in 0..h {
            for x in 0..w {
                let (cx, cy) = (x as f64 + 0.5, y as f64 + 0.5);
                let (qx, qy) = ((cx - 80.0).abs() - 58.3, (cy - 60.0).abs() - 38.7);
                let d = qx.max(0.0).hypot(qy.max(0.0)) + qx.max(qy).min(0.0) - 12.0;
                data[(y * w + x) as usize] = (255.0 * (0.5 - d).clamp(0.0, 1.0)) as u8;
            }
        }
        let src = Coverage {
            x: 7,
            y: -3,
            width: w,
            height: h,
            data,
        };
        for sigma in [0.8, 1.5, 2.5, 6.0] {
            let kernel = Kernel::new(sigma);
            assert!(
                stretch::Cut::plan(&src, kernel.reach()).is_some(),
                "σ {sigma}"
            );
            assert_eq!(
                blur_mask(&src, sigma),
                blur_whole(&src, &kernel),
                "σ {sigma}"
            );
        }
    }

    #[test]
    fn tiny_sigmas_leave_the_mask_alone() {
        let src = square(8, 2..6);
        assert_eq!(blur_mask(&src, 0.2), src);
        assert_eq!(blur_margin(0.0), 0);
    }
}
