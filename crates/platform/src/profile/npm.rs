//! Where a platform finds npm packages: the folder its developer tools
//! build them into, and how a `usingComponents` path names a component
//! inside a package.

use serde::Deserialize;

/// How a component path is read inside a package.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentBase {
    /// `name/x/y` is `x/y` in the package's mini-program folder
    /// (`miniprogram` in package.json, default `miniprogram_dist`); `name`
    /// alone is its `index` component (WeChat).
    #[default]
    Miniprogram,
    /// `name/x/y` is the file `x/y` of the package folder itself (Alipay:
    /// `mini-antui/es/list/index`).
    Package,
    /// `name/alias` is looked up in the package.json's
    /// `exports.components` map (Douyin: `ext://name/alias`).
    Exports,
}

/// A platform's npm layout.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NpmRules {
    /// The folder the developer tools' "build npm" writes next to
    /// `node_modules` (`miniprogram_npm`), looked in first; `None` where
    /// the platform reads `node_modules` itself (Alipay). `node_modules`
    /// is read on every platform, so a project runs without a build step.
    #[serde(default)]
    pub built_folder: Option<String>,
    /// The prefix a `usingComponents` path must carry to name an npm
    /// component (`ext://` on Douyin); `None`: a bare package path does.
    #[serde(default)]
    pub component_scheme: Option<String>,
    /// How the rest of the path is read inside the package.
    #[serde(default)]
    pub component_base: ComponentBase,
}

impl Default for NpmRules {
    /// WeChat's layout (the one the other platforms' tools copy).
    fn default() -> Self {
        NpmRules {
            built_folder: Some("miniprogram_npm".to_string()),
            component_scheme: None,
            component_base: ComponentBase::Miniprogram,
        }
    }
}
