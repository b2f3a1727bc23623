//! Canvas text: the text settings of the drawing state, the `font`
//! shorthand, the font library (registered faces over shared collections),
//! per-character fallback, shaping, metrics and glyph outlines.
//!
//! Drawing goes: [`FontSpec`] + [`FontLibrary`] → a fallback chain of faces
//! → `layout` (clusters, fallback runs, HarfRust shaping, spacing) →
//! glyph outlines placed as Chromium places them → one path painted through
//! the context's usual pipeline (styles, shadows, compositing, clip).

mod collection;
mod css;
mod face;
mod font;
mod gamma;
mod geometry;
mod glyph_mask;
mod layout;
mod layout_cache;
mod library;
mod metrics;
mod outline;
mod spacing;
mod synthetic;
mod woff;

pub use collection::{
    Bytes as FontBytes, FaceDescriptors, FaceEntry, FontCollection, FontData, Loader as FontLoader,
};
pub use font::{FontFamily, FontSpec, FontStyle, ParsedFont};
pub use library::FontLibrary;
pub use metrics::TextMetrics;
pub use spacing::Spacing;

pub(crate) use gamma::table_for as mask_gamma;
pub(crate) use geometry::{ink_bounds, text_coverage, text_path, text_pen, uses_glyph_masks};
pub(crate) use layout::{LayoutParams, TextLayout, layout, prepare};
pub(crate) use layout_cache::LayoutCache;
pub(crate) use metrics::{align_shift, baseline_shift, measure};

use crate::keyword::keyword_enum;

keyword_enum! {
    /// `textAlign`.
    TextAlign {
        /// Start edge for the direction (the default).
        Start = "start",
        /// End edge for the direction.
        End = "end",
        /// Left edge.
        Left = "left",
        /// Right edge.
        Right = "right",
        /// Centre.
        Center = "center",
    }
}

keyword_enum! {
    /// `textBaseline`.
    TextBaseline {
        /// Top of the em square.
        Top = "top",
        /// Hanging baseline.
        Hanging = "hanging",
        /// Middle of the em square.
        Middle = "middle",
        /// Alphabetic baseline (the default).
        Alphabetic = "alphabetic",
        /// Ideographic under-baseline.
        Ideographic = "ideographic",
        /// Bottom of the em square.
        Bottom = "bottom",
    }
}

keyword_enum! {
    /// `direction`.
    Direction {
        /// Left to right.
        Ltr = "ltr",
        /// Right to left.
        Rtl = "rtl",
        /// From the canvas element (left to right here: there is no document).
        Inherit = "inherit",
    }
}

keyword_enum! {
    /// `fontKerning`.
    FontKerning {
        /// The font's kerning, as the browser decides (on).
        Auto = "auto",
        /// Kerning on.
        Normal = "normal",
        /// Kerning off.
        None = "none",
    }
}

keyword_enum! {
    /// `fontStretch`.
    FontStretch {
        /// 50%.
        UltraCondensed = "ultra-condensed",
        /// 62.5%.
        ExtraCondensed = "extra-condensed",
        /// 75%.
        Condensed = "condensed",
        /// 87.5%.
        SemiCondensed = "semi-condensed",
        /// 100% (the default).
        Normal = "normal",
        /// 112.5%.
        SemiExpanded = "semi-expanded",
        /// 125%.
        Expanded = "expanded",
        /// 150%.
        ExtraExpanded = "extra-expanded",
        /// 200%.
        UltraExpanded = "ultra-expanded",
    }
}

impl FontStretch {
    /// The stretch as a percentage of normal width.
    pub fn percent(self) -> f32 {
        match self {
            FontStretch::UltraCondensed => 50.0,
            FontStretch::ExtraCondensed => 62.5,
            FontStretch::Condensed => 75.0,
            FontStretch::SemiCondensed => 87.5,
            FontStretch::Normal => 100.0,
            FontStretch::SemiExpanded => 112.5,
            FontStretch::Expanded => 125.0,
            FontStretch::ExtraExpanded => 150.0,
            FontStretch::UltraExpanded => 200.0,
        }
    }
}

keyword_enum! {
    /// `fontVariantCaps`.
    FontVariantCaps {
        /// No caps variant (the default).
        Normal = "normal",
        /// Small capitals for lowercase letters (`smcp`).
        SmallCaps = "small-caps",
        /// Small capitals for all letters (`smcp` + `c2sc`).
        AllSmallCaps = "all-small-caps",
        /// Petite capitals (`pcap`).
        PetiteCaps = "petite-caps",
        /// Petite capitals for all letters (`pcap` + `c2pc`).
        AllPetiteCaps = "all-petite-caps",
        /// Unicase (`unic`).
        Unicase = "unicase",
        /// Titling capitals (`titl`).
        TitlingCaps = "titling-caps",
    }
}

keyword_enum! {
    /// `textRendering`.
    TextRendering {
        /// The browser decides (the default).
        Auto = "auto",
        /// Speed over legibility: no kerning, no ligatures.
        OptimizeSpeed = "optimizeSpeed",
        /// Legibility: kerning and ligatures on.
        OptimizeLegibility = "optimizeLegibility",
        /// Exact outlines (no effect here: glyphs are never hinted).
        GeometricPrecision = "geometricPrecision",
    }
}

/// Text attributes of the drawing state.
#[derive(Debug, Clone, PartialEq)]
pub struct TextState {
    /// `font`: style, weight, size, families.
    pub font: FontSpec,
    /// `fontStretch` (also set by the `font` shorthand).
    pub stretch: FontStretch,
    /// `fontVariantCaps` (also set by the `font` shorthand).
    pub variant_caps: FontVariantCaps,
    /// `textRendering`.
    pub rendering: TextRendering,
    /// `letterSpacing`.
    pub letter_spacing: Spacing,
    /// `wordSpacing`.
    pub word_spacing: Spacing,
    /// `textAlign`.
    pub align: TextAlign,
    /// `textBaseline`.
    pub baseline: TextBaseline,
    /// `direction`.
    pub direction: Direction,
    /// `fontKerning`.
    pub kerning: FontKerning,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: FontSpec::default(),
            stretch: FontStretch::Normal,
            variant_caps: FontVariantCaps::Normal,
            rendering: TextRendering::Auto,
            letter_spacing: Spacing::default(),
            word_spacing: Spacing::default(),
            align: TextAlign::Start,
            baseline: TextBaseline::Alphabetic,
            direction: Direction::Inherit,
            kerning: FontKerning::Auto,
        }
    }
}
