//! The shadow blur: a Gaussian of standard deviation `shadowBlur / 2` on
//! an alpha mask, as the HTML spec defines it.
//!
//! Small sigmas use a direct Gaussian kernel; from sigma 2 up, three box
//! blurs approximate it (the construction the SVG filter spec gives for
//! feGaussianBlur, which Skia's mask blur also follows), so the cost does not
//! grow with the blur radius.

/// How far (in pixels) the blur of `sigma` can spread coverage.
pub(crate) fn blur_margin(sigma: f64) -> u32 {
    if sigma <= 0.0 {
        0
    } else {
        (sigma * 3.0).ceil() as u32 + 1
    }
}

/// Blurs a `width × height` 8-bit alpha mask in place.
pub(crate) fn blur_alpha(alpha: &mut [u8], width: usize, height: usize, sigma: f64) {
    if sigma <= 0.0 || width == 0 || height == 0 {
        return;
    }
    let mut scratch = vec![0u8; alpha.len()];
    // Horizontal pass over rows, then transpose so the vertical pass also
    // runs along contiguous memory, then transpose back.
    blur_rows(alpha, &mut scratch, width, height, sigma);
    transpose(alpha, &mut scratch, width, height);
    blur_rows(&mut scratch, alpha, height, width, sigma);
    transpose(&scratch, alpha, height, width);
}

fn transpose(src: &[u8], dst: &mut [u8], width: usize, height: usize) {
    const BLOCK: usize = 32;
    for by in (0..height).step_by(BLOCK) {
        for bx in (0..width).step_by(BLOCK) {
            for y in by..(by + BLOCK).min(height) {
                for x in bx..(bx + BLOCK).min(width) {
                    dst[x * height + y] = src[y * width + x];
                }
            }
        }
    }
}

/// Blurs every row of `data` (rows of `width`), using `scratch` as a
/// buffer of the same size; the result ends in `data`.
fn blur_rows(data: &mut [u8], scratch: &mut [u8], width: usize, height: usize, sigma: f64) {
    if sigma < 2.0 {
        let kernel = gaussian_kernel(sigma);
        for y in 0..height {
            let row = &mut data[y * width..(y + 1) * width];
            let tmp = &mut scratch[y * width..(y + 1) * width];
            convolve(row, tmp, &kernel);
            row.copy_from_slice(tmp);
        }
        return;
    }
    // Box sizes per the SVG spec: d = floor(s·3·√(2π)/4 + 0.5). For odd d,
    // three centred boxes of d; for even d, two boxes of d offset half a
    // pixel left then right, and a centred box of d + 1.
    let d = (sigma * 3.0 * (2.0 * std::f64::consts::PI).sqrt() / 4.0 + 0.5).floor() as usize;
    let passes: [(usize, usize); 3] = if d % 2 == 1 {
        [(d, d / 2), (d, d / 2), (d, d / 2)]
    } else {
        [(d, d / 2), (d, d / 2 - 1), (d + 1, d / 2)]
    };
    for y in 0..height {
        let row = &mut data[y * width..(y + 1) * width];
        let tmp = &mut scratch[y * width..(y + 1) * width];
        box_blur(row, tmp, passes[0]);
        box_blur(tmp, row, passes[1]);
        box_blur(row, tmp, passes[2]);
        row.copy_from_slice(tmp);
    }
}

/// One box blur of `size` taps where output pixel `i` averages inputs
/// `i - left ..= i - left + size - 1`; outside the row counts as 0.
fn box_blur(src: &[u8], dst: &mut [u8], (size, left): (usize, usize)) {
    let n = src.len() as isize;
    let size_i = size as isize;
    let left = left as isize;
    let mut sum: u32 = 0;
    // Sum of the window for output 0: inputs -left ..= size-1-left.
    for j in -left..size_i - left {
        if (0..n).contains(&j) {
            sum += src[j as usize] as u32;
        }
    }
    let half = (size / 2) as u32;
    for i in 0..n {
        dst[i as usize] = ((sum + half) / size as u32) as u8;
        let leaving = i - left;
        let entering = i - left + size_i;
        if (0..n).contains(&leaving) {
            sum -= src[leaving as usize] as u32;
        }
        if (0..n).contains(&entering) {
            sum += src[entering as usize] as u32;
        }
    }
}

