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
}

/// Longest first, so `===` wins over `==` and `...` over `.`.
const PUNCTS: [&str; 27] = [
    "...", "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "??", "+", "-", "*", "/", "%", "<",
    ">", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{",
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
        } else if c == '}' {
            out.push(Token {
                kind: Tok::Punct("}"),
                at,
            });
            i += 1;
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
