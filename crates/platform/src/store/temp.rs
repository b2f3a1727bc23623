//! The temp store's index: this launch's files by opaque path, with a byte
//! budget enforced least recently used first (PL §5).

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One temp file of this launch.
#[derive(Debug, Clone)]
pub(crate) struct TempEntry {
    pub(crate) real: PathBuf,
    pub(crate) bytes: u64,
    last_use: u64,
}

/// Temp files: the index of this launch plus the byte count of the folder.
#[derive(Debug)]
pub(crate) struct TempIndex {
    dir: PathBuf,
    budget: u64,
    entries: HashMap<String, TempEntry>,
    /// Bytes of every file in the folder, earlier launches included.
    used: u64,
    clock: u64,
    /// When this launch opened the folder.
    started: SystemTime,
}

impl TempIndex {
    /// Opens `dir` for a new launch: no earlier path resolves, and earlier
    /// files are evicted oldest first until the folder fits `budget`.
    pub(crate) fn open(dir: &Path, budget: u64) -> io::Result<TempIndex> {
        fs::create_dir_all(dir)?;
        let mut index = TempIndex {
            dir: dir.to_owned(),
            budget,
            entries: HashMap::new(),
            used: 0,
            clock: 0,
            started: SystemTime::now(),
        };
        index.used = index.leftovers()?.iter().map(|(_, _, n)| n).sum();
        index.make_room(0)?;
        Ok(index)
    }

    /// Files on disk not in this launch's index, oldest first.
    fn leftovers(&self) -> io::Result<Vec<(SystemTime, PathBuf, u64)>> {
        let live: Vec<&PathBuf> = self.entries.values().map(|e| &e.real).collect();
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.dir)? {
            let entry = entry?;
            let meta = entry.metadata()?;
            let path = entry.path();
            if meta.is_file() && !live.contains(&&path) {
                let when = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                out.push((when, path, meta.len()));
            }
        }
        out.sort();
        Ok(out)
    }

    /// Evicts until `incoming` more bytes fit: earlier launches' files
    /// first (oldest first), then this launch's least recently used.
    pub(crate) fn make_room(&mut self, incoming: u64) -> io::Result<Vec<String>> {
        let mut evicted = Vec::new();
        if self.used + incoming <= self.budget {
            return Ok(evicted);
        }
        // A file that cannot fit even in an empty store evicts nothing.
        if incoming > self.budget {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "the file is larger than the temp store budget",
            ));
        }
        for (_, path, bytes) in self.leftovers()? {
            if self.used + incoming <= self.budget {
                return Ok(evicted);
            }
            fs::remove_file(&path)?;
            self.used = self.used.saturating_sub(bytes);
        }
        while self.used + incoming > self.budget {
            let Some(oldest) = self
                .entries
                .iter()
                .min_by_key(|(_, e)| e.last_use)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some(e) = self.entries.remove(&oldest) {
                fs::remove_file(&e.real)?;
                self.used = self.used.saturating_sub(e.bytes);
            }
            evicted.push(oldest);
        }
        if self.used + incoming > self.budget {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "the file is larger than the temp store budget",
            ));
        }
        Ok(evicted)
    }

    /// Removes every file earlier launches left (last used before this
    /// launch began), whatever the budget: called when the disk is full,
    /// since none of them can be reached by path any more. Returns the
    /// bytes freed.
    pub(crate) fn evict_earlier_launches(&mut self) -> io::Result<u64> {
        let mut freed = 0;
        for (when, path, bytes) in self.leftovers()? {
            if when < self.started {
                fs::remove_file(&path)?;
                freed += bytes;
            }
        }
        self.used = self.used.saturating_sub(freed);
        Ok(freed)
    }

    /// Registers a file just written.
    pub(crate) fn insert(&mut self, path: String, real: PathBuf, bytes: u64) {
        self.clock += 1;
        self.used += bytes;
        self.entries.insert(
            path,
            TempEntry {
                real,
                bytes,
                last_use: self.clock,
            },
        );
    }

    /// The entry for `path`, marked as just used.
    pub(crate) fn touch(&mut self, path: &str) -> Option<&TempEntry> {
        self.clock += 1;
        let clock = self.clock;
        let entry = self.entries.get_mut(path)?;
        entry.last_use = clock;
        // The file's time carries the order to the next launch's eviction.
        // Not through a link planted in its place.
        if let Ok(f) = super::nofollow::open_for_write(&entry.real) {
            let _ = f.set_modified(SystemTime::now());
        }
        Some(entry)
    }

    /// Forgets `path` (its file was moved away).
    pub(crate) fn remove(&mut self, path: &str) -> Option<TempEntry> {
        let e = self.entries.remove(path)?;
        self.used = self.used.saturating_sub(e.bytes);
        Some(e)
    }

    /// This launch's files as `(path, real path)`, in no particular order.
    pub(crate) fn list(&self) -> impl Iterator<Item = (&str, &Path)> {
        self.entries
            .iter()
            .map(|(k, e)| (k.as_str(), e.real.as_path()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_full_disk_evicts_every_file_of_earlier_launches_but_none_of_this_one() {
        let dir = std::env::temp_dir().join(format!("mpcanvas-temp-evict-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let old = dir.join("old.png");
        fs::write(&old, [0u8; 100]).unwrap();
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
        // Far under budget: opening evicts nothing.
        let mut index = TempIndex::open(&dir, 1 << 30).unwrap();
        assert!(old.exists());
        let mine = dir.join("mine.png");
        fs::write(&mine, [0u8; 10]).unwrap();
        index.insert("wxfile://mine".into(), mine.clone(), 10);
        assert_eq!(index.evict_earlier_launches().unwrap(), 100);
        assert!(!old.exists());
        assert!(mine.exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
