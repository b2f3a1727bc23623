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
        Reason::new(kind).with("detail", detail)
    }

    /// "parameter.`name` should be `expected` instead of `actual`".
    pub(crate) fn parameter(name: &str, expected: &str, actual: &str) -> Self {
        Reason::new(FailKind::Parameter)
            .with("name", name)
            .with("expected", expected)
            .with("actual", actual)
    }

    /// A failure whose message names the `{path}` concerned.
    pub(crate) fn path(kind: FailKind, path: impl Into<String>) -> Self {
        Reason::new(kind).with("path", path)
    }

    /// Adds placeholder `key` (`name`, `detail`, `path`).
    pub(crate) fn with(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.params.push((key, value.into()));
        self
    }

    /// Words the failure for `api` on `profile`.
    pub(crate) fn shape(&self, profile: &Profile, api: &str) -> Failure {
        let entry = profile.errors.entry(self.kind);
        let text = fill(&entry.message, api, &self.params);
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

/// Fills `{placeholder}`s in one pass, so a value (a script's path) that
/// itself contains braces is never expanded again. `{api}` is the API's
/// name; a known placeholder without a value becomes empty; any other
/// braces stay as written.
fn fill(template: &str, api: &str, params: &[(&'static str, String)]) -> String {
    const KNOWN: &[&str] = &["name", "expected", "actual", "detail", "path"];
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let key = after.find('}').map(|close| &after[..close]);
        match key {
            Some("api") => out.push_str(api),
            Some(k) if KNOWN.contains(&k) => {
                if let Some((_, v)) = params.iter().find(|(name, _)| *name == k) {
                    out.push_str(v);
                }
            }
            _ => {
                out.push('{');
                rest = after;
                continue;
            }
        }
        rest = &after[key.map_or(0, str::len) + 1..];
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn placeholders_fill_once_and_unknown_braces_stay() {
        let params = [("path", "wxfile://usr/{detail}".to_owned())];
        assert_eq!(
            fill(
                "no such file or directory, {api} {path}",
                "readFile",
                &params
            ),
            "no such file or directory, readFile wxfile://usr/{detail}"
        );
        assert_eq!(fill("a{detail}b", "x", &[]), "ab");
        assert_eq!(fill("{odd} {", "x", &[]), "{odd} {");
    }
}
