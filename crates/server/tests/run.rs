//! `POST /v1/run` over real HTTP: projects as zip, tar and tar.gz; the
//! report with inline images; archive limits and path safety; job folders
//! removed.

mod support;

use std::io::Write;
use std::path::Path;

use support::{Server, config, post};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/wechat-2d");

/// A zip of `files` (name, bytes).
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
    out.into_inner()
}

/// The example page's files under `folder/`.
fn example_files(folder: &str) -> Vec<(String, Vec<u8>)> {
    std::fs::read_dir(EXAMPLE)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_str().unwrap().to_owned();
            (format!("{folder}{name}"), std::fs::read(&p).unwrap())
        })
        .collect()
}

fn as_refs(files: &[(String, Vec<u8>)]) -> Vec<(&str, &[u8])> {
    files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect()
}

fn check_poster_report(server: &Server, r: &support::Reply) {
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["completed"], true, "{j:#}");
    let album = j["album"].as_array().unwrap();
    assert_eq!(album.len(), 1, "{j:#}");
    assert!(
        album[0]["dataUrl"]
            .as_str()
            .unwrap()
            .starts_with("data:image/png;base64,iVBOR")
    );
    // No server paths leak: job paths are relative to the job folder.
    let folder = server.temp.path().to_str().unwrap();
    assert!(!r.text().contains(folder), "{}", r.text());
    assert!(r.header("server-timing").unwrap().contains("run;dur="));
}

#[test]
fn run_a_zipped_page_folder_and_get_the_album_poster_inline() {
    let server = Server::start(config());
    let zip = zip_of(&as_refs(&example_files("wechat-2d/")));
    let r = post(&server.url("/v1/run?taps=save"), "application/zip", &zip);
    check_poster_report(&server, &r);
    assert!(server.leftovers().is_empty(), "{:?}", server.leftovers());
}

#[test]
fn run_a_tar_and_a_tar_gz_with_page_and_platform_parameters() {
    let server = Server::start(config());
    let mut tar = tar::Builder::new(Vec::new());
    tar.append_dir_all("project/pages/poster", EXAMPLE).unwrap();
    let tar = tar.into_inner().unwrap();
    let r = post(
        &server.url(
            "/v1/run?page=project/pages/poster&taps=save&platform=wechat&dpr=3&screen=414x896",
        ),
        "application/x-tar",
        &tar,
    );
    check_poster_report(&server, &r);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar).unwrap();
    let r = post(
        &server.url("/v1/run?page=project/pages/poster&taps=save"),
        "application/gzip",
        &gz.finish().unwrap(),
    );
    check_poster_report(&server, &r);
    assert!(server.leftovers().is_empty());
}

#[test]
fn a_denying_user_is_reported_and_nothing_reaches_the_album() {
    let server = Server::start(config());
    let zip = zip_of(&as_refs(&example_files("")));
    let r = post(
        &server.url("/v1/run?taps=save&user=deny"),
        "application/zip",
        &zip,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["album"].as_array().unwrap().len(), 0);
    assert!(
        j["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"] == "prompt" && e["answer"] == "deny")
    );
}

/// A tar holding one entry of `kind` named `name` (written raw, so names
/// the tar crate's builder refuses can be tested).
fn tar_entry(name: &str, kind: tar::EntryType, data: &[u8], link: Option<&str>) -> Vec<u8> {
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(kind);
    header.set_size(data.len() as u64);
    header.set_mode(0o644);
    let raw = header.as_old_mut();
    raw.name[..name.len()].copy_from_slice(name.as_bytes());
    if let Some(l) = link {
        raw.linkname[..l.len()].copy_from_slice(l.as_bytes());
    }
    header.set_cksum();
    let mut b = tar::Builder::new(Vec::new());
    b.append(&header, data).unwrap();
    b.into_inner().unwrap()
}

