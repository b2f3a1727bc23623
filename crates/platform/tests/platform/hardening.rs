//! What hostile data folders and files cannot do: links planted in the
//! stores or standing in for their folders lead nowhere outside; the album
//! keeps only images that decode; authorization decisions of runs sharing
//! a folder are merged, and one that could not be written is not taken.

use std::os::unix::fs::symlink;
use std::path::PathBuf;

use mpcanvas_platform::auth::{AuthStore, Grant};
use mpcanvas_platform::{Answer, JsValue, Platform, Profile, ScriptedUser};
use serde_json::{Value, json};

use crate::support::{Scratch, launch, listing, png, profiles};

fn wechat() -> Profile {
    profiles().into_iter().find(|p| p.name == "wechat").unwrap()
}

/// WeChat launched on a data folder `tag` (every prompt allowed) beside
/// a folder holding the file `name` of `bytes`, which the stores must
/// never reach: the data folder, the outside folder (removed on drop),
/// the outside file and the platform.
fn beside_outside(tag: &str, name: &str, bytes: &[u8]) -> (Scratch, Scratch, PathBuf, Platform) {
    let dir = Scratch::new(tag);
    let outside = Scratch::new("outside");
    let secret = outside.path().join(name);
    std::fs::write(&secret, bytes).unwrap();
    let p = launch(&wechat(), dir.path(), ScriptedUser::new(Answer::Allow));
    (dir, outside, secret, p)
}

/// A file saved in the store (`saveFile` of a temp PNG): its path and
/// the real file behind it, removed so a test can put a link there.
fn saved_file_removed(p: &mut Platform) -> (String, PathBuf) {
    let (temp, _) = p
        .store()
        .write_temp(&png(1, 1, [0, 0, 0, 255]), "png")
        .unwrap();
    let saved = p.store().save_file(&temp).unwrap();
    let real = p.store().resolve(&saved).unwrap().real_path().to_owned();
    std::fs::remove_file(&real).unwrap();
    (saved, real)
}

fn file_path(path: &str) -> JsValue {
    JsValue::object([("filePath", JsValue::from(path))])
}

fn save_to_album(p: &mut Platform, bytes: &[u8]) -> Result<Value, Value> {
    let (temp, _) = p.store().write_temp(bytes, "png").unwrap();
    p.save_image_to_photos_album(&file_path(&temp))
        .map(Value::Object)
        .map_err(|f| Value::Object(f.reply))
}

#[test]
fn a_saved_file_replaced_by_a_link_does_not_resolve() {
    let (_dir, _outside, secret, mut p) =
        beside_outside("saved-link", "secret.png", &png(2, 2, [1, 2, 3, 255]));
    let (saved, real) = saved_file_removed(&mut p);
    symlink(&secret, &real).unwrap();
    assert_eq!(p.store().resolve(&saved), None);
    assert!(p.store().read(&saved).is_err());
    assert!(!p.store().exists(&saved));
    let err = p
        .save_image_to_photos_album(&file_path(&saved))
        .unwrap_err();
    assert_eq!(
        Value::Object(err.reply),
        json!({"errMsg": "saveImageToPhotosAlbum:fail file not found"})
    );
    assert_eq!(listing(p.album_dir()), Vec::<String>::new());
    let info = p.get_image_info(&JsValue::object([("src", JsValue::from(saved.as_str()))]));
    assert!(info.is_err());
}

#[test]
fn a_user_file_that_is_a_link_to_outside_does_not_resolve() {
    let (dir, _outside, secret, mut p) = beside_outside("user-link", "secret.txt", b"secret");
    symlink(&secret, dir.path().join("usr/link.txt")).unwrap();
    let path = format!("{}/link.txt", p.profile().files.user_root);
    assert_eq!(p.store().resolve(&path), None);
    assert!(p.store().read(&path).is_err());
}

