//! Turning opaque platform paths into real files without ever leaving the
//! store (PL §5): templates are matched exactly, user sub-paths are checked
//! segment by segment, and nothing else resolves.

use std::path::{Path, PathBuf};

/// A path template split around `{hex32}`: `wxfile://tmp_` + hex +
/// `.{ext}`.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    prefix: String,
    suffix: String,
}

impl Template {
    /// Splits `template` (validated by the profile loader to hold one
    /// `{hex32}`).
    pub(crate) fn new(template: &str) -> Template {
        let (prefix, suffix) = template.split_once("{hex32}").unwrap_or((template, ""));
        Template {
            prefix: prefix.to_owned(),
            suffix: suffix.to_owned(),
        }
    }

    /// The part before `{hex32}`.
    pub(crate) fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The path for `hex` and extension `ext`.
    pub(crate) fn render(&self, hex: &str, ext: &str) -> String {
        format!("{}{hex}{}", self.prefix, self.suffix.replace("{ext}", ext))
    }

    /// The file name a path of this template is stored under: the hex and
    /// the rendered suffix (`<hex>.png`, `<hex>.image`).
    pub(crate) fn file_name(&self, hex: &str, ext: &str) -> String {
        format!("{hex}{}", self.suffix.replace("{ext}", ext))
    }

    /// The path whose stored file name is `name` (the inverse of
    /// [`Template::match_file_name`]), if `name` has the template's shape.
    pub(crate) fn path_of_file_name(&self, name: &str) -> Option<String> {
        // A path is the prefix and the stored name (`<hex><suffix>`).
        let path = format!("{}{name}", self.prefix);
        (self.match_file_name(&path).as_deref() == Some(name)).then_some(path)
    }

    /// If `path` is an instance of the template, its stored file name.
    /// The hex must be 32 lowercase hex digits and `{ext}` 1–5 lowercase
    /// letters or digits, so the name can never carry a separator.
    pub(crate) fn match_file_name(&self, path: &str) -> Option<String> {
        let rest = path.strip_prefix(&self.prefix)?;
        let hex = rest.get(..32)?;
        if !hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return None;
        }
        let tail = &rest[32..];
        let ext = match self.suffix.split_once("{ext}") {
            None => (tail == self.suffix).then_some(""),
            Some((before, after)) => tail
                .strip_prefix(before)
                .and_then(|t| t.strip_suffix(after))
                .filter(|e| {
                    (1..=5).contains(&e.len())
                        && e.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                }),
        }?;
        Some(self.file_name(hex, ext))
    }
}

/// The segments of a user sub-path (`a/b.png` under the user root), or
/// `None` if any segment could escape or is not a plain name: empty, `.`,
/// `..`, backslashes, NUL, or a drive-like colon.
pub(crate) fn user_segments(rel: &str) -> Option<Vec<&str>> {
    let segments: Vec<&str> = rel.split('/').collect();
    let plain =
        |s: &&str| !s.is_empty() && *s != "." && *s != ".." && !s.contains(['\\', '\0', ':']);
    (!segments.is_empty() && segments.iter().all(plain)).then_some(segments)
}

/// `root` joined with checked `segments`, confirmed (after resolving
/// symlinks of what exists) to stay inside `root`.
pub(crate) fn contained(root: &Path, segments: &[&str]) -> Option<PathBuf> {
    let joined: PathBuf = segments.iter().fold(root.to_path_buf(), |p, s| p.join(s));
    let canonical_root = root.canonicalize().ok()?;
    // The deepest existing ancestor decides: a symlinked directory inside
    // the store must not point outside it.
    let mut probe = joined.as_path();
    loop {
        if let Ok(real) = probe.canonicalize() {
            return real.starts_with(&canonical_root).then_some(joined);
        }
        probe = probe.parent()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_only_their_own_shape() {
        let t = Template::new("wxfile://tmp_{hex32}.{ext}");
        let hex = "0123456789abcdef0123456789abcdef";
        assert_eq!(t.render(hex, "png"), format!("wxfile://tmp_{hex}.png"));
        assert_eq!(
            t.match_file_name(&format!("wxfile://tmp_{hex}.png")),
            Some(format!("{hex}.png"))
        );
        for bad in [
            format!("wxfile://tmp_{hex}.png/../x"),
            format!("wxfile://tmp_{hex}../x"),
            format!("wxfile://tmp_{}.png", &hex[..31]),
            format!("wxfile://tmp_{}.png", hex.to_uppercase()),
            format!("wxfile://tmp_{hex}.toolong"),
            format!("wxfile://tmp_{hex}"),
            "wxfile://tmp_x/../../etc/passwd".to_owned(),
        ] {
            assert_eq!(t.match_file_name(&bad), None, "{bad}");
        }
        let a = Template::new("https://resource/apml{hex32}.image");
        assert_eq!(
            a.match_file_name(&format!("https://resource/apml{hex}.image")),
            Some(format!("{hex}.image"))
        );
        assert_eq!(
            a.match_file_name(&format!("https://resource/apml{hex}.png")),
            None
        );
    }

    #[test]
    fn user_segments_refuse_anything_that_could_escape() {
        assert_eq!(user_segments("a/b.png"), Some(vec!["a", "b.png"]));
        for bad in [
            "", "/a", "a//b", "..", "a/../b", "./a", "a\\b", "c:x", "a\0b", "a/",
        ] {
            assert_eq!(user_segments(bad), None, "{bad:?}");
        }
    }
}
