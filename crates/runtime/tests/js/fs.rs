//! File-system, download and image-info APIs from JS, per profile, through
//! `mpcanvas run`'s own path (`run_path`): the manager's callbacks and
//! `…Sync` methods with `ArrayBuffer` data, each platform's fail shapes,
//! Promise mode, and downloads from a local HTTP server (with the size
//! cap refusing a body and leaving no file).

use std::path::{Path, PathBuf};
use std::time::Duration;

use mpcanvas_export::{ExportOptions, Format, Pixels, PngCompression, SourceRect};
use mpcanvas_platform::Profile;
use mpcanvas_platform::fetch::{FetchLimits, Fetcher, HttpFetcher};
use mpcanvas_runtime::run::{RunConfig, RunReport, run_path};

use crate::support::console;

/// A scratch folder removed on drop.
pub(crate) struct Dir(pub(crate) PathBuf);

impl Dir {
    pub(crate) fn new(tag: &str) -> Dir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "mpcanvas-jsfs-{}-{tag}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }

    pub(crate) fn write(&self, name: &str, bytes: &[u8]) {
        let p = self.0.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// An opaque `w × h` PNG.
pub(crate) fn png(w: u32, h: u32) -> Vec<u8> {
    let data: Vec<u8> = (0..w * h).flat_map(|_| [10, 20, 30, 255]).collect();
    let src = SourceRect {
        x: 0,
        y: 0,
        width: w,
        height: h,
    };
    let format = Format::Png {
        compression: PngCompression::default(),
    };
    mpcanvas_export::export(
        Pixels::new(w, h, &data),
        src,
        &ExportOptions::new(w, h, format),
    )
    .unwrap()
}

/// A local server on 127.0.0.1: `/poster.png` (a 6×4 PNG), `/big`
/// (2 MB), anything else 404.
pub(crate) fn server() -> String {
    crate::support::serve_routes(|path| match path {
        "/poster.png" => ("200 OK", "image/png", png(6, 4)),
        "/big" => ("200 OK", "application/octet-stream", vec![7u8; 2 << 20]),
        _ => ("404 Not Found", "text/plain", b"missing".to_vec()),
    })
    .0
}

/// Runs the package at `pkg` on `profile` with data folder `out` and an
/// HTTP fetcher capped at 1 MB.
pub(crate) fn run(profile: &str, pkg: &Path, out: &Path) -> RunReport {
    let fetcher: Box<dyn Fetcher> = Box::new(HttpFetcher::new(FetchLimits {
        timeout: Duration::from_secs(2),
        max_redirects: 2,
        max_bytes: 1 << 20,
    }));
    let config = RunConfig {
        fetcher,
        ..RunConfig::new(Profile::named(profile).unwrap(), out)
    };
    run_path(pkg, config).expect("run starts")
}

fn assert_clean(report: &RunReport) {
    assert!(report.is_clean(), "{}", report.to_text());
}

/// A page whose `onLoad` runs `body` with `ns` (the profile's namespace),
/// `fs` (its manager) and `root` (`USER_DATA_PATH`) in scope.
pub(crate) fn page(dir: &Dir, body: &str) {
    dir.write("index.wxml", b"<view></view>");
    let script = format!(
        "const ns = typeof wx !== 'undefined' ? wx : typeof my !== 'undefined' ? my : tt;\n\
         const fs = ns.getFileSystemManager();\n\
         const root = ns.env.USER_DATA_PATH;\n\
         const show = (v) => JSON.stringify(v);\n\
         Page({{ onLoad() {{\n{body}\n}} }});\n"
    );
    dir.write("index.js", script.as_bytes());
}

const ROUND_TRIP: &str = r#"
try { fs.readFileSync(root + '/none.txt', 'utf8'); } catch (e) {
  console.log('threw ' + (e instanceof Error) + ' ' + e.message + ' ' + show(e.errno === undefined ? e.error : e.errno));
}
fs.writeFileSync(root + '/b.bin', new Uint8Array([1, 2, 250]).buffer);
const back = fs.readFileSync(root + '/b.bin');
const bytes = back instanceof ArrayBuffer ? back : back.data;
console.log('sync ' + (back instanceof ArrayBuffer ? 'value' : 'object') + ' ' + Array.from(new Uint8Array(bytes)).join(','));
fs.writeFile({ filePath: root + '/a.txt', data: 'hi 海',
  success(r) { console.log('write ' + show(r)); },
  complete() {
    fs.readFile({ filePath: root + '/a.txt', success(r) {
      console.log('read ' + (r.data instanceof ArrayBuffer) + ' ' + Array.from(new Uint8Array(r.data)).join(','));
    } });
    fs.readFile({ filePath: root + '/a.txt', encoding: 'base64', success(r) { console.log('b64 ' + r.data); } });
  } });
fs.readFile({ filePath: root + '/none.txt', fail(e) { console.log('fail ' + show(e)); }, complete() { console.log('complete'); } });
console.log('no promise ' + String(fs.access({ path: root })));
"#;

#[test]
fn the_file_system_manager_round_trips_and_fails_in_each_platforms_shape() {
    let cases = [
        (
            "wechat",
            "threw true readFileSync:fail no such file or directory, open wxfile://usr/none.txt 1300002",
            "sync value 1,2,250",
            r#"write {"errMsg":"writeFile:ok"}"#,
            r#"fail {"errMsg":"readFile:fail no such file or directory, open wxfile://usr/none.txt","errno":1300002}"#,
        ),
        (
            "alipay",
            "threw true no such file or directory, open https://usr/none.txt 10022",
            "sync object 1,2,250",
            "write {}",
            r#"fail {"error":10022,"errorMessage":"no such file or directory, open https://usr/none.txt"}"#,
        ),
        (
            "douyin",
            "threw true readFileSync:fail no such file or directory, readFileSync ttfile://user/none.txt undefined",
            "sync value 1,2,250",
            r#"write {"errMsg":"writeFile:ok"}"#,
            r#"fail {"errMsg":"readFile:fail no such file or directory, readFile ttfile://user/none.txt"}"#,
        ),
        (
            "feishu",
            "threw true readFileSync:fail no such file or directory, open ttfile://user/none.txt undefined",
            "sync value 1,2,250",
            r#"write {"errMsg":"writeFile:ok"}"#,
            r#"fail {"errMsg":"readFile:fail no such file or directory, open ttfile://user/none.txt"}"#,
        ),
    ];
    for (profile, threw, sync, write, fail) in cases {
        let pkg = Dir::new("rt");
        let out = Dir::new("rt-out");
        page(&pkg, ROUND_TRIP);
        let report = run(profile, &pkg.0, &out.0);
        assert_clean(&report);
        assert_eq!(
            console(&report),
            [
                threw,
                sync,
                "no promise undefined",
                write,
                fail,
                "complete",
                "read true 104,105,32,230,181,183",
                "b64 aGkg5rW3",
            ],
            "{profile}"
        );
        assert_eq!(std::fs::read(out.0.join("usr/b.bin")).unwrap(), [1, 2, 250]);
    }
}

#[test]
fn writes_outside_the_user_area_and_over_the_limit_fail_and_leave_nothing() {
    let pkg = Dir::new("deny");
    let out = Dir::new("deny-out");
    page(
        &pkg,
        r#"
fs.writeFile({ filePath: '/etc/x', data: 'x', fail(e) { console.log(show(e)); } });
fs.writeFile({ filePath: root + '/big.bin', data: new ArrayBuffer(10 * 1024 * 1024 + 1), fail(e) { console.log(show(e)); } });
fs.writeFile({ filePath: root + '/h.txt', data: 'zz', encoding: 'hex', fail(e) { console.log(show(e)); } });
try { fs.writeFileSync(root + '/n.txt', 5); } catch (e) { console.log(e.message + ' ' + e.error); }
"#,
    );
    let report = run("alipay", &pkg.0, &out.0);
    assert_clean(&report);
    assert_eq!(
        console(&report),
        [
            "parameter error: parameter.data should be String instead of Number 2",
            r#"{"error":10024,"errorMessage":"permission denied, open /etc/x"}"#,
            r#"{"error":10028,"errorMessage":"storage quota exceeded"}"#,
            r#"{"error":3,"errorMessage":"data is invalid"}"#,
        ]
    );
    let left: Vec<_> = std::fs::read_dir(out.0.join("usr")).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn get_image_info_answers_with_a_promise_and_download_file_never_does() {
    for profile in ["wechat", "alipay", "feishu", "douyin"] {
        let pkg = Dir::new("promise");
        let out = Dir::new("promise-out");
        pkg.write("img/logo.png", &png(3, 2));
        page(
            &pkg,
            r#"
const p = ns.getImageInfo({ src: '/img/logo.png' });
console.log('promise ' + (p instanceof Promise));
p.then((r) => console.log('info ' + r.width + 'x' + r.height + ' ' + r.type + ' ' + r.orientation + ' ' + r.path));
ns.getImageInfo({ src: 'img/none.png' }).catch((e) => console.log('rejected ' + (e.errMsg || e.error)));
console.log('download returns a promise ' + (ns.downloadFile({ url: 'ftp://nowhere/x.png' }) instanceof Promise));
"#,
        );
        let report = run(profile, &pkg.0, &out.0);
        assert_clean(&report);
        let rejected = if profile == "alipay" {
            "rejected 17"
        } else {
            "rejected getImageInfo:fail file not found"
        };
        assert_eq!(
            console(&report),
            [
                "promise true",
                "download returns a promise false",
                "info 3x2 png up /img/logo.png",
                rejected,
            ],
            "{profile}"
        );
    }
}

#[test]
fn download_file_from_a_local_server_then_image_info_and_the_size_cap() {
    let base = server();
    for profile in ["wechat", "alipay", "feishu", "douyin"] {
        let pkg = Dir::new("dl");
        let out = Dir::new("dl-out");
        page(
            &pkg,
            &r#"
ns.downloadFile({ url: 'BASE/poster.png', success(r) {
  const path = r.tempFilePath || r.apFilePath;
  console.log('downloaded ' + r.statusCode + ' ' + (r.apFilePath === undefined ? '-' : r.apFilePath === r.tempFilePath));
  ns.getImageInfo({ src: path, success(i) { console.log('info ' + i.width + 'x' + i.height + ' ' + i.type + ' ' + (i.path === path)); } });
  fs.readFile({ filePath: path, success(d) { console.log('bytes ' + d.data.byteLength); } });
} });
ns.downloadFile({ url: 'BASE/big', fail(e) { console.log('big ' + (e.errMsg || e.errorMessage)); } });
ns.downloadFile({ url: 'BASE/missing', success(r) { console.log('missing ok ' + r.statusCode); }, fail(e) { console.log('missing ' + (e.errMsg || e.error)); } });
"#
            .replace("BASE", &base),
        );
        let report = run(profile, &pkg.0, &out.0);
        assert_clean(&report);
        let poster_len = png(6, 4).len();
        let lines = console(&report);
        let (downloaded, big, missing) = match profile {
            "alipay" => (
                "downloaded undefined true".to_owned(),
                format!(
                    "big download failed: the file is larger than {} bytes",
                    1 << 20
                ),
                "missing 12".to_owned(),
            ),
            _ => (
                "downloaded 200 -".to_owned(),
                format!(
                    "big downloadFile:fail download failed: the file is larger than {} bytes",
                    1 << 20
                ),
                // The error page is delivered to success with its status.
                "missing ok 404".to_owned(),
            ),
        };
        assert_eq!(
            lines,
            [
                downloaded,
                big,
                missing,
                "info 6x4 png true".to_owned(),
                format!("bytes {poster_len}"),
            ],
            "{profile}"
        );
        // Only the poster (and where delivered, the 404 page) is in the
        // temp folder: the refused bodies left nothing, not even a
        // staging file.
        let kept = if profile == "alipay" { 1 } else { 2 };
        let tmp: Vec<_> = std::fs::read_dir(out.0.join("tmp"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(tmp.len(), kept, "{profile}: {tmp:?}");
        assert_eq!(report.temp_files.len(), kept);
    }
}

#[test]
fn image_objects_load_downloaded_files_and_urls_through_the_platform() {
    let base = server();
    let pkg = Dir::new("game");
    let out = Dir::new("game-out");
    pkg.write(
        "game.js",
        r#"
wx.downloadFile({ url: 'BASE/poster.png', success(r) {
  const img = wx.createImage();
  img.onload = () => console.log('temp ' + img.width + 'x' + img.height);
  img.src = r.tempFilePath;
} });
const net = wx.createImage();
net.onload = () => console.log('net ' + net.width);
net.src = 'BASE/poster.png';
const gone = wx.createImage();
gone.onerror = (e) => console.log('error ' + e.message);
gone.src = wx.env.USER_DATA_PATH + '/none.png';
"#
        .replace("BASE", &base)
        .as_bytes(),
    );
    let report = run("wechat-game", &pkg.0, &out.0);
    assert_clean(&report);
    let mut lines = console(&report);
    lines.sort();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[0], "error wxfile://usr/none.png: file not found");
    assert_eq!(lines[1], "net 6");
    assert_eq!(lines[2], "temp 6x4");
}