/// A normalised Gaussian kernel in 16.16 fixed point, radius ⌈3σ⌉.
fn gaussian_kernel(sigma: f64) -> Vec<u32> {
    let radius = (sigma * 3.0).ceil() as i32;
    let weights: Vec<f64> = (-radius..=radius)
        .map(|i| (-(i * i) as f64 / (2.0 * sigma * sigma)).exp())
        .collect();
    let total: f64 = weights.iter().sum();
    weights
        .iter()
        .map(|w| (w / total * 65536.0).round() as u32)
        .collect()
}

fn convolve(src: &[u8], dst: &mut [u8], kernel: &[u32]) {
    let radius = (kernel.len() / 2) as isize;
    let n = src.len() as isize;
    for i in 0..n {
        let mut acc: u32 = 0;
        for (k, w) in kernel.iter().enumerate() {
            let j = i + k as isize - radius;
            if (0..n).contains(&j) {
                acc += src[j as usize] as u32 * w;
            }
        }
        dst[i as usize] = ((acc + 32768) >> 16).min(255) as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(a: &[u8]) -> u32 {
        a.iter().map(|v| *v as u32).sum()
    }

    #[test]
    fn blur_preserves_coverage_away_from_the_edges() {
        for sigma in [1.0, 2.5, 8.0] {
            let (w, h) = (80, 80);
            let mut a = vec![0u8; w * h];
            for y in 30..50 {
                for x in 30..50 {
                    a[y * w + x] = 255;
                }
            }
            let before = total(&a);
            blur_alpha(&mut a, w, h, sigma);
            let after = total(&a);
            let drift = (after as f64 - before as f64).abs() / before as f64;
            assert!(drift < 0.02, "sigma {sigma}: {before} → {after}");
        }
    }

    #[test]
    fn blur_spreads_symmetrically_and_peaks_in_the_middle() {
        let (w, h) = (41, 1);
        let mut a = vec![0u8; w * h];
        a[20] = 255;
        blur_alpha(&mut a, w, h, 0.0);
        assert_eq!(a[20], 255, "sigma 0 leaves the mask alone");
        let mut b = vec![0u8; 41 * 41];
        b[20 * 41 + 20] = 255;
        blur_alpha(&mut b, 41, 41, 3.0);
        let row: Vec<u8> = b[20 * 41..21 * 41].to_vec();
        let peak = row.iter().copied().max().unwrap();
        assert_eq!(row[20], peak);
        for k in 1..10 {
            assert!(
                (row[20 - k] as i32 - row[20 + k] as i32).abs() <= 1,
                "asymmetric at ±{k}: {row:?}"
            );
        }
    }

    #[test]
    fn blur_of_a_half_plane_crosses_half_alpha_at_the_edge() {
        // Tall enough that the middle row is far from the top and bottom.
        let (w, h) = (60, 60);
        let mut a = vec![0u8; w * h];
        for y in 0..h {
            for x in 30..w {
                a[y * w + x] = 255;
            }
        }
        blur_alpha(&mut a, w, h, 5.0);
        let r = &a[30 * w..31 * w];
        // A Gaussian-blurred step is 50% at the edge and ~2% at 2σ outside.
        assert!(
            (110..=145).contains(&r[30]) || (110..=145).contains(&r[29]),
            "{r:?}"
        );
        assert!(r[20] < 12, "{r:?}");
        assert!(r[40] > 243, "{r:?}");
    }

    #[test]
    fn margin_covers_three_sigma() {
        assert_eq!(blur_margin(0.0), 0);
        assert_eq!(blur_margin(4.0), 13);
    }
}
