//! Did-you-mean hints for mistyped commands, flags and names.

use lexopt::prelude::*;

/// An argument the command does not take, with the nearest one it does.
pub(crate) fn unexpected(arg: lexopt::Arg<'_>, known: &[&str]) -> String {
    let message = arg.clone().unexpected().to_string();
    let hint = match arg {
        Long(name) => closest(name, known).map(|c| format!("--{c}")),
        _ => None,
    };
    match hint {
        Some(h) => format!("{message}\n  hint: did you mean {h}?"),
        None => message,
    }
}

/// The entry of `known` within two edits of `word` (the nearest), if any.
pub(crate) fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (edit_distance(word, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}
