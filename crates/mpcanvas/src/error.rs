//! The facade's one error type.

use std::fmt;
use std::path::PathBuf;

/// Why a job or an engine call failed.
#[derive(Debug)]
pub enum Error {
    /// The script threw, ran out of time or memory, or could not be read.
    Script(mpcanvas_runtime::ScriptError),
    /// A project could not be started (not a page, app, game or script;
    /// an unusable data folder).
    Run(mpcanvas_runtime::run::RunError),
    /// No profile has this name.
    Profile(mpcanvas_platform::profile::ProfileError),
    /// The image could not be encoded.
    Encode(mpcanvas_export::ExportError),
    /// An output path names no format mpcanvas writes.
    UnknownFormat(PathBuf),
    /// A bug in mpcanvas ended the job: a panic, caught at the job's
    /// boundary (its message). The job's state was dropped, not reused.
    Internal(String),
    /// A file could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Script(e) => write!(f, "{e}"),
            Error::Run(e) => write!(f, "{e}"),
            Error::Profile(e) => write!(f, "{e}"),
            Error::Encode(e) => write!(f, "cannot encode the canvas: {e}"),
            Error::UnknownFormat(p) => write!(
                f,
                "{}: unknown image format (use .png, .jpg or .jpeg)",
                p.display()
            ),
            Error::Internal(m) => write!(
                f,
                "internal error: {m} (a bug in mpcanvas, not in the script)"
            ),
            Error::Write { path, source } => write!(f, "cannot write {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Write { source, .. } => Some(source),
            Error::Encode(e) => Some(e),
            _ => None,
        }
    }
}

impl From<mpcanvas_runtime::ScriptError> for Error {
    fn from(e: mpcanvas_runtime::ScriptError) -> Self {
        Error::Script(e)
    }
}

impl From<mpcanvas_runtime::run::RunError> for Error {
    fn from(e: mpcanvas_runtime::run::RunError) -> Self {
        Error::Run(e)
    }
}

impl From<mpcanvas_platform::profile::ProfileError> for Error {
    fn from(e: mpcanvas_platform::profile::ProfileError) -> Self {
        Error::Profile(e)
    }
}

impl From<mpcanvas_export::ExportError> for Error {
    fn from(e: mpcanvas_export::ExportError) -> Self {
        Error::Encode(e)
    }
}
