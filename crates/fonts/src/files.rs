//! Font files registered under a family name (a drawing script's `@font`
//! directives, a host's own fonts). A file registered again unchanged
//! (same path, size and modification time) shares the face already parsed,
//! with the glyph outlines and masks it has cached, instead of a new read
//! and cold caches — what a render service drawing poster after poster
//! with one font wants. The [`MAX_FILES`] most recent files are kept.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use mpcanvas_canvas::{Error, ErrorKind, FaceDescriptors, FontCollection, FontLibrary};

/// Files kept (poster fonts are a few MB each).
pub const MAX_FILES: usize = 16;

/// What identifies an unchanged file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileKey {
    path: PathBuf,
    len: u64,
    modified: SystemTime,
}

fn key(path: &Path) -> Option<FileKey> {
    let path = path.canonicalize().ok()?;
    let meta = std::fs::metadata(&path).ok()?;
    Some(FileKey {
        path,
        len: meta.len(),
        modified: meta.modified().ok()?,
    })
}

fn files() -> &'static Mutex<Vec<(FileKey, FontCollection)>> {
    static FILES: Mutex<Vec<(FileKey, FontCollection)>> = Mutex::new(Vec::new());
    &FILES
}

/// The face of the font file at `path` (TTF, OTF, WOFF, WOFF2; the first
/// face of a collection), parsed once per process while the file is
/// unchanged.
pub fn load_file(path: &Path) -> Result<FontCollection, Error> {
    let key = key(path);
    if let Some(key) = &key
        && let Ok(mut files) = files().lock()
        && let Some(i) = files.iter().position(|(k, _)| k == key)
    {
        // Most recent use last.
        let entry = files.remove(i);
        let found = entry.1.clone();
        files.push(entry);
        return Ok(found);
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Error::new(
            ErrorKind::NotSupported,
            format!("cannot read font file {}: {e}", path.display()),
        )
    })?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let collection = FontCollection::single(&name, bytes, FaceDescriptors::default())?;
    if let Some(key) = key
        && let Ok(mut files) = files().lock()
    {
        if files.len() == MAX_FILES {
            files.remove(0);
        }
        files.push((key, collection.clone()));
    }
    Ok(collection)
}

/// Registers the font file at `path` in `library` under `family` (normal
/// descriptors, as `@font-face` with only a family does).
pub fn register_file(library: &FontLibrary, family: &str, path: &Path) -> Result<(), Error> {
    library.add_collection(&load_file(path)?.renamed(family));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unchanged_font_file_is_parsed_once_per_process() {
        let font =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance/fonts/DejaVuSans.ttf");
        let dir = std::env::temp_dir().join(format!("mpcanvas-font-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let copy = dir.join("copy.ttf");
        std::fs::copy(&font, &copy).unwrap();
        let (a, b) = (load_file(&copy).unwrap(), load_file(&copy).unwrap());
        assert!(a.shares_faces_with(&b));
        let (one, two) = (FontLibrary::new(), FontLibrary::new());
        register_file(&one, "One", &copy).unwrap();
        register_file(&two, "Two", &copy).unwrap();
        assert!(two.has_family("two") && !two.has_family("one"));
        assert!(one.has_family("one"));
        // A changed file is read again.
        let mut bytes = std::fs::read(&font).unwrap();
        bytes.extend_from_slice(&[0; 4]);
        std::fs::write(&copy, bytes).unwrap();
        let c = load_file(&copy).unwrap();
        assert!(!a.shares_faces_with(&c));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_or_bad_file_is_an_error_naming_it() {
        let err = load_file(Path::new("/nonexistent/font.ttf")).unwrap_err();
        assert!(
            err.message.contains("/nonexistent/font.ttf"),
            "{}",
            err.message
        );
        let dir = std::env::temp_dir().join(format!("mpcanvas-font-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("bad.ttf");
        std::fs::write(&bad, b"not a font").unwrap();
        assert!(load_file(&bad).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
