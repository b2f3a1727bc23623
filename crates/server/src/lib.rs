//! mpcanvas as an HTTP service (`mpcanvas serve`): `POST /v1/render` draws
//! a drawing script, `POST /v1/run` runs an uploaded mini-program project;
//! `/healthz`, `/readyz`, `/metrics` (Prometheus), `/openapi.json`, and a
//! playground page at `/`.
//!
//! One [`mpcanvas::Engine`] (fonts and profiles parsed once) is shared by
//! a pool of worker threads fed by a bounded queue (a full queue answers
//! 429 with `Retry-After`); each job builds its JS runtime on its worker
//! (runtimes are not `Send`) under the configured time and memory limits,
//! and a run gets its own temporary folder, deleted when it ends. The
//! service keeps no state between requests, so instances scale out behind
//! any load balancer.
//!
//! ```no_run
//! # async fn start() -> std::io::Result<()> {
//! let config = mpcanvas_server::Config::default();
//! let listener = tokio::net::TcpListener::bind(config.listen).await?;
//! mpcanvas_server::serve(listener, config, mpcanvas_server::shutdown_signal()).await
//! # }
//! ```
#![forbid(unsafe_code)]

mod archive;
mod body;
mod config;
mod errors;
mod examples;
mod metrics;
mod pool;
mod render;
mod router;
mod run;
mod state;
mod timing;
mod upload;

use std::future::Future;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub use config::{Config, Limits};

/// Builds the engine `config` asks for and serves on `listener` until
/// `shutdown` completes; then stops accepting, refuses new jobs and
/// returns once the requests in flight (and their jobs) have finished.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let engine = mpcanvas::Engine::builder()
        .system_fonts(config.system_fonts)
        .js_limits(mpcanvas::JsLimits {
            memory_bytes: config.limits.job_memory_bytes,
            time: config.limits.job_time,
            ..mpcanvas::JsLimits::default()
        })
        .build()
        .map_err(io::Error::other)?;
    let pool = pool::Pool::new(Arc::new(engine), config.workers, config.queue)?;
    let state = Arc::new(state::AppState {
        config,
        pool,
        metrics: metrics::Metrics::default(),
        shutting_down: AtomicBool::new(false),
    });
    let app = router::router(state.clone());
    let flag = state.clone();
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            shutdown.await;
            flag.shutting_down.store(true, Ordering::SeqCst);
        })
        .await
}

/// Completes on ctrl-c or SIGTERM (what container runtimes send).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

/// Runs the service on `config.listen` until ctrl-c or SIGTERM, on its own
/// tokio runtime (what `mpcanvas serve` calls).
pub fn run(config: Config) -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        // The async side only moves bytes; jobs run on the pool's threads.
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.listen).await?;
        eprintln!(
            "mpcanvas serve: listening on http://{} ({} workers, queue {})",
            listener.local_addr()?,
            config.workers.max(1),
            config.queue.max(1)
        );
        serve(listener, config, shutdown_signal()).await?;
        eprintln!("mpcanvas serve: stopped");
        Ok::<(), io::Error>(())
    })
}
