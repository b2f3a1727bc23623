//! `DOMMatrix` as far as canvas uses it (2D): what `getTransform()`
//! returns, and the `DOMMatrix2DInit` dictionaries `setTransform`,
//! `Path2D.addPath` and `CanvasPattern.setTransform` accept.

use kurbo::Affine;
use rquickjs::class::Trace;
use rquickjs::function::Rest;
use rquickjs::{Class, Ctx, JsLifetime, Object, Value};

use crate::bridge::Op;
use crate::webidl::{Args, to_number};

/// A 2D `DOMMatrix`: [a c e; b d f].
#[derive(Trace, JsLifetime, Clone)]
#[rquickjs::class(rename = "DOMMatrix")]
pub struct JsDomMatrix {
    #[qjs(skip_trace)]
    pub(crate) m: Affine,
}

/// A new `DOMMatrix` object for `m`.
pub(crate) fn create<'js>(ctx: &Ctx<'js>, m: Affine) -> rquickjs::Result<Value<'js>> {
    Ok(Class::instance(ctx.clone(), JsDomMatrix { m })?.into_value())
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
    if let Some(m) = obj.as_class::<JsDomMatrix>() {
        return Ok(m.borrow().m);
    }
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

#[rquickjs::methods]
impl JsDomMatrix {
    /// `new DOMMatrix()` (identity) or `new DOMMatrix([a, b, c, d, e, f])`;
    /// a 16-value array must describe a 2D matrix.
    #[qjs(constructor)]
    pub fn new<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> rquickjs::Result<Self> {
        let args = Args::new(ctx.clone(), args.0, Op::method("DOMMatrix", "constructor"));
        if !args.has(0) {
            return Ok(JsDomMatrix {
                m: Affine::IDENTITY,
            });
        }
        let values = crate::webidl::sequence_of_numbers(&args, 0)?;
        let m = match values.len() {
            6 => Affine::new([
                values[0], values[1], values[2], values[3], values[4], values[5],
            ]),
            16 => {
                let v = &values;
                let flat = v[2] == 0.0
                    && v[3] == 0.0
                    && v[6] == 0.0
                    && v[7] == 0.0
                    && v[8] == 0.0
                    && v[9] == 0.0
                    && v[10] == 1.0
                    && v[11] == 0.0
                    && v[14] == 0.0
                    && v[15] == 1.0;
                if !flat {
                    return Err(args.op.type_error(&ctx, "Only 2D matrices are supported."));
                }
                Affine::new([v[0], v[1], v[4], v[5], v[12], v[13]])
            }
            n => {
                return Err(args.op.type_error(
                    &ctx,
                    &format!("The sequence must contain 6 or 16 elements, not {n}."),
                ));
            }
        };
        Ok(JsDomMatrix { m })
    }

    /// `a` (m11).
    #[qjs(get, rename = "a")]
    pub fn a(&self) -> f64 {
        self.m.as_coeffs()[0]
    }
    /// `b` (m12).
    #[qjs(get, rename = "b")]
    pub fn b(&self) -> f64 {
        self.m.as_coeffs()[1]
    }
    /// `c` (m21).
    #[qjs(get, rename = "c")]
    pub fn c(&self) -> f64 {
        self.m.as_coeffs()[2]
    }
    /// `d` (m22).
    #[qjs(get, rename = "d")]
    pub fn d(&self) -> f64 {
        self.m.as_coeffs()[3]
    }
    /// `e` (m41).
    #[qjs(get, rename = "e")]
    pub fn e(&self) -> f64 {
        self.m.as_coeffs()[4]
    }
    /// `f` (m42).
    #[qjs(get, rename = "f")]
    pub fn f(&self) -> f64 {
        self.m.as_coeffs()[5]
    }
    /// `m11`.
    #[qjs(get, rename = "m11")]
    pub fn m11(&self) -> f64 {
        self.a()
    }
    /// `m12`.
    #[qjs(get, rename = "m12")]
    pub fn m12(&self) -> f64 {
        self.b()
    }
    /// `m21`.
    #[qjs(get, rename = "m21")]
    pub fn m21(&self) -> f64 {
        self.c()
    }
    /// `m22`.
    #[qjs(get, rename = "m22")]
    pub fn m22(&self) -> f64 {
        self.d()
    }
    /// `m41`.
    #[qjs(get, rename = "m41")]
    pub fn m41(&self) -> f64 {
        self.e()
    }
    /// `m42`.
    #[qjs(get, rename = "m42")]
    pub fn m42(&self) -> f64 {
        self.f()
    }
    /// `is2D`: always true here.
    #[qjs(get, rename = "is2D")]
    pub fn is_2d(&self) -> bool {
        true
    }
    /// `isIdentity`.
    #[qjs(get, rename = "isIdentity")]
    pub fn is_identity(&self) -> bool {
        self.m == Affine::IDENTITY
    }

    /// `multiply(other)`: this × other.
    pub fn multiply<'js>(&self, ctx: Ctx<'js>, args: Rest<Value<'js>>) -> rquickjs::Result<Self> {
        let args = Args::new(ctx, args.0, Op::method("DOMMatrix", "multiply"));
        Ok(JsDomMatrix {
            m: self.m * init_2d(&args, 0)?,
        })
    }

    /// `inverse()`: the inverse, or all-NaN when singular.
    pub fn inverse(&self) -> Self {
        let det = self.m.determinant();
        let m = if det != 0.0 && det.is_finite() {
            self.m.inverse()
        } else {
            Affine::new([f64::NAN; 6])
        };
        JsDomMatrix { m }
    }

    /// `translate(tx, ty)`.
    pub fn translate(
        &self,
        tx: rquickjs::function::Opt<f64>,
        ty: rquickjs::function::Opt<f64>,
    ) -> Self {
        JsDomMatrix {
            m: self.m * Affine::translate((tx.0.unwrap_or(0.0), ty.0.unwrap_or(0.0))),
        }
    }

    /// `scale(sx, sy = sx)`.
    pub fn scale(
        &self,
        sx: rquickjs::function::Opt<f64>,
        sy: rquickjs::function::Opt<f64>,
    ) -> Self {
        let sx = sx.0.unwrap_or(1.0);
        JsDomMatrix {
            m: self.m * Affine::scale_non_uniform(sx, sy.0.unwrap_or(sx)),
        }
    }

    /// `rotate(degrees)` about the z axis.
    pub fn rotate(&self, degrees: rquickjs::function::Opt<f64>) -> Self {
        JsDomMatrix {
            m: self.m * Affine::rotate(degrees.0.unwrap_or(0.0).to_radians()),
        }
    }

    // `transformPoint` is defined in geometry.js (it returns a DOMPoint).

    /// `toString()`: `matrix(a, b, c, d, e, f)`.
    #[qjs(rename = "toString")]
    pub fn to_string_js(&self) -> String {
        let c = self.m.as_coeffs().map(crate::canvas::matrix::js_number);
        format!(
            "matrix({}, {}, {}, {}, {}, {})",
            c[0], c[1], c[2], c[3], c[4], c[5]
        )
    }
}

/// A number as JS prints it (integers without a fraction).
pub(crate) fn js_number(v: f64) -> String {
    if v == v.trunc() && v.abs() < 1e21 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
