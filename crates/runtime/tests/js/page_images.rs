//! Images in whole pages, per profile: the photo picker, the Alipay image
//! page against a local server, legacy exports waiting for the images
//! their draw loads, 2D image load ordering, network image failures, and
//! the per-run network image cache.

use mpcanvas_canvas::Image;
use mpcanvas_conformance::repo_root;
use mpcanvas_platform::fetch::{FetchLimits, HttpFetcher};
use mpcanvas_platform::{Answer, Profile};
use mpcanvas_runtime::run::{RunConfig, run_path};

use crate::support::{
    Pkg, assert_clean, calls, console, decode, run_on, serve, serve_counting, serve_routes,
};

#[test]
fn alipay_image_page_chooses_previews_and_saves_from_a_server() {
    // Alipay's image page pattern: three taps, each one API.
    let served = std::fs::read(repo_root().join("conformance/assets/alpha64.png")).unwrap();
    let base = serve(served.clone(), "image/png");
    let script = r#"Page({
  chooseImage() {
    my.chooseImage({
      sourceType: ['camera', 'album'],
      count: 2,
      success: (res) => {
        my.alert({ content: JSON.stringify(res.apFilePaths.length) });
        console.log('chose ' + res.apFilePaths.length + ' ' + res.apFilePaths[0].slice(0, 21));
      },
      fail: () => my.showToast({ content: 'fail' }),
    });
  },
  previewImage() {
    my.previewImage({
      current: 1,
      urls: ['BASE/a.png', 'BASE/b.png'],
      success: () => console.log('previewed'),
    });
  },
  saveImage() {
    my.saveImage({
      url: 'BASE/a.png',
      showActionSheet: true,
      success: () => {
        my.alert({ title: 'saved' });
        console.log('saved');
      },
    });
  },
})"#
    .replace("BASE", &base);
    let pkg = Pkg::new(&[("index.axml", "<view/>"), ("index.js", &script)]);
    let out = Pkg::new(&[]);
    let mut config = RunConfig::new(Profile::named("alipay").unwrap(), out.path());
    config.taps = ["chooseImage", "previewImage", "saveImage"]
        .map(String::from)
        .to_vec();
    config.gallery = ["alpha64.png", "blocks16.png", "deep16.png"]
        .map(|f| repo_root().join("conformance/assets").join(f))
        .to_vec();
    config.fetcher = Box::new(mpcanvas_platform::fetch::HttpFetcher::default());
    let report = run_path(pkg.path(), config).unwrap();
    assert_clean(&report);
    assert_eq!(
        console(&report),
        ["chose 2 https://resource/apml", "previewed", "saved"]
    );
    // The two picks became temp files; the saved image is the served bytes.
    assert_eq!(report.temp_files.len(), 2);
    assert_eq!(report.album.len(), 1);
    assert_eq!(std::fs::read(&report.album[0].real_path).unwrap(), served);
    let alerts = calls(&report)
        .into_iter()
        .filter(|(api, ..)| api == "my.alert")
        .count();
    assert_eq!(alerts, 2);
}

#[test]
fn a_cancelled_picker_fails_with_the_platforms_cancel() {
    let pkg = Pkg::new(&[
        ("index.wxml", "<view/>"),
        (
            "index.js",
            "Page({ pick() { wx.chooseImage({ count: 1 }).catch((e) => console.log(e.errMsg)); } })",
        ),
    ]);
    let out = Pkg::new(&[]);
    // No gallery: the user has nothing to pick and backs out.
    let report = run_on(pkg.path(), "wechat", &["pick"], Answer::Allow, &out);
    assert_clean(&report);
    assert_eq!(console(&report), ["chooseImage:fail cancel"]);
    assert!(report.temp_files.is_empty());
}

/// The largest channel difference between two same-sized RGBA images.
fn max_difference(a: &Image, b: &Image) -> u8 {
    assert_eq!((a.width(), a.height()), (b.width(), b.height()));
    a.to_rgba8()
        .iter()
        .zip(b.to_rgba8())
        .map(|(x, y)| x.abs_diff(y))
        .max()
        .unwrap_or(0)
}

