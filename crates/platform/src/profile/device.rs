//! What a real device refuses that mpcanvas, by default, lets through
//! (`[device]` in `profiles/*.toml`). Each fact is checked during a run: a
//! warning in the report, or with `--strict` the failure the device shows
//! (see `crate::checks`). Every value cites its evidence in the TOML.

use serde::Deserialize;

/// The device checks of one platform.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DeviceRules {
    /// The legacy context's `draw()` ships its queue to a native view and
    /// finishes later; only its callback guarantees an export sees it
    /// (WeChat `canvasToTempFilePath` page; Alipay FAQ "导出图片空白").
    pub draw_async: bool,
    /// Canvas and export size limits, each with the devices it holds on.
    pub size_limits: Vec<SizeLimit>,
    /// `downloadFile` (and network `getImageInfo`) take `https` only.
    pub https_only: bool,
    /// Downloads reach only the domains configured for the app
    /// (`--allow-domain`, `project.config.json`).
    pub domain_allowlist: bool,
    /// The failure message of a download outside the allowlist.
    pub domain_message: String,
    /// `loadFontFace` finishes later; text drawn before its callback is
    /// drawn in a fallback font.
    pub font_load_async: bool,
    /// Namespace functions return a Promise without callbacks here, but
    /// the platform's docs never say so.
    pub undocumented_promises: bool,
    /// Options mpcanvas honours that the platform's docs do not list.
    pub undocumented_options: Vec<UndocumentedOption>,
}

/// One documented or reported size limit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SizeLimit {
    /// What the limit is, for the report (`iOS canvas area`).
    pub name: String,
    /// Which devices it holds on (`iOS`, `every device`, `Android`).
    pub devices: String,
    /// Largest width or height in bitmap px (`None`: no side limit).
    #[serde(default)]
    pub max_side: Option<u32>,
    /// Largest width × height in bitmap px (`None`: no area limit).
    #[serde(default)]
    pub max_area: Option<u64>,
    /// The limit holds for canvas nodes (`<canvas type="2d">`, mini-game
    /// canvases) only, not for legacy `canvas-id` canvases.
    #[serde(default)]
    pub nodes_only: bool,
    /// The limit holds for the exported image too (`destWidth` ×
    /// `destHeight`), not only for the canvas.
    #[serde(default)]
    pub exports: bool,
}

impl SizeLimit {
    /// Whether a `w`×`h` bitmap exceeds this limit.
    pub fn exceeded_by(&self, w: u32, h: u32) -> bool {
        self.max_side.is_some_and(|s| w > s || h > s)
            || self
                .max_area
                .is_some_and(|a| u64::from(w) * u64::from(h) > a)
    }
}

/// An option of one API that the platform's docs do not list.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UndocumentedOption {
    /// The namespace function (`canvasToTempFilePath`).
    pub api: String,
    /// The option (`canvas`).
    pub option: String,
}
