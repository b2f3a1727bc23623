//! Errors of the Intl constructors, shaped after the JS exception a phone throws.

use std::fmt;

/// What went wrong, named after the JS error a phone's engine throws for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntlError {
    /// An option out of range or a malformed tag (`RangeError`).
    Range(String),
    /// A missing required option (`TypeError`).
    Type(String),
}

impl fmt::Display for IntlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntlError::Range(m) | IntlError::Type(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for IntlError {}

/// V8's range error for option `name` of constructor `ctor` (`ListFormat`)
/// given `value`.
pub(crate) fn out_of_range(ctor: &str, name: &str, value: &str) -> IntlError {
    IntlError::Range(format!(
        "Value {value} out of range for Intl.{ctor} options property {name}"
    ))
}

/// ICU4X data errors only happen for locales without data: a range error
/// names the locale as V8 names an unsupported option.
pub(crate) fn data_error(what: &str, err: impl fmt::Display) -> IntlError {
    IntlError::Range(format!("{what}: {err}"))
}
