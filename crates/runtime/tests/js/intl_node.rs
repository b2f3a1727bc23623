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
    (
        "zh-TW {\"signDisplay\"*NaN",
        "ICU4X has no localized NaN symbol (V8: 非數值)",
    ),
    (
        "zh-TW {\"hour\":\"numeric\",\"minute\":\"numeric\",\"timeZoneName\"",
        "V8's ICU brackets zh-Hant zone names (上午10:00 [GMT+8]); ICU4X does not, and uses flexible day periods (晚上, 凌晨)",
    ),
    (
        "*\"timeZoneName\":\"longGeneric\"",
        "ICU4X prints generic names (China Time, 中国时间) for zones without daylight time where V8 prints the standard name (China Standard Time), and 协调世界时 where V8 prints GMT+00:00",
    ),
    (
        "*\"timeZoneName\":\"shortGeneric\",\"timeZone\":\"UTC\"",
        "ICU4X's short generic name of UTC is UTC; V8's is GMT+0",
    ),
    (
        "*timeZoneName alone",
        "a zone name alone with the default date: ICU4X puts the zone first in zh (中国标准时间 2026/12/7), V8 last",
    ),
    (
        "zh-TW timeZoneName parts",
        "V8's ICU brackets zh-Hant zone names",
    ),
    (
        "zh-CN timeZoneName parts",
        "ICU4X joins a zh zone name and the hour with a space (GMT+8 10时); V8 without",
    ),
    (
        "*fsd ",
        "ICU4X has no minute-second pattern and adds the hour (10:00:00.1; V8: 00:00.1)",
    ),
    (
        "en-US dayPeriod",
        "ICU4X's en data has no flexible day periods (3 PM; V8: 3 in the afternoon)",
    ),
    (
        "*language zh",
        "ICU4X's newer CLDR names zh 'Mandarin Chinese' / 现代标准汉语 where V8's ICU says 'Chinese' / 中文",
    ),
    (
        "zh-TW language en-",
        "ICU4X's zh-Hant pattern for a language with a region uses ASCII parentheses with a space; V8's fullwidth （）",
    ),
    (
        "*range ",
        "ICU4X's CLDR range patterns differ from V8's ICU: zh ranges with spaces and 月日 forms where V8 prints 12/7 – 12/9, 10:00–12:00 or 至 (zh-TW); V8 adds the date to a time-only range over days and the year to a range over years",
    ),
    (
        "en-US unit pound",
        "ICU4X 0.7's core unit data (the units a locale prefers, here US units) holds the short names for every width: 2 lb where V8 prints 2 pounds",
    ),
    (
        "en-US unit mile",
        "ICU4X 0.7's core unit data holds the short names for every width (2 mi; V8: 2 miles)",
    ),
    (
        "en-US unit acre",
        "ICU4X 0.7's core unit data holds the short names for every width (2 ac; V8: 2 acres)",
    ),
    (
        "zh-TW parts*NaN",
        "ICU4X has no localized NaN symbol (V8: 非數值)",
    ),
    (
        "zh-TW scientific*NaN",
        "ICU4X has no localized NaN symbol (V8: 非數值)",
    ),
    (
        "zh-TW engineering*NaN",
        "ICU4X has no localized NaN symbol (V8: 非數值)",
    ),
    (
        "zh-CN parts {\"style\":\"currency\",\"currency\":\"CNY\",\"currencyDisplay\":\"name\"}",
        "ICU4X puts a space between amount and currency name (a literal part); V8 none",
    ),
    (
        "*\"currencyDisplay\":\"code\"} NaN",
        "ICU4X keeps the no-break space between a currency code and NaN; V8 drops it",
    ),
    (
        "*\"currencyDisplay\":\"code\"} -Infinity",
        "ICU4X keeps the no-break space between a currency code and ∞; V8 drops it",
    ),
    (
        "*date resolved {\"hour\":\"numeric\",\"hour12\":true}",
        "V8 resolves a 12-hour zh clock to h11 (its pattern letter K); ICU4X's pattern uses h",
    ),
    (
        "*date resolved {\"hour\":\"2-digit\",\"minute\":\"2-digit\",\"second\":\"2-digit\",\"fractionalSecondDigits\":2,\"hour12\":false}",
        "V8 reports hourCycle h24 for hour12: false where the locale's clock is 12-hour (en-US, zh-TW); ICU4X's pattern is h23",
    ),
    (
        "zh-TW date resolved {\"hour\"",
        "ICU4X's zh-Hant 12-hour pattern has a flexible day period (B), so dayPeriod is listed",
    ),
    (
        "zh-TW date resolved {\"timeZone\"",
        "ICU4X's zh-Hant 12-hour pattern has a flexible day period (B), so dayPeriod is listed",
    ),
    (
        "*date resolved {\"year\":\"2-digit\"",
        "ICU4X's zh pattern prints the full year for year: 2-digit",
    ),
];

/// Whether a known-difference label covers a call: a prefix, or with `*`
/// a prefix and a part that follows it.
fn covers(label: &str, call: &str) -> bool {
    match label.split_once('*') {
        Some((head, tail)) => call.starts_with(head) && call[head.len()..].contains(tail),
        None => call.starts_with(label),
    }
}

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
                .find(|(label, _)| covers(label, &e.0))
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
