//! `saveFile` (PL §5): moves a temp file to persistent storage.

use super::{Platform, required_string};
use crate::profile::FailKind;
use crate::reply::{ApiResult, Reason, field};
use crate::store::StoreError;
use crate::value::JsValue;

impl Platform {
    /// `saveFile({tempFilePath})` (`{apFilePath}` on Alipay): the temp path
    /// stops resolving; the result names the saved path.
    pub fn save_file(&mut self, options: &JsValue) -> ApiResult {
        const API: &str = "saveFile";
        let input = self.profile.files.save_file_field.clone();
        let output = self.profile.files.save_file_result_field.clone();
        let outcome = self.require(API).and_then(|()| {
            let path = required_string(options, &input)?;
            let saved = self.store.save_file(&path).map_err(|e| match e {
                StoreError::NotFound | StoreError::Denied => Reason::new(FailKind::FileNotFound),
                StoreError::TooLarge => Reason::new(FailKind::FileTooLarge),
                StoreError::Quota => Reason::new(FailKind::StorageQuota),
                StoreError::Io(e) => Reason::detail(FailKind::WriteFailed, e.to_string()),
                other => Reason::detail(FailKind::WriteFailed, format!("{other:?}")),
            })?;
            Ok(field(&output, saved))
        });
        self.finish(API, options, outcome)
    }
}
