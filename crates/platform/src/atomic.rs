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

/// Writes `bytes` to `target`, replacing it atomically (rename): the
/// one whole-or-nothing writer of the project (data folder, CLI output).
pub fn write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let staging = staging_path(dir);
    let result = (|| {
        let mut f = File::create(&staging)?;
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
    let staging = staging_path(dir);
    let result = (|| {
        let mut f = File::create(&staging)?;
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

/// Whether an I/O error means the disk or quota is full.
pub(crate) fn is_no_space(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    )
}
