//! Steps 3–4 of the export path (PL §3): a canvas region, after its
//! options were normalised ([`super::params`]), rendered and encoded.

use std::cell::RefCell;
use std::rc::Rc;

use mpcanvas_canvas::Context2d;
use mpcanvas_export::{ExportError, ExportOptions, Format, Limits, Pixels, SourceRect, export};

use super::params::{self, Geometry, js_round};
use crate::profile::{ExportRules, FailKind};
use crate::reply::Reason;
use crate::value::JsValue;

/// What an export reads: a canvas, its size in the API's units and the
/// bitmap px per unit.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    pub(crate) canvas: Rc<RefCell<Context2d>>,
    pub(crate) size: (f64, f64),
    pub(crate) scale: (f64, f64),
    /// A canvas node (not a legacy `canvas-id` canvas).
    pub(crate) node: bool,
}

/// An encoded export.
#[derive(Debug)]
pub(crate) struct Encoded {
    pub(crate) bytes: Vec<u8>,
    pub(crate) format: Format,
    pub(crate) warnings: Vec<String>,
    /// The image's size in px.
    pub(crate) dest: (u32, u32),
}

/// Steps 2–8: normalise `options` against `target` and encode.
pub(crate) fn encode(
    target: &Target,
    options: &JsValue,
    rules: &ExportRules,
    dpr: f64,
    limits: Limits,
) -> Result<Encoded, Reason> {
    let geo = Geometry {
        width: target.size.0,
        height: target.size.1,
        dpr,
    };
    let req = params::normalise(options, rules, geo)?;
    let to_px = |v: f64, k: f64| js_round(v * k);
    let (sx, sy) = (to_px(req.x, target.scale.0), to_px(req.y, target.scale.1));
    let (sw, sh) = (
        to_px(req.width, target.scale.0),
        to_px(req.height, target.scale.1),
    );
    let side = |v: f64| (v >= 1.0 && v <= f64::from(u32::MAX)).then_some(v as u32);
    let (Some(sw), Some(sh)) = (side(sw), side(sh)) else {
        return Err(Reason::new(FailKind::CreateBitmap));
    };
    // Offsets far outside the canvas only mean "nothing covered"; `as`
    // saturates them into range.
    let src = SourceRect::new(sx as i64, sy as i64, sw, sh);
    let canvas = target.canvas.borrow();
    let budget = canvas.limits().budget.clone();
    let opts = ExportOptions::new(req.dest_width, req.dest_height, req.format)
        .with_background(rules.jpeg_background)
        .with_limits(limits)
        .with_deadline(budget.as_ref().and_then(|b| b.deadline()));
    let pixels = Pixels::new(canvas.width(), canvas.height(), canvas.premultiplied_data());
    let bytes = export(pixels, src, &opts).map_err(|e| match e {
        ExportError::EmptySource { .. }
        | ExportError::EmptyDestination { .. }
        | ExportError::TooLarge { .. } => Reason::new(FailKind::CreateBitmap),
        ExportError::Deadline => {
            // Noted on the budget, so the run ends with its time limit.
            if let Some(b) = &budget {
                b.past_deadline();
            }
            Reason::detail(FailKind::ExportFailed, "the run's time limit was reached")
        }
        other => Reason::detail(FailKind::ExportFailed, other.to_string()),
    })?;
    Ok(Encoded {
        bytes,
        format: req.format,
        warnings: req.warnings,
        dest: (req.dest_width, req.dest_height),
    })
}
