//! The callback / Promise adapter of every asynchronous platform API
//! (PLATFORM.md §4), in one place:
//!
//! - exactly one of `success(res)` / `fail(err)`, then `complete(res|err)`,
//!   always after the calling code has returned, never twice;
//! - an exception thrown by `success` is an uncaught error of the run, and
//!   `complete` still runs;
//! - with none of the three callbacks, the call returns a Promise that
//!   resolves with the result or rejects with the error (where the API
//!   allows promises).

use rquickjs::{Ctx, Function, Object, Value};

use crate::event_loop::EventLoop;

/// How an API call ended: the object `success` or `fail` receives.
pub enum Outcome<'js> {
    /// The success result.
    Success(Object<'js>),
    /// The failure object.
    Fail(Object<'js>),
}

/// Whether an API may answer with a Promise when given no callbacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Promises {
    /// Return a Promise when no callback is given.
    Allowed,
    /// Callbacks only (e.g. mini-game `Canvas.toTempFilePath`).
    Never,
}

fn callback<'js>(options: Option<&Object<'js>>, name: &str) -> Option<Function<'js>> {
    options
        .and_then(|o| o.get::<_, Value<'js>>(name).ok())
        .and_then(Value::into_function)
}

/// Delivers `outcome` through `options`' callbacks, or as a Promise, per the
/// rules above. Returns what the API call itself returns.
pub fn deliver<'js>(
    ctx: &Ctx<'js>,
    events: &EventLoop,
    options: Option<&Object<'js>>,
    outcome: Outcome<'js>,
    promises: Promises,
) -> rquickjs::Result<Value<'js>> {
    let (success, fail, complete) = (
        callback(options, "success"),
        callback(options, "fail"),
        callback(options, "complete"),
    );
    let has_callbacks = success.is_some() || fail.is_some() || complete.is_some();
    if !has_callbacks && promises == Promises::Allowed {
        let (promise, resolve, reject) = ctx.promise()?;
        let (settle, value) = match outcome {
            Outcome::Success(res) => (resolve, res),
            Outcome::Fail(err) => (reject, err),
        };
        events.post_call(ctx, settle, None, vec![value.into_value()])?;
        return Ok(promise.into_value());
    }
    let (first, value) = match outcome {
        Outcome::Success(res) => (success, res),
        Outcome::Fail(err) => (fail, err),
    };
    // Separate tasks, so `complete` still runs when the first one throws.
    if let Some(f) = first {
        events.post_call(ctx, f, None, vec![value.clone().into_value()])?;
    }
    if let Some(f) = complete {
        events.post_call(ctx, f, None, vec![value.into_value()])?;
    }
    Ok(Value::new_undefined(ctx.clone()))
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use rquickjs::function::Func;

    use super::*;
    use crate::console::{self, Log};
    use crate::runtime::{Limits, Runtime};

    /// Runs `code` with a global `api(options, ok)` that delivers
    /// `{errMsg: 'api:ok'}` or `{errMsg: 'api:fail'}`; returns the console
    /// output and the uncaught errors.
    fn run(code: &str, promises: Promises) -> (Vec<String>, Vec<String>) {
        let rt = Runtime::new(Limits::default()).unwrap();
        let log = Log::default();
        let errors = Rc::new(RefCell::new(Vec::new()));
        rt.with(|ctx| {
            console::install(&ctx, log.clone()).unwrap();
            let events = EventLoop::install(&ctx).unwrap();
            install_api(&ctx, events.clone(), promises).unwrap();
            let _: Value<'_> = crate::runtime::eval(&rt, &ctx, code, "t.js").unwrap();
            let e = errors.clone();
            events
                .run_until(&rt, &ctx, 1000.0, move |err| {
                    e.borrow_mut().push(err.to_string())
                })
                .unwrap();
        });
        let out = log.borrow().iter().map(|m| m.text.clone()).collect();
        let errs = errors.borrow().clone();
        (out, errs)
    }

    fn install_api<'js>(ctx: &Ctx<'js>, ev: EventLoop, promises: Promises) -> rquickjs::Result<()> {
        let api = Func::from(move |ctx: Ctx<'js>, options: Value<'js>, ok: bool| {
            let res = Object::new(ctx.clone())?;
            res.set("errMsg", if ok { "api:ok" } else { "api:fail" })?;
            let outcome = if ok {
                Outcome::Success(res)
            } else {
                Outcome::Fail(res)
            };
            deliver(&ctx, &ev, options.as_object(), outcome, promises)
        });
        ctx.globals().set("api", api)
    }

    #[test]
    fn success_then_complete_after_the_caller_returns() {
        let (out, _) = run(
            "api({ success: r => console.log('s ' + r.errMsg), fail: () => console.log('f'), complete: r => console.log('c ' + r.errMsg) }, true); console.log('sync');",
            Promises::Allowed,
        );
        assert_eq!(out, ["sync", "s api:ok", "c api:ok"]);
    }

    #[test]
    fn fail_then_complete() {
        let (out, _) = run(
            "api({ success: () => console.log('s'), fail: e => console.log('f ' + e.errMsg), complete: () => console.log('c') }, false);",
            Promises::Allowed,
        );
        assert_eq!(out, ["f api:fail", "c"]);
    }

    #[test]
    fn a_throwing_success_is_uncaught_and_complete_still_runs() {
        let (out, errors) = run(
            "api({ success: () => { throw new Error('in success'); }, complete: () => console.log('c') }, true);",
            Promises::Allowed,
        );
        assert_eq!(out, ["c"]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("in success"));
    }

    #[test]
    fn no_callbacks_gives_a_promise() {
        let (out, _) = run(
            "api({}, true).then(r => console.log('then ' + r.errMsg)); api(undefined, false).catch(e => console.log('catch ' + e.errMsg));",
            Promises::Allowed,
        );
        assert_eq!(out, ["then api:ok", "catch api:fail"]);
    }

    #[test]
    fn callback_only_apis_return_undefined_without_callbacks() {
        let (out, _) = run("console.log(String(api({}, true)));", Promises::Never);
        assert_eq!(out, ["undefined"]);
    }
}
