//! The legacy drawing context (`createCanvasContext(id, this)`,
//! PLATFORM.md §8) as a JS class over the platform's recorder: methods
//! and property setters queue actions; `draw(reserve, callback)` has the
//! platform replay them; `measureText` answers at once.

use mpcanvas_platform::{Action, CanvasContext, Scope, StyleValue};
use rquickjs::class::Trace;
use rquickjs::function::{Opt, Rest, This};
use rquickjs::object::Accessor;
use rquickjs::{Class, Ctx, Function, JsLifetime, Object, Value};

use super::api::services;

mod methods;
use crate::canvas::gradient::JsGradient;
use crate::canvas::pattern::JsPattern;
use crate::webidl::to_number;

/// A legacy `CanvasContext`.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "CanvasContext")]
pub struct JsLegacyContext<'js> {
    /// The recorded calls; exports replay them.
    #[qjs(skip_trace)]
    pub(crate) recorder: CanvasContext,
    /// Values given to the property setters, returned by their getters.
    values: Object<'js>,
}

#[rquickjs::methods]
impl<'js> JsLegacyContext<'js> {
    /// `canvasId`.
    #[qjs(get, rename = "canvasId")]
    pub fn canvas_id(&self) -> String {
        self.recorder.canvas_id().to_string()
    }
}

impl<'js> JsLegacyContext<'js> {
    /// A recorder for `canvas_id` in `scope`, with the profile's extra
    /// export methods (Alipay's `toTempFilePath`, `toDataURL`).
    pub(crate) fn create(
        ctx: &Ctx<'js>,
        recorder: CanvasContext,
        methods: &[String],
    ) -> rquickjs::Result<Class<'js, Self>> {
        install_prototype(ctx)?;
        let instance = Class::instance(
            ctx.clone(),
            JsLegacyContext {
                recorder,
                values: Object::new(ctx.clone())?,
            },
        )?;
        for method in methods {
            let f = match method.as_str() {
                "toTempFilePath" => super::legacy_export::to_temp_file_path(ctx)?,
                "toDataURL" => super::legacy_export::to_data_url(ctx)?,
                _ => continue,
            };
            instance.set(method.as_str(), f)?;
        }
        Ok(instance)
    }
}

/// `this` of a legacy context method.
pub(crate) type This2<'js> = This<Class<'js, JsLegacyContext<'js>>>;

fn numbers<'js>(ctx: &Ctx<'js>, args: &[Value<'js>], n: usize) -> rquickjs::Result<Vec<f64>> {
    (0..n)
        .map(|i| match args.get(i) {
            Some(v) => to_number(ctx, v.clone()),
            None => Ok(f64::NAN),
        })
        .collect()
}

fn string<'js>(ctx: &Ctx<'js>, v: Option<&Value<'js>>) -> rquickjs::Result<String> {
    match v {
        Some(v) if !v.is_undefined() => crate::webidl::to_string(ctx, v.clone()),
        _ => Ok(String::new()),
    }
}

/// A fill or stroke style: a gradient or pattern object, else a colour
/// string.
fn style_value<'js>(ctx: &Ctx<'js>, v: Option<&Value<'js>>) -> rquickjs::Result<StyleValue> {
    if let Some(v) = v {
        if let Ok(g) = Class::<JsGradient>::from_value(v) {
            return Ok(StyleValue::Gradient(g.borrow().gradient.clone()));
        }
        if let Ok(p) = Class::<JsPattern>::from_value(v) {
            return Ok(StyleValue::Pattern(p.borrow().pattern.clone()));
        }
    }
    Ok(StyleValue::Color(string(ctx, v)?))
}

/// The action of a numeric drawing method.
type NumericAction = fn(&[f64]) -> Action;

const NUMERIC: &[(&str, usize, NumericAction)] = &[
    ("setGlobalAlpha", 1, |a| Action::SetGlobalAlpha(a[0])),
    ("setLineWidth", 1, |a| Action::SetLineWidth(a[0])),
    ("setMiterLimit", 1, |a| Action::SetMiterLimit(a[0])),
    ("setFontSize", 1, |a| Action::SetFontSize(a[0])),
    ("setTransform", 6, |a| {
        Action::SetTransform([a[0], a[1], a[2], a[3], a[4], a[5]])
    }),
    ("transform", 6, |a| {
        Action::Transform([a[0], a[1], a[2], a[3], a[4], a[5]])
    }),
    ("scale", 2, |a| Action::Scale(a[0], a[1])),
    ("rotate", 1, |a| Action::Rotate(a[0])),
    ("translate", 2, |a| Action::Translate(a[0], a[1])),
    ("moveTo", 2, |a| Action::MoveTo(a[0], a[1])),
    ("lineTo", 2, |a| Action::LineTo(a[0], a[1])),
    ("quadraticCurveTo", 4, |a| {
        Action::QuadraticCurveTo(a[0], a[1], a[2], a[3])
    }),
    ("bezierCurveTo", 6, |a| {
        Action::BezierCurveTo([a[0], a[1], a[2], a[3], a[4], a[5]])
    }),
    ("arcTo", 5, |a| {
        Action::ArcTo([a[0], a[1], a[2], a[3], a[4]])
    }),
    ("rect", 4, |a| Action::Rect(a[0], a[1], a[2], a[3])),
    ("fillRect", 4, |a| Action::FillRect(a[0], a[1], a[2], a[3])),
    ("strokeRect", 4, |a| {
        Action::StrokeRect(a[0], a[1], a[2], a[3])
    }),
    ("clearRect", 4, |a| {
        Action::ClearRect(a[0], a[1], a[2], a[3])
    }),
];

