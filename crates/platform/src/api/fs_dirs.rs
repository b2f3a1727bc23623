//! The manager's folder and file-tree methods: `copyFile`, `mkdir`,
//! `rmdir`, `readdir`, `stat`, `rename`, `unzip`, `getSavedFileList`,
//! `removeSavedFile`, and the `…Sync` forms the profile lists (WX-doc,
//! AP-doc and DY-doc `FileSystemManager` indexes).
//!
//! Reading (`copyFile`'s source, `stat`, `unzip`'s archive) reaches temp,
//! saved, user and package files; changing reaches the user area only, as
//! for `writeFile` (see [`super::fs`]).

use serde_json::{Value, json};

use super::resource::{package_entry, package_file};
use super::{Platform, required_string};
use crate::profile::FailKind;
use crate::reply::{ApiResult, Reason, Reply, field};
use crate::store::{EntryStat, StoreError};
use crate::value::JsValue;

/// A boolean option (`recursive`): truthy as JavaScript reads it.
fn flag(options: &JsValue, name: &str) -> bool {
    match options.get(name) {
        JsValue::Bool(b) => *b,
        JsValue::Number(n) => *n != 0.0 && !n.is_nan(),
        JsValue::String(s) => !s.is_empty(),
        v => !v.is_nullish(),
    }
}

/// How a store failure reads for the path concerned.
pub(super) fn store_reason(e: StoreError, path: &str) -> Reason {
    match e {
        StoreError::NotFound => Reason::path(FailKind::NoSuchFile, path),
        StoreError::Denied => Reason::path(FailKind::PermissionDenied, path),
        StoreError::TooLarge => Reason::new(FailKind::FileTooLarge),
        StoreError::Quota => Reason::new(FailKind::StorageQuota),
        StoreError::Exists => Reason::path(FailKind::FileExists, path),
        StoreError::NotEmpty => Reason::path(FailKind::DirectoryNotEmpty, path),
        StoreError::NotADirectory => Reason::path(FailKind::NotADirectory, path),
        StoreError::BadArchive(detail) => {
            Reason::path(FailKind::BadArchive, path).with("detail", detail)
        }
        StoreError::Io(e) => Reason::detail(FailKind::WriteFailed, e.to_string()),
    }
}

/// A `Stats` object's fields (the JS layer adds `isDirectory()` /
/// `isFile()`, which read `mode`).
pub(super) fn stats(s: &EntryStat) -> Value {
    json!({
        "mode": s.mode(),
        "size": s.size,
        "lastAccessedTime": s.accessed,
        "lastModifiedTime": s.modified,
    })
}

impl Platform {
    /// The real package folder or file `path` names where the profile's
    /// manager reaches package folders (else package files only).
    fn package_path(&self, path: &str) -> Result<std::path::PathBuf, Reason> {
        let root = self.package_root.as_ref();
        let real = if self.profile.fs.package_folders {
            package_entry(root, path)
        } else {
            package_file(root, path)
        };
        real.ok_or_else(|| Reason::path(FailKind::NoSuchFile, path))
    }

    /// The stat of a store entry or a package file (or folder, see
    /// [`Self::package_path`]).
    pub(super) fn entry_stat(&mut self, path: &str) -> Result<EntryStat, Reason> {
        match self.store.stat(path) {
            Ok(s) => Ok(s),
            Err(StoreError::NotFound) if !self.store.owns(path) => {
                let real = self.package_path(path)?;
                let meta = std::fs::metadata(&real)
                    .map_err(|_| Reason::path(FailKind::NoSuchFile, path))?;
                Ok(EntryStat::of(&meta))
            }
            Err(e) => Err(store_reason(e, path)),
        }
    }

    /// Calls manager method `method` of this file (`mkdir`, `mkdirSync`,
    /// …) with its options object; `not_supported` where the profile's
    /// manager lacks it.
    pub fn fs_dir_call(&mut self, method: &str, options: &JsValue) -> ApiResult {
        let base = method.strip_suffix("Sync").unwrap_or(method);
        let outcome = self.fs_require(method).and_then(|()| match base {
            "copyFile" => self.copy_file(options),
            "mkdir" => self.make_dir(options),
            "rmdir" => self.remove_dir(options),
            "readdir" => self.read_dir(options),
            "stat" => self.stat(options),
            "rename" => self.rename(options),
            "unzip" => self.unzip(options),
            "getSavedFileList" => self.saved_file_list(),
            "removeSavedFile" => self.remove_saved_file(options),
            _ => Err(Reason::new(FailKind::NotSupported)),
        });
        self.fs_finish(method, options, outcome)
    }

