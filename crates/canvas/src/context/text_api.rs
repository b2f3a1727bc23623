//! Text attributes: `textAlign`, `textBaseline`, `direction`,
//! `fontKerning`. Unknown strings are ignored, as for every enumerated
//! attribute.

use super::Context2d;
use crate::text::{Direction, FontKerning, TextAlign, TextBaseline};

impl Context2d {
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
