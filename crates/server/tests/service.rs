//! The service routes over real HTTP: health, readiness, metrics, the
//! OpenAPI document, the playground, unknown routes, graceful shutdown.

mod support;

use serde_json::json;
use support::{Server, config, get, post_json};

#[test]
fn healthz_and_readyz_answer_ok_on_an_idle_server() {
    let server = Server::start(config());
    assert_eq!(get(&server.url("/healthz")).status, 200);
    let r = get(&server.url("/readyz"));
    assert_eq!((r.status, r.text().trim()), (200, "ready"));
}

#[test]
fn metrics_count_requests_jobs_and_show_the_pool() {
    let server = Server::start(config());
    let ok = post_json(
        &server.url("/v1/render"),
        &json!({ "script": "function draw(ctx) { ctx.fillRect(0, 0, 5, 5); }" }),
    );
    assert_eq!(ok.status, 200);
    let bad = post_json(
        &server.url("/v1/render"),
        &json!({ "script": "function draw() { throw 1; }" }),
    );
    assert_eq!(bad.status, 422);
    let r = get(&server.url("/metrics"));
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/plain"));
    let text = r.text();
    for line in [
        "mpcanvas_http_requests_total{route=\"/v1/render\",status=\"200\"} 1",
        "mpcanvas_http_requests_total{route=\"/v1/render\",status=\"422\"} 1",
        "mpcanvas_http_request_duration_seconds_count{route=\"/v1/render\"} 2",
        "mpcanvas_jobs_total{kind=\"render\",outcome=\"ok\"} 1",
        "mpcanvas_jobs_total{kind=\"render\",outcome=\"script_error\"} 1",
        "mpcanvas_queue_depth 0",
        "mpcanvas_workers 2",
    ] {
        assert!(text.contains(line), "missing {line} in\n{text}");
    }
}

#[test]
fn openapi_document_is_json_and_lists_every_route() {
    let server = Server::start(config());
    let r = get(&server.url("/openapi.json"));
    assert_eq!(r.status, 200);
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/v1/render",
        "/v1/run",
        "/v1/examples",
        "/healthz",
        "/readyz",
        "/metrics",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path}");
    }
}

#[test]
fn the_playground_page_is_served_without_external_resources() {
    let server = Server::start(config());
    let r = get(&server.url("/"));
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    let html = r.text();
    assert!(html.contains("/v1/render") && html.contains("/v1/run"));
    // The machine running it may be offline: no CDN scripts or styles.
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
}

#[test]
fn unknown_routes_and_methods_get_json_errors() {
    let server = Server::start(config());
    let r = get(&server.url("/v2/nothing"));
    assert_eq!((r.status, r.code().as_str()), (404, "not_found"));
    let r = get(&server.url("/v1/render"));
    assert_eq!((r.status, r.code().as_str()), (405, "method_not_allowed"));
}

#[test]
fn shutdown_lets_the_running_job_finish_then_stops() {
    let mut c = config();
    c.limits.job_time = std::time::Duration::from_millis(700);
    let mut server = Server::start(c);
    let url = server.url("/v1/render");
    let metrics = server.url("/metrics");
    let running = std::thread::spawn(move || {
        post_json(
            &url,
            &json!({ "script": "function draw() { for (;;) {} }" }),
        )
    });
    // Wait until the job is on a worker.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !get(&metrics).text().contains("mpcanvas_jobs_running 1") {
        assert!(
            std::time::Instant::now() < deadline,
            "the job never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    server.stop().unwrap();
    let r = running.join().unwrap();
    assert_eq!((r.status, r.code().as_str()), (422, "time_limit"));
    // Stopped: nothing listens any more.
    assert!(std::net::TcpStream::connect(server.addr).is_err());
}
