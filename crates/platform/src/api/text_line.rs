//! Mini-game `getTextLineHeight({fontStyle, fontWeight, fontSize,
//! fontFamily, text})` (WX-doc `wx.getTextLineHeight`): the height of one
//! line of `text` in that font, measured with the run's fonts.

use mpcanvas_canvas::{Context2d, Limits};

use super::{Platform, required_string, string_option};
use crate::profile::FailKind;
use crate::reply::{ApiResult, Reason, Reply, field};
use crate::value::JsValue;

/// The WX-doc default `fontSize`.
const DEFAULT_FONT_SIZE: f64 = 16.0;

impl Platform {
    /// `getTextLineHeight(options)`: the success object (with the height
    /// as `lineHeight`, for the report) and the height the call returns:
    /// the font's ascent plus descent at `fontSize` (the font bounding
    /// box `measureText` reports), so a taller fallback font used by
    /// `text` counts.
    pub fn get_text_line_height(&mut self, options: &JsValue) -> ApiResult<(Reply, f64)> {
        const API: &str = "getTextLineHeight";
        let outcome = self.require(API).and_then(|()| {
            let family = required_string(options, "fontFamily")?;
            let text = required_string(options, "text")?;
            let style = string_option(options, "fontStyle")?.unwrap_or("normal");
            let weight = string_option(options, "fontWeight")?.unwrap_or("normal");
            let size = match options.get("fontSize") {
                JsValue::Number(n) if n.is_finite() && *n > 0.0 => *n,
                v if v.is_nullish() => DEFAULT_FONT_SIZE,
                JsValue::Number(_) => DEFAULT_FONT_SIZE,
                v => return Err(Reason::parameter("fontSize", "Number", v.type_name())),
            };
            let mut ctx = Context2d::with_fonts(1, 1, Limits::default(), self.fonts().clone())
                .map_err(|e| Reason::detail(FailKind::FontLoadFailed, e.to_string()))?;
            let css = format!("{style} {weight} {size}px {family}");
            if !ctx.set_font(&css) {
                return Err(Reason::parameter("font", "CSS font", &css));
            }
            let m = ctx.measure_text(&text);
            Ok(m.font_bounding_box_ascent + m.font_bounding_box_descent)
        });
        let height = outcome.as_ref().copied().unwrap_or(0.0);
        let mut reply = self.finish(API, options, outcome.map(|h| field("lineHeight", h)))?;
        reply.remove("lineHeight");
        Ok((reply, height))
    }
}