    fn copy_file(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let src = required_string(options, "srcPath")?;
        let dest = required_string(options, "destPath")?;
        let real = self.fs_readable(&src)?;
        let len = std::fs::metadata(&real).map_or(0, |m| m.len());
        self.fs_writable(&dest, len)?;
        self.store
            .copy_in(&real, &dest)
            .map_err(|e| store_reason(e, &dest))?;
        Ok(Reply::new())
    }

    fn make_dir(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let path = required_string(options, "dirPath")?;
        self.store
            .make_dir(&path, flag(options, "recursive"))
            .map_err(|e| store_reason(e, &path))?;
        Ok(Reply::new())
    }

    fn remove_dir(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let path = required_string(options, "dirPath")?;
        self.store
            .remove_dir(&path, flag(options, "recursive"))
            .map_err(|e| store_reason(e, &path))?;
        Ok(Reply::new())
    }

    fn read_dir(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let path = required_string(options, "dirPath")?;
        // Package folders are listed too (read-only, as WX-doc's file
        // system guide says of code package files).
        let names = match self.store.list_dir(&path) {
            Err(StoreError::NotFound) if !self.store.owns(&path) => {
                crate::store::list_real_dir(&self.package_path(&path)?)
            }
            other => other,
        }
        .map_err(|e| store_reason(e, &path))?;
        Ok(field("files", names))
    }

    /// `stat({path, recursive})`: `{stats}`, a `Stats` object, or for a
    /// folder with `recursive` an array of `{path, stats}` (the folder
    /// itself as `/`, the rest as `/a/b.png`), as the WX-doc describes
    /// since 2.x.
    fn stat(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let path = required_string(options, "path")?;
        let single = self.entry_stat(&path)?;
        if !(single.is_dir && flag(options, "recursive")) {
            return Ok(field("stats", stats(&single)));
        }
        let tree = match self.store.stat_tree(&path) {
            Err(StoreError::NotFound) if !self.store.owns(&path) => {
                crate::store::real_tree(&self.package_path(&path)?)
            }
            other => other,
        }
        .map_err(|e| store_reason(e, &path))?;
        let list: Vec<Value> = tree
            .iter()
            .map(|(rel, s)| json!({ "path": format!("/{rel}"), "stats": stats(s) }))
            .collect();
        Ok(field("stats", list))
    }

    fn rename(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let from = required_string(options, "oldPath")?;
        let to = required_string(options, "newPath")?;
        if !self.store.owns(&from) && package_file(self.package_root.as_ref(), &from).is_some() {
            return Err(Reason::path(FailKind::PermissionDenied, from));
        }
        self.store.rename(&from, &to).map_err(|e| match e {
            StoreError::NotFound if self.store.user_entry(&to).is_some() => {
                store_reason(StoreError::NotFound, &from)
            }
            other => store_reason(other, &to),
        })?;
        Ok(Reply::new())
    }

    fn unzip(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let zip = required_string(options, "zipFilePath")?;
        let target = required_string(options, "targetPath")?;
        let real = self.fs_readable(&zip)?;
        self.store.unzip(&real, &target).map_err(|e| match e {
            StoreError::BadArchive(_) => store_reason(e, &zip),
            other => store_reason(other, &target),
        })?;
        Ok(Reply::new())
    }

    fn saved_file_list(&mut self) -> Result<Reply, Reason> {
        let files = self.store.saved_files().map_err(|e| store_reason(e, ""))?;
        let list: Vec<Value> = files
            .iter()
            .map(|f| json!({ "filePath": f.path, "size": f.size, "createTime": f.created }))
            .collect();
        Ok(field("fileList", list))
    }

    fn remove_saved_file(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let path = required_string(options, "filePath")?;
        self.store
            .remove_saved(&path)
            .map_err(|e| store_reason(e, &path))?;
        Ok(Reply::new())
    }
}
