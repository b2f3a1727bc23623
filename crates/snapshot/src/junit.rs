//! JUnit XML, the format CI systems (GitLab, Jenkins, GitHub test
//! reporters) read: one `<testsuite>` per spec file, one `<testcase>` per
//! platform, a `<failure>` listing every expectation that did not hold, an
//! `<error>` for a case that could not run.

use std::fmt::Write;

use quick_xml::escape::escape;

use crate::case::CaseResult;

/// The results as a JUnit XML document.
pub fn to_junit(results: &[CaseResult]) -> String {
    let count = |f: &dyn Fn(&CaseResult) -> bool| results.iter().filter(|r| f(r)).count();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let total: f64 = results.iter().map(|r| r.time.as_secs_f64()).sum();
    let _ = writeln!(
        xml,
        "<testsuites name=\"mpcanvas test\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{total:.3}\">",
        results.len(),
        count(&|r| r.error.is_none() && !r.failures.is_empty()),
        count(&|r| r.error.is_some()),
    );
    // Results arrive grouped by spec (one spec's cases in a row).
    let mut i = 0;
    while i < results.len() {
        let spec = &results[i].spec;
        let group: Vec<&CaseResult> = results[i..]
            .iter()
            .take_while(|r| &r.spec == spec)
            .collect();
        i += group.len();
        let path = spec.display().to_string();
        let _ = writeln!(
            xml,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3}\">",
            escape(&path),
            group.len(),
            group
                .iter()
                .filter(|r| r.error.is_none() && !r.failures.is_empty())
                .count(),
            group.iter().filter(|r| r.error.is_some()).count(),
            group.iter().map(|r| r.time.as_secs_f64()).sum::<f64>(),
        );
        for r in group {
            let _ = write!(
                xml,
                "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" time=\"{:.3}\"",
                escape(&r.name),
                escape(r.title()),
                escape(&path),
                r.time.as_secs_f64()
            );
            if r.passed() && r.images.is_empty() {
                xml.push_str("/>\n");
                continue;
            }
            xml.push_str(">\n");
            if let Some(e) = &r.error {
                let _ = writeln!(
                    xml,
                    "      <error message=\"{}\">{}</error>",
                    escape(first_line(e)),
                    escape(e)
                );
            } else if !r.failures.is_empty() {
                let text = r.failures.join("\n");
                let _ = writeln!(
                    xml,
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                    escape(first_line(&r.failures[0])),
                    if r.images.iter().any(|i| !i.verdict.passed()) {
                        "snapshot"
                    } else {
                        "report"
                    },
                    escape(&text)
                );
            }
            if !r.images.is_empty() {
                let lines: Vec<String> = r
                    .images
                    .iter()
                    .map(|i| format!("{} -> {}", i.actual.display(), i.snapshot.display()))
                    .collect();
                let _ = writeln!(
                    xml,
                    "      <system-out>{}</system-out>",
                    escape(lines.join("\n"))
                );
            }
            xml.push_str("    </testcase>\n");
        }
        xml.push_str("  </testsuite>\n");
    }
    xml.push_str("</testsuites>\n");
    xml
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::time::Duration;

    use super::*;

    fn case(spec: &str, platform: &str, failures: &[&str], error: Option<&str>) -> CaseResult {
        CaseResult {
            spec: PathBuf::from(spec),
            name: "poster".into(),
            platform: platform.into(),
            time: Duration::from_millis(1500),
            error: error.map(String::from),
            failures: failures.iter().map(|s| s.to_string()).collect(),
            images: Vec::new(),
        }
    }

    #[test]
    fn junit_groups_cases_by_spec_and_counts_failures_and_errors() {
        let xml = to_junit(&[
            case("a.poster.json", "wechat", &[], None),
            case(
                "a.poster.json",
                "alipay",
                &["max difference 9 <over> \"3\" & more"],
                None,
            ),
            case(
                "b.poster.json",
                "",
                &[],
                Some("b.poster.json: expected value at line 1"),
            ),
        ]);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        assert_eq!(
            [
                root.attribute("tests"),
                root.attribute("failures"),
                root.attribute("errors")
            ],
            [Some("3"), Some("1"), Some("1")]
        );
        let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
        assert_eq!(suites.len(), 2);
        assert_eq!(suites[0].attribute("name"), Some("a.poster.json"));
        let cases: Vec<_> = suites[0].children().filter(|n| n.is_element()).collect();
        assert_eq!(cases[1].attribute("name"), Some("poster [alipay]"));
        assert_eq!(cases[1].attribute("time"), Some("1.500"));
        let failure = cases[1].first_element_child().unwrap();
        assert_eq!(failure.tag_name().name(), "failure");
        assert_eq!(failure.text(), Some("max difference 9 <over> \"3\" & more"));
        let error = suites[1]
            .first_element_child()
            .unwrap()
            .first_element_child()
            .unwrap();
        assert_eq!(error.tag_name().name(), "error");
    }
}
