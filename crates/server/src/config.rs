//! [`Config`]: what `mpcanvas serve` is started with.

use std::net::SocketAddr;
use std::time::Duration;

/// The service's settings; [`Config::default`] is what `mpcanvas serve`
/// uses without flags.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Address to listen on (default `127.0.0.1:8080`).
    pub listen: SocketAddr,
    /// Worker threads running jobs (default: the number of CPUs).
    pub workers: usize,
    /// Jobs that may wait for a worker; one more is answered 429.
    pub queue: usize,
    /// Hosts (and their subdomains) runs may download from; empty: no
    /// network for jobs.
    pub allow_domains: Vec<String>,
    /// Whether the machine's fonts are used besides the bundled ones.
    pub system_fonts: bool,
    /// Where each run's temporary folder is made (default: the system's
    /// temporary folder).
    pub temp_dir: std::path::PathBuf,
    /// Request and job limits.
    pub limits: Limits,
}

/// Limits on requests and jobs: what an untrusted client can make the
/// service spend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Largest `POST /v1/render` body (the JSON with the script).
    pub render_body_bytes: usize,
    /// Largest `POST /v1/run` body (the compressed archive).
    pub run_body_bytes: usize,
    /// Largest total size of an archive's files once unpacked.
    pub unpacked_bytes: u64,
    /// Most entries (files and folders) an archive may hold.
    pub archive_entries: usize,
    /// Wall-clock limit of one job's JS.
    pub job_time: Duration,
    /// JS heap limit of one job.
    pub job_memory_bytes: usize,
    /// Largest canvas side a render request may ask for.
    pub max_side: u32,
    /// Most taps a run request may ask for.
    pub max_taps: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            render_body_bytes: 1 << 20,
            run_body_bytes: 16 << 20,
            unpacked_bytes: 64 << 20,
            archive_entries: 2_000,
            job_time: Duration::from_secs(10),
            job_memory_bytes: 128 << 20,
            max_side: 4096,
            max_taps: 32,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        let cpus = std::thread::available_parallelism().map_or(2, usize::from);
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            workers: cpus,
            queue: cpus * 8,
            allow_domains: Vec::new(),
            system_fonts: true,
            temp_dir: std::env::temp_dir(),
            limits: Limits::default(),
        }
    }
}
