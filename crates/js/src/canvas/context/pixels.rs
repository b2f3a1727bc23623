//! `createImageData`, `getImageData`, `putImageData` (their integer
//! arguments are `[EnforceRange] long`).

use super::state::eng;
use super::{Method, undefined};
use crate::bridge::OrThrow;
use crate::canvas::image_data::{JsImageData, image_data_arg};

pub(super) const METHODS: &[Method] = &[
    Method {
        name: "createImageData",
        length: 1,
        call: |args, this| {
            args.require(1)?;
            let (w, h) = if args.len() == 1 {
                let other = image_data_arg(args, 0)?;
                let o = other.borrow();
                (o.width() as i64, o.height() as i64)
            } else {
                (args.enforce_long(0)? as i64, args.enforce_long(1)? as i64)
            };
            let image = eng(this)
                .borrow()
                .create_image_data(w, h)
                .or_throw(&args.ctx, args.op)?;
            Ok(JsImageData::create(&args.ctx, image)?.into_value())
        },
    },
    Method {
        name: "getImageData",
        length: 4,
        call: |args, this| {
            args.require(4)?;
            let [x, y, w, h] = [
                args.enforce_long(0)?,
                args.enforce_long(1)?,
                args.enforce_long(2)?,
                args.enforce_long(3)?,
            ]
            .map(i64::from);
            let image = eng(this)
                .borrow()
                .get_image_data(x, y, w, h)
                .or_throw(&args.ctx, args.op)?;
            Ok(JsImageData::create(&args.ctx, image)?.into_value())
        },
    },
    Method {
        name: "putImageData",
        length: 3,
        call: |args, this| {
            let n = args.len();
            if n != 3 && n != 7 {
                args.require(3)?;
                return Err(args.op.type_error(
                    &args.ctx,
                    &format!("Valid arities are: [3, 7], but {n} arguments provided."),
                ));
            }
            let data = image_data_arg(args, 0)?;
            let (dx, dy) = (args.enforce_long(1)? as i64, args.enforce_long(2)? as i64);
            let dirty = if n == 7 {
                Some((
                    args.enforce_long(3)? as i64,
                    args.enforce_long(4)? as i64,
                    args.enforce_long(5)? as i64,
                    args.enforce_long(6)? as i64,
                ))
            } else {
                None
            };
            let image = data.borrow().to_engine(&args.ctx, args.op)?;
            eng(this).borrow_mut().put_image_data(&image, dx, dy, dirty);
            undefined(args)
        },
    },
];
