//! The repository's example projects, embedded at build time (build.rs), so
//! the playground can run each one: `GET /v1/examples` lists them and
//! `POST /v1/run?example=NAME` runs one.

use std::path::Path;
use std::sync::OnceLock;

use serde::Serialize;

/// (folder name, [(path inside it, bytes)]).
type Embedded = &'static [(&'static str, &'static [(&'static str, &'static [u8])])];

const EMBEDDED: Embedded = include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// One example as `GET /v1/examples` lists it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Listed {
    pub(crate) name: &'static str,
    /// The platform read off its files, as `mpcanvas run` reads it.
    pub(crate) platform: &'static str,
    pub(crate) files: Vec<&'static str>,
}

/// Whether an example of that name is embedded.
pub(crate) fn exists(name: &str) -> bool {
    EMBEDDED.iter().any(|(n, _)| *n == name)
}

/// Writes example `name` into `dir`; false when there is no such example.
pub(crate) fn write(name: &str, dir: &Path) -> std::io::Result<bool> {
    let Some((_, files)) = EMBEDDED.iter().find(|(n, _)| *n == name) else {
        return Ok(false);
    };
    for (rel, bytes) in *files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)?;
    }
    Ok(true)
}

/// Every example with its detected platform (worked out once, by writing
/// the examples to a temporary folder and reading them as a run would).
pub(crate) fn list() -> &'static [Listed] {
    static LIST: OnceLock<Vec<Listed>> = OnceLock::new();
    LIST.get_or_init(|| {
        let dir = tempfile::tempdir().ok();
        EMBEDDED
            .iter()
            .map(|(name, files)| {
                let detected = dir.as_ref().and_then(|d| {
                    let path = d.path().join(name);
                    write(name, &path).ok()?;
                    mpcanvas::detect_platform(&path)
                });
                Listed {
                    name,
                    platform: detected.map_or("wechat", |d| d.platform),
                    files: files.iter().map(|(rel, _)| *rel).collect(),
                }
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_examples_are_embedded_with_their_platforms() {
        let list = list();
        let find = |n: &str| list.iter().find(|e| e.name == n).unwrap();
        assert_eq!(find("wechat-2d").platform, "wechat");
        assert_eq!(find("alipay").platform, "alipay");
        assert_eq!(find("wechat-game").platform, "wechat-game");
        assert!(find("wechat-2d").files.contains(&"index.wxml"));
    }

    #[test]
    fn writing_an_unknown_example_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!write("no-such-example", dir.path()).unwrap());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
