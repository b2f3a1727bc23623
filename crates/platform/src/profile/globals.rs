//! Globals a platform gives page code besides its namespace.

use serde::Deserialize;

/// Which extra globals exist; each `true` is backed by the platform's docs
/// or by build output that relies on it, cited in the profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlobalRules {
    /// `global`: one object shared by every module of the app (uni-app's
    /// and mpvue's build output keep `global.webpackJsonp` on it).
    #[serde(default)]
    pub global_object: bool,
    /// `requirePlugin(name)`: plugins are not loaded, so a call throws an
    /// error naming the plugin.
    #[serde(default)]
    pub require_plugin: bool,
    /// `requireMiniProgram()` (only inside plugin code on WeChat).
    #[serde(default)]
    pub require_mini_program: bool,
}
