//! `downloadFile` and `getImageInfo` per profile against the local test
//! server: result fields, `statusCode`, failures with nothing written,
//! `filePath`, Alipay's `data:` URLs, and image headers.

use mpcanvas_platform::{FailKind, JsValue, Platform, Profile, ScriptedUser};
use serde_json::{Value, json};

use crate::support::{Scratch, launch, listing, png, profiles, server};

fn opts(fields: &[(&str, JsValue)]) -> JsValue {
    JsValue::object(fields.iter().cloned())
}

fn url_opts(url: &str) -> JsValue {
    opts(&[("url", JsValue::from(url))])
}

/// The temp path of a successful download (the first result field).
fn temp_path(profile: &Profile, res: &serde_json::Map<String, Value>) -> String {
    res[&profile.download.result_fields[0]]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn downloads_land_in_the_temp_store_with_each_profiles_fields() {
    let base = server();
    for profile in profiles() {
        let dir = Scratch::new("dl-ok");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let res = p
            .download_file(&url_opts(&format!("{base}/ok.png")))
            .unwrap();
        let path = temp_path(&profile, &res);
        let keys: Vec<&str> = res.keys().map(String::as_str).collect();
        match profile.name.as_str() {
            "alipay" => {
                assert_eq!(keys, ["apFilePath", "tempFilePath"]);
                assert_eq!(res["tempFilePath"], res["apFilePath"]);
                assert!(path.starts_with("https://resource/apml") && path.ends_with(".image"));
            }
            "wechat" | "wechat-game" => {
                assert_eq!(keys, ["errMsg", "statusCode", "tempFilePath"]);
                assert_eq!(res["errMsg"], "downloadFile:ok");
                assert_eq!(res["statusCode"], 200);
                assert!(
                    path.starts_with("wxfile://tmp_") && path.ends_with(".png"),
                    "{path}"
                );
            }
            _ => {
                assert_eq!(keys, ["errMsg", "statusCode", "tempFilePath"]);
                assert!(
                    path.starts_with("ttfile://temp/") && path.ends_with(".png"),
                    "{path}"
                );
            }
        }
        assert_eq!(p.store().read(&path).unwrap(), png(4, 4, [0, 0, 255, 255]));
        // The downloaded file's image info.
        let info = p
            .get_image_info(&opts(&[("src", JsValue::from(path.as_str()))]))
            .unwrap();
        assert_eq!(info["width"], 4);
        assert_eq!(info["height"], 4);
        assert_eq!(info["type"], "png");
        assert_eq!(info["orientation"], "up");
        assert_eq!(info["path"], path.as_str());
    }
}

#[test]
fn failed_downloads_write_nothing_and_say_why() {
    let base = server();
    for profile in profiles() {
        let dir = Scratch::new("dl-fail");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        // The test fetcher caps bodies at 1 MB; /big is 2 MB. A 404 fails
        // only where the success object has no statusCode to report it.
        let mut failing = vec![(
            "/big",
            format!("download failed: the file is larger than {} bytes", 1 << 20),
        )];
        if !profile.download.error_status_succeeds {
            failing.push(("/missing", "download failed: http status 404".to_owned()));
        }
        for (route, detail) in failing {
            let err = p
                .download_file(&url_opts(&format!("{base}{route}")))
                .unwrap_err();
            assert_eq!(err.kind, FailKind::DownloadFileFailed);
            let expected = if profile.name == "alipay" {
                json!({ "error": 12, "errorMessage": detail })
            } else {
                json!({ "errMsg": format!("downloadFile:fail {detail}") })
            };
            assert_eq!(
                Value::Object(err.reply),
                expected,
                "{} {route}",
                profile.name
            );
        }
        for bad in ["ftp://x/a.png", "wxfile://usr/a.png", "", "images/a.png"] {
            let err = p.download_file(&url_opts(bad)).unwrap_err();
            assert_eq!(err.kind, FailKind::DownloadFileFailed, "{bad:?}");
        }
        let err = p.download_file(&opts(&[])).unwrap_err();
        assert_eq!(err.kind, FailKind::Parameter);
        assert_eq!(listing(&dir.path().join("tmp")), Vec::<String>::new());
        assert_eq!(listing(&dir.path().join("usr")), Vec::<String>::new());
    }
}

#[test]
fn http_error_statuses_reach_success_with_their_body_where_the_profile_says() {
    let base = server();
    for profile in profiles() {
        let dir = Scratch::new("dl-404");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let result = p.download_file(&url_opts(&format!("{base}/missing")));
        assert_eq!(
            result.is_ok(),
            profile.download.error_status_succeeds,
            "{}",
            profile.name
        );
        let Ok(res) = result else { continue };
        assert!(profile.download.status_code, "{}", profile.name);
        assert_eq!(res["statusCode"], 404);
        let path = temp_path(&profile, &res);
        // The error page is the file, named .bin (neither URL nor bytes
        // say what it is).
        assert!(path.ends_with(".bin"), "{path}");
        assert_eq!(p.store().read(&path).unwrap(), b"missing");
    }
}

#[test]
fn file_path_downloads_into_a_user_file_where_honoured() {
    let base = server();
    for profile in profiles() {
        let dir = Scratch::new("dl-path");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let target = format!("{}/img/a.png", profile.files.user_root);
        let res = p
            .download_file(&opts(&[
                ("url", JsValue::from(format!("{base}/ok.png"))),
                ("filePath", JsValue::from(target.as_str())),
            ]))
            .unwrap();
        if profile.download.file_path_option {
            assert_eq!(res["filePath"], target.as_str(), "{}", profile.name);
            assert!(!res.contains_key("tempFilePath"));
            assert!(dir.path().join("usr/img/a.png").is_file());
            assert_eq!(listing(&dir.path().join("tmp")), Vec::<String>::new());
        } else {
            // Alipay has no such option: a temp file as usual.
            assert!(res.contains_key("apFilePath"));
            assert!(!dir.path().join("usr/img/a.png").exists());
        }
    }
    // Over the per-file write limit: refused, nothing written.
    let mut profile = Profile::named("wechat").unwrap();
    profile.files.write_file_max_bytes = 10;
    let dir = Scratch::new("dl-path-limit");
    let mut p = launch(&profile, dir.path(), ScriptedUser::default());
    let err = p
        .download_file(&opts(&[
            ("url", JsValue::from(format!("{base}/ok.png"))),
            ("filePath", JsValue::from("wxfile://usr/a.png")),
        ]))
        .unwrap_err();
    assert_eq!(err.kind, FailKind::StorageQuota);
    assert_eq!(listing(&dir.path().join("usr")), Vec::<String>::new());
}

#[test]
fn data_urls_download_only_where_the_profile_says() {
    use base64::Engine;
    let image = png(3, 2, [9, 9, 9, 255]);
    let url = format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(&image)
    );
    for profile in profiles() {
        let dir = Scratch::new("dl-data");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let result = p.download_file(&url_opts(&url));
        if profile.download.data_url {
            let path = temp_path(&profile, &result.unwrap());
            assert_eq!(p.store().read(&path).unwrap(), image);
        } else {
            assert_eq!(result.unwrap_err().kind, FailKind::DownloadFileFailed);
        }
    }
}

