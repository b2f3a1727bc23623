//! Folders of the user area and the saved-file list: what `mkdir`,
//! `rmdir`, `readdir`, `stat`, `rename`, `copyFile`, `getSavedFileList`
//! and `removeSavedFile` change or read (PL §5).
//!
//! Every path goes through the same checks as a user file
//! ([`FileStore::user_file`]): plain segments, no link leading out. Walks
//! never follow links; a link met inside the user area is skipped, as if
//! it were not there.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::{FileStore, Resolved, StoreError, nofollow};

/// What `stat` reports of one file or folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryStat {
    /// Whether it is a folder.
    pub is_dir: bool,
    /// Bytes (0 for a folder).
    pub size: u64,
    /// Last modification, seconds since the epoch.
    pub modified: u64,
    /// Last access, seconds since the epoch (the modification time where
    /// the file system keeps none).
    pub accessed: u64,
}

impl EntryStat {
    /// The stat of `meta`.
    pub fn of(meta: &fs::Metadata) -> EntryStat {
        let secs = |t: io::Result<std::time::SystemTime>| {
            t.ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_secs())
        };
        let modified = secs(meta.modified()).unwrap_or(0);
        EntryStat {
            is_dir: meta.is_dir(),
            size: if meta.is_dir() { 0 } else { meta.len() },
            modified,
            accessed: secs(meta.accessed()).unwrap_or(modified),
        }
    }

    /// The POSIX `st_mode` the platforms' `Stats.mode` carries: the type
    /// bits with the permissions an app's own files have.
    pub fn mode(&self) -> u32 {
        if self.is_dir { 0o040_755 } else { 0o100_644 }
    }
}

/// A file kept by `saveFile`, as `getSavedFileList` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedFile {
    /// Its opaque path.
    pub path: String,
    /// Bytes.
    pub size: u64,
    /// When it was saved, seconds since the epoch.
    pub created: u64,
}

impl FileStore {
    /// The real folder or file a user path names, the user root itself
    /// included (it may not exist yet).
    pub fn user_entry(&self, path: &str) -> Option<PathBuf> {
        let root = self.user_root.as_str();
        if path == root || path.strip_prefix(root) == Some("/") {
            return nofollow::is_plain_dir(&self.user_dir).then(|| self.user_dir.clone());
        }
        self.user_file(path)
    }

    /// Whether `path` is spelled as a path under the user root
    /// (`wxfile://usr/…`), resolvable or not.
    pub(crate) fn under_user_root(&self, path: &str) -> bool {
        path.strip_prefix(self.user_root.as_str())
            .is_some_and(|r| r.starts_with('/'))
    }

    /// The real path of a user path to create or change: a path under the
    /// user root that does not resolve safely (an escape, a link leading
    /// out) is [`StoreError::NotFound`]; any other path is
    /// [`StoreError::Denied`] (as `writeFile` words them).
    pub(crate) fn user_target(&self, path: &str) -> Result<PathBuf, StoreError> {
        self.user_entry(path).ok_or_else(|| {
            if self.under_user_root(path) {
                StoreError::NotFound
            } else {
                StoreError::Denied
            }
        })
    }

    /// `mkdir`: creates the folder `path` under the user root; with
    /// `recursive`, its missing parents too (an existing folder is then
    /// no error). Without it, the parent must exist.
    pub fn make_dir(&mut self, path: &str, recursive: bool) -> Result<(), StoreError> {
        let real = self.user_target(path)?;
        match fs::symlink_metadata(&real) {
            Ok(m) if m.is_dir() && recursive => return Ok(()),
            Ok(_) => return Err(StoreError::Exists),
            Err(_) => {}
        }
        if recursive {
            fs::create_dir_all(&real)?;
        } else {
            let parent = real.parent().ok_or(StoreError::NotFound)?;
            if !nofollow::is_plain_dir(parent) {
                return Err(StoreError::NotFound);
            }
            fs::create_dir(&real)?;
        }
        // A link swapped in while creating must not count as created here.
        self.user_entry(path)
            .filter(|r| nofollow::is_plain_dir(r))
            .map(|_| ())
            .ok_or(StoreError::NotFound)
    }

    /// `rmdir`: removes the folder `path` (with `recursive`, and all it
    /// holds). The user root itself cannot be removed.
    pub fn remove_dir(&mut self, path: &str, recursive: bool) -> Result<(), StoreError> {
        let real = self.user_entry(path).ok_or(StoreError::NotFound)?;
        if real == self.user_dir {
            return Err(StoreError::Denied);
        }
        let meta = fs::symlink_metadata(&real).map_err(|_| StoreError::NotFound)?;
        if !meta.is_dir() {
            return Err(StoreError::NotADirectory);
        }
        if recursive {
            // `remove_dir_all` removes links, never what they point to.
            fs::remove_dir_all(&real)?;
            return Ok(());
        }
        if fs::read_dir(&real)?.next().is_some() {
            return Err(StoreError::NotEmpty);
        }
        Ok(fs::remove_dir(&real)?)
    }

    /// `readdir`: the names in the user folder `path`, sorted.
    pub fn list_dir(&mut self, path: &str) -> Result<Vec<String>, StoreError> {
        let real = self.user_entry(path).ok_or(StoreError::NotFound)?;
        list_real_dir(&real)
    }

