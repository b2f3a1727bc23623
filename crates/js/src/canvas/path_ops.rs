//! The `CanvasPath` mixin (moveTo … ellipse), shared by
//! `CanvasRenderingContext2D` and `Path2D`. Each operation first converts
//! its arguments into a [`PathCall`] (which may run script code through
//! `valueOf`), and only then touches a path, so no borrow is held while
//! script code runs.

use kurbo::Affine;
use mpcanvas_canvas::{CornerRadius, Path2D};
use rquickjs::function::{Rest, This};
use rquickjs::{Class, Ctx, Function, Object, Value};

use crate::bridge::{Op, OrThrow};
use crate::webidl::{Args, to_number};

/// A converted `CanvasPath` call.
pub(crate) enum PathCall {
    Close,
    MoveTo(f64, f64),
    LineTo(f64, f64),
    Quad([f64; 4]),
    Bezier([f64; 6]),
    ArcTo([f64; 5]),
    Rect([f64; 4]),
    RoundRect([f64; 4], Vec<CornerRadius>),
    Arc([f64; 5], bool),
    Ellipse([f64; 7], bool),
}

impl PathCall {
    /// Applies the call to `path` with transform `t`.
    pub(crate) fn apply(self, path: &mut Path2D, t: &Affine) -> mpcanvas_canvas::Result<()> {
        match self {
            PathCall::Close => path.close_path(),
            PathCall::MoveTo(x, y) => path.move_to(x, y, t),
            PathCall::LineTo(x, y) => path.line_to(x, y, t),
            PathCall::Quad([a, b, c, d]) => path.quadratic_curve_to(a, b, c, d, t),
            PathCall::Bezier([a, b, c, d, e, f]) => path.bezier_curve_to(a, b, c, d, e, f, t),
            PathCall::ArcTo([a, b, c, d, r]) => return path.arc_to(a, b, c, d, r, t),
            PathCall::Rect([x, y, w, h]) => path.rect(x, y, w, h, t),
            PathCall::RoundRect([x, y, w, h], radii) => {
                return path.round_rect(x, y, w, h, &radii, t);
            }
            PathCall::Arc([x, y, r, s, e], ccw) => return path.arc(x, y, r, s, e, ccw, t),
            PathCall::Ellipse([x, y, rx, ry, rot, s, e], ccw) => {
                return path.ellipse(x, y, rx, ry, rot, s, e, ccw, t);
            }
        }
        Ok(())
    }
}

type ParseFn = for<'js> fn(&Args<'js>) -> rquickjs::Result<PathCall>;

/// One `CanvasPath` operation: its name, required argument count and
/// argument conversion.
pub(crate) struct PathOp {
    name: &'static str,
    length: usize,
    parse: ParseFn,
}

const PATH_OPS: &[PathOp] = &[
    PathOp {
        name: "closePath",
        length: 0,
        parse: |_| Ok(PathCall::Close),
    },
    PathOp {
        name: "moveTo",
        length: 2,
        parse: |a| Ok(PathCall::MoveTo(a.number(0)?, a.number(1)?)),
    },
    PathOp {
        name: "lineTo",
        length: 2,
        parse: |a| Ok(PathCall::LineTo(a.number(0)?, a.number(1)?)),
    },
    PathOp {
        name: "quadraticCurveTo",
        length: 4,
        parse: |a| Ok(PathCall::Quad(a.numbers(0)?)),
    },
    PathOp {
        name: "bezierCurveTo",
        length: 6,
        parse: |a| Ok(PathCall::Bezier(a.numbers(0)?)),
    },
    PathOp {
        name: "arcTo",
        length: 5,
        parse: |a| Ok(PathCall::ArcTo(a.numbers(0)?)),
    },
    PathOp {
        name: "rect",
        length: 4,
        parse: |a| Ok(PathCall::Rect(a.numbers(0)?)),
    },
    PathOp {
        name: "roundRect",
        length: 4,
        parse: |a| Ok(PathCall::RoundRect(a.numbers(0)?, radii(a, 4)?)),
    },
    PathOp {
        name: "arc",
        length: 5,
        parse: |a| Ok(PathCall::Arc(a.numbers(0)?, a.boolean(5)?)),
    },
    PathOp {
        name: "ellipse",
        length: 7,
        parse: |a| Ok(PathCall::Ellipse(a.numbers(0)?, a.boolean(7)?)),
    },
];

/// `roundRect`'s `radii`: a number, a `DOMPointInit`, or a sequence of
/// them; missing means `[0]`.
fn radii(args: &Args<'_>, i: usize) -> rquickjs::Result<Vec<CornerRadius>> {
    let v = args.value(i);
    if v.is_undefined() {
        return Ok(vec![CornerRadius::Circular(0.0)]);
    }
    let Some(obj) = v.as_object() else {
        return Ok(vec![CornerRadius::Circular(to_number(&args.ctx, v)?)]);
    };
    let iterable = obj
        .get::<_, Value>(rquickjs::atom::PredefinedAtom::SymbolIterator)?
        .is_function();
    if !iterable {
        return Ok(vec![point_init(&args.ctx, obj)?]);
    }
    crate::webidl::iterate(&args.ctx, obj)?
        .into_iter()
        .map(|item| match item.as_object() {
            Some(o) => point_init(&args.ctx, o),
            None => Ok(CornerRadius::Circular(to_number(&args.ctx, item)?)),
        })
        .collect()
}

/// A `DOMPointInit` as an elliptical corner (missing members are 0).
fn point_init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> rquickjs::Result<CornerRadius> {
    let get = |k: &str| -> rquickjs::Result<f64> {
        let v: Value<'js> = o.get(k)?;
        if v.is_undefined() {
            Ok(0.0)
        } else {
            to_number(ctx, v)
        }
    };
    Ok(CornerRadius::Elliptical {
        x: get("x")?,
        y: get("y")?,
    })
}

/// Defines every `CanvasPath` operation on `proto` for class `T`;
/// `apply` applies a converted call to an object's path.
pub(crate) fn define<'js, T, F>(
    ctx: &Ctx<'js>,
    proto: &Object<'js>,
    interface: &'static str,
    apply: F,
) -> rquickjs::Result<()>
where
    T: rquickjs::class::JsClass<'js> + 'js,
    F: Fn(&Class<'js, T>, PathCall) -> mpcanvas_canvas::Result<()> + Clone + 'js,
{
    for op in PATH_OPS {
        let (name, parse, length, apply) = (op.name, op.parse, op.length, apply.clone());
        let f = Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, this: This<Class<'js, T>>, rest: Rest<Value<'js>>| {
                let args = Args::new(ctx.clone(), rest.0, Op::method(interface, name));
                args.require(length)?;
                let call = parse(&args)?;
                apply(&this.0, call).or_throw(&ctx, args.op)
            },
        )?
        .with_name(name)?
        .with_length(length)?;
        proto.set(name, f)?;
    }
    Ok(())
}
