//! `loadFontFace` (mini-programs) and the mini-game's `loadFont`: font
//! files registered in the platform's font library, which every canvas of
//! the run (2D, legacy, offscreen, mini-game) draws text with.
//!
//! `loadFontFace` takes its `source` as an `https` link or a `data:` URL,
//! usually wrapped in CSS `url("…")` as the vendors' samples write it
//! (WX-doc `wx.loadFontFace`); `desc` gives the face's weight and style;
//! `scopes` without `"native"` keeps the font out of canvases, which the
//! platforms draw natively. `loadFont(path)` takes a package or user file
//! and returns the family name the font itself declares, or `null`.

use mpcanvas_canvas::text::FaceDescriptors;

use super::resource::{Allow, package_file};
use super::{Platform, string_option};
use crate::profile::FailKind;
use crate::reply::{ApiResult, Reason, Reply};
use crate::report::Event;
use crate::value::JsValue;

/// The address inside CSS `url(…)` (quoted or not); other text as given.
fn css_url(source: &str) -> &str {
    let s = source.trim();
    let inner = s
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("url("))
        .and_then(|_| s[4..].strip_suffix(')'))
        .map(str::trim);
    match inner {
        Some(u) => u
            .strip_prefix('"')
            .and_then(|u| u.strip_suffix('"'))
            .or_else(|| u.strip_prefix('\'').and_then(|u| u.strip_suffix('\'')))
            .unwrap_or(u),
        None => s,
    }
}

/// `desc: {style, weight}` as face descriptors (`variant` does not change
/// which glyphs are drawn here). Unknown values keep the defaults.
fn descriptors(desc: &JsValue) -> FaceDescriptors {
    let mut d = FaceDescriptors::default();
    match desc.get("weight") {
        JsValue::String(w) => match w.trim().to_ascii_lowercase().as_str() {
            "bold" => d.weight = 700.0,
            "normal" => {}
            n => {
                if let Ok(v) = n.parse::<f32>()
                    && (1.0..=1000.0).contains(&v)
                {
                    d.weight = v;
                }
            }
        },
        JsValue::Number(v) if (1.0..=1000.0).contains(v) => d.weight = *v as f32,
        _ => {}
    }
    if let JsValue::String(s) = desc.get("style") {
        d.italic = matches!(s.trim().to_ascii_lowercase().as_str(), "italic" | "oblique");
    }
    d
}

/// Whether `scopes` lets canvases use the font: absent means every scope.
fn reaches_canvas(scopes: &JsValue) -> bool {
    match scopes {
        JsValue::Array(items) => items
            .iter()
            .any(|s| matches!(s, JsValue::String(s) if s == "native")),
        _ => true,
    }
}

