//! `globalCompositeOperation`: the 26 values canvas accepts and how each maps
//! onto tiny-skia's blend modes.

use crate::keyword::keyword_enum;
use tiny_skia::BlendMode;

keyword_enum! {
    /// A compositing operator or blend mode (HTML `globalCompositeOperation`).
    CompositeOp {
        /// Source over destination (the default).
        SourceOver = "source-over",
        /// Source where the destination is opaque; clears elsewhere.
        SourceIn = "source-in",
        /// Source where the destination is transparent; clears elsewhere.
        SourceOut = "source-out",
        /// Source over destination, only where the destination is.
        SourceAtop = "source-atop",
        /// Destination over source.
        DestinationOver = "destination-over",
        /// Destination where the source is; clears elsewhere.
        DestinationIn = "destination-in",
        /// Destination where the source is not.
        DestinationOut = "destination-out",
        /// Destination over source, only where the source is; clears elsewhere.
        DestinationAtop = "destination-atop",
        /// Sum of source and destination.
        Lighter = "lighter",
        /// Source replaces destination everywhere in the clip.
        Copy = "copy",
        /// Source or destination, not both.
        Xor = "xor",
        /// Multiply blend.
        Multiply = "multiply",
        /// Screen blend.
        Screen = "screen",
        /// Overlay blend.
        Overlay = "overlay",
        /// Darken blend.
        Darken = "darken",
        /// Lighten blend.
        Lighten = "lighten",
        /// Color-dodge blend.
        ColorDodge = "color-dodge",
        /// Color-burn blend.
        ColorBurn = "color-burn",
        /// Hard-light blend.
        HardLight = "hard-light",
        /// Soft-light blend.
        SoftLight = "soft-light",
        /// Difference blend.
        Difference = "difference",
        /// Exclusion blend.
        Exclusion = "exclusion",
        /// Hue blend (non-separable).
        Hue = "hue",
        /// Saturation blend (non-separable).
        Saturation = "saturation",
        /// Color blend (non-separable).
        Color = "color",
        /// Luminosity blend (non-separable).
        Luminosity = "luminosity",
    }
}

impl CompositeOp {
    /// The tiny-skia blend mode with the same formula.
    pub(crate) fn blend_mode(self) -> BlendMode {
        use CompositeOp as C;
        match self {
            C::SourceOver => BlendMode::SourceOver,
            C::SourceIn => BlendMode::SourceIn,
            C::SourceOut => BlendMode::SourceOut,
            C::SourceAtop => BlendMode::SourceAtop,
            C::DestinationOver => BlendMode::DestinationOver,
            C::DestinationIn => BlendMode::DestinationIn,
            C::DestinationOut => BlendMode::DestinationOut,
            C::DestinationAtop => BlendMode::DestinationAtop,
            C::Lighter => BlendMode::Plus,
            C::Copy => BlendMode::Source,
            C::Xor => BlendMode::Xor,
            C::Multiply => BlendMode::Multiply,
            C::Screen => BlendMode::Screen,
            C::Overlay => BlendMode::Overlay,
            C::Darken => BlendMode::Darken,
            C::Lighten => BlendMode::Lighten,
            C::ColorDodge => BlendMode::ColorDodge,
            C::ColorBurn => BlendMode::ColorBurn,
            C::HardLight => BlendMode::HardLight,
            C::SoftLight => BlendMode::SoftLight,
            C::Difference => BlendMode::Difference,
            C::Exclusion => BlendMode::Exclusion,
            C::Hue => BlendMode::Hue,
            C::Saturation => BlendMode::Saturation,
            C::Color => BlendMode::Color,
            C::Luminosity => BlendMode::Luminosity,
        }
    }

    /// Whether the operator changes the destination where the source is
    /// transparent. The HTML rendering model composites the source image over
    /// the whole clip region, so for these the area outside the drawn shape
    /// is cleared too; they are drawn through a full-size layer.
    pub(crate) fn is_unbounded(self) -> bool {
        matches!(
            self,
            CompositeOp::SourceIn
                | CompositeOp::SourceOut
                | CompositeOp::DestinationIn
                | CompositeOp::DestinationAtop
                | CompositeOp::Copy
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_twenty_six_operators_parse_and_serialise() {
        assert_eq!(CompositeOp::ALL.len(), 26);
        for op in CompositeOp::ALL {
            assert_eq!(CompositeOp::parse(op.as_str()), Some(*op));
        }
    }

    #[test]
    fn unknown_and_miscased_operators_are_rejected() {
        assert_eq!(CompositeOp::parse("Source-Over"), None);
        assert_eq!(CompositeOp::parse("plus-lighter"), None);
        assert_eq!(CompositeOp::parse(""), None);
    }

    #[test]
    fn only_the_porter_duff_ops_that_clear_outside_the_source_are_unbounded() {
        let unbounded: Vec<_> = CompositeOp::ALL
            .iter()
            .filter(|o| o.is_unbounded())
            .map(|o| o.as_str())
            .collect();
        assert_eq!(
            unbounded,
            [
                "source-in",
                "source-out",
                "destination-in",
                "destination-atop",
                "copy"
            ]
        );
    }
}
