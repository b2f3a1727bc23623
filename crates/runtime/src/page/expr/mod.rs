//! Markup expressions: the `{{ }}` bindings of `.wxml` / `.axml` / `.ttml`.
//!
//! One parser for every dialect — JavaScript expressions without
//! assignment: literals, names, member and index access, calls (of WXS /
//! SJS module functions only, as the platforms allow), unary `! - +
//! typeof`, arithmetic, comparison, logical operators, the conditional,
//! array and object literals with spread; and the parts only some
//! dialects have ([`Syntax`]): bitwise and shift operators, `**`, `void`,
//! `in`, optional chaining, template literals. A part the file's dialect
//! lacks is a syntax error naming it. Evaluation is JavaScript's, over
//! plain data; a missing name or field is `undefined`, never an error, as
//! the platforms render it.

mod eval;
mod lex;
mod parse;
mod syntax;
pub mod value;

pub use eval::{Env, evaluate};
pub use syntax::Syntax;
pub use value::Value;

/// A parse or evaluation error, at a byte offset of the expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// Byte offset in the expression text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl ExprError {
    pub(crate) fn at(offset: usize, message: impl Into<String>) -> ExprError {
        ExprError {
            offset,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ExprError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A literal.
    Lit(Value),
    /// A name: a loop variable, a data field or a module.
    Name(String),
    /// `object.key` / `object[key]`; `true` for `object?.key` /
    /// `object?.[key]`.
    Member(Box<Expr>, Box<Expr>, bool),
    /// `callee(args)`, with the offset of `(`; `true` for `callee?.(args)`.
    Call(Box<Expr>, Vec<Expr>, usize, bool),
    /// A member / call chain holding an optional link: a nullish value at
    /// that link makes the whole chain `undefined`.
    Chain(Box<Expr>),
    /// `` `text ${expr} text` ``: the pieces (one more than the
    /// substitutions) and the substitutions.
    Template(Vec<String>, Vec<Expr>),
    /// A unary operator.
    Unary(UnOp, Box<Expr>),
    /// A binary or logical operator.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `test ? yes : no`.
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `[a, ...b]`.
    Array(Vec<Item>),
    /// `{a: 1, b, ...c}`.
    Object(Vec<Prop>),
}

/// An array literal element.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `a`.
    One(Expr),
    /// `...a`.
    Spread(Expr),
}

/// An object literal member.
#[derive(Debug, Clone, PartialEq)]
pub enum Prop {
    /// `key: value` (and the shorthand `key`).
    Pair(String, Expr),
    /// `...object`.
    Spread(Expr),
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnOp {
    /// `!`.
    Not,
    /// `-`.
    Neg,
    /// `+`.
    Plus,
    /// `typeof`.
    TypeOf,
    /// `~`.
    BitNot,
    /// `void`.
    Void,
}

/// Binary and logical operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `*`.
    Mul,
    /// `/`.
    Div,
    /// `%`.
    Rem,
    /// `+` (addition or concatenation).
    Add,
    /// `-`.
    Sub,
    /// `<`.
    Lt,
    /// `>`.
    Gt,
    /// `<=`.
    Le,
    /// `>=`.
    Ge,
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `===`.
    StrictEq,
    /// `!==`.
    StrictNe,
    /// `&&`.
    And,
    /// `||`.
    Or,
    /// `??`.
    Nullish,
    /// `&`.
    BitAnd,
    /// `|`.
    BitOr,
    /// `^`.
    BitXor,
    /// `<<`.
    Shl,
    /// `>>`.
    Shr,
    /// `>>>`.
    UShr,
    /// `**` (parsed apart: right-associative).
    Exp,
    /// `in`.
    In,
}

