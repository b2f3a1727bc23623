//! PL §3 steps 2–7: type checks, defaults, rounding, falsy handling, size
//! checks, fileType and quality. A pure function of the options, the
//! profile's rules and the canvas geometry.

use mpcanvas_export::{Format, FormatKind};

use crate::profile::{DestDefault, ExportRules, FailKind, SizeDefault};
use crate::reply::Reason;
use crate::value::JsValue;

/// The canvas as the export sees it, in the units of `x/y/width/height`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Geometry {
    /// Canvas width in export units.
    pub(crate) width: f64,
    /// Canvas height in export units.
    pub(crate) height: f64,
    /// Device pixel ratio, for the `dpr` dest default.
    pub(crate) dpr: f64,
}

/// The normalised request, still in export units for the source rect.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Request {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) width: f64,
    pub(crate) height: f64,
    pub(crate) dest_width: u32,
    pub(crate) dest_height: u32,
    pub(crate) format: Format,
    pub(crate) warnings: Vec<String>,
}

/// Numeric fields, in the order their types are checked.
const NUMBER_FIELDS: [&str; 7] = [
    "x",
    "y",
    "width",
    "height",
    "destWidth",
    "destHeight",
    "quality",
];

/// Step 2: every field of the wrong type is a parameter error (the first
/// one found). `undefined` and `null` are "not given" (step 3).
pub(crate) fn check_types(options: &JsValue) -> Result<(), Reason> {
    for name in NUMBER_FIELDS {
        let v = options.get(name);
        if !v.is_nullish() && !matches!(v, JsValue::Number(_)) {
            return Err(Reason::parameter(name, "Number", v.type_name()));
        }
    }
    let file_type = options.get("fileType");
    if !file_type.is_nullish() && !matches!(file_type, JsValue::String(_)) {
        return Err(Reason::parameter(
            "fileType",
            "String",
            file_type.type_name(),
        ));
    }
    Ok(())
}

/// A number field, `None` when absent, null, NaN or 0 — "use the default",
/// as every emulator's `value || default` does (RS §7 Q10).
fn given(options: &JsValue, name: &str) -> Option<f64> {
    match options.get(name) {
        JsValue::Number(n) if *n != 0.0 && !n.is_nan() => Some(*n),
        _ => None,
    }
}

/// JavaScript's `Math.round`: halves round towards +∞.
pub(crate) fn js_round(v: f64) -> f64 {
    let floor = v.floor();
    if v - floor >= 0.5 { floor + 1.0 } else { floor }
}

/// Steps 3–7 (types already checked).
pub(crate) fn normalise(
    options: &JsValue,
    rules: &ExportRules,
    geo: Geometry,
) -> Result<Request, Reason> {
    check_types(options)?;
    let x = given(options, "x").map_or(0.0, js_round);
    let y = given(options, "y").map_or(0.0, js_round);
    let (default_w, default_h) = match rules.size_default {
        SizeDefault::Rest => (geo.width - x, geo.height - y),
        SizeDefault::Full => (geo.width, geo.height),
    };
    let width = js_round(given(options, "width").unwrap_or(default_w));
    let height = js_round(given(options, "height").unwrap_or(default_h));
    let (dest_default_w, dest_default_h) = match rules.dest_default {
        DestDefault::Dpr => (width * geo.dpr, height * geo.dpr),
        DestDefault::Width => (width, height),
        DestDefault::Canvas => (geo.width, geo.height),
    };
    let dest_w = js_round(given(options, "destWidth").unwrap_or(dest_default_w));
    let dest_h = js_round(given(options, "destHeight").unwrap_or(dest_default_h));
    // Step 5: sizes that cannot make a bitmap. The budget itself is the
    // export crate's check.
    let bitmap = |v: f64| (v >= 1.0 && v <= f64::from(u32::MAX)).then_some(v as u32);
    let (Some(dest_width), Some(dest_height)) = (bitmap(dest_w), bitmap(dest_h)) else {
        return Err(Reason::new(FailKind::CreateBitmap));
    };
    if !(width > 0.0 && height > 0.0 && width.is_finite() && height.is_finite()) {
        return Err(Reason::new(FailKind::CreateBitmap));
    }
    if !(x.is_finite() && y.is_finite()) {
        return Err(Reason::new(FailKind::CreateBitmap));
    }
    let mut warnings = Vec::new();
    let format = file_format(options, &mut warnings);
    Ok(Request {
        x,
        y,
        width,
        height,
        dest_width,
        dest_height,
        format,
        warnings,
    })
}

/// Steps 6–7: `jpg`/`jpeg` (any case) → JPEG at a quality in (0, 1] else
/// 1.0; `png` → PNG; anything else → PNG with a warning (Douyin's
/// documented rule, RS §1.3).
fn file_format(options: &JsValue, warnings: &mut Vec<String>) -> Format {
    let JsValue::String(file_type) = options.get("fileType") else {
        return Format::PNG;
    };
    match FormatKind::from_file_type(file_type) {
        Some(FormatKind::Jpeg) => {
            let q = match options.get("quality") {
                JsValue::Number(q) if q.is_finite() && *q > 0.0 && *q <= 1.0 => *q,
                _ => 1.0,
            };
            Format::jpeg(q as f32)
        }
        Some(FormatKind::Png) => Format::PNG,
        None => {
            warnings.push(format!(
                "fileType '{}' is neither jpg nor png; exporting PNG",
                file_type.to_ascii_lowercase()
            ));
            Format::PNG
        }
    }
}

#[cfg(test)]
mod tests {
    use super::js_round;

    #[test]
    fn rounding_matches_javascript_math_round() {
        for (v, r) in [
            (0.5, 1.0),
            (1.5, 2.0),
            (2.5, 3.0),
            (-0.5, 0.0),
            (-1.5, -1.0),
            (-2.6, -3.0),
            (0.49999999999999994, 0.0),
            (1e300, 1e300),
        ] {
            assert_eq!(js_round(v), r, "{v}");
        }
        assert!(js_round(f64::INFINITY).is_infinite());
    }
}
