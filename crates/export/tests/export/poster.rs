//! A deterministic, photo-like poster: smooth gradients with grain in a
//! "photo" area, flat colour blocks, a white card with text-like strokes,
//! and anti-aliased discs. Shared by the tests and the benchmark.

/// Premultiplied RGBA8 pixels of a `width × height` opaque poster.
pub(crate) fn poster(width: u32, height: u32) -> Vec<u8> {
    let (w, h) = (width as f32, height as f32);
    let mut data = Vec::with_capacity(width as usize * height as usize * 4);
    let mut seed = 0x9E37_79B9u32;
    let mut noise = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        (seed >> 24) as f32 / 255.0 - 0.5
    };
    let discs = [(0.25, 0.3, 0.12), (0.7, 0.45, 0.08), (0.55, 0.2, 0.05)];
    for y in 0..height {
        for x in 0..width {
            let (u, v) = (x as f32 / w, y as f32 / h);
            let mut rgb = if v < 0.62 {
                // Photo: sky-to-sea gradient, a diagonal light, grain.
                let light = 0.5 + 0.5 * (3.0 * u + 5.0 * v).sin() * (2.0 * v).cos();
                let grain = 14.0 * noise();
                [
                    40.0 + 150.0 * v + 50.0 * light + grain,
                    90.0 + 100.0 * (1.0 - v) + 40.0 * light + grain,
                    200.0 - 80.0 * v + 30.0 * light + grain,
                ]
            } else if v < 0.7 {
                // Flat brand band.
                [230.0, 70.0, 60.0]
            } else {
                // White card with dark text-like strokes.
                let line = (y.saturating_sub((0.72 * h) as u32) / 14) as usize;
                let length = ((line * 37 % 11) as f32 / 11.0 + 0.1).min(0.84);
                let in_stroke = (y % 14) < 7 && u > 0.08 && u < 0.08 + 0.8 * length;
                // Glyph-sized gaps, irregular like words.
                let glyph_gap = (x / 5) % 4 == 3 || (x as usize / 5 + line).is_multiple_of(9);
                if in_stroke && !glyph_gap {
                    [30.0, 30.0, 40.0]
                } else {
                    [250.0, 250.0, 250.0]
                }
            };
            for &(cx, cy, r) in &discs {
                // Anti-aliased disc edge, one pixel wide.
                let d = (x as f32 - cx * w).hypot(y as f32 - cy * h) - r * w;
                let cover = (0.5 - d).clamp(0.0, 1.0);
                if cover > 0.0 {
                    for c in &mut rgb {
                        *c = *c * (1.0 - cover) + 245.0 * cover;
                    }
                }
            }
            for c in rgb {
                data.push(c.clamp(0.0, 255.0) as u8);
            }
            data.push(255);
        }
    }
    data
}
