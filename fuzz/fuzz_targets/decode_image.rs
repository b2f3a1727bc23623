//! Image decoding must never panic, hang or allocate past the budget:
//! arbitrary bytes either decode to an image within the limits or give an
//! error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mpcanvas_canvas::{Image, Limits};

fuzz_target!(|data: &[u8]| {
    // A small budget so oversized declared sizes are refused quickly.
    let limits = Limits { max_side: 4096, max_pixels: 4_000_000, budget: None };
    if let Ok(image) = Image::decode(data, &limits) {
        assert!(image.width() <= limits.max_side && image.height() <= limits.max_side);
        assert!(image.width() as u64 * image.height() as u64 <= limits.max_pixels);
    }
});
