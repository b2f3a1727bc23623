//! Fill and stroke styles: a colour, a [`CanvasGradient`] or a
//! [`CanvasPattern`], and how each becomes a tiny-skia shader.
//!
//! Gradients and patterns are shared, live objects as in the DOM: adding a
//! colour stop to a gradient already assigned to `fillStyle` changes what the
//! next fill paints. They are `Arc<Mutex<…>>` inside so a context can be moved
//! between threads.

use crate::resample::level::decode_level;
use std::sync::{Arc, Mutex, MutexGuard};

use tiny_skia::{GradientStop, Point, Shader, SpreadMode, Transform};

use crate::color::Color;
use crate::error::{Error, Result};
use crate::image::Image;
use crate::keyword::keyword_enum;

/// The value of `fillStyle` or `strokeStyle`.
#[derive(Debug, Clone)]
pub enum Style {
    /// A CSS colour.
    Color(Color),
    /// A gradient object.
    Gradient(CanvasGradient),
    /// A pattern object.
    Pattern(CanvasPattern),
}

impl Default for Style {
    fn default() -> Self {
        Style::Color(Color::BLACK)
    }
}

/// Where a gradient's colours are laid out, in user space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GradientKind {
    /// `createLinearGradient(x0, y0, x1, y1)`.
    Linear {
        /// Start point.
        x0: f64,
        /// Start point.
        y0: f64,
        /// End point.
        x1: f64,
        /// End point.
        y1: f64,
    },
    /// `createRadialGradient(x0, y0, r0, x1, y1, r1)`: a two-circle cone.
    Radial {
        /// Start circle centre.
        x0: f64,
        /// Start circle centre.
        y0: f64,
        /// Start circle radius.
        r0: f64,
        /// End circle centre.
        x1: f64,
        /// End circle centre.
        y1: f64,
        /// End circle radius.
        r1: f64,
    },
    /// `createConicGradient(startAngle, x, y)`.
    Conic {
        /// Angle of offset 0, radians clockwise from the positive x axis.
        start_angle: f64,
        /// Centre.
        x: f64,
        /// Centre.
        y: f64,
    },
}

#[derive(Debug)]
struct GradientData {
    kind: GradientKind,
    /// Kept sorted by offset; equal offsets stay in insertion order.
    stops: Vec<(f64, Color)>,
}

/// A `CanvasGradient`: geometry plus colour stops added over time.
#[derive(Debug, Clone)]
pub struct CanvasGradient(Arc<Mutex<GradientData>>);

fn all_finite(values: &[f64]) -> bool {
    values.iter().all(|v| v.is_finite())
}

impl CanvasGradient {
    /// `createLinearGradient`. Non-finite arguments are a `TypeError`
    /// (the IDL type is `double`, not `unrestricted double`).
    pub fn linear(x0: f64, y0: f64, x1: f64, y1: f64) -> Result<Self> {
        if !all_finite(&[x0, y0, x1, y1]) {
            return Err(Error::type_error(
                "createLinearGradient: coordinates must be finite",
            ));
        }
        Ok(Self::with_kind(GradientKind::Linear { x0, y0, x1, y1 }))
    }

    /// `createRadialGradient`. Non-finite → `TypeError`; a negative radius
    /// → `IndexSizeError`.
    pub fn radial(x0: f64, y0: f64, r0: f64, x1: f64, y1: f64, r1: f64) -> Result<Self> {
        if !all_finite(&[x0, y0, r0, x1, y1, r1]) {
            return Err(Error::type_error(
                "createRadialGradient: arguments must be finite",
            ));
        }
        if r0 < 0.0 || r1 < 0.0 {
            return Err(Error::index_size(format!(
                "createRadialGradient: the {} radius provided ({}) is negative",
                if r0 < 0.0 { "r0" } else { "r1" },
                if r0 < 0.0 { r0 } else { r1 }
            )));
        }
        Ok(Self::with_kind(GradientKind::Radial {
            x0,
            y0,
            r0,
            x1,
            y1,
            r1,
        }))
    }

    /// `createConicGradient`. Non-finite → `TypeError`.
    pub fn conic(start_angle: f64, x: f64, y: f64) -> Result<Self> {
        if !all_finite(&[start_angle, x, y]) {
            return Err(Error::type_error(
                "createConicGradient: arguments must be finite",
            ));
        }
        Ok(Self::with_kind(GradientKind::Conic { start_angle, x, y }))
    }

