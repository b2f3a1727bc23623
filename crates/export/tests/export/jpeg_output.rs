//! JPEG output: quality, subsampling, background compositing.

use mpcanvas_export::{ExportOptions, Format, SourceRect};

use crate::poster::poster;
use crate::support::{Canvas, decode_jpeg};

fn jpeg(canvas: &Canvas, quality: f32, background: [u8; 3]) -> Vec<u8> {
    let opts = ExportOptions::new(canvas.width, canvas.height, Format::jpeg(quality))
        .with_background(background);
    canvas
        .export(SourceRect::full(canvas.width, canvas.height), &opts)
        .unwrap()
}

#[test]
fn quality_increases_file_size() {
    let canvas = Canvas {
        width: 400,
        height: 712,
        data: poster(400, 712),
    };
    let sizes: Vec<usize> = [0.1, 0.3, 0.5, 0.7, 0.85, 0.92, 1.0]
        .iter()
        .map(|&q| jpeg(&canvas, q, [255; 3]).len())
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{sizes:?}");
}

#[test]
fn output_decodes_to_the_requested_size_and_close_colours() {
    let canvas = Canvas {
        width: 200,
        height: 356,
        data: poster(200, 356),
    };
    let opts = ExportOptions::new(150, 267, Format::jpeg(0.95));
    let bytes = canvas.export(SourceRect::full(200, 356), &opts).unwrap();
    let (w, h, rgb) = decode_jpeg(&bytes);
    assert_eq!((w, h, rgb.len()), (150, 267, 150 * 267 * 3));
    // The flat brand band (rows 62%–70%) keeps its colour.
    let i = ((267 * 66 / 100) * 150 + 75) * 3;
    for (c, e) in rgb[i..i + 3].iter().zip([230u8, 70, 60]) {
        assert!(c.abs_diff(e) <= 4, "{:?}", &rgb[i..i + 3]);
    }
}

#[test]
fn chroma_is_subsampled_4_2_0_at_every_quality() {
    let canvas = Canvas::filled(16, 16, [1, 2, 3, 255]);
    for q in [0.5, 0.9, 1.0] {
        let bytes = jpeg(&canvas, q, [255; 3]);
        // Baseline SOF0: FFC0, length, precision, height, width, 3 components.
        let sof = bytes
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .expect("SOF0");
        let seg = &bytes[sof + 2..];
        assert_eq!(seg[7], 3);
        let sampling: Vec<u8> = (0..3).map(|c| seg[8 + c * 3 + 1]).collect();
        assert_eq!(sampling, [0x22, 0x11, 0x11], "quality {q}");
    }
}

#[test]
fn transparent_becomes_background_and_translucent_blends() {
    let bg = [40, 90, 220];
    // Left: transparent. Middle: half-transparent red. Right: opaque green.
    let canvas = Canvas::from_fn(96, 32, |x, _| match x / 32 {
        0 => [0, 0, 0, 0],
        1 => [255, 0, 0, 128],
        _ => [0, 200, 0, 255],
    });
    let bytes = jpeg(&canvas, 1.0, bg);
    let (w, _, rgb) = decode_jpeg(&bytes);
    let at = |x: u32, y: u32| {
        let i = ((y * w + x) * 3) as usize;
        [rgb[i], rgb[i + 1], rgb[i + 2]]
    };
    let close = |got: [u8; 3], want: [u8; 3]| {
        assert!(
            got.iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 3),
            "{got:?} vs {want:?}"
        );
    };
    close(at(12, 16), bg);
    // 128 + bg × 127/255 for red; bg × 127/255 for the others.
    let blend = |c: u8, b: u8| (f64::from(c) + f64::from(b) * 127.0 / 255.0).round() as u8;
    close(
        at(48, 16),
        [blend(128, bg[0]), blend(0, bg[1]), blend(0, bg[2])],
    );
    close(at(80, 16), [0, 200, 0]);
}

#[test]
fn in_place_and_composited_paths_encode_identically() {
    // Opaque full-width rows go to the encoder in place; a narrower crop of
    // the same pixels is copied out first. The files must not differ.
    let poster = Canvas {
        width: 64,
        height: 48,
        data: crate::poster::poster(64, 48),
    };
    let wide = Canvas::from_fn(100, 48, |x, y| {
        if x < 64 {
            let i = ((y * 64 + x) * 4) as usize;
            poster.data[i..i + 4].try_into().unwrap()
        } else {
            [255, 0, 0, 255]
        }
    });
    let opts = ExportOptions::new(64, 48, Format::jpeg(0.8));
    let direct = poster.export(SourceRect::full(64, 48), &opts).unwrap();
    let cropped = wide.export(SourceRect::full(64, 48), &opts).unwrap();
    assert!(direct == cropped);
}

#[test]
fn default_background_is_white() {
    let canvas = Canvas::filled(16, 16, [0, 0, 0, 0]);
    let opts = ExportOptions::new(16, 16, Format::jpeg(0.8));
    let bytes = canvas.export(SourceRect::full(16, 16), &opts).unwrap();
    let (_, _, rgb) = decode_jpeg(&bytes);
    assert!(rgb.iter().all(|&c| c >= 253), "{:?}", &rgb[..6]);
}

#[test]
fn out_of_range_quality_is_clamped_not_rejected() {
    let canvas = Canvas {
        width: 64,
        height: 64,
        data: poster(64, 64),
    };
    let top = jpeg(&canvas, 1.0, [255; 3]);
    assert_eq!(jpeg(&canvas, 7.0, [255; 3]), top);
    assert_eq!(jpeg(&canvas, f32::NAN, [255; 3]), top);
    assert_eq!(jpeg(&canvas, -1.0, [255; 3]), jpeg(&canvas, 0.01, [255; 3]));
}
