//! `canvasToTempFilePath` and friends (PL §3): the namespace function, the
//! legacy context's and canvas nodes' own methods, and the data-URL forms.
//!
//! The steps read in this folder's order: [`params`] normalises the
//! options, [`pipeline`] renders the region and encodes it, the methods
//! here write the temp file and build the reply.

pub(crate) mod params;
mod pipeline;

use super::{Platform, string_option};
use crate::canvases::{LegacyCanvas, Scope, ratio};
use crate::legacy::CanvasContext;
use crate::profile::{FailKind, NodeUnits};
use crate::reply::{ApiResult, Failure, Reason, field};
use crate::report::Event;
use crate::store::StoreError;
use crate::value::{CanvasNode, JsValue};
use pipeline::{Encoded, Target};

const API: &str = "canvasToTempFilePath";
const NODE_API: &str = "toTempFilePath";
const SYNC_API: &str = "toTempFilePathSync";
const DATA_URL_API: &str = "toDataURL";

fn legacy_target(canvas: &LegacyCanvas) -> Target {
    Target {
        canvas: canvas.context.clone(),
        size: (canvas.css_width, canvas.css_height),
        scale: canvas.scale(),
        node: false,
    }
}

impl Platform {
    /// A canvas node as an export target, in the profile's node units.
    fn node_target(&self, node: &CanvasNode) -> Target {
        let (w, h) = {
            let ctx = node.context.borrow();
            (ctx.width(), ctx.height())
        };
        let css = match (self.profile.export.node_units, node.css_size) {
            (NodeUnits::Css, Some(size)) => size,
            _ => (f64::from(w), f64::from(h)),
        };
        Target {
            canvas: node.context.clone(),
            size: css,
            scale: (ratio(w, css.0), ratio(h, css.1)),
            node: true,
        }
    }

    /// Step 1: the `canvas` node if given, else `canvasId` in `scope`.
    fn find_target(&self, options: &JsValue, scope: Scope) -> Result<Target, Reason> {
        match options.get("canvas") {
            JsValue::Canvas(node) => return Ok(self.node_target(node)),
            JsValue::Object(_) => return Err(Reason::new(FailKind::CanvasEmpty)),
            v if v.is_nullish() => {}
            v => return Err(Reason::parameter("canvas", "Object", v.type_name())),
        }
        let id = string_option(options, "canvasId")?.ok_or(Reason::new(FailKind::CanvasEmpty))?;
        self.canvases
            .get(scope, id)
            .map(legacy_target)
            .ok_or(Reason::new(FailKind::CanvasEmpty))
    }

    fn encode(
        &mut self,
        target: &Target,
        options: &JsValue,
        report_api: &str,
    ) -> Result<Encoded, Reason> {
        // A canvas whose drawing stopped at the run's deadline is not
        // exported half drawn.
        if self
            .canvas_limits
            .budget
            .as_ref()
            .is_some_and(|b| b.past_deadline())
        {
            return Err(Reason::detail(
                FailKind::ExportFailed,
                "the run's time limit was reached",
            ));
        }
        let (w, h) = {
            let canvas = target.canvas.borrow();
            (canvas.width(), canvas.height())
        };
        if self
            .check_size(report_api, "canvas", target.node, (w, h))
            .is_err()
        {
            return Err(Reason::new(FailKind::CreateBitmap));
        }
        let encoded =
            mpcanvas_canvas::timing::measure(mpcanvas_canvas::timing::Stage::Encode, || {
                pipeline::encode(
                    target,
                    options,
                    &self.profile.export,
                    self.device.dpr,
                    self.export_limits,
                )
            })?;
        for w in &encoded.warnings {
            self.warn(report_api, w.clone());
        }
        let (dw, dh) = encoded.dest;
        if self
            .check_size(report_api, "export", target.node, (dw, dh))
            .is_err()
        {
            return Err(Reason::new(FailKind::CreateBitmap));
        }
        // Boxes instead of characters are the blank-poster bug users
        // report: say so with the export that shows them.
        let note = target.canvas.borrow().missing_glyphs_note();
        if let Some(note) = note {
            self.warn(report_api, note);
        }
        Ok(encoded)
    }

    /// Step 9: writes the temp file.
    fn write_export(&mut self, encoded: &Encoded) -> Result<String, Reason> {
        let (path, real) = self
            .store
            .write_temp(&encoded.bytes, encoded.format.extension())
            .map_err(|e| match e {
                StoreError::Io(e) => Reason::detail(FailKind::ExportFailed, e.to_string()),
                _ => Reason::detail(FailKind::ExportFailed, "the temp store is full"),
            })?;
        self.report.push(Event::TempFile {
            path: path.clone(),
            real_path: real.display().to_string(),
            bytes: encoded.bytes.len() as u64,
        });
        Ok(path)
    }

    fn export_to_temp(
        &mut self,
        target: Result<Target, Reason>,
        options: &JsValue,
        report_api: &str,
    ) -> Result<String, Reason> {
        let target = target?;
        let encoded = self.encode(&target, options, report_api)?;
        self.write_export(&encoded)
    }

    fn finish_export(
        &mut self,
        report_api: &str,
        api: &str,
        result_field: String,
        options: &JsValue,
        outcome: Result<String, Reason>,
    ) -> ApiResult {
        match outcome {
            Ok(path) => {
                let reply = crate::reply::ok(&self.profile, api, field(&result_field, path));
                self.record(report_api, options, Ok(&reply));
                Ok(reply)
            }
            Err(reason) => Err(self.fail(report_api, api, options, reason)),
        }
    }