    fn with_kind(kind: GradientKind) -> Self {
        CanvasGradient(Arc::new(Mutex::new(GradientData {
            kind,
            stops: Vec::new(),
        })))
    }

    fn data(&self) -> MutexGuard<'_, GradientData> {
        // A poisoned lock only means a panic elsewhere mid-push; the data is still valid.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `addColorStop(offset, color)`: a non-finite offset → `TypeError`
    /// (IDL `double`); outside 0..=1 → `IndexSizeError`; an unparsable
    /// colour → `SyntaxError`.
    pub fn add_color_stop(&self, offset: f64, color: &str) -> Result<()> {
        if !offset.is_finite() {
            return Err(Error::type_error(
                "addColorStop: the provided offset is non-finite",
            ));
        }
        if !(0.0..=1.0).contains(&offset) {
            return Err(Error::index_size(format!(
                "addColorStop: the provided offset ({offset}) is outside the range [0, 1]"
            )));
        }
        let color = Color::parse(color).ok_or_else(|| {
            Error::syntax(format!(
                "addColorStop: the value provided ('{color}') could not be parsed as a color"
            ))
        })?;
        let mut data = self.data();
        // Insert after every stop with an offset <= this one: a stable order.
        let at = data.stops.partition_point(|(o, _)| *o <= offset);
        data.stops.insert(at, (offset, color));
        Ok(())
    }

    /// The gradient's geometry.
    pub fn kind(&self) -> GradientKind {
        self.data().kind
    }

    /// The colour stops, sorted by offset.
    pub fn stops(&self) -> Vec<(f64, Color)> {
        self.data().stops.clone()
    }

    /// Whether two handles refer to the same gradient object.
    pub fn ptr_eq(&self, other: &CanvasGradient) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The shader painting this gradient in user space, or `None` when the
    /// spec says the gradient paints nothing (no stops, or degenerate geometry):
    /// the caller then paints transparent black.
    pub(crate) fn shader(&self, opacity: f32) -> Option<Shader<'static>> {
        let data = self.data();
        let stops: Vec<GradientStop> = data
            .stops
            .iter()
            .map(|(o, c)| {
                let mut color = c.to_skia();
                color.apply_opacity(opacity);
                GradientStop::new(*o as f32, color)
            })
            .collect();
        if stops.is_empty() {
            return None;
        }
        let pt = |x: f64, y: f64| Point::from_xy(x as f32, y as f32);
        match data.kind {
            GradientKind::Linear { x0, y0, x1, y1 } => {
                if x0 == x1 && y0 == y1 {
                    return None;
                }
                tiny_skia::LinearGradient::new(
                    pt(x0, y0),
                    pt(x1, y1),
                    stops,
                    SpreadMode::Pad,
                    Transform::identity(),
                )
            }
            GradientKind::Radial {
                x0,
                y0,
                r0,
                x1,
                y1,
                r1,
            } => {
                if x0 == x1 && y0 == y1 && r0 == r1 {
                    return None;
                }
                tiny_skia::RadialGradient::new(
                    pt(x0, y0),
                    r0 as f32,
                    pt(x1, y1),
                    r1 as f32,
                    stops,
                    SpreadMode::Pad,
                    Transform::identity(),
                )
            }
            GradientKind::Conic { start_angle, x, y } => {
                // A sweep gradient starts on the +x axis and turns clockwise in
                // y-down space, as canvas does; rotate it to the start angle.
                let ts =
                    Transform::from_rotate_at(start_angle.to_degrees() as f32, x as f32, y as f32);
                tiny_skia::SweepGradient::new(pt(x, y), 0.0, 360.0, stops, SpreadMode::Pad, ts)
            }
        }
    }
}

keyword_enum! {
    /// `createPattern` repetition.
    Repetition {
        /// Tile in both directions (also what `""` and `null` mean).
        Repeat = "repeat",
        /// Tile horizontally only.
        RepeatX = "repeat-x",
        /// Tile vertically only.
        RepeatY = "repeat-y",
        /// A single copy.
        NoRepeat = "no-repeat",
    }
}

