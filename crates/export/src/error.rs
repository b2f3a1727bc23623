//! The one error type of the crate.

use std::error::Error;
use std::fmt;

use crate::Limits;

/// Why [`export`](crate::export) produced no image.
///
/// Every failure is reported through this type; the export never panics on
/// caller input.
///
/// # Mapping to platform errors
///
/// The mini-program platforms report invalid sizes as
/// `canvasToTempFilePath:fail create bitmap failed`. The platform layer should
/// map [`EmptySource`](Self::EmptySource),
/// [`EmptyDestination`](Self::EmptyDestination) and
/// [`TooLarge`](Self::TooLarge) to that message. [`BufferSize`](Self::BufferSize)
/// is a bug in the caller (the canvas handed over an inconsistent pixmap), and
/// [`Encode`](Self::Encode) / [`Resample`](Self::Resample) are internal
/// failures; both are best reported as a generic `fail` with the
/// [`Display`](fmt::Display) text.
#[derive(Debug)]
#[non_exhaustive]
pub enum ExportError {
    /// The pixel buffer's length is not `width × height × 4`.
    BufferSize {
        /// Bytes the dimensions call for, or `None` if that overflows `usize`.
        expected: Option<usize>,
        /// Bytes actually supplied.
        actual: usize,
    },
    /// The source rectangle has zero width or height.
    EmptySource {
        /// Requested source width in bitmap pixels.
        width: u32,
        /// Requested source height in bitmap pixels.
        height: u32,
    },
    /// The destination has zero width or height.
    EmptyDestination {
        /// Requested destination width.
        width: u32,
        /// Requested destination height.
        height: u32,
    },
    /// The destination exceeds the pixel budget or a side limit. Detected
    /// before anything is allocated.
    TooLarge {
        /// Requested destination width.
        width: u32,
        /// Requested destination height.
        height: u32,
        /// The limits in force. For JPEG, `max_side` is at most 65 535, the
        /// format's own ceiling.
        limits: Limits,
    },
    /// Resampling failed. Indicates a bug in this crate rather than bad input.
    Resample(Box<dyn Error + Send + Sync>),
    /// The image encoder reported an error.
    Encode {
        /// `"PNG"` or `"JPEG"`.
        format: &'static str,
        /// The encoder's own error.
        source: Box<dyn Error + Send + Sync>,
    },
    /// The options' deadline passed before encoding ended.
    Deadline,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BufferSize {
                expected: Some(expected),
                actual,
            } => write!(
                f,
                "pixel buffer holds {actual} bytes, its dimensions need {expected}"
            ),
            Self::BufferSize {
                expected: None,
                actual,
            } => write!(
                f,
                "pixel buffer holds {actual} bytes, its dimensions overflow memory"
            ),
            Self::EmptySource { width, height } => {
                write!(f, "source rectangle {width}x{height} is empty")
            }
            Self::EmptyDestination { width, height } => {
                write!(f, "destination size {width}x{height} is empty")
            }
            Self::TooLarge {
                width,
                height,
                limits,
            } => write!(
                f,
                "destination {width}x{height} exceeds the limit of {} pixels and {} per side",
                limits.max_pixels, limits.max_side
            ),
            Self::Resample(e) => write!(f, "resampling failed: {e}"),
            Self::Encode { format, source } => write!(f, "{format} encoding failed: {source}"),
            Self::Deadline => write!(f, "the deadline passed during encoding"),
        }
    }
}

impl Error for ExportError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::Resample(e) | Self::Encode { source: e, .. } => Some(&**e),
            _ => None,
        }
    }
}
