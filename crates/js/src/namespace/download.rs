//! `downloadFile(options)`: callbacks only — the platforms return a
//! `DownloadTask` here, never a Promise (RS §3). The task has the methods
//! the profile lists (`abort`, `onProgressUpdate`, `offProgressUpdate`;
//! none: `undefined` is returned, as on Alipay).
//!
//! The body is fetched before the call returns; the result is delivered
//! afterwards, as on a phone. In between the page may add progress
//! listeners (they get one event at 100 %) or abort (the callbacks then
//! get `downloadFile:fail abort`).

use mpcanvas_platform::JsValue;
use rquickjs::function::Opt;
use rquickjs::{Ctx, Function, Object, Value};

use super::api::{begin, services};
use crate::callback::{Outcome, Promises, deliver};

/// Makes a task object and the function that, when the result is due,
/// runs the progress listeners and says whether the task was aborted
/// (`[aborted, firstListenerError]`). Written in JS: the task's state is
/// plain JS data, out of Rust's borrows.
const TASK: &str = r#"(methods, total, ok, fields) => {
    // A repeated field joins with ", " (RFC 9110 §5.3); defined, not
    // assigned, so no setter on Object.prototype runs.
    const header = {};
    for (const [name, value] of fields) {
        const joined = Object.prototype.hasOwnProperty.call(header, name) ? header[name] + ', ' + value : value;
        Object.defineProperty(header, name, { value: joined, enumerable: true, writable: true, configurable: true });
    }
    const listeners = [];
    const headerListeners = [];
    let aborted = false;
    const task = {};
    const method = (name, fn) => {
        if (methods.includes(name)) {
            Object.defineProperty(task, name, { value: fn, enumerable: true, writable: true, configurable: true });
        }
    };
    method('abort', function abort() { aborted = true; });
    method('onProgressUpdate', function onProgressUpdate(listener) {
        if (typeof listener === 'function') listeners.push(listener);
    });
    method('offProgressUpdate', function offProgressUpdate(listener) {
        if (listener === undefined) { listeners.length = 0; return; }
        const i = listeners.indexOf(listener);
        if (i >= 0) listeners.splice(i, 1);
    });
    method('onHeadersReceived', function onHeadersReceived(listener) {
        if (typeof listener === 'function') headerListeners.push(listener);
    });
    method('offHeadersReceived', function offHeadersReceived(listener) {
        if (listener === undefined) { headerListeners.length = 0; return; }
        const i = headerListeners.indexOf(listener);
        if (i >= 0) headerListeners.splice(i, 1);
    });
    const due = () => {
        if (aborted) return [true, undefined];
        let error;
        // Headers arrive before the body (WX-doc DownloadTask.onHeadersReceived:
        // earlier than the completion event).
        if (ok) {
            for (const listener of headerListeners.slice()) {
                try {
                    listener({ header: Object.assign({}, header) });
                } catch (e) {
                    if (error === undefined) error = e;
                }
            }
            for (const listener of listeners.slice()) {
                try {
                    listener({ progress: 100, totalBytesWritten: total, totalBytesExpectedToWrite: total });
                } catch (e) {
                    if (error === undefined) error = e;
                }
            }
        }
        return [false, error];
    };
    return [task, due];
}"#;

pub(crate) fn download_file<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        move |ctx: Ctx<'js>, options: Opt<Value<'js>>| {
            let invocation = begin(&ctx, options)?;
            let methods = invocation
                .services
                .platform
                .borrow()
                .profile()
                .download
                .task_methods
                .clone();
            let result = invocation
                .services
                .platform
                .borrow_mut()
                .download_file_sized(&invocation.converted);
            if methods.is_empty() {
                return invocation.deliver(
                    &ctx,
                    "downloadFile",
                    result.map(|(reply, _)| reply),
                    Promises::Never,
                );
            }
            let (ok, total) = match &result {
                Ok((_, done)) => (true, done.size as f64),
                Err(_) => (false, 0.0),
            };
            let fields: Vec<Vec<String>> = match &result {
                Ok((_, done)) => done
                    .headers
                    .iter()
                    .map(|(name, value)| vec![name.clone(), value.clone()])
                    .collect(),
                Err(_) => Vec::new(),
            };
            let make: Function = ctx.eval(TASK)?;
            let made: rquickjs::Array = make.call((methods, total, ok, fields))?;
            let task: Value<'js> = made.get(0)?;
            let due: Function<'js> = made.get(1)?;
            // The outcome travels as task arguments (traced by the
            // collector), not in a closure.
            let outcome = match result {
                Ok((reply, _)) => super::convert::reply(&ctx, &reply)?,
                Err(failure) => super::convert::reply(&ctx, &failure.reply)?,
            };
            let settle = Function::new(ctx.clone(), settle)?;
            invocation.services.events.post_call(
                &ctx,
                settle,
                None,
                vec![
                    due.into_value(),
                    invocation.options.clone(),
                    outcome.into_value(),
                    Value::new_bool(ctx.clone(), ok),
                ],
            )?;
            Ok(task)
        },
    )?
    .with_name("downloadFile")
}

/// When the result is due: progress listeners, then the callbacks with the
/// result, or with `fail abort` if the task was aborted first. A listener
/// that threw is reported after the callbacks were queued.
fn settle<'js>(
    ctx: Ctx<'js>,
    due: Function<'js>,
    options: Value<'js>,
    outcome: Object<'js>,
    ok: bool,
) -> rquickjs::Result<()> {
    let pair: rquickjs::Array<'js> = due.call(())?;
    let (aborted, error): (bool, Value<'js>) = (pair.get(0)?, pair.get(1)?);
    let services = services(&ctx)?;
    let outcome = if aborted {
        let converted = super::convert::to_platform(&ctx, &options)?;
        let undelivered = if ok {
            super::convert::to_platform(&ctx, &outcome.clone().into_value())?
        } else {
            JsValue::Undefined
        };
        let failure = services
            .platform
            .borrow_mut()
            .download_aborted(&converted, &undelivered);
        Outcome::Fail(super::convert::reply(&ctx, &failure.reply)?)
    } else if ok {
        Outcome::Success(outcome)
    } else {
        Outcome::Fail(outcome)
    };
    deliver(
        &ctx,
        &services.events,
        options.as_object(),
        outcome,
        Promises::Never,
    )?;
    if error.is_undefined() {
        Ok(())
    } else {
        Err(ctx.throw(error))
    }
}