impl Repetition {
    /// Parses a `createPattern` repetition argument: the empty string means
    /// `repeat`; anything unknown is a `SyntaxError`.
    pub fn parse_argument(text: &str) -> Result<Self> {
        if text.is_empty() {
            return Ok(Repetition::Repeat);
        }
        Repetition::parse(text).ok_or_else(|| {
            Error::syntax(format!(
                "createPattern: the provided type ('{text}') is not one of 'repeat', 'no-repeat', 'repeat-x', or 'repeat-y'"
            ))
        })
    }
}

#[derive(Debug)]
struct PatternData {
    image: Image,
    /// The image with a transparent border, so clamp-to-edge sampling
    /// fades to transparent outside the single copy (no-repeat only).
    padded: Option<Image>,
    repetition: Repetition,
    transform: kurbo::Affine,
}

/// A `CanvasPattern`: an image snapshot, a repetition and a transform.
#[derive(Debug, Clone)]
pub struct CanvasPattern(Arc<Mutex<PatternData>>);

/// Transparent pixels added around a no-repeat pattern: enough for the
/// widest filter (bicubic reads two pixels out).
pub(crate) const PATTERN_PAD: u32 = 2;

impl CanvasPattern {
    /// A pattern of `image` (already a snapshot: later changes to a source
    /// canvas don't show through).
    pub fn new(image: Image, repetition: Repetition) -> Self {
        let padded = (repetition != Repetition::Repeat).then(|| image.padded(PATTERN_PAD));
        CanvasPattern(Arc::new(Mutex::new(PatternData {
            image,
            padded,
            repetition,
            transform: kurbo::Affine::IDENTITY,
        })))
    }

    fn data(&self) -> MutexGuard<'_, PatternData> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `setTransform(matrix)`: the pattern space to user space transform.
    /// Non-finite matrices are ignored.
    pub fn set_transform(&self, transform: kurbo::Affine) {
        if transform.as_coeffs().iter().all(|c| c.is_finite()) {
            self.data().transform = transform;
        }
    }

    /// The pattern's repetition.
    pub fn repetition(&self) -> Repetition {
        self.data().repetition
    }

    /// The pattern transform.
    pub fn transform(&self) -> kurbo::Affine {
        self.data().transform
    }

    /// Whether two handles refer to the same pattern object.
    pub fn ptr_eq(&self, other: &CanvasPattern) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// What the renderer needs, cloned out of the lock: the image to tile
    /// (padded for single copies), its pattern transform, and the band the
    /// tiles are limited to for repeat-x / repeat-y (in pattern space).
    /// `device_scale` is the device pixels per pattern pixel along x and
    /// y: a pattern drawn smaller samples the pre-shrunk level Chromium's
    /// decode cache makes ([`decode_level`]).
    pub(crate) fn paint_parts(&self, device_scale: (f64, f64)) -> PatternParts {
        let data = self.data();
        let (w, h) = (data.image.width() as f64, data.image.height() as f64);
        let pad = PATTERN_PAD as f64;
        let (level, level_charge) =
            decode_level(&data.image, device_scale.0, device_scale.1).unzip();
        let (image, offset) = match (&level, &data.padded) {
            (Some(l), _) if data.repetition == Repetition::NoRepeat => {
                (l.padded(PATTERN_PAD), -pad)
            }
            (Some(l), _) => (l.clone(), 0.0),
            (None, Some(p)) if data.repetition == Repetition::NoRepeat => (p.clone(), -pad),
            _ => (data.image.clone(), 0.0),
        };
        // Level pixels → pattern pixels.
        let level_scale = match &level {
            Some(l) => {
                kurbo::Affine::scale_non_uniform(w / l.width() as f64, h / l.height() as f64)
            }
            None => kurbo::Affine::IDENTITY,
        };
        let band = match data.repetition {
            Repetition::RepeatX => Some(kurbo::Rect::new(f64::NEG_INFINITY, 0.0, f64::INFINITY, h)),
            Repetition::RepeatY => Some(kurbo::Rect::new(0.0, f64::NEG_INFINITY, w, f64::INFINITY)),
            _ => None,
        };
        PatternParts {
            image,
            _level_charge: level_charge.unwrap_or_default(),
            spread: if data.repetition == Repetition::NoRepeat {
                SpreadMode::Pad
            } else {
                SpreadMode::Repeat
            },
            transform: data.transform * level_scale * kurbo::Affine::translate((offset, offset)),
            band,
        }
    }
}

