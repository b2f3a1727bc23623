//! Parsing: keywords and hex directly, colour functions via CSS tokens.

use super::token::{Token, component, tokenize};
use super::{Color, Space, named};

/// A channel as written, before per-space scaling.
#[derive(Debug, Clone, Copy)]
enum Chan {
    None,
    Num(f64),
    Pct(f64),
}

/// Parses a canvas colour string the way Chromium's canvas style setter does.
pub(super) fn parse(input: &str) -> Option<Color> {
    // Keywords take a fast path on the whitespace-trimmed string, without
    // tokenizing: Chromium rejects escapes and comments around them.
    let trimmed = input.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}'));
    if let Some([r, g, b, a]) = named::lookup(trimmed) {
        return Some(Color::rgba8(r, g, b, a));
    }
    let toks = tokenize(input);
    let toks = trim_ws(&toks);
    if toks.is_empty() || nesting_depth(toks) > MAX_NESTING {
        return None;
    }
    let (end, inner) = component(toks, 0);
    if end != toks.len() {
        return None;
    }
    match (&toks[0], inner) {
        (Token::Hash(h), None) => hex(h),
        (Token::Function(name), Some(inner)) => function(name, inner),
        _ => None,
    }
}

/// Deeper block nesting is rejected. Chromium's limit (observed: 101 blocks
/// including the colour function); it also keeps the recursive math parser
/// from exhausting the stack on hostile input.
pub(crate) const MAX_NESTING: usize = 101;

pub(crate) fn nesting_depth(toks: &[Token]) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for t in toks {
        match t {
            Token::Function(_) | Token::OpenParen | Token::OpenOther(_) => depth += 1,
            Token::CloseParen | Token::CloseOther(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        max = max.max(depth);
    }
    max
}

pub(crate) fn trim_ws(toks: &[Token]) -> &[Token] {
    let start = toks
        .iter()
        .position(|t| *t != Token::Ws)
        .unwrap_or(toks.len());
    let end = toks
        .iter()
        .rposition(|t| *t != Token::Ws)
        .map_or(start, |e| e + 1);
    &toks[start..end]
}

/// `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`.
fn hex(h: &str) -> Option<Color> {
    let digits: Vec<u8> = h
        .chars()
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    let pair = |i: usize| digits[i] * 16 + digits[i + 1];
    let [r, g, b, a] = match digits.len() {
        3 | 4 => {
            let d = |i: usize| digits.get(i).map_or(255, |v| v * 17);
            [d(0), d(1), d(2), d(3)]
        }
        6 => [pair(0), pair(2), pair(4), 255],
        8 => [pair(0), pair(2), pair(4), pair(6)],
        _ => return None,
    };
    Some(Color::rgba8(r, g, b, a))
}

/// A cursor over the component values inside a function.
struct Args<'a> {
    toks: &'a [Token],
    i: usize,
}

impl<'a> Args<'a> {
    fn skip_ws(&mut self) {
        while self.toks.get(self.i) == Some(&Token::Ws) {
            self.i += 1;
        }
    }

    /// The next component (token, and inner tokens if it is a block).
    fn next(&mut self) -> Option<(&'a Token, Option<&'a [Token]>)> {
        self.skip_ws();
        let tok = self.toks.get(self.i)?;
        let (end, inner) = component(self.toks, self.i);
        self.i = end;
        Some((tok, inner))
    }

    /// Consumes `want` (after optional whitespace) if it comes next.
    fn eat(&mut self, want: &Token) -> bool {
        let save = self.i;
        self.skip_ws();
        if self.toks.get(self.i) == Some(want) {
            self.i += 1;
            return true;
        }
        self.i = save;
        false
    }

    fn at_end(&mut self) -> bool {
        self.skip_ws();
        self.i >= self.toks.len()
    }
}

