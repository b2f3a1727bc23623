//! Skia's fixed-point bilinear sampler for bitmaps under a scale +
//! translate matrix, which Chromium's software canvas uses for such
//! `drawImage` calls and for repeating patterns at every smoothing quality:
//! positions in 16.16 fixed point from an f32 inverse matrix, the fraction
//! cut to 4 bits (weights in sixteenths), sums truncated.
//!
//! Clamped sampling works in image pixels. Repeated sampling works, as
//! Skia's does, in tile units: the inverse matrix is divided by the image's
//! sides, so a position's fraction of a tile (16 bits) picks the texel and
//! its weight, which differs from pixel-space arithmetic for sides that are
//! not powers of two.

use tiny_skia::{IntRect, IntSize, Pixmap};

/// An image pixel → device pixel map that only scales and translates:
/// `device = image × scale + offset`, per axis.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScaleTranslate {
    pub(crate) scale_x: f64,
    pub(crate) scale_y: f64,
    pub(crate) offset_x: f64,
    pub(crate) offset_y: f64,
}

/// What the sampler does past the image's edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tile {
    /// The edge texels extend outwards (`drawImage`).
    Clamp,
    /// The image repeats (a `'repeat'` pattern).
    Repeat,
}

/// One axis of the inverse map in Skia's arithmetic (f32).
#[derive(Clone, Copy)]
struct Axis {
    inv_scale: f32,
    inv_offset: f32,
    len: i64,
    tile: Tile,
    /// One texel in the sampler's 16.16 units: 1.0 for clamp, a tile's
    /// `1 / len` (integer division) for repeat.
    one: i64,
}

impl Axis {
    fn new(scale: f64, offset: f64, len: u32, tile: Tile) -> Self {
        let scale = scale as f32;
        let mut inv_scale = 1.0 / scale;
        let mut inv_offset = -(offset as f32) * inv_scale;
        let one = match tile {
            Tile::Clamp => 0x1_0000,
            Tile::Repeat => {
                // Into tile units: Skia scales the inverse by 1/len in f32.
                let inv_len = 1.0 / len as f32;
                inv_scale *= inv_len;
                inv_offset *= inv_len;
                0x1_0000 / len as i64
            }
        };
        Axis {
            inv_scale,
            inv_offset,
            len: len as i64,
            tile,
            one,
        }
    }

    /// The source position of device pixel centre `d`, less half a
    /// texel, in 32.32 fixed point.
    fn start(&self, d: i32) -> i64 {
        let p = (d as f32 + 0.5) * self.inv_scale + self.inv_offset;
        (p as f64 * 4294967296.0) as i64 - ((self.one >> 1) << 16)
    }

    /// The per-pixel step in 32.32 fixed point.
    fn step(&self) -> i64 {
        (self.inv_scale as f64 * 4294967296.0) as i64
    }

    /// The two source indices and the 4-bit weight of the second, from a
    /// 16.16 position.
    fn taps(&self, fixed: i64) -> (usize, usize, u32) {
        match self.tile {
            Tile::Clamp => {
                let i = fixed >> 16;
                let max = self.len - 1;
                (
                    i.clamp(0, max) as usize,
                    (i + 1).clamp(0, max) as usize,
                    ((fixed >> 12) & 15) as u32,
                )
            }
            Tile::Repeat => {
                // The fraction of a tile (16 bits) scaled by the side.
                let texel = |f: i64| (((f & 0xffff) * self.len) >> 16) as usize;
                let weight = ((((fixed & 0xffff) * self.len) >> 12) & 15) as u32;
                (texel(fixed), texel(fixed + self.one), weight)
            }
        }
    }
}

/// Samples premultiplied `src` (`src_w × src_h`) into the device pixels of
/// `area` under `map`, edges clamped. Returns a pixmap of `area`'s size, or
/// `None` for an empty area or a degenerate map.
pub(crate) fn sample(
    src: &[u8],
    src_w: u32,
    src_h: u32,
    map: ScaleTranslate,
    area: IntRect,
) -> Option<Pixmap> {
    sample_tiled(src, src_w, src_h, map, area, Tile::Clamp)
}

/// [`sample`] with the given treatment of the image's edges (both axes).
pub(crate) fn sample_tiled(
    src: &[u8],
    src_w: u32,
    src_h: u32,
    map: ScaleTranslate,
    area: IntRect,
    tile: Tile,
) -> Option<Pixmap> {
    let finite = [map.scale_x, map.scale_y, map.offset_x, map.offset_y]
        .iter()
        .all(|v| v.is_finite());
    if !finite || map.scale_x == 0.0 || map.scale_y == 0.0 || src_w == 0 || src_h == 0 {
        return None;
    }
    let ax = Axis::new(map.scale_x, map.offset_x, src_w, tile);
    let ay = Axis::new(map.scale_y, map.offset_y, src_h, tile);
    let (w, h) = (area.width() as usize, area.height() as usize);
    // The sampled copy, charged while it is made (at most the canvas's
    // size: `area` is clipped to it).
    let _scratch = crate::budget::scratch((w * h * 4) as u64)?;
    let mut out = vec![0u8; w * h * 4];
    let stride = src_w as usize * 4;
    // Skia walks each span from its left end by a fixed step.
    let (x_start, x_step) = (ax.start(area.x()), ax.step());
    let columns: Vec<(usize, usize, u32)> = (0..w as i64)
        .map(|i| ax.taps((x_start + i * x_step) >> 16))
        .collect();
    for (row, line) in out.chunks_exact_mut(w * 4).enumerate() {
        let (y0, y1, sy) = ay.taps(ay.start(area.y() + row as i32) >> 16);
        let (r0, r1) = (&src[y0 * stride..], &src[y1 * stride..]);
        for (px, &(x0, x1, sx)) in line.chunks_exact_mut(4).zip(&columns) {
            let (w11, w01) = (sx * sy, (16 - sx) * sy);
            let (w10, w00) = (sx * (16 - sy), (16 - sx) * (16 - sy));
            let v = blend(
                [pixel(r0, x0), pixel(r0, x1), pixel(r1, x0), pixel(r1, x1)],
                [w00, w10, w01, w11],
            );
            px.copy_from_slice(&v.to_le_bytes());
        }
    }
    Pixmap::from_vec(out, IntSize::from_wh(w as u32, h as u32)?)
}

