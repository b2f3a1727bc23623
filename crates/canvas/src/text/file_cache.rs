//! Font files parsed once per process: a file registered again unchanged
//! (same path, size and modification time) gets the face already parsed,
//! with the glyph outlines and masks it has cached, instead of a new read
//! and cold caches. Bounded to the most recent [`MAX_FILES`] files.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use super::face::Face;
use super::library::Bytes;

/// Files kept (poster fonts are a few MB each).
const MAX_FILES: usize = 16;

/// What identifies an unchanged file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileKey {
    path: PathBuf,
    len: u64,
    modified: SystemTime,
}

/// The key of the file at `path`, when it can be read.
pub(crate) fn key(path: &Path) -> Option<FileKey> {
    let path = path.canonicalize().ok()?;
    let meta = std::fs::metadata(&path).ok()?;
    Some(FileKey {
        path,
        len: meta.len(),
        modified: meta.modified().ok()?,
    })
}

type Entry = (FileKey, Bytes, Arc<Face>);

fn files() -> &'static Mutex<Vec<Entry>> {
    static FILES: Mutex<Vec<Entry>> = Mutex::new(Vec::new());
    &FILES
}

/// The bytes and face of a file parsed before, most recent use kept last.
pub(crate) fn get(key: &FileKey) -> Option<(Bytes, Arc<Face>)> {
    let mut files = files().lock().ok()?;
    let i = files.iter().position(|(k, ..)| k == key)?;
    let entry = files.remove(i);
    let found = (entry.1.clone(), entry.2.clone());
    files.push(entry);
    Some(found)
}

/// Remembers a parsed file, forgetting the least recently used beyond
/// [`MAX_FILES`].
pub(crate) fn put(key: FileKey, bytes: Bytes, face: Arc<Face>) {
    if let Ok(mut files) = files().lock() {
        files.retain(|(k, ..)| *k != key);
        if files.len() >= MAX_FILES {
            files.remove(0);
        }
        files.push((key, bytes, face));
    }
}
