//! Whole-or-nothing file writes: a staging file, fsync, then an atomic
//! publish, so a crash never leaves a partial file under the final name.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Staging names are unique within the process; the pid keeps processes
/// sharing a folder apart.
static STAGING: AtomicU64 = AtomicU64::new(0);

/// A fresh staging path in `dir` (hidden: listings skip dot files).
pub(crate) fn staging_path(dir: &Path) -> PathBuf {
    let n = STAGING.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".staging-{}-{n}.part", std::process::id()))
}

/// Creates a fresh staging file in `dir`: created new (`O_EXCL`), so a
/// link or file planted under a staging name is never opened or written
/// through; a taken name moves on to the next.
fn create_staging(dir: &Path) -> io::Result<(PathBuf, File)> {
    let mut tries = 0;
    loop {
        let staging = staging_path(dir);
        match File::options().write(true).create_new(true).open(&staging) {
            Ok(f) => return Ok((staging, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 64 => tries += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Writes `bytes` to `target`, replacing it atomically (rename): the
/// one whole-or-nothing writer of the project (data folder, CLI output).
pub fn write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let _timed = mpcanvas_canvas::timing::span(mpcanvas_canvas::timing::Stage::Write);
    let dir = target.parent().unwrap_or(Path::new("."));
    let (staging, mut f) = create_staging(dir)?;
    let result = (|| {
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&staging, target)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&staging);
    }
    result
}

/// Streams `reader` into a staging file in `dir` (at most `max_bytes`),
/// fsyncs it and returns its path and size. On error the staging file is
/// removed.
pub(crate) fn stage(
    dir: &Path,
    reader: &mut dyn Read,
    max_bytes: u64,
) -> io::Result<(PathBuf, u64)> {
    let (staging, mut f) = create_staging(dir)?;
    let result = (|| {
        let mut buf = vec![0u8; 64 * 1024];
        let mut total = 0u64;
        loop {
            let n = match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            total += n as u64;
            if total > max_bytes {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "quota exceeded"));
            }
            f.write_all(&buf[..n])?;
        }
        f.sync_all()?;
        Ok(total)
    })();
    match result {
        Ok(total) => Ok((staging, total)),
        Err(e) => {
            let _ = fs::remove_file(&staging);
            Err(e)
        }
    }
}

/// Publishes a staged file under `target` without ever replacing an
/// existing file: a hard link fails if the name is taken (atomic, also
/// between processes). The staging name is removed either way.
pub(crate) fn publish_new(staging: &Path, target: &Path) -> io::Result<()> {
    let linked = fs::hard_link(staging, target);
    if linked.is_ok() {
        let _ = fs::remove_file(staging);
        if let Some(dir) = target.parent() {
            sync_dir(dir)?;
        }
    }
    linked
}

/// Makes a rename or link in `dir` durable.
fn sync_dir(dir: &Path) -> io::Result<()> {
    // Directories can be opened for fsync on Unix; elsewhere this is a
    // best effort.
    match File::open(dir) {
        Ok(d) => d.sync_all().or(Ok(())),
        Err(_) => Ok(()),
    }
}

/// Removes the staging files (and `unzip` staging folders) in `dir` (and its sub-folders, links not
/// followed) that a process no longer running left behind: a run killed
/// mid-write, or one whose write hit a file-size limit.
pub(crate) fn remove_dead_staging(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let dead = staging_owner(&name).is_some_and(|pid| !process_alive(pid, &entry));
        if kind.is_dir() && dead {
            // An `unzip` staging folder.
            let _ = fs::remove_dir_all(entry.path());
        } else if kind.is_dir() {
            remove_dead_staging(&entry.path());
        } else if kind.is_file() && dead {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a staging file's name.
fn staging_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(".staging-")?.strip_suffix(".part")?;
    rest.split_once('-')?.0.parse().ok()
}

/// Staging files older than this are dead where process ids cannot be
/// checked.
const STALE_STAGING: std::time::Duration = std::time::Duration::from_secs(600);

/// Whether the process that named a staging file may still be writing it.
/// Linux answers through `/proc`; elsewhere a file untouched for ten
/// minutes is taken as dead.
fn process_alive(pid: u32, entry: &fs::DirEntry) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc_root = Path::new("/proc/self");
    if proc_root.exists() {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < STALE_STAGING)
}

/// Whether an I/O error means the disk or quota is full.
pub(crate) fn is_no_space(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    )
}
