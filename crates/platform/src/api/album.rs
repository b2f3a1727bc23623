//! `saveImageToPhotosAlbum` and Alipay's `saveImage` (PL §6).

use super::{Platform, required_string, string_option};
use crate::album::AlbumError;
use crate::profile::FailKind;
use crate::reply::{ApiResult, Reason, Reply};
use crate::report::Event;
use crate::value::JsValue;

fn is_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

impl Platform {
    /// The bytes behind a save's path: a store path, or (where allowed) a
    /// downloaded URL.
    fn save_source(&mut self, path: &str, network: bool) -> Result<Vec<u8>, Reason> {
        if let Some(resolved) = self.store.resolve(path) {
            return crate::store::read_plain(resolved.real_path())
                .map_err(|_| Reason::new(FailKind::FileNotFound));
        }
        if is_url(path) && !self.store.owns(path) {
            if !network {
                return Err(Reason::new(FailKind::NetworkPath));
            }
            return self
                .fetcher
                .fetch(path)
                .map(|f| f.bytes)
                .map_err(|e| Reason::detail(FailKind::DownloadFailed, e.to_string()));
        }
        Err(Reason::new(FailKind::FileNotFound))
    }

    /// Stores `bytes` in the album (sniffed, atomic). The image is
    /// decoded first, under the run's decode budget: a signature with
    /// nothing behind it, a truncated file or a picture too large to
    /// decode is refused and nothing is written.
    fn store_in_album(&mut self, bytes: &[u8]) -> Result<Reply, Reason> {
        // The app's scope was granted; the phone's own privacy switch is
        // checked by the OS when the write happens.
        if !self.os_album_allowed {
            return Err(Reason::new(FailKind::OsAlbumDenied));
        }
        mpcanvas_canvas::Image::decode(bytes, &self.canvas_limits)
            .map_err(|_| Reason::new(FailKind::NotImage))?;
        let entry = self.album.save(bytes).map_err(|e| match e {
            AlbumError::NotImage => Reason::new(FailKind::NotImage),
            AlbumError::NoSpace => Reason::new(FailKind::NoSpace),
            AlbumError::Io(e) => Reason::detail(FailKind::WriteFailed, e.to_string()),
        })?;
        self.report.push(Event::AlbumFile {
            real_path: entry.path.display().to_string(),
            bytes: entry.bytes,
        });
        Ok(Reply::new())
    }

    /// `saveImageToPhotosAlbum({filePath})`: a temp, saved or user path;
    /// a network URL only where the profile downloads it (Alipay).
    pub fn save_image_to_photos_album(&mut self, options: &JsValue) -> ApiResult {
        const API: &str = "saveImageToPhotosAlbum";
        let outcome = self.require(API).and_then(|()| {
            let path = required_string(options, "filePath")?;
            if path.is_empty() {
                return Err(Reason::new(FailKind::FilePathEmpty));
            }
            let scope = self.profile.album.scope.clone();
            self.check_auth(std::slice::from_ref(&scope))?;
            let bytes = self.save_source(&path, self.profile.album.accepts_network_url)?;
            self.store_in_album(&bytes)
        });
        self.finish(API, options, outcome)
    }

    /// Alipay `my.saveImage({url, showActionSheet = true})`: a URL (or a
    /// store path, which Alipay spells as a URL), never base64. With the
    /// action sheet the scripted user picks save or cancel first; then the
    /// album scope (or an alternative) is checked, the image downloaded,
    /// sniffed and stored.
    pub fn save_image(&mut self, options: &JsValue) -> ApiResult {
        const API: &str = "saveImage";
        let outcome = self.require(API).and_then(|()| {
            let url = string_option(options, "url")?.unwrap_or("").to_owned();
            let sheet = match options.get("showActionSheet") {
                JsValue::Bool(b) => *b,
                v if v.is_nullish() => true,
                v => {
                    return Err(Reason::parameter(
                        "showActionSheet",
                        "Boolean",
                        v.type_name(),
                    ));
                }
            };
            if url.is_empty() {
                return Err(Reason::new(FailKind::UrlEmpty));
            }
            if url
                .get(..5)
                .is_some_and(|p| p.eq_ignore_ascii_case("data:"))
            {
                return Err(Reason::new(FailKind::Base64Unsupported));
            }
            if !is_url(&url) && self.store.resolve(&url).is_none() {
                return Err(Reason::new(FailKind::UrlInvalid));
            }
            if sheet {
                let save = self.user.choose_save();
                self.report.push(Event::ActionSheet {
                    choice: if save { "save" } else { "cancel" }.to_owned(),
                });
                if !save {
                    return Err(Reason::new(FailKind::UserCancel));
                }
            }
            let mut scopes = vec![self.profile.album.scope.clone()];
            scopes.extend(self.profile.album.save_image_alt_scopes.iter().cloned());
            self.check_auth(&scopes)?;
            let bytes = self.save_source(&url, true)?;
            self.store_in_album(&bytes)
        });
        self.finish(API, options, outcome)
    }
}
