//! The small-sigma blur (σ < 2), where three boxes are too coarse: a
//! direct convolution with the discrete Gaussian kernel, computed in the
//! fixed point Skia's mask blur uses so the levels come out the same.
//!
//! The discrete Gaussian (Lindeberg, "Scale-space for discrete signals") is
//! T(n; t) = e^−t · I_n(t) with t = σ² and I_n the modified Bessel function
//! of the first kind; unlike sampling e^(−x²/2σ²) it is exact for small σ.
//! The kernel stops at the first tap of at most 1 %.

/// Taps at most this heavy end the kernel.
const GOOD_ENOUGH: f64 = 0.01;

/// The kernel's centre tap and the taps on one side, as 0.16 fixed-point
/// weights (`weights[0]` is the centre; the radius is `weights.len() − 1`).
pub(crate) fn kernel(sigma: f64) -> Vec<u16> {
    let t = sigma * sigma;
    let norm = (-t).exp();
    let tap = |n: usize| bessel_i(n as u32, t) * norm;
    // Grow until a tap is light enough, then drop that light tap; the
    // centre and one tap each side always stay. Six taps bound σ < 2.
    let mut taps = vec![tap(0), tap(1)];
    while taps[taps.len() - 1] > GOOD_ENOUGH && taps.len() < 6 {
        taps.push(tap(taps.len()));
    }
    if taps.len() > 2 && taps[taps.len() - 1] <= GOOD_ENOUGH {
        taps.pop();
    }
    // Normalise so the (two-sided) kernel sums to exactly 1, putting the
    // rounding slop on the centre tap.
    let side: f64 = taps[1..].iter().sum::<f64>() * 2.0;
    let total = side + taps[0];
    let mut w: Vec<f64> = taps.iter().map(|v| v / total).collect();
    w[0] = 1.0 - w[1..].iter().sum::<f64>() * 2.0;
    w.iter()
        .map(|v| (v * 65536.0).round().min(65535.0) as u16)
        .collect()
}

/// I_n(t) by its power series Σ (t/2)^(2k+n) / (k! (k+n)!), which converges
/// fast for the t < 4 this module sees.
fn bessel_i(n: u32, t: f64) -> f64 {
    let half = t / 2.0;
    let mut term = (1..=n).fold(1.0, |acc, k| acc * half / k as f64);
    let mut sum = term;
    for k in 1..64 {
        term *= half * half / (k as f64 * (k + n) as f64);
        sum += term;
        if term < 1e-12 * sum {
            break;
        }
    }
    sum
}

/// Blurs `src` (a line read with `stride` from `start`, `len` samples) into
/// an output line `len + 2·radius` long. Samples are 8.8 fixed point, each
/// tap's product is truncated to 8.8, and the sum starts at one half so the
/// final truncation to 8 bits rounds.
pub(crate) fn blur_line(weights: &[u16], src: &[u8], dst: &mut [u8]) {
    let radius = weights.len() - 1;
    debug_assert_eq!(dst.len(), src.len() + 2 * radius);
    let mut acc = vec![0x80u32; dst.len()];
    for (i, &s) in src.iter().enumerate() {
        if s == 0 {
            continue;
        }
        let s88 = (s as u32) << 8;
        for k in 0..=2 * radius {
            let w = weights[k.abs_diff(radius)] as u32;
            acc[i + k] += (s88 * w) >> 16;
        }
    }
    for (d, a) in dst.iter_mut().zip(acc) {
        *d = (a >> 8).min(255) as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_radius_grows_with_sigma_and_stays_within_four() {
        assert_eq!(kernel(0.5).len() - 1, 1);
        assert_eq!(kernel(1.0).len() - 1, 2);
        assert!(kernel(1.99).len() - 1 <= 4);
    }

    #[test]
    fn kernel_matches_the_discrete_gaussian_and_sums_to_one() {
        // σ = 1: e^−1·I0(1) = 0.4658, e^−1·I1(1) = 0.2079, e^−1·I2(1) = 0.0499
        // (then 0.0082 < 1 % is dropped), renormalised over the five taps.
        let k = kernel(1.0);
        let raw = [0.465_760, 0.207_910, 0.049_934];
        let total = raw[0] + 2.0 * (raw[1] + raw[2]);
        for (got, r) in k.iter().zip(raw) {
            let want = r / total * 65536.0;
            assert!((*got as f64 - want).abs() <= 2.0, "{k:?}");
        }
        let sum: u32 = k[0] as u32 + 2 * k[1..].iter().map(|&v| v as u32).sum::<u32>();
        assert!(sum.abs_diff(65536) <= 2, "{sum}");
    }

    #[test]
    fn a_step_is_blurred_symmetrically_about_its_edge() {
        let k = kernel(1.5);
        let r = k.len() - 1;
        let src: Vec<u8> = (0..20).map(|i| if i < 10 { 255 } else { 0 }).collect();
        let mut dst = vec![0u8; 20 + 2 * r];
        blur_line(&k, &src, &mut dst);
        // Output j is centred on input j − r; the edge is between inputs 9
        // and 10, so values mirror around it: a + b ≈ 255.
        for d in 0..4 {
            let a = dst[9 - d + r] as i32;
            let b = dst[10 + d + r] as i32;
            assert!((a + b - 255).abs() <= 2, "{dst:?}");
        }
    }
}
