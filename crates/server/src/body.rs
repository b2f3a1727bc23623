//! Reading request bodies within a size limit, and parsing JSON ones,
//! with errors in the service's shape.

use axum::body::Body;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::errors::ApiError;

/// The whole body, or `body_too_large` past `limit` bytes.
pub(crate) async fn read(body: Body, limit: usize) -> Result<axum::body::Bytes, ApiError> {
    axum::body::to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the request body is over {limit} bytes (or could not be read)"),
        )
    })
}

/// `bytes` as a `T`, or `bad_json` saying where it went wrong.
pub(crate) fn json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(bytes)
        .map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "bad_json", e.to_string()))
}
