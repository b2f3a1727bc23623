//! Device checks as [`Platform`] methods: recording a check with the JS
//! call site, and the state the checks follow (pending `draw()`s, pending
//! fonts). What each check looks for is in the API that meets it; the
//! facts are the profile's [`DeviceRules`](crate::profile::DeviceRules).

use mpcanvas_canvas::text::FontCollection;

use super::Platform;
use crate::canvases::Scope;
use crate::checks::{Check, CheckConfig};
use crate::legacy::{Action, CanvasContext};
use crate::report::Event;

/// A legacy `draw()` the simulated device has not finished yet. The JS
/// layer hands it back to [`Platform::finish_draw`] in the task that
/// runs before the draw's callback.
#[derive(Debug)]
pub struct PendingDraw {
    key: (Scope, String),
    /// Strict mode: the actions, replayed only when the draw finishes.
    deferred: Option<(Vec<Action>, bool)>,
}

/// A font whose registration strict mode holds back until its
/// `loadFontFace` finishes.
pub(crate) struct DeferredFont {
    pub(crate) family: String,
    pub(crate) faces: FontCollection,
}

impl Platform {
    /// Sets how device checks are treated (strict, allowed domains).
    pub fn set_checks(&mut self, config: CheckConfig) {
        self.checks.config = config;
    }

    /// Whether device checks fail as the device does.
    pub fn strict(&self) -> bool {
        self.checks.config.strict
    }

    /// The JS call being served (`pages/a/a.js:12:5`), for the report of
    /// any check it meets.
    pub fn set_call_site(&mut self, site: Option<String>) {
        self.checks.site = site;
    }

    /// Records `check` met by `api` and returns whether the run is strict
    /// (so the caller fails as the device does).
    pub(crate) fn device_check(&mut self, check: Check, api: &str, message: String) -> bool {
        let strict = self.checks.config.strict;
        self.report.push(Event::DeviceCheck {
            check: check.name().to_owned(),
            api: api.to_owned(),
            message,
            at: self.checks.site.clone(),
            strict,
        });
        strict
    }

    /// `ctx.draw(reserve)` on a device where drawing finishes later: the
    /// canvas is marked pending until [`finish_draw`](Self::finish_draw).
    /// Replays at once, except in strict mode, where the replay waits for
    /// the finish as on a slow device. `None` where `draw()` is immediate.
    pub fn start_draw(&mut self, ctx: &mut CanvasContext, reserve: bool) -> Option<PendingDraw> {
        if !self.profile.device.draw_async {
            self.draw(ctx, reserve);
            return None;
        }
        let key = (ctx.scope(), ctx.canvas_id().to_owned());
        *self.checks.pending_draws.entry(key.clone()).or_insert(0) += 1;
        let deferred = if self.checks.config.strict {
            Some((ctx.take_actions(), reserve))
        } else {
            self.draw(ctx, reserve);
            None
        };
        Some(PendingDraw { key, deferred })
    }

    /// The device finished a `draw()`: replays it if strict mode held it
    /// back, and clears the canvas's pending mark.
    pub fn finish_draw(&mut self, pending: PendingDraw) {
        let PendingDraw { key, deferred } = pending;
        if let Some((actions, reserve)) = deferred {
            self.replay_draw(key.0, &key.1, actions, reserve);
        }
        if let Some(n) = self.checks.pending_draws.get_mut(&key) {
            *n -= 1;
            if *n == 0 {
                self.checks.pending_draws.remove(&key);
            }
        }
    }

    /// The draw-race check of an export or pixel read of the legacy
    /// canvas `id` in `scope`.
    pub(crate) fn check_draw_race(&mut self, scope: Scope, id: &str, api: &str) {
        if !self
            .checks
            .pending_draws
            .contains_key(&(scope, id.to_owned()))
        {
            return;
        }
        let strict = self.checks.config.strict;
        self.device_check(
            Check::DrawRace,
            api,
            format!(
                "canvas '{id}' is read while its draw() has not finished; on a device only \
                 the draw() callback guarantees the drawing is there{}",
                if strict {
                    " (strict: read as it was before that draw)"
                } else {
                    ""
                }
            ),
        );
    }

    /// The size-limit check of a `w`×`h` bitmap (`what`: `canvas`,
    /// `export`) of a canvas node or (`node` false) a legacy canvas; `Err`
    /// in strict mode when a limit is exceeded.
    pub(crate) fn check_size(
        &mut self,
        api: &str,
        what: &str,
        node: bool,
        (w, h): (u32, u32),
    ) -> Result<(), ()> {
        let over: Vec<String> = self
            .profile
            .device
            .size_limits
            .iter()
            .filter(|l| {
                (node || !l.nodes_only) && (what == "canvas" || l.exports) && l.exceeded_by(w, h)
            })
            .map(|l| {
                let bound = match (l.max_side, l.max_area) {
                    (Some(s), Some(a)) => format!("{s} px a side, {a} px in area"),
                    (Some(s), None) => format!("{s} px a side"),
                    (None, Some(a)) => format!("{a} px in area"),
                    (None, None) => String::new(),
                };
                format!("{} ({bound}; {})", l.name, l.devices)
            })
            .collect();
        if over.is_empty() {
            return Ok(());
        }
        let failed = self.device_check(
            Check::SizeLimit,
            api,
            format!("{what} of {w}×{h} px is past {}", over.join(", ")),
        );
        if failed { Err(()) } else { Ok(()) }
    }

