//! Result and error objects shaped per profile: `{errMsg: "<api>:ok", …}`
//! or Alipay's bare fields; `{errMsg: "<api>:fail …"[, errno]}` or
//! `{error, errorMessage}`.

use serde_json::{Map, Value};

use crate::profile::{ErrorShape, FailKind, Profile};

/// A result or error object as the JS callbacks receive it.
pub type Reply = Map<String, Value>;

/// A failed API call: the kind (for hosts and tests) and the object
/// `fail` / `complete` receive.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// Why, independent of wording.
    pub kind: FailKind,
    /// The platform-shaped error object.
    pub reply: Reply,
    /// The message an exception carries for sync APIs: the `errMsg`
    /// (`"<api>:fail …"`) or the `errorMessage`.
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// What an API returns: the success object or the failure.
pub type ApiResult<T = Reply> = Result<T, Failure>;

/// A failure before it is worded: the kind and its placeholders.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reason {
    pub(crate) kind: FailKind,
    params: Vec<(&'static str, String)>,
}

impl Reason {
    /// A failure with no placeholders.
    pub(crate) fn new(kind: FailKind) -> Self {
        Reason {
            kind,
            params: Vec::new(),
        }
    }

    /// A failure whose message has a `{detail}`.
    pub(crate) fn detail(kind: FailKind, detail: impl Into<String>) -> Self {
        Reason {
            kind,
            params: vec![("detail", detail.into())],
        }
    }

    /// "parameter.`name` should be `expected` instead of `actual`".
    pub(crate) fn parameter(name: &str, expected: &str, actual: &str) -> Self {
        Reason {
            kind: FailKind::Parameter,
            params: vec![
                ("name", name.to_owned()),
                ("expected", expected.to_owned()),
                ("actual", actual.to_owned()),
            ],
        }
    }

    /// Words the failure for `api` on `profile`.
    pub(crate) fn shape(&self, profile: &Profile, api: &str) -> Failure {
        let entry = profile.errors.entry(self.kind);
        let mut text = entry.message.clone();
        for (name, value) in &self.params {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        let text = text.replace("{detail}", "");
        let mut reply = Map::new();
        let message = match profile.replies.error_shape {
            ErrorShape::ErrMsg => {
                let err_msg = format!("{api}:fail {text}");
                reply.insert("errMsg".into(), Value::String(err_msg.clone()));
                if let Some(errno) = entry.errno {
                    reply.insert("errno".into(), errno.into());
                }
                err_msg
            }
            ErrorShape::Code => {
                // The loader guarantees a code for this shape.
                reply.insert("error".into(), entry.code.unwrap_or(1).into());
                reply.insert("errorMessage".into(), Value::String(text.clone()));
                text
            }
        };
        Failure {
            kind: self.kind,
            reply,
            message,
        }
    }
}

/// A success object for `api` with `fields`, plus `errMsg: "<api>:ok"`
/// where the profile has it.
pub(crate) fn ok(profile: &Profile, api: &str, fields: Reply) -> Reply {
    let mut reply = fields;
    if profile.replies.ok_message {
        reply.insert("errMsg".into(), Value::String(format!("{api}:ok")));
    }
    reply
}

/// A one-field object.
pub(crate) fn field(name: &str, value: impl Into<Value>) -> Reply {
    let mut m = Map::new();
    m.insert(name.to_owned(), value.into());
    m
}
