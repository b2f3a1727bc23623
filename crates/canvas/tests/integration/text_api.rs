//! Text: metrics against values Chromium 148 reports for the corpus fonts,
//! fallback, font registration, and drawing.

use mpcanvas_canvas::{Context2d, Limits, TextMetrics};
use mpcanvas_conformance::conformance_dir;

use crate::support::pixels;

fn font_bytes(name: &str) -> Vec<u8> {
    std::fs::read(conformance_dir().join("fonts").join(name)).expect("corpus font")
}

/// A canvas with the corpus fonts registered as the corpus scripts do,
/// and no system fonts (so results do not depend on the machine).
fn corpus_canvas(w: u32, h: u32) -> Context2d {
    let fonts = mpcanvas_fonts::bundled_library();
    fonts
        .register("Corpus Sans", font_bytes("DejaVuSans.ttf"))
        .unwrap();
    fonts
        .register("Corpus CJK", font_bytes("DroidSansFallbackFull.ttf"))
        .unwrap();
    Context2d::with_fonts(w, h, Limits::default(), fonts).unwrap()
}

fn measure(ctx: &mut Context2d, font: &str, text: &str) -> TextMetrics {
    assert!(ctx.set_font(font), "{font}");
    ctx.measure_text(text)
}

#[test]
fn latin_metrics_match_chromium() {
    let mut ctx = corpus_canvas(10, 10);
    let m = measure(&mut ctx, "20px \"Corpus Sans\"", "Left Ag");
    assert_eq!(m.width, 70.361328125);
    assert_eq!(m.actual_bounding_box_left, -1.0);
    assert_eq!(m.actual_bounding_box_right, 68.666015625);
    assert_eq!(m.font_bounding_box_ascent, 19.0);
    assert_eq!(m.font_bounding_box_descent, 5.0);
    assert_eq!(m.actual_bounding_box_ascent, 15.0);
    assert_eq!(m.actual_bounding_box_descent, 4.0);
    assert_eq!(m.hanging_baseline, 15.199999809265137);
    assert_eq!(m.alphabetic_baseline, 0.0);
    assert_eq!(m.ideographic_baseline, -5.0);
    let m = measure(&mut ctx, "13px \"Corpus Sans\"", "Left Ag");
    assert_eq!(m.width, 45.73486328125);
    assert_eq!(
        (m.font_bounding_box_ascent, m.font_bounding_box_descent),
        (12.0, 3.0)
    );
}

#[test]
fn cjk_metrics_match_chromium() {
    let mut ctx = corpus_canvas(10, 10);
    let m = measure(&mut ctx, "20px \"Corpus CJK\"", "你好");
    assert_eq!(m.width, 40.0);
    assert_eq!(m.actual_bounding_box_right, 40.0);
    assert_eq!(
        (m.actual_bounding_box_ascent, m.actual_bounding_box_descent),
        (17.0, 3.0)
    );
    assert_eq!(
        (m.font_bounding_box_ascent, m.font_bounding_box_descent),
        (21.0, 5.0)
    );
    let m = measure(&mut ctx, "24px \"Corpus Sans\", \"Corpus CJK\"", "你好");
    assert_eq!(m.width, 48.0);
    // The primary font (the first family) gives the font box.
    assert_eq!(
        (m.font_bounding_box_ascent, m.font_bounding_box_descent),
        (22.0, 6.0)
    );
}

#[test]
fn kerning_and_spacing_match_chromium() {
    let mut ctx = corpus_canvas(10, 10);
    assert_eq!(
        measure(&mut ctx, "20px \"Corpus Sans\"", "AV").width,
        26.083984375
    );
    ctx.set_font_kerning("none");
    assert_eq!(ctx.measure_text("AV").width, 27.36328125);
    ctx.set_font_kerning("normal");
    ctx.set_letter_spacing("3px");
    assert_eq!(ctx.measure_text("Left Ag").width, 91.361328125);
    ctx.set_letter_spacing("0.5em");
    assert_eq!(ctx.measure_text("ab").width, 44.951171875);
    ctx.set_letter_spacing("0px");
    ctx.set_word_spacing("5px");
    assert_eq!(ctx.measure_text("a b c").width, 58.662109375);
}

#[test]
fn synthetic_bold_and_italic_grow_the_ink_not_the_advance() {
    let mut ctx = corpus_canvas(10, 10);
    let m = measure(&mut ctx, "bold 20px \"Corpus Sans\"", "Left Ag");
    assert_eq!(m.width, 70.361328125);
    assert_eq!(m.actual_bounding_box_right, 69.666015625);
    assert_eq!(
        (m.actual_bounding_box_ascent, m.actual_bounding_box_descent),
        (16.0, 5.0)
    );
    let m = measure(&mut ctx, "italic 20px \"Corpus Sans\"", "Left Ag");
    assert_eq!(m.actual_bounding_box_right, 71.666015625);
    assert_eq!(m.actual_bounding_box_left, -1.0);
}

#[test]
fn alignment_and_baseline_shift_the_metrics() {
    let mut ctx = corpus_canvas(10, 10);
    ctx.set_font("20px \"Corpus Sans\"");
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    let m = ctx.measure_text("Ag");
    assert_eq!(m.width, 26.376953125);
    assert_eq!(m.actual_bounding_box_left, 13.1884765625);
    assert_eq!(m.actual_bounding_box_right, 11.4931640625);
    assert_eq!(m.font_bounding_box_ascent, 13.796875);
    assert_eq!(m.font_bounding_box_descent, 10.203125);
    assert_eq!(m.actual_bounding_box_ascent, 8.796875);
    assert_eq!(m.actual_bounding_box_descent, 9.203125);
    assert_eq!(m.alphabetic_baseline, -5.203125);
    assert_eq!(m.ideographic_baseline, -10.203125);
    ctx.set_direction("rtl");
    ctx.set_text_align("start");
    let m = ctx.measure_text("Ag");
    assert_eq!(m.actual_bounding_box_left, 26.376953125);
    assert_eq!(m.actual_bounding_box_right, -1.6953125);
}

