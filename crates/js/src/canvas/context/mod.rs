//! `CanvasRenderingContext2D`: one JS class over the engine's
//! [`Context2d`], its members defined from one table per API family
//! (state, styles, paths, drawing, images, pixels, text), each entry a thin function that
//! converts arguments, calls the engine and maps errors.

mod draw;
mod images;
mod paths;
mod pixels;
mod state;
mod styles;
mod text;

use std::cell::RefCell;
use std::rc::Rc;

use mpcanvas_canvas::Context2d;
use rquickjs::class::Trace;
use rquickjs::function::{Rest, This};
use rquickjs::object::Accessor;
use rquickjs::{Class, Ctx, Function, JsLifetime, Object, Value};

use super::element::JsCanvas;
use crate::bridge::Op;
use crate::webidl::Args;

pub(crate) const IFACE: &str = "CanvasRenderingContext2D";

/// The JS objects behind non-colour styles, so `fillStyle` returns the very
/// gradient or pattern object assigned, across `save()`/`restore()`.
#[derive(Trace, JsLifetime, Default, Clone)]
pub(crate) struct StyleObjects<'js> {
    pub(crate) fill: Option<Value<'js>>,
    pub(crate) stroke: Option<Value<'js>>,
}

/// The context object: the shared engine and the JS-side state the engine
/// cannot hold (style objects and their save stack, the canvas element).
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "CanvasRenderingContext2D")]
pub struct JsContext2d<'js> {
    #[qjs(skip_trace)]
    pub(crate) engine: Rc<RefCell<Context2d>>,
    canvas: Class<'js, JsCanvas<'js>>,
    pub(crate) styles: StyleObjects<'js>,
    saved_styles: Vec<StyleObjects<'js>>,
}

impl<'js> JsContext2d<'js> {
    pub(crate) fn create(
        ctx: &Ctx<'js>,
        engine: Rc<RefCell<Context2d>>,
        canvas: Class<'js, JsCanvas<'js>>,
    ) -> rquickjs::Result<Class<'js, Self>> {
        Class::instance(
            ctx.clone(),
            JsContext2d {
                engine,
                canvas,
                styles: StyleObjects::default(),
                saved_styles: Vec::new(),
            },
        )
    }

    /// Drops the JS style objects (the engine state was reset).
    pub(crate) fn forget_styles(&mut self) {
        self.styles = StyleObjects::default();
        self.saved_styles.clear();
    }
}

/// A method: converts `args`, acts on the context, returns the JS result.
pub(super) type MethodFn =
    for<'js> fn(&Args<'js>, &Class<'js, JsContext2d<'js>>) -> rquickjs::Result<Value<'js>>;
/// An attribute getter.
pub(super) type GetFn =
    for<'js> fn(&Ctx<'js>, &Class<'js, JsContext2d<'js>>) -> rquickjs::Result<Value<'js>>;
/// An attribute setter, given the assigned value as argument 0.
pub(super) type SetFn =
    for<'js> fn(&Args<'js>, &Class<'js, JsContext2d<'js>>) -> rquickjs::Result<()>;

/// One method of the prototype.
pub(super) struct Method {
    pub(super) name: &'static str,
    /// Required argument count (the function's `length`).
    pub(super) length: usize,
    pub(super) call: MethodFn,
}

/// One attribute of the prototype.
pub(super) struct Attribute {
    pub(super) name: &'static str,
    pub(super) get: GetFn,
    pub(super) set: Option<SetFn>,
}

/// `undefined`, the result of void operations.
pub(super) fn undefined<'js>(args: &Args<'js>) -> rquickjs::Result<Value<'js>> {
    Ok(Value::new_undefined(args.ctx.clone()))
}

