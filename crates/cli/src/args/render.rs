//! `mpcanvas render SCRIPT.js …`.

use std::path::PathBuf;

use lexopt::prelude::*;

use super::{Command, size, text};
use crate::device::{DEVICE_FLAGS, DeviceFlags};
use crate::hint::unexpected;

/// `mpcanvas render`.
#[derive(Debug, PartialEq)]
pub(crate) struct Render {
    pub(crate) script: PathBuf,
    pub(crate) size: Option<(u32, u32)>,
    pub(crate) output: PathBuf,
    pub(crate) quality: f32,
    pub(crate) system_fonts: bool,
    /// Print where the time went (stage by stage).
    pub(crate) timings: bool,
    /// Render this many times in one process and print the medians.
    pub(crate) repeat: u32,
    /// `--locale`, `--tz`, `--now`, `--seed`.
    pub(crate) device: DeviceFlags,
}

/// `render`'s flags, for hints.
const RENDER_FLAGS: &[&str] = &[
    "size",
    "output",
    "quality",
    "no-system-fonts",
    "timings",
    "repeat",
    "locale",
    "tz",
    "now",
    "seed",
    "help",
];

/// Parses `render`'s arguments (after the command name).
pub(super) fn parse(mut parser: lexopt::Parser) -> Result<Command, String> {
    let (mut script, mut size_opt, mut output, mut quality) = (None, None, None, 0.92f32);
    let mut system_fonts = true;
    let (mut timings, mut repeat) = (false, 1u32);
    let mut device = DeviceFlags::default();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long(name) if DEVICE_FLAGS.contains(&name) => {
                let name = name.to_owned();
                device.set(&name, text(&mut parser)?)?;
            }
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
            Long("no-system-fonts") => system_fonts = false,
            Long("timings") => timings = true,
            Long("repeat") => {
                let bad = || "--repeat wants a whole number from 1 to 10000".to_string();
                let n: u32 = text(&mut parser)?.parse().map_err(|_| bad())?;
                if !(1..=10_000).contains(&n) {
                    return Err(bad());
                }
                repeat = n;
            }
            Short('h') | Long("help") => return Ok(Command::Help(Some("render".into()))),
            Value(v) if script.is_none() => script = Some(PathBuf::from(v)),
            other => return Err(unexpected(other, RENDER_FLAGS)),
        }
    }
    let script = script.ok_or("render needs a SCRIPT.js")?;
    let output = output.unwrap_or_else(|| script.with_extension("png"));
    Ok(Command::Render(Render {
        script,
        size: size_opt,
        output,
        quality,
        system_fonts,
        timings,
        repeat,
        device,
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
    fn render_defaults_to_a_png_beside_the_script() {
        let Command::Render(r) = parse_strs(&["render", "dir/a.js"]).unwrap() else {
            panic!()
        };
        assert_eq!(r.output, PathBuf::from("dir/a.png"));
        assert_eq!((r.size, r.quality, r.system_fonts), (None, 0.92, true));
    }

    #[test]
    fn render_takes_size_output_quality_and_the_font_switch() {
        let Command::Render(r) = parse_strs(&[
            "render",
            "a.js",
            "--size",
            "30x20",
            "-o",
            "x.jpg",
            "--quality",
            "0.5",
            "--no-system-fonts",
        ])
        .unwrap() else {
            panic!()
        };
        assert_eq!(
            (r.size, r.output, r.quality, r.system_fonts),
            (Some((30, 20)), PathBuf::from("x.jpg"), 0.5, false)
        );
    }

    #[test]
    fn render_takes_the_device_environment_flags() {
        let Command::Render(r) = parse_strs(&[
            "render",
            "a.js",
            "--locale",
            "zh-TW",
            "--tz",
            "Asia/Taipei",
            "--now",
            "2026-12-07T10:00:00+08:00",
            "--seed",
            "7",
        ])
        .unwrap() else {
            panic!()
        };
        let env = r.device.device_env().unwrap();
        assert_eq!(env.locale.to_string(), "zh-TW");
        assert_eq!(env.time_zone.name(), "Asia/Taipei");
        assert_eq!(env.clock, mpcanvas::Clock::Fixed(1_796_608_800_000.0));
        assert_eq!(env.seed, Some(7));
        let Command::Render(r) = parse_strs(&["render", "a.js"]).unwrap() else {
            panic!()
        };
        assert_eq!(r.device, DeviceFlags::default());
        for bad in [
            &["render", "a.js", "--locale", "not a tag!"][..],
            &["render", "a.js", "--tz", "Mars/Olympus"],
            &["render", "a.js", "--now", "tomorrow"],
            &["render", "a.js", "--seed", "x"],
        ] {
            assert!(parse_strs(bad).is_err(), "{bad:?}");
        }
    }
}