#[test]
fn legacy_exports_wait_for_the_images_their_draw_loads_on_every_profile() {
    // A picked photo (a temp file) drawn by path on the legacy context and
    // exported in the same task as draw(): the export holds the photo.
    let script = r#"const ns = typeof wx !== 'undefined' ? wx : typeof my !== 'undefined' ? my : tt;
Page({ pick() {
  ns.chooseImage({ count: 1, success: (res) => {
    const path = (res.tempFilePaths || res.apFilePaths)[0];
    const ctx = ns.createCanvasContext('c');
    ctx.drawImage(path, 0, 0, 16, 16);
    ctx.draw(false, () => console.log('drawn'));
    ns.canvasToTempFilePath({
      canvasId: 'c', width: 16, height: 16, destWidth: 16, destHeight: 16,
      success: () => console.log('exported'),
    });
    console.log('queued');
  } });
} })"#;
    let asset = repo_root().join("conformance/assets/blocks16.png");
    let expected = decode(&asset);
    for (profile, markup) in [
        ("wechat", "index.wxml"),
        ("alipay", "index.axml"),
        ("feishu", "index.ttml"),
        ("douyin", "index.ttml"),
    ] {
        let pkg = Pkg::new(&[
            (
                markup,
                r#"<canvas canvas-id="c" id="c" style="width: 16px; height: 16px"/>"#,
            ),
            ("index.js", script),
        ]);
        let out = Pkg::new(&[]);
        let mut config = RunConfig::new(Profile::named(profile).unwrap(), out.path());
        config.taps = vec!["pick".into()];
        config.gallery = vec![asset.clone()];
        // At dpr 1 every profile's bitmap is the CSS size: a 1:1 export.
        config.device.dpr = 1.0;
        let report = run_path(pkg.path(), config).unwrap();
        assert_clean(&report);
        assert_eq!(
            console(&report),
            ["queued", "drawn", "exported"],
            "{profile}"
        );
        // temp_files[0] is the picked photo, [1] the export.
        let exported = decode(&report.temp_files[1].real_path);
        assert!(
            max_difference(&exported, &expected) <= 2,
            "{profile}: the export does not hold the photo"
        );
    }
}

#[test]
fn two_d_images_load_after_the_current_task_and_then_draw_into_the_export_on_every_profile() {
    // Alipay's 2D node exports itself; the others export through the
    // namespace's canvasToTempFilePath({canvas}).
    let script = r#"const ns = typeof wx !== 'undefined' ? wx : typeof my !== 'undefined' ? my : tt;
Page({ pick() {
  ns.chooseImage({ count: 1, success: (res) => {
    ns.createSelectorQuery().select('#c').fields({ node: true }).exec(([{ node }]) => {
      node.width = 16; node.height = 16;
      const img = node.createImage();
      img.onload = () => {
        console.log('onload ' + img.width + 'x' + img.height + ' ' + img.complete);
        node.getContext('2d').drawImage(img, 0, 0);
        const options = { destWidth: 16, destHeight: 16, success: () => console.log('exported') };
        if (typeof node.toTempFilePath === 'function') node.toTempFilePath(options);
        else ns.canvasToTempFilePath({ canvas: node, ...options });
      };
      img.onerror = (e) => console.log('error', e);
      img.src = (res.tempFilePaths || res.apFilePaths)[0];
      console.log('src set, complete=' + img.complete);
    });
  } });
} })"#;
    let asset = repo_root().join("conformance/assets/blocks16.png");
    for (profile, markup) in [
        ("wechat", "index.wxml"),
        ("alipay", "index.axml"),
        ("feishu", "index.ttml"),
        ("douyin", "index.ttml"),
    ] {
        let pkg = Pkg::new(&[
            (
                markup,
                r#"<canvas type="2d" id="c" style="width: 16px; height: 16px"/>"#,
            ),
            ("index.js", script),
        ]);
        let out = Pkg::new(&[]);
        let mut config = RunConfig::new(Profile::named(profile).unwrap(), out.path());
        config.taps = vec!["pick".into()];
        config.gallery = vec![asset.clone()];
        let report = run_path(pkg.path(), config).unwrap();
        assert_clean(&report);
        assert_eq!(
            console(&report),
            ["src set, complete=false", "onload 16x16 true", "exported"],
            "{profile}"
        );
        let exported = decode(&report.temp_files[1].real_path);
        assert!(
            max_difference(&exported, &decode(&asset)) <= 2,
            "{profile}: the export does not hold the photo"
        );
    }
}

#[test]
fn failed_network_images_fire_onerror_naming_the_source_and_the_reason() {
    let blocks = std::fs::read(repo_root().join("conformance/assets/blocks16.png")).unwrap();
    let bomb =
        std::fs::read(repo_root().join("crates/canvas/tests/integration/formats/bomb-50000.png"))
            .unwrap();
    let (base, _) = serve_routes(move |path| match path {
        "/ok.png" => ("200 OK", "image/png", blocks.clone()),
        "/corrupt.png" => ("200 OK", "image/png", blocks[..40].to_vec()),
        "/bomb.png" => ("200 OK", "image/png", bomb.clone()),
        "/doc.tiff" => ("200 OK", "image/tiff", b"II*\0\x08\0\0\0".to_vec()),
        "/big.png" => ("200 OK", "image/png", vec![0; 300 * 1024]),
        "/slow.png" => {
            std::thread::sleep(std::time::Duration::from_millis(2500));
            ("200 OK", "image/png", blocks.clone())
        }
        _ => ("404 Not Found", "text/plain", b"missing".to_vec()),
    });
    let script = r#"Page({ onReady() {
  wx.createSelectorQuery().select('#c').fields({ node: true }).exec(([{ node }]) => {
    for (const name of ['ok.png', 'missing.png', 'slow.png', 'big.png', 'corrupt.png', 'bomb.png', 'doc.tiff']) {
      const img = node.createImage();
      img.onload = () => console.log(name + ' load ' + img.width);
      img.onerror = (e) => console.log(name + ' error ' + e.message);
      img.src = 'BASE/' + name;
    }
  });
} })"#
        .replace("BASE", &base);
    let pkg = Pkg::new(&[
        ("index.wxml", r#"<canvas type="2d" id="c"/>"#),
        ("index.js", &script),
    ]);
    let out = Pkg::new(&[]);
    let mut config = RunConfig::new(Profile::named("wechat").unwrap(), out.path());
    config.fetcher = Box::new(HttpFetcher::new(FetchLimits {
        timeout: std::time::Duration::from_secs(1),
        max_redirects: 5,
        max_bytes: 256 * 1024,
    }));
    let report = run_path(pkg.path(), config).unwrap();
    assert_clean(&report);
    let lines = console(&report);
    let line = |name: &str| {
        lines
            .iter()
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no line for {name}: {lines:?}"))
            .clone()
    };
    assert_eq!(line("ok.png"), "ok.png load 16");
    for (name, reason) in [
        ("missing.png", "http status 404"),
        ("slow.png", "timeout"),
        ("big.png", "larger than 262144 bytes"),
        ("corrupt.png", "could not be decoded"),
        ("bomb.png", "50000x50000 exceeds the limit"),
        ("doc.tiff", "tiff images are not supported"),
    ] {
        let got = line(name);
        assert!(
            got.starts_with(&format!("{name} error ")) && got.contains(&format!("{base}/{name}")),
            "{got}"
        );
        assert!(got.contains(reason), "{name}: {got}");
    }
    assert_eq!(lines.len(), 7, "{lines:?}");
}

