//! [`Metrics`]: request, latency and job counters, written in the
//! Prometheus text format at `GET /metrics`.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Duration;

/// Latency histogram bucket bounds, in seconds (renders take ~10 ms to
/// seconds; the job time limit is 10 s by default).
const BUCKETS: [f64; 12] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

#[derive(Debug, Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

#[derive(Debug, Default)]
struct Inner {
    requests: BTreeMap<(String, u16), u64>,
    latency: BTreeMap<String, Histogram>,
    jobs: BTreeMap<(&'static str, &'static str), u64>,
}

/// The service's counters (one per server, shared by every request).
#[derive(Debug, Default)]
pub(crate) struct Metrics {
    inner: Mutex<Inner>,
}

/// The pool's state when the metrics are read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PoolGauges {
    pub(crate) queued: usize,
    pub(crate) busy: usize,
    pub(crate) workers: usize,
    pub(crate) capacity: usize,
}

impl Metrics {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// One answered request on `route` (the matched pattern, so ids in
    /// paths do not make new series).
    pub(crate) fn request(&self, route: &str, status: u16, took: Duration) {
        let mut inner = self.lock();
        *inner
            .requests
            .entry((route.to_owned(), status))
            .or_default() += 1;
        let h = inner.latency.entry(route.to_owned()).or_default();
        let secs = took.as_secs_f64();
        for (count, bound) in h.counts.iter_mut().zip(BUCKETS) {
            if secs <= bound {
                *count += 1;
            }
        }
        h.sum += secs;
        h.count += 1;
    }

    /// One finished or refused job of `kind` (`render`, `run`).
    pub(crate) fn job(&self, kind: &'static str, outcome: &'static str) {
        *self.lock().jobs.entry((kind, outcome)).or_default() += 1;
    }

    /// Everything in the Prometheus text exposition format.
    pub(crate) fn render(&self, pool: PoolGauges) -> String {
        let inner = self.lock();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP mpcanvas_http_requests_total HTTP requests answered, by route and status."
        );
        let _ = writeln!(out, "# TYPE mpcanvas_http_requests_total counter");
        for ((route, status), n) in &inner.requests {
            let _ = writeln!(
                out,
                "mpcanvas_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
            );
        }
        let _ = writeln!(
            out,
            "# HELP mpcanvas_http_request_duration_seconds Time from request to response, by route."
        );
        let _ = writeln!(
            out,
            "# TYPE mpcanvas_http_request_duration_seconds histogram"
        );
        for (route, h) in &inner.latency {
            for (count, bound) in h.counts.iter().zip(BUCKETS) {
                let _ = writeln!(
                    out,
                    "mpcanvas_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {count}"
                );
            }
            let _ = writeln!(
                out,
                "mpcanvas_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "mpcanvas_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "mpcanvas_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count
            );
        }
        let _ = writeln!(
            out,
            "# HELP mpcanvas_jobs_total Jobs by kind and outcome (ok, script_error, time_limit, memory_limit, rejected, ...)."
        );
        let _ = writeln!(out, "# TYPE mpcanvas_jobs_total counter");
        for ((kind, outcome), n) in &inner.jobs {
            let _ = writeln!(
                out,
                "mpcanvas_jobs_total{{kind=\"{kind}\",outcome=\"{outcome}\"}} {n}"
            );
        }
        let gauges = [
            (
                "mpcanvas_queue_depth",
                "Jobs waiting for a worker.",
                pool.queued,
            ),
            (
                "mpcanvas_queue_capacity",
                "Jobs that may wait before requests are refused.",
                pool.capacity,
            ),
            (
                "mpcanvas_jobs_running",
                "Jobs running on workers now.",
                pool.busy,
            ),
            ("mpcanvas_workers", "Worker threads.", pool.workers),
        ];
        for (name, help, value) in gauges {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        if let Some(rss) = resident_bytes() {
            let _ = writeln!(
                out,
                "# HELP process_resident_memory_bytes Resident memory of the process.\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes {rss}"
            );
        }
        out
    }
}

/// The process's resident memory (Linux `/proc`; `None` elsewhere).
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_and_series_are_labelled() {
        let m = Metrics::default();
        m.request("/v1/render", 200, Duration::from_millis(20));
        m.request("/v1/render", 200, Duration::from_millis(300));
        m.job("render", "ok");
        let text = m.render(PoolGauges {
            queued: 0,
            busy: 0,
            workers: 2,
            capacity: 8,
        });
        assert!(
            text.contains("mpcanvas_http_requests_total{route=\"/v1/render\",status=\"200\"} 2")
        );
        assert!(text.contains("le=\"0.025\"} 1"));
        assert!(text.contains("le=\"0.5\"} 2"));
        assert!(text.contains("le=\"+Inf\"} 2"));
        assert!(text.contains("mpcanvas_jobs_total{kind=\"render\",outcome=\"ok\"} 1"));
        assert!(text.contains("mpcanvas_workers 2"));
    }
}
