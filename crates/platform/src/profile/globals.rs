//! Globals a platform gives page code besides its namespace.

use serde::Deserialize;

/// Which extra globals exist; each `true` is backed by the platform's docs
/// or by build output that relies on it, cited in the profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
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
    /// The base library's app configuration object (WeChat's
    /// `__wxConfig`), when the platform defines one.
    #[serde(default)]
    pub app_config: Option<AppConfigGlobal>,
}

/// The app configuration global: an undocumented object page code reads to
/// tell develop / trial / release builds apart, among other things.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppConfigGlobal {
    /// The global's name (`__wxConfig`).
    pub name: String,
    /// Its `envVersion` (the documented twin is
    /// `getAccountInfoSync().miniProgram.envVersion`).
    pub env_version: EnvVersion,
}

/// Which build of the mini-program runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EnvVersion {
    /// The developer tools' build, and a phone previewing it.
    Develop,
    /// A trial build shared with testers.
    Trial,
    /// The published build.
    Release,
}

impl EnvVersion {
    /// The name page code compares against.
    pub fn as_str(self) -> &'static str {
        match self {
            EnvVersion::Develop => "develop",
            EnvVersion::Trial => "trial",
            EnvVersion::Release => "release",
        }
    }
}
