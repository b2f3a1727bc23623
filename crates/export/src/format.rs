//! What the project knows about each output format, in one place: its
//! names in the APIs that pick it (the mini-program `fileType`, the HTML
//! `toDataURL` MIME type, a file extension), its file extension and MIME
//! type, and its data-URL form.

use base64::Engine;

use crate::Format;

/// An output format by name, before its encoder settings (quality,
/// compression) are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormatKind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
}

impl FormatKind {
    /// The mini-program `fileType` value (`png`, `jpg`, `jpeg`, any case).
    pub fn from_file_type(name: &str) -> Option<FormatKind> {
        match name.to_ascii_lowercase().as_str() {
            "png" => Some(FormatKind::Png),
            "jpg" | "jpeg" => Some(FormatKind::Jpeg),
            _ => None,
        }
    }

    /// A MIME type as `toDataURL(type)` takes it (`image/png`,
    /// `image/jpeg`, any case).
    pub fn from_mime_type(mime: &str) -> Option<FormatKind> {
        match mime.to_ascii_lowercase().as_str() {
            "image/png" => Some(FormatKind::Png),
            "image/jpeg" => Some(FormatKind::Jpeg),
            _ => None,
        }
    }

    /// The format a file name's extension names (`.png`, `.jpg`, `.jpeg`,
    /// any case); `None` for any other or no extension.
    pub fn from_path(path: &std::path::Path) -> Option<FormatKind> {
        FormatKind::from_file_type(path.extension()?.to_str()?)
    }

    /// The file extension written (`png`, `jpg`).
    pub fn extension(self) -> &'static str {
        match self {
            FormatKind::Png => "png",
            FormatKind::Jpeg => "jpg",
        }
    }

    /// The MIME type.
    pub fn mime_type(self) -> &'static str {
        match self {
            FormatKind::Png => "image/png",
            FormatKind::Jpeg => "image/jpeg",
        }
    }

    /// The encoder settings: default PNG compression, or JPEG at
    /// `quality` (`0.0..=1.0`).
    pub fn with_quality(self, quality: f32) -> Format {
        match self {
            FormatKind::Png => Format::PNG,
            FormatKind::Jpeg => Format::jpeg(quality),
        }
    }
}

impl Format {
    /// The format's kind.
    pub fn kind(&self) -> FormatKind {
        match self {
            Format::Png { .. } => FormatKind::Png,
            Format::Jpeg { .. } => FormatKind::Jpeg,
        }
    }

    /// The file extension written (`png`, `jpg`).
    pub fn extension(&self) -> &'static str {
        self.kind().extension()
    }

    /// The MIME type.
    pub fn mime_type(&self) -> &'static str {
        self.kind().mime_type()
    }

    /// `bytes` (encoded in this format) as a base64 `data:` URL.
    pub fn data_url(&self, bytes: &[u8]) -> String {
        format!(
            "data:{};base64,{}",
            self.mime_type(),
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn names_map_to_kinds_case_insensitively() {
        assert_eq!(FormatKind::from_file_type("JPG"), Some(FormatKind::Jpeg));
        assert_eq!(FormatKind::from_file_type("jpeg"), Some(FormatKind::Jpeg));
        assert_eq!(FormatKind::from_file_type("Png"), Some(FormatKind::Png));
        assert_eq!(FormatKind::from_file_type("gif"), None);
        assert_eq!(
            FormatKind::from_mime_type("IMAGE/JPEG"),
            Some(FormatKind::Jpeg)
        );
        assert_eq!(FormatKind::from_mime_type("image/webp"), None);
        assert_eq!(
            FormatKind::from_path(Path::new("a/b.JPEG")),
            Some(FormatKind::Jpeg)
        );
        assert_eq!(FormatKind::from_path(Path::new("poster")), None);
        assert_eq!(FormatKind::from_path(Path::new("r.gif")), None);
    }

    #[test]
    fn formats_name_their_extension_mime_and_data_url() {
        assert_eq!(Format::jpeg(0.5).extension(), "jpg");
        assert_eq!(Format::PNG.mime_type(), "image/png");
        assert_eq!(
            Format::PNG.data_url(&[0, 1, 2]),
            "data:image/png;base64,AAEC"
        );
        assert_eq!(FormatKind::Jpeg.with_quality(0.3), Format::jpeg(0.3));
    }
}
