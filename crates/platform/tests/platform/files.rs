//! PL §5: temp files live one launch, under an LRU budget; `saveFile`
//! moves; quotas; and no path ever resolves outside the store.

use mpcanvas_platform::store::{Resolved, StoreError};
use mpcanvas_platform::{JsValue, Platform, Profile, ScriptedUser};
use serde_json::{Value, json};

use crate::support::{Scratch, config, launch, profiles};

/// Every escape attempt we know of, for a profile.
fn escapes(profile: &Profile) -> Vec<String> {
    let root = &profile.files.user_root;
    let temp_prefix = profile
        .files
        .temp_template
        .split("{hex32}")
        .next()
        .unwrap()
        .to_owned();
    vec![
        "wxfile://../..".into(),
        "wxfile://../../etc/passwd".into(),
        "wxfile://tmp_x/../../etc/passwd".into(),
        format!("{temp_prefix}../../etc/passwd"),
        format!("{temp_prefix}0123456789abcdef0123456789abcdef.png/../../../etc/passwd"),
        format!("{root}/../../etc/passwd"),
        format!("{root}/a/../../etc/passwd"),
        format!("{root}/./x"),
        format!("{root}//etc/passwd"),
        format!("{root}\\..\\..\\etc\\passwd"),
        format!("{root}/nul\0byte"),
        "/etc/passwd".into(),
        "../../etc/passwd".into(),
        "file:///etc/passwd".into(),
        "C:\\Windows\\win.ini".into(),
        "ftp://example.invalid/a.png".into(),
        "ttfile://temp/../../etc/passwd".into(),
        "difile://tmp/a.png".into(),
        String::new(),
    ]
}