    /// `wx/tt/my.canvasToTempFilePath(options, component?)`: `scope` is the
    /// component passed as second argument, or the page.
    pub fn canvas_to_temp_file_path(&mut self, options: &JsValue, scope: Scope) -> ApiResult {
        let report_api = self.qualified(API);
        let options = &self.check_options(API, options);
        let outcome = self.require(API).and_then(|()| {
            let target = self.find_target(options, scope);
            if target.is_ok()
                && let Ok(Some(id)) = string_option(options, "canvasId")
                && options.get("canvas").is_nullish()
            {
                self.check_draw_race(scope, id, &report_api);
            }
            self.export_to_temp(target, options, &report_api)
        });
        let result_field = self.profile.export.result_field.clone();
        self.finish_export(&report_api, API, result_field, options, outcome)
    }

    /// Alipay's legacy `ctx.toTempFilePath(options)`: exports the context's
    /// own canvas. Earlier `draw()` calls have already been replayed.
    pub fn context_to_temp_file_path(
        &mut self,
        ctx: &CanvasContext,
        options: &JsValue,
    ) -> ApiResult {
        let target = self.context_target(ctx);
        self.check_draw_race(ctx.scope(), ctx.canvas_id(), "CanvasContext.toTempFilePath");
        let outcome = self.export_to_temp(target, options, "CanvasContext.toTempFilePath");
        let result_field = self.profile.export.result_field.clone();
        self.finish_export(
            "CanvasContext.toTempFilePath",
            NODE_API,
            result_field,
            options,
            outcome,
        )
    }

    fn context_target(&self, ctx: &CanvasContext) -> Result<Target, Reason> {
        self.canvases
            .get(ctx.scope(), ctx.canvas_id())
            .map(legacy_target)
            .ok_or(Reason::new(FailKind::CanvasEmpty))
    }

    /// A canvas node's `toTempFilePath(options)` (mini-game `Canvas`,
    /// Alipay 2D `Canvas`).
    pub fn node_to_temp_file_path(&mut self, node: &CanvasNode, options: &JsValue) -> ApiResult {
        let target = Ok(self.node_target(node));
        let outcome = self.export_to_temp(target, options, "Canvas.toTempFilePath");
        let result_field = self.profile.export.node_result_field.clone();
        self.finish_export(
            "Canvas.toTempFilePath",
            NODE_API,
            result_field,
            options,
            outcome,
        )
    }

    /// Mini-game `Canvas.toTempFilePathSync(options)`: the path, or the
    /// failure whose `message` the JS layer throws as an `Error`.
    pub fn node_to_temp_file_path_sync(
        &mut self,
        node: &CanvasNode,
        options: &JsValue,
    ) -> Result<String, Failure> {
        let target = Ok(self.node_target(node));
        let outcome = self.export_to_temp(target, options, "Canvas.toTempFilePathSync");
        let result_field = self.profile.export.node_result_field.clone();
        let reply = self.finish_export(
            "Canvas.toTempFilePathSync",
            SYNC_API,
            result_field.clone(),
            options,
            outcome,
        )?;
        Ok(reply
            .get(&result_field)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned())
    }

    /// Mini-game `Canvas.toDataURL()`: the whole canvas as a PNG data URL
    /// (`"data:,"` for an empty canvas, as HTML).
    pub fn node_to_data_url(&mut self, node: &CanvasNode) -> String {
        let target = Target {
            canvas: node.context.clone(),
            size: {
                let c = node.context.borrow();
                (f64::from(c.width()), f64::from(c.height()))
            },
            scale: (1.0, 1.0),
            node: true,
        };
        let rules = crate::profile::ExportRules {
            size_default: crate::profile::SizeDefault::Full,
            dest_default: crate::profile::DestDefault::Canvas,
            ..self.profile.export.clone()
        };
        let url = pipeline::encode(
            &target,
            &JsValue::Undefined,
            &rules,
            1.0,
            self.export_limits,
        )
        .map_or_else(|_| "data:,".to_owned(), |e| data_url(&e));
        self.record(
            "Canvas.toDataURL",
            &JsValue::Undefined,
            Ok(&field("result", url.chars().take(64).collect::<String>())),
        );
        url
    }

    /// Alipay `ctx.toDataURL(options)`: the same normalisation as
    /// `toTempFilePath`, answered as a data URL (the JS layer resolves its
    /// Promise with the string, or rejects with the failure).
    pub fn context_to_data_url(
        &mut self,
        ctx: &CanvasContext,
        options: &JsValue,
    ) -> Result<String, Failure> {
        let report_api = "CanvasContext.toDataURL";
        self.check_draw_race(ctx.scope(), ctx.canvas_id(), report_api);
        let outcome = self
            .context_target(ctx)
            .and_then(|t| self.encode(&t, options, report_api))
            .map(|e| data_url(&e));
        match outcome {
            Ok(url) => {
                self.record(
                    report_api,
                    options,
                    Ok(&field("result", url.chars().take(64).collect::<String>())),
                );
                Ok(url)
            }
            Err(reason) => Err(self.fail(report_api, DATA_URL_API, options, reason)),
        }
    }
}

fn data_url(e: &Encoded) -> String {
    e.format.data_url(&e.bytes)
}
