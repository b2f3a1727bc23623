//! The parts of a formatted date, time or range (`formatToParts`,
//! `formatRangeToParts`): ICU4X's part marks as ECMA-402 part types, each
//! with the side of a range it belongs to.

use std::fmt;

use writeable::{Part, PartsWrite};

use crate::datetime::FormattedPart;

/// Collects the outermost date/time parts, text outside them literal,
/// each with the side of a range it was written for (`shared` outside).
#[derive(Default)]
pub(crate) struct PartsSink {
    parts: Vec<(FormattedPart, &'static str)>,
    current: Option<&'static str>,
    side: Option<&'static str>,
}

impl PartsSink {
    fn source(&self) -> &'static str {
        self.side.unwrap_or("shared")
    }

    fn push(&mut self, kind: &'static str, s: &str) {
        let source = self.source();
        match self.parts.last_mut() {
            Some((last, from)) if last.kind == kind && kind == "literal" && *from == source => {
                last.value.push_str(s)
            }
            _ => self.parts.push((
                FormattedPart {
                    kind,
                    value: s.to_owned(),
                },
                source,
            )),
        }
    }

    pub(crate) fn finish(mut self) -> Vec<(FormattedPart, &'static str)> {
        // ICU4X opens some fields (the zone name) more than once; the
        // empty openings are not parts.
        self.parts.retain(|(p, _)| !p.value.is_empty());
        self.parts
    }
}

impl fmt::Write for PartsSink {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.current {
            Some(kind) => {
                if let Some((last, _)) = self.parts.last_mut() {
                    last.value.push_str(s);
                } else {
                    self.push(kind, s);
                }
            }
            None => self.push("literal", s),
        }
        Ok(())
    }
}

fn part_kind(part: Part) -> &'static str {
    use icu_datetime::parts as p;
    match part {
        p::ERA => "era",
        p::YEAR | p::EXTENDED_YEAR => "year",
        p::RELATED_YEAR => "relatedYear",
        p::YEAR_NAME => "yearName",
        p::MONTH => "month",
        p::DAY => "day",
        p::WEEKDAY => "weekday",
        p::DAY_PERIOD => "dayPeriod",
        p::HOUR => "hour",
        p::MINUTE => "minute",
        p::SECOND => "second",
        p::TIME_ZONE_NAME => "timeZoneName",
        _ => "literal",
    }
}

impl PartsWrite for PartsSink {
    type SubPartsWrite = Self;

    fn with_part(
        &mut self,
        part: Part,
        mut f: impl FnMut(&mut Self) -> fmt::Result,
    ) -> fmt::Result {
        if self.current.is_some() {
            // Nested parts (digits inside a year) belong to the outer field.
            return f(self);
        }
        use icu_datetime::parts::{RANGE_END, RANGE_START};
        if part == RANGE_START || part == RANGE_END {
            let outer = self.side;
            self.side = Some(if part == RANGE_START {
                "startRange"
            } else {
                "endRange"
            });
            let result = f(self);
            self.side = outer;
            return result;
        }
        let kind = part_kind(part);
        if kind == "literal" {
            return f(self);
        }
        let source = self.source();
        self.parts.push((
            FormattedPart {
                kind,
                value: String::new(),
            },
            source,
        ));
        self.current = Some(kind);
        let result = f(self);
        self.current = None;
        result
    }
}
