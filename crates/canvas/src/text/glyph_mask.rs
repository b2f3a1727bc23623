//! Filled text from cached glyph masks, as Chromium's glyph cache draws it.
//!
//! For horizontal text up to the cache size each glyph's origin is placed
//! on a quarter pixel in x and a whole pixel in y ([`super::geometry`]), so
//! a glyph's coverage depends only on the glyph, its size and style, the
//! horizontal scale and which quarter pixel it starts on. That mask is
//! rasterized once per face and reused; a line is the masks placed at their
//! whole-pixel offsets. Where masks overlap they combine as separate
//! source-over blends would (`a + b − a·b`), which is how Chromium blends
//! one glyph after another.

use kurbo::{Affine, Point};
use tiny_skia::{FillRule, IntRect, PathBuilder};

use super::face::{GlyphStyle, MaskKey, fake_bold_width};
use super::layout::TextLayout;
use crate::raster::aaa::Target;
use crate::raster::{Coverage, rasterize};

/// The glyph's mask with its origin at `(quarter / 4, 0)`, emboldened by a
/// `bold_width` stroke when not 0; its `x`, `y` are relative to that
/// pixel.
fn make_mask(
    outline: &super::outline::Outline,
    x_scale: f64,
    quarter: u8,
    bold_width: f64,
) -> Option<Coverage> {
    let mut pb = PathBuilder::new();
    outline.append(
        &mut pb,
        &[x_scale, 0.0, 0.0, -1.0, f64::from(quarter) / 4.0, 0.0],
    );
    let path = pb.finish()?;
    let path = super::synthetic::with_fake_bold(path, bold_width)?;
    // Move the glyph to positive coordinates by whole pixels first: the
    // rasterizer's grid is the same there, and its rounding of negative
    // coordinates is not.
    let b = path.bounds();
    let (dx, dy) = (
        (-f64::from(b.left())).ceil().max(0.0) + 2.0,
        (-f64::from(b.top())).ceil().max(0.0) + 2.0,
    );
    let path = path.transform(tiny_skia::Transform::from_translate(dx as f32, dy as f32))?;
    let b = path.bounds();
    let area = IntRect::from_ltrb(
        0,
        0,
        b.right().ceil() as i32 + 2,
        b.bottom().ceil() as i32 + 2,
    )?;
    // FreeType rasterizes plain outlines (exact area); Skia draws an
    // emboldened glyph's path into the mask itself, with its analytic AA.
    let mut mask = if bold_width > 0.0 {
        crate::raster::fill_path(&path, FillRule::Winding, area, Target::Fill)?
    } else {
        rasterize(&path, FillRule::Winding, area)?
    };
    mask.x -= dx as i32;
    mask.y -= dy as i32;
    Some(mask)
}

/// The device coverage of `layout` filled under `to_device` (horizontal,
/// upright, glyphs within the cache size, so hinted), with glyphs scaled
/// to `ppem` pixels per em and each glyph's coverage passed through the
/// mask `gamma`, within a `width × height` canvas.
pub(crate) fn fill_coverage(
    layout: &TextLayout,
    to_device: Affine,
    ppem: f64,
    gamma: &[u8; 256],
    (width, height): (u32, u32),
) -> Option<Coverage> {
    let [a, _, _, d, _, _] = to_device.as_coeffs();
    let x_scale = a / d;
    let mut placed = Vec::with_capacity(layout.glyphs.len());
    let (mut x0, mut y0, mut x1, mut y1) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
    for (i, g) in layout.glyphs.iter().enumerate() {
        // Megabytes of text stop at the run's deadline.
        if i % 1024 == 0 && crate::budget::expired() {
            return None;
        }
        let face = &layout.faces[g.face];
        let style = GlyphStyle {
            hinted: !face.italic,
            italic: face.italic,
        };
        let bold_width = if face.bold {
            fake_bold_width(layout.size) * d
        } else {
            0.0
        };
        let p = to_device * Point::new(g.x, g.y);
        let x = ((p.x + 0.125) * 4.0).floor() / 4.0;
        let (ix, iy) = (x.floor(), (p.y + 0.5).floor());
        if !(ix.abs() < 1e9 && iy.abs() < 1e9) {
            continue;
        }
        let quarter = ((x - ix) * 4.0) as u8;
        let key = MaskKey {
            gid: g.gid,
            ppem: ppem.to_bits(),
            x_scale: x_scale.to_bits(),
            style,
            bold_width: bold_width.to_bits(),
            quarter,
        };
        let Some(mask) = face.face.glyph_mask(key, || {
            let outline = face.face.outline(g.gid, ppem, style)?;
            make_mask(&outline, x_scale, quarter, bold_width)
        }) else {
            continue;
        };
        let (mx, my) = (ix as i32 + mask.x, iy as i32 + mask.y);
        x0 = x0.min(mx);
        y0 = y0.min(my);
        x1 = x1.max(mx + mask.width as i32);
        y1 = y1.max(my + mask.height as i32);
        placed.push((mx, my, mask));
    }
    let (x0, y0) = (x0.max(0), y0.max(0));
    let (x1, y1) = (x1.min(width as i32), y1.min(height as i32));
    if x0 >= x1 || y0 >= y1 {
        return None;
    }
    let (w, h) = ((x1 - x0) as usize, (y1 - y0) as usize);
    let mut data = vec![0u8; w * h];
    for (mx, my, mask) in &placed {
        let mw = mask.width as i32;
        // The rows and columns of this mask inside the output.
        let (cx0, cx1) = ((*mx).max(x0), (mx + mw).min(x1));
        let (cy0, cy1) = ((*my).max(y0), (my + mask.height as i32).min(y1));
        // Glyphs off the canvas (or wholly beside the others' rows) add
        // nothing.
        if cx0 >= cx1 || cy0 >= cy1 {
            continue;
        }
        for y in cy0..cy1 {
            let src = &mask.data[((y - my) * mw + (cx0 - mx)) as usize..][..(cx1 - cx0) as usize];
            let dst =
                &mut data[(y - y0) as usize * w + (cx0 - x0) as usize..][..(cx1 - cx0) as usize];
            for (o, &m) in dst.iter_mut().zip(src) {
                let v = u32::from(gamma[usize::from(m)]);
                let c = u32::from(*o);
                *o = (c + v - (c * v + 127) / 255) as u8;
            }
        }
    }
    Some(Coverage {
        x: x0,
        y: y0,
        width: w as u32,
        height: h as u32,
        data,
    })
}
