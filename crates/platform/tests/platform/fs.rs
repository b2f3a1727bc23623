//! `getFileSystemManager()` methods per profile: round trips in each
//! encoding, the fail shapes (WeChat errno, Douyin's method-and-path
//! wording, Alipay codes), what may be written or deleted, the per-file
//! limit leaving no file, ranges, digests, and `saveFile` moves.

use mpcanvas_platform::{FailKind, FileData, JsValue, Profile, ScriptedUser};
use serde_json::{Value, json};

use crate::support::{Scratch, config, launch, listing, ok_object, png, profiles};

fn opts(fields: &[(&str, JsValue)]) -> JsValue {
    JsValue::object(fields.iter().cloned())
}

fn s(v: &str) -> JsValue {
    JsValue::from(v)
}

fn user(profile: &Profile, rel: &str) -> String {
    format!("{}/{rel}", profile.files.user_root)
}

/// The expected failure object, written out per platform (not derived
/// from the profile under test).
fn expected_fail(profile: &Profile, method: &str, kind: &str, path: &str) -> Value {
    match (profile.name.as_str(), kind) {
        ("wechat" | "wechat-game", "missing") => json!({
            "errMsg": format!("{method}:fail no such file or directory, open {path}"),
            "errno": 1300002
        }),
        ("wechat" | "wechat-game", "denied") => json!({
            "errMsg": format!("{method}:fail permission denied, open {path}"),
            "errno": 1300013
        }),
        ("feishu", "missing") => json!({
            "errMsg": format!("{method}:fail no such file or directory, open {path}")
        }),
        ("feishu", "denied") => json!({
            "errMsg": format!("{method}:fail permission denied, open {path}")
        }),
        ("douyin", "missing") => json!({
            "errMsg": format!("{method}:fail no such file or directory, {method} {path}")
        }),
        ("douyin", "denied") => json!({
            "errMsg": format!("{method}:fail permission denied, {method} {path}")
        }),
        ("alipay", "missing") => json!({
            "error": 10022,
            "errorMessage": format!("no such file or directory, open {path}")
        }),
        ("alipay", "denied") => json!({
            "error": 10024,
            "errorMessage": format!("permission denied, open {path}")
        }),
        other => panic!("no expectation for {other:?}"),
    }
}

#[test]
fn text_and_bytes_round_trip_in_every_encoding_on_every_profile() {
    for profile in profiles() {
        let dir = Scratch::new("fs-round");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let path = user(&profile, "notes/a.txt");
        let res = p
            .fs_write_file(&opts(&[("filePath", s(&path)), ("data", s("海报 ok"))]))
            .unwrap();
        assert_eq!(
            Value::Object(res),
            ok_object(&profile, "writeFile"),
            "{}",
            profile.name
        );
        let (res, data) = p.fs_read_file(&opts(&[("filePath", s(&path))])).unwrap();
        assert_eq!(Value::Object(res), ok_object(&profile, "readFile"));
        assert_eq!(data, FileData::Bytes("海报 ok".as_bytes().to_vec()));
        for (encoding, text) in [
            ("utf8", "海报 ok"),
            ("hex", "e6b5b7e68aa5206f6b"),
            ("base64", "5rW35oqlIG9r"),
        ] {
            let (_, data) = p
                .fs_read_file(&opts(&[("filePath", s(&path)), ("encoding", s(encoding))]))
                .unwrap();
            assert_eq!(
                data,
                FileData::Text(text.into()),
                "{} {encoding}",
                profile.name
            );
        }
        // Bytes in, base64 text in.
        let bin = user(&profile, "b.bin");
        p.fs_write_file(&opts(&[
            ("filePath", s(&bin)),
            ("data", JsValue::Bytes(vec![0, 255, 7])),
        ]))
        .unwrap();
        assert_eq!(
            p.fs_read_file(&opts(&[("filePath", s(&bin))])).unwrap().1,
            FileData::Bytes(vec![0, 255, 7])
        );
        p.fs_write_file(&opts(&[
            ("filePath", s(&bin)),
            ("data", s("AP8H")),
            ("encoding", s("base64")),
        ]))
        .unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("usr/b.bin")).unwrap(),
            [0, 255, 7]
        );
    }
}

