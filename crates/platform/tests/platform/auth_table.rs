//! PL §7 on every profile: prompts, remembered denials, "don't ask again",
//! dismissed prompts, `getSetting`, `openSetting` (tap only), `authorize`,
//! and persistence across launches. Every prompt is in the report.

use mpcanvas_platform::{Answer, JsValue, Platform, Profile, ScriptedUser};
use serde_json::{Value, json};

use crate::support::{Scratch, error_object, launch, listing, ok_object, png, profiles};

const SAVE: &str = "saveImageToPhotosAlbum";

fn save(p: &mut Platform) -> Result<Value, Value> {
    let (temp, _) = p
        .store()
        .write_temp(&png(2, 2, [1, 1, 1, 255]), "png")
        .unwrap();
    let options = JsValue::object([("filePath", JsValue::from(temp))]);
    p.save_image_to_photos_album(&options)
        .map(Value::Object)
        .map_err(|f| Value::Object(f.reply))
}

fn settings(p: &mut Platform) -> Value {
    let r = p.get_setting(&JsValue::Undefined).unwrap();
    r["authSetting"].clone()
}

fn prompts(p: &Platform) -> usize {
    p.report().prompts().len()
}

#[test]
fn allowing_prompts_once_then_saves_silently() {
    for profile in profiles() {
        let dir = Scratch::new("allow");
        let mut p = launch(&profile, dir.path(), ScriptedUser::new(Answer::Allow));
        let scope = profile.album.scope.clone();
        assert_eq!(
            settings(&mut p),
            json!({}),
            "{}: unasked scopes are absent",
            profile.name
        );
        assert_eq!(save(&mut p), Ok(ok_object(&profile, SAVE)));
        assert_eq!(save(&mut p), Ok(ok_object(&profile, SAVE)));
        assert_eq!(
            p.report().prompts(),
            vec![(scope.as_str(), "allow")],
            "{}",
            profile.name
        );
        assert_eq!(settings(&mut p), json!({ scope: true }));
        assert_eq!(p.album().files().unwrap().len(), 2);
    }
}

#[test]
fn a_denial_fails_at_once_or_prompts_again_as_the_profile_says() {
    for profile in profiles() {
        let dir = Scratch::new("deny");
        let mut p = launch(&profile, dir.path(), ScriptedUser::new(Answer::Deny));
        let scope = profile.album.scope.clone();
        let first = error_object(
            &profile,
            SAVE,
            "auth deny",
            2001,
            "user denied the authorization",
        );
        assert_eq!(save(&mut p), Err(first.clone()), "{}", profile.name);
        assert_eq!(prompts(&p), 1);
        if profile.auth.denial_remembered {
            // WeChat family: no prompt, fail at once.
            assert_eq!(save(&mut p), Err(first), "{}", profile.name);
            assert_eq!(prompts(&p), 1, "{}", profile.name);
        } else {
            // Alipay: a plain deny asks again.
            assert_eq!(save(&mut p), Err(first), "{}", profile.name);
            assert_eq!(prompts(&p), 2, "{}", profile.name);
        }
        assert_eq!(settings(&mut p), json!({ scope: false }));
        assert!(listing(p.album_dir()).is_empty());
    }
}

#[test]
fn deny_forever_is_2003_then_2002_on_alipay_and_a_plain_deny_elsewhere() {
    for profile in profiles() {
        let dir = Scratch::new("forever");
        let mut p = launch(&profile, dir.path(), ScriptedUser::new(Answer::DenyForever));
        let now = error_object(
            &profile,
            SAVE,
            "auth deny",
            2003,
            "user denied the authorization and chose not to be asked again",
        );
        let later = error_object(
            &profile,
            SAVE,
            "auth deny",
            2002,
            "authorization was denied earlier",
        );
        assert_eq!(save(&mut p), Err(now), "{}", profile.name);
        assert_eq!(save(&mut p), Err(later), "{}", profile.name);
        assert_eq!(
            prompts(&p),
            1,
            "{}: remembered without a prompt",
            profile.name
        );
        let answer = p.report().prompts()[0].1.to_owned();
        let want = if profile.auth.deny_forever {
            "deny-forever"
        } else {
            "deny"
        };
        assert_eq!(answer, want, "{}", profile.name);
    }
}

#[test]
fn a_dismissed_prompt_changes_nothing_and_asks_again() {
    for profile in profiles() {
        let dir = Scratch::new("dismiss");
        let mut p = launch(&profile, dir.path(), ScriptedUser::new(Answer::Dismiss));
        let err = error_object(
            &profile,
            SAVE,
            "authorize no response",
            2001,
            "authorize no response",
        );
        assert_eq!(save(&mut p), Err(err.clone()), "{}", profile.name);
        assert_eq!(settings(&mut p), json!({}), "{}", profile.name);
        assert_eq!(save(&mut p), Err(err), "{}", profile.name);
        assert_eq!(prompts(&p), 2, "{}", profile.name);
    }
}

