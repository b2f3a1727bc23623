//! The error catalogue: one entry per failure kind, so a profile that
//! forgets a kind does not load.

use serde::Deserialize;

/// One failure's wording on a platform.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorEntry {
    /// The text after `"<api>:fail "` (errMsg platforms) or the
    /// `errorMessage` (Alipay). `{name}`, `{expected}`, `{actual}`,
    /// `{detail}` and `{path}` are filled in where the failure has them;
    /// `{api}` is the method's name (`readFile`).
    pub message: String,
    /// Alipay's numeric `error` (required when the shape is `code`).
    #[serde(default)]
    pub code: Option<i64>,
    /// WeChat-style unified `errno`, added to errMsg objects when given.
    #[serde(default)]
    pub errno: Option<i64>,
}

macro_rules! catalogue {
    ($($(#[$doc:meta])* $field:ident => $variant:ident,)*) => {
        /// Every failure kind's entry. Field docs say when the kind occurs;
        /// the wording per platform is in the profile files (RS §3, §1.6).
        #[derive(Debug, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct ErrorCatalogue {
            $($(#[$doc])* pub $field: ErrorEntry,)*
        }

        /// Why an API call failed, independent of the platform's wording.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum FailKind {
            $($(#[$doc])* $variant,)*
        }

        impl FailKind {
            /// The catalogue field name (`canvas_empty`, …).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(FailKind::$variant => stringify!($field),)*
                }
            }
        }

        impl ErrorCatalogue {
            /// The entry for `kind`.
            pub fn entry(&self, kind: FailKind) -> &ErrorEntry {
                match kind {
                    $(FailKind::$variant => &self.$field,)*
                }
            }

            /// `(kind name, entry)` for every kind, for validation.
            pub fn entries(&self) -> Vec<(&'static str, &ErrorEntry)> {
                vec![$((stringify!($field), &self.$field),)*]
            }
        }
    };
}

catalogue! {
    /// The namespace function is not on this platform.
    not_supported => NotSupported,
    /// A field of the wrong type (`{name}`, `{expected}`, `{actual}`).
    parameter => Parameter,
    /// The export target was not found (PL §3 step 1).
    canvas_empty => CanvasEmpty,
    /// Negative, empty or over-budget export sizes (PL §3 step 5).
    create_bitmap => CreateBitmap,
    /// Encoding or writing an export failed (`{detail}`).
    export_failed => ExportFailed,
    /// `filePath` is empty (Alipay `2`).
    file_path_empty => FilePathEmpty,
    /// A path that does not resolve in the store, including every escape
    /// attempt (PL §5).
    file_not_found => FileNotFound,
    /// A network URL given to a local-only save (PL §6).
    network_path => NetworkPath,
    /// The bytes are not a JPEG, PNG, GIF, WebP or BMP image.
    not_image => NotImage,
    /// `my.saveImage` without a `url`.
    url_empty => UrlEmpty,
    /// `my.saveImage` with a `data:` URL.
    base64_unsupported => Base64Unsupported,
    /// `my.saveImage` with something that is not a URL.
    url_invalid => UrlInvalid,
    /// A download failed, timed out or was too large (`{detail}`).
    download_failed => DownloadFailed,
    /// The user cancelled an action sheet.
    user_cancel => UserCancel,
    /// The user denied the prompt just now.
    auth_deny => AuthDeny,
    /// The user denied with "don't ask again" just now (Alipay `2003`).
    auth_deny_forever => AuthDenyForever,
    /// Denied earlier and remembered: no prompt (Alipay `2002`).
    auth_deny_remembered => AuthDenyRemembered,
    /// The prompt was dismissed without an answer.
    auth_no_response => AuthNoResponse,
    /// `authorize` with a scope the platform does not know.
    invalid_scope => InvalidScope,
    /// `openSetting` outside a user tap.
    not_in_tap => NotInTap,
    /// The album (disk quota or device) is full.
    no_space => NoSpace,
    /// Writing a file failed for another reason (`{detail}`).
    write_failed => WriteFailed,
    /// `saveFile` of a file over the per-file limit (Alipay `19`).
    file_too_large => FileTooLarge,
    /// `saveFile` would exceed the persistent quota.
    storage_quota => StorageQuota,
    /// `canvasGetImageData` / `canvasPutImageData` with an empty or
    /// over-budget rectangle (`{detail}`).
    invalid_rect => InvalidRect,
    /// A `FileSystemManager` method's path does not resolve, including
    /// every escape attempt (`{path}`, `{api}`).
    no_such_file => NoSuchFile,
    /// A `FileSystemManager` write or delete outside what the app may
    /// change: temp, package and foreign paths (`{path}`, `{api}`).
    permission_denied => PermissionDenied,
    /// `readFile` / `writeFile` with an encoding the platform does not
    /// know (`{detail}`: the name given).
    unknown_encoding => UnknownEncoding,
    /// `writeFile` text that does not decode in its encoding (bad base64
    /// or hex).
    invalid_data => InvalidData,
    /// `readFile` `position` / `length` outside the file (`{name}`).
    out_of_range => OutOfRange,
    /// `downloadFile` (or a network `getImageInfo`) got no body: HTTP
    /// error, timeout, size cap, connection (`{detail}`).
    download_file_failed => DownloadFileFailed,
    /// `loadFontFace` could not fetch, decode or register the font
    /// (`{detail}`).
    font_load_failed => FontLoadFailed,
    /// `mkdir` of a path that exists (`{path}`).
    file_exists => FileExists,
    /// `rmdir` without `recursive` of a folder that is not empty
    /// (`{path}`).
    directory_not_empty => DirectoryNotEmpty,
    /// A folder method given a file (`{path}`).
    not_a_directory => NotADirectory,
    /// `unzip` of a file that is not a zip archive, or whose entries
    /// would leave the target folder (`{path}`, `{detail}`).
    bad_archive => BadArchive,
    /// An album save refused by the phone's own privacy setting for the
    /// app (`--os-album deny`; Alipay `15`, iOS).
    os_album_denied => OsAlbumDenied,
    /// `DownloadTask.abort()` before the download's result was delivered.
    download_aborted => DownloadAborted,
    /// A descriptor method given an `fd` that is not open, or one opened
    /// without the access it needs (`read` on a write-only `fd`).
    bad_file_descriptor => BadFileDescriptor,
    /// A path method given a folder where it needs a file (`{path}`).
    is_a_directory => IsADirectory,
}
