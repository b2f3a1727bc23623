//! Feedback UI — toasts, loading, modals, vibration, Alipay's `alert`:
//! nothing is shown headless; each call succeeds and is recorded, and a
//! modal is confirmed, so a page that waits on one carries on.

use super::Platform;
use crate::reply::Reply;
use crate::value::JsValue;

/// The feedback functions every profile has.
pub const FEEDBACK_APIS: &[&str] = &[
    "showToast",
    "hideToast",
    "showLoading",
    "hideLoading",
    "showModal",
    "vibrateShort",
];

/// Feedback functions only some platforms have: they exist where the
/// profile lists them.
pub const LISTED_FEEDBACK_APIS: &[&str] = &["alert"];

impl Platform {
    /// Answers the feedback call `api` with `args` (see the module docs).
    pub fn feedback(&mut self, api: &str, args: &JsValue) -> Reply {
        let mut fields = Reply::new();
        if api == "showModal" {
            // The scripted user taps the confirm button.
            fields.insert("confirm".into(), true.into());
            fields.insert("cancel".into(), false.into());
        }
        let reply = self.success_reply(api, fields);
        let report_api = self.qualified(api);
        self.record(&report_api, args, Ok(&reply));
        reply
    }
}
