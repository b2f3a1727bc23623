//! Tokens of a markup expression.

use super::ExprError;

/// One token and the byte offset it starts at.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub(super) kind: Tok,
    pub(super) at: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Number(f64),
    Str(String),
    Ident(String),
    Punct(&'static str),
    /// A template literal: its cooked text pieces and, between them, the
    /// source of each `${…}` substitution with its offset in the input.
    Template(Vec<String>, Vec<(String, usize)>),
}

/// Longest first, so `===` wins over `==`, `...` over `.` and `>>>` over
/// `>>` and `>`. (`?.` is handled apart: `a?.5:1` is a conditional.)
const PUNCTS: [&str; 36] = [
    "...", "===", "!==", ">>>", "==", "!=", "<=", ">=", "&&", "||", "??", "**", "<<", ">>", "+",
    "-", "*", "/", "%", "<", ">", "!", "~", "&", "|", "^", "?", ":", ".", ",", "(", ")", "[", "]",
    "{", "}",
];

/// Splits `src` into tokens.
pub(super) fn tokens(src: &str) -> Result<Vec<Token>, ExprError> {
    let mut out = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = src[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let at = i;
        if c.is_ascii_digit() || (c == '.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            let (n, len) = number(&src[i..]).ok_or_else(|| ExprError::at(at, "bad number"))?;
            out.push(Token {
                kind: Tok::Number(n),
                at,
            });
            i += len;
        } else if c == '"' || c == '\'' {
            let (s, len) =
                string(&src[i..], c).ok_or_else(|| ExprError::at(at, "unclosed string"))?;
            out.push(Token {
                kind: Tok::Str(s),
                at,
            });
            i += len;
        } else if c.is_alphabetic() || c == '_' || c == '$' {
            let len = src[i..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(src.len() - i);
            out.push(Token {
                kind: Tok::Ident(src[i..i + len].to_string()),
                at,
            });
            i += len;
        } else if src[i..].starts_with("?.") && !bytes.get(i + 2).is_some_and(u8::is_ascii_digit) {
            out.push(Token {
                kind: Tok::Punct("?."),
                at,
            });
            i += 2;
        } else if c == '`' {
            let (quasis, exprs, len) = template(&src[i..], at)?;
            out.push(Token {
                kind: Tok::Template(quasis, exprs),
                at,
            });
            i += len;
        } else if let Some(p) = PUNCTS.iter().find(|p| src[i..].starts_with(**p)) {
            out.push(Token {
                kind: Tok::Punct(p),
                at,
            });
            i += p.len();
        } else {
            return Err(ExprError::at(at, format!("unexpected character '{c}'")));
        }
    }
    Ok(out)
}

/// A template literal's cooked pieces, its substitutions (source and
/// offset) and its length in the input.
type TemplateParts = (Vec<String>, Vec<(String, usize)>, usize);

/// A template literal at the start of `s` (which starts with a backtick):
/// its cooked pieces, its substitutions' sources with their offsets
/// (`base` is the offset of `s`), and its length. Nested braces, strings
/// and templates inside `${…}` are skipped without recursion.
fn template(s: &str, base: usize) -> Result<TemplateParts, ExprError> {
    let unclosed = || ExprError::at(base, "unclosed template literal");
    let mut quasis = Vec::new();
    let mut exprs = Vec::new();
    let mut piece = String::new();
    let mut chars = s.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '`' => {
                quasis.push(piece);
                return Ok((quasis, exprs, i + 1));
            }
            '\\' => {
                let (_, e) = chars.next().ok_or_else(unclosed)?;
                piece.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    other => other,
                });
            }
            '$' if chars.peek().is_some_and(|(_, n)| *n == '{') => {
                chars.next();
                let start = i + 2;
                let end = substitution_end(&s[start..]).ok_or_else(unclosed)? + start;
                exprs.push((s[start..end].to_string(), base + start));
                quasis.push(std::mem::take(&mut piece));
                while chars.peek().is_some_and(|(j, _)| *j <= end) {
                    chars.next();
                }
            }
            c => piece.push(c),
        }
    }
    Err(unclosed())
}

/// The offset of the `}` that closes a `${` substitution in `s`, skipping
/// nested braces, strings and template literals (a stack, not recursion,
/// so hostile nesting cannot overflow).
fn substitution_end(s: &str) -> Option<usize> {
    #[derive(PartialEq)]
    enum In {
        Code,
        Quote(char),
        Template,
    }
    let mut stack = vec![In::Code];
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let top = stack.last()?;
        match (top, c) {
            (In::Quote(_) | In::Template, '\\') => {
                chars.next();
            }
            (In::Quote(q), c) if c == *q => {
                stack.pop();
            }
            (In::Quote(_), _) => {}
            (In::Template, '`') => {
                stack.pop();
            }
            (In::Template, '$') if chars.peek().is_some_and(|(_, n)| *n == '{') => {
                chars.next();
                stack.push(In::Code);
            }
            (In::Template, _) => {}
            (In::Code, '\'' | '"') => stack.push(In::Quote(c)),
            (In::Code, '`') => stack.push(In::Template),
            (In::Code, '{') => stack.push(In::Code),
            (In::Code, '}') => {
                stack.pop();
                if stack.is_empty() {
                    return Some(i);
                }
            }
            (In::Code, _) => {}
        }
    }
    None
}

fn number(s: &str) -> Option<(f64, usize)> {
    if let Some(hex) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        let len = hex
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(hex.len());
        return Some((u64::from_str_radix(&hex[..len], 16).ok()? as f64, len + 2));
    }
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
        i += 1;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    Some((s[..i].parse().ok()?, i))
}

fn string(s: &str, quote: char) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut chars = s.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            c if c == quote => return Some((out, i + 1)),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'u' => {
                        let hex: String =
                            (0..4).filter_map(|_| chars.next().map(|x| x.1)).collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    other => out.push(other),
                }
            }
            c => out.push(c),
        }
    }
    None
}
