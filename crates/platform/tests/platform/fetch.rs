//! The HTTP fetcher against a local server on 127.0.0.1 only: success,
//! status errors, timeout, size cap, redirects, and schemes it refuses.

use std::time::{Duration, Instant};

use mpcanvas_platform::fetch::{FetchError, FetchLimits, Fetcher, HttpFetcher, NoNetwork};
use mpcanvas_platform::sniff::ImageKind;

use crate::support::server;

fn fetcher() -> HttpFetcher {
    HttpFetcher::new(FetchLimits {
        timeout: Duration::from_millis(500),
        max_redirects: 3,
        max_bytes: 1024 * 1024,
    })
}

#[test]
fn the_http_fetcher_downloads_and_sniffs_images() {
    let base = server();
    let got = fetcher().fetch(&format!("{base}/ok.png")).unwrap();
    assert_eq!(got.kind, Some(ImageKind::Png));
    // Content-Type is not trusted either way.
    assert_eq!(
        fetcher().fetch(&format!("{base}/disguised")).unwrap().kind,
        Some(ImageKind::Png)
    );
    assert_eq!(
        fetcher().fetch(&format!("{base}/page.html")).unwrap().kind,
        None
    );
    assert_eq!(
        fetcher().fetch(&format!("{base}/redirect")).unwrap().kind,
        Some(ImageKind::Png)
    );
}

#[test]
fn the_http_fetcher_reports_each_failure() {
    let base = server();
    let f = fetcher();
    assert_eq!(
        f.fetch(&format!("{base}/404")),
        Err(FetchError::Status(404))
    );
    // The same answer with its body, for downloadFile's success.
    let page = f.fetch_any_status(&format!("{base}/404")).unwrap();
    assert_eq!((page.status, page.bytes.as_slice()), (404, &b"missing"[..]));
    assert_eq!(
        f.fetch(&format!("{base}/big")),
        Err(FetchError::TooLarge(1024 * 1024))
    );
    assert_eq!(f.fetch(&format!("{base}/loop")), Err(FetchError::Redirects));
    let start = Instant::now();
    assert_eq!(f.fetch(&format!("{base}/slow")), Err(FetchError::Timeout));
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "the timeout bounds the wait"
    );
    for url in [
        "ftp://127.0.0.1/a.png",
        "file:///etc/passwd",
        "/etc/passwd",
        "data:image/png;base64,AA==",
    ] {
        assert_eq!(f.fetch(url), Err(FetchError::InvalidUrl), "{url}");
    }
    // A closed port on the loopback address.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    assert!(matches!(
        f.fetch(&format!("http://{closed}/x")),
        Err(FetchError::Network(_))
    ));
    assert!(matches!(
        NoNetwork.fetch(&format!("{base}/ok.png")),
        Err(FetchError::Network(_))
    ));
}

/// Three slow downloads in a row under a 1.2 s deadline: together they
/// end by the deadline, not after three full timeouts.
#[test]
fn downloads_in_a_row_end_by_the_fetchers_deadline() {
    let base = server();
    let start = Instant::now();
    let f = HttpFetcher::new(FetchLimits {
        timeout: Duration::from_secs(2),
        max_redirects: 3,
        max_bytes: 1024 * 1024,
    })
    .with_deadline(start + Duration::from_millis(1200));
    for _ in 0..3 {
        assert_eq!(f.fetch(&format!("{base}/slow")), Err(FetchError::Timeout));
    }
    let took = start.elapsed();
    assert!(took < Duration::from_millis(2000), "{took:?}");
    // Past the deadline a request fails at once.
    let again = Instant::now();
    assert_eq!(f.fetch(&format!("{base}/ok.png")), Err(FetchError::Timeout));
    assert!(again.elapsed() < Duration::from_millis(100));
}
