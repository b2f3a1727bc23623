//! State and settings: save/restore/reset, transforms, compositing, line
//! styles, shadows.

use std::cell::RefCell;
use std::rc::Rc;

use mpcanvas_canvas::Context2d;
use rquickjs::{Class, Ctx, IntoJs, Object, Value};

use super::{Attribute, JsContext2d, Method, undefined};
use crate::canvas::matrix;

/// The engine behind a context object.
pub(super) fn eng<'js>(this: &Class<'js, JsContext2d<'js>>) -> Rc<RefCell<Context2d>> {
    this.borrow().engine.clone()
}

fn js<'js, T: IntoJs<'js>>(ctx: &Ctx<'js>, v: T) -> rquickjs::Result<Value<'js>> {
    v.into_js(ctx)
}

/// An `unrestricted double` attribute backed by an engine getter/setter.
macro_rules! number_attr {
    ($name:literal, $get:ident, $set:ident) => {
        Attribute {
            name: $name,
            get: |ctx, this| js(ctx, eng(this).borrow().$get()),
            set: Some(|args, this| {
                let v = args.number(0)?;
                eng(this).borrow_mut().$set(v);
                Ok(())
            }),
        }
    };
}

/// An enumerated (or otherwise string) attribute: ToString, then the
/// engine ignores values it does not know.
macro_rules! keyword_attr {
    ($name:literal, $get:ident, $set:ident) => {
        Attribute {
            name: $name,
            get: |ctx, this| js(ctx, eng(this).borrow().$get().as_str()),
            set: Some(|args, this| {
                let v = args.string(0)?;
                eng(this).borrow_mut().$set(&v);
                Ok(())
            }),
        }
    };
}

pub(super) const ATTRIBUTES: &[Attribute] = &[
    number_attr!("globalAlpha", global_alpha, set_global_alpha),
    keyword_attr!(
        "globalCompositeOperation",
        global_composite_operation,
        set_global_composite_operation
    ),
    number_attr!("lineWidth", line_width, set_line_width),
    keyword_attr!("lineCap", line_cap, set_line_cap),
    keyword_attr!("lineJoin", line_join, set_line_join),
    number_attr!("miterLimit", miter_limit, set_miter_limit),
    number_attr!("lineDashOffset", line_dash_offset, set_line_dash_offset),
    number_attr!("shadowOffsetX", shadow_offset_x, set_shadow_offset_x),
    number_attr!("shadowOffsetY", shadow_offset_y, set_shadow_offset_y),
    number_attr!("shadowBlur", shadow_blur, set_shadow_blur),
    Attribute {
        name: "shadowColor",
        get: |ctx, this| js(ctx, eng(this).borrow().shadow_color().serialize()),
        set: Some(|args, this| {
            let v = args.string(0)?;
            eng(this).borrow_mut().set_shadow_color(&v);
            Ok(())
        }),
    },
];

pub(super) const METHODS: &[Method] = &[
    Method {
        name: "save",
        length: 0,
        call: |args, this| {
            this.borrow_mut().save();
            undefined(args)
        },
    },
    Method {
        name: "restore",
        length: 0,
        call: |args, this| {
            this.borrow_mut().restore();
            undefined(args)
        },
    },
    Method {
        name: "reset",
        length: 0,
        call: |args, this| {
            eng(this).borrow_mut().reset();
            this.borrow_mut().forget_styles();
            undefined(args)
        },
    },
    Method {
        name: "isContextLost",
        length: 0,
        call: |args, _| js(&args.ctx, false),
    },
    Method {
        name: "getContextAttributes",
        length: 0,
        call: |args, _| {
            let o = Object::new(args.ctx.clone())?;
            o.set("alpha", true)?;
            o.set("colorSpace", "srgb")?;
            o.set("desynchronized", false)?;
            o.set("willReadFrequently", false)?;
            Ok(o.into_value())
        },
    },
    Method {
        name: "scale",
        length: 2,
        call: |args, this| {
            args.require(2)?;
            let [x, y] = args.numbers(0)?;
            eng(this).borrow_mut().scale(x, y);
            undefined(args)
        },
    },
    Method {
        name: "rotate",
        length: 1,
        call: |args, this| {
            args.require(1)?;
            let a = args.number(0)?;
            eng(this).borrow_mut().rotate(a);
            undefined(args)
        },
    },
    Method {
        name: "translate",
        length: 2,
        call: |args, this| {
            args.require(2)?;
            let [x, y] = args.numbers(0)?;
            eng(this).borrow_mut().translate(x, y);
            undefined(args)
        },
    },
    Method {
        name: "transform",
        length: 6,
        call: |args, this| {
            args.require(6)?;
            let [a, b, c, d, e, f] = args.numbers(0)?;
            eng(this).borrow_mut().transform(a, b, c, d, e, f);
            undefined(args)
        },
    },
    Method {
        name: "setTransform",
        length: 0,
        call: |args, this| {
            // setTransform(a, b, c, d, e, f) or setTransform(optional DOMMatrix2DInit = {}).
            let m = if args.len() >= 6 {
                kurbo::Affine::new(args.numbers::<6>(0)?)
            } else if args.len() <= 1 {
                matrix::init_2d(args, 0)?
            } else {
                args.require(6)?;
                unreachable!("require(6) throws for 2..=5 arguments")
            };
            eng(this).borrow_mut().set_transform(m);
            undefined(args)
        },
    },
    Method {
        name: "getTransform",
        length: 0,
        call: |args, this| {
            let m = eng(this).borrow().get_transform();
            matrix::create(&args.ctx, m)
        },
    },
    Method {
        name: "resetTransform",
        length: 0,
        call: |args, this| {
            eng(this).borrow_mut().reset_transform();
            undefined(args)
        },
    },
    Method {
        name: "setLineDash",
        length: 1,
        call: |args, this| {
            args.require(1)?;
            let segments = crate::webidl::sequence_of_numbers(args, 0)?;
            eng(this).borrow_mut().set_line_dash(&segments);
            undefined(args)
        },
    },
    Method {
        name: "getLineDash",
        length: 0,
        call: |args, this| {
            let dash = eng(this).borrow().line_dash().to_vec();
            js(&args.ctx, dash)
        },
    },
];
