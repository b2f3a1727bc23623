//! Alipay's legacy context exports itself: `ctx.toTempFilePath(options)`
//! and `ctx.toDataURL(options)`, on what its `draw()` calls recorded.

use rquickjs::function::Opt;
use rquickjs::{Ctx, Function, Value};

use super::api::{Invocation, begin, promises};
use super::convert;
use super::legacy::This2;

/// Alipay `ctx.toTempFilePath(options)`.
pub(crate) fn to_temp_file_path<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, options: Opt<Value<'js>>| {
            let invocation = begin(&ctx, options)?;
            let allowed = invocation
                .services
                .platform
                .borrow()
                .profile()
                .export
                .promises;
            let result = invocation
                .services
                .platform
                .borrow_mut()
                .context_to_temp_file_path(&this.0.borrow().recorder, &invocation.converted);
            invocation.deliver(
                &ctx,
                "CanvasContext.toTempFilePath",
                result,
                promises(allowed),
            )
        },
    )?
    .with_name("toTempFilePath")
}

/// Alipay `ctx.toDataURL(options)`: a Promise of the data URL string.
pub(crate) fn to_data_url<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, options: Opt<Value<'js>>| {
            let Invocation {
                options: _,
                services,
                converted,
            } = begin(&ctx, options)?;
            let result = services
                .platform
                .borrow_mut()
                .context_to_data_url(&this.0.borrow().recorder, &converted);
            let (promise, resolve, reject) = ctx.promise()?;
            let (settle, value): (Function<'js>, Value<'js>) = match result {
                Ok(url) => (
                    resolve,
                    rquickjs::String::from_str(ctx.clone(), &url)?.into_value(),
                ),
                Err(failure) => (reject, convert::reply(&ctx, &failure.reply)?.into_value()),
            };
            services.events.post_call(&ctx, settle, None, vec![value])?;
            Ok::<_, rquickjs::Error>(promise)
        },
    )?
    .with_name("toDataURL")
}
