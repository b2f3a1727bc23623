//! A real server on 127.0.0.1:0 for one test, and a small blocking client.

#![allow(dead_code, reason = "each test file uses part of the support module")]
#![allow(unreachable_pub, reason = "a test support module")]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::thread::JoinHandle;

use mpcanvas_server::Config;

/// A server running on its own thread; stopped (gracefully) on drop.
pub struct Server {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<std::io::Result<()>>>,
    pub temp: tempfile::TempDir,
}

/// A test config: bundled fonts only, short limits, its own temp folder.
pub fn config() -> Config {
    let mut c = Config {
        workers: 2,
        queue: 4,
        system_fonts: false,
        ..Config::default()
    };
    c.limits.job_time = std::time::Duration::from_secs(2);
    c.limits.job_memory_bytes = 32 << 20;
    c
}

impl Server {
    pub fn start(mut config: Config) -> Server {
        let temp = tempfile::tempdir().unwrap();
        config.temp_dir = temp.path().to_path_buf();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()?;
            rt.block_on(async {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
                addr_tx.send(listener.local_addr()?).unwrap();
                mpcanvas_server::serve(listener, config, async {
                    let _ = stopped.await;
                })
                .await
            })
        });
        let addr = addr_rx.recv().expect("the server did not start");
        Server {
            addr,
            stop: Some(stop),
            thread: Some(thread),
            temp,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Asks the server to stop and waits until it has.
    pub fn stop(&mut self) -> std::io::Result<()> {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        match self.thread.take() {
            Some(t) => t.join().expect("the server thread panicked"),
            None => Ok(()),
        }
    }

    /// Entries left in the server's temporary folder (job folders).
    pub fn leftovers(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.temp.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The error `code` of a JSON error reply.
    pub fn code(&self) -> String {
        self.json()["code"].as_str().unwrap_or("").to_owned()
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut r = r.expect("request failed");
    let headers = r
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    let body = r
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_vec()
        .unwrap();
    Reply {
        status: r.status().as_u16(),
        headers,
        body,
    }
}

pub fn get(url: &str) -> Reply {
    reply(agent().get(url).call())
}

pub fn post(url: &str, content_type: &str, body: &[u8]) -> Reply {
    reply(
        agent()
            .post(url)
            .header("content-type", content_type)
            .send(body),
    )
}

pub fn post_json(url: &str, body: &serde_json::Value) -> Reply {
    post(url, "application/json", body.to_string().as_bytes())
}