fn function(name: &str, inner: &[Token]) -> Option<Color> {
    let name = name.to_ascii_lowercase();
    let mut args = Args { toks: inner, i: 0 };
    let space = match name.as_str() {
        "rgb" | "rgba" => Space::Rgb,
        "hsl" | "hsla" => Space::Hsl,
        "hwb" => Space::Hwb,
        "lab" => Space::Lab,
        "lch" => Space::Lch,
        "oklab" => Space::Oklab,
        "oklch" => Space::Oklch,
        "color" => predefined_space(&mut args)?,
        _ => return None,
    };
    let (chans, alpha, legacy) = channels(&mut args, space)?;
    if legacy && !legacy_ok(space, &chans, alpha) {
        return None;
    }
    let alpha = alpha.map(alpha_value);
    let vals = [0, 1, 2].map(|i| scale(space, i, chans[i]));
    Some(Color::from_channels(space, vals, alpha, legacy))
}

/// The colour space argument of `color()`.
fn predefined_space(args: &mut Args<'_>) -> Option<Space> {
    let Some((Token::Ident(id), None)) = args.next() else {
        return None;
    };
    Some(match id.to_ascii_lowercase().as_str() {
        "srgb" => Space::Srgb,
        "srgb-linear" => Space::SrgbLinear,
        "display-p3" => Space::DisplayP3,
        "a98-rgb" => Space::A98Rgb,
        "prophoto-rgb" => Space::ProPhoto,
        "rec2020" => Space::Rec2020,
        "xyz" | "xyz-d65" => Space::XyzD65,
        "xyz-d50" => Space::XyzD50,
        _ => return None,
    })
}

/// Three channels, separators and the optional alpha. The first separator
/// decides between legacy (commas) and modern (spaces, `/ alpha`) syntax.
fn channels(args: &mut Args<'_>, space: Space) -> Option<([Chan; 3], Option<Chan>, bool)> {
    let mut chans = [Chan::None; 3];
    let mut legacy = None;
    for (i, slot) in chans.iter_mut().enumerate() {
        *slot = channel(args, space.is_hue(i))?;
        if i < 2 {
            let comma = args.eat(&Token::Comma);
            if *legacy.get_or_insert(comma) != comma {
                return None;
            }
        }
    }
    let legacy = legacy.unwrap_or(false);
    let sep = if legacy {
        Token::Comma
    } else {
        Token::Delim('/')
    };
    let alpha = if args.eat(&sep) {
        Some(channel(args, false)?)
    } else {
        None
    };
    args.at_end().then_some((chans, alpha, legacy))
}

/// Legacy (comma) syntax: rgb() or hsl() only, no `none`, rgb channels all
/// numbers or all percentages, hsl saturation and lightness percentages.
fn legacy_ok(space: Space, chans: &[Chan; 3], alpha: Option<Chan>) -> bool {
    let none = |c: &Chan| matches!(c, Chan::None);
    if chans.iter().any(none) || alpha.as_ref().is_some_and(none) {
        return false;
    }
    let pct = |c: &Chan| matches!(c, Chan::Pct(_));
    match space {
        Space::Rgb => chans.iter().all(pct) || !chans.iter().any(pct),
        Space::Hsl => pct(&chans[1]) && pct(&chans[2]),
        _ => false,
    }
}

/// One channel: `none`, a number, a percentage, or (for hues) an angle in
/// degrees. Math functions count as whatever type they resolve to.
fn channel(args: &mut Args<'_>, hue: bool) -> Option<Chan> {
    let q = match args.next()? {
        (Token::Ident(id), None) if id.eq_ignore_ascii_case("none") => return Some(Chan::None),
        (Token::Function(f), Some(inner)) => math(f, inner)?,
        (tok, None) => leaf(tok)?,
        _ => return None,
    };
    match q.kind {
        Kind::Number => Some(Chan::Num(q.v)),
        Kind::Percent if !hue => Some(Chan::Pct(q.v)),
        Kind::Angle if hue => Some(Chan::Num(q.v)),
        _ => None,
    }
}