/// Pixel `x` of a row as one little-endian word.
fn pixel(row: &[u8], x: usize) -> u32 {
    let mut p = [0u8; 4];
    p.copy_from_slice(&row[x * 4..x * 4 + 4]);
    u32::from_le_bytes(p)
}

/// Σ pixel × weight / 256 per channel, truncated, for weights summing to
/// 256: two channels at a time in 16-bit lanes of a word (each lane's sum
/// stays below 2¹⁶, so no lane carries into the next).
fn blend(pixels: [u32; 4], weights: [u32; 4]) -> u32 {
    const LANES: u32 = 0x00ff_00ff;
    let (mut even, mut odd) = (0u32, 0u32);
    for (p, w) in pixels.into_iter().zip(weights) {
        even += (p & LANES) * w;
        odd += ((p >> 8) & LANES) * w;
    }
    ((even >> 8) & LANES) | (odd & !LANES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenfold_growth_weighs_in_sixteenths() {
        // One white column (3) of eight, drawn ten times wider: Chromium's
        // row reads 31 63 79 111 127 159 191 207 239 255 223 … from x = 26.
        let src: Vec<u8> = (0..8)
            .flat_map(|x| if x == 3 { [255; 4] } else { [0, 0, 0, 255] })
            .collect();
        let map = ScaleTranslate {
            scale_x: 10.0,
            scale_y: 10.0,
            offset_x: 0.0,
            offset_y: 0.0,
        };
        let out = sample(&src, 8, 1, map, IntRect::from_xywh(0, 0, 80, 1).unwrap()).unwrap();
        let row: Vec<u8> = out.data().chunks(4).map(|p| p[0]).collect();
        assert_eq!(
            &row[26..37],
            &[31, 63, 79, 111, 127, 159, 191, 207, 239, 255, 223]
        );
        assert_eq!(row[25], 0);
        assert_eq!(row[45], 0);
    }

    #[test]
    fn repeated_tiles_are_walked_from_the_span_start_in_tile_units() {
        // A 16 × 16 tile with a white column 1, repeated at 2.5× from x = 3.
        // Chromium's rows (red channel) from x = 4 when the fill starts at
        // x = 2, then at x = 0: the step's truncation moves x = 5 from
        // 8/16 to 7/16.
        let src: Vec<u8> = (0..16 * 16)
            .flat_map(|i| {
                if i % 16 == 1 {
                    [255; 4]
                } else {
                    [0, 0, 0, 255]
                }
            })
            .collect();
        let map = ScaleTranslate {
            scale_x: 2.5,
            scale_y: 2.5,
            offset_x: 3.0,
            offset_y: 0.0,
        };
        let row = |left: i32| -> Vec<u8> {
            let area = IntRect::from_xywh(left, 0, 9 - left as u32, 1).unwrap();
            let out = sample_tiled(&src, 16, 16, map, area, Tile::Repeat).unwrap();
            out.data()
                .chunks(4)
                .map(|p| p[0])
                .skip(4 - left as usize)
                .collect()
        };
        assert_eq!(row(2), [15, 111, 223, 191, 79]);
        assert_eq!(row(0), [15, 127, 223, 191, 79]);
        // One tile (40 px) on, the same texels.
        let area = IntRect::from_xywh(44, 0, 5, 1).unwrap();
        let out = sample_tiled(&src, 16, 16, map, area, Tile::Repeat).unwrap();
        let again: Vec<u8> = out.data().chunks(4).map(|p| p[0]).collect();
        assert_eq!(again[0], 15);
        assert_eq!(&again[2..], [223, 191, 79]);
    }

    #[test]
    fn blending_in_lanes_matches_each_channel_alone() {
        let pixels = [0xff80_01fe_u32, 0x7f00_ff10, 0x0102_0304, 0xffff_ffff];
        for weights in [
            [256, 0, 0, 0],
            [16, 48, 80, 112],
            [0, 0, 0, 256],
            [64, 64, 64, 64],
        ] {
            let want = (0..4).fold(0u32, |acc, c| {
                let sum: u32 = pixels
                    .iter()
                    .zip(weights)
                    .map(|(p, w)| ((p >> (8 * c)) & 0xff) * w)
                    .sum();
                acc | ((sum >> 8) << (8 * c))
            });
            assert_eq!(blend(pixels, weights), want, "{weights:?}");
        }
    }
}
