//! The mini-program platform as typed Rust: profiles, files, album,
//! authorization, network, and the canvas export and legacy drawing APIs.
#![forbid(unsafe_code)]

pub mod album;
mod atomic;
pub mod auth;
pub mod canvases;
pub mod env;
mod export;
pub mod fetch;
pub mod legacy;
mod platform;
pub mod profile;
pub mod reply;
pub mod report;
pub mod sniff;
pub mod store;
pub mod user;
pub mod value;

pub use canvases::Scope;
pub use env::Device;
pub use legacy::{Action, CanvasContext, ImageRect, StyleValue, TextBackend};
pub use platform::{DrawOutcome, ImageDataReply, Platform, PlatformConfig};
pub use profile::{FailKind, Profile};
pub use reply::{ApiResult, Failure, Reply};
pub use report::{Event, Report};
pub use user::{Answer, ScriptedUser};
pub use value::{CanvasNode, JsValue};
