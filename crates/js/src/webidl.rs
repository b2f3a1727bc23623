//! WebIDL argument conversion: what a browser does to JS values before an
//! operation runs. Numbers go through ToNumber (`"3"` is 3, `undefined` is
//! NaN), `double` rejects non-finite values, `long` wraps modulo 2³²,
//! strings go through ToString, and too few arguments is a `TypeError`
//! that says how many were needed.

use rquickjs::{Coerced, Ctx, FromJs, Value};

use crate::bridge::Op;

/// The arguments of one call, with their operation for error messages.
pub(crate) struct Args<'js> {
    pub(crate) ctx: Ctx<'js>,
    values: Vec<Value<'js>>,
    pub(crate) op: Op,
}

impl<'js> Args<'js> {
    /// Wraps the values passed to `op`.
    pub(crate) fn new(ctx: Ctx<'js>, values: Vec<Value<'js>>, op: Op) -> Self {
        Args { ctx, values, op }
    }

    /// How many arguments were passed.
    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }

    /// Throws unless at least `n` arguments were passed.
    pub(crate) fn require(&self, n: usize) -> rquickjs::Result<()> {
        if self.values.len() >= n {
            return Ok(());
        }
        let plural = if n == 1 { "argument" } else { "arguments" };
        Err(self.op.type_error(
            &self.ctx,
            &format!(
                "{n} {plural} required, but only {} present.",
                self.values.len()
            ),
        ))
    }

    /// Argument `i`, or `undefined` when it was not passed.
    pub(crate) fn value(&self, i: usize) -> Value<'js> {
        self.values
            .get(i)
            .cloned()
            .unwrap_or_else(|| Value::new_undefined(self.ctx.clone()))
    }

    /// Whether argument `i` was passed and is not `undefined`.
    pub(crate) fn has(&self, i: usize) -> bool {
        self.values.get(i).is_some_and(|v| !v.is_undefined())
    }

    /// `unrestricted double`.
    pub(crate) fn number(&self, i: usize) -> rquickjs::Result<f64> {
        to_number(&self.ctx, self.value(i))
    }

    /// Arguments `from..from + N` as `unrestricted double`s.
    pub(crate) fn numbers<const N: usize>(&self, from: usize) -> rquickjs::Result<[f64; N]> {
        let mut out = [0.0; N];
        for (k, slot) in out.iter_mut().enumerate() {
            *slot = self.number(from + k)?;
        }
        Ok(out)
    }

    /// `double`: like `unrestricted double`, but NaN and infinities throw.
    pub(crate) fn finite(&self, i: usize) -> rquickjs::Result<f64> {
        let v = self.number(i)?;
        if v.is_finite() {
            Ok(v)
        } else {
            Err(self
                .op
                .type_error(&self.ctx, "The provided double value is non-finite."))
        }
    }

    /// `[EnforceRange] long`: NaN, infinities and values outside the
    /// `long` range throw a `TypeError` (with Chromium's messages) instead
    /// of wrapping.
    pub(crate) fn enforce_long(&self, i: usize) -> rquickjs::Result<i32> {
        let v = self.number(i)?;
        let message = if v.is_nan() {
            "Value is not of type 'long'."
        } else if v.is_infinite() {
            "Value is infinite and not of type 'long'."
        } else {
            let t = v.trunc();
            if (i32::MIN as f64..=i32::MAX as f64).contains(&t) {
                return Ok(t as i32);
            }
            "Value is outside the 'long' value range."
        };
        Err(self.op.type_error(&self.ctx, message))
    }

    /// `boolean`.
    pub(crate) fn boolean(&self, i: usize) -> rquickjs::Result<bool> {
        Ok(Coerced::<bool>::from_js(&self.ctx, self.value(i))?.0)
    }

    /// `DOMString`.
    pub(crate) fn string(&self, i: usize) -> rquickjs::Result<String> {
        to_string(&self.ctx, self.value(i))
    }

    /// An IDL enum argument: its string must be one of `parse`'s values,
    /// else `TypeError` (unlike attributes, which ignore bad values).
    pub(crate) fn enumeration<T>(
        &self,
        i: usize,
        type_name: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> rquickjs::Result<T> {
        let s = self.string(i)?;
        parse(&s).ok_or_else(|| {
            self.op.type_error(
                &self.ctx,
                &format!("The provided value '{s}' is not a valid enum value of type {type_name}."),
            )
        })
    }
}