impl Platform {
    /// `loadFontFace({family, source, desc?, scopes?, global?})`: fetches
    /// the font (an `http(s)` URL through the fetcher or a `data:` URL),
    /// checks it parses (TTF, OTF, TTC, WOFF, WOFF2) and registers it
    /// under `family`. Success and fail objects carry `status`
    /// (`"loaded"` / `"error"`) as the vendors document.
    pub fn load_font_face(&mut self, options: &JsValue) -> ApiResult {
        const API: &str = "loadFontFace";
        let outcome = self.require(API).and_then(|()| {
            let required = |name: &str| {
                string_option(options, name)?
                    .filter(|s| !s.trim().is_empty())
                    .map(|s| s.trim().to_owned())
                    .ok_or_else(|| Reason::parameter(name, "String", options.get(name).type_name()))
            };
            let family = required("family")?;
            let source = required("source")?;
            let url = css_url(&source);
            let fail = |detail: String| Reason::detail(FailKind::FontLoadFailed, detail);
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("https://")
                || lower.starts_with("http://")
                || lower.starts_with("data:"))
            {
                return Err(fail(format!(
                    "source must be an https link or a data URL, not {url}"
                )));
            }
            let allow = Allow {
                network: true,
                data_url: true,
            };
            let bytes = self
                .sources()
                .bytes(url, allow)
                .map_err(|e| fail(format!("{e}: {url}")))?;
            let descriptors = descriptors(options.get("desc"));
            if reaches_canvas(options.get("scopes")) {
                if self.profile.device.font_load_async && self.checks.config.strict {
                    // The device has the font only once the load finishes
                    // (`finish_font_load`); a parse failure still fails now.
                    let faces =
                        mpcanvas_canvas::text::FontCollection::single(&family, bytes, descriptors)
                            .map_err(|e| fail(format!("{}: {url}", e.message)))?;
                    self.deferred_fonts.push(super::device_check::DeferredFont {
                        family: family.clone(),
                        faces,
                    });
                } else {
                    self.fonts
                        .register_with(&family, bytes, descriptors)
                        .map_err(|e| fail(format!("{}: {url}", e.message)))?;
                }
                if self.profile.device.font_load_async {
                    self.checks.pending_fonts.push(family.to_ascii_lowercase());
                }
            } else {
                self.warn(
                    API,
                    format!(
                        "'{family}' is loaded without the native scope: canvases do not use it"
                    ),
                );
            }
            let mut reply = Reply::new();
            reply.insert("status".into(), "loaded".into());
            Ok(reply)
        });
        self.finish(API, options, outcome).map_err(|mut failure| {
            failure.reply.insert("status".into(), "error".into());
            failure
        })
    }

    /// Mini-game `loadFont(path)`: registers the font file at a package
    /// path or a user / temp / saved path and returns the family name the
    /// font declares, or `None` when it cannot be read or parsed (the
    /// reason goes to the report as a warning).
    pub fn load_font(&mut self, path: &str) -> Option<String> {
        const API: &str = "loadFont";
        let bytes = match self.store.read(path) {
            Ok(bytes) => Ok(bytes),
            Err(_) if self.store.owns(path) => Err("file not found".to_owned()),
            Err(_) => package_file(self.package_root.as_ref(), path)
                .and_then(|real| std::fs::read(real).ok())
                .ok_or_else(|| "file not found".to_owned()),
        };
        let family = bytes.and_then(|b| self.fonts.add_font(b).map_err(|e| e.message));
        let api = self.qualified(API);
        self.report.push(Event::Call {
            api: api.clone(),
            args: serde_json::json!([path]),
            ok: family.is_ok(),
            result: family
                .as_ref()
                .map_or(serde_json::Value::Null, |f| f.as_str().into()),
        });
        match family {
            Ok(f) => Some(f),
            Err(e) => {
                self.warn(&api, format!("{path}: {e}"));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_read_inside_css_url_with_or_without_quotes() {
        for (given, want) in [
            (r#"url("https://a.cn/f.ttf")"#, "https://a.cn/f.ttf"),
            ("url('https://a.cn/f.ttf')", "https://a.cn/f.ttf"),
            (" URL( https://a.cn/f.ttf ) ", "https://a.cn/f.ttf"),
            ("https://a.cn/f.ttf", "https://a.cn/f.ttf"),
            ("data:font/ttf;base64,AAAA", "data:font/ttf;base64,AAAA"),
            ("url(", "url("),
        ] {
            assert_eq!(css_url(given), want, "{given}");
        }
    }

    #[test]
    fn desc_weights_and_styles_become_descriptors() {
        let desc = |w: &str, s: &str| {
            descriptors(&JsValue::object([
                ("weight", JsValue::from(w)),
                ("style", JsValue::from(s)),
            ]))
        };
        assert_eq!(desc("bold", "italic").weight, 700.0);
        assert!(desc("bold", "italic").italic);
        assert_eq!(desc("300", "oblique").weight, 300.0);
        assert!(desc("300", "oblique").italic);
        assert_eq!(desc("heavy", "normal").weight, 400.0);
        assert!(!desc("normal", "sideways").italic);
        assert_eq!(descriptors(&JsValue::Undefined), FaceDescriptors::default());
    }

    #[test]
    fn only_scopes_without_native_keep_fonts_from_canvases() {
        let scopes = |s: &[&str]| JsValue::Array(s.iter().map(|&v| JsValue::from(v)).collect());
        assert!(reaches_canvas(&JsValue::Undefined));
        assert!(reaches_canvas(&scopes(&["webview", "native"])));
        assert!(!reaches_canvas(&scopes(&["webview"])));
        assert!(!reaches_canvas(&scopes(&[])));
    }
}
