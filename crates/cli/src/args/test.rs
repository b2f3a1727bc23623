//! `mpcanvas test [PATH] …` and `mpcanvas compare IMAGE SNAPSHOT …`.

use std::path::PathBuf;

use lexopt::prelude::*;

use super::{Command, text};
use crate::hint::unexpected;

/// `mpcanvas test`.
#[derive(Debug, PartialEq)]
pub(crate) struct Test {
    /// A spec file, or a folder searched for `*.poster.json`.
    pub(crate) path: PathBuf,
    /// Approve new and changed images as the snapshots.
    pub(crate) update: bool,
    /// Where to write JUnit XML.
    pub(crate) junit: Option<PathBuf>,
    /// Data folders and diff images.
    pub(crate) out: PathBuf,
}

/// `mpcanvas compare`: one image against one snapshot, the comparison
/// the Jest / Vitest matcher calls.
#[derive(Debug, PartialEq)]
pub(crate) struct Compare {
    pub(crate) image: PathBuf,
    pub(crate) snapshot: PathBuf,
    pub(crate) update: bool,
    /// Where the expected | diff | actual image goes on a mismatch.
    pub(crate) diff: PathBuf,
    pub(crate) max_difference: u8,
    pub(crate) pixels: u64,
}

/// `test`'s flags, for hints.
const TEST_FLAGS: &[&str] = &["update", "junit", "out", "help"];

/// `compare`'s flags, for hints.
const COMPARE_FLAGS: &[&str] = &["update", "diff", "max-difference", "pixels", "help"];

/// Parses `test`'s arguments (after the command name).
pub(super) fn parse(mut parser: lexopt::Parser) -> Result<Command, String> {
    let mut test = Test {
        path: PathBuf::from("."),
        update: false,
        junit: None,
        out: PathBuf::from("mpcanvas-out/test"),
    };
    let mut path = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('u') | Long("update") => test.update = true,
            Long("junit") => test.junit = Some(PathBuf::from(text(&mut parser)?)),
            Long("out") => test.out = PathBuf::from(text(&mut parser)?),
            Short('h') | Long("help") => return Ok(Command::Help(Some("test".into()))),
            Value(v) if path.is_none() => path = Some(PathBuf::from(v)),
            other => return Err(unexpected(other, TEST_FLAGS)),
        }
    }
    if let Some(p) = path {
        test.path = p;
    }
    Ok(Command::Test(test))
}

/// Parses `compare`'s arguments (after the command name).
pub(super) fn parse_compare(mut parser: lexopt::Parser) -> Result<Command, String> {
    let (mut paths, mut update, mut diff) = (Vec::new(), false, None);
    let (mut max_difference, mut pixels) = (0u8, 0u64);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('u') | Long("update") => update = true,
            Long("diff") => diff = Some(PathBuf::from(text(&mut parser)?)),
            Long("max-difference") => {
                let t = text(&mut parser)?;
                max_difference = t
                    .parse()
                    .map_err(|_| format!("--max-difference wants 0 to 255, got '{t}'"))?;
            }
            Long("pixels") => {
                let t = text(&mut parser)?;
                pixels = t
                    .parse()
                    .map_err(|_| format!("--pixels wants a whole number, got '{t}'"))?;
            }
            Short('h') | Long("help") => return Ok(Command::Help(Some("compare".into()))),
            Value(v) if paths.len() < 2 => paths.push(PathBuf::from(v)),
            other => return Err(unexpected(other, COMPARE_FLAGS)),
        }
    }
    let [image, snapshot]: [PathBuf; 2] = paths
        .try_into()
        .map_err(|_| "compare needs IMAGE and SNAPSHOT".to_string())?;
    let diff = diff.unwrap_or_else(|| image.with_extension("diff.png"));
    Ok(Command::Compare(Compare {
        image,
        snapshot,
        update,
        diff,
        max_difference,
        pixels,
    }))
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use super::super::parse;
    use super::*;

    fn parse_strs(a: &[&str]) -> Result<Command, String> {
        parse(a.iter().map(OsString::from))
    }

    #[test]
    fn test_defaults_to_the_current_folder() {
        let Command::Test(t) = parse_strs(&["test"]).unwrap() else {
            panic!()
        };
        assert_eq!(t.path, PathBuf::from("."));
        assert!(!t.update && t.junit.is_none());
        assert_eq!(t.out, PathBuf::from("mpcanvas-out/test"));
    }

    #[test]
    fn test_takes_a_path_update_junit_and_out() {
        let Command::Test(t) = parse_strs(&[
            "test", "posters", "--update", "--junit", "r.xml", "--out", "o",
        ])
        .unwrap() else {
            panic!()
        };
        assert_eq!(
            (t.path, t.update, t.junit, t.out),
            (
                PathBuf::from("posters"),
                true,
                Some(PathBuf::from("r.xml")),
                PathBuf::from("o")
            )
        );
        assert!(parse_strs(&["test", "a", "b"]).is_err());
        let e = parse_strs(&["test", "--junt", "x"]).unwrap_err();
        assert!(e.contains("did you mean --junit?"), "{e}");
    }

    #[test]
    fn compare_takes_two_images_and_the_tolerance() {
        let Command::Compare(c) = parse_strs(&[
            "compare",
            "out/a.png",
            "snap/a.png",
            "--max-difference",
            "8",
            "--pixels",
            "20",
        ])
        .unwrap() else {
            panic!()
        };
        assert_eq!((c.max_difference, c.pixels, c.update), (8, 20, false));
        assert_eq!(c.diff, PathBuf::from("out/a.diff.png"));
        assert!(parse_strs(&["compare", "a.png"]).is_err());
        assert!(parse_strs(&["compare", "a.png", "b.png", "--max-difference", "300"]).is_err());
    }
}