#[test]
fn a_store_file_that_is_a_hard_link_to_outside_does_not_resolve() {
    let (dir, _outside, secret, mut p) =
        beside_outside("hard-link", "secret.png", &png(2, 2, [1, 2, 3, 255]));
    // A user file, and a saved file replaced, as second names of the
    // outside file (the scratch folders share a file system).
    std::fs::hard_link(&secret, dir.path().join("usr/linked.png")).unwrap();
    let user = format!("{}/linked.png", p.profile().files.user_root);
    let (saved, real) = saved_file_removed(&mut p);
    std::fs::hard_link(&secret, &real).unwrap();
    for path in [&user, &saved] {
        assert_eq!(p.store().resolve(path), None, "{path}");
        assert!(p.store().read(path).is_err(), "{path}");
        assert!(p.save_image_to_photos_album(&file_path(path)).is_err());
    }
    assert_eq!(listing(p.album_dir()), Vec::<String>::new());
    // Writing the user path replaces the name, never the outside file.
    p.store().write_user_file(&user, b"mine").unwrap();
    assert_eq!(
        std::fs::read(&secret).unwrap(),
        png(2, 2, [1, 2, 3, 255]),
        "the outside file is untouched"
    );
}

#[test]
fn links_planted_at_staging_names_are_not_written_through() {
    let (dir, _outside, secret, mut p) = beside_outside("staging-link", "secret.txt", b"secret");
    // Staging names are `.staging-<pid>-<n>.part`: plant the next ones
    // this process will use (the counter is shared with other tests, so
    // a wide range) as links to the outside file.
    for n in 0..16384 {
        let name = format!(".staging-{}-{n}.part", std::process::id());
        let _ = symlink(&secret, dir.path().join("usr").join(&name));
        let _ = symlink(&secret, dir.path().join("tmp").join(&name));
    }
    let user = format!("{}/a.txt", p.profile().files.user_root);
    let _ = p.store().write_user_file(&user, b"written");
    let _ = p.store().write_temp(b"written", "png");
    assert_eq!(std::fs::read(&secret).unwrap(), b"secret");
    assert!(
        !std::fs::symlink_metadata(dir.path().join("usr/a.txt"))
            .is_ok_and(|m| m.file_type().is_symlink()),
        "a planted link was not published as the user file"
    );
}

#[test]
fn store_folders_that_are_links_are_refused_at_launch() {
    for folder in ["tmp", "store", "usr", "album"] {
        let dir = Scratch::new("folder-link");
        let outside = Scratch::new("outside");
        symlink(outside.path(), dir.path().join(folder)).unwrap();
        let launched = Platform::launch(crate::support::config(
            &wechat(),
            dir.path(),
            ScriptedUser::default(),
        ));
        let err = launched
            .err()
            .unwrap_or_else(|| panic!("{folder} accepted"));
        assert!(err.to_string().contains("symbolic link"), "{folder}: {err}");
        assert_eq!(listing(outside.path()), Vec::<String>::new(), "{folder}");
    }
}

#[test]
fn store_folders_swapped_for_links_after_launch_lead_nowhere() {
    let dir = Scratch::new("swap");
    let outside = Scratch::new("outside");
    let profile = wechat();
    let mut p = launch(&profile, dir.path(), ScriptedUser::new(Answer::Allow));
    let (temp, real) = p
        .store()
        .write_temp(&png(1, 1, [0, 0, 0, 255]), "png")
        .unwrap();
    let user = format!("{}/a.txt", profile.files.user_root);
    p.store().write_user_file(&user, b"mine").unwrap();
    for folder in ["tmp", "usr", "album"] {
        let moved = dir.path().join(format!("{folder}.moved"));
        std::fs::rename(dir.path().join(folder), &moved).unwrap();
        std::fs::create_dir_all(outside.path().join(folder)).unwrap();
        // The outside folder holds files of the same names.
        for entry in std::fs::read_dir(&moved).unwrap() {
            let name = entry.unwrap().file_name();
            std::fs::write(outside.path().join(folder).join(name), b"outside").unwrap();
        }
        symlink(outside.path().join(folder), dir.path().join(folder)).unwrap();
    }
    assert_eq!(p.store().resolve(&temp), None, "{}", real.display());
    assert!(p.store().read(&user).is_err());
    assert!(p.store().write_user_file(&user, b"x").is_err());
    assert!(p.store().remove_file(&user).is_err());
    assert!(p.store().write_temp(b"x", "png").is_err());
    assert_eq!(
        std::fs::read(outside.path().join("usr/a.txt")).unwrap(),
        b"outside"
    );
    assert!(p.album().save(&png(1, 1, [0, 0, 0, 255])).is_err());
    assert_eq!(listing(&outside.path().join("album")), Vec::<String>::new());
}

