//! Precedence-climbing parser for markup expressions: JavaScript's
//! expression grammar as WXML / AXML / TTML bindings use it.

use super::lex::{Tok, Token, tokens};
use super::{BinOp, Expr, ExprError, Item, Prop, Syntax, UnOp, Value};

/// Nesting deeper than this is refused (no stack overflow on hostile input).
const MAX_DEPTH: usize = 64;

pub(super) struct Parser<'s> {
    toks: Vec<Token>,
    pos: usize,
    end: usize,
    depth: usize,
    syntax: &'s Syntax,
}

impl<'s> Parser<'s> {
    /// A parser over `src` starting `depth` levels deep (template
    /// literal substitutions are parsed by a parser of their own).
    pub(super) fn new(
        src: &str,
        syntax: &'s Syntax,
        depth: usize,
    ) -> Result<Parser<'s>, ExprError> {
        Ok(Parser {
            toks: tokens(src)?,
            pos: 0,
            end: src.len(),
            depth,
            syntax,
        })
    }

    /// An error unless the grammar has a part (`has`), spelled `what`.
    fn allow(&self, has: bool, what: &str) -> Result<(), ExprError> {
        if has {
            Ok(())
        } else {
            Err(ExprError::at(self.at(), self.syntax.lacks(what)))
        }
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.kind)
    }

    fn at(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end, |t| t.at)
    }

    fn is(&self, p: &str) -> bool {
        matches!(self.peek(), Some(Tok::Punct(q)) if *q == p)
    }

    fn eat(&mut self, p: &str) -> bool {
        let hit = self.is(p);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn expect(&mut self, p: &str) -> Result<(), ExprError> {
        if self.eat(p) {
            Ok(())
        } else {
            Err(self.unexpected(&format!("'{p}'")))
        }
    }

    fn unexpected(&self, wanted: &str) -> ExprError {
        let found = match self.peek() {
            None => "the end".to_string(),
            Some(Tok::Number(n)) => format!("{n}"),
            Some(Tok::Str(s)) => format!("'{s}'"),
            Some(Tok::Ident(s)) => format!("'{s}'"),
            Some(Tok::Punct(p)) => format!("'{p}'"),
            Some(Tok::Template(..)) => "a template literal".to_string(),
        };
        ExprError::at(self.at(), format!("expected {wanted}, found {found}"))
    }

    /// The whole input as one expression.
    pub(super) fn expression(mut self) -> Result<Expr, ExprError> {
        let e = self.conditional()?;
        self.finish()?;
        Ok(e)
    }

    /// The whole input as the body of an object literal (`...a, b: 1`),
    /// as template `data` attributes write it; a single non-object
    /// expression is accepted as is.
    pub(super) fn object_body(mut self) -> Result<Expr, ExprError> {
        let start = self.pos;
        if let Ok(props) = self.props(None)
            && self.pos == self.toks.len()
        {
            return Ok(Expr::Object(props));
        }
        self.pos = start;
        self.expression()
    }

    fn finish(&self) -> Result<(), ExprError> {
        if self.pos < self.toks.len() {
            return Err(self.unexpected("the end of the expression"));
        }
        Ok(())
    }

    fn nest(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError::at(self.at(), "expression nested too deeply"));
        }
        Ok(())
    }

    fn conditional(&mut self) -> Result<Expr, ExprError> {
        self.nest()?;
        let test = self.binary(0)?;
        let e = if self.eat("?") {
            let yes = self.conditional()?;
            self.expect(":")?;
            let no = self.conditional()?;
            Expr::Cond(Box::new(test), Box::new(yes), Box::new(no))
        } else {
            test
        };
        self.depth -= 1;
        Ok(e)
    }

    fn binary(&mut self, min: u8) -> Result<Expr, ExprError> {
        let mut left = self.exponent()?;
        loop {
            let (op, prec) = match self.peek() {
                Some(Tok::Punct(p)) => match BinOp::from_punct(p) {
                    Some(found) => found,
                    None => break,
                },
                Some(Tok::Ident(k)) if k == "in" => (BinOp::In, 8),
                _ => break,
            };
            if prec < min {
                break;
            }
            let s = self.syntax;
            match op {
                BinOp::Nullish => self.allow(s.nullish, "'??'")?,
                BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => {
                    self.allow(s.bitwise, "a bitwise operator")?
                }
                BinOp::Shl | BinOp::Shr | BinOp::UShr => {
                    self.allow(s.shifts, "a shift operator")?
                }
                BinOp::In => self.allow(s.in_operator, "'in'")?,
                _ => {}
            }
            self.pos += 1;
            self.nest()?;
            let right = self.binary(prec + 1)?;
            self.depth -= 1;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    /// `a ** b`, right-associative; a unary operand before `**` needs
    /// parentheses, as in JavaScript.
    fn exponent(&mut self) -> Result<Expr, ExprError> {
        let unary_first = matches!(self.peek(), Some(Tok::Punct("!" | "-" | "+" | "~")))
            || matches!(self.peek(), Some(Tok::Ident(k)) if k == "typeof" || k == "void");
        let base = self.unary()?;
        if !self.is("**") {
            return Ok(base);
        }
        self.allow(self.syntax.exponent, "'**'")?;
        if unary_first {
            return Err(ExprError::at(
                self.at(),
                "a unary operator before '**' needs parentheses",
            ));
        }
        self.pos += 1;
        self.nest()?;
        let power = self.exponent()?;
        self.depth -= 1;
        Ok(Expr::Binary(BinOp::Exp, Box::new(base), Box::new(power)))
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        let op = match self.peek() {
            Some(Tok::Punct("!")) => Some(UnOp::Not),
            Some(Tok::Punct("-")) => Some(UnOp::Neg),
            Some(Tok::Punct("+")) => Some(UnOp::Plus),
            Some(Tok::Punct("~")) => Some(UnOp::BitNot),
            Some(Tok::Ident(s)) if s == "typeof" => Some(UnOp::TypeOf),
            Some(Tok::Ident(s)) if s == "void" => Some(UnOp::Void),
            _ => None,
        };
        match op {
            Some(op) => {
                let s = self.syntax;
                match op {
                    UnOp::TypeOf => self.allow(s.type_of, "'typeof'")?,
                    UnOp::BitNot => self.allow(s.bitwise, "a bitwise operator")?,
                    UnOp::Void => self.allow(s.void, "'void'")?,
                    _ => {}
                }
                self.pos += 1;
                self.nest()?;
                let e = self.unary()?;
                self.depth -= 1;
                Ok(Expr::Unary(op, Box::new(e)))
            }
            None => self.postfix(),
        }
    }

    fn postfix(&mut self) -> Result<Expr, ExprError> {
        let mut e = self.primary()?;
        let mut chained = false;
        loop {
            let optional = self.is("?.");
            if optional {
                self.allow(self.syntax.optional_chaining, "optional chaining '?.'")?;
                self.pos += 1;
                chained = true;
            }
            if self.eat(".") || (optional && matches!(self.peek(), Some(Tok::Ident(_)))) {
                match self.peek().cloned() {
                    Some(Tok::Ident(name)) => {
                        self.pos += 1;
                        let key = Expr::Lit(Value::String(name));
                        e = Expr::Member(Box::new(e), Box::new(key), optional);
                    }
                    _ => return Err(self.unexpected("a field name")),
                }
            } else if self.eat("[") {
                let key = self.conditional()?;
                self.expect("]")?;
                e = Expr::Member(Box::new(e), Box::new(key), optional);
            } else if self.is("(") {
                let at = self.at();
                self.pos += 1;
                let mut args = Vec::new();
                while !self.eat(")") {
                    args.push(self.conditional()?);
                    if !self.eat(",") {
                        self.expect(")")?;
                        break;
                    }
                }
                e = Expr::Call(Box::new(e), args, at, optional);
            } else if optional {
                return Err(self.unexpected("a field name, '[' or '(' after '?.'"));
            } else if let Some(Tok::Template(..)) = self.peek() {
                return Err(ExprError::at(
                    self.at(),
                    "tagged template literals are not bindings",
                ));
            } else {
                return Ok(if chained { Expr::Chain(Box::new(e)) } else { e });
            }
        }
    }

    fn primary(&mut self) -> Result<Expr, ExprError> {
        let Some(tok) = self.peek().cloned() else {
            return Err(self.unexpected("a value"));
        };
        self.pos += 1;
        Ok(match tok {
            Tok::Number(n) => Expr::Lit(Value::Number(n)),
            Tok::Str(s) => Expr::Lit(Value::String(s)),
            Tok::Ident(name) => match name.as_str() {
                "true" => Expr::Lit(Value::Bool(true)),
                "false" => Expr::Lit(Value::Bool(false)),
                "null" => Expr::Lit(Value::Null),
                "undefined" => Expr::Lit(Value::Undefined),
                _ => Expr::Name(name),
            },
            Tok::Template(quasis, sources) => {
                self.pos -= 1;
                self.allow(self.syntax.template_literals, "a template literal")?;
                self.pos += 1;
                let mut exprs = Vec::new();
                for (src, at) in sources {
                    self.nest()?;
                    let sub = Parser::new(&src, self.syntax, self.depth)
                        .and_then(Parser::expression)
                        .map_err(|e| ExprError::at(at + e.offset, e.message))?;
                    self.depth -= 1;
                    exprs.push(sub);
                }
                Expr::Template(quasis, exprs)
            }
            Tok::Punct("(") => {
                let e = self.conditional()?;
                self.expect(")")?;
                e
            }
            Tok::Punct("[") => {
                self.nest()?;
                let mut items = Vec::new();
                while !self.eat("]") {
                    if self.eat("...") {
                        items.push(Item::Spread(self.conditional()?));
                    } else {
                        items.push(Item::One(self.conditional()?));
                    }
                    if !self.eat(",") {
                        self.expect("]")?;
                        break;
                    }
                }
                self.depth -= 1;
                Expr::Array(items)
            }
            Tok::Punct("{") => {
                self.nest()?;
                let props = self.props(Some("}"))?;
                self.depth -= 1;
                Expr::Object(props)
            }
            _ => {
                self.pos -= 1;
                return Err(self.unexpected("a value"));
            }
        })
    }

    /// Object members up to `close` (or the end of input when `None`).
    fn props(&mut self, close: Option<&str>) -> Result<Vec<Prop>, ExprError> {
        let mut props = Vec::new();
        let done = |p: &mut Parser| match close {
            Some(c) => p.eat(c),
            None => p.pos == p.toks.len(),
        };
        while !done(self) {
            if self.eat("...") {
                props.push(Prop::Spread(self.conditional()?));
            } else {
                let key = match self.peek().cloned() {
                    Some(Tok::Ident(k)) | Some(Tok::Str(k)) => k,
                    Some(Tok::Number(n)) => super::value::number_to_string(n),
                    _ => return Err(self.unexpected("a field name")),
                };
                let shorthand = matches!(self.peek(), Some(Tok::Ident(_)));
                self.pos += 1;
                if self.eat(":") {
                    props.push(Prop::Pair(key, self.conditional()?));
                } else if shorthand {
                    props.push(Prop::Pair(key.clone(), Expr::Name(key)));
                } else {
                    return Err(self.unexpected("':'"));
                }
            }
            if !self.eat(",") {
                match close {
                    Some(c) => self.expect(c)?,
                    None => self.finish()?,
                }
                break;
            }
        }
        Ok(props)
    }
}
