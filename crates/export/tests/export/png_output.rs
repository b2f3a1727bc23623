//! PNG output: exactness, colour type, compression levels.

use mpcanvas_export::{ExportOptions, Format, PngCompression, SourceRect};

use crate::poster::poster;
use crate::support::{Canvas, Rng, decode_png, premultiply, unpremultiply};

/// Straight RGBA with many alpha levels, including fully transparent.
fn translucent_canvas() -> (Canvas, Vec<[u8; 4]>) {
    let alphas = [0, 1, 2, 17, 64, 127, 128, 200, 254, 255];
    let mut rng = Rng(12345);
    let mut straight = Vec::new();
    for i in 0..(37 * 23) {
        let v = rng.next().to_le_bytes();
        straight.push([v[0], v[1], v[2], alphas[i % alphas.len()]]);
    }
    let canvas = Canvas::from_fn(37, 23, |x, y| straight[(y * 37 + x) as usize]);
    (canvas, straight)
}

#[test]
fn one_to_one_round_trip_is_exact() {
    let (canvas, straight) = translucent_canvas();
    let img = canvas.png_rgba(SourceRect::full(37, 23), 37, 23);
    assert_eq!(img.color, png::ColorType::Rgba);
    let mut survivors = 0;
    for (i, (&orig, got)) in straight.iter().zip(img.rgba.chunks_exact(4)).enumerate() {
        let got: [u8; 4] = got.try_into().unwrap();
        // Exactly Chromium's unpremultiply of what the canvas holds...
        assert_eq!(got, unpremultiply(premultiply(orig)), "pixel {i}");
        // ...so premultiplying the file gives back the canvas bit for bit.
        assert_eq!(premultiply(got), premultiply(orig), "pixel {i}");
        // Pixels whose straight colour survives premultiplication come back as drawn.
        if orig[3] > 0 && unpremultiply(premultiply(orig)) == orig {
            assert_eq!(got, orig);
            survivors += usize::from(orig[3] < 255);
        }
    }
    assert!(
        survivors > 50,
        "only {survivors} semi-transparent survivors"
    );
}

#[test]
fn cropped_one_to_one_round_trip_is_exact() {
    let (canvas, straight) = translucent_canvas();
    let img = canvas.png_rgba(SourceRect::new(5, 3, 20, 11), 20, 11);
    for y in 0..11 {
        for x in 0..20 {
            let orig = straight[((y + 3) * 37 + x + 5) as usize];
            assert_eq!(img.px(x, y), unpremultiply(premultiply(orig)));
        }
    }
}

#[test]
fn opaque_image_is_rgb_and_translucent_is_rgba() {
    let mut canvas = Canvas::filled(20, 10, [9, 8, 7, 255]);
    let full = SourceRect::full(20, 10);
    assert_eq!(canvas.png_rgba(full, 20, 10).color, png::ColorType::Rgb);
    assert_eq!(canvas.png_rgba(full, 41, 3).color, png::ColorType::Rgb);
    // One translucent pixel anywhere forces RGBA.
    canvas.data[(9 * 20 + 19) * 4 + 3] = 254;
    let img = canvas.png_rgba(full, 20, 10);
    assert_eq!(img.color, png::ColorType::Rgba);
    assert_eq!(img.px(19, 9)[3], 254);
    // So does transparent margin from a source rect past the canvas.
    let opaque = Canvas::filled(20, 10, [9, 8, 7, 255]);
    let img = opaque.png_rgba(SourceRect::new(1, 0, 20, 10), 20, 10);
    assert_eq!(img.color, png::ColorType::Rgba);
    assert_eq!(img.px(19, 0)[3], 0);
    assert_eq!(img.px(18, 0), [9, 8, 7, 255]);
}

#[test]
fn compression_levels_agree_on_pixels_and_trade_size() {
    let data = poster(300, 534);
    let canvas = Canvas {
        width: 300,
        height: 534,
        data,
    };
    let mut sizes = Vec::new();
    let mut first: Option<Vec<u8>> = None;
    for compression in [
        PngCompression::Fast,
        PngCompression::Balanced,
        PngCompression::High,
    ] {
        let opts = ExportOptions::new(300, 534, Format::Png { compression });
        let bytes = canvas.export(SourceRect::full(300, 534), &opts).unwrap();
        let rgba = decode_png(&bytes).rgba;
        match &first {
            Some(f) => assert!(f == &rgba, "{compression:?} decodes differently"),
            None => first = Some(rgba),
        }
        sizes.push(bytes.len());
    }
    assert!(sizes[1] < sizes[0] && sizes[2] <= sizes[1], "{sizes:?}");
}
