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

/// The device pixels of an area sampled one row at a time, so a caller
/// can paint each row as it comes instead of holding the whole area.
///
/// The filter is separable in integers: Σ pixel × weight over the four
/// taps equals the x-weighted sum of the two columns' y-weighted sums, so
/// each source row pair is blended once per device row, and each device
/// pixel then blends two of those sums.
pub(crate) struct Sampler<'a> {
    src: &'a [u8],
    stride: usize,
    ay: Axis,
    top: i32,
    height: usize,
    /// Per device column: its two source columns (from `lo`) and the
    /// weight of the second.
    columns: Vec<(usize, usize, u32)>,
    /// The byte range of a source row any device pixel reads.
    from: usize,
    to: usize,
    /// The y-weighted sums of the source columns `from..to` for the taps
    /// in `last_y`.
    rows: Vec<u16>,
    last_y: Option<(usize, usize, u32)>,
    /// The last row handed out as [`Rows`](crate::blit::Rows).
    line: Vec<u8>,
}

impl<'a> Sampler<'a> {
    /// A sampler of premultiplied `src` (`src_w × src_h`) for the device
    /// pixels of `area` under `map`, the image's edges treated as `tile`
    /// says, or `None` for an empty area or a degenerate map.
    pub(crate) fn new(
        src: &'a [u8],
        src_w: u32,
        src_h: u32,
        map: ScaleTranslate,
        area: IntRect,
        tile: Tile,
    ) -> Option<Self> {
        let finite = [map.scale_x, map.scale_y, map.offset_x, map.offset_y]
            .iter()
            .all(|v| v.is_finite());
        if !finite || map.scale_x == 0.0 || map.scale_y == 0.0 || src_w == 0 || src_h == 0 {
            return None;
        }
        let ax = Axis::new(map.scale_x, map.offset_x, src_w, tile);
        let ay = Axis::new(map.scale_y, map.offset_y, src_h, tile);
        // Skia walks each span from its left end by a fixed step.
        let (x_start, x_step) = (ax.start(area.x()), ax.step());
        let mut columns: Vec<(usize, usize, u32)> = (0..i64::from(area.width()))
            .map(|i| ax.taps((x_start + i * x_step) >> 16))
            .collect();
        // The source columns any device pixel reads, and the taps made
        // relative to the first of them.
        let lo = columns.iter().map(|c| c.0.min(c.1)).min()?;
        let hi = columns.iter().map(|c| c.0.max(c.1)).max()?;
        for c in &mut columns {
            (c.0, c.1) = (c.0 - lo, c.1 - lo);
        }
        let (from, to) = (lo * 4, (hi + 1) * 4);
        Some(Sampler {
            src,
            stride: src_w as usize * 4,
            ay,
            top: area.y(),
            height: area.height() as usize,
            columns,
            from,
            to,
            rows: vec![0; to - from],
            last_y: None,
            line: Vec::new(),
        })
    }

    /// The whole area as a pixmap, or `None` when the run's memory
    /// budget refuses it.
    pub(crate) fn into_pixmap(mut self) -> Option<Pixmap> {
        let (w, h) = (self.columns.len(), self.height);
        // The sampled copy, charged while it is made (at most the canvas's
        // size: the area is clipped to it).
        let _scratch = crate::budget::scratch((w * h * 4) as u64)?;
        let mut out = vec![0u8; w * h * 4];
        for (row, line) in out.chunks_exact_mut(w * 4).enumerate() {
            self.fill_row(row, line);
        }
        Pixmap::from_vec(out, IntSize::from_wh(w as u32, h as u32)?)
    }

    /// Device row `row` of the area (from its top) into `line`, RGBA8
    /// premultiplied, four bytes per column of the area.
    pub(crate) fn fill_row(&mut self, row: usize, line: &mut [u8]) {
        let taps = self.ay.taps(self.ay.start(self.top + row as i32) >> 16);
        if self.last_y != Some(taps) {
            let (y0, y1, sy) = taps;
            let (from, to, stride) = (self.from, self.to, self.stride);
            let r0 = &self.src[y0 * stride + from..y0 * stride + to];
            let r1 = &self.src[y1 * stride + from..y1 * stride + to];
            blend_rows(&mut self.rows, r0, r1, sy as u16);
            self.last_y = Some(taps);
        }
        for (px, &(x0, x1, sx)) in line.chunks_exact_mut(4).zip(&self.columns) {
            let v = blend_columns(lanes(&self.rows, x0), lanes(&self.rows, x1), sx as u64);
            px.copy_from_slice(&v.to_le_bytes());
        }
    }
}