#[test]
fn image_info_of_network_package_and_bad_sources() {
    let base = server();
    for profile in profiles() {
        let dir = Scratch::new("info");
        let pkg = Scratch::new("info-pkg");
        std::fs::write(pkg.path().join("logo.png"), png(5, 3, [0, 0, 0, 255])).unwrap();
        std::fs::write(pkg.path().join("notes.txt"), b"hello").unwrap();
        let mut p = Platform::launch(
            crate::support::config(&profile, dir.path(), ScriptedUser::default())
                .with_package_root(pkg.path()),
        )
        .unwrap();
        let src = |s: &str| opts(&[("src", JsValue::from(s))]);
        // Network: downloaded into a temp file the result names.
        let info = p
            .get_image_info(&src(&format!("{base}/disguised")))
            .unwrap();
        let path = info["path"].as_str().unwrap().to_owned();
        assert!(
            p.store().resolve(&path).is_some(),
            "{}: {path}",
            profile.name
        );
        assert_eq!(
            (info["width"].clone(), info["height"].clone()),
            (json!(2), json!(2))
        );
        if profile.replies.ok_message {
            assert_eq!(info["errMsg"], "getImageInfo:ok");
        }
        let info = p.get_image_info(&src("/logo.png")).unwrap();
        assert_eq!(
            (info["width"].clone(), info["height"].clone()),
            (json!(5), json!(3))
        );
        assert_eq!(info["path"], "/logo.png");
        for (bad, kind) in [
            ("notes.txt", FailKind::NotImage),
            ("missing.png", FailKind::FileNotFound),
            ("../x.png", FailKind::FileNotFound),
        ] {
            assert_eq!(p.get_image_info(&src(bad)).unwrap_err().kind, kind, "{bad}");
        }
        let err = p
            .get_image_info(&src(&format!("{base}/page.html")))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::NotImage);
        let err = p
            .get_image_info(&src(&format!("{base}/missing")))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::DownloadFailed);
        // Only the one image download stayed.
        assert_eq!(listing(&dir.path().join("tmp")).len(), 1);
    }
}

