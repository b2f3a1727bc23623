//! `ImageData`: width, height, and a live `Uint8ClampedArray` of
//! unpremultiplied RGBA that scripts read and write.

use mpcanvas_canvas::{ImageData, Limits};
use rquickjs::class::Trace;
use rquickjs::function::Rest;
use rquickjs::{ArrayBuffer, Class, Ctx, JsLifetime, Object, TypedArray, U8Clamped, Value};

use crate::bridge::{Op, OrThrow};
use crate::webidl::{Args, to_long};

const IFACE: &str = "ImageData";

/// An image data object.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "ImageData")]
pub struct JsImageData<'js> {
    #[qjs(skip_trace)]
    width: u32,
    #[qjs(skip_trace)]
    height: u32,
    data: TypedArray<'js, U8Clamped>,
}

impl<'js> JsImageData<'js> {
    /// A new JS `ImageData` holding a copy of `image`'s bytes.
    pub(crate) fn create(ctx: &Ctx<'js>, image: ImageData) -> rquickjs::Result<Class<'js, Self>> {
        let (width, height) = (image.width(), image.height());
        // A copy in the JS heap: the pixels are charged to the run's
        // budget with the rest of the heap, and freed with the object.
        let buffer = ArrayBuffer::new_copy(ctx.clone(), image.data())?;
        let data = TypedArray::<U8Clamped>::from_arraybuffer(buffer)?;
        Class::instance(
            ctx.clone(),
            JsImageData {
                width,
                height,
                data,
            },
        )
    }

    /// The current bytes as an engine `ImageData` (a copy).
    pub(crate) fn to_engine(&self, ctx: &Ctx<'js>, op: Op) -> rquickjs::Result<ImageData> {
        let bytes = read_bytes(ctx, &self.data)?;
        ImageData::from_rgba(bytes, self.width, Some(self.height)).or_throw(ctx, op)
    }
}

/// Copies a typed array's bytes into Rust (see [`crate::binary`]).
pub(crate) fn read_bytes<'js>(
    ctx: &Ctx<'js>,
    array: &TypedArray<'js, U8Clamped>,
) -> rquickjs::Result<Vec<u8>> {
    crate::binary::bytes(ctx, array.as_value())
}

/// An `unsigned long` size argument: a zero side is an `IndexSizeError`.
fn side(args: &Args<'_>, i: usize, what: &str) -> rquickjs::Result<u32> {
    let v = to_long(args.number(i)?) as u32;
    if v == 0 {
        return Err(rquickjs::Exception::throw_dom(
            &args.ctx,
            "IndexSizeError",
            &args
                .op
                .message(&format!("The source {what} is zero or not a number.")),
        ));
    }
    Ok(v)
}

#[rquickjs::methods]
impl<'js> JsImageData<'js> {
    /// `new ImageData(sw, sh)` or `new ImageData(data, sw, sh?)` (the
    /// array is shared, not copied).
    #[qjs(constructor)]
    pub fn new(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> rquickjs::Result<Self> {
        let args = Args::new(ctx.clone(), args.0, Op::method(IFACE, "constructor"));
        args.require(2)?;
        let first = args.value(0);
        if let Some(array) = first
            .as_object()
            .and_then(|o| TypedArray::<U8Clamped>::from_object(o.clone()).ok())
        {
            let width = side(&args, 1, "width")?;
            let height = if args.has(2) {
                Some(side(&args, 2, "height")?)
            } else {
                None
            };
            // Validate with the engine's rules (length a multiple of 4 and
            // of 4 × width, matching the height).
            let len = array.len();
            let check =
                ImageData::from_rgba(vec![0; len], width, height).or_throw(&ctx, args.op)?;
            return Ok(JsImageData {
                width,
                height: check.height(),
                data: array,
            });
        }
        // Any other first argument picks the (sw, sh, settings) overload, as
        // WebIDL's overload resolution does: a non-number side becomes 0,
        // and a third argument must be a settings dictionary.
        if args.len() >= 3
            && !(args.value(2).is_object()
                || args.value(2).is_undefined()
                || args.value(2).is_null())
        {
            return Err(args.op.type_error(
                &ctx,
                "The provided value is not of type 'ImageDataSettings'.",
            ));
        }
        let (width, height) = (side(&args, 0, "width")?, side(&args, 1, "height")?);
        // Chromium reports a size past its limits as an IndexSizeError
        // here (createImageData says RangeError).
        let image = ImageData::new(width, height, &Limits::default()).map_err(|_| {
            rquickjs::Exception::throw_dom(
                &ctx,
                "IndexSizeError",
                &args
                    .op
                    .message("The requested image size exceeds the supported range."),
            )
        })?;
        // A copy in the JS heap: the pixels are charged to the run's
        // budget with the rest of the heap, and freed with the object.
        let buffer = ArrayBuffer::new_copy(ctx.clone(), image.data())?;
        Ok(JsImageData {
            width,
            height,
            data: TypedArray::<U8Clamped>::from_arraybuffer(buffer)?,
        })
    }

    /// `width`.
    #[qjs(get, rename = "width")]
    pub fn width(&self) -> u32 {
        self.width
    }

    /// `height`.
    #[qjs(get, rename = "height")]
    pub fn height(&self) -> u32 {
        self.height
    }

    /// `data`: the same array every time.
    #[qjs(get, rename = "data")]
    pub fn data(&self) -> TypedArray<'js, U8Clamped> {
        self.data.clone()
    }

    /// `colorSpace`: always `"srgb"`.
    #[qjs(get, rename = "colorSpace")]
    pub fn color_space(&self) -> &'static str {
        "srgb"
    }
}

/// Argument `i` as a JS `ImageData` object.
pub(crate) fn image_data_arg<'js>(
    args: &Args<'js>,
    i: usize,
) -> rquickjs::Result<Class<'js, JsImageData<'js>>> {
    let v = args.value(i);
    v.as_object()
        .and_then(|o: &Object<'js>| o.as_class::<JsImageData>().cloned())
        .ok_or_else(|| {
            args.op.type_error(
                &args.ctx,
                &format!("parameter {} is not of type 'ImageData'.", i + 1),
            )
        })
}
