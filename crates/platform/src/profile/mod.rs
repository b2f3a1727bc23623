//! A platform profile: every way the mini-program platforms differ, as data.
//!
//! One TOML file per platform under `profiles/` (repo root), embedded at
//! build time and parsed by [`Profile::named`] / [`Profile::all`]. Code asks
//! these fields; nothing outside `load.rs` looks at a platform's name.
//! Each field's doc says which platforms differ and cites the section of
//! `spec/platform-research.md` (RS §n) or `spec/PLATFORM.md` (PL §n) it
//! comes from.

mod device;
mod errors;
mod globals;
mod load;
mod npm;

pub use device::{DeviceRules, SizeLimit, UndocumentedOption};
pub use errors::{ErrorCatalogue, ErrorEntry, FailKind};
pub use globals::{AppConfigGlobal, EnvVersion, GlobalRules};
pub use load::{PROFILE_NAMES, ProfileError};
pub use npm::{ComponentBase, NpmRules};

use serde::Deserialize;

/// One platform's behaviour.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Profile id (`wechat`, `wechat-game`, `alipay`, `feishu`, `douyin`):
    /// the file name without `.toml`.
    pub name: String,
    /// The JS global the APIs hang on: `wx`, `my` or `tt` (PL §1).
    pub namespace: String,
    /// What a project for this platform is written in: namespace and
    /// markup (`wx-wxml`, `wx-game`, `my-axml`, `tt-ttml`). Profiles with
    /// the same sources run each other's projects: Douyin and Feishu
    /// share the `tt` namespace and `.ttml` markup (RS §1.3).
    pub sources: String,
    /// Why projects written in other sources do not run here, by those
    /// sources (`wx-wxml` → "converted by the platform's migration tool
    /// first …"), with the evidence: a comparison gives it as the skip
    /// reason. No platform documents running another's code as written.
    #[serde(default)]
    pub foreign_sources: std::collections::BTreeMap<String, String>,
    /// One line for humans (reports, `--help`).
    pub description: String,
    /// The namespace functions this platform has, e.g.
    /// `canvasToTempFilePath`, `saveImage`, `createCanvas`. A call to one
    /// not listed fails with `not_supported` (mini-games have no
    /// `createCanvasContext`; only Alipay has `saveImage`; RS §1, §2).
    pub apis: Vec<String>,
    /// How results and errors are shaped.
    pub replies: Replies,
    /// The message and code of every failure kind.
    pub errors: ErrorCatalogue,
    /// `canvasToTempFilePath` and friends.
    pub export: ExportRules,
    /// Canvas sizes and legacy context quirks.
    pub canvas: CanvasRules,
    /// Temp, saved and user file paths and quotas.
    pub files: FileRules,
    /// `downloadFile`.
    pub download: DownloadRules,
    /// `getFileSystemManager()` and its methods.
    pub fs: FsRules,
    /// `getImageInfo`.
    pub image_info: ImageInfoRules,
    /// Album saves.
    pub album: AlbumRules,
    /// Authorization scopes and how denials behave.
    pub auth: AuthRules,
    /// Globals besides the namespace (`global`, `requirePlugin`).
    #[serde(default)]
    pub globals: GlobalRules,
    /// Where npm packages are found and how components inside them are
    /// named (WeChat's layout when absent).
    #[serde(default)]
    pub npm: NpmRules,
    /// What `getSystemInfoSync()` reports besides the phone's sizes.
    pub system: crate::system::SystemRules,
    /// What a real device refuses that a run lets through (device checks).
    #[serde(default)]
    pub device: DeviceRules,
}

impl Profile {
    /// Whether the namespace has the function `api`.
    pub fn has_api(&self, api: &str) -> bool {
        self.apis.iter().any(|a| a == api)
    }
}

/// Shape of the objects `success`, `fail` and `complete` receive.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replies {
    /// `err_msg`: `{errMsg: "<api>:fail <message>"[, errno]}` (WeChat,
    /// Feishu, Douyin); `code`: `{error: <number>, errorMessage}` (Alipay).
    /// RS §3 "General conventions".
    pub error_shape: ErrorShape,
    /// Whether success objects carry `errMsg: "<api>:ok"`. True for the
    /// `errMsg` platforms; Alipay's success objects have no message
    /// (RS §1.4, §1.6).
    pub ok_message: bool,
}

/// See [`Replies::error_shape`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorShape {
    /// `{errMsg, errno?}`.
    ErrMsg,
    /// `{error, errorMessage}`.
    Code,
}

