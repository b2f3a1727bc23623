//! The `Server-Timing` header: where a job's time went (queue, render,
//! encode, run), readable in browser dev tools and by load tests.

use axum::http::HeaderValue;

/// `name;dur=ms, …` for `parts` (milliseconds).
pub(crate) fn server_timing(parts: &[(&str, f64)]) -> HeaderValue {
    let text = parts
        .iter()
        .map(|(name, ms)| format!("{name};dur={ms:.1}"))
        .collect::<Vec<_>>()
        .join(", ");
    // Names are ours and numbers are ASCII: always a valid header value.
    HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static(""))
}
