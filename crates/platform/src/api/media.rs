//! `chooseImage` and `previewImage`: the photo picker and the full-screen
//! viewer. Headless, the scripted user picks from the gallery the run was
//! given (host image files, copied into the temp store as the phone
//! does), and the viewer only checks its arguments.

use serde_json::{Value, json};

use super::Platform;
use super::download::temp_write_failure;
use crate::profile::FailKind;
use crate::reply::{ApiResult, Reason, Reply};
use crate::report::Event;
use crate::sniff::{SNIFF_LEN, sniff};
use crate::value::JsValue;

/// Most photos one `chooseImage` call returns (the documented maximum).
const MAX_PICKS: usize = 9;

impl Platform {
    /// `chooseImage({count})`: the user's picks as temp files, listed in
    /// the profile's result fields; a cancelled picker fails with
    /// `user_cancel`.
    pub fn choose_image(&mut self, options: &JsValue) -> ApiResult {
        const API: &str = "chooseImage";
        let outcome = self.require(API).and_then(|()| {
            let count = match options.get("count") {
                // NaN is a Number too: like a missing count, the most.
                JsValue::Number(n) if n.is_nan() => MAX_PICKS,
                JsValue::Number(n) => (n.floor().max(1.0) as usize).min(MAX_PICKS),
                v if v.is_nullish() => MAX_PICKS,
                v => return Err(Reason::parameter("count", "Number", v.type_name())),
            };
            let Some(photos) = self.user.pick_photos(count) else {
                self.report.push(Event::ActionSheet {
                    choice: "cancel".to_owned(),
                });
                return Err(Reason::new(FailKind::UserCancel));
            };
            self.report.push(Event::ActionSheet {
                choice: format!("pick {} photo(s)", photos.len()),
            });
            let mut paths = Vec::new();
            let mut files = Vec::new();
            for photo in photos {
                let bytes = std::fs::read(&photo).map_err(|e| {
                    Reason::detail(FailKind::WriteFailed, format!("{}: {e}", photo.display()))
                })?;
                let kind = sniff(&bytes[..bytes.len().min(SNIFF_LEN)])
                    .ok_or_else(|| Reason::new(FailKind::NotImage))?;
                let (path, real) = self
                    .store
                    .write_temp(&bytes, kind.extension())
                    .map_err(temp_write_failure)?;
                self.report.push(Event::TempFile {
                    path: path.clone(),
                    real_path: real.display().to_string(),
                    bytes: bytes.len() as u64,
                });
                files.push(json!({ "path": path, "size": bytes.len() }));
                paths.push(Value::String(path));
            }
            let mut reply = Reply::new();
            reply.insert(
                self.profile.album.choose_paths_field.clone(),
                Value::Array(paths),
            );
            if let Some(field) = &self.profile.album.choose_files_field {
                reply.insert(field.clone(), Value::Array(files));
            }
            Ok(reply)
        });
        self.finish(API, options, outcome)
    }

    /// `previewImage({urls, current})`: nothing to show headless; `urls`
    /// must be a non-empty list of strings.
    pub fn preview_image(&mut self, options: &JsValue) -> ApiResult {
        const API: &str = "previewImage";
        let outcome = self.require(API).and_then(|()| match options.get("urls") {
            JsValue::Array(urls)
                if !urls.is_empty() && urls.iter().all(|u| matches!(u, JsValue::String(_))) =>
            {
                Ok(Reply::new())
            }
            v => Err(Reason::parameter("urls", "Array of String", v.type_name())),
        });
        self.finish(API, options, outcome)
    }
}
