//! CSS transform lists (`rotate(30deg) translate(1cm, 2px)`), parsed as the
//! Geometry Interfaces spec parses a `DOMMatrix` string: the grammar of the
//! CSS `transform` property, with lengths in absolute units only (there is
//! no element to resolve `em` or percentages of a box against).
//!
//! Only the syntax is read here; composing the functions into a matrix is
//! the caller's (the `DOMMatrix` classes already have every operation).
//! Tokens, units and math functions (`calc()` …) come from the CSS colour
//! parser, so both read CSS the same way.

use crate::color::parse::{Kind, MAX_NESTING, leaf, math, nesting_depth, split_commas, trim_ws};
use crate::color::token::{Token, component, tokenize};

/// One transform function, normalised: the X/Y/Z/3d forms become their
/// general form. Lengths are in CSS px, angles in degrees.
#[derive(Debug, Clone, PartialEq)]
pub enum TransformFunction {
    /// `matrix()` (6 values, `a b c d e f`) or `matrix3d()` (16, column by column).
    Matrix(Vec<f64>),
    /// `translate…()`: x, y, z.
    Translate(f64, f64, f64),
    /// `scale…()`: x, y, z.
    Scale(f64, f64, f64),
    /// `rotate…()`: the axis (x, y, z) and the angle.
    Rotate(f64, f64, f64, f64),
    /// `skew…()`: the x and y angles.
    Skew(f64, f64),
    /// `perspective()`: the distance, `None` for `perspective(none)`.
    Perspective(Option<f64>),
}

/// A parsed transform list.
#[derive(Debug, Clone, PartialEq)]
pub struct TransformList {
    /// The functions in the order written (`none` and the empty string
    /// give none).
    pub functions: Vec<TransformFunction>,
    /// Whether every function is a 2D one (`DOMMatrix.is2D`): the 3D forms
    /// (`translate3d`, `scaleZ`, `rotateX`, `matrix3d`, `perspective` …) make
    /// the matrix 3D whatever their values.
    pub is_2d: bool,
}

/// Parses `input`; `None` when it is not a transform list this can resolve
/// (a syntax error, a relative length or percentage, a CSS-wide keyword).
pub fn parse(input: &str) -> Option<TransformList> {
    let toks = tokenize(input);
    let toks = trim_ws(&toks);
    if toks.is_empty() {
        return Some(TransformList {
            functions: Vec::new(),
            is_2d: true,
        });
    }
    if let [Token::Ident(id)] = toks {
        return id.eq_ignore_ascii_case("none").then(|| TransformList {
            functions: Vec::new(),
            is_2d: true,
        });
    }
    if nesting_depth(toks) > MAX_NESTING {
        return None;
    }
    let mut list = TransformList {
        functions: Vec::new(),
        is_2d: true,
    };
    let mut i = 0;
    while i < toks.len() {
        if toks[i] == Token::Ws {
            i += 1;
            continue;
        }
        let (end, inner) = component(toks, i);
        let (Token::Function(name), Some(inner)) = (&toks[i], inner) else {
            return None;
        };
        // A function left open at the end of input is closed by it (CSS
        // Syntax), as Chromium's parser does.
        let (function, three_d) = function(&name.to_ascii_lowercase(), inner)?;
        list.functions.push(function);
        list.is_2d &= !three_d;
        i = end;
    }
    Some(list)
}

/// What an argument may be.
#[derive(Clone, Copy)]
enum Arg {
    Number,
    /// A number or a percentage (`scale()`): 50% is 0.5.
    NumberOrPercent,
    /// An absolute length or a unitless 0.
    Length,
    /// A length in the plane (`translate()`'s x and y): clamped to the
    /// range a layout length can hold, as Chromium's `Length` is.
    PlaneLength,
    /// An angle or a unitless 0.
    Angle,
}