/// A PNG whose header claims `w × h` (chunk CRC fixed up), with no image
/// data behind it.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut bytes = png(1, 1, [0, 0, 0, 255]);
    bytes[16..20].copy_from_slice(&w.to_be_bytes());
    bytes[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn the_album_refuses_images_that_do_not_decode() {
    let dir = Scratch::new("album-decode");
    let mut p = launch(&wechat(), dir.path(), ScriptedUser::new(Answer::Allow));
    let whole = png(8, 8, [1, 2, 3, 255]);
    let not_image = json!({"errMsg": "saveImageToPhotosAlbum:fail invalid image file"});
    let signature_only = whole[..8].to_vec();
    let truncated = whole[..whole.len() - 20].to_vec();
    let huge = png_claiming(50_000, 50_000);
    for (name, bytes) in [
        ("signature", signature_only),
        ("truncated", truncated),
        ("huge", huge),
    ] {
        assert_eq!(
            save_to_album(&mut p, &bytes),
            Err(not_image.clone()),
            "{name}"
        );
        assert_eq!(listing(p.album_dir()), Vec::<String>::new(), "{name}");
    }
    assert!(save_to_album(&mut p, &whole).is_ok());
    assert_eq!(listing(p.album_dir()).len(), 1);
}

#[test]
fn decisions_of_runs_sharing_a_folder_are_merged() {
    let dir = Scratch::new("auth-merge");
    let file = dir.path().join("auth.json");
    let mut a = AuthStore::open(&file).unwrap();
    let mut b = AuthStore::open(&file).unwrap();
    a.set("scope.a", Grant::Granted).unwrap();
    b.set("scope.b", Grant::Denied).unwrap();
    let reopened = AuthStore::open(&file).unwrap();
    assert_eq!(reopened.get("scope.a"), Some(Grant::Granted));
    assert_eq!(reopened.get("scope.b"), Some(Grant::Denied));
}

#[test]
fn concurrent_decisions_from_many_threads_are_all_kept() {
    let dir = Scratch::new("auth-threads");
    let file = dir.path().join("auth.json");
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let file = file.clone();
            std::thread::spawn(move || {
                let mut store = AuthStore::open(&file).unwrap();
                for j in 0..10 {
                    store
                        .set(&format!("scope.{i}.{j}"), Grant::Granted)
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(AuthStore::open(&file).unwrap().all().count(), 80);
}

#[test]
fn an_authorization_that_cannot_be_written_is_not_granted() {
    let dir = Scratch::new("auth-fail");
    let profile = wechat();
    let mut p = launch(&profile, dir.path(), ScriptedUser::new(Answer::Allow));
    // A folder where the file should be: the write fails.
    std::fs::create_dir_all(dir.path().join("auth.json/blocked")).unwrap();
    let scope = JsValue::object([("scope", JsValue::from(profile.album.scope.as_str()))]);
    assert!(p.authorize(&scope).is_err());
    let setting = p.get_setting(&JsValue::Undefined).unwrap();
    assert_eq!(setting.get("authSetting"), Some(&json!({})));
}

#[test]
fn a_nan_photo_count_picks_as_many_as_a_missing_one() {
    let dir = Scratch::new("nan-count");
    let photo = dir.path().join("photo.png");
    std::fs::write(&photo, png(2, 2, [1, 2, 3, 255])).unwrap();
    let user = ScriptedUser::new(Answer::Allow).with_gallery([photo.clone(), photo]);
    let mut p = launch(&wechat(), dir.path(), user);
    let reply = p
        .choose_image(&JsValue::object([("count", JsValue::Number(f64::NAN))]))
        .map_err(|f| Value::Object(f.reply))
        .unwrap();
    assert_eq!(reply["tempFilePaths"].as_array().map(Vec::len), Some(2));
}
