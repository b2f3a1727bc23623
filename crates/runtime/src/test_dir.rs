//! A scratch folder for unit tests: files written by relative path,
//! removed when dropped.

use std::path::PathBuf;

/// A fresh folder under the temp dir (canonical path).
pub(crate) struct TestDir(pub(crate) PathBuf);

impl TestDir {
    /// A new empty folder named after `name` and the process.
    pub(crate) fn new(name: &str) -> TestDir {
        let d = std::env::temp_dir().join(format!("mpcanvas-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        TestDir(d.canonicalize().unwrap())
    }

    /// Writes `text` at `rel`, creating folders; returns its path.
    pub(crate) fn file(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for TestDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
