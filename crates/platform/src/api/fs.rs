//! `getFileSystemManager()`'s methods: `readFile`, `writeFile`, `access`,
//! `unlink`, `getFileInfo`, `saveFile` and their `…Sync` variants, over the
//! file store (PL §5).
//!
//! What may be read: temp, saved and user files and files of the package.
//! What may be written: the user area only (`wx.env.USER_DATA_PATH`);
//! temp files and the package are read-only (FS-doc: temp files are
//! read-only to the app), so writing or deleting them is "permission
//! denied". Nothing resolves outside the store: escapes and other schemes
//! are "no such file". Writes are whole-or-nothing.
//!
//! Each method has a `…_sync` twin taking the same options object (the JS
//! layer turns positional arguments into one); it differs only in the
//! name its failure message carries (`readFileSync:fail …`).

use std::fs::File;
use std::io;
use std::path::PathBuf;

use md5::Md5;
use sha1::{Digest, Sha1};

use super::fs_dirs::store_reason;
use super::resource::package_file;
use super::{Platform, required_string, string_option};
use crate::encoding::Encoding;
use crate::profile::FailKind;
use crate::reply::{self, ApiResult, Reason, Reply, field};
use crate::value::JsValue;

/// What `readFile` read: raw bytes (no `encoding`: an `ArrayBuffer` in
/// JS) or text in the requested encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileData {
    /// The bytes, for an `ArrayBuffer`.
    Bytes(Vec<u8>),
    /// The decoded string.
    Text(String),
}

impl FileData {
    /// A short description for the run report (never the contents).
    fn summary(&self) -> String {
        match self {
            FileData::Bytes(b) => format!("[ArrayBuffer {} bytes]", b.len()),
            FileData::Text(t) => format!("[string {} chars]", t.chars().count()),
        }
    }
}

/// An optional number option (`position`, `length`).
fn number_option(options: &JsValue, name: &str) -> Result<Option<f64>, Reason> {
    match options.get(name) {
        JsValue::Number(n) => Ok(Some(*n)),
        v if v.is_nullish() => Ok(None),
        v => Err(Reason::parameter(name, "Number", v.type_name())),
    }
}

/// The `{name}` of a rejected `position` / `length`.
fn out_of_range(name: &str) -> Reason {
    Reason::new(FailKind::OutOfRange).with("name", name)
}

impl Platform {
    /// Words and records a manager method's outcome (`FileSystemManager.readFile`
    /// in the report, `readFile:ok` / `readFile:fail …` in the reply).
    pub(super) fn fs_finish(
        &mut self,
        method: &str,
        args: &JsValue,
        outcome: Result<Reply, Reason>,
    ) -> ApiResult {
        let report_api = format!("FileSystemManager.{method}");
        match outcome {
            Ok(fields) => {
                let reply = reply::ok(&self.profile, method, fields);
                self.record(&report_api, args, Ok(&reply));
                Ok(reply)
            }
            Err(reason) => Err(self.fail(&report_api, method, args, reason)),
        }
    }

    /// `not_supported` unless the profile's manager has `method`.
    pub(super) fn fs_require(&self, method: &str) -> Result<(), Reason> {
        let fs = &self.profile.fs;
        let listed = fs
            .methods
            .iter()
            .chain(&fs.sync_methods)
            .any(|m| m == method);
        if self.profile.has_api("getFileSystemManager") && listed {
            Ok(())
        } else {
            Err(Reason::new(FailKind::NotSupported))
        }
    }

    /// The `encoding` option: `None` when absent; an encoding the profile
    /// does not list is `unknown_encoding`.
    pub(super) fn fs_encoding(&self, options: &JsValue) -> Result<Option<Encoding>, Reason> {
        let Some(name) = string_option(options, "encoding")? else {
            return Ok(None);
        };
        let listed = self
            .profile
            .fs
            .encodings
            .iter()
            .any(|e| e.eq_ignore_ascii_case(name));
        match Encoding::parse(name) {
            Some(e) if listed => Ok(Some(e)),
            _ => Err(Reason::detail(FailKind::UnknownEncoding, name)),
        }
    }

    /// The real file a readable path names: a store file or a package
    /// file.
    pub(super) fn fs_readable(&mut self, path: &str) -> Result<PathBuf, Reason> {
        if let Some(resolved) = self.store.resolve(path) {
            return Ok(resolved.real_path().to_owned());
        }
        if !self.store.owns(path)
            && let Some(real) = package_file(self.package_root.as_ref(), path)
        {
            return Ok(real);
        }
        Err(Reason::path(FailKind::NoSuchFile, path))
    }

