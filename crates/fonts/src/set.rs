//! [`FontSet`]: the faces a host shares between jobs.

use mpcanvas_canvas::{FontCollection, FontLibrary};

/// Which built-in sources a [`FontSet`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FontSources {
    /// The bundled default fonts.
    pub bundled: bool,
    /// The system's installed fonts.
    pub system: bool,
}

impl Default for FontSources {
    /// Both.
    fn default() -> Self {
        FontSources {
            bundled: true,
            system: true,
        }
    }
}

/// The default and installed faces, parsed once and shared by every
/// library made from the set (and every thread: it is `Send + Sync`).
#[derive(Debug, Clone)]
pub struct FontSet {
    defaults: FontCollection,
    installed: FontCollection,
}

impl FontSet {
    /// The faces of `sources`.
    pub fn new(sources: FontSources) -> FontSet {
        FontSet {
            defaults: if sources.bundled {
                crate::bundled::collection()
            } else {
                FontCollection::default()
            },
            installed: if sources.system {
                crate::system::collection()
            } else {
                FontCollection::default()
            },
        }
    }

    /// A new library for one job or document: the shared faces, and its
    /// own registrations on top.
    pub fn library(&self) -> FontLibrary {
        FontLibrary::with_fallbacks(self.defaults.clone(), self.installed.clone())
    }
}
