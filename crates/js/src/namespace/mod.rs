//! The platform namespace (`wx`, `my`, `tt`): the profile's APIs bound to
//! the platform layer, plus the functions the runtime answers itself.
//! Only the functions a profile lists exist on its namespace, as on the
//! phones (`wx.saveImage` is `undefined`).

pub(crate) mod api;
pub mod app_events;
pub(crate) mod convert;
mod download;
pub(crate) mod fonts;
pub(crate) mod fs;
pub mod game;
mod globals;
pub(crate) mod legacy;
pub(crate) mod legacy_export;
pub mod nodes;
pub(crate) mod system;

use mpcanvas_platform::Platform;
use rquickjs::{Ctx, Function, Object};

use api::{Call, options_api, promises};

/// The namespace function `name` bound to the platform, if the runtime
/// knows it.
fn binding<'js>(
    ctx: &Ctx<'js>,
    name: &str,
    namespace_promises: bool,
) -> rquickjs::Result<Option<Function<'js>>> {
    let call: Call = match name {
        "canvasToTempFilePath" => Platform::canvas_to_temp_file_path,
        "saveImageToPhotosAlbum" => |p, o, _| p.save_image_to_photos_album(o),
        "saveImage" => |p, o, _| p.save_image(o),
        "authorize" => |p, o, _| p.authorize(o),
        "getSetting" => |p, o, _| p.get_setting(o),
        "openSetting" => |p, o, _| p.open_setting(o),
        "saveFile" => |p, o, _| p.save_file(o),
        "chooseImage" => |p, o, _| p.choose_image(o),
        "previewImage" => |p, o, _| p.preview_image(o),
        "getImageInfo" => |p, o, _| p.get_image_info(o),
        "loadFontFace" => return fonts::load_font_face(ctx, namespace_promises).map(Some),
        "loadFont" => return fonts::load_font(ctx).map(Some),
        "downloadFile" => return download::download_file(ctx).map(Some),
        "getFileSystemManager" => return fs::get_file_system_manager(ctx).map(Some),
        "canvasPutImageData" => Platform::canvas_put_image_data,
        "canvasGetImageData" => return pixels::get_image_data(ctx, namespace_promises).map(Some),
        "createCanvasContext" => return legacy::create_canvas_context(ctx).map(Some),
        "createCanvas" => return nodes::create_canvas(ctx).map(Some),
        "createImage" => return system::create_image(ctx).map(Some),
        "getTextLineHeight" => return game::get_text_line_height(ctx).map(Some),
        "setPreferredFramesPerSecond" => {
            return game::set_preferred_frames_per_second(ctx).map(Some);
        }
        touch if touch.starts_with("onTouch") || touch.starts_with("offTouch") => {
            return game::touch_binding(ctx, touch);
        }
        _ => return Ok(None),
    };
    options_api(ctx, name, call, promises(namespace_promises)).map(Some)
}

mod pixels {
    //! `canvasGetImageData`: the success object carries the pixels as a
    //! `Uint8ClampedArray`.

    use rquickjs::function::Opt;
    use rquickjs::{ArrayBuffer, Ctx, Function, TypedArray, Value};

    use super::api::{Invocation, begin, scope_of};
    use super::convert;
    use crate::callback::{Outcome, deliver};

    pub(crate) fn get_image_data<'js>(
        ctx: &Ctx<'js>,
        allowed: bool,
    ) -> rquickjs::Result<Function<'js>> {
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, options: Opt<Value<'js>>, component: Opt<Value<'js>>| {
                let Invocation {
                    options,
                    services,
                    converted,
                } = begin(&ctx, options)?;
                let scope = scope_of(&ctx, component.0.as_ref());
                let result = services
                    .platform
                    .borrow_mut()
                    .canvas_get_image_data(&converted, scope);
                let outcome = match result {
                    Ok(image) => {
                        let reply = convert::reply(&ctx, &image.reply)?;
                        let buffer = ArrayBuffer::new_copy(ctx.clone(), &image.data)?;
                        reply.set(
                            "data",
                            TypedArray::<rquickjs::U8Clamped>::from_arraybuffer(buffer)?,
                        )?;
                        Outcome::Success(reply)
                    }
                    Err(failure) => Outcome::Fail(convert::reply(&ctx, &failure.reply)?),
                };
                deliver(
                    &ctx,
                    &services.events,
                    options.as_object(),
                    outcome,
                    crate::checks::promise_style(
                        &services.platform,
                        options.as_object(),
                        "canvasGetImageData",
                        super::promises(allowed),
                    ),
                )
            },
        )?
        .with_name("canvasGetImageData")
    }
}

/// Defines the profile's namespace global over `platform`.
pub fn install<'js>(
    ctx: &Ctx<'js>,
    platform: &std::cell::RefCell<Platform>,
) -> rquickjs::Result<()> {
    let profile = platform.borrow().profile().clone();
    let ns = Object::new(ctx.clone())?;
    system::install(ctx, &ns, &profile.files.user_root, profile.export.promises)?;
    for name in &profile.apis {
        match binding(ctx, name, profile.export.promises)? {
            Some(f) => ns.set(name.as_str(), f)?,
            // Installed by `system` above, only where listed.
            None if mpcanvas_platform::LISTED_FEEDBACK_APIS.contains(&name.as_str())
                || system::SPLIT_INFO_APIS.contains(&name.as_str())
                || app_events::APP_EVENT_APIS.contains(&name.as_str()) => {}
            // A profile naming an API nothing implements would silently
            // lack it: refuse to start instead.
            None => {
                return Err(rquickjs::Exception::throw_internal(
                    ctx,
                    &format!(
                        "profile '{}' lists {}.{name}, which mpcanvas does not implement",
                        profile.name, profile.namespace
                    ),
                ));
            }
        }
    }
    globals::install(ctx, &profile.globals)?;
    ctx.globals().set(profile.namespace.as_str(), ns)
}