/// The export rules of PL §3.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportRules {
    /// Result field of the namespace function and of Alipay's legacy
    /// `ctx.toTempFilePath`: `apFilePath` on Alipay, `tempFilePath`
    /// elsewhere (RS §1.4 a/c, AlipayDocs/open-docs#1358).
    pub result_field: String,
    /// Result field of a canvas node's own `toTempFilePath` (mini-game
    /// `Canvas`, Alipay 2D `Canvas`): `tempFilePath` everywhere, including
    /// Alipay (RS §1.4 d).
    pub node_result_field: String,
    /// Default `width`/`height`: `rest` = canvas size − x / − y (WeChat,
    /// Alipay, Douyin mini-program); `full` = canvas size (Feishu,
    /// mini-games). RS §1.1–§1.4, §2 "width default".
    pub size_default: SizeDefault,
    /// Default `destWidth`/`destHeight`: `dpr` = round(width × dpr)
    /// (WeChat mini-program), `width` = width (Feishu, Douyin, Alipay),
    /// `canvas` = the canvas size (mini-games). RS §7 Q1.
    pub dest_default: DestDefault,
    /// Units of `x/y/width/height` for a canvas node: `css` = CSS px of the
    /// node's layout size (mini-program 2D canvas, PL §2 decision); `bitmap`
    /// = bitmap px (mini-game canvases, RS §1.2).
    pub node_units: NodeUnits,
    /// Whether the namespace function returns a Promise when given no
    /// callbacks (WeChat ≥ 2.10.2, Feishu, Douyin, Alipay). RS §3 "Promise".
    pub promises: bool,
    /// Whether a node's `toTempFilePath` may return a Promise: false on
    /// mini-games ("Promise style: not supported", RS §1.2).
    pub node_promises: bool,
    /// JPEG has no alpha: transparent pixels are composited onto this sRGB
    /// colour. White on every profile (PL §3 step 8 decision; uni-app
    /// prefills white, browsers and Android give black: RS §6 P9).
    pub jpeg_background: [u8; 3],
    /// Export methods a canvas node object has: mini-game `Canvas` has
    /// `toTempFilePath` and `toTempFilePathSync`, Alipay's 2D `Canvas` has
    /// `toTempFilePath`; WeChat, Feishu and Douyin 2D nodes export through
    /// the namespace function only (PL §1 table).
    pub node_methods: Vec<String>,
    /// Export methods a legacy `CanvasContext` has: Alipay's
    /// `toTempFilePath` and `toDataURL` (PL §1 table, §4); none elsewhere.
    pub context_methods: Vec<String>,
}

/// See [`ExportRules::size_default`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeDefault {
    /// Canvas size minus the offset.
    Rest,
    /// The whole canvas size.
    Full,
}

/// See [`ExportRules::dest_default`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DestDefault {
    /// `round(width × dpr)`.
    Dpr,
    /// `width`.
    Width,
    /// The canvas width (in the export's units).
    Canvas,
}

/// See [`ExportRules::node_units`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeUnits {
    /// CSS px of the node's layout box, scaled to bitmap px.
    Css,
    /// Bitmap px.
    Bitmap,
}

/// Canvas sizes and legacy drawing context quirks (PL §2, §8).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CanvasRules {
    /// Default CSS size of a legacy `<canvas canvas-id>` with no style:
    /// 300×150 (WeChat, Feishu) or 300×225 (Alipay, Douyin). RS §7 Q13.
    pub legacy_default_size: [u32; 2],
    /// Default bitmap size of a 2D canvas node or an offscreen mini-game
    /// canvas: 300×150 everywhere (HTML).
    pub node_default_size: [u32; 2],
    /// Mini-games: the first `createCanvas()` is the on-screen canvas
    /// (screen CSS size × dpr); later calls are offscreen (PL §2).
    pub first_canvas_is_screen: bool,
    /// Legacy `drawImage(path)` fetches `http(s)` URLs itself: Alipay (CDN
    /// URL with CORS); WeChat needs a downloaded file and reports the miss
    /// (RS §1.8 "Other differences").
    pub draw_image_network: bool,
    /// Legacy `drawImage` accepts `data:` URLs (Alipay "base64", RS §1.8).
    pub draw_image_data_url: bool,
}

