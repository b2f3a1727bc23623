//! The field options `DateTimeFormat.prototype.resolvedOptions()` lists:
//! as V8 does, the fields of the pattern the formatter chose; numeric
//! fields as the pattern prints them (a zh-CN month asked for as `long`
//! resolves to `numeric`: 12月), text fields with the width asked for.

use crate::resolved::Resolved;

/// A field option and its value, from a run of one pattern letter.
fn field(letter: char, count: usize) -> Option<(&'static str, String)> {
    let width = |n: usize| match n {
        1..=3 => "short",
        4 => "long",
        _ => "narrow",
    };
    let digits = |n: usize| if n == 2 { "2-digit" } else { "numeric" };
    let (name, value) = match letter {
        'G' => ("era", width(count)),
        'y' | 'Y' | 'u' => ("year", digits(count)),
        'M' | 'L' => (
            "month",
            match count {
                1 => "numeric",
                2 => "2-digit",
                3 => "short",
                4 => "long",
                _ => "narrow",
            },
        ),
        'd' => ("day", digits(count)),
        'E' => ("weekday", width(count)),
        'c' | 'e' if count >= 3 => ("weekday", width(count)),
        'B' => ("dayPeriod", width(count)),
        'h' | 'H' | 'K' | 'k' => ("hour", digits(count)),
        'm' => ("minute", digits(count)),
        's' => ("second", digits(count)),
        'S' => return Some(("fractionalSecondDigits", count.to_string())),
        'z' => ("timeZoneName", if count < 4 { "short" } else { "long" }),
        'O' => (
            "timeZoneName",
            if count < 4 {
                "shortOffset"
            } else {
                "longOffset"
            },
        ),
        'v' => (
            "timeZoneName",
            if count < 4 {
                "shortGeneric"
            } else {
                "longGeneric"
            },
        ),
        _ => return None,
    };
    Some((name, value.to_string()))
}

/// The hour cycle a pattern's hour letter stands for.
fn hour_cycle(letter: char) -> Option<&'static str> {
    match letter {
        'h' => Some("h12"),
        'H' => Some("h23"),
        'K' => Some("h11"),
        'k' => Some("h24"),
        _ => None,
    }
}

/// The runs of pattern letters of a UTS #35 pattern, quoted text skipped.
fn letter_runs(pattern: &str) -> Vec<(char, usize)> {
    let mut runs: Vec<(char, usize)> = Vec::new();
    let mut quoted = false;
    let mut previous: Option<char> = None;
    for c in pattern.chars() {
        if c == '\'' {
            quoted = !quoted;
            previous = None;
            continue;
        }
        if quoted || !c.is_ascii_alphabetic() {
            previous = None;
            continue;
        }
        match runs.last_mut() {
            Some((letter, count)) if previous == Some(c) && *letter == c => *count += 1,
            _ => runs.push((c, 1)),
        }
        previous = Some(c);
    }
    runs
}

/// The order V8 lists the field options in.
const FIELD_ORDER: &[&str] = &[
    "weekday",
    "era",
    "year",
    "month",
    "day",
    "dayPeriod",
    "hour",
    "minute",
    "second",
    "fractionalSecondDigits",
    "timeZoneName",
];

/// Adds `hourCycle` / `hour12` and, unless the format was asked for by
/// style, each field of `pattern` to `r`; `requested` gives the value the
/// page asked for of a field option.
pub(crate) fn add_pattern_fields(
    mut r: Resolved,
    pattern: &str,
    styled: bool,
    requested: &dyn Fn(&str) -> Option<String>,
) -> Resolved {
    let runs = letter_runs(pattern);
    if let Some(hc) = runs.iter().find_map(|(c, _)| hour_cycle(*c)) {
        r = r
            .text("hourCycle", hc)
            .bool("hour12", matches!(hc, "h11" | "h12"));
    }
    if styled {
        return r;
    }
    let fields: Vec<(&str, String)> = runs.iter().filter_map(|(c, n)| field(*c, *n)).collect();
    for name in FIELD_ORDER {
        if let Some((_, value)) = fields.iter().find(|(n, _)| n == name) {
            let numeric_pattern = matches!(value.as_str(), "numeric" | "2-digit");
            // Digits as the pattern prints them; a text width as asked.
            let value = match requested(name) {
                Some(asked) if !numeric_pattern => asked,
                _ => value.clone(),
            };
            r = if *name == "fractionalSecondDigits" {
                r.number(name, value.parse().unwrap_or(3))
            } else {
                r.text(name, value)
            };
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolved::ResolvedValue;

    fn names(pattern: &str) -> Vec<(String, ResolvedValue)> {
        let locale = crate::canonical_locale("en-US").unwrap();
        add_pattern_fields(Resolved::new(&locale), pattern, false, &|_| None)
            .fields()
            .iter()
            .skip(1)
            .map(|(n, v)| (n.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn pattern_letters_give_field_options_in_v8_order() {
        let text = |s: &str| ResolvedValue::Text(s.into());
        assert_eq!(
            names("EEE, MMM d 'at' h:mm a"),
            [
                ("hourCycle".to_string(), text("h12")),
                ("hour12".to_string(), ResolvedValue::Bool(true)),
                ("weekday".to_string(), text("short")),
                ("month".to_string(), text("short")),
                ("day".to_string(), text("numeric")),
                ("hour".to_string(), text("numeric")),
                ("minute".to_string(), text("2-digit")),
            ]
        );
    }

    #[test]
    fn quoted_text_is_not_a_field() {
        assert_eq!(names("y'年'M'月'd'日'").len(), 3);
    }
}