impl crate::blit::Rows for Sampler<'_> {
    fn row(&mut self, row: usize) -> &[u8] {
        let mut line = std::mem::take(&mut self.line);
        line.resize(self.columns.len() * 4, 0);
        self.fill_row(row, &mut line);
        self.line = line;
        &self.line
    }
}

/// Premultiplied `src` (`src_w × src_h`) sampled into a pixmap of `area`'s
/// size under `map`, edges treated as `tile` says; `None` for an empty area,
/// a degenerate map or when the run's memory budget refuses the copy.
pub(crate) fn sample_tiled(
    src: &[u8],
    src_w: u32,
    src_h: u32,
    map: ScaleTranslate,
    area: IntRect,
    tile: Tile,
) -> Option<Pixmap> {
    Sampler::new(src, src_w, src_h, map, area, tile)?.into_pixmap()
}

/// `r0 × (16 − sy) + r1 × sy` per channel (at most 255 × 16, so 16 bits
/// hold it): one element-wise loop the compiler vectorises.
fn blend_rows(out: &mut [u16], r0: &[u8], r1: &[u8], sy: u16) {
    for ((o, &a), &b) in out.iter_mut().zip(r0).zip(r1) {
        *o = u16::from(a) * (16 - sy) + u16::from(b) * sy;
    }
}

/// Pixel `x`'s four 16-bit channel sums from [`blend_rows`] as the lanes of
/// one word.
#[inline(always)]
fn lanes(rows: &[u16], x: usize) -> u64 {
    let p = &rows[x * 4..x * 4 + 4];
    u64::from(p[0]) | u64::from(p[1]) << 16 | u64::from(p[2]) << 32 | u64::from(p[3]) << 48
}

