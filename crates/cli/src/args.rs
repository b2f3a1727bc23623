//! Command-line parsing: one definition per flag.

use std::ffi::OsString;
use std::path::PathBuf;

/// Usage text.
pub(crate) const USAGE: &str = "\
usage: mpcanvas render SCRIPT.js [--size WxH] [-o OUT.png|OUT.jpg] [--quality Q]

  render   run a Canvas 2D drawing script (function draw(ctx, canvas, env))
           and write the canvas as PNG or JPEG (by the output extension).
           --size WxH      canvas size instead of the script's // @size
           -o, --output    output file (default: SCRIPT.png beside the script)
           --quality Q     JPEG quality 0..1 (default 0.92)
";

/// What to do.
#[derive(Debug, PartialEq)]
pub(crate) enum Command {
    Render(Render),
    Help,
}

/// `mpcanvas render`.
#[derive(Debug, PartialEq)]
pub(crate) struct Render {
    pub(crate) script: PathBuf,
    pub(crate) size: Option<(u32, u32)>,
    pub(crate) output: PathBuf,
    pub(crate) quality: f32,
}

/// Parses `WxH` (both sides 1..=65535).
fn size(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("--size wants WxH with positive integers, got '{text}'");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h): (u32, u32) = (
        w.trim().parse().map_err(|_| bad())?,
        h.trim().parse().map_err(|_| bad())?,
    );
    if w == 0 || h == 0 || w > 65535 || h > 65535 {
        return Err(bad());
    }
    Ok((w, h))
}

/// Parses the arguments after the program name.
pub(crate) fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let sub = match parser.next().map_err(|e| e.to_string())? {
        Some(Value(v)) => v.string().map_err(|e| e.to_string())?,
        Some(Short('h') | Long("help")) | None => return Ok(Command::Help),
        Some(other) => return Err(other.unexpected().to_string()),
    };
    if sub != "render" {
        return Err(format!("unknown command '{sub}' (this build has: render)"));
    }
    let (mut script, mut size_opt, mut output, mut quality) = (None, None, None, 0.92f32);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("size") => {
                size_opt = Some(size(
                    &parser
                        .value()
                        .map_err(|e| e.to_string())?
                        .string()
                        .map_err(|e| e.to_string())?,
                )?)
            }
            Short('o') | Long("output") => {
                output = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
            }
            Long("quality") => {
                let q: f32 = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .string()
                    .map_err(|e| e.to_string())?
                    .parse()
                    .map_err(|_| "--quality wants a number between 0 and 1".to_string())?;
                if !(0.0..=1.0).contains(&q) {
                    return Err("--quality wants a number between 0 and 1".into());
                }
                quality = q;
            }
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(v) if script.is_none() => script = Some(PathBuf::from(v)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let script = script.ok_or("render needs a SCRIPT.js")?;
    let output = output.unwrap_or_else(|| script.with_extension("png"));
    Ok(Command::Render(Render {
        script,
        size: size_opt,
        output,
        quality,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(a: &[&str]) -> Result<Command, String> {
        parse(a.iter().map(OsString::from))
    }

    #[test]
    fn render_defaults_to_a_png_beside_the_script() {
        let Command::Render(r) = parse_strs(&["render", "dir/a.js"]).unwrap() else {
            panic!()
        };
        assert_eq!(r.output, PathBuf::from("dir/a.png"));
        assert_eq!((r.size, r.quality), (None, 0.92));
    }

    #[test]
    fn render_takes_size_output_and_quality() {
        let Command::Render(r) = parse_strs(&[
            "render",
            "a.js",
            "--size",
            "30x20",
            "-o",
            "x.jpg",
            "--quality",
            "0.5",
        ])
        .unwrap() else {
            panic!()
        };
        assert_eq!(
            (r.size, r.output, r.quality),
            (Some((30, 20)), PathBuf::from("x.jpg"), 0.5)
        );
    }

    #[test]
    fn bad_arguments_are_errors() {
        assert!(parse_strs(&["render"]).is_err());
        assert!(parse_strs(&["render", "a.js", "--size", "0x5"]).is_err());
        assert!(parse_strs(&["render", "a.js", "--size", "abc"]).is_err());
        assert!(parse_strs(&["render", "a.js", "--quality", "2"]).is_err());
        assert!(parse_strs(&["paint", "a.js"]).is_err());
        assert!(parse_strs(&["render", "a.js", "b.js"]).is_err());
    }
}
