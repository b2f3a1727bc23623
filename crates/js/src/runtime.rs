//! A QuickJS runtime with explicit limits: a memory ceiling, a wall-clock
//! deadline checked by QuickJS's interrupt hook (so `while (true) {}` ends
//! the run instead of hanging it), and a stack limit.

use std::cell::Cell;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use mpcanvas_canvas::Budget;

use rquickjs::{CatchResultExt, CaughtError, Context, Ctx, Value};

/// Resource limits of one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes the run may use: the JS heap (with `ImageData` pixels) and the
    /// engine's bitmaps (canvases, decoded images, glyph caches) together,
    /// through one [`Budget`].
    pub memory_bytes: usize,
    /// Wall-clock time for the whole run.
    pub time: Duration,
    /// Bytes of native stack JS recursion may use.
    pub stack_bytes: usize,
}

impl Default for Limits {
    /// 256 MiB of JS heap, 30 seconds, 1 MiB of stack.
    fn default() -> Self {
        Limits {
            memory_bytes: 256 << 20,
            time: Duration::from_secs(30),
            stack_bytes: 1 << 20,
        }
    }
}

/// Why a script did not complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptError {
    /// An exception escaped the script; `stack` is the JS stack trace.
    Exception {
        /// The error message (`name: message` for Error objects).
        message: String,
        /// The JS stack trace, when the thrown value had one.
        stack: Option<String>,
    },
    /// The run exceeded its time limit.
    Timeout(Duration),
    /// The run exceeded its memory limit.
    OutOfMemory(usize),
    /// The host refused to run the script (bad file, bad arguments).
    Host(String),
}

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScriptError::Exception {
                message,
                stack: Some(stack),
            } => write!(f, "{message}\n{stack}"),
            ScriptError::Exception {
                message,
                stack: None,
            } => f.write_str(message),
            ScriptError::Timeout(t) => write!(
                f,
                "the script ran longer than its limit of {} s",
                t.as_secs_f64()
            ),
            ScriptError::OutOfMemory(n) => write!(
                f,
                "the script used more than its memory limit of {} MiB",
                n >> 20
            ),
            ScriptError::Host(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ScriptError {}

/// A QuickJS runtime and context under [`Limits`].
pub struct Runtime {
    _runtime: rquickjs::Runtime,
    context: Context,
    limits: Limits,
    deadline: Rc<Cell<Instant>>,
    timed_out: Rc<Cell<bool>>,
    budget: Arc<Budget>,
}

impl Runtime {
    /// A fresh runtime whose clock starts now, with a budget of its own.
    pub fn new(limits: Limits) -> Result<Runtime, ScriptError> {
        Runtime::with_budget(limits, Runtime::budget_for(&limits))
    }

    /// The budget a run under `limits` starting now has: `memory_bytes`,
    /// and the deadline `time` from now.
    pub fn budget_for(limits: &Limits) -> Arc<Budget> {
        Budget::new(
            Some(limits.memory_bytes as u64),
            Some(Instant::now() + limits.time),
        )
    }

    /// A fresh runtime whose heap is charged to `budget` (shared with the
    /// canvases of the run, which take it in their `Limits`).
    pub fn with_budget(limits: Limits, budget: Arc<Budget>) -> Result<Runtime, ScriptError> {
        let host = |e: rquickjs::Error| ScriptError::Host(format!("could not start QuickJS: {e}"));
        let runtime =
            rquickjs::Runtime::new_with_alloc(crate::heap::BudgetAllocator::new(budget.clone()))
                .map_err(host)?;
        runtime.set_memory_limit(limits.memory_bytes);
        runtime.set_max_stack_size(limits.stack_bytes);
        let deadline = Rc::new(Cell::new(Instant::now() + limits.time));
        let timed_out = Rc::new(Cell::new(false));
        let (d, t) = (deadline.clone(), timed_out.clone());
        let b = budget.clone();
        runtime.set_interrupt_handler(Some(Box::new(move || {
            // A native step that stopped at the budget's deadline ends the
            // run here too.
            if b.starved() {
                // Ended as out of memory ([`Runtime::describe`]).
                return true;
            }
            let over = Instant::now() > d.get() || b.expired();
            if over {
                t.set(true);
            }
            over
        })));
        runtime.set_host_promise_rejection_tracker(Some(Box::new(track_rejection)));
        let context = Context::full(&runtime).map_err(host)?;
        context.with(|ctx| {
            crate::jsenv::install(&ctx, crate::jsenv::DeviceEnv::default())
                .catch(&ctx)
                .map_err(|e| ScriptError::Host(format!("could not set up the JS environment: {e}")))
        })?;
        Ok(Runtime {
            _runtime: runtime,
            context,
            limits,
            deadline,
            timed_out,
            budget,
        })
    }

    /// The run's budget: hand it to the canvases' `Limits`.
    pub fn budget(&self) -> Arc<Budget> {
        self.budget.clone()
    }

    /// Runs `f` inside the context.
    pub fn with<R>(&self, f: impl FnOnce(Ctx<'_>) -> R) -> R {
        self.context.with(f)
    }

    /// Runs queued promise jobs until none is left (a job that throws
    /// rejects its promise; the caller reads promise states). Stops with
    /// [`ScriptError::Timeout`] when the clock ran out.
    pub fn drain(&self, ctx: &Ctx<'_>) -> Result<(), ScriptError> {
        while ctx.execute_pending_job() {
            if self.out_of_time() || self.budget.starved() {
                break;
            }
        }
        if self.budget.starved() {
            return Err(ScriptError::OutOfMemory(self.limits.memory_bytes));
        }
        if self.out_of_time() {
            return Err(ScriptError::Timeout(self.limits.time));
        }
        Ok(())
    }

    /// Turns a caught JS error into a [`ScriptError`], telling the limits'
    /// own interruptions apart from script exceptions.
    pub fn describe(&self, caught: CaughtError<'_>) -> ScriptError {
        // A drawing step refused its scratch memory interrupted the script.
        if self.budget.starved() {
            return ScriptError::OutOfMemory(self.limits.memory_bytes);
        }
        if self.out_of_time() {
            return ScriptError::Timeout(self.limits.time);
        }
        match caught {
            CaughtError::Exception(e) => {
                let message = e.message().unwrap_or_default();
                let name: Option<String> = e.get("name").ok();
                let message = match name {
                    Some(n) if !n.is_empty() => format!("{n}: {message}"),
                    _ => message,
                };
                if message.contains("out of memory") {
                    return ScriptError::OutOfMemory(self.limits.memory_bytes);
                }
                ScriptError::Exception {
                    message,
                    stack: e.stack().filter(|s| !s.is_empty()),
                }
            }
            CaughtError::Value(v) => {
                let text = v
                    .ctx()
                    .json_stringify(v.clone())
                    .ok()
                    .flatten()
                    .and_then(|s| s.to_string().ok());
                ScriptError::Exception {
                    message: format!("Uncaught {}", text.unwrap_or_else(|| format!("{v:?}"))),
                    stack: None,
                }
            }
            CaughtError::Error(rquickjs::Error::Allocation) => {
                ScriptError::OutOfMemory(self.limits.memory_bytes)
            }
            CaughtError::Error(e) => ScriptError::Exception {
                message: e.to_string(),
                stack: None,
            },
        }
    }

    /// Promise rejections no handler has caught since the last call, as
    /// uncaught errors (a handler attached later, in the same job run,
    /// takes a rejection back off the list).
    pub fn take_unhandled_rejections(&self, ctx: &Ctx<'_>) -> Vec<ScriptError> {
        let Ok(map) = rejections(ctx) else {
            return Vec::new();
        };
        let reasons: rquickjs::Result<Vec<Value<'_>>> = (|| {
            let values: rquickjs::Function<'_> =
                ctx.eval("(m) => { const v = [...m.values()]; m.clear(); return v; }")?;
            let array: rquickjs::Array<'_> = values.call((map,))?;
            array.iter::<Value<'_>>().collect()
        })();
        reasons
            .unwrap_or_default()
            .into_iter()
            .map(
                |reason| match self.describe(CaughtError::from_error(ctx, ctx.throw(reason))) {
                    ScriptError::Exception { message, stack } => ScriptError::Exception {
                        message: format!("Uncaught (in promise) {message}"),
                        stack,
                    },
                    other => other,
                },
            )
            .collect()
    }

    /// Whether the run's time is up: QuickJS was interrupted, or a native
    /// drawing step stopped at the budget's deadline (the call returned
    /// with nothing drawn; the run ends as a time-out even if no JS ran
    /// after it).
    pub fn out_of_time(&self) -> bool {
        self.timed_out.get() || self.budget.expired()
    }

    /// Restarts the wall clock (e.g. after a slow host step).
    pub fn reset_clock(&self) {
        self.deadline.set(Instant::now() + self.limits.time);
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        // Tasks still waiting (a page that keeps posting work ran into a
        // limit) are released while the context still runs code.
        self.context
            .with(|ctx| crate::event_loop::EventLoop::forget_pending(&ctx));
    }
}

