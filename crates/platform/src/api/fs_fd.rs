//! The manager's descriptor methods: `open`, `close`, `read`, `write`,
//! `fstat`, `ftruncate` and their `…Sync` forms (WX-doc
//! `FileSystemManager.open` …, base library 2.16.1).
//!
//! A descriptor is a path with an access mode and a file position, not an
//! OS handle: each `read` reads the file as it is now, and each `write`
//! rewrites the user file whole through [`super::fs_edit`], so the store's
//! rules (user area only, no links, limits, atomic writes) hold for every
//! call and nothing is left open when a run ends.

use std::collections::BTreeMap;

use super::fs_edit::count_option;
use super::{Platform, required_string, string_option};
use crate::profile::FailKind;
use crate::reply::{ApiResult, Reason, Reply, field};
use crate::value::JsValue;

/// What an `open` flag allows (WX-doc `open` flag table, as Node's).
#[derive(Debug, Clone, Copy)]
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    /// A missing file is created (not for `r`, `r+`).
    create: bool,
    /// An existing file is emptied (`w`, `w+`).
    truncate: bool,
    /// An existing file fails `file_exists` (`…x…`).
    exclusive: bool,
}

impl Mode {
    fn parse(flag: &str) -> Option<Mode> {
        let m = |read, write, append, create, truncate, exclusive| Mode {
            read,
            write,
            append,
            create,
            truncate,
            exclusive,
        };
        Some(match flag {
            "r" => m(true, false, false, false, false, false),
            "r+" => m(true, true, false, false, false, false),
            "w" => m(false, true, false, true, true, false),
            "w+" => m(true, true, false, true, true, false),
            "wx" => m(false, true, false, true, true, true),
            "wx+" => m(true, true, false, true, true, true),
            "a" | "as" => m(false, true, true, true, false, false),
            "a+" | "as+" => m(true, true, true, true, false, false),
            "ax" => m(false, true, true, true, false, true),
            "ax+" => m(true, true, true, true, false, true),
            _ => return None,
        })
    }
}

/// One open descriptor.
#[derive(Debug, Clone)]
struct OpenFile {
    path: String,
    mode: Mode,
    position: u64,
}

/// The run's open descriptors, named `"1"`, `"2"`, … (the platforms hand
/// out strings; **decision**: their spelling is not documented).
#[derive(Debug, Default)]
pub(super) struct FdTable {
    last: u64,
    open: BTreeMap<String, OpenFile>,
}

/// What `read` read: the success object (`bytesRead`) and the bytes the
/// JS layer copies into the caller's `arrayBuffer` at `offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FdRead {
    /// `{bytesRead}` (and `errMsg` where the profile has it).
    pub reply: Reply,
    /// The bytes read.
    pub bytes: Vec<u8>,
    /// Where in the caller's buffer they go.
    pub offset: u64,
}

impl Platform {
    /// The open descriptor `options.fd`, or `bad_file_descriptor`.
    fn descriptor(&self, options: &JsValue) -> Result<(String, OpenFile), Reason> {
        let fd = required_string(options, "fd")?;
        let file = self
            .fds
            .open
            .get(&fd)
            .cloned()
            .ok_or_else(|| Reason::new(FailKind::BadFileDescriptor))?;
        Ok((fd, file))
    }

    /// The bytes a descriptor's file holds now (store or package file).
    fn fd_bytes(&mut self, file: &OpenFile) -> Result<Vec<u8>, Reason> {
        if file.mode.write {
            return self
                .user_bytes(&file.path)?
                .ok_or_else(|| Reason::path(FailKind::NoSuchFile, &file.path));
        }
        let real = self.fs_readable(&file.path)?;
        std::fs::read(real).map_err(|_| Reason::path(FailKind::NoSuchFile, &file.path))
    }

    fn open(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let path = required_string(options, "filePath")?;
        let flag = string_option(options, "flag")?.unwrap_or("r").to_owned();
        let mode = Mode::parse(&flag).ok_or_else(|| {
            Reason::parameter("flag", "a/ax/a+/ax+/as/as+/r/r+/w/wx/w+/wx+", &flag)
        })?;
        if mode.write {
            let existing = self.user_bytes(&path)?;
            match existing {
                Some(_) if mode.exclusive => {
                    return Err(Reason::path(FailKind::FileExists, path));
                }
                None if !mode.create => return Err(Reason::path(FailKind::NoSuchFile, path)),
                None => self.put_user_bytes(&path, &[])?,
                Some(_) if mode.truncate => self.put_user_bytes(&path, &[])?,
                Some(_) => {}
            }
        } else {
            self.fs_readable(&path)?;
        }
        self.fds.last += 1;
        let fd = self.fds.last.to_string();
        self.fds.open.insert(
            fd.clone(),
            OpenFile {
                path,
                mode,
                position: 0,
            },
        );
        Ok(field("fd", fd))
    }

    fn close(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let (fd, _) = self.descriptor(options)?;
        self.fds.open.remove(&fd);
        Ok(Reply::new())
    }

    fn fstat(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let (_, file) = self.descriptor(options)?;
        let stat = self.entry_stat(&file.path)?;
        Ok(field("stats", super::fs_dirs::stats(&stat)))
    }

