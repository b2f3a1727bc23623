//! The keys of `setData`: `'a'`, `'a.b'`, `'list[0].title'`,
//! `'grid[1][2]'`. A key that does not parse as a path is used whole, as
//! the platforms do with odd keys.

/// One step of a data path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// An object property.
    Key(String),
    /// An array index.
    Index(u32),
}

/// Splits a `setData` key into steps.
pub fn parse(key: &str) -> Vec<Step> {
    try_parse(key).unwrap_or_else(|| vec![Step::Key(key.to_string())])
}

fn try_parse(key: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let mut name = String::new();
    let mut chars = key.chars().peekable();
    // Whether a `.` or `[` just closed a step, so a name may start.
    let mut after_index = false;
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                if name.is_empty() && !after_index {
                    return None;
                }
                if !name.is_empty() {
                    steps.push(Step::Key(std::mem::take(&mut name)));
                }
                after_index = false;
                // A name must follow a dot.
                if matches!(chars.peek(), None | Some('.') | Some('[')) {
                    return None;
                }
            }
            '[' => {
                if !name.is_empty() {
                    steps.push(Step::Key(std::mem::take(&mut name)));
                } else if steps.is_empty() {
                    return None;
                }
                let mut digits = String::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    digits.push(d);
                }
                let index = digits.trim().parse::<u32>().ok()?;
                steps.push(Step::Index(index));
                after_index = true;
                if !matches!(chars.peek(), None | Some('.') | Some('[')) {
                    return None;
                }
            }
            '\\' => name.push(chars.next()?),
            _ => {
                name.push(c);
                after_index = false;
            }
        }
    }
    if !name.is_empty() {
        steps.push(Step::Key(name));
    }
    (!steps.is_empty()).then_some(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Step {
        Step::Key(s.into())
    }

    #[test]
    fn dotted_and_indexed_keys_split_into_steps() {
        assert_eq!(parse("title"), [k("title")]);
        assert_eq!(parse("a.b.c"), [k("a"), k("b"), k("c")]);
        assert_eq!(
            parse("list[0].title"),
            [k("list"), Step::Index(0), k("title")]
        );
        assert_eq!(
            parse("grid[1][2]"),
            [k("grid"), Step::Index(1), Step::Index(2)]
        );
    }

    #[test]
    fn malformed_keys_are_used_whole() {
        for odd in ["a..b", ".a", "a.", "[0]", "a[x]", "a[0]b", ""] {
            assert_eq!(parse(odd), [k(odd)], "{odd}");
        }
    }

    #[test]
    fn backslash_escapes_a_dot() {
        assert_eq!(parse(r"a\.b"), [k("a.b")]);
    }
}
