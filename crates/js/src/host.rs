//! What a runtime's JS functions need from the host, stored once per
//! runtime: the event loop, the console log, where resources (images,
//! fonts) come from, and the bitmap budgets.

use std::rc::Rc;

use rquickjs::{Ctx, JsLifetime};

use crate::console::Log;
use crate::event_loop::EventLoop;

/// Fetches the bytes behind a `src` string (a path, a URL, a `data:` URL),
/// or says why not. Runs synchronously; callers deliver the result
/// asynchronously.
pub trait ResourceLoader {
    /// The bytes of `src`, or why not (the caller names the source).
    fn load(&self, src: &str) -> Result<Vec<u8>, String>;
}

/// A loader that refuses everything (a runtime with no resources).
pub struct NoResources;

impl ResourceLoader for NoResources {
    fn load(&self, _src: &str) -> Result<Vec<u8>, String> {
        Err("no resources are available to this run".into())
    }
}

/// What the namespace bindings need from the page model above them: the
/// runtime implements it, so this crate never depends on pages.
pub trait PageModel {
    /// The platform scope of a page or component instance (`None` when the
    /// value is not one).
    fn platform_scope<'js>(
        &self,
        ctx: &Ctx<'js>,
        instance: &rquickjs::Value<'js>,
    ) -> Option<mpcanvas_platform::Scope>;
    /// A new `SelectorQuery` over the current page (`wx.createSelectorQuery()`).
    fn create_selector_query<'js>(&self, ctx: &Ctx<'js>) -> rquickjs::Result<rquickjs::Value<'js>>;
}

/// The host's services for one runtime.
#[derive(JsLifetime)]
pub struct Host {
    /// Timers and posted tasks.
    pub events: EventLoop,
    /// Console output.
    pub log: Log,
    /// Where `src` strings are resolved.
    pub loader: Rc<dyn ResourceLoader>,
    /// Bitmap budgets for canvases and decoded images.
    pub canvas_limits: mpcanvas_canvas::Limits,
    /// The simulated phone's screen.
    pub device: mpcanvas_platform::Device,
    /// The platform layer (files, album, authorization, exports), when the
    /// runtime runs mini-program code.
    pub platform: Option<Rc<std::cell::RefCell<mpcanvas_platform::Platform>>>,
    /// The page model the namespace functions consult (component scopes,
    /// selector queries), when the runtime runs mini-program pages.
    pub pages: Option<Rc<dyn PageModel>>,
    /// Whether a user tap is being handled (APIs such as `openSetting`
    /// work only then).
    pub gesture: std::cell::Cell<bool>,
}

impl Host {
    /// Stores `self` as the runtime's host.
    pub fn install(self, ctx: &Ctx<'_>) -> rquickjs::Result<()> {
        ctx.store_userdata(self)
            .map_err(|_| rquickjs::Exception::throw_internal(ctx, "the host is already in use"))?;
        Ok(())
    }
}

/// The runtime's platform layer, if it has one.
pub fn platform(ctx: &Ctx<'_>) -> Option<Rc<std::cell::RefCell<mpcanvas_platform::Platform>>> {
    get(ctx).and_then(|h| h.platform.clone())
}

/// The runtime's host, if one was installed.
pub fn get<'a, 'js>(ctx: &'a Ctx<'js>) -> Option<rquickjs::runtime::UserDataGuard<'a, Host>> {
    ctx.userdata::<Host>()
}

/// Decodes `data:` URLs (base64 or percent-encoded); other strings are
/// `None`.
pub fn data_url(src: &str) -> Option<Result<Vec<u8>, String>> {
    let rest = src.strip_prefix("data:")?;
    let Some((meta, payload)) = rest.split_once(',') else {
        return Some(Err("malformed data: URL (no comma)".into()));
    };
    if meta.to_ascii_lowercase().ends_with(";base64") {
        use base64::Engine;
        let cleaned: String = payload
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        Some(
            base64::engine::general_purpose::STANDARD
                .decode(cleaned.trim_end_matches('='))
                .or_else(|_| {
                    base64::engine::general_purpose::STANDARD_NO_PAD
                        .decode(cleaned.trim_end_matches('='))
                })
                .map_err(|e| format!("data: URL is not valid base64: {e}")),
        )
    } else {
        Some(Ok(percent_decode(payload)))
    }
}

fn percent_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (
                (bytes[i + 1] as char).to_digit(16),
                bytes.get(i + 2).and_then(|b| (*b as char).to_digit(16)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_urls_decode_base64_and_percent_forms() {
        assert_eq!(
            data_url("data:image/png;base64,AAEC").unwrap().unwrap(),
            vec![0, 1, 2]
        );
        assert_eq!(
            data_url("data:image/png;base64,AAE=").unwrap().unwrap(),
            vec![0, 1]
        );
        assert_eq!(
            data_url("data:text/plain,a%20b%zz").unwrap().unwrap(),
            b"a b%zz".to_vec()
        );
        assert!(data_url("data:image/png;base64,@@@").unwrap().is_err());
        assert!(data_url("data:nocomma").unwrap().is_err());
        assert!(data_url("/tmp/x.png").is_none());
        assert_eq!(data_url("data:,%4").unwrap().unwrap(), b"%4".to_vec());
    }
}
