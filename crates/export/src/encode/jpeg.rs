//! JPEG encoding with `jpeg-encoder`.

use jpeg_encoder::{ChromaSubsamplingMethod, ColorType, Encoder, SamplingFactor};

use crate::frame::Frame;
use crate::{ExportError, alpha};

/// Maps the API's `0.0..=1.0` quality to the encoder's 1–100 scale:
/// `round(q × 100)`, clamped; NaN means 100 (the platforms treat an invalid
/// quality as 1.0).
pub(crate) fn quality_percent(quality: f32) -> u8 {
    if quality.is_nan() {
        return 100;
    }
    (quality * 100.0).round().clamp(1.0, 100.0) as u8
}

/// Encodes `frame` as a baseline 4:2:0 JPEG at `quality` (`0.0..=1.0`),
/// compositing it onto `background`. `frame`'s sides are at most 65 535.
///
/// The encoder's colour conversion is SIMD only for whole-image buffers, and
/// about a third faster than any safe row-by-row conversion fed through its
/// `ImageBuffer` trait. So an opaque, contiguous frame (the usual poster) is
/// handed over in place, and anything else is first composited into one RGB
/// buffer.
pub(crate) fn encode(
    frame: &Frame<'_>,
    quality: f32,
    background: [u8; 3],
) -> Result<Vec<u8>, ExportError> {
    let width = u16::try_from(frame.width).map_err(error)?;
    let height = u16::try_from(frame.height).map_err(error)?;
    // Posters come out well under a byte per pixel.
    let mut out = Vec::with_capacity(frame.width as usize * frame.height as usize / 4);
    let mut encoder = Encoder::new(&mut out, quality_percent(quality));
    // The encoder would use 4:4:4 from quality 90 up; browsers and the
    // platforms' native encoders subsample at every quality.
    encoder.set_sampling_factor(SamplingFactor::R_4_2_0);
    // Averaging each 2×2 block (libjpeg's way) instead of taking its top-left
    // sample avoids colour fringes on thin coloured lines and text.
    encoder.set_chroma_subsampling_method(ChromaSubsamplingMethod::Average);

    match frame.contiguous().filter(|_| frame.is_opaque()) {
        // Opaque premultiplied RGBA is plain RGBA: nothing to composite.
        Some(rgba) => encoder.encode(rgba, width, height, ColorType::Rgba),
        None => encoder.encode(&composite(frame, background), width, height, ColorType::Rgb),
    }
    .map_err(error)?;
    Ok(out)
}

/// The frame over an opaque background, as packed RGB.
fn composite(frame: &Frame<'_>, background: [u8; 3]) -> Vec<u8> {
    let row_len = frame.width as usize * 3;
    let mut rgb = vec![0u8; row_len * frame.height as usize];
    for (y, row) in (0..frame.height).zip(rgb.chunks_exact_mut(row_len)) {
        for px in row.chunks_exact_mut(3) {
            px.copy_from_slice(&background);
        }
        if let Some((x, pixels)) = frame.row(y) {
            for (src, dst) in pixels.chunks_exact(4).zip(row[x * 3..].chunks_exact_mut(3)) {
                dst.copy_from_slice(&alpha::over(src, background));
            }
        }
    }
    rgb
}

fn error(e: impl std::error::Error + Send + Sync + 'static) -> ExportError {
    ExportError::Encode {
        format: "JPEG",
        source: Box::new(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quality_maps_to_rounded_percent() {
        assert_eq!(quality_percent(0.9), 90);
        assert_eq!(quality_percent(0.925), 93);
        assert_eq!(quality_percent(1.0), 100);
        assert_eq!(quality_percent(0.0), 1);
        assert_eq!(quality_percent(0.004), 1);
        assert_eq!(quality_percent(-3.0), 1);
        assert_eq!(quality_percent(42.0), 100);
        assert_eq!(quality_percent(f32::NAN), 100);
        assert_eq!(quality_percent(f32::INFINITY), 100);
    }
}
