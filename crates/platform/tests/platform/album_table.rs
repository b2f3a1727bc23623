//! PL §6 row by row on every profile: what `saveImageToPhotosAlbum`
//! accepts, the exact error objects, and an album left untouched by every
//! failure. Then Alipay's `my.saveImage`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use mpcanvas_platform::fetch::{FetchError, FetchLimits, Fetched, Fetcher, HttpFetcher};
use mpcanvas_platform::{Answer, Event, JsValue, Platform, Profile, ScriptedUser};
use serde_json::{Value, json};

use crate::support::{Scratch, config, error_object, listing, ok_object, png, profiles, server};

/// Counts downloads, to prove local-only platforms never fetch.
struct Counting {
    inner: HttpFetcher,
    calls: Arc<AtomicUsize>,
}

impl Fetcher for Counting {
    fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        self.inner.fetch(url)
    }
}

fn short_fetcher() -> HttpFetcher {
    HttpFetcher::new(FetchLimits {
        timeout: std::time::Duration::from_millis(700),
        max_redirects: 3,
        max_bytes: 1024 * 1024,
    })
}

fn launch_counting(
    profile: &Profile,
    dir: &std::path::Path,
    user: ScriptedUser,
) -> (Platform, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let fetcher = Counting {
        inner: short_fetcher(),
        calls: calls.clone(),
    };
    let p = Platform::launch(config(profile, dir, user).with_fetcher(fetcher)).unwrap();
    (p, calls)
}

/// What a row expects: success, or (WeChat-family message, Alipay code,
/// Alipay message).
type Want = Result<(), (&'static str, i64, &'static str)>;

fn file_path(path: &str) -> JsValue {
    JsValue::object([("filePath", JsValue::from(path))])
}

#[test]
fn save_image_to_photos_album_follows_every_row_on_every_profile() {
    let base = server();
    const API: &str = "saveImageToPhotosAlbum";
    let not_found: Want = Err(("file not found", 17, "file not found"));
    for profile in profiles() {
        let dir = Scratch::new("album");
        let (mut p, calls) = launch_counting(&profile, dir.path(), ScriptedUser::default());
        let root = profile.files.user_root.clone();
        let network = profile.album.accepts_network_url;
        let (temp, _) = p
            .store()
            .write_temp(&png(3, 3, [9, 9, 9, 255]), "png")
            .unwrap();
        let (to_save, _) = p
            .store()
            .write_temp(&png(2, 2, [1, 2, 3, 255]), "png")
            .unwrap();
        let field = profile.files.save_file_field.clone();
        let saved = p
            .save_file(&JsValue::object([(
                field.as_str(),
                JsValue::from(to_save.as_str()),
            )]))
            .unwrap();
        let saved = saved[&profile.files.save_file_result_field]
            .as_str()
            .unwrap()
            .to_owned();
        p.store()
            .write_user_file(&format!("{root}/pics/a.png"), &png(2, 2, [0, 0, 0, 255]))
            .unwrap();
        p.store()
            .write_user_file(&format!("{root}/notes.txt"), b"hello, not an image")
            .unwrap();
        let url = |route: &str| format!("{base}{route}");
        let by_network = |ok: Want, alipay: Want| if network { alipay } else { ok };
        let rows: Vec<(String, JsValue, Want)> = vec![
            ("temp file".into(), file_path(&temp), Ok(())),
            ("saved file".into(), file_path(&saved), Ok(())),
            (
                "user file".into(),
                file_path(&format!("{root}/pics/a.png")),
                Ok(()),
            ),
            (
                "network url".into(),
                file_path(&url("/ok.png")),
                by_network(not_found, Ok(())),
            ),
            (
                "image served as text/plain".into(),
                file_path(&url("/disguised")),
                by_network(not_found, Ok(())),
            ),
            (
                "empty path".into(),
                file_path(""),
                Err(("file not found", 2, "filePath is empty")),
            ),
            (
                "no filePath".into(),
                JsValue::object(Vec::<(&str, JsValue)>::new()),
                Err((
                    "parameter error: parameter.filePath should be String instead of Undefined",
                    2,
                    "parameter error: parameter.filePath should be String instead of Undefined",
                )),
            ),
            (
                "filePath as a number".into(),
                JsValue::object([("filePath", JsValue::Number(1.0))]),
                Err((
                    "parameter error: parameter.filePath should be String instead of Number",
                    2,
                    "parameter error: parameter.filePath should be String instead of Number",
                )),
            ),
            (
                "not an image".into(),
                file_path(&format!("{root}/notes.txt")),
                Err(("invalid image file", 17, "the file is not an image")),
            ),
            (
                "404".into(),
                file_path(&url("/404")),
                by_network(not_found, Err(("", 17, "download failed: http status 404"))),
            ),
            (
                "slow download".into(),
                file_path(&url("/slow")),
                by_network(not_found, Err(("", 17, "download failed: timeout"))),
            ),
            (
                "html behind an image content type".into(),
                file_path(&url("/page.html")),
                by_network(not_found, Err(("", 17, "the file is not an image"))),
            ),
            (
                "oversize download".into(),
                file_path(&url("/big")),
                by_network(
                    not_found,
                    Err((
                        "",
                        17,
                        "download failed: the file is larger than 1048576 bytes",
                    )),
                ),
            ),
            (
                "a path of this launch's temp store that was moved".into(),
                file_path(&to_save),
                not_found,
            ),
            (
                "another platform's temp path".into(),
                file_path("ttfile://temp/0123456789abcdef0123456789abcdef.png"),
                not_found,
            ),
            (
                "dot dot after the scheme".into(),
                file_path("wxfile://../../etc/passwd"),
                not_found,
            ),
            (
                "dot dot inside a temp name".into(),
                file_path("wxfile://tmp_x/../../etc/passwd"),
                not_found,
            ),
            (
                "dot dot in a user path".into(),
                file_path(&format!("{root}/../../../etc/passwd")),
                not_found,
            ),
            (
                "absolute host path".into(),
                file_path("/etc/passwd"),
                not_found,
            ),
            (
                "file scheme".into(),
                file_path("file:///etc/passwd"),
                not_found,
            ),
            (
                "data url".into(),
                file_path("data:image/png;base64,iVBORw0KGgo="),
                not_found,
            ),
        ];
        let mut stored = 0;
        for (case, options, want) in rows {
            let before = listing(p.album_dir());
            let result = p.save_image_to_photos_album(&options);
            match (want, result) {
                (Ok(()), Ok(reply)) => {
                    assert_eq!(
                        Value::Object(reply),
                        ok_object(&profile, API),
                        "{}: {case}",
                        profile.name
                    );
                    stored += 1;
                    assert_eq!(
                        p.album().files().unwrap().len(),
                        stored,
                        "{}: {case}",
                        profile.name
                    );
                }
                (Err((msg, code, alipay)), Err(f)) => {
                    assert_eq!(
                        Value::Object(f.reply),
                        error_object(&profile, API, msg, code, alipay),
                        "{}: {case}",
                        profile.name
                    );
                    assert_eq!(
                        listing(p.album_dir()),
                        before,
                        "{}: {case} touched the album",
                        profile.name
                    );
                }
                (want, got) => panic!("{}: {case}: want {want:?}, got {got:?}", profile.name),
            }
        }
        if !network {
            assert_eq!(
                calls.load(Ordering::SeqCst),
                0,
                "{} downloaded",
                profile.name
            );
        }
    }
}