/// Defines the class and every member of every family on its prototype.
pub(crate) fn install<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<()> {
    Class::<JsContext2d>::define(&ctx.globals())?;
    let proto = Class::<JsContext2d>::prototype(ctx)?.ok_or_else(|| {
        rquickjs::Exception::throw_internal(ctx, "no prototype for CanvasRenderingContext2D")
    })?;
    let families: [(&[Method], &[Attribute]); 7] = [
        (state::METHODS, state::ATTRIBUTES),
        (styles::METHODS, styles::ATTRIBUTES),
        (paths::METHODS, &[]),
        (draw::METHODS, &[]),
        (images::METHODS, images::ATTRIBUTES),
        (pixels::METHODS, &[]),
        (text::METHODS, text::ATTRIBUTES),
    ];
    for (methods, attributes) in families {
        for m in methods {
            define_method(ctx, &proto, m)?;
        }
        for a in attributes {
            define_attribute(ctx, &proto, a)?;
        }
    }
    paths::install_path_ops(ctx, &proto)?;
    proto.prop("canvas", Accessor::new_get(canvas_of).configurable())?;
    Ok(())
}

/// `ctx.canvas`: the canvas element the context belongs to.
fn canvas_of<'js>(this: This<Class<'js, JsContext2d<'js>>>) -> Class<'js, JsCanvas<'js>> {
    this.0.borrow().canvas.clone()
}

/// Whether the budget of the context's run has stopped native work.
fn budget_stopped<'js>(this: &Class<'js, JsContext2d<'js>>) -> bool {
    let engine = this.try_borrow().map(|c| c.engine.clone());
    engine.is_ok_and(|e| e.try_borrow().is_ok_and(|c| c.limits().budget_stopped()))
}

fn define_method<'js>(ctx: &Ctx<'js>, proto: &Object<'js>, m: &Method) -> rquickjs::Result<()> {
    let (name, call) = (m.name, m.call);
    let f = Function::new(
        ctx.clone(),
        move |ctx: Ctx<'js>, this: This<Class<'js, JsContext2d<'js>>>, rest: Rest<Value<'js>>| {
            // Once the run's budget stopped native work (time up, scratch
            // refused), a call ends the script here: QuickJS polls its
            // interrupt only every few thousand operations, and a loop of
            // calls on megabytes each would run on until then.
            if budget_stopped(&this.0) {
                return Err(rquickjs::Exception::throw_internal(&ctx, "interrupted"));
            }
            call(&Args::new(ctx, rest.0, Op::method(IFACE, name)), &this.0)
        },
    )?
    .with_name(name)?
    .with_length(m.length)?;
    proto.set(name, f)
}

fn define_attribute<'js>(
    _ctx: &Ctx<'js>,
    proto: &Object<'js>,
    a: &Attribute,
) -> rquickjs::Result<()> {
    let (name, get) = (a.name, a.get);
    let getter = move |ctx: Ctx<'js>, this: This<Class<'js, JsContext2d<'js>>>| get(&ctx, &this.0);
    match a.set {
        Some(set) => {
            let setter =
                move |ctx: Ctx<'js>, this: This<Class<'js, JsContext2d<'js>>>, v: Value<'js>| {
                    set(&Args::new(ctx, vec![v], Op::setter(IFACE, name)), &this.0)
                };
            proto.prop(
                name,
                Accessor::new(getter, setter).configurable().enumerable(),
            )
        }
        None => proto.prop(name, Accessor::new_get(getter).configurable().enumerable()),
    }
}

#[rquickjs::methods]
impl<'js> JsContext2d<'js> {
    /// Not constructible from script, as in browsers.
    #[qjs(constructor)]
    pub fn new(ctx: Ctx<'js>) -> rquickjs::Result<Self> {
        Err(crate::bridge::illegal_constructor(&ctx))
    }
}

impl<'js> JsContext2d<'js> {
    /// `save()`: the engine's state and, in step, the style objects.
    pub(super) fn save(&mut self) {
        if self.engine.borrow_mut().save() {
            self.saved_styles.push(self.styles.clone());
        }
    }

    /// `restore()`.
    pub(super) fn restore(&mut self) {
        if self.engine.borrow_mut().restore() {
            self.styles = self.saved_styles.pop().unwrap_or_default();
        }
    }
}