#[test]
fn image_paths_resolve_from_the_page_folder_or_the_package_root() {
    let blocks = std::fs::read(repo_root().join("conformance/assets/blocks16.png")).unwrap();
    let pkg = Pkg::new(&[
        ("app.json", r#"{ "pages": ["pages/poster/index"] }"#),
        ("app.js", "App({})"),
        (
            "pages/poster/index.wxml",
            r#"<canvas type="2d" id="c"/><canvas canvas-id="old"/>"#,
        ),
        (
            "pages/poster/index.js",
            r#"Page({ onReady() {
  wx.createSelectorQuery().select('#c').fields({ node: true }).exec(([{ node }]) => {
    for (const src of ['img/a.png', '../../assets/b.png', '/assets/b.png', 'assets/b.png']) {
      const img = node.createImage();
      img.onload = () => console.log(src + ' ' + img.width);
      img.onerror = (e) => console.log(e.message);
      img.src = src;
    }
  });
  const ctx = wx.createCanvasContext('old');
  ctx.drawImage('img/a.png', 0, 0);
  ctx.draw(false, () => console.log('drawn'));
} })"#,
        ),
    ]);
    std::fs::create_dir_all(pkg.path().join("pages/poster/img")).unwrap();
    std::fs::create_dir_all(pkg.path().join("assets")).unwrap();
    std::fs::write(pkg.path().join("pages/poster/img/a.png"), &blocks).unwrap();
    std::fs::write(pkg.path().join("assets/b.png"), &blocks).unwrap();
    let out = Pkg::new(&[]);
    let report = run_path(
        pkg.path(),
        RunConfig::new(Profile::named("wechat").unwrap(), out.path()),
    )
    .unwrap();
    assert_clean(&report);
    let mut lines = console(&report);
    lines.sort();
    assert_eq!(
        lines,
        [
            "../../assets/b.png 16",
            "/assets/b.png 16",
            "assets/b.png: file not found",
            "drawn",
            "img/a.png 16",
        ]
    );
    // The legacy draw found its page-relative image: no warnings.
    let draw = calls(&report)
        .into_iter()
        .find(|(api, ..)| api == "CanvasContext.draw")
        .unwrap();
    assert_eq!(draw.2["warnings"], serde_json::json!([]));
}

#[test]
fn a_network_image_loads_once_per_run() {
    let served = std::fs::read(repo_root().join("conformance/assets/blocks16.png")).unwrap();
    let (base, requests) = serve_counting(served, "image/png");
    let script = r#"Page({ onReady() {
  wx.createSelectorQuery().select('#c').fields({ node: true }).exec(([{ node }]) => {
    let loaded = 0;
    for (let i = 0; i < 3; i++) {
      const img = node.createImage();
      img.onload = () => { loaded += 1; if (loaded === 3) console.log('loaded 3 ' + img.width); };
      img.onerror = (e) => console.log('error ' + e);
      img.src = 'BASE/avatar.png';
    }
  });
} })"#
        .replace("BASE", &base);
    let pkg = Pkg::new(&[
        ("index.wxml", r#"<canvas type="2d" id="c"/>"#),
        ("index.js", &script),
    ]);
    let out = Pkg::new(&[]);
    let mut config = RunConfig::new(Profile::named("wechat").unwrap(), out.path());
    config.fetcher = Box::new(mpcanvas_platform::fetch::HttpFetcher::default());
    let report = run_path(pkg.path(), config).unwrap();
    assert_clean(&report);
    assert_eq!(console(&report), ["loaded 3 16"]);
    assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), 1);
}
