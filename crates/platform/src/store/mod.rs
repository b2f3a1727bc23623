//! The file store of one app: temp files (this launch only, under a byte
//! budget), saved files (`saveFile` moves a temp file there) and user data
//! files under the profile's user root. Real files live under the data
//! folder: `tmp/`, `store/`, `usr/`.
//!
//! Resolution never leaves the store: a temp path must be one this launch
//! issued, a saved path must match the template exactly (32 hex digits and
//! a plain extension), a user path is checked segment by segment and
//! against symlinks. Anything else — `..`, absolute host paths, other
//! schemes, other platforms' paths — is "not found" (PL §5).

mod dirs;
mod nofollow;
mod paths;
mod temp;
mod unzip;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::atomic;
use crate::env::Entropy;
use crate::profile::FileRules;
pub(crate) use nofollow::{ensure_plain_dir, read as read_plain};
use paths::Template;
pub(crate) use paths::{contained, user_segments};
use temp::TempIndex;

pub use dirs::{EntryStat, SavedFile};
pub(crate) use dirs::{list_real_dir, real_tree};
pub use unzip::MAX_ENTRIES as UNZIP_MAX_ENTRIES;

/// Which area a path resolved in, with its real file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A temp file of this launch.
    Temp(PathBuf),
    /// A file kept by `saveFile`.
    Saved(PathBuf),
    /// A user data file.
    User(PathBuf),
}

impl Resolved {
    /// The real file.
    pub fn real_path(&self) -> &Path {
        match self {
            Resolved::Temp(p) | Resolved::Saved(p) | Resolved::User(p) => p,
        }
    }
}

/// Why a store operation failed.
#[derive(Debug)]
pub enum StoreError {
    /// The path does not resolve (or would escape).
    NotFound,
    /// The file is over the per-file limit of `saveFile`.
    TooLarge,
    /// The persistent quota or the disk is full.
    Quota,
    /// The path exists but the app may not change it (a temp file, a
    /// folder).
    Denied,
    /// `mkdir` of a path that exists.
    Exists,
    /// `rmdir` (not recursive) of a folder that holds something.
    NotEmpty,
    /// A folder operation on a file.
    NotADirectory,
    /// `unzip` of a file that is not a readable zip archive, or an
    /// archive whose entries would leave the target (`{detail}`).
    BadArchive(String),
    /// Another I/O failure.
    Io(io::Error),
}

impl From<io::Error> for StoreError {
    fn from(e: io::Error) -> Self {
        if atomic::is_no_space(&e) {
            StoreError::Quota
        } else {
            StoreError::Io(e)
        }
    }
}

/// Temp, saved and user files of one app.
pub struct FileStore {
    tmp_dir: PathBuf,
    saved_dir: PathBuf,
    user_dir: PathBuf,
    temp_template: Template,
    saved_template: Template,
    user_root: String,
    rules: FileRules,
    temp: TempIndex,
    entropy: Box<dyn Entropy>,
}

impl std::fmt::Debug for FileStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileStore")
            .field("tmp_dir", &self.tmp_dir)
            .finish_non_exhaustive()
    }
}

impl FileStore {
    /// Opens the store under `data_dir` for a new launch (PL §5): the temp
    /// index starts empty and earlier temp files are evicted to the budget.
    pub fn open(
        data_dir: &Path,
        rules: &FileRules,
        entropy: Box<dyn Entropy>,
    ) -> io::Result<FileStore> {
        let (tmp_dir, saved_dir, user_dir) = (
            data_dir.join(crate::data_dir::TMP),
            data_dir.join(crate::data_dir::STORE),
            data_dir.join(crate::data_dir::USR),
        );
        for dir in [&tmp_dir, &saved_dir, &user_dir] {
            ensure_plain_dir(dir)?;
        }
        let temp = TempIndex::open(&tmp_dir, rules.temp_budget_bytes)?;
        Ok(FileStore {
            tmp_dir,
            saved_dir,
            user_dir,
            temp_template: Template::new(&rules.temp_template),
            saved_template: Template::new(&rules.saved_template),
            user_root: rules.user_root.clone(),
            rules: rules.clone(),
            temp,
            entropy,
        })
    }