#[test]
fn missing_and_forbidden_paths_fail_in_each_platforms_words() {
    for profile in profiles() {
        let dir = Scratch::new("fs-fail");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let missing = user(&profile, "none.txt");
        let err = p
            .fs_read_file(&opts(&[("filePath", s(&missing))]))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::NoSuchFile);
        assert_eq!(
            Value::Object(err.reply),
            expected_fail(&profile, "readFile", "missing", &missing),
            "{}",
            profile.name
        );
        // The Sync variant names itself.
        let err = p
            .fs_read_file_sync(&opts(&[("filePath", s(&missing))]))
            .unwrap_err();
        assert_eq!(
            Value::Object(err.reply),
            expected_fail(&profile, "readFileSync", "missing", &missing)
        );
        // A temp file is read-only; a foreign path is not the app's.
        let (temp, _) = p.store().write_temp(b"x", "txt").unwrap();
        for target in [
            temp.clone(),
            "/abs/x.txt".to_owned(),
            "file:///etc/passwd".into(),
        ] {
            let err = p
                .fs_write_file(&opts(&[("filePath", s(&target)), ("data", s("x"))]))
                .unwrap_err();
            assert_eq!(
                Value::Object(err.reply),
                expected_fail(&profile, "writeFile", "denied", &target),
                "{} {target}",
                profile.name
            );
        }
        let err = p.fs_unlink(&opts(&[("filePath", s(&temp))])).unwrap_err();
        assert_eq!(
            Value::Object(err.reply),
            expected_fail(&profile, "unlink", "denied", &temp)
        );
        // An escape under the user root resolves to nothing.
        let escape = user(&profile, "../secret.txt");
        let err = p
            .fs_write_file(&opts(&[("filePath", s(&escape)), ("data", s("x"))]))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::NoSuchFile, "{}", profile.name);
        assert!(!dir.path().join("secret.txt").exists());
        assert_eq!(listing(&dir.path().join("usr")), Vec::<String>::new());
    }
}

#[test]
fn bad_options_fail_as_parameter_encoding_or_data_errors() {
    for profile in profiles() {
        let dir = Scratch::new("fs-params");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let path = user(&profile, "a.txt");
        let err = p
            .fs_read_file(&opts(&[("filePath", JsValue::from(3.0))]))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::Parameter);
        assert!(
            err.message
                .contains("parameter.filePath should be String instead of Number"),
            "{}: {}",
            profile.name,
            err.message
        );
        let err = p
            .fs_write_file(&opts(&[
                ("filePath", s(&path)),
                ("data", JsValue::from(1.0)),
            ]))
            .unwrap_err();
        assert!(
            err.message
                .contains("parameter.data should be String instead of Number")
        );
        let err = p
            .fs_write_file(&opts(&[
                ("filePath", s(&path)),
                ("data", s("x")),
                ("encoding", s("utf32")),
            ]))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::UnknownEncoding);
        assert!(
            err.message.contains("unknown encoding utf32"),
            "{}",
            err.message
        );
        let err = p
            .fs_write_file(&opts(&[
                ("filePath", s(&path)),
                ("data", s("zz")),
                ("encoding", s("hex")),
            ]))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::InvalidData);
        // Nothing was written by any of them.
        assert_eq!(listing(&dir.path().join("usr")), Vec::<String>::new());
    }
}

#[test]
fn a_write_over_the_per_file_limit_leaves_no_file() {
    for mut profile in profiles() {
        profile.files.write_file_max_bytes = 8;
        let dir = Scratch::new("fs-limit");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let path = user(&profile, "big.txt");
        let err = p
            .fs_write_file(&opts(&[("filePath", s(&path)), ("data", s("123456789"))]))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::StorageQuota, "{}", profile.name);
        if profile.name == "alipay" {
            assert_eq!(err.reply["error"], 10028);
        }
        assert_eq!(listing(&dir.path().join("usr")), Vec::<String>::new());
        p.fs_write_file(&opts(&[("filePath", s(&path)), ("data", s("12345678"))]))
            .unwrap();
    }
    // The shipped limits: 100 MB WeChat, 10 MB Alipay.
    assert_eq!(
        Profile::named("wechat").unwrap().files.write_file_max_bytes,
        100 << 20
    );
    assert_eq!(
        Profile::named("alipay").unwrap().files.write_file_max_bytes,
        10 << 20
    );
}

#[test]
fn read_ranges_where_the_profile_honours_them() {
    for profile in profiles() {
        let dir = Scratch::new("fs-range");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let path = user(&profile, "r.txt");
        p.fs_write_file(&opts(&[("filePath", s(&path)), ("data", s("abcdef"))]))
            .unwrap();
        let ranged = |p: &mut mpcanvas_platform::Platform, pos: f64, len: f64| {
            p.fs_read_file(&opts(&[
                ("filePath", s(&path)),
                ("encoding", s("utf8")),
                ("position", JsValue::from(pos)),
                ("length", JsValue::from(len)),
            ]))
        };
        if profile.fs.read_range {
            assert_eq!(
                ranged(&mut p, 2.0, 3.0).unwrap().1,
                FileData::Text("cde".into())
            );
            let err = ranged(&mut p, 7.0, 0.0).unwrap_err();
            assert_eq!(
                err.reply["errMsg"],
                "readFile:fail the value of \"position\" is out of range"
            );
            let err = ranged(&mut p, 2.0, 5.0).unwrap_err();
            assert_eq!(err.kind, FailKind::OutOfRange);
            assert!(err.message.contains("\"length\""));
        } else {
            assert_eq!(
                ranged(&mut p, 2.0, 3.0).unwrap().1,
                FileData::Text("abcdef".into())
            );
        }
    }
}

