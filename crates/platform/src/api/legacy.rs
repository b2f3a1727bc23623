//! The legacy canvas APIs (PL §8): declaring canvases, `createCanvasContext`,
//! `draw()`, `measureText`, `createPattern(path)`, `canvasGetImageData` /
//! `canvasPutImageData`, and mini-game `createCanvas`.
//!
//! `draw()` replays at once, loading its images synchronously, so every
//! later export or pixel read sees it: PL §3 step 10 ("an export waits for
//! every earlier draw") holds by construction.

use std::cell::RefCell;
use std::rc::Rc;

use mpcanvas_canvas::{CanvasPattern, Context2d, Image, ImageData, Repetition};

use super::canvas_export::params::js_round;
use super::resource::{Allow, Sources};
use super::{Platform, string_option};
use crate::canvases::Scope;
use crate::legacy::CanvasContext;
use crate::legacy::replay::{ImageLoader, replay};
use crate::profile::{CanvasRules, FailKind};
use crate::reply::{ApiResult, Reason, Reply};
use crate::report::Event;
use crate::value::{CanvasNode, JsValue};

/// What `draw()` reports to its callback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawOutcome {
    /// Whether the canvas exists (otherwise nothing was drawn).
    pub drawn: bool,
    /// Images that did not load, text not drawn, and similar.
    pub warnings: Vec<String>,
}

/// `canvasGetImageData`'s result: the pixels (unpremultiplied RGBA, for a
/// `Uint8ClampedArray`) plus the rest of the success object.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageDataReply {
    /// Width of `data` in pixels.
    pub width: u32,
    /// Height of `data` in pixels.
    pub height: u32,
    /// RGBA bytes.
    pub data: Vec<u8>,
    /// `{width, height, errMsg}` (without `data`).
    pub reply: Reply,
}

/// Resolves `drawImage` sources during a replay: store, package, and
/// network or `data:` URLs where the profile's canvas rules allow them.
struct Images<'a> {
    sources: Sources<'a>,
    rules: &'a CanvasRules,
    limits: mpcanvas_canvas::Limits,
    /// Strict device checks: a network image the platform does not fetch
    /// is not drawn (otherwise it is fetched and drawn, and reported).
    strict: bool,
    /// Network images drawn although the platform would not fetch them.
    network_misses: Vec<String>,
}

impl ImageLoader for Images<'_> {
    fn load(&mut self, src: &str) -> Result<Image, String> {
        let lower = src.to_ascii_lowercase();
        let network = (lower.starts_with("http://") || lower.starts_with("https://"))
            && !self.sources.store.owns(src);
        let mut allow = Allow {
            network: self.rules.draw_image_network,
            data_url: self.rules.draw_image_data_url,
        };
        if network && !allow.network {
            self.network_misses.push(src.to_owned());
            allow.network = !self.strict;
        }
        let bytes = self.sources.bytes(src, allow)?;
        Image::decode(&bytes, &self.limits).map_err(|e| e.message)
    }
}

/// A number option that must be given (`canvasGetImageData` rects).
fn required_number(options: &JsValue, name: &str) -> Result<f64, Reason> {
    match options.get(name) {
        JsValue::Number(n) => Ok(*n),
        v => Err(Reason::parameter(name, "Number", v.type_name())),
    }
}

impl Platform {
    /// Declares `<canvas canvas-id=id>` in `scope`; `css_size` from its
    /// style, or the profile's default legacy size.
    pub fn declare_canvas(
        &mut self,
        scope: Scope,
        id: &str,
        css_size: Option<(f64, f64)>,
    ) -> Result<(), mpcanvas_canvas::Error> {
        let [dw, dh] = self.profile.canvas.legacy_default_size;
        let (w, h) = css_size.unwrap_or((f64::from(dw), f64::from(dh)));
        let dpr = self.device.dpr;
        self.canvases
            .declare(
                scope,
                id,
                (w, h),
                dpr,
                self.canvas_limits.clone(),
                &self.fonts,
            )
            .map(|_| ())
    }

    /// `createCanvasContext(id, component?)`: a recorder, or `not_supported`
    /// where the platform has none (mini-games).
    pub fn create_canvas_context(&mut self, id: &str, scope: Scope) -> ApiResult<CanvasContext> {
        const API: &str = "createCanvasContext";
        match self.require(API) {
            Ok(()) => Ok(CanvasContext::new(id, scope)),
            Err(reason) => {
                let report_api = self.qualified(API);
                Err(self.fail(&report_api, API, &JsValue::from(id), reason))
            }
        }
    }

