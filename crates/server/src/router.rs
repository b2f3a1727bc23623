//! The routes, and the middleware that counts every request.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use crate::errors::ApiError;
use crate::state::AppState;

const OPENAPI: &str = include_str!("../assets/openapi.json");
const PLAYGROUND: &str = include_str!("../assets/playground.html");

/// Every route of the service over `state`.
pub(crate) fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(playground))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
        .route("/v1/render", post(crate::render::handle))
        .route("/v1/run", post(crate::run::handle))
        .route("/v1/examples", get(examples))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(state.clone(), track))
        .with_state(state)
}

async fn track(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str)
        .to_owned();
    let start = Instant::now();
    let response = next.run(request).await;
    state
        .metrics
        .request(&route, response.status().as_u16(), start.elapsed());
    response
}

async fn healthz() -> &'static str {
    "ok\n"
}

/// Ready to take jobs: not stopping, and the queue has room (a load
/// balancer then sends work elsewhere).
async fn readyz(State(state): State<Arc<AppState>>) -> Response {
    if state.is_stopping() {
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "shutting_down",
            "the server is shutting down",
        )
        .into_response();
    }
    if state.pool.queued() >= state.pool.capacity() {
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "queue_full",
            "the job queue is full",
        )
        .into_response();
    }
    "ready\n".into_response()
}

async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    let text = state.metrics.render(state.gauges());
    let mut r = text.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    r
}

async fn openapi() -> Response {
    let mut r = OPENAPI.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

async fn playground() -> Response {
    let mut r = PLAYGROUND.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

/// The bundled example projects `POST /v1/run?example=NAME` can run.
async fn examples() -> Response {
    axum::Json(crate::examples::list()).into_response()
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such route (see /openapi.json)",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this route does not take that method (see /openapi.json)",
    )
}
