//! PNG encoding with the `png` crate, one row at a time.

use std::io::Write;
use std::time::Instant;

use crate::frame::Frame;
use crate::{ExportError, PngCompression, alpha};

/// Encodes `frame` as 8-bit PNG: RGB when every pixel is opaque (less to
/// filter and compress), RGBA otherwise.
pub(crate) fn encode(
    frame: &Frame<'_>,
    compression: PngCompression,
    deadline: Option<Instant>,
) -> Result<Vec<u8>, ExportError> {
    let opaque = frame.is_opaque();
    let (color, channels) = if opaque {
        (png::ColorType::Rgb, 3)
    } else {
        (png::ColorType::Rgba, 4)
    };
    let row_len = frame.width as usize * channels;
    let mut row = vec![0u8; row_len];
    // Photo-like posters compress to about a byte per pixel with the fast
    // setting; flatter ones to much less. Half of that avoids most regrowth.
    let mut out = Vec::with_capacity(frame.width as usize * frame.height as usize / 2);

    let mut encoder = png::Encoder::new(&mut out, frame.width, frame.height);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(match compression {
        PngCompression::Fast => png::Compression::Fast,
        PngCompression::Balanced => png::Compression::Balanced,
        PngCompression::High => png::Compression::High,
    });
    let mut writer = encoder.write_header().map_err(error)?;
    // Streaming keeps a single converted row in memory instead of a second
    // copy of the image.
    let mut stream = writer.stream_writer().map_err(error)?;
    for y in 0..frame.height {
        // A canvas-sized encode is about a second: stop at the deadline.
        if y % 64 == 0 && crate::past(deadline) {
            return Err(ExportError::Deadline);
        }
        match frame.row(y) {
            Some((x, pixels)) => {
                let end = x + pixels.len() / 4;
                if opaque {
                    alpha::drop_alpha_row(pixels, &mut row);
                } else {
                    // Transparent margins left and right of the canvas content.
                    row[..x * 4].fill(0);
                    alpha::unpremultiply_row(pixels, &mut row[x * 4..end * 4]);
                    row[end * 4..].fill(0);
                }
            }
            None => row.fill(0),
        }
        stream.write_all(&row).map_err(error)?;
    }
    stream.finish().map_err(error)?;
    writer.finish().map_err(error)?;
    Ok(out)
}

fn error(e: impl std::error::Error + Send + Sync + 'static) -> ExportError {
    ExportError::Encode {
        format: "PNG",
        source: Box::new(e),
    }
}
