//! Text: the text attributes (`font`, `textAlign`, `textBaseline`,
//! `direction`, `fontKerning`, `fontStretch`, `fontVariantCaps`,
//! `textRendering`, `letterSpacing`, `wordSpacing`; invalid values are
//! ignored) and `fillText`, `strokeText`, `measureText`.

use std::sync::Arc;

use kurbo::Affine;
use tiny_skia::FillRule as SkFillRule;

use super::Context2d;
use crate::render::ShapeKind;
use crate::text::{
    self, Direction, FontKerning, FontLibrary, FontSpec, FontStretch, FontVariantCaps,
    LayoutParams, Spacing, TextAlign, TextBaseline, TextLayout, TextMetrics, TextRendering,
};

impl Context2d {
    /// The fonts this canvas draws with (shared with every canvas given
    /// the same library).
    pub fn fonts(&self) -> &FontLibrary {
        &self.fonts
    }

    /// Draws with `fonts` from now on.
    pub fn set_fonts(&mut self, fonts: FontLibrary) {
        self.fonts = fonts;
    }

    /// `font`, serialised as Chromium does.
    pub fn font(&self) -> String {
        let t = &self.state.text;
        t.font.serialize(t.variant_caps)
    }

    /// Sets `font`; an invalid value keeps the old font. Also resets
    /// `fontStretch` and `fontVariantCaps` to what the shorthand says.
    /// Returns whether the value was taken.
    pub fn set_font(&mut self, v: &str) -> bool {
        let Some(parsed) = FontSpec::parse(v) else {
            return false;
        };
        let t = &mut self.state.text;
        t.font = parsed.spec;
        t.stretch = parsed.stretch;
        t.variant_caps = parsed.variant_caps;
        true
    }

    /// `fontStretch`.
    pub fn font_stretch(&self) -> FontStretch {
        self.state.text.stretch
    }

    /// Sets `fontStretch`.
    pub fn set_font_stretch(&mut self, v: &str) {
        if let Some(v) = FontStretch::parse(v) {
            self.state.text.stretch = v;
        }
    }

    /// `fontVariantCaps`.
    pub fn font_variant_caps(&self) -> FontVariantCaps {
        self.state.text.variant_caps
    }

    /// Sets `fontVariantCaps`.
    pub fn set_font_variant_caps(&mut self, v: &str) {
        if let Some(v) = FontVariantCaps::parse(v) {
            self.state.text.variant_caps = v;
        }
    }

    /// `textRendering`.
    pub fn text_rendering(&self) -> TextRendering {
        self.state.text.rendering
    }

    /// Sets `textRendering`.
    pub fn set_text_rendering(&mut self, v: &str) {
        if let Some(v) = TextRendering::parse(v) {
            self.state.text.rendering = v;
        }
    }

    /// `letterSpacing`, e.g. `0px`.
    pub fn letter_spacing(&self) -> String {
        self.state.text.letter_spacing.serialize()
    }

    /// Sets `letterSpacing` (a CSS length).
    pub fn set_letter_spacing(&mut self, v: &str) {
        if let Some(v) = Spacing::parse(v) {
            self.state.text.letter_spacing = v;
        }
    }

    /// `wordSpacing`, e.g. `0px`.
    pub fn word_spacing(&self) -> String {
        self.state.text.word_spacing.serialize()
    }

    /// Sets `wordSpacing` (a CSS length).
    pub fn set_word_spacing(&mut self, v: &str) {
        if let Some(v) = Spacing::parse(v) {
            self.state.text.word_spacing = v;
        }
    }

