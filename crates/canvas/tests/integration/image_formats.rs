//! Decoding the formats posters meet beyond the conformance assets:
//! progressive and CMYK JPEG, 16-bit PNG, and the first frame of an APNG
//! (fixtures in `formats/`, made with Pillow), and a decompression bomb.

use mpcanvas_canvas::error::ErrorKind;
use mpcanvas_canvas::{Image, Limits};

fn decode(name: &str) -> Image {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/integration/formats")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    Image::decode(&bytes, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Unpremultiplied RGBA at (x, y).
fn pixel(image: &Image, x: u32, y: u32) -> [u8; 4] {
    let i = ((y * image.width() + x) * 4) as usize;
    image.to_rgba8()[i..i + 4].try_into().unwrap()
}

/// Asserts `got` is within `tolerance` of `want` on every channel.
fn assert_near(got: [u8; 4], want: [u8; 4], tolerance: u8, what: &str) {
    let far = got.iter().zip(want).any(|(g, w)| g.abs_diff(w) > tolerance);
    assert!(
        !far,
        "{what}: {got:?} is not within {tolerance} of {want:?}"
    );
}

#[test]
fn progressive_jpeg_decodes_like_a_baseline_one() {
    let image = decode("progressive.jpg");
    assert_eq!((image.width(), image.height()), (24, 16));
    assert_near(pixel(&image, 3, 8), [200, 40, 40, 255], 6, "red half");
    assert_near(pixel(&image, 20, 8), [40, 40, 200, 255], 6, "blue half");
}

#[test]
fn cmyk_jpeg_is_converted_to_rgb() {
    let image = decode("cmyk.jpg");
    assert_eq!((image.width(), image.height()), (24, 16));
    // A naive CMYK→RGB conversion, as browsers without a CMYK profile do.
    assert_near(pixel(&image, 3, 8), [200, 40, 40, 255], 12, "red half");
    assert_near(pixel(&image, 20, 8), [40, 40, 200, 255], 12, "blue half");
}

#[test]
fn sixteen_bit_grey_png_keeps_its_level_in_eight_bits() {
    let image = decode("gray16.png");
    assert_eq!((image.width(), image.height()), (6, 4));
    // 40000 / 65535 of full scale is 155.6 in eight bits.
    assert_near(pixel(&image, 2, 2), [156, 156, 156, 255], 1, "grey");
}

#[test]
fn apng_shows_its_first_frame() {
    let image = decode("two-frames.apng");
    assert_eq!((image.width(), image.height()), (10, 8));
    assert_eq!(pixel(&image, 5, 4), [255, 0, 0, 255]);
}

#[test]
fn a_50000_px_square_png_bomb_is_refused_from_its_header() {
    // 2 KB on disk, 10 GB decoded: refused for its declared size, before
    // any pixel memory exists.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/integration/formats/bomb-50000.png");
    let bytes = std::fs::read(path).expect("fixture exists");
    assert!(bytes.len() < 4096);
    let err = Image::decode(&bytes, &Limits::default()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Budget, "{err}");
    assert!(err.message.contains("50000x50000"), "{}", err.message);
}
