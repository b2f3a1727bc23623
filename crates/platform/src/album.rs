//! The album: a real folder of image files. Bytes are sniffed (only JPEG,
//! PNG, GIF, WebP, BMP), every save is atomic (staging file, fsync, then a
//! hard link that never replaces an existing name), concurrent saves get
//! unique names, and a full disk or quota is its own error (PL §6).

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::atomic;
use crate::env::Clock;
use crate::sniff::{ImageKind, SNIFF_LEN, sniff};

/// Why a save stored nothing.
#[derive(Debug)]
pub enum AlbumError {
    /// The bytes are not an accepted image.
    NotImage,
    /// The quota or the disk is full.
    NoSpace,
    /// Another I/O failure.
    Io(io::Error),
}

impl std::fmt::Display for AlbumError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AlbumError::NotImage => f.write_str("not an image"),
            AlbumError::NoSpace => f.write_str("no space left"),
            AlbumError::Io(e) => write!(f, "album write failed: {e}"),
        }
    }
}

impl std::error::Error for AlbumError {}

impl From<io::Error> for AlbumError {
    fn from(e: io::Error) -> Self {
        if atomic::is_no_space(&e) {
            AlbumError::NoSpace
        } else {
            AlbumError::Io(e)
        }
    }
}

/// A stored image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlbumEntry {
    /// Where it is on disk.
    pub path: PathBuf,
    /// Its format.
    pub kind: ImageKind,
    /// Its size in bytes.
    pub bytes: u64,
}

/// An album folder. Shareable between threads.
pub struct Album {
    dir: PathBuf,
    quota: Option<u64>,
    clock: Arc<dyn Clock + Send + Sync>,
    counter: AtomicU64,
}

impl std::fmt::Debug for Album {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Album")
            .field("dir", &self.dir)
            .field("quota", &self.quota)
            .finish()
    }
}

impl Album {
    /// Opens (creating) the album folder `dir`. `quota` caps the bytes of
    /// all images in it (a simulated full album); `None` leaves only the
    /// disk's limit. Staging files of dead runs are removed.
    pub fn open(
        dir: &Path,
        quota: Option<u64>,
        clock: Arc<dyn Clock + Send + Sync>,
    ) -> io::Result<Album> {
        crate::store::ensure_plain_dir(dir)?;
        atomic::remove_dead_staging(dir);
        Ok(Album {
            dir: dir.to_owned(),
            quota,
            clock,
            counter: AtomicU64::new(0),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Saves `bytes` as a new image.
    pub fn save(&self, bytes: &[u8]) -> Result<AlbumEntry, AlbumError> {
        self.save_stream(&mut &bytes[..])
    }

    /// Saves what `reader` yields as a new image, streaming it to disk.
    /// The first bytes are sniffed before anything is written.
    pub fn save_stream(&self, reader: &mut dyn Read) -> Result<AlbumEntry, AlbumError> {
        // The folder may have been swapped for a link since it was opened.
        crate::store::ensure_plain_dir(&self.dir)?;
        let mut head = Vec::with_capacity(SNIFF_LEN);
        reader
            .take(SNIFF_LEN as u64)
            .read_to_end(&mut head)
            .map_err(AlbumError::Io)?;
        let kind = sniff(&head).ok_or(AlbumError::NotImage)?;
        let room = match self.quota {
            Some(q) => q.saturating_sub(self.used_bytes()?),
            None => u64::MAX,
        };
        let mut whole = (&head[..]).chain(reader);
        // Removed when dropped, published or not.
        let (staged, bytes) = atomic::stage(&self.dir, &mut whole, room)?;
        let path = self.publish(&staged, kind)?;
        Ok(AlbumEntry { path, kind, bytes })
    }

    /// Links the staged file under the first free name.
    fn publish(&self, staging: &atomic::Staged, kind: ImageKind) -> io::Result<PathBuf> {
        let stamp = self.clock.unix_seconds();
        loop {
            let n = self.counter.fetch_add(1, Ordering::Relaxed);
            let target = self
                .dir
                .join(format!("IMG_{stamp}_{n:04}.{}", kind.extension()));
            match atomic::publish_new(staging, &target) {
                Ok(()) => return Ok(target),
                // Taken (another process, or an earlier run): next number.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// The stored images (staging files excluded), sorted by name.
    pub fn files(&self) -> io::Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(&self.dir)? {
            let entry = entry?;
            if !entry.file_name().to_string_lossy().starts_with('.') && entry.file_type()?.is_file()
            {
                out.push(entry.path());
            }
        }
        out.sort();
        Ok(out)
    }

    /// Bytes used by stored images.
    pub fn used_bytes(&self) -> io::Result<u64> {
        let mut total = 0;
        for f in self.files()? {
            total += fs::metadata(f)?.len();
        }
        Ok(total)
    }
}
