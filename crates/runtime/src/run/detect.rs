//! Which platform a project is written for, read off its files, so
//! `mpcanvas run examples/alipay` needs no `--platform`.
//!
//! The evidence, in order: a mini-game (`game.js` / `game.json`) is
//! `wechat-game`; otherwise the markup dialect of the project's files —
//! `.axml` (Alipay), `.ttml` (Douyin; Feishu shares the dialect, so Feishu
//! projects still name `--platform feishu`), `.wxml` (WeChat). Folders of
//! installed packages are not looked into.

use std::path::Path;

/// A platform read off a project, and the file that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// The profile name.
    pub platform: &'static str,
    /// The file that decided it, relative to the project folder.
    pub evidence: String,
}

/// Markup extensions and the profile each belongs to, most specific first.
const DIALECTS: &[(&str, &str)] = &[("axml", "alipay"), ("ttml", "douyin"), ("wxml", "wechat")];

/// Folders and files looked at, so a huge tree costs little.
const MAX_ENTRIES: usize = 2_000;

/// The platform the project at `path` (a folder, or a file in one) is
/// written for, when its files say.
pub fn detect_platform(path: &Path) -> Option<Detected> {
    let dir = if path.is_file() { path.parent()? } else { path };
    for game in ["game.js", "game.json"] {
        if dir.join(game).is_file() {
            return Some(Detected {
                platform: "wechat-game",
                evidence: game.into(),
            });
        }
    }
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), 0usize)];
    let mut seen = 0;
    while let Some((folder, depth)) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            seen += 1;
            if seen > MAX_ENTRIES {
                break;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                let skip =
                    name.starts_with('.') || name == "node_modules" || name == "miniprogram_npm";
                if !skip && depth < 4 {
                    pending.push((entry.path(), depth + 1));
                }
            } else if let Some(rank) = Path::new(&name)
                .extension()
                .and_then(|e| e.to_str())
                .and_then(|e| {
                    DIALECTS
                        .iter()
                        .position(|(ext, _)| e.eq_ignore_ascii_case(ext))
                })
            {
                let rel = entry
                    .path()
                    .strip_prefix(dir)
                    .map_or(name.clone(), |p| p.display().to_string());
                found.push((rank, rel));
            }
        }
    }
    found.sort();
    let (rank, evidence) = found.into_iter().next()?;
    Some(Detected {
        platform: DIALECTS[rank].1,
        evidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(files: &[&str]) -> crate::test_dir::TestDir {
        let dir =
            crate::test_dir::TestDir::new(&format!("detect-{}", files.join("+").replace('/', "_")));
        for f in files {
            dir.file(f, "");
        }
        dir
    }

    #[test]
    fn markup_dialects_and_mini_games_name_their_platform() {
        let cases: &[(&[&str], Option<&str>)] = &[
            (&["index.js", "index.axml"], Some("alipay")),
            (
                &["app.json", "pages/a/a.wxml", "pages/a/a.js"],
                Some("wechat"),
            ),
            (&["index.js", "index.ttml"], Some("douyin")),
            (&["game.js"], Some("wechat-game")),
            (
                &["index.js", "node_modules/x/index.axml", "index.wxml"],
                Some("wechat"),
            ),
            (&["draw.js"], None),
        ];
        for (files, want) in cases {
            let dir = project(files);
            let got = detect_platform(&dir.0).map(|d| d.platform);
            assert_eq!(got, *want, "{files:?}");
        }
    }

    #[test]
    fn the_deciding_file_is_named() {
        let dir = project(&["app.json", "pages/poster/poster.wxml"]);
        let d = detect_platform(&dir.0).unwrap();
        assert_eq!(d.evidence, "pages/poster/poster.wxml");
    }
}