#[test]
fn access_unlink_and_file_info_on_every_profile() {
    for profile in profiles() {
        let dir = Scratch::new("fs-info");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let path = user(&profile, "d/abc.txt");
        p.fs_write_file(&opts(&[("filePath", s(&path)), ("data", s("abc"))]))
            .unwrap();
        for existing in [
            path.clone(),
            user(&profile, "d"),
            profile.files.user_root.clone(),
        ] {
            let res = p.fs_access(&opts(&[("path", s(&existing))])).unwrap();
            assert_eq!(
                Value::Object(res),
                ok_object(&profile, "access"),
                "{existing}"
            );
        }
        let res = p
            .fs_get_file_info(&opts(&[("filePath", s(&path))]))
            .unwrap();
        assert_eq!(res["size"], 3);
        assert_eq!(
            res["digest"], "900150983cd24fb0d6963f7d28e17f72",
            "md5 by default"
        );
        let res = p
            .fs_get_file_info(&opts(&[
                ("filePath", s(&path)),
                ("digestAlgorithm", s("sha1")),
            ]))
            .unwrap();
        assert_eq!(res["digest"], "a9993e364706816aba3e25717850c26c9cd0d89d");
        let err = p
            .fs_get_file_info(&opts(&[
                ("filePath", s(&path)),
                ("digestAlgorithm", s("sha256")),
            ]))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::Parameter);
        // A folder is not unlinked; the file is, once.
        let err = p
            .fs_unlink(&opts(&[("filePath", s(&user(&profile, "d")))]))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::PermissionDenied);
        let res = p.fs_unlink_sync(&opts(&[("filePath", s(&path))])).unwrap();
        assert_eq!(Value::Object(res), ok_object(&profile, "unlinkSync"));
        let err = p.fs_access(&opts(&[("path", s(&path))])).unwrap_err();
        assert_eq!(
            Value::Object(err.reply),
            expected_fail(&profile, "access", "missing", &path)
        );
        let err = p.fs_unlink(&opts(&[("filePath", s(&path))])).unwrap_err();
        assert_eq!(err.kind, FailKind::NoSuchFile);
    }
}

#[test]
fn save_file_moves_a_temp_file_to_a_user_path_or_the_saved_store() {
    for profile in profiles() {
        let dir = Scratch::new("fs-save");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let image = png(2, 2, [1, 2, 3, 255]);
        let (temp, _) = p.store().write_temp(&image, "png").unwrap();
        let target = user(&profile, "kept/poster.png");
        let res = p
            .fs_save_file(&opts(&[
                ("tempFilePath", s(&temp)),
                ("filePath", s(&target)),
            ]))
            .unwrap();
        assert_eq!(res["savedFilePath"], target.as_str(), "{}", profile.name);
        assert_eq!(
            p.store().resolve(&temp),
            None,
            "the temp path stops resolving"
        );
        assert_eq!(
            std::fs::read(dir.path().join("usr/kept/poster.png")).unwrap(),
            image
        );
        // Moving it again: it is gone.
        let err = p
            .fs_save_file(&opts(&[("tempFilePath", s(&temp))]))
            .unwrap_err();
        assert_eq!(
            Value::Object(err.reply),
            expected_fail(&profile, "saveFile", "missing", &temp)
        );
        let (temp, _) = p.store().write_temp(&image, "png").unwrap();
        let res = p
            .fs_save_file_sync(&opts(&[("tempFilePath", s(&temp))]))
            .unwrap();
        let saved = res["savedFilePath"].as_str().unwrap().to_owned();
        let prefix = profile
            .files
            .saved_template
            .split("{hex32}")
            .next()
            .unwrap();
        assert!(saved.starts_with(prefix), "{saved}");
        assert_eq!(
            p.fs_read_file(&opts(&[("filePath", s(&saved))])).unwrap().1,
            FileData::Bytes(image.clone())
        );
        assert_eq!(listing(&dir.path().join("tmp")), Vec::<String>::new());
    }
}

#[test]
fn package_files_are_readable_and_read_only() {
    for profile in profiles() {
        let dir = Scratch::new("fs-pkg");
        let pkg = Scratch::new("fs-pkg-root");
        std::fs::create_dir_all(pkg.path().join("res")).unwrap();
        std::fs::write(pkg.path().join("res/a.json"), b"{\"k\":1}").unwrap();
        let mut p = mpcanvas_platform::Platform::launch(
            config(&profile, dir.path(), ScriptedUser::default()).with_package_root(pkg.path()),
        )
        .unwrap();
        for path in ["res/a.json", "/res/a.json"] {
            let (_, data) = p
                .fs_read_file(&opts(&[("filePath", s(path)), ("encoding", s("utf8"))]))
                .unwrap();
            assert_eq!(data, FileData::Text("{\"k\":1}".into()));
        }
        let err = p
            .fs_unlink(&opts(&[("filePath", s("res/a.json"))]))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::PermissionDenied);
        assert!(pkg.path().join("res/a.json").exists());
        let err = p
            .fs_read_file(&opts(&[("filePath", s("res/../../x"))]))
            .unwrap_err();
        assert_eq!(err.kind, FailKind::NoSuchFile);
    }
}
