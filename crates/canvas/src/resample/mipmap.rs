//! One step of Skia's mipmap chain: the box filter the decode cache's
//! levels start from.

/// Halves a premultiplied RGBA8 bitmap of `w × h` (sides rounded down, at
/// least 1). An even side averages pixel pairs; an odd side longer than 1
/// weights three pixels 1-2-1, as Skia's mipmap builder does; sums are
/// truncated. Returns the pixels and the new size.
pub(crate) fn halve(src: &[u8], w: usize, h: usize) -> (Vec<u8>, usize, usize) {
    let (nw, nh) = ((w / 2).max(1), (h / 2).max(1));
    let mut out = vec![0u8; nw * nh * 4];
    let at = |x: usize, y: usize, c: usize| src[(y * w + x) * 4 + c] as u32;
    // Weighted sum of one source row around output column x: total weight 4.
    let row = |x: usize, y: usize, c: usize| -> u32 {
        if w == 1 {
            4 * at(0, y, c)
        } else if w % 2 == 1 {
            at(2 * x, y, c) + 2 * at(2 * x + 1, y, c) + at(2 * x + 2, y, c)
        } else {
            2 * (at(2 * x, y, c) + at(2 * x + 1, y, c))
        }
    };
    for y in 0..nh {
        for x in 0..nw {
            for c in 0..4 {
                let sum = if h == 1 {
                    4 * row(x, 0, c)
                } else if h % 2 == 1 {
                    row(x, 2 * y, c) + 2 * row(x, 2 * y + 1, c) + row(x, 2 * y + 2, c)
                } else {
                    2 * (row(x, 2 * y, c) + row(x, 2 * y + 1, c))
                };
                out[(y * nw + x) * 4 + c] = (sum >> 4) as u8;
            }
        }
    }
    (out, nw, nh)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grey(values: &[u8]) -> Vec<u8> {
        values.iter().flat_map(|&v| [v, v, v, 255]).collect()
    }

    #[test]
    fn even_sides_average_pairs_truncating() {
        let (out, w, h) = halve(&grey(&[255, 0, 255, 0, 255, 0, 0, 0]), 4, 2);
        assert_eq!((w, h), (2, 1));
        assert_eq!(out[0], 127);
        assert_eq!(out[4], 63);
    }

    #[test]
    fn odd_sides_weight_three_pixels_one_two_one() {
        let (out, w, h) = halve(&grey(&[0, 255, 0]), 3, 1);
        assert_eq!((w, h), (1, 1));
        assert_eq!(out[0], 127);
        let (out, _, _) = halve(&grey(&[255, 0, 0]), 3, 1);
        assert_eq!(out[0], 63);
    }
}
