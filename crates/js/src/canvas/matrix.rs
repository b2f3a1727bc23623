//! `DOMMatrixReadOnly` and `DOMMatrix` (Geometry Interfaces): the classes
//! hold plain numbers and need nothing from the engine, so they are
//! written in JS (`matrix.js`, a 4x4 matrix with WebIDL's attribute and
//! inheritance shapes). Here: installing them, making the `DOMMatrix`
//! `getTransform()` returns, and reading the `DOMMatrix2DInit`
//! dictionaries `setTransform`, `Path2D.addPath` and
//! `CanvasPattern.setTransform` accept.

use kurbo::Affine;
use rquickjs::{Ctx, Function, JsLifetime, Object, Persistent, Value};

use crate::webidl::{Args, to_number};

/// `matrix.js`'s factory of 2D `DOMMatrix` objects, kept out of the
/// script's reach (a page may replace the `DOMMatrix` global).
#[derive(JsLifetime)]
struct Factory(Persistent<Function<'static>>);

/// Defines `DOMMatrixReadOnly` and `DOMMatrix` on the global object.
pub(crate) fn install(ctx: &Ctx<'_>) -> rquickjs::Result<()> {
    let factory: Function = ctx.eval(include_str!("matrix.js"))?;
    let _ = ctx.store_userdata(Factory(Persistent::save(ctx, factory)));
    Ok(())
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