#[test]
fn load_resource_reads_every_source_kind() {
    let base = server();
    let profile = Profile::named("wechat").unwrap();
    let dir = Scratch::new("res");
    let pkg = Scratch::new("res-pkg");
    std::fs::write(pkg.path().join("a.png"), png(1, 1, [1, 1, 1, 255])).unwrap();
    let mut p = Platform::launch(
        crate::support::config(&profile, dir.path(), ScriptedUser::default())
            .with_package_root(pkg.path()),
    )
    .unwrap();
    let (temp, _) = p.store().write_temp(b"temp!", "txt").unwrap();
    assert_eq!(p.load_resource(&temp).unwrap(), b"temp!");
    let (kept, _) = p.store().write_temp(b"saved!", "txt").unwrap();
    let saved = p.store().save_file(&kept).unwrap();
    assert_eq!(p.load_resource(&saved).unwrap(), b"saved!");
    p.store()
        .write_user_file("wxfile://usr/u.bin", b"user")
        .unwrap();
    assert_eq!(p.load_resource("wxfile://usr/u.bin").unwrap(), b"user");
    assert_eq!(
        p.load_resource("/a.png").unwrap(),
        png(1, 1, [1, 1, 1, 255])
    );
    assert_eq!(
        p.load_resource("data:text/plain;base64,aGk=").unwrap(),
        b"hi"
    );
    assert_eq!(
        p.load_resource(&format!("{base}/ok.png")).unwrap(),
        png(4, 4, [0, 0, 255, 255])
    );
    for bad in [
        "wxfile://usr/none",
        "/../etc/passwd",
        "nope.png",
        "ftp://x/y",
    ] {
        let e = p.load_resource(bad).unwrap_err();
        assert!(e.contains("not found") || e.contains(bad), "{bad}: {e}");
    }
    let e = p.load_resource(&format!("{base}/missing")).unwrap_err();
    assert!(e.contains("404"), "{e}");
}

#[test]
fn image_paths_without_a_slash_resolve_from_the_showing_pages_folder() {
    let profile = Profile::named("wechat").unwrap();
    let dir = Scratch::new("rel");
    let pkg = Scratch::new("rel-pkg");
    std::fs::create_dir_all(pkg.path().join("pages/poster/img")).unwrap();
    std::fs::create_dir_all(pkg.path().join("assets")).unwrap();
    let (page_img, root_img) = (png(1, 1, [1, 0, 0, 255]), png(2, 2, [0, 2, 0, 255]));
    std::fs::write(pkg.path().join("pages/poster/img/a.png"), &page_img).unwrap();
    std::fs::write(pkg.path().join("assets/b.png"), &root_img).unwrap();
    let mut p = Platform::launch(
        crate::support::config(&profile, dir.path(), ScriptedUser::default())
            .with_package_root(pkg.path()),
    )
    .unwrap();
    // Before any page shows (mini-games), everything is from the root.
    assert_eq!(p.load_resource("assets/b.png").unwrap(), root_img);
    p.show_page("pages/poster/index");
    assert_eq!(p.load_resource("img/a.png").unwrap(), page_img);
    assert_eq!(p.load_resource("./img/a.png").unwrap(), page_img);
    assert_eq!(p.load_resource("../../assets/b.png").unwrap(), root_img);
    assert_eq!(p.load_resource("/assets/b.png").unwrap(), root_img);
    assert_eq!(
        p.load_resource("/pages/poster/img/a.png").unwrap(),
        page_img
    );
    // Relative to the page, not the root; and never above the root.
    for bad in [
        "assets/b.png",
        "../../../assets/b.png",
        "../../../../etc/passwd",
    ] {
        assert_eq!(p.load_resource(bad).unwrap_err(), "file not found", "{bad}");
    }
    let info = p
        .get_image_info(&opts(&[("src", JsValue::from("img/a.png"))]))
        .unwrap();
    assert_eq!(info["width"], 1);
}