/// Scales a channel to the value the colour space stores (still f64).
fn scale(space: Space, i: usize, c: Chan) -> Option<f64> {
    match c {
        Chan::None => None,
        Chan::Num(v) => Some(v),
        Chan::Pct(p) => Some(p / 100.0 * space.percent_base(i)),
    }
}

/// Resolves an alpha channel to 0..=1 (NaN counts as 0); `None` = `none`.
fn alpha_value(c: Chan) -> Option<f64> {
    let v = match c {
        Chan::None => return None,
        Chan::Num(v) => v,
        Chan::Pct(p) => p / 100.0,
    };
    Some(if v.is_nan() { 0.0 } else { v.clamp(0.0, 1.0) })
}

// ---- math functions (calc() and friends) ----

/// The type of a math value; percentages stay separate as Chromium keeps them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Kind {
    Number,
    Percent,
    Angle,
    Length,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Q {
    pub(crate) v: f64,
    pub(crate) kind: Kind,
}

/// A plain token as a math value; angles in degrees, lengths in px.
pub(crate) fn leaf(tok: &Token) -> Option<Q> {
    let q = |v, kind| Some(Q { v, kind });
    match tok {
        Token::Number(v) => q(*v, Kind::Number),
        Token::Percentage(v) => q(*v, Kind::Percent),
        Token::Dimension(v, unit) => {
            let (factor, kind) = unit_factor(&unit.to_ascii_lowercase())?;
            q(v * factor, kind)
        }
        _ => None,
    }
}

fn unit_factor(unit: &str) -> Option<(f64, Kind)> {
    Some(match unit {
        "deg" => (1.0, Kind::Angle),
        "grad" => (0.9, Kind::Angle),
        "rad" => (180.0 / std::f64::consts::PI, Kind::Angle),
        "turn" => (360.0, Kind::Angle),
        "px" => (1.0, Kind::Length),
        "in" => (96.0, Kind::Length),
        "cm" => (96.0 / 2.54, Kind::Length),
        "mm" => (96.0 / 25.4, Kind::Length),
        "q" => (96.0 / 101.6, Kind::Length),
        "pt" => (96.0 / 72.0, Kind::Length),
        "pc" => (16.0, Kind::Length),
        _ => return None,
    })
}

/// Evaluates a math function block: calc, min, max, clamp, abs, sign.
pub(crate) fn math(name: &str, inner: &[Token]) -> Option<Q> {
    let args = split_commas(inner);
    let name = name.to_ascii_lowercase();
    let sums: Vec<Option<Q>> = args.iter().map(|a| whole_sum(a)).collect();
    match (name.as_str(), sums.as_slice()) {
        ("calc", [a]) => *a,
        ("abs", [a]) => a.map(|q| Q { v: q.v.abs(), ..q }),
        ("sign", [a]) => a.map(|q| Q {
            v: sign(q.v),
            kind: Kind::Number,
        }),
        ("min", list) if !list.is_empty() => fold(list, f64::min),
        ("max", list) if !list.is_empty() => fold(list, f64::max),
        ("clamp", [_, v, _]) => clamp(&args, (*v)?),
        _ => None,
    }
}

fn sign(v: f64) -> f64 {
    if v == 0.0 || v.is_nan() {
        v
    } else {
        v.signum()
    }
}

/// min()/max(): all arguments must share one type.
fn fold(list: &[Option<Q>], f: fn(f64, f64) -> f64) -> Option<Q> {
    let first = list[0]?;
    list[1..].iter().try_fold(first, |acc, q| {
        let q = (*q)?;
        (q.kind == acc.kind).then(|| Q {
            v: f(acc.v, q.v),
            ..acc
        })
    })
}

