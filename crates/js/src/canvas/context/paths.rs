//! The current default path: `CanvasPath` operations, `beginPath`,
//! `fill`, `stroke`, `clip`, `isPointInPath`, `isPointInStroke`.

use mpcanvas_canvas::{FillRule, Path2D};
use rquickjs::{Class, IntoJs};

use super::state::eng;
use super::{JsContext2d, Method, undefined};
use crate::canvas::path_ops::{self, PathCall};
use crate::canvas::path2d::JsPath2D;
use crate::webidl::Args;

/// Applies a converted `CanvasPath` call to the context's path.
pub(super) fn apply<'js>(
    this: &Class<'js, JsContext2d<'js>>,
    call: PathCall,
) -> mpcanvas_canvas::Result<()> {
    eng(this)
        .borrow_mut()
        .with_path(|path, t| call.apply(path, t))
}

/// Argument `i` as a `Path2D`, if it is one.
fn path_arg(args: &Args<'_>, i: usize) -> Option<Path2D> {
    args.value(i)
        .as_object()
        .and_then(|o| o.as_class::<JsPath2D>().map(|p| p.borrow().path.clone()))
}

/// An optional `CanvasFillRule` argument.
fn rule(args: &Args<'_>, i: usize) -> rquickjs::Result<FillRule> {
    if args.has(i) {
        args.enumeration(i, "CanvasFillRule", FillRule::parse)
    } else {
        Ok(FillRule::NonZero)
    }
}

/// The `(path?, …rest)` overloads: the path (if argument 0 is one) and
/// where the remaining arguments start.
fn overload(args: &Args<'_>) -> (Option<Path2D>, usize) {
    match path_arg(args, 0) {
        Some(p) => (Some(p), 1),
        None => (None, 0),
    }
}

pub(super) const METHODS: &[Method] = &[
    Method {
        name: "beginPath",
        length: 0,
        call: |args, this| {
            eng(this).borrow_mut().begin_path();
            undefined(args)
        },
    },
    Method {
        name: "fill",
        length: 0,
        call: |args, this| {
            let (path, at) = overload(args);
            let rule = rule(args, at)?;
            eng(this).borrow_mut().fill(path.as_ref(), rule);
            undefined(args)
        },
    },
    Method {
        name: "stroke",
        length: 0,
        call: |args, this| {
            let (path, _) = overload(args);
            eng(this).borrow_mut().stroke(path.as_ref());
            undefined(args)
        },
    },
    Method {
        name: "clip",
        length: 0,
        call: |args, this| {
            let (path, at) = overload(args);
            let rule = rule(args, at)?;
            eng(this).borrow_mut().clip(path.as_ref(), rule);
            undefined(args)
        },
    },
    Method {
        name: "isPointInPath",
        length: 2,
        call: |args, this| {
            let (path, at) = overload(args);
            args.require(at + 2)?;
            let (x, y) = (args.number(at)?, args.number(at + 1)?);
            let rule = rule(args, at + 2)?;
            eng(this)
                .borrow()
                .is_point_in_path(path.as_ref(), x, y, rule)
                .into_js(&args.ctx)
        },
    },
    Method {
        name: "isPointInStroke",
        length: 2,
        call: |args, this| {
            let (path, at) = overload(args);
            args.require(at + 2)?;
            let (x, y) = (args.number(at)?, args.number(at + 1)?);
            eng(this)
                .borrow()
                .is_point_in_stroke(path.as_ref(), x, y)
                .into_js(&args.ctx)
        },
    },
];

/// Defines the `CanvasPath` operations on the context prototype.
pub(super) fn install_path_ops<'js>(
    ctx: &rquickjs::Ctx<'js>,
    proto: &rquickjs::Object<'js>,
) -> rquickjs::Result<()> {
    path_ops::define(
        ctx,
        proto,
        super::IFACE,
        |this: &rquickjs::Class<'js, JsContext2d<'js>>, call| apply(this, call),
    )
}
