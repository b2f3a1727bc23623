//! The run boundary: a panic anywhere under a job (engine, export,
//! platform, bindings) is caught here and becomes the job's failure, so a
//! host (the CLI, the server) never exits other than through its reports.
//!
//! What a caught panic leaves behind: the unwound frames released their
//! `RefCell` borrows and locks; the job's QuickJS runtime is leaked rather
//! than freed (see `mpcanvas_js::Runtime`'s `Drop`), and nothing of the
//! job is reused: its platform, canvases and runtime were all owned by the
//! unwound frames. Staging files are removed by their guards. Caches the
//! engine shares between jobs (fonts, glyphs, layouts) hold whole entries
//! only; one whose lock a panic poisoned is skipped from then on, so later
//! jobs are slower but draw the same.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use mpcanvas_platform::Event;
use mpcanvas_runtime::run::RunReport;
use mpcanvas_runtime::run::stream::{RunObserver, RunStart};

/// Runs `job`; a panic in it is returned as its message.
pub(crate) fn catching<T>(job: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(job)).map_err(|payload| panic_message(payload.as_ref()))
}

/// The text a panic was raised with.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with no message".to_string()
    }
}

/// What was heard of a run so far: kept outside the run, so a run a panic
/// ends still reports what it did.
#[derive(Debug, Default)]
struct Heard {
    start: Option<RunStart>,
    events: Vec<Event>,
}

/// Keeps what a run tells its observer (and passes it on to the host's).
pub(crate) struct Recorder {
    heard: Arc<Mutex<Heard>>,
    inner: Option<Box<dyn RunObserver>>,
}

/// Reads what a [`Recorder`] heard once the run is over.
pub(crate) struct Transcript(Arc<Mutex<Heard>>);

impl Recorder {
    /// A recorder passing everything on to `inner`, and the transcript it
    /// fills.
    pub(crate) fn new(inner: Option<Box<dyn RunObserver>>) -> (Recorder, Transcript) {
        let heard = Arc::new(Mutex::new(Heard::default()));
        (
            Recorder {
                heard: heard.clone(),
                inner,
            },
            Transcript(heard),
        )
    }
}

impl RunObserver for Recorder {
    fn started(&mut self, start: &RunStart) {
        // The lock is not held while the host's observer runs: a panic
        // there must not poison it.
        self.heard
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .start = Some(start.clone());
        if let Some(inner) = &mut self.inner {
            inner.started(start);
        }
    }

    fn event(&mut self, event: &Event) {
        self.heard
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .events
            .push(event.clone());
        if let Some(inner) = &mut self.inner {
            inner.event(event);
        }
    }
}

impl Transcript {
    /// The report of a run on `profile` at `root` that the panic
    /// `message` ended.
    pub(crate) fn internal_error(self, profile: &str, root: &Path, message: &str) -> RunReport {
        let heard = std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner));
        RunReport::internal_error(
            profile,
            root.to_path_buf(),
            heard.start,
            heard.events,
            message,
        )
    }
}
