//! The network: a [`Fetcher`] trait, so runs and tests choose where bytes
//! come from, and [`HttpFetcher`], a real HTTP(S) client (ureq with rustls)
//! with a timeout, a redirect limit and a size cap. Content is judged by
//! sniffing the bytes, never by the Content-Type header.

use std::fmt;
use std::io::Read;
use std::time::{Duration, Instant};

use crate::sniff::{ImageKind, sniff};

/// A downloaded body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The body.
    pub bytes: Vec<u8>,
    /// The image format the bytes start with, if any.
    pub kind: Option<ImageKind>,
    /// The HTTP status the body came with (200 for fetchers without one).
    pub status: u16,
    /// The response's header fields as `(lower-case name, value)`, in
    /// order (empty for fetchers without HTTP).
    pub headers: Vec<(String, String)>,
}

impl Fetched {
    /// Wraps a body, sniffing it; the status is 200.
    pub fn new(bytes: Vec<u8>) -> Self {
        Fetched {
            kind: sniff(&bytes),
            bytes,
            status: 200,
            headers: Vec::new(),
        }
    }

    /// The same body with HTTP status `status`.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    /// The same body with the response's header fields.
    pub fn with_headers(mut self, headers: Vec<(String, String)>) -> Self {
        self.headers = headers;
        self
    }
}

/// Why a download produced nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// Not an `http:` / `https:` URL.
    InvalidUrl,
    /// The server answered with a non-success status.
    Status(u16),
    /// The timeout ran out.
    Timeout,
    /// The body is larger than the cap (bytes).
    TooLarge(u64),
    /// Too many redirects.
    Redirects,
    /// Connection, TLS or protocol failure.
    Network(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::InvalidUrl => f.write_str("download failed: invalid url"),
            FetchError::Status(code) => write!(f, "download failed: http status {code}"),
            FetchError::Timeout => f.write_str("download failed: timeout"),
            FetchError::TooLarge(cap) => {
                write!(f, "download failed: the file is larger than {cap} bytes")
            }
            FetchError::Redirects => f.write_str("download failed: too many redirects"),
            FetchError::Network(m) => write!(f, "download failed: {m}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// Where URL downloads come from.
pub trait Fetcher {
    /// The body of `url`; a non-success HTTP status is an error
    /// ([`FetchError::Status`]).
    fn fetch(&self, url: &str) -> Result<Fetched, FetchError>;

    /// The body of `url` whatever its HTTP status, which
    /// [`Fetched::status`] carries (`downloadFile` delivers error pages
    /// with their status on most platforms). Fetchers without statuses
    /// answer as [`fetch`](Fetcher::fetch) does.
    fn fetch_any_status(&self, url: &str) -> Result<Fetched, FetchError> {
        self.fetch(url)
    }
}

/// A fetcher with no network: every URL fails (the default for runs that
/// did not ask for network access).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoNetwork;

impl Fetcher for NoNetwork {
    fn fetch(&self, _url: &str) -> Result<Fetched, FetchError> {
        Err(FetchError::Network(
            "network access is disabled for this run".into(),
        ))
    }
}

/// Limits of [`HttpFetcher`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchLimits {
    /// Whole-request timeout (connect, headers and body).
    pub timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
}

impl Default for FetchLimits {
    /// 10 s, 5 redirects, 20 MB (far above any poster image, far below a
    /// memory problem).
    fn default() -> Self {
        FetchLimits {
            timeout: Duration::from_secs(10),
            max_redirects: 5,
            max_bytes: 20 * 1024 * 1024,
        }
    }
}

/// A blocking HTTP(S) client.
#[derive(Debug, Clone)]
pub struct HttpFetcher {
    agent: ureq::Agent,
    limits: FetchLimits,
    /// When the run must end: no request waits past it.
    deadline: Option<Instant>,
}

impl HttpFetcher {
    /// A client with `limits`.
    pub fn new(limits: FetchLimits) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(limits.timeout))
            .max_redirects(limits.max_redirects)
            .http_status_as_error(false)
            .build()
            .into();
        HttpFetcher {
            agent,
            limits,
            deadline: None,
        }
    }

    /// Bounds every request by `deadline` as well as by its own timeout,
    /// so downloads in a row cannot outlast the run's time limit (each
    /// would otherwise wait its full timeout); past it, requests fail at
    /// once as timed out.
    pub fn with_deadline(mut self, deadline: Instant) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The timeout of a request starting now, `None` when the deadline
    /// has passed.
    fn request_timeout(&self) -> Option<Duration> {
        match self.deadline {
            None => Some(self.limits.timeout),
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                (!left.is_zero()).then(|| left.min(self.limits.timeout))
            }
        }
    }
}