/// JS ToNumber (may run `valueOf`, which may throw).
pub fn to_number<'js>(ctx: &Ctx<'js>, v: Value<'js>) -> rquickjs::Result<f64> {
    Ok(Coerced::<f64>::from_js(ctx, v)?.0)
}

/// JS ToString, lone surrogates as U+FFFD (see [`js_string`]).
pub fn to_string<'js>(ctx: &Ctx<'js>, v: Value<'js>) -> rquickjs::Result<String> {
    js_string(&Coerced::<rquickjs::String>::from_js(ctx, v)?.0)
}

/// A JS string as Rust text. JS strings are UTF-16 and may hold lone
/// surrogates (`'😀'.slice(0, 1)`), which UTF-8 cannot; browsers draw and
/// encode each as U+FFFD, and so does this (`String.prototype.toWellFormed`
/// does exactly that replacement).
pub fn js_string(s: &rquickjs::String<'_>) -> rquickjs::Result<String> {
    match s.to_string() {
        Ok(text) => Ok(text),
        Err(_) => {
            let well_formed: rquickjs::Function<'_> = s.ctx().eval(WELL_FORMED)?;
            let fixed: rquickjs::String<'_> = well_formed.call((s.clone(),))?;
            fixed.to_string()
        }
    }
}

/// `String.prototype.toWellFormed` applied to a string. A page that
/// replaced the method gets its replacement called; what it returns is
/// checked again, so the worst outcome is an exception.
const WELL_FORMED: &str = "(s) => String.prototype.toWellFormed.call(s)";

/// WebIDL `long` from a number: NaN and infinities are 0, otherwise
/// truncated and wrapped modulo 2³² into the signed range.
pub fn to_long(v: f64) -> i32 {
    if !v.is_finite() {
        return 0;
    }
    let t = v.trunc();
    let m = t.rem_euclid(4_294_967_296.0);
    (if m >= 2_147_483_648.0 {
        m - 4_294_967_296.0
    } else {
        m
    }) as i32
}

/// The items of an iterable object (WebIDL sequence conversion): its
/// `@@iterator` must be callable; `Array.from` then walks it.
pub(crate) fn iterate<'js>(
    ctx: &Ctx<'js>,
    obj: &rquickjs::Object<'js>,
) -> rquickjs::Result<Vec<Value<'js>>> {
    let iterator: Value<'js> = obj.get(rquickjs::atom::PredefinedAtom::SymbolIterator)?;
    if !iterator.is_function() {
        return Err(rquickjs::Exception::throw_type(ctx, "not iterable"));
    }
    let array_ctor: rquickjs::Object<'js> = ctx.globals().get("Array")?;
    let from: rquickjs::Function<'js> = array_ctor.get("from")?;
    let array: rquickjs::Array<'js> = from.call((obj.clone(),))?;
    array.iter::<Value<'js>>().collect()
}

/// A `sequence<unrestricted double>` argument: any iterable (arrays are
/// what scripts pass); a non-object is a `TypeError`.
pub(crate) fn sequence_of_numbers(args: &Args<'_>, i: usize) -> rquickjs::Result<Vec<f64>> {
    let v = args.value(i);
    let Some(obj) = v.as_object() else {
        return Err(args.op.type_error(
            &args.ctx,
            "The provided value cannot be converted to a sequence.",
        ));
    };
    let array = iterate(&args.ctx, obj).map_err(|_| {
        args.op.type_error(
            &args.ctx,
            "The object must have a callable @@iterator property.",
        )
    })?;
    array
        .into_iter()
        .map(|item| to_number(&args.ctx, item))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::to_long;

    #[test]
    fn long_conversion_truncates_and_wraps() {
        assert_eq!(to_long(3.9), 3);
        assert_eq!(to_long(-3.9), -3);
        assert_eq!(to_long(f64::NAN), 0);
        assert_eq!(to_long(f64::INFINITY), 0);
        assert_eq!(to_long(4_294_967_296.0 + 5.0), 5);
        assert_eq!(to_long(2_147_483_648.0), i32::MIN);
    }
}
