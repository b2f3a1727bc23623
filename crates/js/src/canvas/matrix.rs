//! `DOMMatrixReadOnly` and `DOMMatrix` (Geometry Interfaces): the classes
//! hold plain numbers and need nothing from the engine, so they are
//! written in JS (`matrix.js`, a 4x4 matrix with WebIDL's attribute and
//! inheritance shapes). Here: installing them, making the `DOMMatrix`
//! `getTransform()` returns, and reading the `DOMMatrix2DInit`
//! dictionaries `setTransform`, `Path2D.addPath` and
//! `CanvasPattern.setTransform` accept. The string form (`new
//! DOMMatrix('rotate(30deg)')`) is parsed by the engine's transform-list
//! parser and composed in `matrix.js`.

use kurbo::Affine;
use mpcanvas_canvas::transform_list::{self, TransformFunction};
use rquickjs::{Array, Ctx, Function, JsLifetime, Object, Persistent, Value};

use crate::webidl::{Args, to_number};

/// `matrix.js`'s factory of 2D `DOMMatrix` objects, kept out of the
/// script's reach (a page may replace the `DOMMatrix` global).
#[derive(JsLifetime)]
struct Factory(Persistent<Function<'static>>);

/// Defines `DOMMatrixReadOnly` and `DOMMatrix` on the global object.
pub(crate) fn install(ctx: &Ctx<'_>) -> rquickjs::Result<()> {
    let define: Function = ctx.eval(include_str!("matrix.js"))?;
    let parser = Function::new(ctx.clone(), parse_transform_list)?;
    let factory: Function = define.call((parser,))?;
    let _ = ctx.store_userdata(Factory(Persistent::save(ctx, factory)));
    Ok(())
}

/// `parseTransformList(text)` for `matrix.js`: `{is2D, functions}` with
/// each function as `[name, ...values]` (names: matrix, translate, scale,
/// rotate, skew, perspective; lengths in px, angles in degrees), or `null`
/// when `text` is not a transform list.
fn parse_transform_list<'js>(ctx: Ctx<'js>, text: String) -> rquickjs::Result<Value<'js>> {
    let Some(list) = transform_list::parse(&text) else {
        return Ok(Value::new_null(ctx));
    };
    let functions = Array::new(ctx.clone())?;
    for (i, f) in list.functions.iter().enumerate() {
        let (name, values): (&str, Vec<f64>) = match f {
            TransformFunction::Matrix(v) => ("matrix", v.clone()),
            TransformFunction::Translate(x, y, z) => ("translate", vec![*x, *y, *z]),
            TransformFunction::Scale(x, y, z) => ("scale", vec![*x, *y, *z]),
            TransformFunction::Rotate(x, y, z, a) => ("rotate", vec![*x, *y, *z, *a]),
            TransformFunction::Skew(x, y) => ("skew", vec![*x, *y]),
            TransformFunction::Perspective(d) => ("perspective", vec![d.unwrap_or(f64::NAN)]),
        };
        let entry = Array::new(ctx.clone())?;
        entry.set(0, name)?;
        for (k, v) in values.into_iter().enumerate() {
            entry.set(k + 1, v)?;
        }
        functions.set(i, entry)?;
    }
    let out = Object::new(ctx.clone())?;
    out.set("is2D", list.is_2d)?;
    out.set("functions", functions)?;
    Ok(out.into_value())
}

/// A new `DOMMatrix` object for `m`.
pub(crate) fn create<'js>(ctx: &Ctx<'js>, m: Affine) -> rquickjs::Result<Value<'js>> {
    let factory = ctx
        .userdata::<Factory>()
        .ok_or_else(|| rquickjs::Exception::throw_internal(ctx, "DOMMatrix is not installed"))?
        .0
        .clone()
        .restore(ctx)?;
    factory.call((m.as_coeffs().to_vec(),))
}

/// Converts argument `i` as a `DOMMatrix2DInit` (missing, `undefined` or
/// `null` is the identity): `a`–`f` and their `m11`… aliases, which must
/// agree when both are given.
pub(crate) fn init_2d(args: &Args<'_>, i: usize) -> rquickjs::Result<Affine> {
    let v = args.value(i);
    if v.is_undefined() || v.is_null() {
        return Ok(Affine::IDENTITY);
    }
    let Some(obj) = v.as_object() else {
        return Err(args.op.type_error(
            &args.ctx,
            "The provided value is not of type 'DOMMatrix2DInit'.",
        ));
    };
    let pairs = [
        ("a", "m11", 1.0),
        ("b", "m12", 0.0),
        ("c", "m21", 0.0),
        ("d", "m22", 1.0),
        ("e", "m41", 0.0),
        ("f", "m42", 0.0),
    ];
    let mut coeffs = [0.0; 6];
    for (k, (short, long, default)) in pairs.iter().enumerate() {
        let s = member(&args.ctx, obj, short)?;
        let l = member(&args.ctx, obj, long)?;
        coeffs[k] = match (s, l) {
            (Some(s), Some(l)) if !(s == l || (s.is_nan() && l.is_nan())) => {
                return Err(args.op.type_error(
                    &args.ctx,
                    &format!("The '{short}' property should equal the '{long}' property."),
                ));
            }
            (_, Some(l)) => l,
            (Some(s), None) => s,
            (None, None) => *default,
        };
    }
    Ok(Affine::new(coeffs))
}

fn member<'js>(ctx: &Ctx<'js>, obj: &Object<'js>, name: &str) -> rquickjs::Result<Option<f64>> {
    let v: Value<'js> = obj.get(name)?;
    if v.is_undefined() {
        Ok(None)
    } else {
        Ok(Some(to_number(ctx, v)?))
    }
}
