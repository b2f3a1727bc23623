//! A CSS Syntax 3 tokenizer, reduced to what colour values need.
//!
//! Chromium runs non-keyword canvas colours through its full CSS parser, so
//! comments, escapes and implicit closing of blocks at end of input matter.

/// One CSS token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    Ws,
    Ident(String),
    Function(String),
    Hash(String),
    Number(f64),
    Percentage(f64),
    Dimension(f64, String),
    Comma,
    OpenParen,
    CloseParen,
    OpenOther(char),
    CloseOther(char),
    Delim(char),
    /// Strings, urls, at-keywords, CDO/CDC: never part of a colour.
    Other,
}

/// Splits `input` into tokens, dropping comments.
pub(crate) fn tokenize(input: &str) -> Vec<Token> {
    let chars = preprocess(input);
    let mut t = Tokenizer { s: &chars, i: 0 };
    let mut out = Vec::new();
    while let Some(tok) = t.next_token() {
        out.push(tok);
    }
    out
}

/// CSS input preprocessing: newlines normalised, NUL replaced.
fn preprocess(input: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(input.len());
    let mut it = input.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\r' => {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
                out.push('\n');
            }
            '\u{c}' => out.push('\n'),
            '\0' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

struct Tokenizer<'a> {
    s: &'a [char],
    i: usize,
}

fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n')
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || !c.is_ascii()
}

fn is_name(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == '-'
}