/// Temp, saved and user files (PL §1, §5; RS §4).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRules {
    /// Temp path template: `{hex32}` is 32 random lowercase hex digits,
    /// `{ext}` the file's extension (`png`, `jpg`). `wxfile://tmp_{hex32}.{ext}`
    /// (WeChat), `ttfile://temp/{hex32}.{ext}` (Feishu, Douyin),
    /// `https://resource/apml{hex32}.image` (Alipay). RS §4.
    pub temp_template: String,
    /// Path template of a file kept by `saveFile`; same placeholders.
    /// `wxfile://store_{hex32}.{ext}` (WeChat), `ttfile://user/{hex32}.{ext}`
    /// (Feishu, Douyin; saved files live in the user area), Alipay keeps
    /// the `https://resource/apml…` shape. RS §4.
    pub saved_template: String,
    /// Root of user data files (`wx.env.USER_DATA_PATH`): `wxfile://usr`,
    /// `ttfile://user`, `https://usr`. PL §1.
    pub user_root: String,
    /// Total bytes of saved + user files per app: 200 MB everywhere
    /// current docs speak (RS §4, §7 Q15).
    pub persistent_quota_bytes: u64,
    /// Largest file `saveFile` accepts: Alipay 10 MB (error 19); 0 means
    /// no per-file limit (the others). RS §4.
    pub save_file_max_bytes: u64,
    /// Temp store budget; least recently used files of earlier launches
    /// are evicted first. 2 GB everywhere (PL §5 decision, WeChat's
    /// documented cleanup threshold, RS §4).
    pub temp_budget_bytes: u64,
    /// The option naming the file to `saveFile`: `tempFilePath` (WeChat,
    /// Feishu, Douyin), `apFilePath` (Alipay `my.saveFile`). RS §4.
    pub save_file_field: String,
    /// The result field of `saveFile`: `savedFilePath`, or `apFilePath`
    /// on Alipay. RS §4.
    pub save_file_result_field: String,
    /// Largest single file `FileSystemManager.writeFile`, its `saveFile`
    /// and `downloadFile({filePath})` write: 100 MB on WeChat (errno
    /// 1300202 "上限100M" in the FileSystemManager error table), 10 MB on
    /// Alipay (error 10028, AP-doc `FileSystemManager.writeFile`); 0 means
    /// only the persistent quota limits it (Feishu, Douyin: no source).
    pub write_file_max_bytes: u64,
}

/// `downloadFile` (RS §4 and the vendors' `downloadFile` pages).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DownloadRules {
    /// The methods of the `DownloadTask` `downloadFile` returns (`abort`,
    /// `onProgressUpdate`, `offProgressUpdate`); empty: it returns
    /// `undefined` (Alipay documents no task).
    #[serde(default)]
    pub task_methods: Vec<String>,
    /// Success fields naming the temp file: `tempFilePath` (WeChat,
    /// Feishu, Douyin); Alipay returns `apFilePath` and, since base
    /// library 2.7.23, the same path again as `tempFilePath` (AP-doc
    /// `my.downloadFile`).
    pub result_fields: Vec<String>,
    /// Whether the success object carries `statusCode`: documented by
    /// WeChat, Feishu and Douyin, not by Alipay.
    pub status_code: bool,
    /// Whether an HTTP error status (4xx, 5xx) still succeeds, with the
    /// error body as the file and its `statusCode`: WeChat, Feishu and
    /// Douyin document `statusCode` on success and their samples check
    /// `res.statusCode === 200`; Alipay, which has no `statusCode`, fails
    /// (error 12).
    pub error_status_succeeds: bool,
    /// Whether `filePath` (download into a user file) is honoured:
    /// WeChat ≥ 1.8.0, Feishu ≥ 3.43.0, Douyin ≥ 2.42.0; Alipay has no
    /// such option and ignores it. With it the success object names the
    /// file as `filePath` instead of the temp path fields.
    pub file_path_option: bool,
    /// `data:` URLs are "downloaded" too (Alipay: "仅可下载 HTTPS 资源或
    /// Data URL", RS §1.6).
    pub data_url: bool,
}