    /// `fillText(text, x, y, maxWidth)`.
    pub fn fill_text(&mut self, text: &str, x: f64, y: f64, max_width: Option<f64>) {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return;
        }
        self.draw_text(text, x, y, max_width, false);
    }

    /// `strokeText(text, x, y, maxWidth)`.
    pub fn stroke_text(&mut self, text: &str, x: f64, y: f64, max_width: Option<f64>) {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        if crate::budget::expired() {
            return;
        }
        self.draw_text(text, x, y, max_width, true);
    }

    /// `measureText(text)`.
    pub fn measure_text(&self, text: &str) -> TextMetrics {
        let _timed = crate::timing::span(crate::timing::Stage::Draw);
        // Long work below stops at the run's deadline.
        let _step = self.limits.step();
        let layout = self.layout_text(text);
        let t = &self.state.text;
        text::measure(
            &layout,
            text::ink_bounds(&layout),
            layout.primary.as_ref().map(|p| p.face.metrics(layout.size)),
            t.align,
            t.direction,
            t.baseline,
        )
    }

    /// The characters of `text` that no available font has a glyph for
    /// (they would be drawn as the missing-glyph box).
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        self.layout_text(text).missing.clone()
    }

    /// The characters fillText / strokeText have drawn so far that no
    /// available font has (drawn as missing-glyph boxes), each once, in
    /// the order met: what a poster shows as "tofu".
    pub fn missing_glyphs_drawn(&self) -> &[char] {
        &self.missing_drawn
    }

    /// [`missing_glyphs_drawn`](Self::missing_glyphs_drawn) as one line
    /// for a warning (`no font has U+E000 '\u{e000}', … (drawn as
    /// missing-glyph boxes)`); `None` when nothing is missing.
    pub fn missing_glyphs_note(&self) -> Option<String> {
        if self.missing_drawn.is_empty() {
            return None;
        }
        let listed: Vec<String> = self
            .missing_drawn
            .iter()
            .map(|c| format!("U+{:04X} '{c}'", u32::from(*c)))
            .collect();
        Some(format!(
            "no font has {} (drawn as missing-glyph boxes)",
            listed.join(", ")
        ))
    }

    fn layout_text(&self, text: &str) -> Arc<TextLayout> {
        let t = &self.state.text;
        let size = t.font.size;
        let chain = self.fonts.chain(&t.font, t.stretch);
        let params = LayoutParams {
            size,
            kerning: t.kerning,
            caps: t.variant_caps,
            rendering: t.rendering,
            letter_spacing: t.letter_spacing.to_px(size),
            word_spacing: t.word_spacing.to_px(size),
        };
        self.layouts.get_or_insert(text, &chain, &params, || {
            text::layout(&text::prepare(text), &chain, &params)
        })
    }

    /// Draws `text` as HTML says: a `maxWidth` that is not a positive
    /// number draws nothing; wider text is condensed horizontally to it
    /// around the alignment point.
    fn draw_text(&mut self, text: &str, x: f64, y: f64, max_width: Option<f64>, stroke: bool) {
        if !x.is_finite() || !y.is_finite() {
            return;
        }
        if max_width.is_some_and(|m| !m.is_finite() || m <= 0.0) {
            return;
        }
        let Some(ctm) = self.invertible_transform() else {
            return;
        };
        let layout = self.layout_text(text);
        if crate::budget::expired() {
            return;
        }
        for &c in &layout.missing {
            if !self.missing_drawn.contains(&c)
                && self.missing_drawn.len() < super::MAX_MISSING_KEPT
            {
                self.missing_drawn.push(c);
            }
        }
        let width = layout.width;
        let (squeeze, shown) = match max_width {
            Some(m) if m < width => (m / width, m),
            _ => (1.0, width),
        };
        let t = &self.state.text;
        let dx = text::align_shift(t.align, t.direction, shown);
        let dy = layout.primary.as_ref().map_or(0.0, |p| {
            text::baseline_shift(t.baseline, &p.face.metrics(layout.size))
        });
        let to_device =
            ctm * Affine::translate((x + dx, y + dy)) * Affine::scale_non_uniform(squeeze, 1.0);
        if text::uses_glyph_masks(&layout, to_device) {
            // Chromium draws such text from glyph masks with mask gamma:
            // the coverage is computed here and painted as it is.
            let (style, pen) = if stroke {
                let pen = self.state.line.to_skia();
                (self.state.stroke_style.clone(), Some(pen))
            } else {
                (self.state.fill_style.clone(), None)
            };
            let gamma = text::mask_gamma(&style);
            let size = (self.width, self.height);
            let Some(cov) = text::text_coverage(&layout, to_device, pen.as_ref(), gamma, size)
            else {
                return;
            };
            let Some(rect) = cov.rect() else {
                return;
            };
            // The rectangle only bounds the shape (for layers and shadows).
            let bounds = tiny_skia::PathBuilder::from_rect(rect);
            self.paint_shape(
                &bounds,
                Affine::IDENTITY,
                ShapeKind::Coverage(&cov),
                true,
                &style,
            );
            return;
        }
        // The outline's charge lives while it is stroked or filled.
        let Some((path, _charge)) = text::text_path(&layout, to_device, !stroke) else {
            return;
        };
        if stroke {
            let pen = text::text_pen(&layout, &self.state.line.to_skia());
            let style = self.state.stroke_style.clone();
            self.paint_shape(&path, to_device, ShapeKind::Stroke(&pen), true, &style);
        } else {
            let style = self.state.fill_style.clone();
            self.paint_shape(
                &path,
                to_device,
                ShapeKind::Fill(SkFillRule::Winding),
                true,
                &style,
            );
        }
    }

    /// `textAlign`.
    pub fn text_align(&self) -> TextAlign {
        self.state.text.align
    }

    /// Sets `textAlign`.
    pub fn set_text_align(&mut self, v: &str) {
        if let Some(v) = TextAlign::parse(v) {
            self.state.text.align = v;
        }
    }

    /// `textBaseline`.
    pub fn text_baseline(&self) -> TextBaseline {
        self.state.text.baseline
    }

    /// Sets `textBaseline`.
    pub fn set_text_baseline(&mut self, v: &str) {
        if let Some(v) = TextBaseline::parse(v) {
            self.state.text.baseline = v;
        }
    }

    /// `direction`.
    pub fn direction(&self) -> Direction {
        self.state.text.direction
    }

    /// Sets `direction`.
    pub fn set_direction(&mut self, v: &str) {
        if let Some(v) = Direction::parse(v) {
            self.state.text.direction = v;
        }
    }

    /// `fontKerning`.
    pub fn font_kerning(&self) -> FontKerning {
        self.state.text.kerning
    }

    /// Sets `fontKerning`.
    pub fn set_font_kerning(&mut self, v: &str) {
        if let Some(v) = FontKerning::parse(v) {
            self.state.text.kerning = v;
        }
    }
}
