//! The large-sigma blur: three box filters in a row, which approximate a
//! Gaussian closely (the construction the SVG filter spec gives for
//! feGaussianBlur, and the one Skia's mask blur uses from sigma 2 up).
//!
//! The three boxes are summed exactly in integers and the result is rounded
//! once at the end, so the output is the convolution with one symmetric
//! integer kernel; rounding after each box would lose up to 1.5 levels.

/// The three box widths for `sigma` and the half-width of their combined
/// kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BoxPlan {
    /// Width of the first two boxes.
    pub(crate) window: usize,
    /// Width of the third box: `window` when odd; when even, one more so
    /// that the two half-pixel shifts of the even boxes are recentred.
    pub(crate) last: usize,
}

impl BoxPlan {
    /// d = ⌊σ·3·√(2π)/4 + ½⌋ (at least 1), per the SVG spec.
    pub(crate) fn new(sigma: f64) -> Self {
        let d = (sigma * 3.0 * (2.0 * std::f64::consts::PI).sqrt() / 4.0 + 0.5).floor();
        let window = (d as usize).max(1);
        let last = if window % 2 == 1 { window } else { window + 1 };
        BoxPlan { window, last }
    }

    /// How far the combined kernel reaches on each side of its centre.
    pub(crate) fn border(&self) -> usize {
        (2 * (self.window - 1) + (self.last - 1)) / 2
    }

    /// Sum of the combined integer kernel's weights.
    fn divisor(&self) -> u64 {
        (self.window * self.window * self.last) as u64
    }
}

/// Blurs one line of `src` into `dst`, which is `2 × border` longer: output
/// `i` is centred on input `i − border`, and inputs outside `src` are 0.
pub(crate) fn blur_line(plan: &BoxPlan, src: &[u8], dst: &mut [u8]) {
    debug_assert_eq!(dst.len(), src.len() + 2 * plan.border());
    // Each pass is a causal running sum (output i = inputs i−w+1 ..= i), so
    // every pass lengthens the line by w − 1; the three together lengthen it
    // by exactly 2 × border and leave it centred.
    let first: Vec<u64> = src.iter().map(|&v| v as u64).collect();
    let second = running_sum(&first, plan.window);
    let third = running_sum(&second, plan.window);
    let sums = running_sum(&third, plan.last);
    // Multiply by a 32.32 reciprocal of the divisor and round, as an exact
    // division would nearly always give; the reciprocal is what makes the
    // result match Skia to the level.
    let scale = ((1u64 << 32) as f64 / plan.divisor() as f64).round() as u64;
    for (d, s) in dst.iter_mut().zip(sums) {
        *d = ((scale * s + (1 << 31)) >> 32).min(255) as u8;
    }
}

/// Causal box sum of width `w`: output i = Σ input[i−w+1 ..= i], for
/// i in 0 .. len + w − 1 (zeros beyond the input).
fn running_sum(input: &[u64], w: usize) -> Vec<u64> {
    let mut out = Vec::with_capacity(input.len() + w - 1);
    let mut sum = 0u64;
    for i in 0..input.len() + w - 1 {
        if let Some(v) = input.get(i) {
            sum += v;
        }
        if i >= w {
            sum -= input[i - w];
        }
        out.push(sum);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_widths_follow_the_svg_formula() {
        // σ = 2: 2·3·2.5066/4 + ½ = 4.26 → 4 (even: 4, 4, 5; reach 5).
        let p = BoxPlan::new(2.0);
        assert_eq!((p.window, p.last, p.border()), (4, 5, 5));
        // σ = 5: 9.90 → 9 (odd: three boxes of 9; reach 12).
        let p = BoxPlan::new(5.0);
        assert_eq!((p.window, p.last, p.border()), (9, 9, 12));
    }

    #[test]
    fn an_impulse_spreads_into_the_symmetric_triple_box_kernel() {
        let plan = BoxPlan::new(2.0); // boxes 4, 4, 5: kernel length 11
        let mut src = vec![0u8; 1];
        src[0] = 255;
        let mut dst = vec![0u8; 11];
        blur_line(&plan, &src, &mut dst);
        // The integer kernel of 4*4*5 is 1 3 6 10 13 14 13 10 6 3 1 (sum 80).
        let kernel = [1u64, 3, 6, 10, 13, 14, 13, 10, 6, 3, 1];
        for (got, k) in dst.iter().zip(kernel) {
            assert_eq!(*got as u64, (255 * k + 40) / 80, "{dst:?}");
        }
    }

    #[test]
    fn a_long_run_keeps_its_mass_and_plateau() {
        let plan = BoxPlan::new(6.0);
        let src = vec![255u8; 100];
        let mut dst = vec![0u8; 100 + 2 * plan.border()];
        blur_line(&plan, &src, &mut dst);
        let mass: i64 = dst.iter().map(|&v| v as i64).sum();
        assert!(
            (mass - 255 * 100).abs() <= 2 * plan.border() as i64,
            "{mass}"
        );
        assert!(dst[plan.border() + 50] == 255);
        assert_eq!(
            dst[0], 0,
            "the first output only sees one input at its tail"
        );
    }
}
