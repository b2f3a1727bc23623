//! The manager's in-place edits of a user file: `appendFile` and
//! `truncate` (and their `…Sync` forms), shared with the descriptor
//! methods of [`super::fs_fd`], which write through the same helpers.
//!
//! A user file is edited as a whole: its bytes are read, changed and
//! written back atomically (see [`crate::store::FileStore::write_user_file`]),
//! so a failed or interrupted edit leaves the old file, and the per-file
//! limit and persistent quota apply to the result.

use super::{Platform, required_string};
use crate::encoding::Encoding;
use crate::profile::FailKind;
use crate::reply::{ApiResult, Reason, Reply};
use crate::value::JsValue;

/// A whole, non-negative number option (`length`, `offset`, `position`):
/// `default` when absent; a fraction is cut, as the platforms' integer
/// options; anything else is `out_of_range`.
pub(super) fn count_option(options: &JsValue, name: &str, default: u64) -> Result<u64, Reason> {
    match options.get(name) {
        JsValue::Number(n) if n.is_finite() && *n >= 0.0 && *n <= u64::MAX as f64 => {
            Ok(n.trunc() as u64)
        }
        JsValue::Number(_) => Err(Reason::new(FailKind::OutOfRange).with("name", name)),
        v if v.is_nullish() => Ok(default),
        v => Err(Reason::parameter(name, "Number", v.type_name())),
    }
}

impl Platform {
    /// The bytes `data` stands for: a string in `encoding` (default
    /// utf8) or an `ArrayBuffer`'s bytes.
    pub(super) fn fs_data(&self, options: &JsValue) -> Result<Vec<u8>, Reason> {
        let encoding = self.fs_encoding(options)?.unwrap_or(Encoding::Utf8);
        match options.get("data") {
            JsValue::String(text) => encoding
                .encode(text)
                .ok_or_else(|| Reason::new(FailKind::InvalidData)),
            JsValue::Bytes(b) => Ok(b.clone()),
            v => Err(Reason::parameter("data", "String", v.type_name())),
        }
    }

    /// The current bytes of user file `path`, `None` when it does not
    /// exist. A folder is `is_a_directory`; a path outside the user area
    /// is `permission_denied` (temp and package files are read-only),
    /// an escape from it `no_such_file`.
    pub(super) fn user_bytes(&mut self, path: &str) -> Result<Option<Vec<u8>>, Reason> {
        // `user_entry`: the user root itself is a folder here, not a
        // foreign path.
        let Some(real) = self.store.user_entry(path) else {
            let kind = if self.store.under_user_root(path) {
                FailKind::NoSuchFile
            } else {
                FailKind::PermissionDenied
            };
            return Err(Reason::path(kind, path));
        };
        match std::fs::symlink_metadata(&real) {
            Err(_) => Ok(None),
            Ok(meta) if meta.is_dir() => Err(Reason::path(FailKind::IsADirectory, path)),
            // A link or anything but a plain file does not resolve.
            Ok(_) => self
                .store
                .read(path)
                .map(Some)
                .map_err(|_| Reason::path(FailKind::NoSuchFile, path)),
        }
    }

    /// Replaces user file `path` with `bytes`, within the per-file limit
    /// and the quota.
    pub(super) fn put_user_bytes(&mut self, path: &str, bytes: &[u8]) -> Result<(), Reason> {
        self.fs_writable(path, bytes.len() as u64)?;
        self.store
            .write_user_file(path, bytes)
            .map_err(|e| super::fs_dirs::store_reason(e, path))
    }

    /// `storage_quota` unless a user file of `len` bytes fits the
    /// per-file limit and the persistent quota: checked before a file
    /// is grown in memory, so a huge `length` or `position` allocates
    /// nothing.
    pub(super) fn fs_size_allowed(&self, len: u64) -> Result<usize, Reason> {
        let files = &self.profile.files;
        let over_file = files.write_file_max_bytes > 0 && len > files.write_file_max_bytes;
        if over_file || len > files.persistent_quota_bytes {
            return Err(Reason::new(FailKind::StorageQuota));
        }
        usize::try_from(len).map_err(|_| Reason::new(FailKind::StorageQuota))
    }

    /// Charges `bytes` of a file held in memory to the run's budget while
    /// the returned charge lives: past the run's memory limit the call
    /// fails as over the storage quota, before anything is allocated.
    pub(super) fn fs_charge(&self, bytes: u64) -> Result<mpcanvas_canvas::Charge, Reason> {
        self.canvas_limits
            .charge("a file's bytes", bytes)
            .map_err(|_| Reason::new(FailKind::StorageQuota))
    }

    /// Cuts or zero-extends user file `path` to `len` bytes; it must exist.
    pub(super) fn resize_user_file(&mut self, path: &str, len: u64) -> Result<(), Reason> {
        let len = self.fs_size_allowed(len)?;
        // The old bytes and the resized ones are both held while it grows.
        let _charge = self.fs_charge(2 * len as u64)?;
        let mut bytes = self
            .user_bytes(path)?
            .ok_or_else(|| Reason::path(FailKind::NoSuchFile, path))?;
        bytes.resize(len, 0);
        self.put_user_bytes(path, &bytes)
    }

    fn append_file_as(&mut self, method: &str, options: &JsValue) -> ApiResult {
        let outcome = self.fs_require(method).and_then(|()| {
            let path = required_string(options, "filePath")?;
            let data = self.fs_data(options)?;
            let mut bytes = match self.user_bytes(&path)? {
                Some(bytes) => bytes,
                None if self.profile.fs.append_creates => Vec::new(),
                None => return Err(Reason::path(FailKind::NoSuchFile, path)),
            };
            bytes.extend_from_slice(&data);
            self.put_user_bytes(&path, &bytes)?;
            Ok(Reply::new())
        });
        self.fs_finish(method, options, outcome)
    }

    /// `fs.appendFile({filePath, data, encoding = "utf8"})`: adds `data`
    /// at the end of a user file; a missing file is created or "no such
    /// file" as the profile's `append_creates` says.
    pub fn fs_append_file(&mut self, options: &JsValue) -> ApiResult {
        self.append_file_as("appendFile", options)
    }

    /// `fs.appendFileSync(filePath, data, encoding)`.
    pub fn fs_append_file_sync(&mut self, options: &JsValue) -> ApiResult {
        self.append_file_as("appendFileSync", options)
    }

    fn truncate_as(&mut self, method: &str, options: &JsValue) -> ApiResult {
        let outcome = self.fs_require(method).and_then(|()| {
            let path = required_string(options, "filePath")?;
            let len = count_option(options, "length", 0)?;
            self.resize_user_file(&path, len)?;
            Ok(Reply::new())
        });
        self.fs_finish(method, options, outcome)
    }

    /// `fs.truncate({filePath, length = 0})`: keeps the first `length`
    /// bytes of a user file, or pads it with zero bytes to `length`.
    pub fn fs_truncate(&mut self, options: &JsValue) -> ApiResult {
        self.truncate_as("truncate", options)
    }

    /// `fs.truncateSync`: `({filePath, length})` on WeChat,
    /// `(filePath, length)` on Douyin (the JS layer makes one object).
    pub fn fs_truncate_sync(&mut self, options: &JsValue) -> ApiResult {
        self.truncate_as("truncateSync", options)
    }
}
