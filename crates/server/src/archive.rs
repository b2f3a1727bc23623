//! Unpacking an uploaded project (zip, tar or tar.gz) into a job's folder,
//! within limits: total unpacked bytes and entry count (zip and gzip
//! bombs), plain relative paths only (no `..`, no absolute paths, no links
//! that could point out of the folder).

use std::fs;
use std::io::{self, Cursor, Read};
use std::path::{Component, Path, PathBuf};

use axum::http::StatusCode;

use crate::config::Limits;
use crate::errors::ApiError;

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "archive_invalid", message)
}

fn unsafe_path(name: &str, why: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "archive_unsafe_path",
        format!("archive entry '{name}': {why}"),
    )
}

fn too_large(limits: &Limits) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "archive_too_large",
        format!(
            "the archive unpacks to more than {} bytes",
            limits.unpacked_bytes
        ),
    )
}

fn too_many(limits: &Limits) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "archive_too_many_files",
        format!(
            "the archive has more than {} entries",
            limits.archive_entries
        ),
    )
}

/// `name` as a path under the destination: only normal components.
fn safe_relative(name: &str) -> Result<PathBuf, ApiError> {
    if name.contains('\0') {
        return Err(unsafe_path(name, "NUL in the name"));
    }
    let mut out = PathBuf::new();
    for c in Path::new(name).components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => return Err(unsafe_path(name, "'..' leaves the project")),
            Component::RootDir | Component::Prefix(_) => {
                return Err(unsafe_path(name, "absolute paths are not allowed"));
            }
        }
    }
    Ok(out)
}

/// Writes entries into `dest`, counting entries and bytes.
struct Writer<'a> {
    dest: &'a Path,
    limits: &'a Limits,
    entries: usize,
    bytes: u64,
}

impl Writer<'_> {
    fn count(&mut self) -> Result<(), ApiError> {
        self.entries += 1;
        if self.entries > self.limits.archive_entries {
            return Err(too_many(self.limits));
        }
        Ok(())
    }

    fn dir(&mut self, name: &str) -> Result<(), ApiError> {
        self.count()?;
        let rel = safe_relative(name)?;
        fs::create_dir_all(self.dest.join(rel)).map_err(|e| ApiError::internal(e.to_string()))
    }

    fn file(&mut self, name: &str, data: &mut dyn Read) -> Result<(), ApiError> {
        self.count()?;
        let rel = safe_relative(name)?;
        if rel.as_os_str().is_empty() {
            return Err(unsafe_path(name, "empty file name"));
        }
        let path = self.dest.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| ApiError::internal(e.to_string()))?;
        }
        let mut file = fs::File::create(&path).map_err(|e| ApiError::internal(e.to_string()))?;
        // Sizes in headers can lie: count what is actually decompressed,
        // one byte past the budget to tell "over" from "exactly".
        let budget = self.limits.unpacked_bytes - self.bytes;
        let n = io::copy(&mut data.take(budget + 1), &mut file)
            .map_err(|e| invalid(format!("archive entry '{name}': {e}")))?;
        if n > budget {
            return Err(too_large(self.limits));
        }
        self.bytes += n;
        Ok(())
    }
}

/// Unpacks `body` (zip, tar, or gzip-compressed tar, told by its first
/// bytes) into `dest`, which must exist.
pub(crate) fn unpack(body: &[u8], dest: &Path, limits: &Limits) -> Result<(), ApiError> {
    let mut w = Writer {
        dest,
        limits,
        entries: 0,
        bytes: 0,
    };
    if body.starts_with(b"PK\x03\x04") || body.starts_with(b"PK\x05\x06") {
        unzip(body, &mut w)
    } else if body.starts_with(&[0x1f, 0x8b]) {
        // A bound on the decompressed stream as a whole, so tar's own
        // records (long names, headers) cannot be a bomb either.
        let cap = limits.unpacked_bytes + (limits.archive_entries as u64 + 2) * 1536;
        let mut stream = Capped::new(flate2::read::GzDecoder::new(body), cap);
        let result = untar(&mut stream, &mut w);
        if stream.hit {
            return Err(too_large(limits));
        }
        result
    } else if body.len() >= 262 && &body[257..262] == b"ustar" {
        untar(&mut Cursor::new(body), &mut w)
    } else {
        Err(invalid(
            "the body is not a zip, tar or tar.gz archive (send the project as one)",
        ))
    }
}

fn unzip(body: &[u8], w: &mut Writer<'_>) -> Result<(), ApiError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(body)).map_err(|e| invalid(format!("bad zip: {e}")))?;
    if zip.len() > w.limits.archive_entries {
        return Err(too_many(w.limits));
    }
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| invalid(format!("bad zip entry {i}: {e}")))?;
        let name = entry
            .name()
            .map_err(|e| invalid(format!("bad zip entry {i} name: {e}")))?
            .into_owned();
        if entry.is_symlink() {
            return Err(unsafe_path(&name, "links are not allowed"));
        }
        if entry.is_dir() {
            w.dir(&name)?;
        } else {
            w.file(&name, &mut entry)?;
        }
    }
    Ok(())
}

fn untar(stream: &mut dyn Read, w: &mut Writer<'_>) -> Result<(), ApiError> {
    let mut tar = tar::Archive::new(stream);
    let entries = tar
        .entries()
        .map_err(|e| invalid(format!("bad tar: {e}")))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| invalid(format!("bad tar entry: {e}")))?;
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        match entry.header().entry_type() {
            tar::EntryType::Directory => w.dir(&name)?,
            tar::EntryType::Regular | tar::EntryType::Continuous => w.file(&name, &mut entry)?,
            // PAX and GNU records carry metadata the tar crate applies.
            tar::EntryType::XHeader | tar::EntryType::XGlobalHeader => {}
            _ => return Err(unsafe_path(&name, "only files and folders are allowed")),
        }
    }
    Ok(())
}

/// A reader that ends with an error after `cap` bytes, remembering it did.
struct Capped<R> {
    inner: R,
    left: u64,
    hit: bool,
}

impl<R> Capped<R> {
    fn new(inner: R, cap: u64) -> Self {
        Capped {
            inner,
            left: cap,
            hit: false,
        }
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            // Only an error if the stream really goes on.
            let mut probe = [0u8; 1];
            if self.inner.read(&mut probe)? == 0 {
                return Ok(0);
            }
            self.hit = true;
            return Err(io::Error::other("decompressed stream over its limit"));
        }
        let max = buf.len().min(self.left.min(usize::MAX as u64) as usize);
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_relative_refuses_parent_and_absolute_paths() {
        assert_eq!(safe_relative("./a/b.js").unwrap(), PathBuf::from("a/b.js"));
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("a/../../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a\0b").is_err());
    }

    #[test]
    fn capped_reader_errors_only_when_the_stream_goes_past_the_cap() {
        let mut exact = Capped::new(Cursor::new(vec![1u8; 10]), 10);
        assert_eq!(io::copy(&mut exact, &mut io::sink()).unwrap(), 10);
        let mut over = Capped::new(Cursor::new(vec![1u8; 11]), 10);
        assert!(io::copy(&mut over, &mut io::sink()).is_err());
        assert!(over.hit);
    }
}