const REJECTIONS: &str = "mpcanvas.rejections";

fn rejections<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<rquickjs::Object<'js>> {
    let key = rquickjs::Symbol::new_global(ctx.clone(), REJECTIONS)?;
    if let Some(map) = ctx
        .globals()
        .get::<_, Value<'js>>(key.clone())?
        .into_object()
    {
        return Ok(map);
    }
    let map: rquickjs::Object<'js> = ctx.eval("new Map()")?;
    ctx.globals().set(key, map.clone())?;
    Ok(map)
}

/// QuickJS calls this when a promise is rejected with no handler, and
/// again (`handled`) when a handler is attached later.
fn track_rejection<'js>(ctx: Ctx<'js>, promise: Value<'js>, reason: Value<'js>, handled: bool) {
    let _ = (|| -> rquickjs::Result<()> {
        let map = rejections(&ctx)?;
        let method: rquickjs::Function<'js> = map.get(if handled { "delete" } else { "set" })?;
        method.call::<_, Value<'js>>((rquickjs::function::This(map), promise, reason))?;
        Ok(())
    })();
}

/// Evaluates `source` (named `file` in stack traces) and returns its value,
/// with JS errors described.
pub fn eval<'js, T: rquickjs::FromJs<'js>>(
    rt: &Runtime,
    ctx: &Ctx<'js>,
    source: &str,
    file: &str,
) -> Result<T, ScriptError> {
    let mut options = rquickjs::context::EvalOptions::default();
    options.global = true;
    options.strict = false;
    options.filename = Some(file.to_string());
    ctx.eval_with_options::<T, _>(source, options)
        .catch(ctx)
        .map_err(|e| rt.describe(e))
}
