//! `POST /v1/run`: a mini-program project as a zip, tar or tar.gz body (or
//! the `project` file of a multipart form, or a bundled example named by
//! `example`), run as `mpcanvas run` runs it, in its own temporary folder
//! (deleted when the job ends) → the run report JSON with the album and
//! temp images inline as data URLs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Json;
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use mpcanvas::{Answer, Device, Engine, FormatKind, Network, RunJob};
use serde_json::Value;

use crate::errors::ApiError;
use crate::state::AppState;
use crate::timing::server_timing;

/// The run's settings, from the query string.
#[derive(Debug)]
struct RunParams {
    /// `None`: read off the project's files, as `mpcanvas run` does.
    platform: Option<String>,
    /// A bundled example to run instead of an uploaded project.
    example: Option<String>,
    page: Option<String>,
    taps: Vec<String>,
    user: Answer,
    device: Device,
}

const PARAMS: [&str; 7] = [
    "platform", "example", "page", "taps", "user", "dpr", "screen",
];

fn params(q: &HashMap<String, String>, max_taps: usize) -> Result<RunParams, ApiError> {
    if let Some(unknown) = q.keys().find(|k| !PARAMS.contains(&k.as_str())) {
        return Err(ApiError::bad_request(format!(
            "unknown parameter '{unknown}' (known: {})",
            PARAMS.join(", ")
        )));
    }
    let platform = q.get("platform").cloned();
    if let Some(platform) = &platform
        && !mpcanvas::PROFILE_NAMES.contains(&platform.as_str())
    {
        return Err(ApiError::bad_request(format!(
            "platform '{platform}' is not one of: {}",
            mpcanvas::PROFILE_NAMES.join(", ")
        )));
    }
    let taps: Vec<String> = q
        .get("taps")
        .map(|t| {
            t.split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    if taps.len() > max_taps {
        return Err(ApiError::bad_request(format!("at most {max_taps} taps")));
    }
    let user = match q.get("user") {
        None => Answer::Allow,
        Some(u) => u.parse().map_err(ApiError::bad_request)?,
    };
    let mut device = Device::default();
    if let Some(d) = q.get("dpr") {
        device.dpr = d
            .parse::<f64>()
            .ok()
            .filter(|d| d.is_finite() && *d > 0.0 && *d <= 8.0)
            .ok_or_else(|| ApiError::bad_request("dpr must be a number in (0, 8]"))?;
    }
    if let Some(s) = q.get("screen") {
        let bad = || ApiError::bad_request("screen must be WxH with sides 1..=4096");
        let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
        let (w, h): (u32, u32) = (w.parse().map_err(|_| bad())?, h.parse().map_err(|_| bad())?);
        if !(1..=4096).contains(&w) || !(1..=4096).contains(&h) {
            return Err(bad());
        }
        device.screen_width = f64::from(w);
        device.screen_height = f64::from(h);
    }
    Ok(RunParams {
        platform,
        example: q.get("example").cloned(),
        page: q.get("page").cloned(),
        taps,
        user,
        device,
    })
}

pub(crate) async fn handle(
    State(state): State<Arc<AppState>>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = match query {
        Ok(Query(query)) => run(&state, &query, &headers, body).await,
        Err(e) => Err(ApiError::bad_request(e.body_text())),
    };
    state.metrics.job(
        "run",
        match &result {
            Ok(_) => "ok",
            Err(e) => e.outcome(),
        },
    );
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn run(
    state: &AppState,
    query: &HashMap<String, String>,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let limits = state.config.limits;
    let params = params(query, limits.max_taps)?;
    let body = crate::upload::project(headers, body, limits.run_body_bytes).await?;
    match (&params.example, body.is_empty()) {
        (Some(name), true) => {
            if !crate::examples::exists(name) {
                return Err(ApiError::bad_request(format!(
                    "no bundled example '{name}' (see GET /v1/examples)"
                )));
            }
        }
        (Some(_), false) => {
            return Err(ApiError::bad_request(
                "send a project archive or name an example, not both",
            ));
        }
        (None, true) => {
            return Err(ApiError::bad_request(
                "the body is empty: send a zip, tar or tar.gz of the project (or name an example)",
            ));
        }
        (None, false) => {}
    }
    let temp_dir = state.config.temp_dir.clone();
    let network = if state.config.allow_domains.is_empty() {
        Network::Offline
    } else {
        Network::Domains(state.config.allow_domains.clone())
    };
    let done = state
        .submit(move |engine| run_job(engine, &body, params, network, &limits, &temp_dir))
        .await?;
    let queue_ms = done.queued.as_secs_f64() * 1e3;
    let run_ms = done.ran.as_secs_f64() * 1e3;
    let report = done.value?;
    let mut response = Json(report).into_response();
    response.headers_mut().insert(
        "server-timing",
        server_timing(&[("queue", queue_ms), ("run", run_ms)]),
    );
    Ok(response)
}

/// On a worker: unpack, run, collect; the folder goes when `dir` drops,
/// whichever way this returns.
fn run_job(
    engine: &Engine,
    body: &[u8],
    params: RunParams,
    network: Network,
    limits: &crate::config::Limits,
    temp_dir: &Path,
) -> Result<Value, ApiError> {
    let dir = tempfile::Builder::new()
        .prefix("mpcanvas-job-")
        .tempdir_in(temp_dir)
        .map_err(|e| ApiError::internal(format!("cannot make the job folder: {e}")))?;
    let project = dir.path().join("project");
    std::fs::create_dir(&project).map_err(|e| ApiError::internal(e.to_string()))?;
    match &params.example {
        Some(name) => {
            crate::examples::write(name, &project)
                .map_err(|e| ApiError::internal(e.to_string()))?;
        }
        None => crate::archive::unpack(body, &project, limits)?,
    }
    let entry = entry_path(&project, params.page.as_deref())?;
    let platform = params.platform.unwrap_or_else(|| {
        mpcanvas::detect_platform(&entry).map_or_else(|| "wechat".into(), |d| d.platform.into())
    });
    let job = RunJob {
        device: params.device,
        user: params.user,
        taps: params.taps,
        network,
        memory_bytes: Some(limits.job_memory_bytes),
        time_limit: Some(limits.job_time),
        ..RunJob::new(platform, dir.path().join("data"))
    };
    let report = engine.run_project(&entry, job)?;
    let mut json = report.to_json();
    for list in ["tempFiles", "album"] {
        if let Some(Value::Array(files)) = json.get_mut(list) {
            for f in files {
                inline(f);
            }
        }
    }
    // The folder is gone after the response: paths inside it are only
    // meaningful relative to it.
    let prefix = format!("{}/", dir.path().display());
    strip_prefix(&mut json, &prefix);
    Ok(json)
}

/// What to run: `page` under the project, or the project itself — or the
/// one folder it holds, as archives of a folder are usually made.
fn entry_path(project: &Path, page: Option<&str>) -> Result<PathBuf, ApiError> {
    if let Some(page) = page {
        let rel = Path::new(page);
        if !rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
        {
            return Err(ApiError::bad_request(format!(
                "page '{page}' must be a plain relative path inside the project"
            )));
        }
        return Ok(project.join(rel));
    }
    let entries: Vec<_> = std::fs::read_dir(project)
        .map_err(|e| ApiError::internal(e.to_string()))?
        .filter_map(Result::ok)
        .collect();
    match entries.as_slice() {
        [only] if only.path().is_dir() => Ok(only.path()),
        _ => Ok(project.to_path_buf()),
    }
}

/// Adds the file's bytes as `dataUrl` to a report file entry.
fn inline(file: &mut Value) {
    let Some(path) = file.get("realPath").and_then(Value::as_str) else {
        return;
    };
    let path = PathBuf::from(path);
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    let url = match FormatKind::from_path(&path) {
        Some(kind) => kind.with_quality(1.0).data_url(&bytes),
        None => {
            use base64::Engine as _;
            format!(
                "data:application/octet-stream;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(&bytes)
            )
        }
    };
    file["dataUrl"] = Value::String(url);
}

fn strip_prefix(v: &mut Value, prefix: &str) {
    match v {
        Value::String(s) if s.contains(prefix) => *s = s.replace(prefix, ""),
        Value::Array(items) => items.iter_mut().for_each(|i| strip_prefix(i, prefix)),
        Value::Object(map) => map.values_mut().for_each(|i| strip_prefix(i, prefix)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn params_default_to_a_detected_platform_an_allowing_user_and_no_taps() {
        let p = params(&q(&[]), 8).unwrap();
        assert_eq!(p.platform, None);
        assert_eq!(p.user, Answer::Allow);
        assert!(p.taps.is_empty() && p.page.is_none());
    }

    #[test]
    fn params_read_taps_user_device_and_refuse_bad_values() {
        let p = params(
            &q(&[
                ("taps", "save, share"),
                ("user", "deny"),
                ("dpr", "3"),
                ("screen", "414x896"),
            ]),
            8,
        )
        .unwrap();
        assert_eq!(p.taps, ["save", "share"]);
        assert_eq!(p.user, Answer::Deny);
        assert_eq!((p.device.dpr, p.device.screen_width), (3.0, 414.0));
        for bad in [
            q(&[("platform", "baidu")]),
            q(&[("dpr", "0")]),
            q(&[("screen", "9x")]),
            q(&[("user", "maybe")]),
            q(&[("tap", "save")]),
            q(&[("taps", "a,b,c")]),
        ] {
            assert!(params(&bad, 2).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn strip_prefix_makes_job_paths_relative() {
        let mut v = serde_json::json!({"a": ["/tmp/j/data/album/1.png"], "b": 1});
        strip_prefix(&mut v, "/tmp/j/");
        assert_eq!(v["a"][0], "data/album/1.png");
    }
}
