//! The project bytes of a `POST /v1/run`: the body itself (a zip, tar or
//! tar.gz), or, for `multipart/form-data` (an HTML form's file upload), the
//! form's `project` file part — each within the run body limit.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart};
use axum::http::{HeaderMap, Request, StatusCode, header};

use crate::errors::ApiError;

/// The form field that carries the archive.
const FIELD: &str = "project";

pub(crate) async fn project(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<Bytes, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        return crate::body::read(body, limit).await;
    }
    let request = Request::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|e| ApiError::bad_request(format!("not a multipart form: {}", e.body_text())))?;
    let mut seen = 0usize;
    while let Some(mut field) = form.next_field().await.map_err(form_error)? {
        let is_project = field.name() == Some(FIELD);
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(form_error)? {
            seen += chunk.len();
            if seen > limit {
                return Err(too_large(limit));
            }
            if is_project {
                bytes.extend_from_slice(&chunk);
            }
        }
        if is_project {
            return Ok(Bytes::from(bytes));
        }
    }
    Err(ApiError::bad_request(format!(
        "the multipart form has no '{FIELD}' file"
    )))
}

fn form_error(e: axum::extract::multipart::MultipartError) -> ApiError {
    ApiError::bad_request(format!(
        "the multipart form is malformed: {}",
        e.body_text()
    ))
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "body_too_large",
        format!("the request body is over {limit} bytes"),
    )
}