impl BinOp {
    /// The operator a punctuator (or `in`) spells and its precedence
    /// (higher binds tighter), JavaScript's table.
    fn from_punct(p: &str) -> Option<(BinOp, u8)> {
        Some(match p {
            "??" => (BinOp::Nullish, 1),
            "||" => (BinOp::Or, 2),
            "&&" => (BinOp::And, 3),
            "|" => (BinOp::BitOr, 4),
            "^" => (BinOp::BitXor, 5),
            "&" => (BinOp::BitAnd, 6),
            "==" => (BinOp::Eq, 7),
            "!=" => (BinOp::Ne, 7),
            "===" => (BinOp::StrictEq, 7),
            "!==" => (BinOp::StrictNe, 7),
            "<" => (BinOp::Lt, 8),
            ">" => (BinOp::Gt, 8),
            "<=" => (BinOp::Le, 8),
            ">=" => (BinOp::Ge, 8),
            "in" => (BinOp::In, 8),
            "<<" => (BinOp::Shl, 9),
            ">>" => (BinOp::Shr, 9),
            ">>>" => (BinOp::UShr, 9),
            "+" => (BinOp::Add, 10),
            "-" => (BinOp::Sub, 10),
            "*" => (BinOp::Mul, 11),
            "/" => (BinOp::Div, 11),
            "%" => (BinOp::Rem, 11),
            _ => return None,
        })
    }
}

/// Parses one expression (the text between `{{` and `}}`) with every
/// part of the grammar.
pub fn parse(src: &str) -> Result<Expr, ExprError> {
    parse_in(src, &Syntax::FULL)
}

/// Parses one expression with a dialect's grammar.
pub fn parse_in(src: &str, syntax: &Syntax) -> Result<Expr, ExprError> {
    parse::Parser::new(src, syntax, 0)?.expression()
}

/// Parses a template `data` attribute's text: an object literal without
/// its braces (`...item, index: i`).
pub fn parse_object_body(src: &str, syntax: &Syntax) -> Result<Expr, ExprError> {
    parse::Parser::new(src, syntax, 0)?.object_body()
}

/// Attribute or text content split at its `{{ }}` bindings.
#[derive(Debug, Clone, PartialEq)]
pub enum Interpolated {
    /// No binding: the text as written.
    Static(String),
    /// Exactly one binding and nothing else: its value keeps its type.
    Single(Expr),
    /// Text and bindings mixed: the result is a string.
    Mixed(Vec<Part>),
}

/// A piece of mixed text.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// Literal text.
    Text(String),
    /// A binding.
    Expr(Expr),
}

/// Splits `text` at its `{{ }}` bindings and parses each with every part
/// of the grammar. The error offset is into `text`.
pub fn interpolate(text: &str) -> Result<Interpolated, ExprError> {
    interpolate_in(text, &Syntax::FULL)
}

/// [`interpolate`] with a dialect's grammar.
pub fn interpolate_in(text: &str, syntax: &Syntax) -> Result<Interpolated, ExprError> {
    if !text.contains("{{") {
        return Ok(Interpolated::Static(text.to_string()));
    }
    let mut parts = Vec::new();
    let mut rest = text;
    let mut base = 0;
    while let Some(start) = rest.find("{{") {
        if start > 0 {
            parts.push(Part::Text(rest[..start].to_string()));
        }
        let after = &rest[start + 2..];
        let end = closing(after).ok_or_else(|| ExprError::at(base + start, "'{{' without '}}'"))?;
        let inner = &after[..end];
        let e = parse_in(inner, syntax)
            .map_err(|e| ExprError::at(base + start + 2 + e.offset, e.message))?;
        parts.push(Part::Expr(e));
        let consumed = start + 2 + end + 2;
        base += consumed;
        rest = &rest[consumed..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_string()));
    }
    if let [Part::Expr(_)] = parts.as_slice()
        && let Some(Part::Expr(e)) = parts.pop()
    {
        return Ok(Interpolated::Single(e));
    }
    Ok(Interpolated::Mixed(parts))
}

/// The offset of the `}}` closing a binding, skipping `}}` inside strings,
/// template literals and object literals (`{{ {a: {b: 1}} }}`).
fn closing(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let (mut depth, mut quote, mut i) = (0usize, None::<u8>, 0);
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(_) if c == b'\\' => i += 1,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'\'' | b'"' | b'`' => quote = Some(c),
                b'{' => depth += 1,
                b'}' if depth == 0 && b.get(i + 1) == Some(&b'}') => return Some(i),
                b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests;
