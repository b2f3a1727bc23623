//! Binding an asynchronous platform API: convert the options, call the
//! platform, deliver the result through the callbacks or a Promise
//! (`callback::deliver`, PLATFORM.md §4).

use std::cell::RefCell;
use std::rc::Rc;

use mpcanvas_platform::{ApiResult, JsValue, Platform, Scope};
use rquickjs::function::Opt;
use rquickjs::{Ctx, Function, Object, Value};

use super::convert;
use crate::callback::{Outcome, Promises, deliver};
use crate::event_loop::EventLoop;

/// A platform method taking converted options and the lookup scope.
pub(crate) type Call = fn(&mut Platform, &JsValue, Scope) -> ApiResult;

/// What a binding needs from the host for one call.
pub(crate) struct Services {
    pub(crate) platform: Rc<RefCell<Platform>>,
    pub(crate) events: EventLoop,
}

/// What every platform call starts from: the options object as passed
/// (`undefined` when omitted), the services, and the options converted
/// for the platform layer.
pub(crate) struct Invocation<'js> {
    pub(crate) options: Value<'js>,
    pub(crate) services: Services,
    pub(crate) converted: JsValue,
}

/// Prepares a call made with `options`.
pub(crate) fn begin<'js>(
    ctx: &Ctx<'js>,
    options: Opt<Value<'js>>,
) -> rquickjs::Result<Invocation<'js>> {
    let options = options
        .0
        .unwrap_or_else(|| Value::new_undefined(ctx.clone()));
    let services = services(ctx)?;
    let converted = convert::to_platform(ctx, &options)?;
    Ok(Invocation {
        options,
        services,
        converted,
    })
}

impl<'js> Invocation<'js> {
    /// Hands `result` to the options' callbacks, or to a returned Promise
    /// when `promises` allows one (and the device check of an
    /// undocumented Promise lets it).
    pub(crate) fn deliver(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        result: ApiResult,
        promises: Promises,
    ) -> rquickjs::Result<Value<'js>> {
        let promises = crate::checks::promise_style(
            &self.services.platform,
            self.options.as_object(),
            name,
            promises,
        );
        deliver_result(
            ctx,
            &self.services.events,
            self.options.as_object(),
            result,
            promises,
        )
    }
}

/// The host's platform and event loop, or a JS error saying the runtime
/// has none.
pub(crate) fn services(ctx: &Ctx<'_>) -> rquickjs::Result<Services> {
    let host = crate::host::get(ctx)
        .ok_or_else(|| rquickjs::Exception::throw_internal(ctx, "no host in this runtime"))?;
    let platform = host.platform.clone().ok_or_else(|| {
        rquickjs::Exception::throw_internal(ctx, "no platform layer in this runtime")
    })?;
    // Platform APIs that need a user gesture read it from here.
    platform.borrow_mut().set_in_tap(host.gesture.get());
    // Device checks name the script line of the call.
    crate::checks::mark_call_site(ctx, &platform);
    Ok(Services {
        platform,
        events: host.events.clone(),
    })
}

/// The platform scope a component argument names: its own scope for a
/// page or component instance, the page otherwise.
pub(crate) fn scope_of<'js>(ctx: &Ctx<'js>, component: Option<&Value<'js>>) -> Scope {
    let pages = crate::host::get(ctx).and_then(|h| h.pages.clone());
    component
        .zip(pages)
        .and_then(|(c, pages)| pages.platform_scope(ctx, c))
        .unwrap_or(Scope::Page)
}

/// Delivers a platform result with `options`' callbacks or as a Promise.
pub(crate) fn deliver_result<'js>(
    ctx: &Ctx<'js>,
    events: &EventLoop,
    options: Option<&Object<'js>>,
    result: ApiResult,
    promises: Promises,
) -> rquickjs::Result<Value<'js>> {
    let outcome = match result {
        Ok(reply) => Outcome::Success(convert::reply(ctx, &reply)?),
        Err(failure) => Outcome::Fail(convert::reply(ctx, &failure.reply)?),
    };
    deliver(ctx, events, options, outcome, promises)
}

/// `ns.<name>(options, component?)` for a platform method.
pub(crate) fn options_api<'js>(
    ctx: &Ctx<'js>,
    name: &str,
    call: Call,
    promises: Promises,
) -> rquickjs::Result<Function<'js>> {
    let api = name.to_owned();
    Function::new(
        ctx.clone(),
        move |ctx: Ctx<'js>, options: Opt<Value<'js>>, component: Opt<Value<'js>>| {
            let invocation = begin(&ctx, options)?;
            let scope = scope_of(&ctx, component.0.as_ref());
            let result = call(
                &mut invocation.services.platform.borrow_mut(),
                &invocation.converted,
                scope,
            );
            invocation.deliver(&ctx, &api, result, promises)
        },
    )?
    .with_name(name)
}

/// Whether namespace functions may answer with a Promise on this profile.
pub(crate) fn promises(allowed: bool) -> Promises {
    if allowed {
        Promises::Allowed
    } else {
        Promises::Never
    }
}
