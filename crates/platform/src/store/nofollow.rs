//! The data folder's files are reached without following symbolic links:
//! a link planted in `tmp/`, `store/`, `usr/` or `album/` — or one of those
//! folders being a link itself — must not lead a read, write or unlink
//! outside the data folder. Checks use `symlink_metadata` (which sees the
//! link, not its target); reads open with `O_NOFOLLOW` where the OS has
//! it, so a link swapped in after the check still fails.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

/// Whether `path` is a regular file and not a link: not a symbolic link,
/// and not a hard link either (a second name of a file that may live
/// outside the data folder; the store's own files have one name).
pub(crate) fn is_plain_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file() && single_name(&m))
}

#[cfg(unix)]
fn single_name(m: &fs::Metadata) -> bool {
    std::os::unix::fs::MetadataExt::nlink(m) == 1
}

#[cfg(not(unix))]
fn single_name(_: &fs::Metadata) -> bool {
    true
}

/// Whether `path` is a directory and not a link.
pub(crate) fn is_plain_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_dir())
}

/// Creates `dir` (and its parents) if missing, then insists it is a real
/// directory: a link there is refused, with a message naming it.
pub(crate) fn ensure_plain_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    if is_plain_dir(dir) {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} is a symbolic link or not a folder; the data folder's own folders must be real folders",
                dir.display()
            ),
        ))
    }
}

/// Opens `path` for reading, refusing a symbolic link in its last
/// component.
pub(crate) fn open(path: &Path) -> io::Result<File> {
    let mut options = File::options();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(path)?;
    // Where O_NOFOLLOW is missing, the check after opening still catches a
    // link (the race is then only between the two calls).
    if !is_plain_file(path) {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            "not a regular file of the data folder",
        ));
    }
    Ok(file)
}

/// Opens `path` for writing (its times), refusing a symbolic link in its
/// last component.
pub(crate) fn open_for_write(path: &Path) -> io::Result<File> {
    let mut options = File::options();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// Reads the whole file at `path` without following a link.
pub(crate) fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_are_neither_plain_files_nor_readable() {
        let dir = std::env::temp_dir().join(format!("mpcanvas-nofollow-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let target = dir.join("target.txt");
        fs::write(&target, b"secret").unwrap();
        let link = dir.join("link.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let dir_link = dir.join("folder");
        std::os::unix::fs::symlink(&dir, &dir_link).unwrap();
        assert!(is_plain_file(&target));
        assert!(!is_plain_file(&link));
        assert_eq!(read(&target).unwrap(), b"secret");
        assert!(read(&link).is_err());
        assert!(ensure_plain_dir(&dir).is_ok());
        assert!(ensure_plain_dir(&dir_link).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }
}
