//! Namespace functions every profile has that the runtime answers itself:
//! system information, `env`, `canIUse`, the toast / loading / modal
//! feedback calls poster pages make around an export, selector queries,
//! offscreen canvases and images.

use mpcanvas_platform::{Device, JsValue};
use rquickjs::function::{Opt, Rest};
use rquickjs::{Ctx, Function, Object, Value};

use super::api::{deliver_result, promises, services};
use super::convert;
use crate::canvas::element::JsCanvas;

/// The `getSystemInfoSync()` object of the simulated phone, with the
/// profile's versions and simulated operating system.
pub(super) fn system_info<'js>(ctx: &Ctx<'js>, device: Device) -> rquickjs::Result<Object<'js>> {
    let rules = match crate::host::platform(ctx) {
        Some(p) => Some(p.borrow().profile().system.clone()),
        None => mpcanvas_platform::Profile::named("wechat")
            .ok()
            .map(|p| p.system),
    };
    let mut info = rules
        .map(|r| mpcanvas_platform::system::system_info(&device, &r))
        .unwrap_or_default();
    // The profile words the default phone's language its own way
    // (`zh_CN`, Alipay's `zh-Hans`); a phone set to another locale
    // (`--locale`) reports that one.
    let language = crate::jsenv::system_language(ctx);
    if language != "zh_CN" {
        info.insert("language".into(), language.into());
    }
    let text = serde_json::Value::Object(info).to_string();
    match ctx.json_parse(text)?.into_object() {
        Some(o) => Ok(o),
        None => Object::new(ctx.clone()),
    }
}

/// The parts of the system information newer base libraries split out of
/// `getSystemInfoSync()`, installed where the profile lists them.
pub(crate) const SPLIT_INFO_APIS: [&str; 3] = ["getWindowInfo", "getDeviceInfo", "getAppBaseInfo"];

/// `getWindowInfo()` / `getDeviceInfo()` / `getAppBaseInfo()`: the fields
/// the profile documents for `name`, from the system information.
fn split_info<'js>(ctx: &Ctx<'js>, name: &str) -> rquickjs::Result<Object<'js>> {
    let info = system_info(ctx, device(ctx))?;
    let json = ctx
        .json_stringify(info)?
        .map(|s| s.to_string())
        .transpose()?
        .unwrap_or_default();
    let info: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&json).unwrap_or_default();
    let fields = crate::host::get(ctx)
        .and_then(|h| h.platform.clone())
        .map(|p| {
            let p = p.borrow();
            let rules = &p.profile().system;
            match name {
                "getWindowInfo" => rules.window_info.clone(),
                "getDeviceInfo" => rules.device_info.clone(),
                _ => rules.app_base_info.clone(),
            }
        })
        .unwrap_or_default();
    let picked = mpcanvas_platform::system::pick_fields(&info, &fields);
    match ctx
        .json_parse(serde_json::Value::Object(picked).to_string())?
        .into_object()
    {
        Some(o) => Ok(o),
        None => Object::new(ctx.clone()),
    }
}

pub(super) fn device(ctx: &Ctx<'_>) -> Device {
    crate::host::get(ctx).map(|h| h.device).unwrap_or_default()
}