/// One function: its normal form and whether it is a 3D function.
fn function(name: &str, inner: &[Token]) -> Option<(TransformFunction, bool)> {
    use Arg::*;
    use TransformFunction as F;
    let args = arguments(inner)?;
    let n = args.len();
    let get = |k: usize, kind: Arg| value(args[k], kind);
    Some(match (name, n) {
        ("matrix", 6) => (F::Matrix(all(&args, Number)?), false),
        ("matrix3d", 16) => (F::Matrix(all(&args, Number)?), true),
        ("translate", 1) => (F::Translate(get(0, PlaneLength)?, 0.0, 0.0), false),
        ("translate", 2) => (
            F::Translate(get(0, PlaneLength)?, get(1, PlaneLength)?, 0.0),
            false,
        ),
        ("translatex", 1) => (F::Translate(get(0, PlaneLength)?, 0.0, 0.0), false),
        ("translatey", 1) => (F::Translate(0.0, get(0, PlaneLength)?, 0.0), false),
        ("translatez", 1) => (F::Translate(0.0, 0.0, get(0, Length)?), true),
        ("translate3d", 3) => {
            let v = (get(0, PlaneLength)?, get(1, PlaneLength)?, get(2, Length)?);
            (F::Translate(v.0, v.1, v.2), true)
        }
        ("scale", 1) => {
            let s = get(0, NumberOrPercent)?;
            (F::Scale(s, s, 1.0), false)
        }
        ("scale", 2) => (
            F::Scale(get(0, NumberOrPercent)?, get(1, NumberOrPercent)?, 1.0),
            false,
        ),
        ("scalex", 1) => (F::Scale(get(0, NumberOrPercent)?, 1.0, 1.0), false),
        ("scaley", 1) => (F::Scale(1.0, get(0, NumberOrPercent)?, 1.0), false),
        ("scalez", 1) => (F::Scale(1.0, 1.0, get(0, NumberOrPercent)?), true),
        ("scale3d", 3) => {
            let s = all(&args, NumberOrPercent)?;
            (F::Scale(s[0], s[1], s[2]), true)
        }
        ("rotate", 1) => (F::Rotate(0.0, 0.0, 1.0, get(0, Angle)?), false),
        ("rotatez", 1) => (F::Rotate(0.0, 0.0, 1.0, get(0, Angle)?), true),
        ("rotatex", 1) => (F::Rotate(1.0, 0.0, 0.0, get(0, Angle)?), true),
        ("rotatey", 1) => (F::Rotate(0.0, 1.0, 0.0, get(0, Angle)?), true),
        ("rotate3d", 4) => {
            let v = (get(0, Number)?, get(1, Number)?, get(2, Number)?);
            (F::Rotate(v.0, v.1, v.2, get(3, Angle)?), true)
        }
        ("skew", 1) => (F::Skew(get(0, Angle)?, 0.0), false),
        ("skew", 2) => (F::Skew(get(0, Angle)?, get(1, Angle)?), false),
        ("skewx", 1) => (F::Skew(get(0, Angle)?, 0.0), false),
        ("skewy", 1) => (F::Skew(0.0, get(0, Angle)?), false),
        ("perspective", 1) => {
            let none = matches!(args[0], [Token::Ident(id)] if id.eq_ignore_ascii_case("none"));
            let d = if none { None } else { Some(get(0, Length)?) };
            if d.is_some_and(|d| d < 0.0) {
                return None;
            }
            (F::Perspective(d), true)
        }
        _ => return None,
    })
}

/// The comma-separated arguments, each trimmed; `None` if one is empty.
fn arguments(inner: &[Token]) -> Option<Vec<&[Token]>> {
    let args: Vec<&[Token]> = split_commas(inner).into_iter().map(trim_ws).collect();
    (!args.iter().any(|a| a.is_empty())).then_some(args)
}

fn all(args: &[&[Token]], kind: Arg) -> Option<Vec<f64>> {
    args.iter().map(|a| value(a, kind)).collect()
}

/// One argument: a single token or math function of the allowed type.
fn value(arg: &[Token], want: Arg) -> Option<f64> {
    let (end, inner) = component(arg, 0);
    if end != arg.len() {
        return None;
    }
    let q = match (&arg[0], inner) {
        (Token::Function(f), Some(inner)) => math(f, inner)?,
        (tok, None) => leaf(tok)?,
        _ => return None,
    };
    // A literal past single precision's range is its largest value (CSS
    // numbers are floats in Chromium: `matrix(1e300, …)` has 3.4e38).
    let mut q = q;
    if inner.is_none() {
        q.v = q.v.clamp(-F32_MAX, F32_MAX);
    }
    // Unitless 0 stands for a length or angle; calc(0) does not.
    let zero = matches!(arg, [Token::Number(v)] if *v == 0.0);
    let v = match (want, q.kind) {
        (Arg::Number, Kind::Number) => q.v,
        // scale() keeps its factors in single precision.
        (Arg::NumberOrPercent, Kind::Number) => single(q.v),
        (Arg::NumberOrPercent, Kind::Percent) => single(q.v / 100.0),
        // Chromium keeps lengths in single precision (1cm is 37.79527664…).
        (Arg::Length, Kind::Length) => single(q.v),
        (Arg::PlaneLength, Kind::Length) => single(if q.v.is_nan() {
            0.0
        } else {
            q.v.clamp(MIN_PLANE_LENGTH, MAX_PLANE_LENGTH)
        }),
        (Arg::Angle, Kind::Angle) => q.v,
        (Arg::Length | Arg::PlaneLength | Arg::Angle, Kind::Number) if zero => 0.0,
        _ => return None,
    };
    Some(v)
}

