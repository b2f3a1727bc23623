//! [`ApiError`]: every failure as JSON `{"code", "message"}` with a stable
//! `code` clients can branch on.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// A failed request: HTTP status, stable code, human message.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) code: &'static str,
    pub(crate) message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub(crate) fn internal(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// The job outcome this error counts as in the metrics.
    pub(crate) fn outcome(&self) -> &'static str {
        match self.code {
            "time_limit" | "memory_limit" | "script_error" | "project_invalid" => self.code,
            "queue_full" | "shutting_down" => "rejected",
            _ if self.status.is_server_error() => "internal",
            _ => "bad_request",
        }
    }
}

impl From<mpcanvas::Error> for ApiError {
    fn from(e: mpcanvas::Error) -> Self {
        use mpcanvas::{Error, ScriptError};
        let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
        match &e {
            Error::Script(ScriptError::Timeout(_)) => {
                ApiError::new(unprocessable, "time_limit", e.to_string())
            }
            Error::Script(ScriptError::OutOfMemory(_)) => {
                ApiError::new(unprocessable, "memory_limit", e.to_string())
            }
            Error::Script(_) => ApiError::new(unprocessable, "script_error", e.to_string()),
            Error::Run(_) => ApiError::new(unprocessable, "project_invalid", e.to_string()),
            Error::Profile(_) => ApiError::bad_request(e.to_string()),
            _ => ApiError::internal(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(json!({ "code": self.code, "message": self.message }));
        let mut response = (self.status, body).into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS {
            // Jobs take tens to hundreds of milliseconds: a second is
            // enough for the queue to move.
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}
