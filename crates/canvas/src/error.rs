//! Errors raised by the Canvas 2D API, named after the exceptions the HTML
//! specification throws so a binding can map each one to the right JS class.

use std::fmt;

/// Which exception the specification raises. Bindings map `Type` and `Range`
/// to the JS error classes of the same name and every other kind to a
/// `DOMException` whose `name` is [`ErrorKind::dom_name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An index or size is negative or out of range (`IndexSizeError`).
    IndexSize,
    /// A string could not be parsed, e.g. a bad colour stop (`SyntaxError`).
    Syntax,
    /// The object is not in a state that allows the call (`InvalidStateError`).
    InvalidState,
    /// The operation is not supported (`NotSupportedError`).
    NotSupported,
    /// Reading pixels of a tainted canvas (`SecurityError`).
    Security,
    /// A value of the wrong type or an out-of-domain enum (`TypeError`).
    Type,
    /// A numeric argument out of its allowed range (`RangeError`).
    Range,
    /// A size or memory budget of this engine was exceeded. Not an HTML
    /// exception: bindings report it as a `RangeError`-like failure.
    Budget,
    /// Encoded image bytes could not be decoded (`EncodingError`).
    Encoding,
}

impl ErrorKind {
    /// The DOMException name (or JS error class name) for this kind.
    pub fn dom_name(self) -> &'static str {
        match self {
            ErrorKind::IndexSize => "IndexSizeError",
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::InvalidState => "InvalidStateError",
            ErrorKind::NotSupported => "NotSupportedError",
            ErrorKind::Security => "SecurityError",
            ErrorKind::Type => "TypeError",
            ErrorKind::Range | ErrorKind::Budget => "RangeError",
            ErrorKind::Encoding => "EncodingError",
        }
    }
}

/// An error from a Canvas 2D call: the exception kind and a message that
/// says which argument was wrong and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Which exception the specification raises.
    pub kind: ErrorKind,
    /// A human-readable explanation.
    pub message: String,
}

impl Error {
    /// Creates an error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// `IndexSizeError` with `message`.
    pub fn index_size(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::IndexSize, message)
    }

    /// `SyntaxError` with `message`.
    pub fn syntax(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Syntax, message)
    }

    /// `InvalidStateError` with `message`.
    pub fn invalid_state(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidState, message)
    }

    /// `TypeError` with `message`.
    pub fn type_error(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Type, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.dom_name(), self.message)
    }
}

impl std::error::Error for Error {}

/// Result of a Canvas 2D call.
pub type Result<T> = std::result::Result<T, Error>;