/// Defines the runtime's own functions on `ns`.
pub(crate) fn install<'js>(
    ctx: &Ctx<'js>,
    ns: &Object<'js>,
    user_root: &str,
    namespace_promises: bool,
) -> rquickjs::Result<()> {
    ns.set(
        "getSystemInfoSync",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| system_info(&ctx, device(&ctx)))?
            .with_name("getSystemInfoSync")?,
    )?;
    let profile = crate::host::get(ctx)
        .and_then(|h| h.platform.clone())
        .map(|p| p.borrow().profile().clone());
    let listed = |name: &str| profile.as_ref().is_some_and(|p| p.has_api(name));
    for name in SPLIT_INFO_APIS {
        if listed(name) {
            ns.set(
                name,
                Function::new(ctx.clone(), move |ctx: Ctx<'js>| split_info(&ctx, name))?
                    .with_name(name)?,
            )?;
        }
    }
    super::app_events::install(ctx, ns, listed)?;
    ns.set(
        "getSystemInfo",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, options: Opt<Value<'js>>| {
                let services = services(&ctx)?;
                let info = system_info(&ctx, device(&ctx))?;
                let json = ctx
                    .json_stringify(info)?
                    .map(|s| s.to_string())
                    .transpose()?
                    .unwrap_or_default();
                let fields: mpcanvas_platform::Reply =
                    serde_json::from_str(&json).unwrap_or_default();
                // `errMsg` only where the profile's replies carry one.
                let reply = services
                    .platform
                    .borrow()
                    .success_reply("getSystemInfo", fields);
                deliver_result(
                    &ctx,
                    &services.events,
                    options.0.as_ref().and_then(Value::as_object),
                    Ok(reply),
                    promises(namespace_promises),
                )
            },
        )?
        .with_name("getSystemInfo")?,
    )?;
    let env = Object::new(ctx.clone())?;
    env.set("USER_DATA_PATH", user_root)?;
    ns.set("env", env)?;
    ns.set(
        "canIUse",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, this: rquickjs::function::This<Value<'js>>, what: Opt<Value<'js>>| {
                let what = match what.0 {
                    Some(v) => crate::webidl::to_string(&ctx, v)?,
                    None => return Ok::<bool, rquickjs::Error>(false),
                };
                let name = what.split('.').next().unwrap_or_default();
                Ok(match this.0.as_object() {
                    Some(ns) => ns.contains_key(name)?,
                    None => false,
                })
            },
        )?
        .with_name("canIUse")?,
    )?;
    // Feedback UI (`Platform::feedback`): every profile has the first
    // set; the rest only where the profile lists them.
    let listed: Vec<&str> = mpcanvas_platform::LISTED_FEEDBACK_APIS
        .iter()
        .copied()
        .filter(|name| services(ctx).is_ok_and(|s| s.platform.borrow().profile().has_api(name)))
        .collect();
    for name in mpcanvas_platform::FEEDBACK_APIS
        .iter()
        .copied()
        .chain(listed)
    {
        ns.set(
            name,
            Function::new(
                ctx.clone(),
                move |ctx: Ctx<'js>, options: Opt<Value<'js>>| {
                    let services = services(&ctx)?;
                    let args = match &options.0 {
                        Some(v) => convert::to_platform(&ctx, v)?,
                        None => JsValue::Undefined,
                    };
                    let reply = services.platform.borrow_mut().feedback(name, &args);
                    deliver_result(
                        &ctx,
                        &services.events,
                        options.0.as_ref().and_then(Value::as_object),
                        Ok(reply),
                        promises(namespace_promises),
                    )
                },
            )?
            .with_name(name)?,
        )?;
    }
    ns.set(
        "createSelectorQuery",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            // Cloned out of the host first: the query's constructor may
            // need the host again.
            let pages = crate::host::get(&ctx).and_then(|h| h.pages.clone());
            match pages {
                Some(pages) => pages.create_selector_query(&ctx),
                None => Err(rquickjs::Exception::throw_type(
                    &ctx,
                    "createSelectorQuery needs a page (this runtime runs no pages)",
                )),
            }
        })?
        .with_name("createSelectorQuery")?,
    )?;
    ns.set(
        "createOffscreenCanvas",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, args: Rest<Value<'js>>| {
            // `({type, width, height})` or the older `(width, height)`.
            let (w, h) = match args.0.first().and_then(Value::as_object) {
                Some(o) => (o.get::<_, Value>("width")?, o.get::<_, Value>("height")?),
                None => (
                    args.0
                        .first()
                        .cloned()
                        .unwrap_or_else(|| Value::new_undefined(ctx.clone())),
                    args.0
                        .get(1)
                        .cloned()
                        .unwrap_or_else(|| Value::new_undefined(ctx.clone())),
                ),
            };
            let side = |v: Value<'js>, default: u32| -> rquickjs::Result<u32> {
                if v.is_undefined() {
                    return Ok(default);
                }
                Ok(crate::webidl::to_long(crate::webidl::to_number(&ctx, v)?) as u32)
            };
            let (w, h) = (side(w, 300)?, side(h, 150)?);
            let limits = crate::host::get(&ctx)
                .map(|h| h.canvas_limits.clone())
                .unwrap_or_default();
            JsCanvas::create(&ctx, w, h, limits)
        })?
        .with_name("createOffscreenCanvas")?,
    )?;
    Ok(())
}

/// Mini-game `createImage()`.
pub(crate) fn create_image<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(ctx.clone(), |ctx: Ctx<'js>| {
        crate::canvas::image::JsImage::empty(&ctx)
    })?
    .with_name("createImage")
}
