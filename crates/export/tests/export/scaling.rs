//! Destination sizes different from the source: filter behaviour.

use mpcanvas_export::SourceRect;

use crate::support::{Canvas, unpremultiply};

/// A translucent colour, premultiplied as the canvas stores it.
const TRANSLUCENT: [u8; 4] = [100, 50, 25, 128];

#[test]
fn upscale_has_requested_size_and_keeps_uniform_colour() {
    for px in [[200, 30, 90, 255], TRANSLUCENT] {
        let canvas = Canvas::filled(30, 20, px);
        for (w, h) in [(60, 40), (97, 31), (30, 200), (1000, 1)] {
            let img = canvas.png_rgba(SourceRect::full(30, 20), w, h);
            assert_eq!((img.width, img.height), (w, h));
            let expected = unpremultiply(px);
            assert!(
                img.rgba.chunks_exact(4).all(|p| p == expected),
                "{w}x{h} from {px:?}"
            );
        }
    }
}

#[test]
fn downscale_has_requested_size_and_keeps_uniform_colour() {
    for px in [[200, 30, 90, 255], TRANSLUCENT] {
        let canvas = Canvas::filled(300, 200, px);
        for (w, h) in [(150, 100), (7, 93), (1, 1), (300, 2)] {
            let img = canvas.png_rgba(SourceRect::full(300, 200), w, h);
            assert_eq!((img.width, img.height), (w, h));
            let expected = unpremultiply(px);
            assert!(
                img.rgba.chunks_exact(4).all(|p| p == expected),
                "{w}x{h} from {px:?}"
            );
        }
    }
}

#[test]
fn downscaled_checkerboard_is_smooth_grey() {
    let canvas = Canvas::from_fn(400, 400, |x, y| {
        if (x + y) % 2 == 0 {
            [255, 255, 255, 255]
        } else {
            [0, 0, 0, 255]
        }
    });
    for (w, h) in [(100, 100), (121, 77), (50, 133)] {
        let img = canvas.png_rgba(SourceRect::full(400, 400), w, h);
        for p in img.rgba.chunks_exact(4) {
            // Mid-grey everywhere: no blocks, no moiré.
            assert!((120..=135).contains(&p[0]), "{w}x{h}: {p:?}");
            assert_eq!(p[0], p[1]);
            assert_eq!(p[1], p[2]);
            assert_eq!(p[3], 255);
        }
    }
}

#[test]
fn upscaled_edge_is_interpolated_not_blocky() {
    // Black left half, white right half, ×4: the edge gets intermediate greys.
    let canvas = Canvas::from_fn(10, 2, |x, _| if x < 5 { [0, 0, 0, 255] } else { [255; 4] });
    let img = canvas.png_rgba(SourceRect::full(10, 2), 40, 8);
    let row: Vec<u8> = (0..40).map(|x| img.px(x, 3)[0]).collect();
    let greys = row.iter().filter(|&&c| c > 20 && c < 235).count();
    assert!(greys >= 2, "{row:?}");
    assert_eq!(row[0], 0);
    assert_eq!(row[39], 255);
}

#[test]
fn scaling_one_axis_keeps_the_other_exact() {
    let canvas = Canvas::from_fn(8, 3, |x, y| [(x * 30) as u8, (y * 80) as u8, 7, 255]);
    let img = canvas.png_rgba(SourceRect::full(8, 3), 8, 9);
    for y in 0..9 {
        for x in 0..8 {
            assert_eq!(img.px(x, y)[0], (x * 30) as u8, "x={x} y={y}");
        }
    }
}
