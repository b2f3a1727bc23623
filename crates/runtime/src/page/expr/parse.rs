//! Precedence-climbing parser for markup expressions: JavaScript's
//! expression grammar as WXML / AXML / TTML bindings use it.

use super::lex::{Tok, Token, tokens};
use super::{BinOp, Expr, ExprError, Item, Prop, UnOp, Value};

/// Nesting deeper than this is refused (no stack overflow on hostile input).
const MAX_DEPTH: usize = 64;

pub(super) struct Parser {
    toks: Vec<Token>,
    pos: usize,
    end: usize,
    depth: usize,
}

impl Parser {
    pub(super) fn new(src: &str) -> Result<Parser, ExprError> {
        Ok(Parser {
            toks: tokens(src)?,
            pos: 0,
            end: src.len(),
            depth: 0,
        })
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
        let mut left = self.unary()?;
        while let Some(Tok::Punct(p)) = self.peek() {
            let Some((op, prec)) = BinOp::from_punct(p) else {
                break;
            };
            if prec < min {
                break;
            }
            self.pos += 1;
            let right = self.binary(prec + 1)?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        let op = match self.peek() {
            Some(Tok::Punct("!")) => Some(UnOp::Not),
            Some(Tok::Punct("-")) => Some(UnOp::Neg),
            Some(Tok::Punct("+")) => Some(UnOp::Plus),
            Some(Tok::Ident(s)) if s == "typeof" => Some(UnOp::TypeOf),
            _ => None,
        };
        match op {
            Some(op) => {
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
        loop {
            if self.eat(".") {
                match self.peek().cloned() {
                    Some(Tok::Ident(name)) => {
                        self.pos += 1;
                        e = Expr::Member(Box::new(e), Box::new(Expr::Lit(Value::String(name))));
                    }
                    _ => return Err(self.unexpected("a field name")),
                }
            } else if self.eat("[") {
                let key = self.conditional()?;
                self.expect("]")?;
                e = Expr::Member(Box::new(e), Box::new(key));
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
                e = Expr::Call(Box::new(e), args, at);
            } else {
                return Ok(e);
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
