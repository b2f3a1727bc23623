//! Source rectangles partly or wholly outside the canvas.

use mpcanvas_export::{ExportOptions, Format, SourceRect};

use crate::support::{Canvas, decode_jpeg};

const GREEN: [u8; 4] = [20, 160, 60, 255];

/// Columns (or rows) of `len` destination pixels: which are transparent.
fn transparent_run(alphas: impl Iterator<Item = u8>) -> Vec<bool> {
    alphas.map(|a| a == 0).collect()
}

/// Asserts the first `n` of `flags` are true and the rest false.
fn assert_strip(flags: &[bool], n: usize, what: &str) {
    let expected: Vec<bool> = (0..flags.len()).map(|i| i < n).collect();
    assert_eq!(flags, expected, "{what}");
}

#[test]
fn overhang_on_each_side_is_a_transparent_strip_at_one_to_one() {
    let canvas = Canvas::filled(40, 30, GREEN);
    // Left: 10 px before the canvas.
    let img = canvas.png_rgba(SourceRect::new(-10, 0, 50, 30), 50, 30);
    let row = transparent_run((0..50).map(|x| img.px(x, 7)[3]));
    assert_strip(&row, 10, "left");
    assert_eq!(img.px(10, 7), GREEN);
    // Right: 10 px past the canvas.
    let img = canvas.png_rgba(SourceRect::new(0, 0, 50, 30), 50, 30);
    let row = transparent_run((0..50).rev().map(|x| img.px(x, 7)[3]));
    assert_strip(&row, 10, "right");
    // Top.
    let img = canvas.png_rgba(SourceRect::new(0, -10, 40, 40), 40, 40);
    let col = transparent_run((0..40).map(|y| img.px(5, y)[3]));
    assert_strip(&col, 10, "top");
    // Bottom.
    let img = canvas.png_rgba(SourceRect::new(0, 0, 40, 40), 40, 40);
    let col = transparent_run((0..40).rev().map(|y| img.px(5, y)[3]));
    assert_strip(&col, 10, "bottom");
}

#[test]
fn overhang_of_ten_scaled_by_one_and_a_half_is_fifteen_transparent_pixels() {
    let canvas = Canvas::filled(40, 30, GREEN);
    // Source 10 px wider than the canvas on the left, ×1.5 both ways.
    let img = canvas.png_rgba(SourceRect::new(-10, 0, 50, 30), 75, 45);
    for y in [0, 22, 44] {
        let row = transparent_run((0..75).map(|x| img.px(x, y)[3]));
        assert_strip(&row, 15, "left, scaled");
        // The canvas part stays the uniform colour right up to its edge.
        for x in 15..75 {
            assert_eq!(img.px(x, y), GREEN, "x={x} y={y}");
        }
    }
    // Same below the canvas.
    let img = canvas.png_rgba(SourceRect::new(0, 0, 40, 40), 60, 60);
    let col = transparent_run((0..60).rev().map(|y| img.px(30, y)[3]));
    assert_strip(&col, 15, "bottom, scaled");
    // Downscaling: 20 px past the right edge at ×0.5 is 10 px.
    let img = canvas.png_rgba(SourceRect::new(0, 0, 60, 30), 30, 15);
    let row = transparent_run((0..30).rev().map(|x| img.px(x, 7)[3]));
    assert_strip(&row, 10, "right, downscaled");
}

#[test]
fn overhang_on_all_sides_centres_the_canvas() {
    let canvas = Canvas::filled(40, 30, GREEN);
    let img = canvas.png_rgba(SourceRect::new(-20, -15, 80, 60), 40, 30);
    for y in 0..30 {
        for x in 0..40 {
            let inside = (10..30).contains(&x) && (8..23).contains(&y);
            let edge = x == 10 || x == 29 || y == 7 || y == 22;
            if inside && !edge {
                assert_eq!(img.px(x, y), GREEN, "x={x} y={y}");
            } else if !inside && !edge {
                assert_eq!(img.px(x, y)[3], 0, "x={x} y={y}");
            }
        }
    }
}

#[test]
fn fractional_edge_pixel_is_partly_transparent() {
    let canvas = Canvas::filled(100, 10, GREEN);
    // 3 px of overhang at ×1.5 ends at destination x = 4.5.
    let img = canvas.png_rgba(SourceRect::new(-3, 0, 102, 10), 153, 15);
    for x in 0..4 {
        assert_eq!(img.px(x, 5)[3], 0);
    }
    let edge = img.px(4, 5);
    assert!((126..=129).contains(&edge[3]), "{edge:?}");
    // Unpremultiplied, the edge keeps the canvas colour.
    for c in 0..3 {
        assert!(edge[c].abs_diff(GREEN[c]) <= 2, "{edge:?}");
    }
    assert_eq!(img.px(5, 5), GREEN);
}

#[test]
fn content_outside_the_source_rect_does_not_bleed_in() {
    // Red everywhere except a blue square exported on its own, scaled.
    let canvas = Canvas::from_fn(60, 60, |x, y| {
        if (20..40).contains(&x) && (20..40).contains(&y) {
            [0, 0, 255, 255]
        } else {
            [255, 0, 0, 255]
        }
    });
    let img = canvas.png_rgba(SourceRect::new(20, 20, 20, 20), 33, 47);
    assert!(img.rgba.chunks_exact(4).all(|p| p == [0, 0, 255, 255]));
}

#[test]
fn fully_outside_is_fully_transparent() {
    let canvas = Canvas::filled(40, 30, GREEN);
    for src in [
        SourceRect::new(40, 0, 10, 10),
        SourceRect::new(-10, 0, 10, 10),
        SourceRect::new(0, 30, 10, 10),
        SourceRect::new(0, -10, 10, 10),
        SourceRect::new(i64::MIN, i64::MAX, u32::MAX, u32::MAX),
    ] {
        for (w, h) in [(10, 10), (25, 7)] {
            let img = canvas.png_rgba(src, w, h);
            assert_eq!((img.width, img.height), (w, h));
            assert!(img.rgba.iter().all(|&c| c == 0), "{src:?}");
        }
    }
}

#[test]
fn fully_outside_jpeg_is_the_background() {
    let canvas = Canvas::filled(40, 30, GREEN);
    let opts = ExportOptions::new(16, 16, Format::jpeg(0.9)).with_background([10, 80, 200]);
    let bytes = canvas
        .export(SourceRect::new(100, 100, 10, 10), &opts)
        .unwrap();
    let (w, h, rgb) = decode_jpeg(&bytes);
    assert_eq!((w, h), (16, 16));
    for p in rgb.chunks_exact(3) {
        for (c, bg) in p.iter().zip([10u8, 80, 200]) {
            assert!(c.abs_diff(bg) <= 2, "{p:?}");
        }
    }
}
