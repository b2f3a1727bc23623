//! Feedback UI calls: answered per profile, recorded, modals confirmed.

use mpcanvas_platform::{Event, JsValue, ScriptedUser};

use crate::support::{Scratch, launch, ok_object, profiles};

#[test]
fn feedback_calls_succeed_in_each_profiles_shape_and_are_recorded() {
    for profile in profiles() {
        let dir = Scratch::new("feedback");
        let mut p = launch(&profile, dir.path(), ScriptedUser::default());
        let args = JsValue::object([("title", JsValue::from("保存中"))]);
        let toast = p.feedback("showToast", &args);
        assert_eq!(
            serde_json::Value::Object(toast.clone()),
            ok_object(&profile, "showToast"),
            "{}",
            profile.name
        );
        let modal = p.feedback("showModal", &JsValue::Undefined);
        assert_eq!(modal["confirm"], true, "{}", profile.name);
        assert_eq!(modal["cancel"], false, "{}", profile.name);
        let calls: Vec<&str> = p
            .report()
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Call { api, ok: true, .. } => Some(api.as_str()),
                _ => None,
            })
            .collect();
        let ns = &profile.namespace;
        assert_eq!(
            calls,
            [format!("{ns}.showToast"), format!("{ns}.showModal")]
        );
    }
}