#[test]
fn fallback_fills_cjk_from_the_next_family_then_the_defaults() {
    let mut ctx = corpus_canvas(10, 10);
    ctx.set_font("20px \"Corpus Sans\", \"Corpus CJK\"");
    assert!(ctx.missing_glyphs("Hello 你好，世界！").is_empty());
    // Not in the list: the bundled defaults still have it.
    ctx.set_font("20px \"Corpus Sans\"");
    assert!(ctx.missing_glyphs("你好").is_empty());
    ctx.set_font("20px nowhere, serif");
    assert!(ctx.missing_glyphs("A你").is_empty());
    // A private-use character nobody has.
    assert_eq!(ctx.missing_glyphs("a\u{e000}"), vec!['\u{e000}']);
}

#[test]
fn text_draws_ink_and_font_changes_are_saved() {
    let mut ctx = corpus_canvas(80, 30);
    ctx.set_font("20px \"Corpus CJK\"");
    ctx.save();
    ctx.set_font("bold 10px x");
    assert_eq!(ctx.font(), "bold 10px x");
    ctx.restore();
    assert_eq!(ctx.font(), "20px \"Corpus CJK\"");
    ctx.fill_text("你好", 10.0, 24.0, None);
    let img = pixels(&ctx);
    let inked = img.data.chunks(4).filter(|p| p[3] > 0).count();
    assert!(inked > 100, "{inked}");
    // Non-positive maxWidth draws nothing.
    let mut blank = corpus_canvas(80, 30);
    blank.fill_text("你好", 10.0, 24.0, Some(0.0));
    assert!(pixels(&blank).data.chunks(4).all(|p| p[3] == 0));
}

#[test]
fn registration_rejects_non_fonts_and_accepts_collections_by_index() {
    let fonts = mpcanvas_canvas::FontLibrary::new();
    assert!(fonts.register("Bad", b"not a font".to_vec()).is_err());
    assert!(!fonts.has_family("Bad"));
    fonts
        .register("Good", font_bytes("DejaVuSans.ttf"))
        .unwrap();
    assert!(fonts.has_family("good"));
}

#[test]
fn text_crossing_the_canvas_edges_draws_the_part_inside() {
    let text = "你好世界 Hello";
    // Each position: a 40×20 canvas, and the same text on an 80×40 canvas
    // moved by (20, 10): the small canvas must be that canvas's middle.
    for (x, y) in [
        (-15.0, 14.0),
        (25.0, 14.0),
        (5.0, 4.0),
        (5.0, 28.0),
        (-200.0, 14.0),
    ] {
        let mut small = corpus_canvas(40, 20);
        small.set_font("16px \"Corpus Sans\", \"Corpus CJK\"");
        small.fill_text(text, x, y, None);
        let mut big = corpus_canvas(80, 40);
        big.set_font("16px \"Corpus Sans\", \"Corpus CJK\"");
        big.fill_text(text, x + 20.0, y + 10.0, None);
        let (s, b) = (pixels(&small), pixels(&big));
        for row in 0..20 {
            let got = &s.data[row * 40 * 4..(row + 1) * 40 * 4];
            let want = &b.data[((row + 10) * 80 + 20) * 4..((row + 10) * 80 + 60) * 4];
            assert_eq!(got, want, "text at ({x}, {y}), row {row}");
        }
    }
}

/// The advance of `text` shaped whole by HarfRust (kerning and ligatures
/// on, as the engine shapes by default), in font units.
fn whole_advance(font: &[u8], text: &str) -> f64 {
    let data: std::sync::Arc<dyn AsRef<[u8]> + Send + Sync> = std::sync::Arc::new(font.to_vec());
    let blob = skrifa::font::Blob::from(data);
    let font = skrifa::Font::new(blob, 0).expect("a font");
    let shaper = harfrust::ShaperFont::new(&font);
    let mut buffer = harfrust::Buffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    harfrust::shape(&shaper, &mut buffer, harfrust::ShapeOptions::new()).expect("shaped");
    buffer
        .glyph_positions()
        .iter()
        .map(|p| f64::from(p.x_advance))
        .sum()
}

#[test]
fn a_long_string_with_no_space_measures_as_shaped_in_one_piece() {
    // Over 16 KiB with no space: laid out in chunks. Kerning pairs run
    // across every place a chunk could end; at the font's units-per-em as
    // its pixel size each advance is a whole number of font units, so the
    // widths must be equal, not close.
    let bytes = font_bytes("DejaVuSans.ttf");
    let upem = 2048;
    let mut ctx = corpus_canvas(10, 10);
    ctx.set_font(&format!("{upem}px \"Corpus Sans\""));
    for unit in ["AV", "VA", "AVA", "To", "LTAVWAYfffi", "Vo.,"] {
        let text = unit.repeat(50_000 / unit.len());
        let whole = whole_advance(&bytes, &text);
        // The kerning is there to lose: shaped one character at a time
        // the text is wider or narrower.
        let loose: f64 = unit
            .chars()
            .map(|c| whole_advance(&bytes, &c.to_string()))
            .sum::<f64>()
            * (text.len() / unit.len()) as f64;
        assert_ne!(whole, loose, "{unit}: the font kerns it");
        let measured = ctx.measure_text(&text).width;
        assert_eq!(measured, whole, "{unit} x {}", text.len() / unit.len());
    }
}
