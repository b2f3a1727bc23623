//! A small CSS tokenizer, enough for the values canvas text attributes
//! take (the `font` shorthand, `letterSpacing`, `wordSpacing`), and CSS
//! number serialisation as Chromium writes it.

/// One CSS token. Whitespace is dropped; it only separates tokens.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token {
    /// An identifier, escapes resolved, case kept.
    Ident(String),
    /// A quoted string, escapes resolved.
    Str(String),
    /// A number, with its unit (ASCII-lowercased) if it is a dimension;
    /// `%` for percentages.
    Number { value: f64, unit: Option<String> },
    /// `,`
    Comma,
    /// `/`
    Slash,
    /// Anything else (functions, other delimiters): never valid here.
    Other,
}

/// Splits `input` into tokens; `None` for an unterminated string or a bad
/// escape, which make the whole value invalid.
pub(crate) fn tokenize(input: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            i += 1;
        } else if c == '"' || c == '\'' {
            let (s, next) = string(&chars, i + 1, c)?;
            out.push(Token::Str(s));
            i = next;
        } else if c == ',' {
            out.push(Token::Comma);
            i += 1;
        } else if c == '/' {
            out.push(Token::Slash);
            i += 1;
        } else if starts_number(&chars, i) {
            let (value, next) = number(&chars, i);
            i = next;
            let unit = if chars.get(i) == Some(&'%') {
                i += 1;
                Some("%".to_string())
            } else if starts_ident(&chars, i) {
                let (u, next) = ident(&chars, i);
                i = next;
                Some(u.to_ascii_lowercase())
            } else {
                None
            };
            out.push(Token::Number { value, unit });
        } else if starts_ident(&chars, i) {
            let (name, next) = ident(&chars, i);
            i = next;
            if chars.get(i) == Some(&'(') {
                // Functions (calc(), var()…) are not supported.
                return Some(vec![Token::Other]);
            }
            out.push(Token::Ident(name));
        } else {
            out.push(Token::Other);
            i += 1;
        }
    }
    Some(out)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || !c.is_ascii()
}

fn is_name(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == '-'
}

fn valid_escape(chars: &[char], i: usize) -> bool {
    chars.get(i) == Some(&'\\') && chars.get(i + 1).is_some_and(|c| *c != '\n')
}

fn starts_ident(chars: &[char], i: usize) -> bool {
    match chars.get(i) {
        Some('-') => {
            chars
                .get(i + 1)
                .is_some_and(|c| is_name_start(*c) || *c == '-')
                || valid_escape(chars, i + 1)
        }
        Some('\\') => valid_escape(chars, i),
        Some(c) => is_name_start(*c),
        None => false,
    }
}

fn starts_number(chars: &[char], i: usize) -> bool {
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    match chars.get(i) {
        Some('+') | Some('-') => digit(i + 1) || (chars.get(i + 1) == Some(&'.') && digit(i + 2)),
        Some('.') => digit(i + 1),
        Some(c) => c.is_ascii_digit(),
        None => false,
    }
}

fn number(chars: &[char], mut i: usize) -> (f64, usize) {
    let start = i;
    let digits = |i: &mut usize| {
        while chars.get(*i).is_some_and(char::is_ascii_digit) {
            *i += 1;
        }
    };
    if matches!(chars.get(i), Some('+') | Some('-')) {
        i += 1;
    }
    digits(&mut i);
    if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
        i += 1;
        digits(&mut i);
    }
    if matches!(chars.get(i), Some('e') | Some('E')) {
        let mut k = i + 1;
        if matches!(chars.get(k), Some('+') | Some('-')) {
            k += 1;
        }
        if chars.get(k).is_some_and(char::is_ascii_digit) {
            i = k;
            digits(&mut i);
        }
    }
    let text: String = chars[start..i].iter().collect();
    (text.parse().unwrap_or(0.0), i)
}

/// Consumes an escape after its backslash at `i`.
fn escape(chars: &[char], i: usize) -> (char, usize) {
    let mut k = i;
    let mut hex = String::new();
    while hex.len() < 6 && chars.get(k).is_some_and(char::is_ascii_hexdigit) {
        hex.push(chars[k]);
        k += 1;
    }
    if hex.is_empty() {
        return (chars[i], i + 1);
    }
    if chars.get(k).is_some_and(|c| is_space(*c)) {
        k += 1;
    }
    let code = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
    let c = match char::from_u32(code) {
        Some(c) if code != 0 => c,
        _ => '\u{FFFD}',
    };
    (c, k)
}

fn ident(chars: &[char], mut i: usize) -> (String, usize) {
    let mut s = String::new();
    while i < chars.len() {
        if valid_escape(chars, i) {
            let (c, next) = escape(chars, i + 1);
            s.push(c);
            i = next;
        } else if is_name(chars[i]) {
            s.push(chars[i]);
            i += 1;
        } else {
            break;
        }
    }
    (s, i)
}

fn string(chars: &[char], mut i: usize, quote: char) -> Option<(String, usize)> {
    let mut s = String::new();
    while i < chars.len() {
        let c = chars[i];
        if c == quote {
            return Some((s, i + 1));
        }
        if c == '\n' {
            return None;
        }
        if c == '\\' {
            match chars.get(i + 1) {
                None => i += 1,
                Some('\n') => i += 2,
                Some(_) => {
                    let (e, next) = escape(chars, i + 1);
                    s.push(e);
                    i = next;
                }
            }
            continue;
        }
        s.push(c);
        i += 1;
    }
    // An unterminated string at the end of input is closed there (CSS).
    Some((s, i))
}

/// Whether `s` serialises as a bare identifier.
pub(crate) fn is_identifier(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    if !starts_ident(&chars, 0) || chars.contains(&'\\') {
        return false;
    }
    chars.iter().all(|c| is_name(*c))
}

/// `s` as a CSS string: double quotes, with `"` and `\` escaped.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as Chromium prints CSS numbers in canvas attributes: six
/// significant digits, no trailing zeros, no exponent.
pub(crate) fn number_to_string(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return "0".to_string();
    }
    let magnitude = v.abs().log10().floor() as i32;
    let decimals = (5 - magnitude).max(0) as usize;
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".to_string() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_a_font_value() {
        let t = tokenize("italic 12.5PX/1.5 \"A\\\"b\", c d").unwrap();
        assert_eq!(
            t,
            vec![
                Token::Ident("italic".into()),
                Token::Number {
                    value: 12.5,
                    unit: Some("px".into())
                },
                Token::Slash,
                Token::Number {
                    value: 1.5,
                    unit: None
                },
                Token::Str("A\"b".into()),
                Token::Comma,
                Token::Ident("c".into()),
                Token::Ident("d".into()),
            ]
        );
    }

    #[test]
    fn escapes_and_functions() {
        assert_eq!(tokenize("\\31 a").unwrap(), vec![Token::Ident("1a".into())]);
        assert_eq!(tokenize("calc(1px)").unwrap(), vec![Token::Other]);
    }

    #[test]
    fn numbers_print_with_six_significant_digits() {
        assert_eq!(number_to_string(13.333333333), "13.3333");
        assert_eq!(number_to_string(8.333333333), "8.33333");
        assert_eq!(number_to_string(12.0), "12");
        assert_eq!(number_to_string(10000.0), "10000");
        assert_eq!(number_to_string(0.1), "0.1");
        assert_eq!(number_to_string(-2.5), "-2.5");
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("Georgia"));
        assert!(is_identifier("-a"));
        assert!(!is_identifier("a b"));
        assert!(!is_identifier("1a"));
        assert!(!is_identifier(""));
    }
}
