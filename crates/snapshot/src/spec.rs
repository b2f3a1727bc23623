//! The test spec: one `NAME.poster.json` per case, read strictly (an
//! unknown key is an error naming it, so a typo never silently tests
//! less). Paths in it are relative to the spec's folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file name ending that marks a spec.
pub const SPEC_SUFFIX: &str = ".poster.json";

/// The clock a case runs at unless its spec says otherwise: snapshot tests
/// must not depend on the day they run.
pub const DEFAULT_NOW: &str = "2026-01-01T00:00:00+08:00";

/// One case, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Spec {
    /// The project: a page folder, an app folder, a game folder or a `.js`
    /// file (what `mpcanvas run` takes).
    pub project: PathBuf,
    /// The app.json page to open (default: the first).
    #[serde(default)]
    pub page: Option<String>,
    /// What `onLoad(options)` receives.
    #[serde(default)]
    pub query: BTreeMap<String, String>,
    /// The platforms to run on, each a case of its own (default: the one
    /// the project's files show, else wechat).
    #[serde(default)]
    pub platforms: Vec<String>,
    /// Page methods (or `#id`s) tapped in order, as `--tap`.
    #[serde(default)]
    pub taps: Vec<String>,
    /// The scripted user's answer to prompts (default `allow`).
    #[serde(default)]
    pub user: Option<String>,
    /// Photos in the phone's gallery for `chooseImage`.
    #[serde(default)]
    pub pick: Vec<PathBuf>,
    /// No network: downloads fail.
    #[serde(default)]
    pub offline: bool,
    /// The phone.
    #[serde(default)]
    pub device: DeviceSpec,
    /// What must hold.
    #[serde(default)]
    pub expect: Expect,
}

/// The phone a case runs on; every field has `mpcanvas run`'s default,
/// except the clock and the random seed, which are fixed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct DeviceSpec {
    /// Device pixel ratio (default 2).
    pub dpr: Option<f64>,
    /// `WxH` in CSS px (default `375x667`).
    pub screen: Option<String>,
    /// BCP 47 tag (default zh-CN).
    pub locale: Option<String>,
    /// IANA zone (default Asia/Shanghai).
    pub tz: Option<String>,
    /// The fixed clock (default [`DEFAULT_NOW`]).
    pub now: Option<String>,
    /// `Math.random`'s seed (default 0).
    pub seed: Option<u64>,
    /// `devtools`, `ios` or `android`.
    pub system: Option<String>,
    /// The base library version reported as `SDKVersion`.
    pub sdk_version: Option<String>,
}

/// The assertions of a case. The run must always complete with no
/// escaped error; the rest is opt-in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Expect {
    /// How many images the run must export (default: at least one).
    pub images: Option<usize>,
    /// APIs that must have been called and succeeded, e.g.
    /// `wx.saveImageToPhotosAlbum`.
    #[serde(default)]
    pub calls: Vec<String>,
    /// The authorization scopes prompted, in order (`[]`: no prompt).
    pub prompts: Option<Vec<String>>,
    /// Strict mode: no platform warning and no `console.warn` / `error`.
    #[serde(default)]
    pub no_warnings: bool,
    /// How far an image may be from its snapshot (default: no difference
    /// beyond the rule's noise).
    #[serde(default)]
    pub tolerance: Tolerance,
}

/// The conformance suite's tolerance: channel differences of 2 or less are
/// noise; beyond that, the largest difference and the number of pixels
/// that differ are bounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Tolerance {
    /// Largest channel difference allowed (0–255).
    #[serde(default)]
    pub max_difference: u8,
    /// Number of differing pixels allowed.
    #[serde(default)]
    pub pixels: u64,
}

impl Tolerance {
    /// As the comparison crate takes it.
    pub fn fuzzy(self) -> mpcanvas_compare::Fuzzy {
        mpcanvas_compare::Fuzzy {
            max_difference: self.max_difference,
            total_pixels: self.pixels,
        }
    }
}

impl Spec {
    /// Reads and parses a spec file; the error names the file (and the
    /// line and column for bad JSON).
    pub fn load(path: &Path) -> Result<Spec, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// The case name of a spec file: its file name without [`SPEC_SUFFIX`].
pub fn case_name(path: &Path) -> String {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.strip_suffix(SPEC_SUFFIX).unwrap_or(&file).to_string()
}

/// Folders never searched for specs: dependencies, build output, VCS.
const SKIPPED: &[&str] = &["node_modules", "miniprogram_npm", "target", ".git"];

/// The specs at `path`: the file itself, or every `*.poster.json` below
/// the folder (sorted; dependency and build folders skipped, and `out`,
/// where the runner writes).
pub fn discover(path: &Path, out: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    if !path.is_dir() {
        return Err(format!("{}: no such file or folder", path.display()));
    }
    let out = out.canonicalize().ok();
    let mut found = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let p = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            // Symlinked folders are not followed (no cycles).
            let kind = entry
                .file_type()
                .map_err(|e| format!("{}: {e}", p.display()))?;
            if kind.is_dir() {
                if !SKIPPED.contains(&name.as_str()) && p.canonicalize().ok() != out {
                    stack.push(p);
                }
            } else if name.ends_with(SPEC_SUFFIX) {
                found.push(p);
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minimal_spec_has_the_documented_defaults() {
        let s: Spec = serde_json::from_str(r#"{"project": "../wechat-2d"}"#).unwrap();
        assert_eq!(s.project, PathBuf::from("../wechat-2d"));
        assert!(s.platforms.is_empty() && s.taps.is_empty() && !s.offline);
        assert_eq!(s.expect.images, None);
        assert_eq!(s.expect.prompts, None);
        assert_eq!(s.expect.tolerance, Tolerance::default());
    }

    #[test]
    fn unknown_keys_are_errors_that_name_the_key() {
        let e = serde_json::from_str::<Spec>(r#"{"project": "p", "tap": ["save"]}"#).unwrap_err();
        assert!(e.to_string().contains("tap"), "{e}");
        let e = serde_json::from_str::<Spec>(r#"{"project": "p", "expect": {"image": 1}}"#)
            .unwrap_err();
        assert!(e.to_string().contains("image"), "{e}");
    }

    #[test]
    fn the_case_name_drops_the_suffix() {
        assert_eq!(case_name(Path::new("a/wechat-2d.poster.json")), "wechat-2d");
    }
}
