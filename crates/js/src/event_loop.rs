//! Timers on a virtual clock: `setTimeout`, `setInterval`,
//! `clearTimeout`, `clearInterval`, `requestAnimationFrame`,
//! `cancelAnimationFrame`.
//!
//! A headless run should not wait for real time to pass: the clock jumps
//! straight to the next due timer once the promise jobs are drained, so a
//! 3-second `setTimeout` before an export costs nothing. Callbacks live in a
//! JS `Map` (so QuickJS's collector sees them); Rust keeps only ids and due
//! times. A run stops at a virtual-time horizon, so `setInterval` without
//! `clearInterval` ends too.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use rquickjs::function::{Opt, Rest};
use rquickjs::{CatchResultExt, Ctx, Function, Object, Symbol, Value};

use crate::runtime::{Runtime, ScriptError};

/// One frame at 60 Hz, in milliseconds.
pub const FRAME_MS: f64 = 1000.0 / 60.0;

/// Most timer callbacks one run may fire, however much virtual time is left.
pub const MAX_CALLBACKS: u64 = 200_000;

#[derive(Debug)]
struct Slot {
    id: u32,
    /// Re-arm period for intervals.
    interval: Option<f64>,
    /// Animation frames get the frame time as their argument.
    frame: bool,
}

/// Due time in µs (ordered) and a sequence number (ties fire in order).
type Key = (u64, u64);

#[derive(Debug, Default)]
struct Timers {
    now: f64,
    next_id: u32,
    seq: u64,
    queue: BTreeMap<Key, Slot>,
    fired: u64,
    /// The frame period set by `setPreferredFramesPerSecond` (`None`:
    /// [`FRAME_MS`]).
    frame_ms: Option<f64>,
}

impl Timers {
    fn schedule(&mut self, due: f64, slot: Slot) {
        self.seq += 1;
        self.queue
            .insert(((due.max(0.0) * 1000.0).round() as u64, self.seq), slot);
    }

    fn cancel(&mut self, id: u32) {
        self.queue.retain(|_, s| s.id != id);
    }
}

/// The virtual clock and timer queue of one runtime.
#[derive(Clone)]
pub struct EventLoop {
    timers: Rc<RefCell<Timers>>,
}

const REGISTRY: &str = "mpcanvas.timers";
/// The registry entry's key for a task's `this`.
const THIS: &str = "this";

fn registry<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Object<'js>> {
    let key = Symbol::new_global(ctx.clone(), REGISTRY)?;
    ctx.globals().get(key)
}

impl EventLoop {
    /// Defines the timer functions on the global object.
    pub fn install<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<EventLoop> {
        let timers = Rc::new(RefCell::new(Timers {
            next_id: 1,
            ..Timers::default()
        }));
        let globals = ctx.globals();
        let map: Object<'js> = ctx.eval("new Map()")?;
        globals.set(Symbol::new_global(ctx.clone(), REGISTRY)?, map)?;

        for (name, repeat) in [("setTimeout", false), ("setInterval", true)] {
            let t = timers.clone();
            let f = Function::new(
                ctx.clone(),
                move |ctx: Ctx<'js>,
                      handler: Value<'js>,
                      delay: Opt<Value<'js>>,
                      args: Rest<Value<'js>>| {
                    let Some(handler) = handler.into_function() else {
                        // String handlers would need eval, which mini-programs forbid.
                        return Ok::<u32, rquickjs::Error>(0);
                    };
                    let delay = match delay.0 {
                        Some(v) => crate::webidl::to_number(&ctx, v)?,
                        None => 0.0,
                    };
                    let delay = if delay.is_finite() && delay > 0.0 {
                        delay
                    } else {
                        0.0
                    };
                    let mut timers = t.borrow_mut();
                    let id = timers.next_id;
                    timers.next_id += 1;
                    let due = timers.now + delay;
                    timers.schedule(
                        due,
                        Slot {
                            id,
                            interval: repeat.then_some(delay.max(1.0)),
                            frame: false,
                        },
                    );
                    drop(timers);
                    let entry = rquickjs::Array::new(ctx.clone())?;
                    entry.set(0, handler)?;
                    for (i, a) in args.0.into_iter().enumerate() {
                        entry.set(i + 1, a)?;
                    }
                    let map = registry(&ctx)?;
                    map.get::<_, Function>("set")?.call::<_, ()>((
                        rquickjs::function::This(map.clone()),
                        id,
                        entry,
                    ))?;
                    Ok(id)
                },
            )?
            .with_name(name)?;
            globals.set(name, f)?;
        }