    /// Checks that `path` may be written as a user file of `len` bytes:
    /// under the user root (escapes there are "no such file"), not over
    /// the profile's per-file limit.
    pub(super) fn fs_writable(&mut self, path: &str, len: u64) -> Result<(), Reason> {
        if self.store.user_file(path).is_none() {
            let kind = if self.store.under_user_root(path) {
                FailKind::NoSuchFile
            } else {
                FailKind::PermissionDenied
            };
            return Err(Reason::path(kind, path));
        }
        let max = self.profile.files.write_file_max_bytes;
        if max > 0 && len > max {
            return Err(Reason::new(FailKind::StorageQuota));
        }
        Ok(())
    }

    fn read_file_as(&mut self, method: &str, options: &JsValue) -> ApiResult<(Reply, FileData)> {
        let outcome = self.fs_require(method).and_then(|()| {
            let path = required_string(options, "filePath")?;
            let encoding = self.fs_encoding(options)?;
            let (position, length) = if self.profile.fs.read_range {
                (
                    number_option(options, "position")?,
                    number_option(options, "length")?,
                )
            } else {
                (None, None)
            };
            let real = self.fs_readable(&path)?;
            let bytes =
                std::fs::read(&real).map_err(|_| Reason::path(FailKind::NoSuchFile, &path))?;
            let size = bytes.len() as f64;
            let start = position.unwrap_or(0.0);
            if !(start.is_finite() && start >= 0.0 && start <= size) {
                return Err(out_of_range("position"));
            }
            let count = length.unwrap_or(size - start);
            if !(count.is_finite() && count >= 0.0 && start + count <= size) {
                return Err(out_of_range("length"));
            }
            // Whole numbers, as the platforms' integer options.
            let (start, end) = (start.trunc() as usize, (start + count).trunc() as usize);
            let slice = &bytes[start..end];
            Ok(match encoding {
                Some(e) => FileData::Text(e.decode(slice)),
                None => FileData::Bytes(slice.to_vec()),
            })
        });
        let report_api = format!("FileSystemManager.{method}");
        match outcome {
            Ok(data) => {
                let reply = reply::ok(&self.profile, method, Reply::new());
                // The report says what was read, never the contents.
                let mut noted = reply.clone();
                noted.insert("data".into(), data.summary().into());
                self.record(&report_api, options, Ok(&noted));
                Ok((reply, data))
            }
            Err(reason) => Err(self.fail(&report_api, method, options, reason)),
        }
    }

    /// `fs.readFile({filePath, encoding?, position?, length?})`: the
    /// success object (without `data`) and the data, as bytes when no
    /// `encoding` is given.
    pub fn fs_read_file(&mut self, options: &JsValue) -> ApiResult<(Reply, FileData)> {
        self.read_file_as("readFile", options)
    }

    /// `fs.readFileSync(filePath, encoding, position, length)`.
    pub fn fs_read_file_sync(&mut self, options: &JsValue) -> ApiResult<(Reply, FileData)> {
        self.read_file_as("readFileSync", options)
    }

    fn write_file_as(&mut self, method: &str, options: &JsValue) -> ApiResult {
        let outcome = self.fs_require(method).and_then(|()| {
            let path = required_string(options, "filePath")?;
            let bytes = self.fs_data(options)?;
            self.fs_writable(&path, bytes.len() as u64)?;
            self.store
                .write_user_file(&path, &bytes)
                .map_err(|e| store_reason(e, &path))?;
            Ok(Reply::new())
        });
        self.fs_finish(method, options, outcome)
    }

    /// `fs.writeFile({filePath, data, encoding = "utf8"})`: `data` a string
    /// in `encoding` or an `ArrayBuffer`; a user path only; replaces the
    /// file whole, creating folders.
    pub fn fs_write_file(&mut self, options: &JsValue) -> ApiResult {
        self.write_file_as("writeFile", options)
    }

    /// `fs.writeFileSync(filePath, data, encoding)`.
    pub fn fs_write_file_sync(&mut self, options: &JsValue) -> ApiResult {
        self.write_file_as("writeFileSync", options)
    }

    fn access_as(&mut self, method: &str, options: &JsValue) -> ApiResult {
        let outcome = self.fs_require(method).and_then(|()| {
            let path = required_string(options, "path")?;
            let found = self.store.exists(&path)
                || (!self.store.owns(&path)
                    && package_file(self.package_root.as_ref(), &path).is_some());
            if found {
                Ok(Reply::new())
            } else {
                Err(Reason::path(FailKind::NoSuchFile, path))
            }
        });
        self.fs_finish(method, options, outcome)
    }

    /// `fs.access({path})`: succeeds when the file (or user folder) exists.
    pub fn fs_access(&mut self, options: &JsValue) -> ApiResult {
        self.access_as("access", options)
    }

