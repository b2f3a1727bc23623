//! `unzip` into the user area: whole or nothing, never outside the target.
//!
//! An archive is extracted into a staging folder beside the target first;
//! only when every entry has been read (names checked, sizes within the
//! persistent quota and the entry limit, data decompressed without error)
//! is the staging folder merged into the target. Entry names that could
//! leave the target (`..`, absolute, backslashes, drive colons) and link
//! entries fail the whole call. A failure leaves the user area as it was.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::{FileStore, StoreError, nofollow, user_segments};

/// Most entries one archive may hold (a zip of empty files must not
/// exhaust inodes or time either).
pub const MAX_ENTRIES: usize = 10_000;

impl FileStore {
    /// Extracts the zip archive at `archive` (a real readable file) into
    /// the user folder `target`, created if missing (its parent must
    /// exist). Existing files with the same names are replaced.
    pub fn unzip(&mut self, archive: &Path, target: &str) -> Result<(), StoreError> {
        let real = self.user_target(target)?;
        match fs::symlink_metadata(&real) {
            Ok(m) if !m.is_dir() => return Err(StoreError::NotADirectory),
            Ok(_) => {}
            Err(_) => {
                let parent = real.parent().ok_or(StoreError::NotFound)?;
                if !nofollow::is_plain_dir(parent) {
                    return Err(StoreError::NotFound);
                }
            }
        }
        let file = nofollow::open(archive).map_err(|_| StoreError::NotFound)?;
        let mut zip =
            zip::ZipArchive::new(file).map_err(|e| StoreError::BadArchive(e.to_string()))?;
        if zip.len() > MAX_ENTRIES {
            return Err(StoreError::BadArchive(format!(
                "{} entries (at most {MAX_ENTRIES})",
                zip.len()
            )));
        }
        let room = self
            .rules
            .persistent_quota_bytes
            .saturating_sub(self.persistent_bytes()?);
        // Named as a staging file, so a run killed mid-way has it removed
        // at the next launch.
        let staging = crate::atomic::staging_path(&self.user_dir);
        fs::create_dir(&staging)?;
        let staged = extract(&mut zip, &staging, room);
        let merged = staged.and_then(|()| {
            fs::create_dir_all(&real)?;
            // Re-check after creating: a link swapped in must not receive
            // the files.
            self.user_entry(target)
                .filter(|r| nofollow::is_plain_dir(r))
                .ok_or(StoreError::NotFound)?;
            Ok(merge(&staging, &real)?)
        });
        let _ = fs::remove_dir_all(&staging);
        merged
    }
}

/// Reads every entry of `zip` into `staging`, at most `room` bytes.
fn extract<R: Read + io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    staging: &Path,
    room: u64,
) -> Result<(), StoreError> {
    let mut written: u64 = 0;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| StoreError::BadArchive(e.to_string()))?;
        let name = entry
            .name()
            .map_err(|e| StoreError::BadArchive(e.to_string()))?
            .into_owned();
        if entry.is_symlink() {
            return Err(StoreError::BadArchive(format!("entry '{name}' is a link")));
        }
        let rel = name.trim_end_matches('/');
        if rel.is_empty() {
            continue;
        }
        let segments = user_segments(rel).ok_or_else(|| {
            StoreError::BadArchive(format!("entry '{name}' would leave the target folder"))
        })?;
        let dest: PathBuf = segments
            .iter()
            .fold(staging.to_path_buf(), |p, s| p.join(s));
        if entry.is_dir() {
            fs::create_dir_all(&dest)?;
            continue;
        }
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir)?;
        }
        let mut out = fs::File::create(&dest)?;
        // The declared size may lie: read one byte past the room left.
        let mut limited = (&mut entry).take(room - written + 1);
        let copied = io::copy(&mut limited, &mut out).map_err(|e| match e.kind() {
            io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => {
                StoreError::BadArchive(format!("entry '{name}': {e}"))
            }
            _ => StoreError::from(e),
        })?;
        written += copied;
        if written > room {
            return Err(StoreError::Quota);
        }
        out.flush()?;
    }
    Ok(())
}

/// Moves what `from` holds into `into`, folder by folder; a file replaces
/// a file of the same name.
fn merge(from: &Path, into: &Path) -> io::Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let dest = into.join(entry.file_name());
        let kind = entry.file_type()?;
        let existing = fs::symlink_metadata(&dest).ok();
        if kind.is_dir() {
            match existing {
                Some(m) if m.is_dir() => merge(&entry.path(), &dest)?,
                Some(_) => {
                    fs::remove_file(&dest)?;
                    fs::rename(entry.path(), &dest)?;
                }
                None => fs::rename(entry.path(), &dest)?,
            }
        } else {
            if existing.is_some_and(|m| m.is_dir()) {
                fs::remove_dir_all(&dest)?;
            }
            fs::rename(entry.path(), &dest)?;
        }
    }
    Ok(())
}
