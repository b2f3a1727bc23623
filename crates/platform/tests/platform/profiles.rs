//! The profile files: each loads and validates, and the rules the loader
//! enforces reject broken files. Platform differences live only there.

use mpcanvas_platform::Profile;
use mpcanvas_platform::profile::{PROFILE_NAMES, ProfileError};

#[test]
fn every_embedded_profile_loads_and_names_itself() {
    let all = Profile::all().unwrap();
    assert_eq!(all.len(), 5);
    for (profile, name) in all.iter().zip(PROFILE_NAMES) {
        assert_eq!(profile.name, *name);
        assert!(["wx", "my", "tt"].contains(&profile.namespace.as_str()));
        assert!(profile.files.temp_template.contains("{hex32}"));
        assert!(profile.auth.scopes.contains(&profile.album.scope));
        for (kind, entry) in profile.errors.entries() {
            assert!(
                !entry.message.is_empty() || kind == "export_failed",
                "{name}: {kind}"
            );
        }
    }
    assert!(matches!(
        Profile::named("harmony"),
        Err(ProfileError::Unknown(_))
    ));
}

fn wechat_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../profiles/wechat.toml"
    ))
    .unwrap()
}

#[test]
fn broken_profiles_are_refused_with_a_reason() {
    let text = wechat_text();
    let cases = [
        (
            "a missing error kind",
            text.replace("no_space = { message = \"no space left\" }\n", ""),
        ),
        (
            "an unknown field",
            text.replace("[album]\n", "[album]\nsurprise = 1\n"),
        ),
        (
            "a temp template without {hex32}",
            text.replace("tmp_{hex32}", "tmp_fixed"),
        ),
        (
            "a code shape without codes",
            text.replace("error_shape = \"err_msg\"", "error_shape = \"code\""),
        ),
        (
            "an album scope that is not a scope",
            text.replace("scope = \"scope.writePhotosAlbum\"", "scope = \"album\""),
        ),
        (
            "a bad enum value",
            text.replace("dest_default = \"dpr\"", "dest_default = \"twice\""),
        ),
    ];
    for (case, broken) in cases {
        assert_ne!(broken, text, "{case}: the replacement must apply");
        let err = Profile::parse("broken", &broken).unwrap_err();
        assert!(
            matches!(
                err,
                ProfileError::Parse { .. } | ProfileError::Invalid { .. }
            ),
            "{case}: {err}"
        );
    }
    assert!(Profile::parse("copy", &text).is_ok());
}

/// Rule 2 of the architecture: no code outside the loader names a
/// platform. Scans this crate's sources for the profile names as string
/// literals.
#[test]
fn no_code_outside_the_loader_matches_on_a_platform_name() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.ends_with("profile/load.rs") {
                continue;
            }
            // Doc examples may name a profile; code may not.
            let text: String = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect();
            for name in PROFILE_NAMES {
                if text.contains(&format!("\"{name}\"")) {
                    offenders.push(format!("{}: {name}", path.display()));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:?}");
}