    /// The domain check of a download of `url`; `Err(message)` with the
    /// device's failure in strict mode.
    pub(crate) fn check_domain(&mut self, api: &str, url: &str) -> Result<(), String> {
        let rules = &self.profile.device;
        let lower = url.to_ascii_lowercase();
        let problem = if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            None
        } else if rules.https_only && !lower.starts_with("https://") {
            Some(format!(
                "{url} is not https; the platform downloads over https only"
            ))
        } else if rules.domain_allowlist {
            let host = crate::fetch::host_of(url).unwrap_or_default();
            (!self.checks.config.domain_allowed(&host)).then(|| {
                format!(
                    "{host} is not in the app's download domain list (allowed: {}; \
                     --allow-domain or project.config.json)",
                    if self.checks.config.allowed_domains.is_empty() {
                        "none".to_owned()
                    } else {
                        self.checks.config.allowed_domains.join(", ")
                    }
                )
            })
        } else {
            None
        };
        match problem {
            Some(message) => {
                let device_message = self.profile.device.domain_message.clone();
                if self.device_check(Check::Domain, api, message) {
                    Err(device_message)
                } else {
                    Ok(())
                }
            }
            None => Ok(()),
        }
    }

    /// Whether a call of `api` (a namespace function, or a method such as
    /// `Canvas.toTempFilePath`) without callbacks may return a Promise: a
    /// check where the platform's docs never promise one; `false` in
    /// strict mode (the device returns nothing).
    pub fn check_promise(&mut self, api: &str) -> bool {
        if !self.profile.device.undocumented_promises {
            return true;
        }
        let api = if api.contains('.') {
            api.to_owned()
        } else {
            self.qualified(api)
        };
        !self.device_check(
            Check::Undocumented,
            &api,
            format!(
                "called without callbacks for a Promise; {}'s docs list callbacks only",
                self.profile.name
            ),
        )
    }

    /// The undocumented-option check of `api`'s `options`: in strict mode
    /// the listed options are dropped (the device does not know them).
    pub(crate) fn check_options(&mut self, api: &str, options: &crate::JsValue) -> crate::JsValue {
        let listed: Vec<String> = self
            .profile
            .device
            .undocumented_options
            .iter()
            .filter(|u| u.api == api && !options.get(&u.option).is_nullish())
            .map(|u| u.option.clone())
            .collect();
        let mut options = options.clone();
        for option in listed {
            let report_api = self.qualified(api);
            let strict = self.device_check(
                Check::Undocumented,
                &report_api,
                format!(
                    "option '{option}' is not in {}'s docs for {api}{}",
                    self.profile.name,
                    if self.checks.config.strict {
                        " (strict: ignored, as the device would)"
                    } else {
                        ""
                    }
                ),
            );
            if strict {
                options = options.without(&option);
            }
        }
        options
    }

    /// `loadFontFace` of `family` has finished on the device: its font is
    /// registered (strict mode held it back) and no longer pending.
    pub fn finish_font_load(&mut self, family: &str) {
        let key = family.to_ascii_lowercase();
        if let Some(i) = self.checks.pending_fonts.iter().position(|f| *f == key) {
            self.checks.pending_fonts.remove(i);
        }
        let (ready, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.deferred_fonts)
            .into_iter()
            .partition(|f| f.family.eq_ignore_ascii_case(family));
        self.deferred_fonts = rest;
        for f in ready {
            self.fonts.add_collection(&f.faces);
        }
    }

    /// Whether some `loadFontFace` has not finished (text checks are
    /// needed only then).
    pub fn fonts_pending(&self) -> bool {
        !self.checks.pending_fonts.is_empty()
    }

    /// The font-pending check of text drawn or measured in the CSS `font`
    /// by `api`.
    pub fn check_font_use(&mut self, api: &str, font: &str) {
        if self.checks.pending_fonts.is_empty() {
            return;
        }
        let families = font_families(font);
        let Some(family) = self
            .checks
            .pending_fonts
            .iter()
            .find(|p| families.iter().any(|f| f == *p))
            .cloned()
        else {
            return;
        };
        let strict = self.checks.config.strict;
        self.device_check(
            Check::FontPending,
            api,
            format!(
                "text in '{family}' before its loadFontFace finished; a device draws it in a \
                 fallback font{}",
                if strict {
                    " (strict: so it is here)"
                } else {
                    ""
                }
            ),
        );
    }
}

/// The named families of a CSS `font` value, lower case (the canvas
/// engine's parser; an unparsable value names none).
fn font_families(font: &str) -> Vec<String> {
    mpcanvas_canvas::text::FontSpec::parse(font)
        .map(|p| {
            p.spec
                .families
                .into_iter()
                .filter_map(|f| match f {
                    mpcanvas_canvas::text::FontFamily::Named(n) => Some(n.to_ascii_lowercase()),
                    mpcanvas_canvas::text::FontFamily::Generic(_) => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::font_families;

    #[test]
    fn font_families_are_the_named_families_of_the_font() {
        assert_eq!(
            font_families("bold 20px \"My Font\", sans-serif"),
            ["my font"]
        );
        assert_eq!(font_families("12px/1.5 Brand"), ["brand"]);
    }
}
