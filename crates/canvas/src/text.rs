//! Text settings of the drawing state. Drawing and measuring text live in
//! their own module (fonts, shaping, fallback); this holds what `save()` /
//! `restore()` carry and the attribute parsing.

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

/// Text attributes of the drawing state.
#[derive(Debug, Clone, PartialEq)]
pub struct TextState {
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
            align: TextAlign::Start,
            baseline: TextBaseline::Alphabetic,
            direction: Direction::Inherit,
            kerning: FontKerning::Auto,
        }
    }
}