/// A pattern ready to paint, see [`CanvasPattern::paint_parts`].
pub(crate) struct PatternParts {
    pub(crate) image: Image,
    /// Stands for a pre-shrunk level (which `image` is, or a padded copy
    /// of) while the pattern is painted.
    pub(crate) _level_charge: crate::budget::Charge,
    pub(crate) spread: SpreadMode,
    /// Image pixel space → user space.
    pub(crate) transform: kurbo::Affine,
    /// For repeat-x/-y: the strip (in pattern space) outside which nothing is painted.
    pub(crate) band: Option<kurbo::Rect>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_stops_stay_sorted_and_stable_for_equal_offsets() {
        let g = CanvasGradient::linear(0.0, 0.0, 10.0, 0.0).unwrap();
        g.add_color_stop(0.8, "red").unwrap();
        g.add_color_stop(0.2, "blue").unwrap();
        g.add_color_stop(0.5, "#010101").unwrap();
        g.add_color_stop(0.5, "#020202").unwrap();
        let offsets: Vec<_> = g.stops().iter().map(|(o, c)| (*o, c.rgb()[0])).collect();
        assert_eq!(offsets, [(0.2, 0), (0.5, 1), (0.5, 2), (0.8, 255)]);
    }

    #[test]
    fn color_stop_offsets_outside_unit_range_are_rejected() {
        let g = CanvasGradient::linear(0.0, 0.0, 10.0, 0.0).unwrap();
        for bad in [-0.1, 1.1] {
            assert_eq!(
                g.add_color_stop(bad, "red").unwrap_err().kind,
                crate::ErrorKind::IndexSize
            );
        }
        assert_eq!(
            g.add_color_stop(f64::NAN, "red").unwrap_err().kind,
            crate::ErrorKind::Type
        );
        assert!(g.stops().is_empty());
    }

    #[test]
    fn unparsable_stop_colours_are_syntax_errors() {
        let g = CanvasGradient::linear(0.0, 0.0, 10.0, 0.0).unwrap();
        assert_eq!(
            g.add_color_stop(0.5, "nonsense").unwrap_err().kind,
            crate::ErrorKind::Syntax
        );
    }

    #[test]
    fn gradient_constructors_validate_their_arguments() {
        assert_eq!(
            CanvasGradient::linear(f64::NAN, 0.0, 1.0, 1.0)
                .unwrap_err()
                .kind,
            crate::ErrorKind::Type
        );
        assert_eq!(
            CanvasGradient::radial(0.0, 0.0, -1.0, 0.0, 0.0, 5.0)
                .unwrap_err()
                .kind,
            crate::ErrorKind::IndexSize
        );
        assert_eq!(
            CanvasGradient::conic(f64::INFINITY, 0.0, 0.0)
                .unwrap_err()
                .kind,
            crate::ErrorKind::Type
        );
    }

    #[test]
    fn degenerate_gradients_paint_nothing() {
        let g = CanvasGradient::linear(5.0, 5.0, 5.0, 5.0).unwrap();
        g.add_color_stop(0.0, "red").unwrap();
        g.add_color_stop(1.0, "blue").unwrap();
        assert!(g.shader(1.0).is_none());
        let r = CanvasGradient::radial(5.0, 5.0, 3.0, 5.0, 5.0, 3.0).unwrap();
        r.add_color_stop(0.0, "red").unwrap();
        assert!(r.shader(1.0).is_none());
        let empty = CanvasGradient::linear(0.0, 0.0, 1.0, 0.0).unwrap();
        assert!(empty.shader(1.0).is_none());
    }

    #[test]
    fn repetition_argument_parsing() {
        assert_eq!(Repetition::parse_argument("").unwrap(), Repetition::Repeat);
        assert_eq!(
            Repetition::parse_argument("repeat-y").unwrap(),
            Repetition::RepeatY
        );
        assert_eq!(
            Repetition::parse_argument("Repeat").unwrap_err().kind,
            crate::ErrorKind::Syntax
        );
    }
}
