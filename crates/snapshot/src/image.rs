//! One image against its approved snapshot: decoded by the engine's own
//! decoder (so a JPEG export compares like a PNG one), compared under the
//! conformance rule (`mpcanvas-compare`), a diff image written when it
//! differs, the snapshot (re)written only when approving.

use std::path::{Path, PathBuf};

use mpcanvas::layers::canvas::{Image as Decoded, Limits};
use mpcanvas::layers::platform::atomic;
use mpcanvas_compare::{Comparison, RgbaImage, compare, diff_image, encode_png};

use crate::spec::Tolerance;

/// How an image stood against its snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Within the tolerance.
    Matches(Comparison),
    /// Written as the approved snapshot (`--update`): new, or changed.
    Approved,
    /// Beyond the tolerance; expected | diff | actual written to `diff`.
    Differs {
        /// What the comparison found.
        comparison: Comparison,
        /// The diff image.
        diff: PathBuf,
    },
    /// Not the snapshot's size (no diff image: pixels do not line up).
    SizeDiffers {
        /// The snapshot's width and height.
        snapshot: (u32, u32),
        /// The image's.
        actual: (u32, u32),
    },
    /// No snapshot approved yet (run with `--update` to approve).
    NoSnapshot,
}

impl Verdict {
    /// Whether this counts as a pass.
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Matches(_) | Verdict::Approved)
    }

    /// One line for reports, naming the snapshot.
    pub fn describe(&self, snapshot: &Path, tolerance: Tolerance) -> String {
        let s = snapshot.display();
        match self {
            Verdict::Matches(c) if c.differing_pixels == 0 => format!("{s}: matches"),
            Verdict::Matches(c) => format!(
                "{s}: matches within tolerance (max difference {} over {} pixels)",
                c.max_difference, c.differing_pixels
            ),
            Verdict::Approved => format!("{s}: approved (written)"),
            Verdict::Differs {
                comparison: c,
                diff,
            } => format!(
                "{s}: max difference {} over {} pixels; allowed {} over {} — diff: {}",
                c.max_difference,
                c.differing_pixels,
                tolerance.max_difference,
                tolerance.pixels,
                diff.display()
            ),
            Verdict::SizeDiffers {
                snapshot: e,
                actual: a,
            } => format!(
                "{s}: the image is {}x{}, the snapshot {}x{}",
                a.0, a.1, e.0, e.1
            ),
            Verdict::NoSnapshot => {
                format!("{s}: no approved snapshot (run with --update to approve this image)")
            }
        }
    }
}

/// A verdict as JSON: `pass`, `status` (`matches`, `approved`,
/// `differs`, `size`, `missing`), and what the comparison found.
pub fn verdict_json(verdict: &Verdict) -> serde_json::Value {
    use serde_json::json;
    let mut v = json!({ "pass": verdict.passed() });
    match verdict {
        Verdict::Matches(c) => {
            v["status"] = "matches".into();
            v["maxDifference"] = c.max_difference.into();
            v["differingPixels"] = c.differing_pixels.into();
        }
        Verdict::Approved => v["status"] = "approved".into(),
        Verdict::Differs {
            comparison: c,
            diff,
        } => {
            v["status"] = "differs".into();
            v["maxDifference"] = c.max_difference.into();
            v["differingPixels"] = c.differing_pixels.into();
            v["diff"] = diff.display().to_string().into();
        }
        Verdict::SizeDiffers { snapshot, actual } => {
            v["status"] = "size".into();
            v["snapshotSize"] = json!([snapshot.0, snapshot.1]);
            v["actualSize"] = json!([actual.0, actual.1]);
        }
        Verdict::NoSnapshot => v["status"] = "missing".into(),
    }
    v
}

/// Decodes an image file (PNG, JPEG, …) to unpremultiplied RGBA.
pub fn decode(path: &Path) -> Result<RgbaImage, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let image = Decoded::decode(&bytes, &Limits::default())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(RgbaImage {
        width: image.width(),
        height: image.height(),
        data: image.to_rgba8(),
    })
}

/// Compares the image at `actual` with the snapshot at `snapshot`. A
/// mismatch writes expected | diff | actual to `diff`. With `update`, a
/// snapshot that is missing or beyond the tolerance is replaced by the
/// image (whole-or-nothing), one within it is left alone.
pub fn check_image(
    actual: &Path,
    snapshot: &Path,
    tolerance: Tolerance,
    update: bool,
    diff: &Path,
) -> Result<Verdict, String> {
    let image = decode(actual)?;
    let verdict = if snapshot.exists() {
        let approved = decode(snapshot)?;
        if (approved.width, approved.height) != (image.width, image.height) {
            Verdict::SizeDiffers {
                snapshot: (approved.width, approved.height),
                actual: (image.width, image.height),
            }
        } else {
            let comparison = compare(&approved, &image);
            if comparison.passes(tolerance.fuzzy()) {
                // A diff left by an earlier failure would mislead.
                if diff.is_file() {
                    std::fs::remove_file(diff).map_err(|e| format!("{}: {e}", diff.display()))?;
                }
                Verdict::Matches(comparison)
            } else {
                if !update {
                    write(diff, &encode_png(&diff_image(&approved, &image))?)?;
                }
                Verdict::Differs {
                    comparison,
                    diff: diff.to_path_buf(),
                }
            }
        }
    } else {
        Verdict::NoSnapshot
    };
    if update && !verdict.passed() {
        write(snapshot, &encode_png(&image)?)?;
        return Ok(Verdict::Approved);
    }
    Ok(verdict)
}

/// Writes whole-or-nothing, creating the folder.
fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    atomic::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