#[test]
fn open_setting_works_only_in_a_tap_and_turns_scopes_back_on() {
    for profile in profiles() {
        let dir = Scratch::new("settings");
        // Deny forever at the prompt, then switch it on in settings.
        let user = ScriptedUser::new(Answer::Allow).with_script([Answer::DenyForever]);
        let mut p = launch(&profile, dir.path(), user);
        let scope = profile.album.scope.clone();
        assert!(save(&mut p).is_err());
        let outside = p.open_setting(&JsValue::Undefined).unwrap_err();
        assert_eq!(
            Value::Object(outside.reply),
            error_object(
                &profile,
                "openSetting",
                "can only be invoked by user TAP gesture.",
                2,
                "can only be invoked by user TAP gesture."
            ),
            "{}",
            profile.name
        );
        p.set_in_tap(true);
        let r = p.open_setting(&JsValue::Undefined).unwrap();
        p.set_in_tap(false);
        assert_eq!(r["authSetting"], json!({ scope: true }), "{}", profile.name);
        assert_eq!(
            save(&mut p),
            Ok(ok_object(&profile, SAVE)),
            "{}",
            profile.name
        );
    }
}

#[test]
fn a_switch_turned_off_in_settings_prompts_again_only_on_alipay() {
    for profile in profiles() {
        let dir = Scratch::new("switch-off");
        let user = ScriptedUser::new(Answer::Allow).with_script([Answer::Allow, Answer::Deny]);
        let mut p = launch(&profile, dir.path(), user);
        assert!(save(&mut p).is_ok());
        p.set_in_tap(true);
        p.open_setting(&JsValue::Undefined).unwrap();
        p.set_in_tap(false);
        let result = save(&mut p);
        if profile.auth.denial_remembered {
            assert!(result.is_err(), "{}", profile.name);
            assert_eq!(prompts(&p), 1);
        } else {
            assert!(result.is_ok(), "{}", profile.name);
            assert_eq!(prompts(&p), 2);
        }
    }
}

#[test]
fn authorize_prompts_passes_or_fails_like_a_save() {
    for profile in profiles().into_iter().filter(|p| p.has_api("authorize")) {
        let dir = Scratch::new("authorize");
        let mut p = launch(&profile, dir.path(), ScriptedUser::new(Answer::Deny));
        let scope = JsValue::object([("scope", JsValue::from(profile.album.scope.as_str()))]);
        let deny = json!({"errMsg": "authorize:fail auth deny"});
        assert_eq!(
            p.authorize(&scope).map_err(|f| Value::Object(f.reply)),
            Err(deny.clone())
        );
        assert_eq!(
            p.authorize(&scope).map_err(|f| Value::Object(f.reply)),
            Err(deny)
        );
        assert_eq!(prompts(&p), 1, "{}", profile.name);
        let unknown = p
            .authorize(&JsValue::object([("scope", JsValue::from("scope.camera"))]))
            .unwrap_err();
        assert_eq!(
            Value::Object(unknown.reply),
            json!({"errMsg": "authorize:fail invalid scope"})
        );
        let missing = p
            .authorize(&JsValue::object(Vec::<(&str, JsValue)>::new()))
            .unwrap_err();
        assert_eq!(
            Value::Object(missing.reply),
            json!({"errMsg": "authorize:fail parameter error: parameter.scope should be String instead of Undefined"})
        );
        let dir2 = Scratch::new("authorize-ok");
        let mut p = launch(&profile, dir2.path(), ScriptedUser::new(Answer::Allow));
        assert_eq!(
            p.authorize(&scope).map(Value::Object),
            Ok(json!({"errMsg": "authorize:ok"}))
        );
        assert_eq!(
            p.authorize(&scope).map(Value::Object),
            Ok(json!({"errMsg": "authorize:ok"}))
        );
        assert_eq!(prompts(&p), 1);
    }
}

#[test]
fn decisions_persist_across_launches_in_the_data_folder() {
    let profile = Profile::named("wechat").unwrap();
    let dir = Scratch::new("persist");
    {
        let mut p = launch(&profile, dir.path(), ScriptedUser::new(Answer::Deny));
        assert!(save(&mut p).is_err());
    }
    let mut p = launch(&profile, dir.path(), ScriptedUser::new(Answer::Allow));
    assert_eq!(
        save(&mut p),
        Err(json!({"errMsg": "saveImageToPhotosAlbum:fail auth deny"}))
    );
    assert_eq!(prompts(&p), 0);
    assert_eq!(settings(&mut p), json!({"scope.writePhotosAlbum": false}));
}

#[test]
fn the_report_records_calls_prompts_and_settings() {
    let profile = Profile::named("douyin").unwrap();
    let dir = Scratch::new("report");
    let mut p = launch(&profile, dir.path(), ScriptedUser::new(Answer::Allow));
    assert!(save(&mut p).is_ok());
    let json = p.report().to_json();
    let events = json["events"].as_array().unwrap();
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["prompt", "album_file", "call"]);
    assert_eq!(events[2]["api"], "tt.saveImageToPhotosAlbum");
    assert_eq!(events[2]["ok"], true);
}

#[test]
fn a_corrupt_authorization_file_stops_the_launch_instead_of_resetting() {
    let dir = Scratch::new("corrupt");
    std::fs::write(dir.path().join("auth.json"), b"{not json").unwrap();
    let cfg = crate::support::config(
        &Profile::named("wechat").unwrap(),
        dir.path(),
        ScriptedUser::default(),
    );
    let err = Platform::launch(cfg).err().expect("launch must fail");
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
}
