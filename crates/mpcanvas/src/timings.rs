//! [`Timings`]: where one job's time went, stage by stage, and the median
//! of repeated jobs (`mpcanvas render --timings --repeat N`).

use std::fmt;
use std::time::Duration;

use mpcanvas_canvas::timing::StageTimes;

/// The wall time of one job split by stage. `script` is what is left of
/// the job's wall time once the other stages are taken off: running the
/// script's own JS (and everything not counted elsewhere).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timings {
    /// Setting up: the engine's fonts and profiles (counted in the first
    /// job of an [`Engine`](crate::Engine) only), the JS runtime, the
    /// bindings, the job's fonts, the platform's data folder.
    pub startup: Duration,
    /// The script's JS outside the other stages.
    pub script: Duration,
    /// Image decoding.
    pub decode: Duration,
    /// Canvas drawing calls (text shaping and layout included).
    pub draw: Duration,
    /// PNG / JPEG encoding (with the export's region resampling).
    pub encode: Duration,
    /// Writing files.
    pub write: Duration,
}

impl Timings {
    /// Splits `wall` (a whole job) by the stage clocks read after it.
    pub(crate) fn split(wall: Duration, stages: StageTimes) -> Timings {
        Timings {
            startup: stages.startup,
            script: wall.saturating_sub(stages.total()),
            decode: stages.decode,
            draw: stages.draw,
            encode: stages.encode,
            write: stages.write,
        }
    }

    /// The whole job.
    pub fn total(&self) -> Duration {
        self.startup + self.script + self.decode + self.draw + self.encode + self.write
    }

    /// The median of each stage, and of the totals, over `runs` (the
    /// stage medians need not add up to the median total). `None` for no
    /// runs.
    pub fn median(runs: &[Timings]) -> Option<(Timings, Duration)> {
        if runs.is_empty() {
            return None;
        }
        let of = |f: fn(&Timings) -> Duration| {
            let mut v: Vec<Duration> = runs.iter().map(f).collect();
            v.sort_unstable();
            let n = v.len();
            if n % 2 == 1 {
                v[n / 2]
            } else {
                (v[n / 2 - 1] + v[n / 2]) / 2
            }
        };
        let median = Timings {
            startup: of(|t| t.startup),
            script: of(|t| t.script),
            decode: of(|t| t.decode),
            draw: of(|t| t.draw),
            encode: of(|t| t.encode),
            write: of(|t| t.write),
        };
        Some((median, of(Timings::total)))
    }

    fn stages(&self) -> [(&'static str, Duration); 6] {
        [
            ("startup", self.startup),
            ("script", self.script),
            ("decode", self.decode),
            ("draw", self.draw),
            ("encode", self.encode),
            ("write", self.write),
        ]
    }
}

/// `startup 12.1 ms  script 0.4 ms  decode 20.3 ms  draw 91.0 ms
/// encode 17.2 ms  write 1.3 ms` (milliseconds, one decimal).
impl fmt::Display for Timings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, d)) in self.stages().into_iter().enumerate() {
            if i > 0 {
                f.write_str("  ")?;
            }
            write!(f, "{name} {}", Ms(d))?;
        }
        Ok(())
    }
}

/// This process's peak resident memory in bytes, as Linux reports it
/// (`VmHWM` in `/proc/self/status`); `None` elsewhere.
pub fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// A byte count as mebibytes with one decimal (`42.1 MiB`).
#[derive(Debug, Clone, Copy)]
pub struct Mib(pub u64);

impl fmt::Display for Mib {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1} MiB", self.0 as f64 / f64::from(1u32 << 20))
    }
}

/// A duration as milliseconds with one decimal (`12.3 ms`).
#[derive(Debug, Clone, Copy)]
pub struct Ms(pub Duration);

impl fmt::Display for Ms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1} ms", self.0.as_secs_f64() * 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn script_time_is_the_wall_time_left_after_the_stages() {
        let stages = StageTimes {
            startup: ms(10),
            decode: ms(5),
            draw: ms(30),
            encode: ms(4),
            write: ms(1),
        };
        let t = Timings::split(ms(60), stages);
        assert_eq!((t.script, t.total()), (ms(10), ms(60)));
    }

    #[test]
    fn the_median_is_taken_per_stage_and_of_the_totals() {
        let run = |draw, encode| Timings {
            draw: ms(draw),
            encode: ms(encode),
            ..Timings::default()
        };
        let (m, total) = Timings::median(&[run(90, 1), run(10, 9), run(20, 5)]).unwrap();
        assert_eq!((m.draw, m.encode, total), (ms(20), ms(5), ms(25)));
        let (m, _) = Timings::median(&[run(10, 0), run(20, 0)]).unwrap();
        assert_eq!(m.draw, ms(15), "even counts average the middle two");
        assert!(Timings::median(&[]).is_none());
    }

    #[test]
    fn timings_print_every_stage_in_milliseconds() {
        let t = Timings {
            startup: Duration::from_micros(12_345),
            draw: ms(91),
            ..Timings::default()
        };
        assert_eq!(
            t.to_string(),
            "startup 12.3 ms  script 0.0 ms  decode 0.0 ms  draw 91.0 ms  encode 0.0 ms  write 0.0 ms"
        );
    }
}