    /// `ctx.draw(reserve)`: replays and empties the queue.
    pub fn draw(&mut self, ctx: &mut CanvasContext, reserve: bool) -> DrawOutcome {
        let actions = ctx.take_actions();
        self.replay_draw(ctx.scope(), ctx.canvas_id(), actions, reserve)
    }

    /// Replays a `draw()`'s actions on canvas `id` in `scope`.
    pub(crate) fn replay_draw(
        &mut self,
        scope: Scope,
        id: &str,
        actions: Vec<crate::legacy::Action>,
        reserve: bool,
    ) -> DrawOutcome {
        let outcome = match self.canvases.get(scope, id).cloned() {
            None => DrawOutcome {
                drawn: false,
                warnings: vec![format!("canvas '{id}' is not on the page")],
            },
            Some(canvas) => {
                let scale = canvas.scale();
                let mut images = Images {
                    sources: Sources {
                        store: &mut self.store,
                        fetcher: self.fetcher.as_ref(),
                        package_root: self.package_root.as_ref(),
                        page_dir: self.page_dir.as_deref(),
                    },
                    rules: &self.profile.canvas,
                    limits: self.canvas_limits.clone(),
                    strict: self.checks.config.strict,
                    network_misses: Vec::new(),
                };
                let notes = replay(
                    &mut canvas.context.borrow_mut(),
                    &actions,
                    reserve,
                    scale,
                    &mut images,
                    self.text.as_mut(),
                );
                let misses = std::mem::take(&mut images.network_misses);
                for src in misses {
                    let strict = self.checks.config.strict;
                    self.device_check(
                        crate::checks::Check::NetworkImage,
                        "CanvasContext.drawImage",
                        format!(
                            "{src} is a network image; this platform's legacy canvas draws only \
                             downloaded files (downloadFile first){}",
                            if strict { " (strict: not drawn)" } else { "" }
                        ),
                    );
                }
                DrawOutcome {
                    drawn: true,
                    warnings: notes.warnings,
                }
            }
        };
        for w in &outcome.warnings {
            self.warn("CanvasContext.draw", w.clone());
        }
        self.report.push(Event::Call {
            api: "CanvasContext.draw".into(),
            args: serde_json::json!({
                "canvasId": id,
                "reserve": reserve,
                "actions": actions.len(),
            }),
            ok: outcome.drawn,
            result: serde_json::json!({ "warnings": outcome.warnings }),
        });
        outcome
    }

    /// `ctx.measureText(text)`: `{width}` in CSS px, synchronously, in the
    /// font recorded so far; 0 when the text backend cannot measure.
    pub fn measure_text(&mut self, ctx: &CanvasContext, text: &str) -> f64 {
        self.text.measure(ctx.font(), text).unwrap_or(0.0)
    }

    /// `ctx.createPattern(path, repetition)`: loads the image now.
    pub fn create_pattern(
        &mut self,
        path: &str,
        repetition: &str,
    ) -> Result<CanvasPattern, String> {
        let repetition = Repetition::parse_argument(repetition).map_err(|e| e.message)?;
        let mut images = Images {
            sources: Sources {
                store: &mut self.store,
                fetcher: self.fetcher.as_ref(),
                package_root: self.package_root.as_ref(),
                page_dir: self.page_dir.as_deref(),
            },
            rules: &self.profile.canvas,
            limits: self.canvas_limits.clone(),
            strict: true,
            network_misses: Vec::new(),
        };
        let image = images.load(path)?;
        Ok(CanvasPattern::new(image, repetition))
    }

    /// The rectangle of a pixel API in bitmap px, from CSS px options.
    fn pixel_rect(
        &self,
        options: &JsValue,
        scope: Scope,
        api: &str,
    ) -> Result<(Rc<RefCell<Context2d>>, [i64; 4]), Reason> {
        self.require(api)?;
        let id = string_option(options, "canvasId")?.ok_or_else(|| {
            Reason::parameter("canvasId", "String", options.get("canvasId").type_name())
        })?;
        let mut rect = [0.0; 4];
        for (slot, name) in rect.iter_mut().zip(["x", "y", "width", "height"]) {
            *slot = required_number(options, name)?;
        }
        let canvas = self
            .canvases
            .get(scope, id)
            .ok_or(Reason::new(FailKind::CanvasEmpty))?;
        let (kx, ky) = canvas.scale();
        let px = |v: f64, k: f64| {
            let r = js_round(v * k);
            if r.is_finite() { r as i64 } else { 0 }
        };
        Ok((
            canvas.context.clone(),
            [
                px(rect[0], kx),
                px(rect[1], ky),
                px(rect[2], kx),
                px(rect[3], ky),
            ],
        ))
    }

