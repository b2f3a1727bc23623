//! A local HTTP/1.1 server for tests: each request path is answered by a
//! closure, on its own thread, for the rest of the test process. Tests of
//! downloads, network images and fonts use it so the real HTTP client
//! (timeouts, size caps, redirects, statuses) is exercised without the
//! internet.

#![forbid(unsafe_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One answer: a status line (`"404 Not Found"`), extra headers and a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code and reason, e.g. `"200 OK"`.
    pub status: &'static str,
    /// Headers besides `Content-Length` and `Connection`.
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// `status` with a `Content-Type` and a body.
    pub fn new(status: &'static str, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_owned())],
            body: body.into(),
        }
    }

    /// `200 OK` with a `Content-Type` and a body.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Response::new("200 OK", content_type, body)
    }

    /// `302 Found` to `location`.
    pub fn redirect(location: &str) -> Self {
        Response {
            status: "302 Found",
            headers: vec![("Location", location.to_owned())],
            body: Vec::new(),
        }
    }

    /// `404 Not Found` with the body `missing`.
    pub fn not_found() -> Self {
        Response::new("404 Not Found", "text/plain", b"missing".to_vec())
    }
}

/// A running server.
#[derive(Debug, Clone)]
pub struct Server {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub base: String,
    /// Requests answered so far.
    pub requests: Arc<AtomicUsize>,
}

impl Server {
    /// `base` + `path` (`path` starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Requests answered so far.
    pub fn request_count(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// Starts a server answering every request for a path with `route(path)`
/// (the path includes any query string). A route may sleep to simulate a
/// slow server.
pub fn serve(route: impl Fn(&str) -> Response + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}", listener.local_addr().expect("a bound address"));
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = requests.clone();
    let route = Arc::new(route);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (route, counter) = (route.clone(), counter.clone());
            std::thread::spawn(move || {
                let Ok(read_half) = stream.try_clone() else {
                    return;
                };
                let mut reader = BufReader::new(read_half);
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
                // Skip the request headers; no route looks at them.
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
                        break;
                    }
                }
                let response = route(&path);
                let mut head = format!("HTTP/1.1 {}\r\n", response.status);
                for (name, value) in &response.headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                head.push_str(&format!(
                    "Content-Length: {}\r\nConnection: close\r\n\r\n",
                    response.body.len()
                ));
                // Counted before the answer goes out: a client that has read
                // the answer must already see it counted.
                counter.fetch_add(1, Ordering::SeqCst);
                let mut stream = stream;
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&response.body);
            });
        }
    });
    Server { base, requests }
}

#[cfg(test)]
mod tests {
    use std::io::Read;
    use std::net::TcpStream;

    use super::*;

    fn get(server: &Server, path: &str) -> String {
        let mut s = TcpStream::connect(server.base.trim_start_matches("http://")).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    }

    #[test]
    fn routes_answer_with_status_headers_and_body_and_are_counted() {
        let server = serve(|path| match path {
            "/a" => Response::ok("text/plain", "hello"),
            "/r" => Response::redirect("/a"),
            _ => Response::not_found(),
        });
        let a = get(&server, "/a");
        assert!(a.starts_with("HTTP/1.1 200 OK\r\n"), "{a}");
        assert!(a.contains("Content-Type: text/plain\r\nContent-Length: 5\r\n"));
        assert!(a.ends_with("\r\n\r\nhello"));
        assert!(get(&server, "/r").contains("Location: /a\r\n"));
        assert!(get(&server, "/x").starts_with("HTTP/1.1 404 Not Found"));
        assert_eq!(server.request_count(), 3);
    }
}