    /// Writes a new temp file with extension `ext` (`png`, `jpg`) and
    /// returns its opaque path and real path. Nothing is left behind on
    /// failure.
    pub fn write_temp(&mut self, bytes: &[u8], ext: &str) -> Result<(String, PathBuf), StoreError> {
        if !nofollow::is_plain_dir(&self.tmp_dir) {
            return Err(StoreError::NotFound);
        }
        self.temp.make_room(bytes.len() as u64)?;
        let hex = self.entropy.hex32();
        let path = self.temp_template.render(&hex, ext);
        let real = self.tmp_dir.join(format!("{hex}.{ext}"));
        match atomic::write(&real, bytes) {
            // A full disk: the files of earlier launches are dead weight.
            Err(e) if atomic::is_no_space(&e) && self.temp.evict_earlier_launches()? > 0 => {
                atomic::write(&real, bytes)?;
            }
            other => other?,
        }
        self.temp
            .insert(path.clone(), real.clone(), bytes.len() as u64);
        Ok((path, real))
    }

    /// Resolves an opaque path, or `None`.
    /// Only regular files resolve, never links, and only while their
    /// folder is a real folder (see [`nofollow`]).
    pub fn resolve(&mut self, path: &str) -> Option<Resolved> {
        if let Some(e) = self.temp.touch(path) {
            let real = e.real.clone();
            return (nofollow::is_plain_dir(&self.tmp_dir) && nofollow::is_plain_file(&real))
                .then_some(Resolved::Temp(real));
        }
        if let Some(name) = self.saved_template.match_file_name(path) {
            let real = self.saved_dir.join(name);
            if nofollow::is_plain_dir(&self.saved_dir) && nofollow::is_plain_file(&real) {
                return Some(Resolved::Saved(real));
            }
        }
        let real = self.user_file(path)?;
        nofollow::is_plain_file(&real).then_some(Resolved::User(real))
    }

    /// Whether `path` is in the store's own namespace (the temp or saved
    /// template's prefix, or the user root), resolvable or not. Such a
    /// path is never treated as a network URL, even where the platform
    /// spells its paths as `https://` (Alipay).
    pub fn owns(&self, path: &str) -> bool {
        path.starts_with(self.temp_template.prefix())
            || path.starts_with(self.saved_template.prefix())
            || path.starts_with(&self.user_root)
    }

    /// Reads the file behind an opaque path.
    pub fn read(&mut self, path: &str) -> Result<Vec<u8>, StoreError> {
        let resolved = self.resolve(path).ok_or(StoreError::NotFound)?;
        Ok(nofollow::read(resolved.real_path())?)
    }

    /// The real path a user path names (it may not exist yet), if it stays
    /// inside the user folder. The user root itself is not a file path.
    pub fn user_file(&self, path: &str) -> Option<PathBuf> {
        let rel = path.strip_prefix(&self.user_root)?.strip_prefix('/')?;
        if !nofollow::is_plain_dir(&self.user_dir) {
            return None;
        }
        contained(&self.user_dir, &user_segments(rel)?)
    }

    /// Writes a user data file (`FileSystemManager.writeFile` under the
    /// user root), creating folders, within the persistent quota.
    pub fn write_user_file(&mut self, path: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let real = self.user_file(path).ok_or(StoreError::NotFound)?;
        let existing = fs::metadata(&real).map_or(0, |m| m.len());
        if self.persistent_bytes()? - existing + bytes.len() as u64
            > self.rules.persistent_quota_bytes
        {
            return Err(StoreError::Quota);
        }
        if let Some(dir) = real.parent() {
            fs::create_dir_all(dir)?;
        }
        // Re-check after creating folders: a symlink may have appeared.
        let real = self.user_file(path).ok_or(StoreError::NotFound)?;
        Ok(atomic::write(&real, bytes)?)
    }

    /// Whether `path` names an existing file, or a folder of the user
    /// area (the user root included): what `access` checks.
    pub fn exists(&mut self, path: &str) -> bool {
        if path == self.user_root {
            return true;
        }
        self.resolve(path).is_some() || self.user_file(path).is_some_and(|real| real.is_dir())
    }

