//! `Intl.NumberFormat.prototype.formatToParts`: ICU4X marks the digits,
//! separators and signs it writes (`icu_decimal::parts`); the text around
//! them comes from the style's pattern and is typed by the style.

use std::fmt;

use writeable::{Part, PartsWrite, Writeable};

use crate::FormattedPart;

/// Collects the number parts of a formatted value; unmarked text is
/// kept with the kind `""` until [`NumberParts::finish`] types it.
#[derive(Default)]
pub(crate) struct NumberParts {
    parts: Vec<FormattedPart>,
    /// The innermost number part being written, per open part.
    open: Vec<Option<&'static str>>,
}

fn number_kind(part: Part) -> Option<&'static str> {
    use icu_decimal::parts as p;
    match part {
        p::INTEGER => Some("integer"),
        p::FRACTION => Some("fraction"),
        p::GROUP => Some("group"),
        p::DECIMAL => Some("decimal"),
        p::MINUS_SIGN => Some("minusSign"),
        p::PLUS_SIGN => Some("plusSign"),
        _ => None,
    }
}

impl NumberParts {
    /// The parts of `w`, with the pattern's text typed as `affix`
    /// (`currency`, `percentSign`, `compact`, `unit`) or `literal`.
    pub(crate) fn of(w: &impl Writeable, affix: &'static str) -> Vec<FormattedPart> {
        Self::of_with_digits(w, affix, &[])
    }

    /// As [`NumberParts::of`] for formatters that write their digits
    /// unmarked (percent, compact): where the unmarked text holds the
    /// text of `digits` (the amount's parts from a decimal formatter),
    /// those parts take its place.
    pub(crate) fn of_with_digits(
        w: &impl Writeable,
        affix: &'static str,
        digits: &[FormattedPart],
    ) -> Vec<FormattedPart> {
        let mut sink = NumberParts::default();
        // Writing to a Vec cannot fail.
        let _ = w.write_to_parts(&mut sink);
        let digits: Vec<FormattedPart> = digits.iter().filter(|p| is_number(p)).cloned().collect();
        let text: String = digits.iter().map(|p| p.value.as_str()).collect();
        if !text.is_empty() {
            sink.parts = sink
                .parts
                .into_iter()
                .flat_map(|p| match p.value.find(&text) {
                    Some(at) if p.kind.is_empty() => {
                        let mut out = vec![FormattedPart {
                            kind: "",
                            value: p.value[..at].to_owned(),
                        }];
                        out.extend(digits.iter().cloned());
                        out.push(FormattedPart {
                            kind: "",
                            value: p.value[at + text.len()..].to_owned(),
                        });
                        out
                    }
                    _ => vec![p],
                })
                .collect();
        }
        sink.finish(affix)
    }

    fn push(&mut self, kind: &'static str, s: &str) {
        match self.parts.last_mut() {
            Some(last) if last.kind == kind => last.value.push_str(s),
            _ => self.parts.push(FormattedPart {
                kind,
                value: s.to_owned(),
            }),
        }
    }

    /// Types the pattern's text: signs are signs, `%` is `percentSign`,
    /// spaces at either end of a text are `literal`, the text is `affix`.
    fn finish(self, affix: &'static str) -> Vec<FormattedPart> {
        let mut out = NumberParts::default();
        for part in self.parts {
            if !part.kind.is_empty() {
                out.push(part.kind, &part.value);
                continue;
            }
            let mut text = String::new();
            for c in part.value.chars() {
                let sign = match c {
                    '-' | '\u{2212}' => "minusSign",
                    '+' => "plusSign",
                    '%' => "percentSign",
                    _ => {
                        text.push(c);
                        continue;
                    }
                };
                out.push_text(&std::mem::take(&mut text), affix);
                // Each sign is a part of its own, as in V8.
                out.parts.push(FormattedPart {
                    kind: sign,
                    value: c.to_string(),
                });
            }
            out.push_text(&text, affix);
        }
        out.parts.retain(|p| !p.value.is_empty());
        out.parts
    }

    fn push_text(&mut self, text: &str, affix: &'static str) {
        let body = text.trim();
        if body.is_empty() {
            self.push("literal", text);
            return;
        }
        let start = text.len() - text.trim_start().len();
        let end = start + body.len();
        self.push("literal", &text[..start]);
        self.push(affix, body);
        self.push("literal", &text[end..]);
    }
}

impl fmt::Write for NumberParts {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let kind = self.open.iter().rev().find_map(|k| *k).unwrap_or("");
        self.push(kind, s);
        Ok(())
    }
}

impl PartsWrite for NumberParts {
    type SubPartsWrite = Self;

    fn with_part(
        &mut self,
        part: Part,
        mut f: impl FnMut(&mut Self) -> fmt::Result,
    ) -> fmt::Result {
        self.open.push(number_kind(part));
        let result = f(self);
        self.open.pop();
        result
    }
}

/// Digits, separators and the non-finite symbols.
fn is_number(p: &FormattedPart) -> bool {
    matches!(
        p.kind,
        "integer" | "fraction" | "group" | "decimal" | "nan" | "infinity"
    )
}

/// Replaces the number parts (digits, separators) of `outer` by `inner`'s,
/// keeping the signs and text around them.
pub(crate) fn splice_number(
    outer: Vec<FormattedPart>,
    inner: Vec<FormattedPart>,
) -> Vec<FormattedPart> {
    let start = outer.iter().position(is_number);
    let end = outer.iter().rposition(is_number);
    match (start, end) {
        (Some(s), Some(e)) => {
            let mut out = outer[..s].to_vec();
            out.extend(inner.into_iter().filter(is_number));
            out.extend_from_slice(&outer[e + 1..]);
            out
        }
        _ => outer,
    }
}