#[test]
fn each_bad_archive_gets_its_error_code_and_leaves_no_files() {
    let mut c = config();
    c.limits.unpacked_bytes = 1 << 20;
    c.limits.archive_entries = 50;
    c.limits.run_body_bytes = 256 << 10;
    let server = Server::start(c);
    let url = server.url("/v1/run");
    let zeros = vec![0u8; 2 << 20];
    let many: Vec<(String, Vec<u8>)> = (0..60).map(|i| (format!("f{i}.js"), vec![b'1'])).collect();
    let tar_bomb = {
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_gnu();
        h.set_size(zeros.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, "index.js", zeros.as_slice()).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&b.into_inner().unwrap()).unwrap();
        gz.finish().unwrap()
    };
    let cases: Vec<(&str, String, Vec<u8>, u16, &str)> = vec![
        (
            "garbage",
            url.clone(),
            b"hello, not an archive".to_vec(),
            400,
            "archive_invalid",
        ),
        (
            "truncated zip",
            url.clone(),
            zip_of(&[("index.js", &b"Page({})"[..])])[..30].to_vec(),
            400,
            "archive_invalid",
        ),
        (
            "zip slip",
            url.clone(),
            zip_of(&[("../evil.js", &b"x"[..])]),
            400,
            "archive_unsafe_path",
        ),
        (
            "absolute zip path",
            url.clone(),
            zip_of(&[("/tmp/evil.js", &b"x"[..])]),
            400,
            "archive_unsafe_path",
        ),
        (
            "tar slip",
            url.clone(),
            tar_entry("../evil.js", tar::EntryType::Regular, b"x", None),
            400,
            "archive_unsafe_path",
        ),
        (
            "tar symlink",
            url.clone(),
            tar_entry("link", tar::EntryType::Symlink, b"", Some("/etc/passwd")),
            400,
            "archive_unsafe_path",
        ),
        (
            "zip bomb",
            url.clone(),
            zip_of(&[("index.js", zeros.as_slice())]),
            413,
            "archive_too_large",
        ),
        (
            "tar.gz bomb",
            url.clone(),
            tar_bomb,
            413,
            "archive_too_large",
        ),
        (
            "too many files",
            url.clone(),
            zip_of(&as_refs(&many)),
            413,
            "archive_too_many_files",
        ),
        (
            "body over the limit",
            url.clone(),
            vec![7u8; 400 << 10],
            413,
            "body_too_large",
        ),
        (
            "not a project",
            url.clone(),
            zip_of(&[("README.md", &b"hi"[..])]),
            422,
            "project_invalid",
        ),
        (
            "page outside",
            format!("{url}?page=../x"),
            zip_of(&[("index.js", &b"x"[..])]),
            400,
            "bad_request",
        ),
        (
            "unknown platform",
            format!("{url}?platform=baidu"),
            zip_of(&[("index.js", &b"x"[..])]),
            400,
            "bad_request",
        ),
        (
            "unknown parameter",
            format!("{url}?tap=save"),
            zip_of(&[("index.js", &b"x"[..])]),
            400,
            "bad_request",
        ),
    ];
    for (what, url, body, status, code) in cases {
        let r = post(&url, "application/octet-stream", &body);
        assert_eq!(
            (r.status, r.code().as_str()),
            (status, code),
            "{what}: {}",
            r.text()
        );
    }
    assert!(server.leftovers().is_empty(), "{:?}", server.leftovers());
    assert!(!Path::new(server.temp.path()).join("evil.js").exists());
}

#[test]
fn a_page_that_loops_ends_at_the_time_limit_in_its_report() {
    let mut c = config();
    c.limits.job_time = std::time::Duration::from_millis(500);
    let server = Server::start(c);
    let zip = zip_of(&[
        ("index.js", &b"Page({ onLoad() { for (;;) {} } })"[..]),
        ("index.wxml", &b"<view/>"[..]),
    ]);
    let r = post(&server.url("/v1/run"), "application/zip", &zip);
    assert_eq!(r.status, 200, "{}", r.text());
    let j = r.json();
    assert_eq!(j["completed"], false, "{j:#}");
    assert!(server.leftovers().is_empty());
}

