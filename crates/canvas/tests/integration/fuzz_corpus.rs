//! Replays the saved fuzzing corpus of image decoding (`fuzz/corpus/`):
//! every input must decode within the budget or fail with an error, never
//! panic.

use mpcanvas_canvas::{Image, Limits};

#[test]
fn every_saved_fuzz_input_decodes_or_errors_within_budget() {
    let dir = mpcanvas_conformance::repo_root().join("fuzz/corpus/decode_image");
    let entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus folder exists")
        .filter_map(Result::ok)
        .collect();
    assert!(
        entries.len() >= 10,
        "the corpus holds {} inputs",
        entries.len()
    );
    let limits = Limits {
        max_side: 4096,
        max_pixels: 4_000_000,
        budget: None,
    };
    let (mut decoded, mut refused) = (0, 0);
    for entry in entries {
        let bytes = std::fs::read(entry.path()).unwrap();
        match Image::decode(&bytes, &limits) {
            Ok(image) => {
                assert!(image.width() <= limits.max_side && image.height() <= limits.max_side);
                decoded += 1;
            }
            Err(e) => {
                assert!(!e.message.is_empty());
                refused += 1;
            }
        }
    }
    assert!(
        decoded > 0 && refused > 0,
        "decoded {decoded}, refused {refused}"
    );
}
