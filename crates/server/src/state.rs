//! [`AppState`]: what every request handler shares.

use std::sync::atomic::{AtomicBool, Ordering};

use axum::http::StatusCode;
use mpcanvas::Engine;

use crate::config::Config;
use crate::errors::ApiError;
use crate::metrics::{Metrics, PoolGauges};
use crate::pool::{Done, Pool};

/// The server's shared state.
#[derive(Debug)]
pub(crate) struct AppState {
    pub(crate) config: Config,
    pub(crate) pool: Pool,
    pub(crate) metrics: Metrics,
    /// Set when shutdown starts: `/readyz` fails and new jobs are refused
    /// while running ones finish.
    pub(crate) shutting_down: AtomicBool,
}

impl AppState {
    /// Runs `job` on a worker and waits for it; refuses it when the queue
    /// is full (429) or the server is stopping (503).
    pub(crate) async fn submit<T, F>(&self, job: F) -> Result<Done<T>, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Engine) -> T + Send + 'static,
    {
        if self.is_stopping() {
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "shutting_down",
                "the server is shutting down",
            ));
        }
        let rx = self.pool.submit(job).map_err(|_| {
            ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "queue_full",
                format!(
                    "all {} workers are busy and {} jobs are waiting; retry later",
                    self.pool.workers(),
                    self.pool.capacity()
                ),
            )
        })?;
        rx.await
            .map_err(|_| ApiError::internal("the job ended unexpectedly"))
    }

    pub(crate) fn is_stopping(&self) -> bool {
        self.shutting_down.load(Ordering::SeqCst)
    }

    pub(crate) fn gauges(&self) -> PoolGauges {
        PoolGauges {
            queued: self.pool.queued(),
            busy: self.pool.busy(),
            workers: self.pool.workers(),
            capacity: self.pool.capacity(),
        }
    }
}
