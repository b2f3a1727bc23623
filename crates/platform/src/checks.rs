//! Device checks: what a phone refuses that a run lets through. Each
//! check is reported as an [`Event::DeviceCheck`](crate::report::Event)
//! with the file and line of the call; with [`CheckConfig::strict`] the
//! run then behaves as the device does (the export sees the canvas before
//! a pending `draw()`, the download fails, the promise is not returned, …).
//! The facts come from the profile's [`DeviceRules`](crate::profile::DeviceRules).

use std::collections::HashMap;

use crate::canvases::Scope;

/// One kind of device check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// An export or pixel read while a legacy `draw()` is still pending.
    DrawRace,
    /// A canvas or export past a device's size limit.
    SizeLimit,
    /// A network image drawn on a legacy context without `downloadFile`.
    NetworkImage,
    /// A download that is not `https` or not in the domain allowlist.
    Domain,
    /// Text drawn in a font whose `loadFontFace` has not finished.
    FontPending,
    /// An option or return style the platform's docs do not list.
    Undocumented,
}

impl Check {
    /// The check's name in reports (`draw-race`, `size-limit`, …).
    pub fn name(self) -> &'static str {
        match self {
            Check::DrawRace => "draw-race",
            Check::SizeLimit => "size-limit",
            Check::NetworkImage => "network-image",
            Check::Domain => "domain",
            Check::FontPending => "font-pending",
            Check::Undocumented => "undocumented",
        }
    }
}

/// How a run treats device checks.
#[derive(Debug, Clone, Default)]
pub struct CheckConfig {
    /// Fail as the device fails instead of warning.
    pub strict: bool,
    /// Download domains the app is configured for (`--allow-domain`,
    /// `project.config.json`); a host matches itself and its subdomains.
    pub allowed_domains: Vec<String>,
}

impl CheckConfig {
    /// Whether `host` is one of the allowed domains or below one.
    pub fn domain_allowed(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.allowed_domains.iter().any(|d| {
            let d = d.trim_start_matches('.').to_ascii_lowercase();
            host == d || host.ends_with(&format!(".{d}"))
        })
    }
}

/// The run's check state: configuration, the JS call site, and what is
/// still pending on the simulated device.
#[derive(Debug, Default)]
pub(crate) struct CheckState {
    pub(crate) config: CheckConfig,
    /// `file:line:col` of the JS call being served, set by the JS layer.
    pub(crate) site: Option<String>,
    /// Legacy canvases whose `draw()` has not finished, by (scope, id).
    pub(crate) pending_draws: HashMap<(Scope, String), u32>,
    /// Font families whose `loadFontFace` has not finished (lower case).
    pub(crate) pending_fonts: Vec<String>,
}
