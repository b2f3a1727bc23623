//! Helpers: run a drawing, compare with a Chromium reference.

use mpcanvas_canvas::{Context2d, Image, Limits};
use mpcanvas_conformance::{Header, RgbaImage, check_against_reference, conformance_dir, judge};

/// A canvas of `w × h` with default limits.
pub(crate) fn canvas(w: u32, h: u32) -> Context2d {
    Context2d::new(w, h, Limits::default()).expect("canvas within limits")
}

/// The canvas pixels as unpremultiplied RGBA.
pub(crate) fn pixels(ctx: &Context2d) -> RgbaImage {
    let data = ctx
        .get_image_data(0, 0, ctx.width() as i64, ctx.height() as i64)
        .unwrap();
    RgbaImage {
        width: ctx.width(),
        height: ctx.height(),
        data: data.into_data(),
    }
}

/// Decodes an asset of the conformance corpus.
pub(crate) fn asset(name: &str) -> Image {
    let bytes = std::fs::read(conformance_dir().join("assets").join(name)).expect("asset exists");
    Image::decode(&bytes, &Limits::default()).expect("asset decodes")
}

/// Draws the corpus case `name` with `draw` on a canvas of the script's
/// `@size`, then applies the script's `@fuzzy` tolerance against the
/// Chromium reference, judged by the expected-failures ledger.
pub(crate) fn check_case(name: &str, draw: impl FnOnce(&mut Context2d)) {
    let source = std::fs::read_to_string(conformance_dir().join(format!("{name}.js")))
        .expect("case script exists");
    let header = Header::parse(&source);
    let mut ctx = canvas(header.size.0, header.size.1);
    draw(&mut ctx);
    if let Err(e) = judge(name, check_against_reference(name, &header, &pixels(&ctx))) {
        panic!("{e}");
    }
}
