//! `downloadFile` and `getImageInfo`: bytes from the network (through the
//! run's [`Fetcher`](crate::fetch::Fetcher)) or the store, into a temp
//! file (or a user file), and an image's size, format and EXIF
//! orientation read from its header.
//!
//! The download size is capped by the fetcher's own limit
//! ([`FetchLimits::max_bytes`](crate::fetch::FetchLimits)), the temp
//! budget and, for `filePath`, the profile's per-file write limit; a
//! refused download writes nothing.

use std::io::Cursor;

use image::{ImageDecoder, ImageReader};

use super::resource::{decode_data_url, package_image};
use super::{Platform, required_string, string_option};
use crate::fetch::Fetched;
use crate::profile::FailKind;
use crate::reply::{ApiResult, Reason, Reply};
use crate::report::Event;
use crate::sniff::{ImageKind, sniff};
use crate::store::StoreError;
use crate::value::JsValue;

fn is_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The extension a downloaded temp file gets: the URL path's own (1–5
/// lowercase letters or digits), else the sniffed image format's, else
/// `bin`.
fn download_ext(url: &str, bytes: &[u8]) -> String {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or_default();
    let from_url = last.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match from_url {
        Some(e)
            if (1..=5).contains(&e.len())
                && e.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) =>
        {
            e
        }
        _ => sniff(bytes).map_or("bin", ImageKind::extension).to_owned(),
    }
}

/// EXIF orientation names of `getImageInfo` (1 = `up` … 8 = `left`).
fn orientation_name(exif: u8) -> &'static str {
    match exif {
        2 => "up-mirrored",
        3 => "down",
        4 => "down-mirrored",
        5 => "left-mirrored",
        6 => "right",
        7 => "right-mirrored",
        8 => "left",
        _ => "up",
    }
}

/// The `type` of `getImageInfo`.
fn type_name(kind: ImageKind) -> &'static str {
    match kind {
        ImageKind::Jpeg => "jpeg",
        ImageKind::Png => "png",
        ImageKind::Gif => "gif",
        ImageKind::WebP => "webp",
        ImageKind::Bmp => "bmp",
    }
}

/// Size, format and orientation from an image's header, without decoding
/// its pixels (so a decompression bomb costs nothing here).
struct Header {
    width: u32,
    height: u32,
    kind: ImageKind,
    orientation: u8,
}

fn read_header(bytes: &[u8]) -> Option<Header> {
    let kind = sniff(bytes)?;
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()?
        .into_decoder()
        .ok()?;
    let (width, height) = decoder.dimensions();
    let orientation = decoder.orientation().map_or(1, |o| o.to_exif());
    Some(Header {
        width,
        height,
        kind,
        orientation,
    })
}

/// Why a new temp file could not be written: an I/O error as it says,
/// anything else (the temp budget, a full disk) as the storage quota.
pub(super) fn temp_write_failure(e: StoreError) -> Reason {
    match e {
        StoreError::Io(e) => Reason::detail(FailKind::WriteFailed, e.to_string()),
        _ => Reason::new(FailKind::StorageQuota),
    }
}

/// What a finished download tells its `DownloadTask`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Downloaded {
    /// The body's bytes.
    pub size: u64,
    /// The response's header fields (lower-case names).
    pub headers: Vec<(String, String)>,
}