#[test]
fn a_project_body_over_axums_default_2_mb_is_accepted_up_to_the_run_limit() {
    let server = Server::start(config());
    // Incompressible filler (an LCG), stored: the body itself is ~3 MB.
    let mut x = 0x2545_f491_u32;
    let filler: Vec<u8> = (0..3 << 20)
        .map(|_| {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (x >> 24) as u8
        })
        .collect();
    let mut files = example_files("");
    files.push(("filler.bin".into(), filler));
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut out);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in &files {
        w.start_file(name.as_str(), stored).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
    let body = out.into_inner();
    assert!(body.len() > 3 << 20);
    let r = post(&server.url("/v1/run?taps=save"), "application/zip", &body);
    check_poster_report(&server, &r);
}

#[test]
fn the_bundled_examples_are_listed_and_run_by_name_on_their_platform() {
    let server = Server::start(config());
    let list = support::get(&server.url("/v1/examples")).json();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"wechat-2d") && names.contains(&"alipay"),
        "{list}"
    );
    let r = post(
        &server.url("/v1/run?example=wechat-2d&taps=save"),
        "application/octet-stream",
        b"",
    );
    check_poster_report(&server, &r);
    // No platform given: read off the example's files (.axml → alipay).
    let r = post(
        &server.url("/v1/run?example=alipay&taps=save"),
        "application/octet-stream",
        b"",
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["profile"], "alipay", "{}", r.text());
    assert_eq!(
        r.json()["album"].as_array().unwrap().len(),
        1,
        "{}",
        r.text()
    );
    let r = post(
        &server.url("/v1/run?example=nope"),
        "application/octet-stream",
        b"",
    );
    assert_eq!((r.status, r.code()), (400, "bad_request".into()));
    assert!(r.text().contains("GET /v1/examples"), "{}", r.text());
    assert!(server.leftovers().is_empty(), "{:?}", server.leftovers());
}

#[test]
fn an_example_and_an_archive_together_or_neither_are_refused() {
    let server = Server::start(config());
    let zip = zip_of(&as_refs(&example_files("wechat-2d/")));
    let both = post(
        &server.url("/v1/run?example=wechat-2d"),
        "application/zip",
        &zip,
    );
    assert_eq!((both.status, both.code()), (400, "bad_request".into()));
    let neither = post(&server.url("/v1/run"), "application/zip", b"");
    assert_eq!(
        (neither.status, neither.code()),
        (400, "bad_request".into())
    );
    assert!(
        neither.text().contains("body is empty"),
        "{}",
        neither.text()
    );
}

/// A multipart/form-data body as a browser's file upload sends it.
fn multipart(boundary: &str, parts: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, filename, bytes) in parts {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\ncontent-disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\ncontent-type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    body
}

#[test]
fn a_project_uploaded_as_a_multipart_form_file_runs() {
    let server = Server::start(config());
    let zip = zip_of(&as_refs(&example_files("wechat-2d/")));
    let boundary = "mpcanvas-test-boundary";
    let ct = format!("multipart/form-data; boundary={boundary}");
    let body = multipart(
        boundary,
        &[
            ("note", "note.txt", b"ignored"),
            ("project", "poster.zip", &zip),
        ],
    );
    let r = post(&server.url("/v1/run?taps=save"), &ct, &body);
    check_poster_report(&server, &r);
    let without = multipart(boundary, &[("other", "x.zip", &zip)]);
    let r = post(&server.url("/v1/run"), &ct, &without);
    assert_eq!((r.status, r.code()), (400, "bad_request".into()));
    assert!(r.text().contains("'project'"), "{}", r.text());
    let broken = post(
        &server.url("/v1/run"),
        &ct,
        b"--mpcanvas-test-boundary\r\nno headers",
    );
    assert_eq!(broken.status, 400, "{}", broken.text());
    assert!(server.leftovers().is_empty());
}

#[test]
fn a_multipart_upload_past_the_body_limit_is_refused() {
    let mut c = config();
    c.limits.run_body_bytes = 4096;
    let server = Server::start(c);
    let boundary = "b0undary";
    let body = multipart(boundary, &[("project", "big.zip", &vec![7u8; 10_000])]);
    let r = post(
        &server.url("/v1/run"),
        &format!("multipart/form-data; boundary={boundary}"),
        &body,
    );
    assert_eq!(
        (r.status, r.code()),
        (413, "body_too_large".into()),
        "{}",
        r.text()
    );
}