    /// Deletes a saved or user file (`FileSystemManager.unlink`). Temp
    /// files and folders are [`StoreError::Denied`]; anything else that
    /// does not resolve is [`StoreError::NotFound`].
    pub fn remove_file(&mut self, path: &str) -> Result<(), StoreError> {
        match self.resolve(path) {
            Some(Resolved::Temp(_)) => Err(StoreError::Denied),
            Some(Resolved::Saved(real) | Resolved::User(real)) => Ok(fs::remove_file(real)?),
            None if self.exists(path) => Err(StoreError::Denied),
            None => Err(StoreError::NotFound),
        }
    }

    /// `FileSystemManager.saveFile({tempFilePath, filePath})`: moves a temp
    /// file to the user path `user_path`, within the persistent quota; the
    /// temp path stops resolving. Nothing changes on failure.
    pub fn save_temp_as_user(
        &mut self,
        temp_path: &str,
        user_path: &str,
    ) -> Result<(), StoreError> {
        let entry = self
            .temp
            .touch(temp_path)
            .cloned()
            .ok_or(StoreError::NotFound)?;
        let bytes = nofollow::read(&entry.real)?;
        self.write_user_file(user_path, &bytes)?;
        fs::remove_file(&entry.real)?;
        self.temp.remove(temp_path);
        Ok(())
    }

    /// Deletes temp file `path` of this launch (an aborted download's
    /// body, never named to the app); `false` when it is not one.
    pub fn discard_temp(&mut self, path: &str) -> bool {
        match self.temp.remove(path) {
            Some(entry) => fs::remove_file(&entry.real).is_ok(),
            None => false,
        }
    }

    /// Bytes of the temp file `path` of this launch, if it is one.
    pub fn temp_len(&mut self, path: &str) -> Option<u64> {
        self.temp.touch(path).map(|e| e.bytes)
    }

    /// `saveFile`: moves a temp file to persistent storage and returns its
    /// new path; the temp path stops resolving.
    pub fn save_file(&mut self, temp_path: &str) -> Result<String, StoreError> {
        let entry = self
            .temp
            .touch(temp_path)
            .cloned()
            .ok_or(StoreError::NotFound)?;
        if !nofollow::is_plain_file(&entry.real) || !nofollow::is_plain_dir(&self.saved_dir) {
            return Err(StoreError::NotFound);
        }
        let max = self.rules.save_file_max_bytes;
        if max > 0 && entry.bytes > max {
            return Err(StoreError::TooLarge);
        }
        if self.persistent_bytes()? + entry.bytes > self.rules.persistent_quota_bytes {
            return Err(StoreError::Quota);
        }
        let ext = entry
            .real
            .extension()
            .map_or(String::new(), |e| e.to_string_lossy().into_owned());
        let hex = self.entropy.hex32();
        let path = self.saved_template.render(&hex, &ext);
        let real = self
            .saved_dir
            .join(self.saved_template.file_name(&hex, &ext));
        fs::rename(&entry.real, &real)?;
        self.temp.remove(temp_path);
        Ok(path)
    }

    /// Bytes of saved and user files (the persistent quota's usage).
    pub fn persistent_bytes(&self) -> io::Result<u64> {
        Ok(dir_bytes(&self.saved_dir)? + dir_bytes(&self.user_dir)?)
    }

    /// This launch's temp files as `(opaque path, real path)`, sorted.
    pub fn temp_files(&self) -> Vec<(String, PathBuf)> {
        let mut v: Vec<_> = self
            .temp
            .list()
            .map(|(p, r)| (p.to_owned(), r.to_owned()))
            .collect();
        v.sort();
        v
    }

    /// The folder holding temp files.
    pub fn temp_dir(&self) -> &Path {
        &self.tmp_dir
    }
}

/// Total size of the files under `dir` (symlinks not followed).
fn dir_bytes(dir: &Path) -> io::Result<u64> {
    let mut total = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            total += dir_bytes(&entry.path())?;
        } else if kind.is_file() {
            total += entry.metadata()?.len();
        }
    }
    Ok(total)
}
