//! The mini-program page model: markup, modules, and the `App` / `Page` /
//! `Component` lifecycle of a run.

pub mod data_path;
pub mod markup;
pub mod modules;
pub mod program;
pub(crate) mod scope;
pub(crate) mod selector;

/// The simulated phone: screen size in CSS px and device pixel ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Device {
    /// Screen width in CSS px (750 rpx).
    pub screen_width: f64,
    /// Screen height in CSS px.
    pub screen_height: f64,
    /// Device pixels per CSS px.
    pub pixel_ratio: f64,
}

impl Default for Device {
    /// 375×667 at dpr 2, the WeChat developer tool's default phone
    /// (PLATFORM.md §2).
    fn default() -> Self {
        Device {
            screen_width: 375.0,
            screen_height: 667.0,
            pixel_ratio: 2.0,
        }
    }
}
