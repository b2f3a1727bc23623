//! Where mpcanvas's fonts come from: the bundled defaults, the system's
//! installed fonts and font files. The engine (`mpcanvas-canvas`) reads no
//! files; this crate turns each source into a shared
//! [`FontCollection`](mpcanvas_canvas::FontCollection) and builds the
//! [`FontLibrary`] a job draws with.
//!
//! - [`bundled`]: DejaVu Sans and Droid Sans Fallback Full, embedded
//!   (4.8 MB), so text renders, Chinese included, on a machine without
//!   fonts.
//! - [`system`]: the installed fonts, indexed once per process; a file is
//!   read when a face of it is first drawn.
//! - [`files`]: font files registered under a family name, parsed once per
//!   process while unchanged.
//! - [`FontSet`]: the faces a host shares between jobs; each job's
//!   [`FontSet::library`] adds its own registrations on top.
#![forbid(unsafe_code)]

pub mod bundled;
pub mod files;
mod set;
pub mod system;

pub use bundled::{CJK, DEFAULTS, SANS};
pub use files::register_file;
pub use set::{FontSet, FontSources};

pub use mpcanvas_canvas::FontLibrary;

/// A library with the bundled and the system fonts (what a page's canvases
/// draw with by default).
pub fn library() -> FontLibrary {
    FontSet::new(FontSources::default()).library()
}

/// A library with the bundled fonts only: text draws the same on every
/// machine (what tests compared with references use).
pub fn bundled_library() -> FontLibrary {
    FontSet::new(FontSources {
        bundled: true,
        system: false,
    })
    .library()
}