impl Tokenizer<'_> {
    fn at(&self, k: usize) -> Option<char> {
        self.s.get(self.i + k).copied()
    }

    fn valid_escape(&self, k: usize) -> bool {
        self.at(k) == Some('\\') && self.at(k + 1) != Some('\n')
    }

    fn starts_ident(&self, k: usize) -> bool {
        match self.at(k) {
            Some('-') => {
                matches!(self.at(k + 1), Some(c) if is_name_start(c) || c == '-')
                    || self.valid_escape(k + 1)
            }
            Some('\\') => self.valid_escape(k),
            Some(c) => is_name_start(c),
            None => false,
        }
    }

    fn starts_number(&self) -> bool {
        let digit = |k| matches!(self.at(k), Some(c) if c.is_ascii_digit());
        match self.at(0) {
            Some('+' | '-') => digit(1) || (self.at(1) == Some('.') && digit(2)),
            Some('.') => digit(1),
            Some(c) => c.is_ascii_digit(),
            None => false,
        }
    }

    fn next_token(&mut self) -> Option<Token> {
        self.skip_comments();
        let c = self.at(0)?;
        if is_ws(c) {
            while self.at(0).is_some_and(is_ws) {
                self.i += 1;
            }
            return Some(Token::Ws);
        }
        if self.starts_number() {
            return Some(self.numeric());
        }
        if self.starts_ident(0) {
            return Some(self.ident_like());
        }
        self.i += 1;
        Some(match c {
            '"' | '\'' => self.string(c),
            '#' if self.at(0).is_some_and(is_name) || self.valid_escape(0) => {
                Token::Hash(self.name())
            }
            '(' => Token::OpenParen,
            ')' => Token::CloseParen,
            '[' | '{' => Token::OpenOther(c),
            ']' | '}' => Token::CloseOther(c),
            ',' => Token::Comma,
            '@' if self.starts_ident(0) => {
                self.name();
                Token::Other
            }
            _ => Token::Delim(c),
        })
    }

    fn skip_comments(&mut self) {
        while self.at(0) == Some('/') && self.at(1) == Some('*') {
            self.i += 2;
            while self.at(0).is_some() && !(self.at(0) == Some('*') && self.at(1) == Some('/')) {
                self.i += 1;
            }
            self.i = (self.i + 2).min(self.s.len());
        }
    }

    /// A quoted string: consumed so its contents cannot look like tokens.
    fn string(&mut self, quote: char) -> Token {
        while let Some(c) = self.at(0) {
            self.i += 1;
            match c {
                '\n' => {
                    self.i -= 1;
                    break;
                }
                '\\' => self.i += 1,
                _ if c == quote => break,
                _ => {}
            }
        }
        self.i = self.i.min(self.s.len());
        Token::Other
    }

    fn ident_like(&mut self) -> Token {
        let name = self.name();
        if self.at(0) == Some('(') {
            self.i += 1;
            return Token::Function(name);
        }
        Token::Ident(name)
    }

    fn name(&mut self) -> String {
        let mut out = String::new();
        loop {
            match self.at(0) {
                Some(c) if is_name(c) => {
                    out.push(c);
                    self.i += 1;
                }
                Some('\\') if self.valid_escape(0) => {
                    self.i += 1;
                    out.push(self.escape());
                }
                _ => return out,
            }
        }
    }

    /// Consumes an escape (after the backslash) and returns its code point.
    fn escape(&mut self) -> char {
        let Some(c) = self.at(0) else {
            return '\u{fffd}';
        };
        self.i += 1;
        let Some(first) = c.to_digit(16) else {
            return c;
        };
        let mut v = first;
        for _ in 0..5 {
            match self.at(0).and_then(|d| d.to_digit(16)) {
                Some(d) => {
                    v = v * 16 + d;
                    self.i += 1;
                }
                None => break,
            }
        }
        if self.at(0).is_some_and(is_ws) {
            self.i += 1;
        }
        match char::from_u32(v) {
            Some(ch) if v != 0 => ch,
            _ => '\u{fffd}',
        }
    }

    fn numeric(&mut self) -> Token {
        let value = self.number();
        if self.starts_ident(0) {
            return Token::Dimension(value, self.name());
        }
        if self.at(0) == Some('%') {
            self.i += 1;
            return Token::Percentage(value);
        }
        Token::Number(value)
    }

    fn number(&mut self) -> f64 {
        let start = self.i;
        let digits = |t: &mut Self| {
            while t.at(0).is_some_and(|c| c.is_ascii_digit()) {
                t.i += 1;
            }
        };
        if matches!(self.at(0), Some('+' | '-')) {
            self.i += 1;
        }
        digits(self);
        if self.at(0) == Some('.') && self.at(1).is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
            digits(self);
        }
        let exp_digit = |k| self.at(k).is_some_and(|c: char| c.is_ascii_digit());
        if matches!(self.at(0), Some('e' | 'E'))
            && (exp_digit(1) || (matches!(self.at(1), Some('+' | '-')) && exp_digit(2)))
        {
            self.i += 2;
            digits(self);
        }
        let text: String = self.s[start..self.i].iter().collect();
        text.parse().unwrap_or(0.0)
    }
}

/// A component value starting at `i`: a single token, or a whole block up
/// to its matching close (or the end of input, which closes blocks).
/// Returns the index just past it and, for blocks, the inner tokens.
pub(crate) fn component(toks: &[Token], i: usize) -> (usize, Option<&[Token]>) {
    let Some(close) = closer(&toks[i]) else {
        return (i + 1, None);
    };
    let mut stack = vec![close];
    let mut k = i + 1;
    while k < toks.len() {
        if let Some(c) = closer(&toks[k]) {
            stack.push(c);
        } else if stack.last() == Some(&toks[k]) {
            stack.pop();
            if stack.is_empty() {
                return (k + 1, Some(&toks[i + 1..k]));
            }
        }
        k += 1;
    }
    (toks.len(), Some(&toks[i + 1..]))
}

/// The token that closes a block opened by `t`, if `t` opens one.
fn closer(t: &Token) -> Option<Token> {
    match t {
        Token::Function(_) | Token::OpenParen => Some(Token::CloseParen),
        Token::OpenOther('[') => Some(Token::CloseOther(']')),
        Token::OpenOther(_) => Some(Token::CloseOther('}')),
        _ => None,
    }
}