#[test]
fn traversal_and_foreign_paths_never_resolve_on_any_profile() {
    for profile in profiles() {
        let dir = Scratch::new("escape");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        // A real file just outside the store that a traversal would hit.
        std::fs::write(dir.path().join("secret.txt"), b"secret").unwrap();
        for path in escapes(&profile) {
            assert_eq!(p.store().resolve(&path), None, "{}: {path:?}", profile.name);
            assert!(
                matches!(p.store().read(&path), Err(StoreError::NotFound)),
                "{}: {path:?}",
                profile.name
            );
            assert!(
                matches!(
                    p.store().write_user_file(&path, b"x"),
                    Err(StoreError::NotFound)
                ),
                "{}: wrote {path:?}",
                profile.name
            );
        }
        let root = &profile.files.user_root;
        assert_eq!(p.store().resolve(&format!("{root}/../secret.txt")), None);
        // Percent signs are never decoded: this is a folder literally named
        // `..%2f..%2fetc` inside the user folder.
        let odd = format!("{root}/..%2f..%2fetc/passwd");
        p.store().write_user_file(&odd, b"x").unwrap();
        assert!(
            dir.path()
                .join("usr")
                .join("..%2f..%2fetc")
                .join("passwd")
                .is_file()
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_inside_the_user_folder_cannot_lead_out() {
    let profile = Profile::named("wechat").unwrap();
    let dir = Scratch::new("symlink");
    let mut p = launch(&profile, dir.path(), ScriptedUser::default());
    let outside = Scratch::new("outside");
    std::fs::write(outside.path().join("passwd"), b"root:x:0:0").unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("usr").join("link")).unwrap();
    assert_eq!(p.store().resolve("wxfile://usr/link/passwd"), None);
    assert!(matches!(
        p.store().write_user_file("wxfile://usr/link/new", b"x"),
        Err(StoreError::NotFound)
    ));
    assert!(!outside.path().join("new").exists());
}

#[test]
fn temp_paths_have_the_profile_shape_and_last_one_launch() {
    for profile in profiles() {
        let dir = Scratch::new("launch");
        let path = {
            let mut p = launch(&profile, dir.path(), ScriptedUser::default());
            let (path, real) = p
                .store()
                .write_temp(b"\x89PNG\r\n\x1a\nxxxx", "png")
                .unwrap();
            assert!(real.starts_with(dir.path().join("tmp")));
            assert!(matches!(p.store().resolve(&path), Some(Resolved::Temp(_))));
            path
        };
        let want = match profile.name.as_str() {
            "alipay" => "https://resource/apml0000000000000000000000000000abc1.image",
            "feishu" | "douyin" => "ttfile://temp/0000000000000000000000000000abc1.png",
            _ => "wxfile://tmp_0000000000000000000000000000abc1.png",
        };
        assert_eq!(path, want);
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        assert_eq!(
            p.store().resolve(&path),
            None,
            "{}: a new launch starts empty",
            profile.name
        );
    }
}

#[test]
fn a_new_launch_evicts_least_recently_used_temp_files_over_the_budget() {
    let mut profile = Profile::named("wechat").unwrap();
    profile.files.temp_budget_bytes = 250;
    let dir = Scratch::new("lru");
    {
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let (a, _) = p.store().write_temp(&[1; 100], "png").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        p.store().write_temp(&[2; 100], "png").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        // Reading `a` makes the second file the least recently used.
        p.store().read(&a).unwrap();
        // Over budget within the launch: the LRU file of this launch goes.
        let (c, _) = p.store().write_temp(&[3; 100], "png").unwrap();
        let files = p.store().temp_files();
        assert_eq!(files.len(), 2);
        assert!(
            files.iter().any(|(path, _)| *path == a) && files.iter().any(|(path, _)| *path == c)
        );
    }
    {
        // A file larger than the whole budget is refused and evicts nothing.
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let (kept, _) = p.store().write_temp(&[4; 10], "png").unwrap();
        assert!(matches!(
            p.store().write_temp(&[5; 251], "png"),
            Err(StoreError::Quota)
        ));
        assert!(p.store().resolve(&kept).is_some());
    }
    profile.files.temp_budget_bytes = 150;
    let _p = launch(&profile, dir.path(), ScriptedUser::default());
    // 210 bytes from earlier launches: the oldest (the 100-byte file read
    // first) goes, the two newer ones stay.
    let left: Vec<u64> = std::fs::read_dir(dir.path().join("tmp"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .collect();
    assert_eq!(
        left.iter().sum::<u64>(),
        110,
        "evicted down to the budget at launch: {left:?}"
    );
}

#[test]
fn save_file_moves_a_temp_file_and_the_temp_path_stops_resolving() {
    for profile in profiles() {
        let dir = Scratch::new("savefile");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let (temp, _) = p
            .store()
            .write_temp(b"\x89PNG\r\n\x1a\nbody", "png")
            .unwrap();
        let input = profile.files.save_file_field.as_str();
        let output = &profile.files.save_file_result_field;
        let r = p
            .save_file(&JsValue::object([(input, JsValue::from(temp.as_str()))]))
            .unwrap();
        let saved = r[output].as_str().unwrap().to_owned();
        assert_ne!(saved, temp);
        assert_eq!(p.store().resolve(&temp), None, "{}", profile.name);
        assert!(
            matches!(p.store().resolve(&saved), Some(Resolved::Saved(_))),
            "{}",
            profile.name
        );
        assert_eq!(p.store().read(&saved).unwrap(), b"\x89PNG\r\n\x1a\nbody");
        // Saved files outlive the launch.
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        assert!(p.store().resolve(&saved).is_some(), "{}", profile.name);
        let again = p
            .save_file(&JsValue::object([(input, JsValue::from(temp.as_str()))]))
            .unwrap_err();
        let want = if profile.replies.ok_message {
            json!({"errMsg": "saveFile:fail file not found"})
        } else {
            json!({"error": 17, "errorMessage": "file not found"})
        };
        assert_eq!(Value::Object(again.reply), want);
    }
}

#[test]
fn save_file_quotas_are_the_platforms_errors() {
    // Alipay: 10 MB per file, error 19.
    let dir = Scratch::new("quota-alipay");
    let mut p = launch(
        &Profile::named("alipay").unwrap(),
        dir.path(),
        ScriptedUser::default(),
    );
    let (big, _) = p
        .store()
        .write_temp(&vec![0; 10 * 1024 * 1024 + 1], "png")
        .unwrap();
    let err = p
        .save_file(&JsValue::object([(
            "apFilePath",
            JsValue::from(big.as_str()),
        )]))
        .unwrap_err();
    assert_eq!(
        Value::Object(err.reply),
        json!({"error": 19, "errorMessage": "file size over 10 MB"})
    );
    assert!(
        p.store().resolve(&big).is_some(),
        "a refused save leaves the temp file"
    );
    // WeChat: the 200 MB persistent quota (shrunk here).
    let mut profile = Profile::named("wechat").unwrap();
    profile.files.persistent_quota_bytes = 1000;
    let dir = Scratch::new("quota-wechat");
    let mut p = Platform::launch(config(&profile, dir.path(), ScriptedUser::default())).unwrap();
    let (t, _) = p.store().write_temp(&[0; 1001], "png").unwrap();
    let err = p
        .save_file(&JsValue::object([(
            "tempFilePath",
            JsValue::from(t.as_str()),
        )]))
        .unwrap_err();
    assert_eq!(
        Value::Object(err.reply),
        json!({"errMsg": "saveFile:fail the maximum size of the file storage limit is exceeded"})
    );
    assert!(matches!(
        p.store().write_user_file("wxfile://usr/a.bin", &[0; 1001]),
        Err(StoreError::Quota)
    ));
    p.store()
        .write_user_file("wxfile://usr/dir/a.bin", &[0; 10])
        .unwrap();
    assert!(matches!(
        p.store().resolve("wxfile://usr/dir/a.bin"),
        Some(Resolved::User(_))
    ));
}