impl Default for HttpFetcher {
    fn default() -> Self {
        HttpFetcher::new(FetchLimits::default())
    }
}

impl Fetcher for HttpFetcher {
    fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        let fetched = self.fetch_any_status(url)?;
        if !(200..300).contains(&fetched.status) {
            return Err(FetchError::Status(fetched.status));
        }
        Ok(fetched)
    }

    fn fetch_any_status(&self, url: &str) -> Result<Fetched, FetchError> {
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(FetchError::InvalidUrl);
        }
        let timeout = self.request_timeout().ok_or(FetchError::Timeout)?;
        let mut response = self
            .agent
            .get(url)
            .config()
            .timeout_global(Some(timeout))
            .build()
            .call()
            .map_err(map_error)?;
        let status = response.status().as_u16();
        // Values that are not text (rare, and no platform documents them)
        // are left out.
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .filter_map(|(name, value)| {
                Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
            })
            .collect();
        let cap = self.limits.max_bytes;
        let mut bytes = Vec::new();
        // One byte over the cap tells "too large" from "exactly the cap".
        response
            .body_mut()
            .as_reader()
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| map_io(&e))?;
        if bytes.len() as u64 > cap {
            return Err(FetchError::TooLarge(cap));
        }
        Ok(Fetched::new(bytes)
            .with_status(status)
            .with_headers(headers))
    }
}

fn map_error(e: ureq::Error) -> FetchError {
    match e {
        ureq::Error::Timeout(_) => FetchError::Timeout,
        ureq::Error::TooManyRedirects => FetchError::Redirects,
        ureq::Error::StatusCode(code) => FetchError::Status(code),
        ureq::Error::BadUri(_) => FetchError::InvalidUrl,
        ureq::Error::Io(io) => map_io(&io),
        other => FetchError::Network(other.to_string()),
    }
}

fn map_io(e: &std::io::Error) -> FetchError {
    if e.kind() == std::io::ErrorKind::TimedOut || e.to_string().contains("timeout") {
        FetchError::Timeout
    } else {
        FetchError::Network(e.to_string())
    }
}

/// The lower-cased host of an `http(s)://` URL, without user info or port.
pub fn host_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#', '\\']).next()?;
    // `http://allowed.com@evil.com/` goes to evil.com: the host is after the last `@`.
    let host_port = authority.rsplit('@').next()?;
    let host = if let Some(v6) = host_port.strip_prefix('[') {
        v6.split(']').next()?
    } else {
        host_port.split(':').next()?
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod host_tests {
    use super::host_of;

    #[test]
    fn host_of_takes_the_host_after_user_info_and_before_the_port() {
        assert_eq!(
            host_of("https://Cdn.Example.com:8443/a.png").as_deref(),
            Some("cdn.example.com")
        );
        assert_eq!(
            host_of("http://example.com@evil.test/x").as_deref(),
            Some("evil.test")
        );
        assert_eq!(host_of("http://[::1]:80/").as_deref(), Some("::1"));
        assert_eq!(host_of("ftp://example.com/"), None);
        assert_eq!(host_of("example.com/a.png"), None);
    }
}
