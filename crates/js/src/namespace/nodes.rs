//! Canvas objects the platform makes: mini-game `createCanvas()`, and the
//! export methods a profile gives canvas nodes (`toTempFilePath`,
//! `toTempFilePathSync`).

use rquickjs::function::{Opt, This};
use rquickjs::{Class, Ctx, Function, Value};

use super::api::{Invocation, begin, promises, services};
use super::convert;
use crate::canvas::element::JsCanvas;

/// Adds the profile's node export methods to `node` as own properties.
pub fn add_export_methods<'js>(
    ctx: &Ctx<'js>,
    node: &Class<'js, JsCanvas<'js>>,
    methods: &[String],
) -> rquickjs::Result<()> {
    for method in methods {
        let f = match method.as_str() {
            "toTempFilePath" => to_temp_file_path(ctx)?,
            "toTempFilePathSync" => to_temp_file_path_sync(ctx)?,
            _ => continue,
        };
        node.set(method.as_str(), f)?;
    }
    Ok(())
}

fn to_temp_file_path<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    // The node comes in as `this`, never captured: a closure holding its
    // own object is a cycle QuickJS's collector cannot see.
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, node: This<Class<'js, JsCanvas<'js>>>, options: Opt<Value<'js>>| {
            let invocation = begin(&ctx, options)?;
            let target = convert::node_of(&node.0.borrow());
            let allowed = invocation
                .services
                .platform
                .borrow()
                .profile()
                .export
                .node_promises;
            let result = invocation
                .services
                .platform
                .borrow_mut()
                .node_to_temp_file_path(&target, &invocation.converted);
            invocation.deliver(&ctx, "Canvas.toTempFilePath", result, promises(allowed))
        },
    )?
    .with_name("toTempFilePath")
}

fn to_temp_file_path_sync<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    // The node comes in as `this`, never captured: a closure holding its
    // own object is a cycle QuickJS's collector cannot see.
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, node: This<Class<'js, JsCanvas<'js>>>, options: Opt<Value<'js>>| {
            let Invocation {
                options: _,
                services,
                converted,
            } = begin(&ctx, options)?;
            let target = convert::node_of(&node.0.borrow());
            let result = services
                .platform
                .borrow_mut()
                .node_to_temp_file_path_sync(&target, &converted);
            result.map_err(|failure| rquickjs::Exception::throw_message(&ctx, &failure.message))
        },
    )?
    .with_name("toTempFilePathSync")
}

/// Mini-game `createCanvas()`: the first is the screen canvas.
pub(crate) fn create_canvas<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(ctx.clone(), |ctx: Ctx<'js>| {
        let services = services(&ctx)?;
        let methods = services
            .platform
            .borrow()
            .profile()
            .export
            .node_methods
            .clone();
        let node = services.platform.borrow_mut().create_canvas();
        let node = node.map_err(|f| rquickjs::Exception::throw_message(&ctx, &f.message))?;
        let canvas = JsCanvas::wrap(&ctx, node.context, node.css_size)?;
        add_export_methods(&ctx, &canvas, &methods)?;
        Ok::<_, rquickjs::Error>(canvas)
    })?
    .with_name("createCanvas")
}
