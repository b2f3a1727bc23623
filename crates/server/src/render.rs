//! `POST /v1/render`: a drawing script → the image (bytes, or JSON with a
//! data URL).

use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use mpcanvas::{Clock, DeviceEnv, DrawingScript, FormatKind, RenderJob, parse_now};
use serde::Deserialize;
use serde_json::json;

use crate::errors::ApiError;
use crate::state::AppState;
use crate::timing::server_timing;

/// The request body.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RenderRequest {
    /// The script: `function draw(ctx, canvas, env)` and `// @size` header.
    script: String,
    width: Option<u32>,
    height: Option<u32>,
    /// `png` (default), `jpeg` / `jpg`.
    format: Option<String>,
    /// JPEG quality, 0..1 (default 0.92).
    quality: Option<f32>,
    /// `bytes` (default): the image itself; `dataUrl`: JSON.
    #[serde(rename = "as")]
    output: Option<String>,
    /// The phone's language, as `mpcanvas render --locale` (default zh-CN).
    locale: Option<String>,
    /// The phone's IANA time zone, as `--tz` (default Asia/Shanghai).
    tz: Option<String>,
    /// A fixed clock, as `--now` (`2026-12-07T10:00:00+08:00`).
    now: Option<String>,
    /// The `Math.random` seed, as `--seed`.
    seed: Option<u64>,
}

/// The checked request.
struct Checked {
    script: DrawingScript,
    size: Option<(u32, u32)>,
    format: mpcanvas::Format,
    data_url: bool,
    device_env: DeviceEnv,
}

/// The phone the script runs on: the request's `locale`, `tz`, `now` and
/// `seed`, each defaulting as `mpcanvas render` does.
fn device_env(req: &RenderRequest) -> Result<DeviceEnv, ApiError> {
    let defaults = DeviceEnv::default();
    let locale = req
        .locale
        .clone()
        .unwrap_or_else(|| defaults.locale.to_string());
    let tz = req
        .tz
        .clone()
        .unwrap_or_else(|| defaults.time_zone.name().to_owned());
    let mut env = DeviceEnv::new(&locale, &tz)
        .map_err(|e| ApiError::bad_request(format!("locale '{locale}' / tz '{tz}': {e}")))?;
    if let Some(now) = &req.now {
        env.clock = Clock::Fixed(parse_now(now).map_err(ApiError::bad_request)?);
    }
    env.seed = req.seed;
    Ok(env)
}

fn check(req: RenderRequest, max_side: u32) -> Result<Checked, ApiError> {
    let device_env = device_env(&req)?;
    let size = match (req.width, req.height) {
        (None, None) => None,
        (Some(w), Some(h)) => Some((w, h)),
        _ => {
            return Err(ApiError::bad_request(
                "give both width and height, or neither",
            ));
        }
    };
    let script = DrawingScript::from_source("request.js", req.script);
    let (w, h) = size.unwrap_or(script.header.size);
    if w == 0 || h == 0 || w > max_side || h > max_side {
        return Err(ApiError::bad_request(format!(
            "the canvas is {w}x{h}; each side must be 1..={max_side}"
        )));
    }
    // Assets and fonts are files beside a script on disk; a request has
    // none, and its names must not reach the server's files.
    if !script.header.assets.is_empty() || !script.header.fonts.is_empty() {
        return Err(ApiError::bad_request(
            "// @asset and // @font need files; they are not available to rendered scripts",
        ));
    }
    let kind = match req.format.as_deref() {
        None => FormatKind::Png,
        Some(f) => FormatKind::from_file_type(f).ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "unsupported_format",
                format!("format '{f}' is not one of: png, jpeg"),
            )
        })?,
    };
    let quality = req.quality.unwrap_or(0.92);
    if !(0.0..=1.0).contains(&quality) {
        return Err(ApiError::bad_request("quality must be between 0 and 1"));
    }
    let data_url = match req.output.as_deref() {
        None | Some("bytes") => false,
        Some("dataUrl") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "\"as\" is '{other}'; use \"bytes\" or \"dataUrl\""
            )));
        }
    };
    Ok(Checked {
        script,
        size,
        format: kind.with_quality(quality),
        data_url,
        device_env,
    })
}

/// What the worker hands back.
struct Rendered {
    width: u32,
    height: u32,
    bytes: Vec<u8>,
    missing_glyphs: Option<String>,
    render_ms: f64,
    encode_ms: f64,
}

pub(crate) async fn handle(State(state): State<Arc<AppState>>, body: Body) -> Response {
    let result = render(&state, body).await;
    state.metrics.job(
        "render",
        match &result {
            Ok(_) => "ok",
            Err(e) => e.outcome(),
        },
    );
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn render(state: &AppState, body: Body) -> Result<Response, ApiError> {
    let bytes = crate::body::read(body, state.config.limits.render_body_bytes).await?;
    let req: RenderRequest = crate::body::json(&bytes)?;
    let checked = check(req, state.config.limits.max_side)?;
    let (format, data_url) = (checked.format, checked.data_url);
    let done = state
        .submit(move |engine| -> Result<Rendered, ApiError> {
            let t = Instant::now();
            let image = engine.render_script(
                &checked.script,
                &RenderJob {
                    size: checked.size,
                    device_env: checked.device_env,
                },
            )?;
            let render_ms = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let bytes = image.encode(format)?;
            Ok(Rendered {
                width: image.width(),
                height: image.height(),
                bytes,
                missing_glyphs: image.missing_glyphs_note().map(str::to_owned),
                render_ms,
                encode_ms: t.elapsed().as_secs_f64() * 1e3,
            })
        })
        .await?;
    let queue_ms = done.queued.as_secs_f64() * 1e3;
    let r = done.value?;
    let timing = server_timing(&[
        ("queue", queue_ms),
        ("render", r.render_ms),
        ("encode", r.encode_ms),
    ]);
    let mut response = if data_url {
        Json(json!({
            "width": r.width,
            "height": r.height,
            "format": format.mime_type().trim_start_matches("image/"),
            "mime": format.mime_type(),
            "bytes": r.bytes.len(),
            "dataUrl": format.data_url(&r.bytes),
            "missingGlyphs": r.missing_glyphs,
            "timings": { "queueMs": queue_ms, "renderMs": r.render_ms, "encodeMs": r.encode_ms },
        }))
        .into_response()
    } else {
        let mut resp = r.bytes.into_response();
        resp.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(format.mime_type()),
        );
        resp
    };
    response.headers_mut().insert("server-timing", timing);
    Ok(response)
}