#[test]
fn a_full_album_is_the_platforms_no_space_error_and_stores_nothing() {
    for profile in profiles() {
        let dir = Scratch::new("full");
        let cfg = config(&profile, dir.path(), ScriptedUser::default()).with_album_quota(100);
        let mut p = Platform::launch(cfg).unwrap();
        let (temp, _) = p
            .store()
            .write_temp(&png(40, 40, [5, 6, 7, 255]), "png")
            .unwrap();
        let err = p.save_image_to_photos_album(&file_path(&temp)).unwrap_err();
        assert_eq!(
            Value::Object(err.reply),
            error_object(
                &profile,
                "saveImageToPhotosAlbum",
                "no space left",
                16,
                "album storage is full"
            ),
            "{}",
            profile.name
        );
        assert_eq!(listing(p.album_dir()), Vec::<String>::new());
    }
}

fn save_image(p: &mut Platform, options: JsValue) -> Result<Value, Value> {
    p.save_image(&options)
        .map(Value::Object)
        .map_err(|f| Value::Object(f.reply))
}

#[test]
fn my_save_image_follows_every_row() {
    let base = server();
    let profile = Profile::named("alipay").unwrap();
    let url = |route: &str| JsValue::from(format!("{base}{route}"));
    let err = |code: i64, msg: &str| Err(json!({"error": code, "errorMessage": msg}));
    let rows: Vec<(&str, Answer, JsValue, Result<Value, Value>)> = vec![
        (
            "a url, saved from the sheet",
            Answer::Allow,
            JsValue::object([("url", url("/ok.png"))]),
            Ok(json!({})),
        ),
        (
            "no sheet",
            Answer::Allow,
            JsValue::object([("url", url("/ok.png")), ("showActionSheet", false.into())]),
            Ok(json!({})),
        ),
        (
            "redirect to an image",
            Answer::Allow,
            JsValue::object([("url", url("/redirect"))]),
            Ok(json!({})),
        ),
        (
            "no url",
            Answer::Allow,
            JsValue::object(Vec::<(&str, JsValue)>::new()),
            err(2, "url is empty"),
        ),
        (
            "empty url",
            Answer::Allow,
            JsValue::object([("url", JsValue::from(""))]),
            err(2, "url is empty"),
        ),
        (
            "url as a number",
            Answer::Allow,
            JsValue::object([("url", JsValue::Number(3.0))]),
            err(
                2,
                "parameter error: parameter.url should be String instead of Number",
            ),
        ),
        (
            "showActionSheet as a string",
            Answer::Allow,
            JsValue::object([
                ("url", url("/ok.png")),
                ("showActionSheet", JsValue::from("yes")),
            ]),
            err(
                2,
                "parameter error: parameter.showActionSheet should be Boolean instead of String",
            ),
        ),
        (
            "base64",
            Answer::Allow,
            JsValue::object([("url", JsValue::from("data:image/png;base64,iVBORw0KGgo="))]),
            err(2, "base64 data is not supported"),
        ),
        (
            "a relative path",
            Answer::Allow,
            JsValue::object([("url", JsValue::from("images/a.png"))]),
            err(2, "url is not a network url"),
        ),
        (
            "404",
            Answer::Allow,
            JsValue::object([("url", url("/404"))]),
            err(17, "download failed: http status 404"),
        ),
        (
            "slow",
            Answer::Allow,
            JsValue::object([("url", url("/slow"))]),
            err(17, "download failed: timeout"),
        ),
        (
            "redirect loop",
            Answer::Allow,
            JsValue::object([("url", url("/loop"))]),
            err(17, "download failed: too many redirects"),
        ),
        (
            "not an image",
            Answer::Allow,
            JsValue::object([("url", url("/page.html"))]),
            err(17, "the file is not an image"),
        ),
        (
            "oversize",
            Answer::Allow,
            JsValue::object([("url", url("/big"))]),
            err(17, "download failed: the file is larger than 1048576 bytes"),
        ),
        (
            "sheet cancelled",
            Answer::Cancel,
            JsValue::object([("url", url("/ok.png"))]),
            err(11, "user cancelled"),
        ),
        (
            "sheet dismissed",
            Answer::Dismiss,
            JsValue::object([("url", url("/ok.png"))]),
            err(11, "user cancelled"),
        ),
        (
            "prompt denied",
            Answer::Deny,
            JsValue::object([("url", url("/ok.png")), ("showActionSheet", false.into())]),
            err(2001, "user denied the authorization"),
        ),
        (
            "prompt denied forever",
            Answer::DenyForever,
            JsValue::object([("url", url("/ok.png")), ("showActionSheet", false.into())]),
            err(
                2003,
                "user denied the authorization and chose not to be asked again",
            ),
        ),
        (
            "prompt dismissed",
            Answer::Dismiss,
            JsValue::object([("url", url("/ok.png")), ("showActionSheet", false.into())]),
            err(2001, "authorize no response"),
        ),
    ];
    for (case, answer, options, want) in rows {
        let dir = Scratch::new("save-image");
        let mut p = Platform::launch(
            config(&profile, dir.path(), ScriptedUser::new(answer)).with_fetcher(short_fetcher()),
        )
        .unwrap();
        let got = save_image(&mut p, options);
        assert_eq!(got, want, "{case}");
        let files = listing(p.album_dir());
        assert_eq!(files.len(), usize::from(want.is_ok()), "{case}: {files:?}");
    }
}

#[test]
fn my_save_image_records_the_sheet_and_accepts_either_album_scope() {
    let base = server();
    let profile = Profile::named("alipay").unwrap();
    let dir = Scratch::new("alt-scope");
    // An earlier run granted `album`; the user would now deny everything.
    std::fs::write(dir.path().join("auth.json"), r#"{"album": "granted"}"#).unwrap();
    let mut p = Platform::launch(
        config(&profile, dir.path(), ScriptedUser::new(Answer::Deny)).with_fetcher(short_fetcher()),
    )
    .unwrap();
    let got = save_image(
        &mut p,
        JsValue::object([("url", JsValue::from(format!("{base}/ok.png")))]),
    );
    assert_eq!(got, Ok(json!({})));
    assert!(p.report().prompts().is_empty());
    assert!(
        p.report()
            .events
            .iter()
            .any(|e| matches!(e, Event::ActionSheet { choice } if choice == "save"))
    );
}