        let t = timers.clone();
        let raf = Function::new(ctx.clone(), move |ctx: Ctx<'js>, callback: Value<'js>| {
            let Some(callback) = callback.into_function() else {
                return Err(rquickjs::Exception::throw_type(
                    &ctx,
                    "Failed to execute 'requestAnimationFrame' on 'Window': The callback provided as parameter 1 is not a function.",
                ));
            };
            let mut timers = t.borrow_mut();
            let id = timers.next_id;
            timers.next_id += 1;
            // The next frame boundary strictly after now (µs rounding aside).
            let frame = timers.frame_ms.unwrap_or(FRAME_MS);
            let due = (((timers.now + 1e-3) / frame).floor() + 1.0) * frame;
            timers.schedule(due, Slot { id, interval: None, frame: true });
            drop(timers);
            let entry = rquickjs::Array::new(ctx.clone())?;
            entry.set(0, callback)?;
            let map = registry(&ctx)?;
            map.get::<_, Function>("set")?.call::<_, ()>((rquickjs::function::This(map.clone()), id, entry))?;
            Ok(id)
        })?
        .with_name("requestAnimationFrame")?;
        globals.set("requestAnimationFrame", raf)?;

        for name in ["clearTimeout", "clearInterval", "cancelAnimationFrame"] {
            let t = timers.clone();
            let f = Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: Opt<Value<'js>>| {
                let id = match id.0 {
                    Some(v) => crate::webidl::to_long(crate::webidl::to_number(&ctx, v)?),
                    None => 0,
                };
                if id > 0 {
                    t.borrow_mut().cancel(id as u32);
                    let map = registry(&ctx)?;
                    map.get::<_, Function>("delete")?
                        .call::<_, bool>((rquickjs::function::This(map.clone()), id))?;
                }
                Ok::<(), rquickjs::Error>(())
            })?
            .with_name(name)?;
            globals.set(name, f)?;
        }
        Ok(EventLoop { timers })
    }

    /// Queues `task` to run as a macrotask at the current virtual time,
    /// after the running script and its promise jobs (how a platform's
    /// native callbacks arrive). Tasks posted together run in order.
    pub fn post<'js>(&self, ctx: &Ctx<'js>, task: Function<'js>) -> rquickjs::Result<()> {
        self.post_call(ctx, task, None, Vec::new())
    }

    /// [`post`](Self::post) for `f.call(this, ...args)`. The values live in
    /// the traced task registry, not in a Rust closure: a closure holding
    /// JS values is an edge QuickJS's collector cannot see, and a cycle
    /// through one outlives the runtime (QuickJS then aborts at teardown).
    pub fn post_call<'js>(
        &self,
        ctx: &Ctx<'js>,
        f: Function<'js>,
        this: Option<Value<'js>>,
        args: Vec<Value<'js>>,
    ) -> rquickjs::Result<()> {
        let mut timers = self.timers.borrow_mut();
        let id = timers.next_id;
        timers.next_id += 1;
        let now = timers.now;
        timers.schedule(
            now,
            Slot {
                id,
                interval: None,
                frame: false,
            },
        );
        drop(timers);
        let entry = rquickjs::Array::new(ctx.clone())?;
        entry.set(0, f)?;
        for (i, a) in args.into_iter().enumerate() {
            entry.set(i + 1, a)?;
        }
        if let Some(this) = this {
            entry.as_object().set(THIS, this)?;
        }
        let map = registry(ctx)?;
        map.get::<_, Function>("set")?.call::<_, ()>((
            rquickjs::function::This(map.clone()),
            id,
            entry,
        ))
    }

    /// Drops every waiting timer and task (the runtime is ending): what
    /// their callbacks hold is released before QuickJS checks that every
    /// object was freed.
    pub fn forget_pending(ctx: &Ctx<'_>) {
        let _ = (|| -> rquickjs::Result<()> {
            let map = registry(ctx)?;
            map.get::<_, Function>("clear")?
                .call::<_, ()>((rquickjs::function::This(map.clone()),))
        })();
    }

    /// The virtual time in milliseconds since the run began.
    pub fn now(&self) -> f64 {
        self.timers.borrow().now
    }

    /// Sets the animation frame rate (mini-game
    /// `setPreferredFramesPerSecond`): `fps` is clamped to 1–60, as the
    /// WX-doc range says; frames already requested keep their time.
    pub fn set_frames_per_second(&self, fps: f64) {
        let fps = if fps.is_nan() {
            60.0
        } else {
            fps.clamp(1.0, 60.0)
        };
        self.timers.borrow_mut().frame_ms = Some(1000.0 / fps);
    }

    /// Whether any timer or frame is waiting.
    pub fn has_pending(&self) -> bool {
        !self.timers.borrow().queue.is_empty()
    }

    /// Runs promise jobs and due timers until nothing is due before
    /// `horizon` (virtual ms). A callback that throws is handed to
    /// `uncaught` and the loop goes on; running out of wall time or
    /// memory ends it with the error.
    pub fn run_until(
        &self,
        rt: &Runtime,
        ctx: &Ctx<'_>,
        horizon: f64,
        uncaught: impl FnMut(ScriptError),
    ) -> Result<(), ScriptError> {
        let last = ((horizon.max(0.0) * 1000.0).floor() as u64, u64::MAX);
        self.run_through(rt, ctx, last, uncaught)
    }

    /// Runs promise jobs and the timers and tasks due now that were queued
    /// before this call, in order, without moving the clock: what runs
    /// before a message from the platform that arrives now (a page's
    /// `onReady` after the view's first render). What they queue waits.
    pub fn run_queued(
        &self,
        rt: &Runtime,
        ctx: &Ctx<'_>,
        uncaught: impl FnMut(ScriptError),
    ) -> Result<(), ScriptError> {
        let last = {
            let timers = self.timers.borrow();
            ((timers.now.max(0.0) * 1000.0).round() as u64, timers.seq)
        };
        self.run_through(rt, ctx, last, uncaught)
    }

    /// Fires queued timers in order up to and including key `last`.
    fn run_through(
        &self,
        rt: &Runtime,
        ctx: &Ctx<'_>,
        last: Key,
        mut uncaught: impl FnMut(ScriptError),
    ) -> Result<(), ScriptError> {
        loop {
            rt.drain(ctx)?;
            let next = {
                let mut timers = self.timers.borrow_mut();
                if timers.fired >= MAX_CALLBACKS {
                    return Ok(());
                }
                let Some((&key, _)) = timers.queue.iter().next() else {
                    return Ok(());
                };
                if key > last {
                    return Ok(());
                }
                let due = key.0 as f64 / 1000.0;
                let slot = timers.queue.remove(&key).expect("key was just read");
                timers.now = timers.now.max(due);
                timers.fired += 1;
                if let Some(period) = slot.interval {
                    let next_due = timers.now + period;
                    timers.schedule(
                        next_due,
                        Slot {
                            id: slot.id,
                            interval: Some(period),
                            frame: false,
                        },
                    );
                }
                (slot, timers.now)
            };
            let (slot, now) = next;
            let result = self.fire(ctx, &slot, now).catch(ctx);
            if let Err(e) = result {
                let error = rt.describe(e);
                if matches!(error, ScriptError::Timeout(_) | ScriptError::OutOfMemory(_)) {
                    return Err(error);
                }
                uncaught(error);
            }
        }
    }

    fn fire(&self, ctx: &Ctx<'_>, slot: &Slot, now: f64) -> rquickjs::Result<()> {
        let map = registry(ctx)?;
        let entry: Value<'_> = map
            .get::<_, Function>("get")?
            .call((rquickjs::function::This(map.clone()), slot.id))?;
        let Some(entry) = entry.into_array() else {
            return Ok(());
        };
        if slot.interval.is_none() {
            map.get::<_, Function>("delete")?
                .call::<_, bool>((rquickjs::function::This(map.clone()), slot.id))?;
        }
        let callback: Function<'_> = entry.get(0)?;
        let mut args: Vec<Value<'_>> = Vec::new();
        if slot.frame {
            args.push(rquickjs::IntoJs::into_js(now, ctx)?);
        } else {
            for i in 1..entry.len() {
                args.push(entry.get(i)?);
            }
        }
        let mut call_args = rquickjs::function::Args::new(ctx.clone(), args.len());
        let this: Value<'_> = entry.as_object().get(THIS)?;
        if !this.is_undefined() {
            call_args.this(this)?;
        }
        call_args.push_args(args)?;
        callback.call_arg::<()>(call_args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::console::{self, Level, Log};
    use crate::runtime::Limits;

    /// Runs `code`, then the loop up to `horizon`; returns the console
    /// output, the uncaught errors and the final virtual time.
    fn run(code: &str, horizon: f64) -> (Vec<String>, Vec<String>, f64) {
        let rt = Runtime::new(Limits::default()).unwrap();
        let log: Log = Log::default();
        let mut errors = Vec::new();
        let now = rt.with(|ctx| {
            console::install(&ctx, log.clone()).unwrap();
            let ev = EventLoop::install(&ctx).unwrap();
            let _: Value<'_> = crate::runtime::eval(&rt, &ctx, code, "test.js").unwrap();
            ev.run_until(&rt, &ctx, horizon, |e| errors.push(e.to_string()))
                .unwrap();
            ev.now()
        });
        let out = log.borrow().iter().map(|m| m.text.clone()).collect();
        (out, errors, now)
    }

    #[test]
    fn timers_fire_in_due_order_after_promise_jobs() {
        let (out, _, now) = run(
            "setTimeout(() => console.log('b'), 20); setTimeout(() => console.log('a'), 10);
             Promise.resolve().then(() => console.log('micro')); console.log('sync');",
            1000.0,
        );
        assert_eq!(out, ["sync", "micro", "a", "b"]);
        assert_eq!(now, 20.0);
    }

    #[test]
    fn run_queued_fires_only_what_was_due_now_before_the_call() {
        let rt = Runtime::new(Limits::default()).unwrap();
        let log: Log = Log::default();
        let (queued, rest) = rt.with(|ctx| {
            console::install(&ctx, log.clone()).unwrap();
            let ev = EventLoop::install(&ctx).unwrap();
            let code = "setTimeout(() => { console.log('zero'); setTimeout(() => console.log('nested')); });
                        setTimeout(() => console.log('one ms'), 1);
                        setInterval(() => console.log('interval'), 0);";
            let _: Value<'_> = crate::runtime::eval(&rt, &ctx, code, "test.js").unwrap();
            ev.run_queued(&rt, &ctx, |e| panic!("{e}")).unwrap();
            let queued: Vec<String> = log.borrow().iter().map(|m| m.text.clone()).collect();
            assert_eq!(ev.now(), 0.0, "the clock stays");
            log.borrow_mut().clear();
            ev.run_until(&rt, &ctx, 1.0, |e| panic!("{e}")).unwrap();
            let rest: Vec<String> = log.borrow().iter().map(|m| m.text.clone()).collect();
            (queued, rest)
        });
        assert_eq!(queued, ["zero", "interval"]);
        assert_eq!(rest, ["nested", "one ms", "interval"]);
    }

    #[test]
    fn equal_delays_keep_call_order_and_pass_arguments() {
        let (out, _, _) = run(
            "setTimeout((x, y) => console.log(x + y), 5, 1, 2); setTimeout(() => console.log('next'), 5);",
            100.0,
        );
        assert_eq!(out, ["3", "next"]);
    }

    #[test]
    fn long_timeouts_cost_no_wall_time() {
        let start = std::time::Instant::now();
        let (out, _, now) = run(
            "setTimeout(() => console.log('late'), 3_600_000);",
            4_000_000.0,
        );
        assert_eq!(out, ["late"]);
        assert_eq!(now, 3_600_000.0);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn intervals_repeat_until_cleared() {
        let (out, _, _) = run(
            "let n = 0; const id = setInterval(() => { n++; console.log(String(n)); if (n === 3) clearInterval(id); }, 10);",
            1000.0,
        );
        assert_eq!(out, ["1", "2", "3"]);
    }

    #[test]
    fn an_endless_interval_stops_at_the_horizon() {
        let (out, _, now) = run(
            "let n = 0; setInterval(() => n++, 100); setTimeout(() => console.log(String(n)), 950);",
            1000.0,
        );
        assert_eq!(out, ["9"]);
        assert!(now <= 1000.0);
    }

    #[test]
    fn cleared_timeouts_never_fire() {
        let (out, _, _) = run(
            "const id = setTimeout(() => console.log('no'), 10); clearTimeout(id); clearTimeout(12345);",
            100.0,
        );
        assert!(out.is_empty());
    }

    #[test]
    fn animation_frames_get_the_frame_time() {
        let (out, _, _) = run(
            "requestAnimationFrame(t => { console.log(t.toFixed(3)); requestAnimationFrame(u => console.log(u.toFixed(3))); });
             const c = requestAnimationFrame(() => console.log('cancelled')); cancelAnimationFrame(c);",
            100.0,
        );
        assert_eq!(out, ["16.667", "33.333"]);
    }

    #[test]
    fn a_throwing_callback_is_reported_and_the_loop_goes_on() {
        let (out, errors, _) = run(
            "setTimeout(() => { throw new TypeError('boom'); }, 1); setTimeout(() => console.log('after'), 2);",
            100.0,
        );
        assert_eq!(out, ["after"]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("TypeError: boom"), "{errors:?}");
    }

    #[test]
    fn console_formats_values_like_browsers() {
        let (out, _, _) = run(
            "console.log('s', 1.5, true, null, undefined, [1, 'a'], {k: 2}, new RangeError('r'))",
            0.0,
        );
        assert_eq!(
            out,
            ["s 1.5 true null undefined [1,\"a\"] {\"k\":2} RangeError: r"]
        );
        let _ = Level::Log;
    }
}