/// Methods without arguments.
const PLAIN: &[(&str, Action)] = &[
    ("save", Action::Save),
    ("restore", Action::Restore),
    ("beginPath", Action::BeginPath),
    ("closePath", Action::ClosePath),
    ("fill", Action::Fill),
    ("stroke", Action::Stroke),
    ("clip", Action::Clip),
];

/// Methods taking one string.
type StringAction = fn(String) -> Action;

const STRINGS: &[(&str, StringAction)] = &[
    ("setLineCap", Action::SetLineCap),
    ("setLineJoin", Action::SetLineJoin),
    ("setTextAlign", Action::SetTextAlign),
    ("setTextBaseline", Action::SetTextBaseline),
];

/// Property setters: name and how a value becomes an action.
enum Setter {
    Style(fn(StyleValue) -> Action),
    Number(fn(f64) -> Action),
    Text(fn(String) -> Action),
}

const PROPERTIES: &[(&str, Setter)] = &[
    ("fillStyle", Setter::Style(Action::SetFillStyle)),
    ("strokeStyle", Setter::Style(Action::SetStrokeStyle)),
    ("shadowOffsetX", Setter::Number(Action::SetShadowOffsetX)),
    ("shadowOffsetY", Setter::Number(Action::SetShadowOffsetY)),
    ("shadowBlur", Setter::Number(Action::SetShadowBlur)),
    ("shadowColor", Setter::Text(Action::SetShadowColor)),
    ("font", Setter::Text(Action::SetFont)),
    ("globalAlpha", Setter::Number(Action::SetGlobalAlpha)),
    (
        "globalCompositeOperation",
        Setter::Text(Action::SetGlobalCompositeOperation),
    ),
    ("lineWidth", Setter::Number(Action::SetLineWidth)),
    ("lineCap", Setter::Text(Action::SetLineCap)),
    ("lineJoin", Setter::Text(Action::SetLineJoin)),
    ("lineDashOffset", Setter::Number(Action::SetLineDashOffset)),
    ("miterLimit", Setter::Number(Action::SetMiterLimit)),
    ("textAlign", Setter::Text(Action::SetTextAlign)),
    ("textBaseline", Setter::Text(Action::SetTextBaseline)),
];

fn record<'js>(this: &This2<'js>, action: Action) {
    this.0.borrow_mut().recorder.record(action);
}

/// Defines the methods and accessors on the class prototype, once.
fn install_prototype<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<()> {
    let Some(proto) = Class::<JsLegacyContext>::prototype(ctx)? else {
        return Ok(());
    };
    if proto.contains_key("draw")? {
        return Ok(());
    }
    for &(name, arity, action) in NUMERIC {
        let f = Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, this: This2<'js>, args: Rest<Value<'js>>| {
                let a = numbers(&ctx, &args.0, arity)?;
                record(&this, action(&a));
                Ok::<(), rquickjs::Error>(())
            },
        )?
        .with_name(name)?;
        proto.set(name, f)?;
    }
    for (name, action) in PLAIN {
        let action = action.clone();
        let f = Function::new(ctx.clone(), move |this: This2<'js>| {
            record(&this, action.clone())
        })?
        .with_name(*name)?;
        proto.set(*name, f)?;
    }
    for &(name, action) in STRINGS {
        let f = Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, this: This2<'js>, v: Opt<Value<'js>>| {
                record(&this, action(string(&ctx, v.0.as_ref())?));
                Ok::<(), rquickjs::Error>(())
            },
        )?
        .with_name(name)?;
        proto.set(name, f)?;
    }
    for (name, style) in [
        (
            "setFillStyle",
            Action::SetFillStyle as fn(StyleValue) -> Action,
        ),
        ("setStrokeStyle", Action::SetStrokeStyle),
    ] {
        let f = Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, this: This2<'js>, v: Opt<Value<'js>>| {
                record(&this, style(style_value(&ctx, v.0.as_ref())?));
                Ok::<(), rquickjs::Error>(())
            },
        )?
        .with_name(name)?;
        proto.set(name, f)?;
    }
    proto.set("setShadow", methods::set_shadow(ctx)?)?;
    proto.set("setLineDash", methods::set_line_dash(ctx)?)?;
    proto.set("arc", methods::arc(ctx)?)?;
    for (name, stroke) in [("fillText", false), ("strokeText", true)] {
        proto.set(name, methods::text(ctx, name, stroke)?)?;
    }
    proto.set("drawImage", methods::draw_image(ctx)?)?;
    proto.set("draw", draw(ctx)?)?;
    proto.set("measureText", methods::measure_text(ctx)?)?;
    proto.set(
        "createLinearGradient",
        methods::create_linear_gradient(ctx)?,
    )?;
    proto.set(
        "createCircularGradient",
        methods::create_circular_gradient(ctx)?,
    )?;
    proto.set("createPattern", methods::create_pattern(ctx)?)?;
    proto.set("setLineDashOffset", methods::set_line_dash_offset(ctx)?)?;
    for (name, setter) in PROPERTIES {
        let key = *name;
        let getter = move |this: This2<'js>| -> rquickjs::Result<Value<'js>> {
            let values = this.0.borrow().values.clone();
            values.get(key)
        };
        let set = move |ctx: Ctx<'js>, this: This2<'js>, v: Value<'js>| -> rquickjs::Result<()> {
            let action = match setter {
                Setter::Style(f) => f(style_value(&ctx, Some(&v))?),
                Setter::Number(f) => f(to_number(&ctx, v.clone())?),
                Setter::Text(f) => f(crate::webidl::to_string(&ctx, v.clone())?),
            };
            let values = this.0.borrow().values.clone();
            values.set(key, v)?;
            record(&this, action);
            Ok(())
        };
        proto.prop(key, Accessor::new(getter, set).configurable())?;
    }
    Ok(())
}

