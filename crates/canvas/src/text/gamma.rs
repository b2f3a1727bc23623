//! Mask gamma for text: Chromium on Linux does not blend glyph coverage
//! linearly. Its glyph cache bends each coverage value according to how
//! light the paint is (contrast 0.2, gamma 1.2 for paint and surface), so
//! dark text on a light background gets slightly heavier edges than plain
//! coverage would give, and light text on a dark one slightly thinner.
//! The paint's luminance picks the table to the full 8 bits.

use std::sync::OnceLock;

use crate::style::Style;

/// Extra weight added to partial coverage, scaled down as the paint gets
/// lighter.
const CONTRAST: f32 = 0.2;
/// The gamma both the paint and the assumed background are decoded with.
const GAMMA: f32 = 1.2;

/// The coverage table for text painted with `style`.
pub(crate) fn table_for(style: &Style) -> &'static [u8; 256] {
    // Gradients and patterns have no single colour; they count as a
    // middle grey.
    let (r, g, b) = match style {
        Style::Color(c) => {
            let c = c.to_skia().to_color_u8();
            (c.red(), c.green(), c.blue())
        }
        _ => (0x7f, 0x80, 0x7f),
    };
    // Rec. 709-like weights in 8.8 fixed point (they sum to 256).
    let luma = (u32::from(r) * 54 + u32::from(g) * 183 + u32::from(b) * 19) >> 8;
    table_for_luma(luma as u8)
}

/// The table for paint luminance `luma`, built on first use. Chromium's
/// glyph masks follow the paint's luminance to the full 8 bits (a near
/// black `#111` is drawn lighter-edged than `#000`).
fn table_for_luma(luma: u8) -> &'static [u8; 256] {
    static TABLES: [OnceLock<[u8; 256]>; 256] = [const { OnceLock::new() }; 256];
    TABLES[usize::from(luma)].get_or_init(|| table(u32::from(luma)))
}

/// The 256 corrected coverages for paint luminance `luma` (0..=255).
fn table(luma: u32) -> [u8; 256] {
    let paint = luma as f32 / 255.0;
    std::array::from_fn(|i| {
        let v = corrected(i as f32 / 255.0, paint);
        (255.0 * v).round().clamp(0.0, 255.0) as u8
    })
}

/// The coverage that, blended linearly, gives the colour a gamma-aware
/// blend of `coverage` would give for a paint of luminance `paint`. The
/// background is unknown, so it is taken to be the paint's opposite
/// (`1 − paint`), which is where the correction matters most.
fn corrected(coverage: f32, paint: f32) -> f32 {
    let background = 1.0 - paint;
    let linear_paint = paint.powf(GAMMA);
    let linear_background = background.powf(GAMMA);
    // Boost partial coverage: most for dark paint, none for white.
    let k = CONTRAST * linear_background;
    let boosted = coverage + k * coverage * (1.0 - coverage);
    if (paint - background).abs() < 1.0 / 256.0 {
        // Paint and background (nearly) equal: the blend cannot be
        // inverted, and the boost alone is used.
        return boosted;
    }
    let linear_mix = linear_paint * boosted + linear_background * (1.0 - boosted);
    let wanted = linear_mix.powf(1.0 / GAMMA);
    // Solve background + c × (paint − background) = wanted for c.
    (wanted - background) / (paint - background)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_text_table_matches_chromium_stem_edges() {
        // A DejaVu 'l' stem edge: FreeType coverage 176 and 27 are drawn
        // by Chromium as 170 and 27.
        let t = table_for_luma(0);
        assert_eq!((t[0], t[27], t[176], t[255]), (0, 27, 170, 255));
    }

    #[test]
    fn nearly_black_paint_gets_its_own_table() {
        assert_ne!(table_for_luma(0), table_for_luma(17));
    }

    #[test]
    fn every_table_keeps_zero_and_full_coverage() {
        for luma in 0..=255 {
            let t = table_for_luma(luma);
            assert_eq!((t[0], t[255]), (0, 255), "{luma}");
        }
    }
}
