//! The ledger of expected failures, `conformance/expected-failures.txt`:
//! one `name  reason…` line per case that does not yet match Chromium
//! within its tolerance, `#` comments allowed. Both pixel suites read it,
//! and both fail when a ledgered case passes, so the ledger only shrinks
//! when the engine improves and never hides a regression elsewhere.

use std::collections::BTreeMap;

use crate::{Comparison, conformance_dir};

/// `case name → reason` for every ledgered case; empty when the file is
/// absent (then every case must pass).
pub fn expected_failures() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(conformance_dir().join("expected-failures.txt"))
        .unwrap_or_default();
    parse(&text)
}

fn parse(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((n, r)) => (n.to_string(), r.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

/// Applies the ledger to one case's outcome: a failure passes only when
/// ledgered, and a ledgered case that passes is itself a failure.
pub fn judge(name: &str, outcome: Result<Comparison, String>) -> Result<(), String> {
    match (outcome, expected_failures().get(name)) {
        (Ok(_), None) | (Err(_), Some(_)) => Ok(()),
        (Ok(c), Some(reason)) => Err(format!(
            "{name}: passes (max difference {} over {} pixels) but is ledgered as an expected failure ({reason}); remove it from conformance/expected-failures.txt",
            c.max_difference, c.differing_pixels
        )),
        (Err(e), None) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn ledger_lines_split_name_from_reason_and_skip_comments() {
        let map = parse("# header\n\n02-paths  edge coverage differs\n05-clip\n");
        assert_eq!(map.len(), 2);
        assert_eq!(map["02-paths"], "edge coverage differs");
        assert_eq!(map["05-clip"], "");
    }
}
