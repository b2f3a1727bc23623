//! [`AllowedHosts`]: the network limited to a list of hosts
//! ([`Network::Domains`](crate::Network::Domains)).

use mpcanvas_platform::fetch::{FetchError, FetchLimits, Fetched, Fetcher, HttpFetcher};

/// Fetches over HTTP(S) from the listed hosts (and their subdomains) only.
#[derive(Debug, Clone)]
pub(crate) struct AllowedHosts {
    hosts: Vec<String>,
    http: HttpFetcher,
}

impl AllowedHosts {
    pub(crate) fn new(hosts: Vec<String>, deadline: std::time::Instant) -> AllowedHosts {
        let hosts = hosts
            .into_iter()
            .map(|h| h.trim().trim_end_matches('.').to_ascii_lowercase())
            .filter(|h| !h.is_empty())
            .collect();
        // A followed redirect could lead anywhere: the checked URL must be
        // the fetched one.
        let limits = FetchLimits {
            max_redirects: 0,
            ..FetchLimits::default()
        };
        AllowedHosts {
            hosts,
            http: HttpFetcher::new(limits).with_deadline(deadline),
        }
    }

    fn check(&self, url: &str) -> Result<(), FetchError> {
        let host = host_of(url).ok_or(FetchError::InvalidUrl)?;
        let allowed = self.hosts.iter().any(|h| {
            host == *h
                || host
                    .strip_suffix(h.as_str())
                    .is_some_and(|p| p.ends_with('.'))
        });
        if allowed {
            Ok(())
        } else {
            Err(FetchError::Network(format!(
                "{host} is not an allowed domain for this run"
            )))
        }
    }
}

/// The lower-cased host of an `http(s)://` URL, without user info or port.
fn host_of(url: &str) -> Option<String> {
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

impl Fetcher for AllowedHosts {
    fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        self.check(url)?;
        self.http.fetch(url)
    }

    fn fetch_any_status(&self, url: &str) -> Result<Fetched, FetchError> {
        self.check(url)?;
        self.http.fetch_any_status(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn only_listed_hosts_and_their_subdomains_pass() {
        let f = AllowedHosts::new(vec!["Example.com".into()], std::time::Instant::now());
        assert!(f.check("https://example.com/a.png").is_ok());
        assert!(f.check("https://img.example.com/a.png").is_ok());
        assert!(f.check("https://badexample.com/a.png").is_err());
        assert!(f.check("https://example.com.evil.test/a.png").is_err());
        assert!(f.check("https://example.com@evil.test/a.png").is_err());
        assert!(matches!(
            f.fetch("http://127.0.0.1/a.png"),
            Err(FetchError::Network(_))
        ));
    }
}
