//! The canvases a page declares: legacy `<canvas canvas-id>` elements by
//! (scope, id), with their CSS size and backing store (PL §2).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use mpcanvas_canvas::{Context2d, FontLibrary, Limits};

/// Where a canvas id is looked up: the page, or a custom component's
/// shadow tree (the `this` passed as second argument; PL §3 step 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The current page.
    Page,
    /// A custom component instance, by the JS layer's id for it.
    Component(u64),
}

/// A legacy canvas: CSS size and a backing store of CSS size × dpr.
#[derive(Debug, Clone)]
pub struct LegacyCanvas {
    /// The bitmap.
    pub context: Rc<RefCell<Context2d>>,
    /// Width in CSS px.
    pub css_width: f64,
    /// Height in CSS px.
    pub css_height: f64,
}

impl LegacyCanvas {
    /// Bitmap px per CSS px, horizontally and vertically.
    pub fn scale(&self) -> (f64, f64) {
        let ctx = self.context.borrow();
        (
            ratio(ctx.width(), self.css_width),
            ratio(ctx.height(), self.css_height),
        )
    }
}

/// Bitmap px per unit; 1 for a degenerate size.
pub(crate) fn ratio(bitmap: u32, units: f64) -> f64 {
    if units > 0.0 && units.is_finite() {
        f64::from(bitmap) / units
    } else {
        1.0
    }
}

/// The legacy canvases of a run.
#[derive(Debug, Default)]
pub struct Canvases {
    legacy: HashMap<(Scope, String), LegacyCanvas>,
}

impl Canvases {
    /// Declares (or re-declares, with a fresh bitmap) `<canvas canvas-id=id>`
    /// in `scope` at `css_width × css_height`, backed by CSS × `dpr` px,
    /// drawing text with `fonts`.
    pub fn declare(
        &mut self,
        scope: Scope,
        id: &str,
        (css_width, css_height): (f64, f64),
        dpr: f64,
        limits: Limits,
        fonts: &FontLibrary,
    ) -> Result<LegacyCanvas, mpcanvas_canvas::Error> {
        let side = |css: f64| {
            let px = (css * dpr).round();
            if px.is_finite() && px >= 0.0 {
                px.min(f64::from(u32::MAX)) as u32
            } else {
                0
            }
        };
        let ctx = Context2d::with_fonts(side(css_width), side(css_height), limits, fonts.clone())?;
        let canvas = LegacyCanvas {
            context: Rc::new(RefCell::new(ctx)),
            css_width,
            css_height,
        };
        self.legacy.insert((scope, id.to_owned()), canvas.clone());
        Ok(canvas)
    }

    /// The canvas `id` in `scope`.
    pub fn get(&self, scope: Scope, id: &str) -> Option<&LegacyCanvas> {
        self.legacy.get(&(scope, id.to_owned()))
    }

    /// Removes a canvas (its element left the page).
    pub fn remove(&mut self, scope: Scope, id: &str) {
        self.legacy.remove(&(scope, id.to_owned()));
    }
}