/// `(c0 × (16 − sx) + c1 × sx) / 256` per lane, truncated, packed back to
/// RGBA8: each lane's sum stays below 2¹⁶ (the weights total 256 over
/// channels of at most 255), so no lane carries into the next.
#[inline(always)]
fn blend_columns(c0: u64, c1: u64, sx: u64) -> u32 {
    let sum = c0 * (16 - sx) + c1 * sx;
    let bytes = (sum >> 8) & 0x00ff_00ff_00ff_00ff;
    let pairs = bytes | (bytes >> 8);
    (pairs & 0xffff) as u32 | ((pairs >> 16) as u32 & 0xffff_0000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(src: &[u8], w: u32, h: u32, map: ScaleTranslate, area: IntRect) -> Option<Pixmap> {
        sample_tiled(src, w, h, map, area, Tile::Clamp)
    }

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

    /// The four-tap sum per channel, truncated, as Skia writes it.
    fn four_taps(pixels: [[u8; 4]; 4], sx: u32, sy: u32) -> [u8; 4] {
        let weights = [
            (16 - sx) * (16 - sy),
            sx * (16 - sy),
            (16 - sx) * sy,
            sx * sy,
        ];
        std::array::from_fn(|c| {
            let sum: u32 = pixels
                .iter()
                .zip(weights)
                .map(|(p, w)| u32::from(p[c]) * w)
                .sum();
            (sum >> 8) as u8
        })
    }

    #[test]
    fn rows_then_columns_equal_the_four_tap_sum() {
        let quads = [
            [
                [255, 128, 1, 254],
                [127, 0, 255, 16],
                [1, 2, 3, 4],
                [255, 255, 255, 255],
            ],
            [
                [0, 0, 0, 0],
                [255, 255, 255, 255],
                [255, 255, 255, 255],
                [0, 0, 0, 0],
            ],
            [
                [17, 99, 230, 250],
                [3, 201, 45, 255],
                [88, 11, 190, 200],
                [250, 250, 0, 251],
            ],
        ];
        for [p00, p10, p01, p11] in quads {
            for sy in 0..16u16 {
                // Row 0 holds columns x0, x1 of the top row; row 1 the bottom's.
                let (top, bottom) = ([p00, p10].concat(), [p01, p11].concat());
                let mut rows = [0u16; 8];
                blend_rows(&mut rows, &top, &bottom, sy);
                for sx in 0..16u32 {
                    let got = blend_columns(lanes(&rows, 0), lanes(&rows, 1), sx as u64);
                    let want = four_taps([p00, p10, p01, p11], sx, sy as u32);
                    assert_eq!(got.to_le_bytes(), want, "sx {sx} sy {sy}");
                }
            }
        }
    }

    #[test]
    fn sampling_matches_the_four_taps_at_every_pixel() {
        // A small image drawn shrunk, grown, moved by fractions and mirrored.
        let (sw, sh) = (13u32, 7u32);
        let src: Vec<u8> = (0..sw * sh * 4).map(|i| (i * 89 % 256) as u8).collect();
        let maps = [
            (0.7, 1.3, 2.25, -1.5),
            (2.5, 0.45, -3.0, 0.75),
            (-1.5, 1.0, 20.0, 0.0),
        ];
        for (scale_x, scale_y, offset_x, offset_y) in maps {
            let map = ScaleTranslate {
                scale_x,
                scale_y,
                offset_x,
                offset_y,
            };
            let area = IntRect::from_xywh(-2, -1, 24, 12).unwrap();
            let out = sample(&src, sw, sh, map, area).unwrap();
            let (ax, ay) = (
                Axis::new(scale_x, offset_x, sw, Tile::Clamp),
                Axis::new(scale_y, offset_y, sh, Tile::Clamp),
            );
            for y in 0..12 {
                let (y0, y1, sy) = ay.taps(ay.start(area.y() + y) >> 16);
                for x in 0..24 {
                    let (x0, x1, sx) = ax.taps((ax.start(area.x()) + x as i64 * ax.step()) >> 16);
                    let at = |xx: usize, yy: usize| {
                        let i = (yy * sw as usize + xx) * 4;
                        [src[i], src[i + 1], src[i + 2], src[i + 3]]
                    };
                    let want = four_taps([at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1)], sx, sy);
                    let i = (y as usize * 24 + x) * 4;
                    assert_eq!(out.data()[i..i + 4], want, "{map:?} at {x},{y}");
                }
            }
        }
    }

    #[test]
    fn rows_painted_straight_onto_a_bitmap_equal_the_sampled_pixmap_blitted() {
        let (sw, sh) = (11u32, 9u32);
        let src: Vec<u8> = (0..sw * sh * 4)
            .map(|i| {
                if i % 4 == 3 {
                    255
                } else {
                    (i * 53 % 256) as u8
                }
            })
            .collect();
        let map = ScaleTranslate {
            scale_x: 1.7,
            scale_y: 0.8,
            offset_x: 1.5,
            offset_y: 2.0,
        };
        let area = IntRect::from_xywh(1, 2, 19, 7).unwrap();
        let mut clip = tiny_skia::Mask::new(24, 12).unwrap();
        for (i, k) in clip.data_mut().iter_mut().enumerate() {
            *k = [0, 255, 90, 255][i % 4];
        }
        for (opacity, clip) in [(1.0, None), (0.6, None), (1.0, Some(&clip))] {
            let backdrop: Vec<u8> = (0..24 * 12 * 4).map(|i| (i * 7 % 256) as u8).collect();
            let size = IntSize::from_wh(24, 12).unwrap();
            let mut whole = Pixmap::from_vec(backdrop.clone(), size).unwrap();
            let mut rows = Pixmap::from_vec(backdrop, size).unwrap();
            let pixmap = sample(&src, sw, sh, map, area).unwrap();
            crate::blit::blit(&mut whole, &pixmap, (1, 2), opacity, clip);
            let mut sampler = Sampler::new(&src, sw, sh, map, area, Tile::Clamp).unwrap();
            crate::blit::blit_rows(&mut rows, area, &mut sampler, opacity, clip);
            assert_eq!(rows.data(), whole.data(), "opacity {opacity}");
        }
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
}
