//! [`EngineText`]: the legacy context's text drawn and measured by the
//! canvas engine's own text (shaping, fallback, hinting), with the same
//! font library as the platform's canvases, so a width `measureText`
//! reports is the width `fillText` then draws.

use mpcanvas_canvas::{Context2d, FontLibrary, Limits};

use super::text::TextBackend;

/// Text through the engine, fonts from one [`FontLibrary`].
#[derive(Debug)]
pub struct EngineText {
    fonts: FontLibrary,
    /// A 1×1 canvas that only measures; made on the first `measureText`.
    measurer: Option<Context2d>,
}

impl EngineText {
    /// Measures with `fonts` (give it the library the canvases draw
    /// with; drawing uses each canvas's own library).
    pub fn new(fonts: FontLibrary) -> Self {
        EngineText {
            fonts,
            measurer: None,
        }
    }
}

impl Default for EngineText {
    /// The bundled and system fonts.
    fn default() -> Self {
        EngineText::new(mpcanvas_fonts::library())
    }
}

/// Sets `font` on `ctx`. The legacy API's `font` is a CSS shorthand, but
/// pages often leave out the family (`ctx.font = 'bold 20px'`), which CSS
/// rejects; the platforms then draw in their default family, so we do the
/// same rather than keep the previous font.
fn apply_font(ctx: &mut Context2d, font: &str) -> Result<(), String> {
    if ctx.set_font(font) || ctx.set_font(&format!("{font} sans-serif")) {
        Ok(())
    } else {
        Err(format!("'{font}' is not a CSS font"))
    }
}

impl TextBackend for EngineText {
    fn draw_text(
        &mut self,
        ctx: &mut Context2d,
        font: &str,
        text: &str,
        x: f64,
        y: f64,
        max_width: Option<f64>,
        stroke: bool,
    ) -> Result<(), String> {
        apply_font(ctx, font)?;
        if stroke {
            ctx.stroke_text(text, x, y, max_width);
        } else {
            ctx.fill_text(text, x, y, max_width);
        }
        Ok(())
    }

    fn measure(&mut self, font: &str, text: &str) -> Option<f64> {
        if self.measurer.is_none() {
            let ctx = Context2d::with_fonts(1, 1, Limits::default(), self.fonts.clone()).ok()?;
            self.measurer = Some(ctx);
        }
        let ctx = self.measurer.as_mut()?;
        apply_font(ctx, font).ok()?;
        Some(ctx.measure_text(text).width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_font_without_family_falls_back_to_sans_serif() {
        let mut ctx = Context2d::new(1, 1, Limits::default()).unwrap();
        apply_font(&mut ctx, "bold 20px").unwrap();
        assert_eq!(ctx.font(), "bold 20px sans-serif");
        assert!(apply_font(&mut ctx, "not a font").is_err());
    }

    #[test]
    fn measuring_matches_the_engine_in_the_same_font() {
        let fonts = mpcanvas_fonts::library();
        let mut text = EngineText::new(fonts.clone());
        let mut ctx = Context2d::with_fonts(1, 1, Limits::default(), fonts).unwrap();
        ctx.set_font("16px sans-serif");
        let engine = ctx.measure_text("Hello, 世界").width;
        let measured = text.measure("16px sans-serif", "Hello, 世界").unwrap();
        assert!(engine > 0.0);
        assert_eq!(measured, engine);
    }
}