    /// `fs.accessSync(path)`.
    pub fn fs_access_sync(&mut self, options: &JsValue) -> ApiResult {
        self.access_as("accessSync", options)
    }

    fn unlink_as(&mut self, method: &str, options: &JsValue) -> ApiResult {
        let outcome = self.fs_require(method).and_then(|()| {
            let path = required_string(options, "filePath")?;
            if !self.store.owns(&path) && package_file(self.package_root.as_ref(), &path).is_some()
            {
                return Err(Reason::path(FailKind::PermissionDenied, path));
            }
            self.store
                .remove_file(&path)
                .map_err(|e| store_reason(e, &path))?;
            Ok(Reply::new())
        });
        self.fs_finish(method, options, outcome)
    }

    /// `fs.unlink({filePath})`: deletes a saved or user file; temp files,
    /// folders and package files are "permission denied".
    pub fn fs_unlink(&mut self, options: &JsValue) -> ApiResult {
        self.unlink_as("unlink", options)
    }

    /// `fs.unlinkSync(filePath)`.
    pub fn fs_unlink_sync(&mut self, options: &JsValue) -> ApiResult {
        self.unlink_as("unlinkSync", options)
    }

    /// `fs.getFileInfo({filePath, digestAlgorithm})`: `{size, digest}`
    /// (lowercase hex; no `digest` where the profile lists no algorithm).
    pub fn fs_get_file_info(&mut self, options: &JsValue) -> ApiResult {
        const METHOD: &str = "getFileInfo";
        let outcome = self.fs_require(METHOD).and_then(|()| {
            let path = required_string(options, "filePath")?;
            let algorithms = self.profile.fs.digest_algorithms.clone();
            let algorithm = match string_option(options, "digestAlgorithm")? {
                Some(a) => Some(
                    algorithms
                        .iter()
                        .find(|known| known.eq_ignore_ascii_case(a))
                        .ok_or_else(|| {
                            Reason::parameter("digestAlgorithm", &algorithms.join("/"), a)
                        })?
                        .clone(),
                ),
                None => algorithms.first().cloned(),
            };
            let real = self.fs_readable(&path)?;
            let no_file = || Reason::path(FailKind::NoSuchFile, &path);
            let size = std::fs::metadata(&real).map_err(|_| no_file())?.len();
            let mut reply = field("size", size);
            if let Some(algorithm) = algorithm {
                let digest = digest_file(&real, &algorithm).map_err(|_| no_file())?;
                reply.insert("digest".into(), digest.into());
            }
            Ok(reply)
        });
        self.fs_finish(METHOD, options, outcome)
    }

    fn save_file_as(&mut self, method: &str, options: &JsValue) -> ApiResult {
        let outcome = self.fs_require(method).and_then(|()| {
            let temp = required_string(options, "tempFilePath")?;
            let target = string_option(options, "filePath")?.map(str::to_owned);
            let len = self
                .store
                .temp_len(&temp)
                .ok_or_else(|| Reason::path(FailKind::NoSuchFile, &temp))?;
            let saved = match target {
                Some(target) => {
                    self.fs_writable(&target, len)?;
                    self.store
                        .save_temp_as_user(&temp, &target)
                        .map_err(|e| store_reason(e, &target))?;
                    target
                }
                None => {
                    let max = self.profile.files.write_file_max_bytes;
                    if max > 0 && len > max {
                        return Err(Reason::new(FailKind::StorageQuota));
                    }
                    self.store
                        .save_file(&temp)
                        .map_err(|e| store_reason(e, &temp))?
                }
            };
            Ok(field("savedFilePath", saved))
        });
        self.fs_finish(method, options, outcome)
    }

    /// `fs.saveFile({tempFilePath, filePath?})`: moves a temp file to
    /// `filePath` (a user path) or, without it, to the saved-file store;
    /// `{savedFilePath}`. The temp path stops resolving.
    pub fn fs_save_file(&mut self, options: &JsValue) -> ApiResult {
        self.save_file_as("saveFile", options)
    }

    /// `fs.saveFileSync(tempFilePath, filePath)`.
    pub fn fs_save_file_sync(&mut self, options: &JsValue) -> ApiResult {
        self.save_file_as("saveFileSync", options)
    }
}

/// The lowercase hex digest of a file, streamed.
fn digest_file(real: &std::path::Path, algorithm: &str) -> io::Result<String> {
    let mut file = File::open(real)?;
    let bytes: Vec<u8> = if algorithm.eq_ignore_ascii_case("sha1") {
        let mut h = Sha1::new();
        io::copy(&mut file, &mut h)?;
        h.finalize().to_vec()
    } else {
        let mut h = Md5::new();
        io::copy(&mut file, &mut h)?;
        h.finalize().to_vec()
    };
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