    fn ftruncate(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let (_, file) = self.descriptor(options)?;
        if !file.mode.write {
            return Err(Reason::new(FailKind::BadFileDescriptor));
        }
        let len = count_option(options, "length", 0)?;
        self.resize_user_file(&file.path, len)?;
        Ok(Reply::new())
    }

    fn write(&mut self, options: &JsValue) -> Result<Reply, Reason> {
        let (fd, file) = self.descriptor(options)?;
        if !file.mode.write {
            return Err(Reason::new(FailKind::BadFileDescriptor));
        }
        let data = self.fs_data(options)?;
        // `offset` / `length` pick a part of an ArrayBuffer only (WX-doc
        // `write`).
        let data = if matches!(options.get("data"), JsValue::Bytes(_)) {
            let offset = count_option(options, "offset", 0)?;
            let rest = (data.len() as u64).saturating_sub(offset);
            let length = count_option(options, "length", rest)?;
            if offset > data.len() as u64 {
                return Err(Reason::new(FailKind::OutOfRange).with("name", "offset"));
            }
            if length > rest {
                return Err(Reason::new(FailKind::OutOfRange).with("name", "length"));
            }
            data[offset as usize..(offset + length) as usize].to_vec()
        } else {
            data
        };
        let explicit = match options.get("position") {
            JsValue::Number(_) => Some(count_option(options, "position", 0)?),
            _ => None,
        };
        let mut bytes = self.fd_bytes(&file)?;
        // Appending writes at the end whatever the position (as Node on
        // Linux, whose flags the platforms' table copies).
        let at = if file.mode.append {
            bytes.len() as u64
        } else {
            explicit.unwrap_or(file.position)
        };
        let end = at
            .checked_add(data.len() as u64)
            .ok_or_else(|| Reason::new(FailKind::StorageQuota))?;
        let end = self.fs_size_allowed(end)?;
        let at = end - data.len();
        // The old bytes and the grown ones are both held while it grows.
        let _charge = self.fs_charge(2 * end as u64)?;
        if bytes.len() < end {
            bytes.resize(end, 0);
        }
        bytes[at..end].copy_from_slice(&data);
        self.put_user_bytes(&file.path, &bytes)?;
        if explicit.is_none()
            && let Some(open) = self.fds.open.get_mut(&fd)
        {
            open.position = end as u64;
        }
        Ok(field("bytesWritten", data.len()))
    }

    fn read(&mut self, options: &JsValue) -> Result<(Reply, Vec<u8>, u64), Reason> {
        let (fd, file) = self.descriptor(options)?;
        if !file.mode.read {
            return Err(Reason::new(FailKind::BadFileDescriptor));
        }
        let capacity = match options.get("arrayBuffer") {
            JsValue::Bytes(b) => b.len() as u64,
            v => {
                return Err(Reason::parameter(
                    "arrayBuffer",
                    "ArrayBuffer",
                    v.type_name(),
                ));
            }
        };
        let offset = count_option(options, "offset", 0)?;
        let length = count_option(options, "length", 0)?;
        if offset > capacity {
            return Err(Reason::new(FailKind::OutOfRange).with("name", "offset"));
        }
        if length > capacity - offset {
            return Err(Reason::new(FailKind::OutOfRange).with("name", "length"));
        }
        let explicit = match options.get("position") {
            JsValue::Number(_) => Some(count_option(options, "position", 0)?),
            _ => None,
        };
        let bytes = self.fd_bytes(&file)?;
        let start = explicit.unwrap_or(file.position).min(bytes.len() as u64) as usize;
        let end = start + (length as usize).min(bytes.len() - start);
        let read = bytes[start..end].to_vec();
        // A given position leaves the file position where it was (WX-doc
        // `read`: "文件指针位置会保持不变").
        if explicit.is_none()
            && let Some(open) = self.fds.open.get_mut(&fd)
        {
            open.position = end as u64;
        }
        Ok((field("bytesRead", read.len()), read, offset))
    }

    /// Calls descriptor method `method` (`open`, `closeSync`, …) with its
    /// options; `not_supported` where the profile's manager lacks it.
    /// `read` goes through [`Platform::fs_fd_read`].
    pub fn fs_fd_call(&mut self, method: &str, options: &JsValue) -> ApiResult {
        let base = method.strip_suffix("Sync").unwrap_or(method);
        let outcome = self.fs_require(method).and_then(|()| match base {
            "open" => self.open(options),
            "close" => self.close(options),
            "fstat" => self.fstat(options),
            "ftruncate" => self.ftruncate(options),
            "write" => self.write(options),
            _ => Err(Reason::new(FailKind::NotSupported)),
        });
        self.fs_finish(method, options, outcome)
    }

    /// `fs.read({fd, arrayBuffer, offset = 0, length = 0, position})` and
    /// `readSync`: reads up to `length` bytes from `position` (or the
    /// descriptor's position, which then advances).
    pub fn fs_fd_read(&mut self, method: &str, options: &JsValue) -> ApiResult<FdRead> {
        let outcome = self.fs_require(method).and_then(|()| self.read(options));
        match outcome {
            Ok((fields, bytes, offset)) => {
                let reply = self.fs_finish(method, options, Ok(fields))?;
                Ok(FdRead {
                    reply,
                    bytes,
                    offset,
                })
            }
            Err(reason) => {
                let report_api = format!("FileSystemManager.{method}");
                Err(self.fail(&report_api, method, options, reason))
            }
        }
    }
}