fn truthy(v: &Value<'_>) -> bool {
    v.as_bool().unwrap_or(false)
        || v.as_number().is_some_and(|n| n != 0.0 && !n.is_nan())
        || v.as_string()
            .is_some_and(|s| s.to_string().is_ok_and(|s| !s.is_empty()))
        || v.is_object()
}

/// A `drawImage` / `createPattern` source: a path string, or an image
/// object's `src` / `path`.
fn image_src<'js>(ctx: &Ctx<'js>, v: Option<&Value<'js>>) -> rquickjs::Result<String> {
    if let Some(o) = v.and_then(Value::as_object) {
        for key in ["src", "path", "tempFilePath"] {
            let field: Value<'js> = o.get(key)?;
            if let Some(s) = field.as_string() {
                return s.to_string();
            }
        }
    }
    string(ctx, v)
}

fn gradient_object<'js>(
    ctx: &Ctx<'js>,
    gradient: Option<mpcanvas_canvas::CanvasGradient>,
) -> rquickjs::Result<Value<'js>> {
    match gradient {
        Some(gradient) => Ok(Class::instance(ctx.clone(), JsGradient { gradient })?.into_value()),
        None => Ok(Value::new_null(ctx.clone())),
    }
}

/// `draw(reserve?, callback?)`: replays now; the callback follows as a
/// task.
fn draw<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, this: This2<'js>, args: Rest<Value<'js>>| {
            let (reserve, callback) = match (args.0.first(), args.0.get(1)) {
                (Some(f), _) if f.is_function() => (false, f.clone().into_function()),
                (r, cb) => (
                    r.is_some_and(truthy),
                    cb.and_then(|c| c.clone().into_function()),
                ),
            };
            let services = services(&ctx)?;
            let pending = {
                let mut recorder = this.0.borrow_mut();
                // What did not draw (images that did not load, …) goes into
                // the run report.
                services
                    .platform
                    .borrow_mut()
                    .start_draw(&mut recorder.recorder, reserve)
            };
            // The device finishes the draw in a later task, just before
            // its callback runs.
            if let Some(pending) = pending {
                let platform = services.platform.clone();
                let slot = std::cell::Cell::new(Some(pending));
                let finish = Function::new(ctx.clone(), move || {
                    if let Some(p) = slot.take() {
                        platform.borrow_mut().finish_draw(p);
                    }
                })?;
                services.events.post(&ctx, finish)?;
            }
            if let Some(f) = callback {
                services.events.post(&ctx, f)?;
            }
            Ok::<(), rquickjs::Error>(())
        },
    )?
    .with_name("draw")
}

/// `createCanvasContext(id, component?)`.
pub(crate) fn create_canvas_context<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Function<'js>> {
    Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, id: Opt<Value<'js>>, component: Opt<Value<'js>>| {
            let id = string(&ctx, id.0.as_ref())?;
            let scope: Scope = super::api::scope_of(&ctx, component.0.as_ref());
            let services = services(&ctx)?;
            let methods = services
                .platform
                .borrow()
                .profile()
                .export
                .context_methods
                .clone();
            let recorder = services
                .platform
                .borrow_mut()
                .create_canvas_context(&id, scope);
            match recorder {
                Ok(recorder) => Ok(JsLegacyContext::create(&ctx, recorder, &methods)?.into_value()),
                Err(failure) => Err(rquickjs::Exception::throw_message(&ctx, &failure.message)),
            }
        },
    )?
    .with_name("createCanvasContext")
}
