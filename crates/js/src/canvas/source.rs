//! `CanvasImageSource` arguments: images and canvases, as engine images.

use mpcanvas_canvas::{Image, ImageSource};
use rquickjs::Value;

use super::element::JsCanvas;
use super::image::JsImage;
use crate::webidl::Args;

/// An image argument's pixels and where they came from (a canvas is
/// resampled differently from a decoded image).
pub(crate) struct SourcePixels {
    image: Image,
    from_canvas: bool,
}

impl SourcePixels {
    /// The pixels as the engine's drawing source.
    pub(crate) fn source(&self) -> ImageSource<'_> {
        if self.from_canvas {
            ImageSource::CanvasSnapshot(&self.image)
        } else {
            ImageSource::Image(&self.image)
        }
    }
}

/// Argument `i` as an image to draw or pattern. Canvases are snapshotted
/// first, so a canvas can be drawn onto itself. A canvas with a zero side
/// is an `InvalidStateError`; an image not yet loaded draws nothing
/// (`None`), as HTML says for images that are not fully decodable.
pub(crate) fn image_source(args: &Args<'_>, i: usize) -> rquickjs::Result<Option<SourcePixels>> {
    let v: Value<'_> = args.value(i);
    if let Some(obj) = v.as_object() {
        if let Some(img) = obj.as_class::<JsImage>() {
            let image = img.borrow().image.clone();
            return Ok(image.map(|image| SourcePixels {
                image,
                from_canvas: false,
            }));
        }
        if let Some(canvas) = obj.as_class::<JsCanvas>() {
            let snapshot = canvas.borrow().engine.borrow().snapshot();
            return match snapshot {
                Some(image) => Ok(Some(SourcePixels {
                    image,
                    from_canvas: true,
                })),
                None => Err(rquickjs::Exception::throw_dom(
                    &args.ctx,
                    "InvalidStateError",
                    &args.op.message(
                        "The image argument is a canvas element with a width or height of 0.",
                    ),
                )),
            };
        }
    }
    Err(args.op.type_error(
        &args.ctx,
        "The provided value is not of type '(HTMLCanvasElement or HTMLImageElement)'.",
    ))
}
