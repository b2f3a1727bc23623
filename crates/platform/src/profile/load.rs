//! Loading and validating the embedded profiles. The only place that knows
//! the platforms by name: the table of embedded files.

use std::fmt;

use super::{ErrorShape, Profile};

/// The embedded profile files, by name (`profiles/<name>.toml`).
const EMBEDDED: &[(&str, &str)] = &[
    ("wechat", include_str!("../../../../profiles/wechat.toml")),
    (
        "wechat-game",
        include_str!("../../../../profiles/wechat-game.toml"),
    ),
    ("alipay", include_str!("../../../../profiles/alipay.toml")),
    ("feishu", include_str!("../../../../profiles/feishu.toml")),
    ("douyin", include_str!("../../../../profiles/douyin.toml")),
];

/// The names of the embedded profiles.
pub const PROFILE_NAMES: &[&str] = &["wechat", "wechat-game", "alipay", "feishu", "douyin"];

/// Why a profile could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// No embedded profile has this name.
    Unknown(String),
    /// The TOML does not parse into a [`Profile`].
    Parse {
        /// Profile name.
        name: String,
        /// The parser's message.
        message: String,
    },
    /// The profile parses but breaks a rule the code relies on.
    Invalid {
        /// Profile name.
        name: String,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unknown(n) => write!(
                f,
                "unknown platform profile '{n}' (known: {})",
                PROFILE_NAMES.join(", ")
            ),
            Self::Parse { name, message } => write!(f, "profile '{name}': {message}"),
            Self::Invalid { name, message } => write!(f, "profile '{name}' is invalid: {message}"),
        }
    }
}

impl std::error::Error for ProfileError {}

impl Profile {
    /// The embedded profile `name`, parsed and validated.
    pub fn named(name: &str) -> Result<Profile, ProfileError> {
        let (_, text) = EMBEDDED
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| ProfileError::Unknown(name.to_owned()))?;
        Profile::parse(name, text)
    }

    /// Every embedded profile, in [`PROFILE_NAMES`] order.
    pub fn all() -> Result<Vec<Profile>, ProfileError> {
        PROFILE_NAMES.iter().map(|n| Profile::named(n)).collect()
    }

    /// Parses and validates a profile from TOML text (a host may bring its
    /// own platform file).
    pub fn parse(name: &str, text: &str) -> Result<Profile, ProfileError> {
        let profile: Profile = toml::from_str(text).map_err(|e| ProfileError::Parse {
            name: name.to_owned(),
            message: e.to_string(),
        })?;
        profile
            .validate()
            .map_err(|message| ProfileError::Invalid {
                name: name.to_owned(),
                message,
            })?;
        Ok(profile)
    }

    /// The rules the code relies on beyond what the types enforce.
    fn validate(&self) -> Result<(), String> {
        for (field, template) in [
            ("files.temp_template", &self.files.temp_template),
            ("files.saved_template", &self.files.saved_template),
        ] {
            if template.matches("{hex32}").count() != 1 {
                return Err(format!("{field} must contain {{hex32}} exactly once"));
            }
            if !template.contains("://") {
                return Err(format!("{field} must be a scheme://… path"));
            }
        }
        if !self.files.user_root.contains("://") || self.files.user_root.ends_with('/') {
            return Err("files.user_root must be scheme://root without a trailing /".into());
        }
        if self.replies.error_shape == ErrorShape::Code
            && let Some((kind, _)) = self
                .errors
                .entries()
                .into_iter()
                .find(|(_, e)| e.code.is_none())
        {
            return Err(format!("errors.{kind} needs a code (error shape is code)"));
        }
        if !self.auth.scopes.contains(&self.album.scope) {
            return Err("album.scope must be one of auth.scopes".into());
        }
        if let Some(e) = self
            .fs
            .encodings
            .iter()
            .find(|e| crate::encoding::Encoding::parse(e).is_none())
        {
            return Err(format!("fs.encodings: unknown encoding '{e}'"));
        }
        if let Some(a) = self
            .fs
            .digest_algorithms
            .iter()
            .find(|a| !["md5", "sha1"].contains(&a.as_str()))
        {
            return Err(format!(
                "fs.digest_algorithms: unknown algorithm '{a}' (md5, sha1)"
            ));
        }
        if let Some(m) = self.fs.sync_methods.iter().find(|m| {
            m.strip_suffix("Sync")
                .is_none_or(|base| !self.fs.methods.iter().any(|b| b == base))
        }) {
            return Err(format!(
                "fs.sync_methods: '{m}' is not <method>Sync of a method in fs.methods"
            ));
        }
        if let Some(m) = self
            .fs
            .options_sync_methods
            .iter()
            .find(|m| !self.fs.sync_methods.contains(m))
        {
            return Err(format!(
                "fs.options_sync_methods: '{m}' is not in fs.sync_methods"
            ));
        }
        if let Some(m) = self.download.task_methods.iter().find(|m| {
            ![
                "abort",
                "onProgressUpdate",
                "offProgressUpdate",
                "onHeadersReceived",
                "offHeadersReceived",
            ]
            .contains(&m.as_str())
        }) {
            return Err(format!("download.task_methods: unknown method '{m}'"));
        }
        const KNOWN_FS: &[&str] = &[
            "readFile",
            "writeFile",
            "access",
            "unlink",
            "getFileInfo",
            "saveFile",
            "copyFile",
            "mkdir",
            "rmdir",
            "readdir",
            "stat",
            "rename",
            "unzip",
            "getSavedFileList",
            "removeSavedFile",
            "appendFile",
            "truncate",
            "readZipEntry",
            "open",
            "close",
            "read",
            "write",
            "fstat",
            "ftruncate",
        ];
        if let Some(m) = self
            .fs
            .methods
            .iter()
            .find(|m| !KNOWN_FS.contains(&m.as_str()))
        {
            return Err(format!("fs.methods: unknown method '{m}'"));
        }
        const IMAGE_FIELDS: &[&str] = &["width", "height", "path", "orientation", "type"];
        if let Some(f) = self
            .image_info
            .fields
            .iter()
            .find(|f| !IMAGE_FIELDS.contains(&f.as_str()))
        {
            return Err(format!("image_info.fields: unknown field '{f}'"));
        }
        if !["wx", "my", "tt"].contains(&self.namespace.as_str()) {
            return Err(format!("unknown namespace '{}'", self.namespace));
        }
        Ok(())
    }
}
