//! `drawImage` and the image smoothing attributes.

use rquickjs::IntoJs;

use super::state::eng;
use super::{Attribute, Method, undefined};
use crate::bridge::OrThrow;
use crate::canvas::source::image_source;

pub(super) const ATTRIBUTES: &[Attribute] = &[
    Attribute {
        name: "imageSmoothingEnabled",
        get: |ctx, this| eng(this).borrow().image_smoothing_enabled().into_js(ctx),
        set: Some(|args, this| {
            let v = args.boolean(0)?;
            eng(this).borrow_mut().set_image_smoothing_enabled(v);
            Ok(())
        }),
    },
    Attribute {
        name: "imageSmoothingQuality",
        get: |ctx, this| {
            eng(this)
                .borrow()
                .image_smoothing_quality()
                .as_str()
                .into_js(ctx)
        },
        set: Some(|args, this| {
            let v = args.string(0)?;
            eng(this).borrow_mut().set_image_smoothing_quality(&v);
            Ok(())
        }),
    },
];

pub(super) const METHODS: &[Method] = &[Method {
    name: "drawImage",
    length: 3,
    call: |args, this| {
        // drawImage(image, dx, dy) / (image, dx, dy, dw, dh) /
        // (image, sx, sy, sw, sh, dx, dy, dw, dh).
        let n = args.len();
        if !matches!(n, 3 | 5 | 9) {
            args.require(3)?;
            return Err(args.op.type_error(
                &args.ctx,
                &format!("Valid arities are: [3, 5, 9], but {n} arguments provided."),
            ));
        }
        let image = image_source(args, 0)?;
        let numbers: Vec<f64> = (1..n)
            .map(|i| args.number(i))
            .collect::<rquickjs::Result<_>>()?;
        let Some(image) = image else {
            return undefined(args);
        };
        let source = image.source();
        let engine = eng(this);
        let mut engine = engine.borrow_mut();
        let result = match numbers[..] {
            [dx, dy] => engine.draw_image_at(source, dx, dy),
            [dx, dy, dw, dh] => engine.draw_image_scaled(source, dx, dy, dw, dh),
            [sx, sy, sw, sh, dx, dy, dw, dh] => {
                engine.draw_image(source, sx, sy, sw, sh, dx, dy, dw, dh)
            }
            _ => Ok(()),
        };
        result.or_throw(&args.ctx, args.op)?;
        undefined(args)
    },
}];