impl Platform {
    /// The body behind a `downloadFile` URL, its status and header fields.
    fn download_body(&mut self, api: &str, url: &str) -> Result<Fetched, Reason> {
        let fail = |detail: String| Reason::detail(FailKind::DownloadFileFailed, detail);
        let report_api = self.qualified(api);
        self.check_domain(&report_api, url).map_err(fail)?;
        if url
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case("data:"))
        {
            if !self.profile.download.data_url {
                return Err(fail("download failed: data URLs are not supported".into()));
            }
            return decode_data_url(url).map(Fetched::new).map_err(fail);
        }
        if !is_url(url) || self.store.owns(url) {
            return Err(fail(format!("download failed: invalid url {url}")));
        }
        let fetched = if self.profile.download.error_status_succeeds {
            self.fetcher.fetch_any_status(url)
        } else {
            self.fetcher.fetch(url)
        };
        fetched.map_err(|e| fail(e.to_string()))
    }

    /// Writes a download into a new temp file and reports it.
    fn keep_download(&mut self, bytes: &[u8], ext: &str) -> Result<String, Reason> {
        let (path, real) = self
            .store
            .write_temp(bytes, ext)
            .map_err(temp_write_failure)?;
        self.report.push(Event::TempFile {
            path: path.clone(),
            real_path: real.display().to_string(),
            bytes: bytes.len() as u64,
        });
        Ok(path)
    }

    /// `downloadFile({url, filePath?})`: the body of an `http(s)` URL (or a
    /// `data:` URL where the profile allows) in a new temp file, named in
    /// the profile's result fields, with `statusCode` where the profile
    /// has it. With `filePath` (where honoured) the body goes to that user
    /// path instead and the result names it as `filePath`. An HTTP error
    /// status succeeds with its body where the profile says so, else
    /// fails; network failures and over-size bodies fail with nothing
    /// written.
    pub fn download_file(&mut self, options: &JsValue) -> ApiResult {
        self.download_file_sized(options).map(|(reply, _)| reply)
    }

    /// [`download_file`](Self::download_file), with what a `DownloadTask`
    /// reports: the body's size (progress) and the header fields.
    pub fn download_file_sized(&mut self, options: &JsValue) -> ApiResult<(Reply, Downloaded)> {
        const API: &str = "downloadFile";
        let mut done = Downloaded::default();
        let outcome = self.require(API).and_then(|()| {
            let url = required_string(options, "url")?;
            let rules = self.profile.download.clone();
            let target = if rules.file_path_option {
                string_option(options, "filePath")?.map(str::to_owned)
            } else {
                None
            };
            let Fetched {
                bytes,
                status,
                headers,
                ..
            } = self.download_body(API, &url)?;
            done = Downloaded {
                size: bytes.len() as u64,
                headers,
            };
            let mut reply = Reply::new();
            match target {
                Some(target) => {
                    self.fs_writable(&target, bytes.len() as u64)?;
                    self.store
                        .write_user_file(&target, &bytes)
                        .map_err(|e| match e {
                            StoreError::Io(e) => {
                                Reason::detail(FailKind::WriteFailed, e.to_string())
                            }
                            StoreError::NotFound | StoreError::Denied => {
                                Reason::path(FailKind::PermissionDenied, &target)
                            }
                            _ => Reason::new(FailKind::StorageQuota),
                        })?;
                    reply.insert("filePath".into(), target.into());
                }
                None => {
                    let path = self.keep_download(&bytes, &download_ext(&url, &bytes))?;
                    for name in &rules.result_fields {
                        reply.insert(name.clone(), path.clone().into());
                    }
                }
            }
            if rules.status_code {
                reply.insert("statusCode".into(), status.into());
            }
            Ok(reply)
        });
        self.finish(API, options, outcome)
            .map(|reply| (reply, done))
    }

    /// `DownloadTask.abort()` before the result was delivered: the failure
    /// the callbacks receive instead (`downloadFile:fail abort`), recorded.
    /// The body was already fetched (downloads here finish before the
    /// call returns): the temp file `undelivered` (the success object the
    /// app will not get) names is deleted, as an aborted download leaves
    /// none. A `filePath` target was already written and stays.
    pub fn download_aborted(
        &mut self,
        options: &JsValue,
        undelivered: &JsValue,
    ) -> crate::reply::Failure {
        for name in self.profile.download.result_fields.clone() {
            if let JsValue::String(path) = undelivered.get(&name) {
                self.store.discard_temp(path);
            }
        }
        let reason = Reason::new(FailKind::DownloadAborted);
        self.fail("DownloadTask.abort", "downloadFile", options, reason)
    }

    /// `getImageInfo({src})`: a temp, saved, user or package image, or an
    /// `http(s)` one (downloaded into a temp file first, whose path the
    /// result gives). Fields per profile: `width`, `height` (as stored,
    /// rotation not applied), `path`, `orientation`, `type`.
    pub fn get_image_info(&mut self, options: &JsValue) -> ApiResult {
        const API: &str = "getImageInfo";
        let outcome = self.require(API).and_then(|()| {
            let src = required_string(options, "src")?;
            let (bytes, path) = if let Some(resolved) = self.store.resolve(&src) {
                let bytes = crate::store::read_plain(resolved.real_path())
                    .map_err(|_| Reason::new(FailKind::FileNotFound))?;
                (bytes, src)
            } else if is_url(&src) && !self.store.owns(&src) {
                if !self.profile.image_info.network {
                    return Err(Reason::new(FailKind::NetworkPath));
                }
                let report_api = self.qualified(API);
                self.check_domain(&report_api, &src)
                    .map_err(|m| Reason::detail(FailKind::DownloadFailed, m))?;
                let bytes = self
                    .fetcher
                    .fetch(&src)
                    .map(|f| f.bytes)
                    .map_err(|e| Reason::detail(FailKind::DownloadFailed, e.to_string()))?;
                // Only images are kept.
                if sniff(&bytes).is_none() {
                    return Err(Reason::new(FailKind::NotImage));
                }
                let path = self.keep_download(&bytes, &download_ext(&src, &bytes))?;
                (bytes, path)
            } else if let Some(real) = (!self.store.owns(&src))
                .then(|| package_image(self.package_root.as_ref(), self.page_dir.as_deref(), &src))
                .flatten()
            {
                let bytes = std::fs::read(real).map_err(|_| Reason::new(FailKind::FileNotFound))?;
                (bytes, src)
            } else {
                return Err(Reason::new(FailKind::FileNotFound));
            };
            let header = read_header(&bytes).ok_or_else(|| Reason::new(FailKind::NotImage))?;
            let mut reply = Reply::new();
            for name in &self.profile.image_info.fields {
                let value: serde_json::Value = match name.as_str() {
                    "width" => header.width.into(),
                    "height" => header.height.into(),
                    "path" => path.clone().into(),
                    "orientation" => orientation_name(header.orientation).into(),
                    "type" => type_name(header.kind).into(),
                    // The loader admits no other names.
                    _ => continue,
                };
                reply.insert(name.clone(), value);
            }
            Ok(reply)
        });
        self.finish(API, options, outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_come_from_the_url_then_the_bytes() {
        assert_eq!(download_ext("https://x/a/poster.PNG?v=1", b""), "png");
        assert_eq!(
            download_ext("https://x/a/b", b"\x89PNG\r\n\x1a\n...."),
            "png"
        );
        assert_eq!(download_ext("https://x/a.tar.verylong", b"text"), "bin");
        assert_eq!(download_ext("https://x/a.b/c", b"GIF89a"), "gif");
    }

    #[test]
    fn exif_orientations_have_the_platforms_names() {
        let names: Vec<_> = (1..=8).map(orientation_name).collect();
        assert_eq!(
            names,
            [
                "up",
                "up-mirrored",
                "down",
                "down-mirrored",
                "left-mirrored",
                "right",
                "right-mirrored",
                "left"
            ]
        );
        assert_eq!(orientation_name(0), "up");
    }

    /// A 3×2 JPEG whose EXIF says "rotate 90° clockwise" (orientation 6).
    fn rotated_jpeg() -> Vec<u8> {
        let mut plain = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut plain)
            .encode(&[200u8; 3 * 2 * 3], 3, 2, image::ExtendedColorType::Rgb8)
            .unwrap();
        // TIFF little-endian header, one IFD entry: 0x0112 SHORT 1 = 6.
        let mut tiff = b"II*\0\x08\0\0\0\x01\0".to_vec();
        tiff.extend([0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend(tiff);
        let len = (app1.len() + 2) as u16;
        let mut out = plain[..2].to_vec();
        out.extend([0xFF, 0xE1]);
        out.extend(len.to_be_bytes());
        out.extend(app1);
        out.extend(&plain[2..]);
        out
    }

    #[test]
    fn headers_give_stored_size_type_and_exif_orientation() {
        let h = read_header(&rotated_jpeg()).unwrap();
        // Width and height as stored: the rotation is not applied.
        assert_eq!((h.width, h.height, h.kind), (3, 2, ImageKind::Jpeg));
        assert_eq!(orientation_name(h.orientation), "right");
        assert_eq!(type_name(h.kind), "jpeg");
        assert!(read_header(b"\x89PNG\r\n\x1a\n no IHDR chunk").is_none());
        assert!(read_header(b"plain text").is_none());
    }
}
