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

/// The CSS size of a `<canvas>` element (PL §2): its styled width and
/// height (already in px), else its `width` / `height` attributes, else
/// `default` (the profile's [`legacy_default_size`] or
/// [`node_default_size`] for the element's kind), each side on its own.
///
/// [`legacy_default_size`]: crate::profile::CanvasRules::legacy_default_size
/// [`node_default_size`]: crate::profile::CanvasRules::node_default_size
pub fn css_size(
    styled: (Option<f64>, Option<f64>),
    attributes: (Option<f64>, Option<f64>),
    default: (f64, f64),
) -> (f64, f64) {
    (
        styled.0.or(attributes.0).unwrap_or(default.0),
        styled.1.or(attributes.1).unwrap_or(default.1),
    )
}

/// The backing store of a canvas laid out at `css` px on a `dpr` screen:
/// CSS size × dpr, rounded (legacy canvases, PL §2).
pub fn backing_size(css: (f64, f64), dpr: f64) -> (u32, u32) {
    ((css.0 * dpr).round() as u32, (css.1 * dpr).round() as u32)
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

#[cfg(test)]
mod sizing_tests {
    use super::*;

    #[test]
    fn each_side_takes_style_then_attribute_then_default() {
        assert_eq!(
            css_size(
                (Some(200.0), None),
                (Some(50.0), Some(80.0)),
                (300.0, 150.0)
            ),
            (200.0, 80.0)
        );
        assert_eq!(
            css_size((None, None), (None, None), (300.0, 225.0)),
            (300.0, 225.0)
        );
        assert_eq!(backing_size((100.5, 50.0), 2.0), (201, 100));
    }
}
