//! How to export: destination size, format and limits.

use std::time::Instant;

use crate::ExportError;

/// Output file format.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    /// Lossless PNG, 8-bit RGBA, or RGB when every pixel is opaque.
    Png {
        /// Speed/size trade-off of the DEFLATE stage.
        compression: PngCompression,
    },
    /// Baseline JPEG, 4:2:0 chroma subsampling, composited onto
    /// [`ExportOptions::background`].
    Jpeg {
        /// Quality in `0.0..=1.0`, as the mini-program API takes it. The
        /// encoder's 1–100 scale gets `round(quality × 100)` clamped to
        /// `1..=100`; NaN means 1.0, the platforms' value for "out of range".
        quality: f32,
    },
}

impl Format {
    /// PNG with the default ([`PngCompression::Fast`]) compression.
    pub const PNG: Self = Self::Png {
        compression: PngCompression::Fast,
    };

    /// JPEG at the given quality (`0.0..=1.0`).
    pub fn jpeg(quality: f32) -> Self {
        Self::Jpeg { quality }
    }
}

impl Default for Format {
    /// PNG, as in the mini-program API.
    fn default() -> Self {
        Self::PNG
    }
}

/// PNG compression effort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[non_exhaustive]
pub enum PngCompression {
    /// fdeflate's specialised fast path: tens of milliseconds for a poster,
    /// files a little larger than zlib's. The default: exports sit on the
    /// user's critical path.
    #[default]
    Fast,
    /// zlib level 6 with adaptive filtering: several times slower, smaller.
    Balanced,
    /// zlib level 9: slowest, smallest.
    High,
}

/// Destination size budget, checked before anything is allocated.
///
/// The defaults, 16 777 216 pixels (4096 × 4096, 64 MiB of RGBA) and 16 384
/// per side, are far above any poster yet keep one export's memory bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Maximum `dest_width × dest_height`.
    pub max_pixels: u64,
    /// Maximum destination width and height.
    pub max_side: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_pixels: 16_777_216,
            max_side: 16_384,
        }
    }
}

/// Everything about the output besides the pixels to read.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct ExportOptions {
    /// Destination width in pixels.
    pub dest_width: u32,
    /// Destination height in pixels.
    pub dest_height: u32,
    /// PNG or JPEG, with its settings.
    pub format: Format,
    /// JPEG has no alpha: transparent areas are composited onto this sRGB
    /// colour. Ignored for PNG. Default white, as the platforms do.
    pub background: [u8; 3],
    /// Destination budget.
    pub limits: Limits,
    /// When encoding must stop (`None`: never): the PNG row loop checks it
    /// every few rows, JPEG before its one encoder call.
    pub deadline: Option<Instant>,
}

impl ExportOptions {
    /// Options for a `dest_width × dest_height` image in `format`, with a
    /// white JPEG background and default limits.
    pub fn new(dest_width: u32, dest_height: u32, format: Format) -> Self {
        Self {
            dest_width,
            dest_height,
            format,
            background: [255, 255, 255],
            limits: Limits::default(),
            deadline: None,
        }
    }

    /// Sets the JPEG background colour.
    pub fn with_background(mut self, background: [u8; 3]) -> Self {
        self.background = background;
        self
    }

    /// Sets the destination budget.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets the deadline encoding stops at ([`ExportError::Deadline`]).
    pub fn with_deadline(mut self, deadline: Option<Instant>) -> Self {
        self.deadline = deadline;
        self
    }

    /// Rejects empty or over-budget destinations, using only arithmetic.
    pub(crate) fn validate(&self) -> Result<(), ExportError> {
        let (width, height) = (self.dest_width, self.dest_height);
        if width == 0 || height == 0 {
            return Err(ExportError::EmptyDestination { width, height });
        }
        let mut limits = self.limits;
        if matches!(self.format, Format::Jpeg { .. }) {
            // JPEG stores sizes as 16-bit integers.
            limits.max_side = limits.max_side.min(u32::from(u16::MAX));
        }
        let pixels = u64::from(width) * u64::from(height);
        // The RGBA working buffer must also be addressable (32-bit targets).
        let addressable = pixels
            .checked_mul(4)
            .is_some_and(|bytes| usize::try_from(bytes).is_ok());
        if width > limits.max_side
            || height > limits.max_side
            || pixels > limits.max_pixels
            || !addressable
        {
            return Err(ExportError::TooLarge {
                width,
                height,
                limits,
            });
        }
        Ok(())
    }
}
