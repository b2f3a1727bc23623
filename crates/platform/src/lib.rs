//! The mini-program platform as typed Rust: profiles, files, album,
//! authorization, network, and the canvas export and legacy drawing APIs —
//! the behaviour of `spec/PLATFORM.md`, with no JavaScript in it.
//!
//! # Overview
//!
//! - A [`Profile`] is one platform (`wechat`, `wechat-game`, `alipay`,
//!   `feishu`, `douyin`) as data, loaded from the embedded
//!   `profiles/*.toml`. Every difference between platforms is a profile
//!   field; no code outside the loader looks at a platform's name.
//! - A [`Platform`] is one launch of one app: the profile, the device,
//!   the [file store](store::FileStore) (temp, saved and user files under a
//!   data folder), the [album](album::Album), the
//!   [authorization state](auth::AuthStore), the [scripted user](ScriptedUser),
//!   the [network](fetch::Fetcher), the legacy canvases and the [`Report`].
//! - The platform APIs are methods of [`Platform`]. They take the options
//!   object as already-converted JS values ([`JsValue`]), so the platform's
//!   own type checks and error wording happen here, and return the
//!   profile-shaped success object ([`Reply`]) or a [`Failure`] holding the
//!   object `fail` receives. Callbacks and Promises are the JS layer's
//!   job: it calls the method, then delivers the result (PL §4).
//!
//! | JS | Rust |
//! | --- | --- |
//! | `wx.canvasToTempFilePath(o, this)` | [`Platform::canvas_to_temp_file_path`]`(&o, Scope::Component(id))` |
//! | `canvas.toTempFilePath(o)` / `…Sync(o)` / `toDataURL()` (node) | [`Platform::node_to_temp_file_path`], [`…_sync`](Platform::node_to_temp_file_path_sync), [`Platform::node_to_data_url`] |
//! | Alipay `ctx.toTempFilePath(o)` / `ctx.toDataURL(o)` | [`Platform::context_to_temp_file_path`], [`Platform::context_to_data_url`] |
//! | `createCanvasContext(id, this)`, `ctx.setFillStyle(…)` …, `ctx.draw(reserve, cb)` | [`Platform::create_canvas_context`], [`CanvasContext::record`]`(`[`Action`]`)`, [`Platform::draw`] |
//! | `ctx.measureText(t)`, `ctx.createPattern(path, r)` | [`Platform::measure_text`], [`Platform::create_pattern`] |
//! | `canvasGetImageData` / `canvasPutImageData` | [`Platform::canvas_get_image_data`], [`Platform::canvas_put_image_data`] |
//! | `saveImageToPhotosAlbum`, `my.saveImage` | [`Platform::save_image_to_photos_album`], [`Platform::save_image`] |
//! | `authorize`, `getSetting`, `openSetting` | [`Platform::authorize`], [`Platform::get_setting`], [`Platform::open_setting`] (inside [`Platform::set_in_tap`]) |
//! | `saveFile`, mini-game `createCanvas` | [`Platform::save_file`], [`Platform::create_canvas`] |
//! | `getFileSystemManager()` `.readFile` / `.writeFile` / `.access` / `.unlink` / `.getFileInfo` / `.saveFile` (and `…Sync`) | [`Platform::fs_read_file`] ([`FileData`]), [`Platform::fs_write_file`], [`Platform::fs_access`], [`Platform::fs_unlink`], [`Platform::fs_get_file_info`], [`Platform::fs_save_file`] (and `…_sync`) |
//! | `downloadFile`, `getImageInfo` | [`Platform::download_file`], [`Platform::get_image_info`] |
//! | an image object's `src` | [`Platform::load_resource`] |
//!
//! ```
//! use mpcanvas_platform::{Action, JsValue, Platform, PlatformConfig, Profile, Scope, StyleValue};
//!
//! let dir = std::env::temp_dir().join(format!("mpcanvas-doc-{}", std::process::id()));
//! let mut wx = Platform::launch(PlatformConfig::new(Profile::named("wechat")?, &dir))?;
//!
//! // <canvas canvas-id="poster" style="width: 100px; height: 50px">
//! wx.declare_canvas(Scope::Page, "poster", Some((100.0, 50.0)))?;
//! let mut ctx = wx.create_canvas_context("poster", Scope::Page)?;
//! ctx.record(Action::SetFillStyle(StyleValue::Color("#07c160".into())));
//! ctx.record(Action::FillRect(0.0, 0.0, 100.0, 50.0));
//! wx.draw(&mut ctx, false);
//!
//! let options = JsValue::object([("canvasId", JsValue::from("poster"))]);
//! let res = wx.canvas_to_temp_file_path(&options, Scope::Page)?;
//! assert_eq!(res["errMsg"], "canvasToTempFilePath:ok");
//! assert!(res["tempFilePath"].as_str().unwrap().starts_with("wxfile://tmp_"));
//!
//! let bad = JsValue::object([("canvasId", JsValue::from("poster")), ("x", JsValue::from("1"))]);
//! let err = wx.canvas_to_temp_file_path(&bad, Scope::Page).unwrap_err();
//! assert_eq!(
//!     err.reply["errMsg"],
//!     "canvasToTempFilePath:fail parameter error: parameter.x should be Number instead of String"
//! );
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

pub mod album;
mod api;
pub mod atomic;
pub mod auth;
pub mod canvases;
pub mod checks;
pub mod data_dir;
mod encoding;
pub mod env;
pub mod fetch;
pub mod legacy;
pub mod profile;
pub mod reply;
pub mod report;
pub mod sniff;
pub mod store;
pub mod system;
pub mod user;
pub mod value;

pub use api::{
    Downloaded, DrawOutcome, FEEDBACK_APIS, FdRead, FileData, ImageDataReply, LISTED_FEEDBACK_APIS,
    PendingDraw, Platform, PlatformConfig,
};
pub use canvases::Scope;
pub use checks::{Check, CheckConfig};
pub use env::Device;
pub use legacy::{Action, CanvasContext, EngineText, ImageRect, StyleValue, TextBackend};
pub use profile::{FailKind, Profile};
pub use reply::{ApiResult, Failure, Reply};
pub use report::{Event, EventObserver, Report};
pub use user::{Answer, ScriptedUser};
pub use value::{CanvasNode, JsValue};