/// `getFileSystemManager()` (WX-doc `FileSystemManager`, AP-doc
/// `FileSystemManager/*`, DY-doc `tt.getFileSystemManager`). Option and
/// result names (`filePath`, `data`, `encoding`, `path`, `tempFilePath`,
/// `savedFilePath`, `size`, `digest`) are the same on every platform.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FsRules {
    /// Methods taking an options object with callbacks: `readFile`,
    /// `writeFile`, `access`, `unlink`, `getFileInfo`, `saveFile`.
    pub methods: Vec<String>,
    /// Synchronous variants taking positional arguments
    /// (`readFileSync(filePath, encoding, position, length)`): WeChat has
    /// no `getFileInfoSync`.
    pub sync_methods: Vec<String>,
    /// What a synchronous method returns: `value` (the data, the saved
    /// path, nothing: WeChat family) or `object` (the success object:
    /// AP-doc `readFileSync` lists `data` as a property of its return
    /// value).
    pub sync_result: SyncResult,
    /// Whether the asynchronous methods return a Promise when given no
    /// callbacks. **decision**: false everywhere — the vendors promisify
    /// namespace functions, not the manager's methods (RS §3 "Promise").
    pub promises: bool,
    /// `encoding` values `readFile` / `writeFile` accept (case-insensitive):
    /// `ascii`, `base64`, `binary`, `hex`, `ucs2`/`ucs-2`/`utf16le`/
    /// `utf-16le`, `utf-8`/`utf8`, `latin1` on WeChat and Alipay (the
    /// docs' tables); the others follow WeChat (**decision**).
    pub encodings: Vec<String>,
    /// Whether `readFile` honours `position` / `length` (WeChat ≥ 2.10.0);
    /// elsewhere they are ignored (**decision**: not documented).
    pub read_range: bool,
    /// `getFileInfo` `digestAlgorithm` values, the first being the
    /// default (`md5`, `sha1`); empty means no `digest` in the result.
    pub digest_algorithms: Vec<String>,
    /// `…Sync` methods that take one options object instead of positional
    /// arguments: WX-doc documents `openSync(Object)`, `readSync(Object)`,
    /// `truncateSync(Object)`, … where DY-doc has
    /// `truncateSync(filePath, length)`.
    #[serde(default)]
    pub options_sync_methods: Vec<String>,
    /// Whether `appendFile` creates a missing file (DY-doc: "文件不存在时会
    /// 新建") or fails "no such file" (WX-doc `appendFile` fail table).
    #[serde(default)]
    pub append_creates: bool,
    /// Whether `readdir` / `stat` reach the package's folders (read-only):
    /// WX-doc's file-system guide reads code-package files by their path
    /// from the project root; DY-doc (mini-game `getFileSystemManager`)
    /// says only `access` and `readFile` reach the package folder.
    #[serde(default)]
    pub package_folders: bool,
}

/// See [`FsRules::sync_result`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncResult {
    /// The bare value.
    Value,
    /// The success object.
    Object,
}

/// `getImageInfo` (WX-doc, AP-doc, DY-doc `getImageInfo`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageInfoRules {
    /// Success fields, from `width`, `height` (pixels of the stored image,
    /// rotation not applied), `path`, `orientation` (EXIF names `up`,
    /// `right`, …) and `type` (`jpeg`, `png`, `gif`, `webp`, `bmp`).
    /// Douyin documents all five; so do WeChat and Alipay.
    pub fields: Vec<String>,
    /// Whether an `http(s)` `src` is downloaded (into a temp file, whose
    /// path the result names): documented for WeChat, Alipay and Douyin.
    pub network: bool,
}

/// Album saves (PL §6).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlbumRules {
    /// `saveImageToPhotosAlbum` downloads `http(s)` URLs itself: Alipay
    /// only. WeChat, Feishu, Douyin accept local paths only (RS §1.5,
    /// §1.6, §1.7).
    pub accepts_network_url: bool,
    /// The scope a save needs: `scope.writePhotosAlbum` (WeChat family),
    /// `writePhotosAlbum` (Alipay). RS §5.
    pub scope: String,
    /// Further scopes any one of which also lets `my.saveImage` save:
    /// `album` on Alipay (PL §7 decision on RS §7 Q12); empty elsewhere.
    pub save_image_alt_scopes: Vec<String>,
    /// The `chooseImage` success field listing the picked paths:
    /// `tempFilePaths`, or `apFilePaths` on Alipay.
    pub choose_paths_field: String,
    /// The `chooseImage` success field listing `{path, size}` per pick,
    /// where the platform documents one (`tempFiles`).
    #[serde(default)]
    pub choose_files_field: Option<String>,
}

/// Authorization (PL §7, RS §5).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthRules {
    /// Scopes `authorize` accepts; others fail with `invalid_scope`.
    pub scopes: Vec<String>,
    /// A plain "deny" is remembered and later calls fail at once with no
    /// prompt (WeChat family); on Alipay a plain deny, or a switch turned
    /// off in settings, prompts again next time. RS §5.
    pub denial_remembered: bool,
    /// The prompt has a "don't ask again" choice (Alipay: `2003` now,
    /// `2002` later). Without it a deny-forever answer is a plain deny.
    pub deny_forever: bool,
}