    /// `stat` of a temp, saved or user file, or a user folder.
    pub fn stat(&mut self, path: &str) -> Result<EntryStat, StoreError> {
        let real = match self.resolve(path) {
            Some(resolved) => resolved.real_path().to_owned(),
            None => self
                .user_entry(path)
                .filter(|r| nofollow::is_plain_dir(r))
                .ok_or(StoreError::NotFound)?,
        };
        Ok(EntryStat::of(&fs::symlink_metadata(&real)?))
    }

    /// `stat` with `recursive` of a user folder: every file and folder
    /// under it as `(path relative to it, stat)`, the folder itself first
    /// as `""`, in name order.
    pub fn stat_tree(&mut self, path: &str) -> Result<Vec<(String, EntryStat)>, StoreError> {
        let real = self
            .user_entry(path)
            .filter(|r| nofollow::is_plain_dir(r))
            .ok_or(StoreError::NotFound)?;
        let mut out = vec![(String::new(), EntryStat::of(&fs::symlink_metadata(&real)?))];
        walk(&real, "", &mut out)?;
        Ok(out)
    }

    /// `rename`: moves a user file or folder, or a temp file of this
    /// launch (which then stops resolving), to the user path `to`,
    /// replacing a file there. Nothing changes on failure.
    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        let target = self.user_target(to)?;
        if target == self.user_dir {
            return Err(StoreError::Denied);
        }
        let parent = target.parent().ok_or(StoreError::NotFound)?;
        if !nofollow::is_plain_dir(parent) {
            return Err(StoreError::NotFound);
        }
        if let Some(entry) = self.temp.touch(from).cloned() {
            let existing = fs::metadata(&target).map_or(0, |m| m.len());
            let used = self.persistent_bytes()?.saturating_sub(existing);
            if used + entry.bytes > self.rules.persistent_quota_bytes {
                return Err(StoreError::Quota);
            }
            fs::rename(&entry.real, &target)?;
            self.temp.remove(from);
            return Ok(());
        }
        let source = match self.resolve(from) {
            Some(Resolved::User(real)) => real,
            Some(_) => return Err(StoreError::Denied),
            None => self
                .user_entry(from)
                .filter(|r| *r != self.user_dir && nofollow::is_plain_dir(r))
                .ok_or(StoreError::NotFound)?,
        };
        if target.starts_with(&source) && target != source {
            // A folder moved into itself.
            return Err(StoreError::Denied);
        }
        Ok(fs::rename(&source, &target)?)
    }

    /// `copyFile`: copies the regular file at `source` (any readable real
    /// path: store or package) to the user path `to`, within the
    /// persistent quota.
    pub fn copy_in(&mut self, source: &Path, to: &str) -> Result<(), StoreError> {
        let bytes = nofollow::read(source).map_err(|_| StoreError::NotFound)?;
        self.write_user_file(to, &bytes)
    }

    /// `getSavedFileList`: the saved files, in path order.
    pub fn saved_files(&self) -> Result<Vec<SavedFile>, StoreError> {
        if !nofollow::is_plain_dir(&self.saved_dir) {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.saved_dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(path) = self.saved_template.path_of_file_name(&name) else {
                continue;
            };
            let meta = fs::symlink_metadata(entry.path())?;
            if !meta.is_file() {
                continue;
            }
            let stat = EntryStat::of(&meta);
            out.push(SavedFile {
                path,
                size: stat.size,
                created: stat.modified,
            });
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// `removeSavedFile`: deletes a file kept by `saveFile`; any other
    /// path is [`StoreError::NotFound`].
    pub fn remove_saved(&mut self, path: &str) -> Result<(), StoreError> {
        match self.resolve(path) {
            Some(Resolved::Saved(real)) => Ok(fs::remove_file(real)?),
            _ => Err(StoreError::NotFound),
        }
    }
}

/// Whether `name` is a write in progress (an atomic write's or an
/// `unzip`'s staging), which the app never sees.
fn is_staging(name: &str) -> bool {
    name.starts_with(".staging-")
}

/// Adds what `dir` holds to `out`, depth first, links skipped.
/// The names in real folder `real` (a user or package folder), sorted,
/// without links and staging files.
pub(crate) fn list_real_dir(real: &Path) -> Result<Vec<String>, StoreError> {
    let meta = fs::symlink_metadata(real).map_err(|_| StoreError::NotFound)?;
    if !meta.is_dir() {
        return Err(StoreError::NotADirectory);
    }
    let mut names = Vec::new();
    for entry in fs::read_dir(real)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_symlink() || is_staging(&name) {
            continue;
        }
        names.push(name);
    }
    names.sort();
    Ok(names)
}

/// [`FileStore::stat_tree`] of real folder `real` (a package folder).
pub(crate) fn real_tree(real: &Path) -> Result<Vec<(String, EntryStat)>, StoreError> {
    let meta = fs::symlink_metadata(real).map_err(|_| StoreError::NotFound)?;
    if !meta.is_dir() {
        return Err(StoreError::NotADirectory);
    }
    let mut out = vec![(String::new(), EntryStat::of(&meta))];
    walk(real, "", &mut out)?;
    Ok(out)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, EntryStat)>) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let meta = fs::symlink_metadata(entry.path())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if meta.file_type().is_symlink() || is_staging(&name) {
            continue;
        }
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        out.push((rel.clone(), EntryStat::of(&meta)));
        if meta.is_dir() {
            walk(&entry.path(), &rel, out)?;
        }
    }
    Ok(())
}
