//! Resolving a mini-program source string to bytes: the file store (temp,
//! saved and user files), `data:` URLs, `http(s)` URLs through the
//! fetcher, and files of the mini-program package. Legacy `drawImage`,
//! `createPattern` and image objects (`canvas.createImage()`,
//! [`Platform::load_resource`]) all resolve here; each says which kinds
//! it allows.

use std::path::{Path, PathBuf};

use base64::Engine;

use super::Platform;
use crate::fetch::Fetcher;
use crate::store::FileStore;

/// Which source kinds beyond store and package files a caller allows,
/// with the message a refused kind gets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Allow {
    /// `http(s)` URLs are fetched.
    pub(crate) network: bool,
    /// `data:` URLs are decoded.
    pub(crate) data_url: bool,
}

/// The places a source can come from, borrowed from a [`Platform`].
pub(crate) struct Sources<'a> {
    pub(crate) store: &'a mut FileStore,
    pub(crate) fetcher: &'a dyn Fetcher,
    pub(crate) package_root: Option<&'a PathBuf>,
    /// The showing page's folder in the package, for relative sources.
    pub(crate) page_dir: Option<&'a str>,
}

impl Sources<'_> {
    /// The bytes behind `src`, or why not (callers name the source).
    pub(crate) fn bytes(&mut self, src: &str, allow: Allow) -> Result<Vec<u8>, String> {
        if let Ok(bytes) = self.store.read(src) {
            return Ok(bytes);
        }
        if self.store.owns(src) {
            return Err("file not found".into());
        }
        let lower = src.to_ascii_lowercase();
        if lower.starts_with("data:") {
            if !allow.data_url {
                return Err("data URLs are not supported here; write the file first".into());
            }
            return decode_data_url(src);
        }
        if lower.starts_with("http://") || lower.starts_with("https://") {
            if !allow.network {
                return Err("network images must be downloaded first (downloadFile)".into());
            }
            return self
                .fetcher
                .fetch(src)
                .map(|f| f.bytes)
                .map_err(|e| e.to_string());
        }
        let real = package_image(self.package_root, self.page_dir, src).ok_or("file not found")?;
        std::fs::read(real).map_err(|_| "file not found".to_owned())
    }
}

/// The real file or folder of a package path (`/`, `images`,
/// `/images/a.png`), if it exists and stays inside the package; links
/// are not followed out of it.
pub(crate) fn package_entry(root: Option<&PathBuf>, src: &str) -> Option<PathBuf> {
    let root: &Path = root?;
    if src.contains("://") {
        return None;
    }
    let rel = src.trim_matches('/');
    if rel.is_empty() {
        return Some(root.to_path_buf()).filter(|r| r.is_dir());
    }
    let segments = crate::store::user_segments(rel)?;
    crate::store::contained(root, &segments).filter(|p| p.exists())
}

/// The real file of a package path (`/images/a.png`, `images/a.png`), if
/// it exists and stays inside the package.
pub(crate) fn package_file(root: Option<&PathBuf>, src: &str) -> Option<PathBuf> {
    let root: &Path = root?;
    if src.contains("://") {
        return None;
    }
    let segments = crate::store::user_segments(src.trim_start_matches('/'))?;
    crate::store::contained(root, &segments).filter(|p| p.is_file())
}

/// A package file named by an image source: `/a/b.png` from the package
/// root, `b.png` or `../a/b.png` from the showing page's folder (as the
/// platforms resolve image paths), from the root when no page shows
/// (mini-games). `None` when it leaves the package or does not exist.
pub(crate) fn package_image(
    root: Option<&PathBuf>,
    page_dir: Option<&str>,
    src: &str,
) -> Option<PathBuf> {
    let Some(rest) = page_dir.filter(|_| !src.starts_with('/') && !src.contains("://")) else {
        return package_file(root, src);
    };
    let mut parts: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    for segment in src.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    package_file(root, &parts.join("/"))
}

/// The bytes of a base64 `data:` URL.
pub(crate) fn decode_data_url(src: &str) -> Result<Vec<u8>, String> {
    let (meta, payload) = src
        .split_once(',')
        .ok_or_else(|| "malformed data URL".to_owned())?;
    if !meta.to_ascii_lowercase().ends_with(";base64") {
        return Err("only base64 data URLs hold images".into());
    }
    let cleaned: String = payload
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD
        .decode(cleaned)
        .map_err(|e| format!("bad base64: {e}"))
}

impl Platform {
    /// The store, fetcher and package, for resolving sources.
    pub(crate) fn sources(&mut self) -> Sources<'_> {
        Sources {
            store: &mut self.store,
            fetcher: self.fetcher.as_ref(),
            package_root: self.package_root.as_ref(),
            page_dir: self.page_dir.as_deref(),
        }
    }

    /// The bytes behind an image object's `src` (`canvas.createImage()`,
    /// mini-game `createImage()`): a temp, saved or user path, a package
    /// file, a base64 `data:` URL, or an `http(s)` URL through the
    /// fetcher — what those objects load on every platform. The error
    /// says why (the caller names the source).
    pub fn load_resource(&mut self, src: &str) -> Result<Vec<u8>, String> {
        let allow = Allow {
            network: true,
            data_url: true,
        };
        self.sources().bytes(src, allow)
    }
}
