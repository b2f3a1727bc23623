//! PNG reading and writing for references, renders and diff images.

use std::fs;
use std::path::Path;

/// Unpremultiplied 8-bit RGBA pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RgbaImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// RGBA bytes, row-major.
    pub data: Vec<u8>,
}

/// Reads an 8-bit RGBA or RGB PNG.
pub fn read_png(path: &Path) -> Result<RgbaImage, String> {
    let file = fs::File::open(path).map_err(|e| e.to_string())?;
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let mut buf = vec![0; reader.output_buffer_size().ok_or("PNG too large")?];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    buf.truncate(info.buffer_size());
    let data = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => buf.iter().flat_map(|g| [*g, *g, *g, 255]).collect(),
        png::ColorType::Indexed => return Err("indexed PNG not expanded".into()),
    };
    Ok(RgbaImage {
        width: info.width,
        height: info.height,
        data,
    })
}

/// Encodes an RGBA PNG in memory (callers choose how to write it; snapshot
/// approval writes whole-or-nothing).
pub fn encode_png(image: &RgbaImage) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let mut enc = png::Encoder::new(&mut bytes, image.width, image.height);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header()
        .and_then(|mut w| w.write_image_data(&image.data))
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// Writes an RGBA PNG, creating parent folders.
pub fn write_png(path: &Path, image: &RgbaImage) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    fs::write(path, encode_png(image)?).map_err(|e| e.to_string())
}

/// Expected | diff | actual side by side, for two images of the same size.
/// The diff panel shows differing pixels in red (brighter = larger),
/// matching ones as faint grey.
pub fn diff_image(expected: &RgbaImage, actual: &RgbaImage) -> RgbaImage {
    let (w, h) = (expected.width, expected.height);
    let mut out = RgbaImage {
        width: w * 3,
        height: h,
        data: vec![0; (w * 3 * h * 4) as usize],
    };
    for y in 0..h {
        for x in 0..w {
            let i = ((y * w + x) * 4) as usize;
            let (e, a) = (&expected.data[i..i + 4], &actual.data[i..i + 4]);
            let worst = crate::compare::pixel_difference(e, a);
            let diff = if worst > crate::compare::NOISE {
                [255, 255 - worst, 255 - worst, 255]
            } else {
                [230, 230, 230, 255]
            };
            for (panel, px) in [(0, e), (1, &diff[..]), (2, a)] {
                let o = ((y * w * 3 + panel * w + x) * 4) as usize;
                out.data[o..o + 4].copy_from_slice(px);
            }
        }
    }
    out
}

/// Writes [`diff_image`] to `path`.
pub fn write_diff(path: &Path, expected: &RgbaImage, actual: &RgbaImage) -> Result<(), String> {
    write_png(path, &diff_image(expected, actual))
}
