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
        let host = mpcanvas_platform::fetch::host_of(url).ok_or(FetchError::InvalidUrl)?;
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