    /// `canvasGetImageData({canvasId, x, y, width, height}, component?)`:
    /// the region (CSS px) read at the backing store's resolution, so
    /// `width × height` of the result are bitmap px (**decision**: devices
    /// differ here; this keeps `data.length == width × height × 4`).
    pub fn canvas_get_image_data(
        &mut self,
        options: &JsValue,
        scope: Scope,
    ) -> ApiResult<ImageDataReply> {
        const API: &str = "canvasGetImageData";
        if let Ok(Some(id)) = string_option(options, "canvasId") {
            let report_api = self.qualified(API);
            self.check_draw_race(scope, id, &report_api);
        }
        let outcome = self
            .pixel_rect(options, scope, API)
            .and_then(|(ctx, [x, y, w, h])| {
                ctx.borrow()
                    .get_image_data(x, y, w, h)
                    .map_err(|e| Reason::detail(FailKind::InvalidRect, e.message))
            });
        match outcome {
            Ok(image) => {
                let mut fields = Reply::new();
                fields.insert("width".into(), image.width().into());
                fields.insert("height".into(), image.height().into());
                let reply = crate::reply::ok(&self.profile, API, fields);
                let report_api = self.qualified(API);
                self.record(&report_api, options, Ok(&reply));
                Ok(ImageDataReply {
                    width: image.width(),
                    height: image.height(),
                    data: image.into_data(),
                    reply,
                })
            }
            Err(reason) => {
                let report_api = self.qualified(API);
                Err(self.fail(&report_api, API, options, reason))
            }
        }
    }

    /// `canvasPutImageData({canvasId, data, x, y, width, height})`: `data`
    /// is `width × height` RGBA pixels written 1:1 into the backing store
    /// at `(x, y)` CSS px.
    pub fn canvas_put_image_data(&mut self, options: &JsValue, scope: Scope) -> ApiResult {
        const API: &str = "canvasPutImageData";
        let outcome = (|| {
            let JsValue::Bytes(data) = options.get("data") else {
                return Err(Reason::parameter(
                    "data",
                    "Uint8ClampedArray",
                    options.get("data").type_name(),
                ));
            };
            let (w, h) = (
                required_number(options, "width")?,
                required_number(options, "height")?,
            );
            let (ctx, [x, y, _, _]) = self.pixel_rect(options, scope, API)?;
            let side = |v: f64| (v >= 1.0 && v <= f64::from(u32::MAX)).then_some(v as u32);
            let (Some(w), Some(h)) = (side(js_round(w)), side(js_round(h))) else {
                return Err(Reason::detail(
                    FailKind::InvalidRect,
                    "width and height must be at least 1",
                ));
            };
            let image = ImageData::from_rgba(data.clone(), w, Some(h))
                .map_err(|e| Reason::detail(FailKind::InvalidRect, e.message))?;
            ctx.borrow_mut().put_image_data(&image, x, y, None);
            Ok(Reply::new())
        })();
        self.finish(API, options, outcome)
    }

    /// Mini-game `createCanvas()`: the first is the screen canvas (screen
    /// CSS size × dpr) where the profile says so; later ones are offscreen
    /// at the node default size. Coordinates are bitmap px.
    pub fn create_canvas(&mut self) -> ApiResult<CanvasNode> {
        const API: &str = "createCanvas";
        if let Err(reason) = self.require(API) {
            let report_api = self.qualified(API);
            return Err(self.fail(&report_api, API, &JsValue::Undefined, reason));
        }
        let first = self.game_canvases == 0;
        self.game_canvases += 1;
        let (w, h) = if first && self.profile.canvas.first_canvas_is_screen {
            let d = self.device;
            (
                (d.screen_width * d.dpr).round() as u32,
                (d.screen_height * d.dpr).round() as u32,
            )
        } else {
            let [w, h] = self.profile.canvas.node_default_size;
            (w, h)
        };
        let ctx = Context2d::with_fonts(w, h, self.canvas_limits.clone(), self.fonts.clone())
            .map_err(|e| {
                let report_api = self.qualified(API);
                self.fail(
                    &report_api,
                    API,
                    &JsValue::Undefined,
                    Reason::detail(FailKind::InvalidRect, e.message),
                )
            })?;
        Ok(CanvasNode::new(Rc::new(RefCell::new(ctx))))
    }

    /// Records that an event happened in the report (for hosts).
    pub fn note(&mut self, event: Event) {
        self.report.push(event);
    }
}
