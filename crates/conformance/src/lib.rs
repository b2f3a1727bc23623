//! Test support shared by every test that compares a rendering with a
//! Chromium reference: the drawing-script header directives, the tolerance
//! rule of `conformance/README.md`, reference loading, and the
//! expected | diff | actual images written on a mismatch.
#![forbid(unsafe_code)]

mod ledger;

// The rule itself lives in its own crate, shared with `mpcanvas test`.
pub use ledger::{expected_failures, judge};
pub use mpcanvas_compare::{Comparison, RgbaImage, compare, read_png, write_diff, write_png};
pub use mpcanvas_script::{FontDirective, Fuzzy, Header};

use std::path::PathBuf;

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root exists")
}

/// The project's conformance folder.
pub fn conformance_dir() -> PathBuf {
    repo_root().join("conformance")
}

/// Where mismatch images go (git-ignored).
pub fn diff_dir() -> PathBuf {
    repo_root().join("target/mpcanvas-diffs")
}

/// Compares `actual` with the reference PNG `ref/<name>.png` under the
/// header's tolerance; on a mismatch writes the diff image and returns an
/// error describing it. A missing reference is an error too.
pub fn check_against_reference(
    name: &str,
    header: &Header,
    actual: &RgbaImage,
) -> Result<Comparison, String> {
    let ref_path = conformance_dir().join("ref").join(format!("{name}.png"));
    let expected = read_png(&ref_path)
        .map_err(|e| format!("{name}: reference {}: {e}", ref_path.display()))?;
    let fuzzy = header.fuzzy;
    if (expected.width, expected.height) != (actual.width, actual.height) {
        return Err(format!(
            "{name}: size {}x{} differs from the reference's {}x{}",
            actual.width, actual.height, expected.width, expected.height
        ));
    }
    let result = compare(&expected, actual);
    if result.passes(fuzzy) {
        return Ok(result);
    }
    let out = diff_dir().join(format!("{name}.png"));
    let written = write_diff(&out, &expected, actual)
        .map(|_| out.display().to_string())
        .unwrap_or_else(|e| format!("(diff not written: {e})"));
    Err(format!(
        "{name}: max difference {} over {} pixels; allowed {} over {} — see {written}",
        result.max_difference, result.differing_pixels, fuzzy.max_difference, fuzzy.total_pixels
    ))
}