/// clamp(min, value, max), where either bound may be `none`.
fn clamp(args: &[&[Token]], v: Q) -> Option<Q> {
    let bound = |a: &[Token]| -> Option<Option<Q>> {
        match trim_ws(a) {
            [Token::Ident(id)] if id.eq_ignore_ascii_case("none") => Some(None),
            _ => whole_sum(a).filter(|q| q.kind == v.kind).map(Some),
        }
    };
    let lo = bound(args[0])?;
    let hi = bound(args[2])?;
    let mut r = v.v;
    if let Some(hi) = hi {
        r = r.min(hi.v);
    }
    if let Some(lo) = lo {
        r = r.max(lo.v);
    }
    Some(Q { v: r, ..v })
}

/// Splits a block's tokens at top-level commas.
pub(crate) fn split_commas(toks: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < toks.len() {
        if toks[i] == Token::Comma {
            out.push(&toks[start..i]);
            start = i + 1;
        }
        i = component(toks, i).0;
    }
    out.push(&toks[start..]);
    out
}

/// A calc sum that must use up all of `toks`.
fn whole_sum(toks: &[Token]) -> Option<Q> {
    let mut a = Args { toks, i: 0 };
    let q = sum(&mut a)?;
    a.at_end().then_some(q)
}

/// `product [ ws (+|-) ws product ]*`: + and - need whitespace both sides.
fn sum(a: &mut Args<'_>) -> Option<Q> {
    let mut acc = product(a)?;
    loop {
        let save = a.i;
        let op = match (a.toks.get(a.i), a.toks.get(a.i + 1), a.toks.get(a.i + 2)) {
            (Some(Token::Ws), Some(Token::Delim(c @ ('+' | '-'))), Some(Token::Ws)) => *c,
            _ => return Some(acc),
        };
        a.i += 2;
        let Some(rhs) = product(a).filter(|r| r.kind == acc.kind) else {
            a.i = save;
            return None;
        };
        acc.v = if op == '+' {
            acc.v + rhs.v
        } else {
            acc.v - rhs.v
        };
    }
}

/// `value [ (*|/) value ]*`.
fn product(a: &mut Args<'_>) -> Option<Q> {
    let mut acc = value(a)?;
    loop {
        let save = a.i;
        a.skip_ws();
        let op = match a.toks.get(a.i) {
            Some(Token::Delim(c @ ('*' | '/'))) => *c,
            _ => {
                a.i = save;
                return Some(acc);
            }
        };
        a.i += 1;
        let rhs = value(a)?;
        acc = if op == '*' {
            mul(acc, rhs)?
        } else {
            div(acc, rhs)?
        };
    }
}

fn mul(a: Q, b: Q) -> Option<Q> {
    let kind = match (a.kind, b.kind) {
        (Kind::Number, k) | (k, Kind::Number) => k,
        _ => return None,
    };
    Some(Q { v: a.v * b.v, kind })
}

fn div(a: Q, b: Q) -> Option<Q> {
    let kind = match (a.kind, b.kind) {
        (k, Kind::Number) => k,
        (x, y) if x == y => Kind::Number,
        _ => return None,
    };
    Some(Q { v: a.v / b.v, kind })
}

/// A number, dimension, percentage, constant, `( sum )` or nested function.
fn value(a: &mut Args<'_>) -> Option<Q> {
    match a.next()? {
        (Token::Ident(id), None) => constant(id),
        (Token::OpenParen, Some(inner)) => whole_sum(inner),
        (Token::Function(f), Some(inner)) => math(f, inner),
        (tok, None) => leaf(tok),
        _ => None,
    }
}

fn constant(id: &str) -> Option<Q> {
    let v = match id.to_ascii_lowercase().as_str() {
        "e" => std::f64::consts::E,
        "pi" => std::f64::consts::PI,
        "infinity" => f64::INFINITY,
        "-infinity" => f64::NEG_INFINITY,
        "nan" => f64::NAN,
        _ => return None,
    };
    Some(Q {
        v,
        kind: Kind::Number,
    })
}
