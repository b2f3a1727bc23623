//! The comparison test of issue 21: locale-sensitive calls run in mpcanvas
//! and in Node (V8 with full ICU) with the same locale and time zone give
//! the same text.

use std::process::Command;

const CASES: &str = include_str!("intl/cases.js");

/// Calls whose text differs because ICU4X's CLDR data or patterns differ
/// from the ICU4C that V8 ships, with the reason; each is still run (a
/// panic would fail the test) and printed, not compared.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    (
        "zh-CN {\"style\":\"currency\",\"currency\":\"CNY\",\"currencyDisplay\":\"name\"}",
        "ICU4X puts a space between amount and currency name (1,299.50 人民币); V8: 1,299.50人民币",
    ),
    (
        "zh-TW decimal NaN",
        "ICU4X has no localized NaN symbol (V8: 非數值)",
    ),
    (
        "zh-TW {\"dateStyle\":\"full\"}",
        "ICU4X's zh-Hant full date has no space before the weekday",
    ),
    (
        "zh-TW {\"timeZone\":\"America/New_York\"",
        "ICU4X's zh-Hant 12-hour times use flexible day periods (晚上, 凌晨) where V8 prints 上午/下午",
    ),
];

/// The cases' results in Node, or `None` (with a notice) without Node.
fn node_results() -> Option<Vec<(String, String)>> {
    let expr = CASES.trim().trim_end_matches(';');
    let script = format!("console.log(JSON.stringify({expr}))");
    let output = match Command::new("node")
        .arg("-e")
        .arg(script)
        .env("TZ", "Asia/Shanghai")
        .env("LC_ALL", "zh_CN.UTF-8")
        .env("LANG", "zh_CN.UTF-8")
        .output()
    {
        Ok(o) => o,
        Err(e) => {
            println!("skipped: node is not available ({e})");
            return None;
        }
    };
    assert!(
        output.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).expect("node printed the results as JSON"))
}

#[test]
fn locale_formatting_matches_node_for_zh_cn_zh_tw_en_us() {
    let Some(expected) = node_results() else {
        return;
    };
    let json =
        mpcanvas_runtime::script::evaluate(CASES, &Default::default()).expect("the cases run");
    let got: Vec<(String, String)> = serde_json::from_str(&json).expect("a list of results");
    assert_eq!(got.len(), expected.len());
    let mismatches: Vec<String> = got
        .iter()
        .zip(&expected)
        .filter(|(g, e)| g != e)
        .filter(|(g, e)| {
            match KNOWN_DIFFERENCES
                .iter()
                .find(|(label, _)| e.0.starts_with(label))
            {
                Some((_, reason)) => {
                    println!(
                        "known difference: {}: {:?} vs node {:?} ({reason})",
                        e.0, g.1, e.1
                    );
                    false
                }
                None => true,
            }
        })
        .map(|(g, e)| format!("{}\n  mpcanvas: {:?}\n  node:     {:?}", e.0, g.1, e.1))
        .collect();
    assert!(
        mismatches.is_empty(),
        "{} of {} calls differ from node:\n{}",
        mismatches.len(),
        expected.len(),
        mismatches.join("\n")
    );
}