const F32_MAX: f64 = f32::MAX as f64;
/// The range of a layout length in Chromium: its fixed-point `LayoutUnit`
/// (32 bits, 1/64 px) less a margin of 2 px, so `translate(1e10px)` is
/// 33554428 there (33554429 in single precision).
const MAX_PLANE_LENGTH: f64 = (i32::MAX / 64 - 2) as f64;
const MIN_PLANE_LENGTH: f64 = (i32::MIN / 64 + 2) as f64;

/// `v` in single precision, NaN as 0 and out-of-range values saturated.
fn single(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        v.clamp(-F32_MAX, F32_MAX) as f32 as f64
    }
}

#[cfg(test)]
mod tests {
    use super::TransformFunction as F;
    use super::*;

    fn functions(s: &str) -> Option<Vec<TransformFunction>> {
        parse(s).map(|l| l.functions)
    }

    #[test]
    fn each_function_takes_its_argument_types() {
        assert_eq!(
            functions("translate(1in, 2cm)"),
            Some(vec![F::Translate(
                96.0,
                (2.0 * 96.0 / 2.54) as f32 as f64,
                0.0
            )])
        );
        assert_eq!(functions("scale(50%)"), Some(vec![F::Scale(0.5, 0.5, 1.0)]));
        assert_eq!(
            functions("rotate(0.25turn)"),
            Some(vec![F::Rotate(0.0, 0.0, 1.0, 90.0)])
        );
        assert_eq!(
            functions("skew(0, 100grad)"),
            Some(vec![F::Skew(0.0, 90.0)])
        );
        assert_eq!(
            functions("translate(calc(1px + 2px))"),
            Some(vec![F::Translate(3.0, 0.0, 0.0)])
        );
    }

    #[test]
    fn relative_units_and_wrong_types_fail() {
        for s in [
            "translate(1em)",
            "translate(10%)",
            "translate(5)",
            "rotate(45)",
            "scale(1px)",
            "inherit",
            "none none",
            "translate(1px,)",
            "matrix(1,2,3,4,5)",
            "perspective(-1px)",
            "translate(1px 2px)",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
    }

    #[test]
    fn huge_values_saturate_as_chromium_keeps_them() {
        // Translations in the plane stop at Chromium's layout-length limit;
        // depth, perspective and numbers at single precision's largest.
        assert_eq!(
            functions("translate(1e400px, -1e10px) translateZ(1e400px) scale(1e39)"),
            Some(vec![
                F::Translate(33554428.0, -33554430.0, 0.0),
                F::Translate(0.0, 0.0, f32::MAX as f64),
                F::Scale(f32::MAX as f64, f32::MAX as f64, 1.0),
            ])
        );
        assert_eq!(
            functions("matrix(1e300, 0, 0, 1.0000001, 0, 0)"),
            Some(vec![F::Matrix(vec![
                f32::MAX as f64,
                0.0,
                0.0,
                1.0000001,
                0.0,
                0.0
            ])])
        );
        assert_eq!(
            functions("translate(calc(NaN * 1px))"),
            Some(vec![F::Translate(0.0, 0.0, 0.0)])
        );
    }

    #[test]
    fn three_d_functions_clear_the_2d_flag() {
        assert!(parse("rotate(5deg) scaleX(2)").is_some_and(|l| l.is_2d));
        assert!(parse("translateZ(0)").is_some_and(|l| !l.is_2d));
        assert!(parse("").is_some_and(|l| l.is_2d && l.functions.is_empty()));
    }
}
