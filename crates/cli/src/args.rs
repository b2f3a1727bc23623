//! Command-line parsing: one definition per flag.

use std::ffi::OsString;

use lexopt::prelude::*;
use std::path::PathBuf;

use crate::device::{DEVICE_FLAGS, DeviceFlags};
use crate::hint::{closest, unexpected};
pub(crate) use crate::usage::help;

/// What to do.
#[derive(Debug, PartialEq)]
pub(crate) enum Command {
    Run(Run),
    Render(Render),
    Serve(mpcanvas_server::Config),
    /// `help [COMMAND]`, `--help`.
    Help(Option<String>),
    Version,
}

/// `mpcanvas run`.
#[derive(Debug, PartialEq)]
pub(crate) struct Run {
    pub(crate) path: PathBuf,
    /// `None`: detected from the project, else wechat.
    pub(crate) platform: Option<String>,
    pub(crate) keep_state: bool,
    pub(crate) quiet: bool,
    /// Print where the time went (stage by stage).
    pub(crate) timings: bool,
    pub(crate) dpr: f64,
    pub(crate) screen: (u32, u32),
    pub(crate) taps: Vec<String>,
    /// `--tap-at X,Y`: where a mini-game tap touches the screen.
    pub(crate) tap_at: Option<(f64, f64)>,
    /// `--os-album deny`: the phone's privacy switch for the album is off.
    pub(crate) os_album_allowed: bool,
    pub(crate) gallery: Vec<PathBuf>,
    pub(crate) user: mpcanvas::Answer,
    pub(crate) out: PathBuf,
    pub(crate) json: bool,
    /// `--jsonl`: the report streamed as JSON Lines.
    pub(crate) jsonl: bool,
    pub(crate) time_limit: f64,
    pub(crate) memory_mb: u64,
    pub(crate) offline: bool,
    /// `--locale`, `--tz`, `--now`, `--seed`.
    pub(crate) device: DeviceFlags,
    pub(crate) page: Option<String>,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) system: Option<mpcanvas::Os>,
    pub(crate) sdk_version: Option<String>,
}

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
        Some(Short('h') | Long("help")) | None => return Ok(Command::Help(None)),
        Some(Short('V') | Long("version")) => return Ok(Command::Version),
        Some(other) => return Err(unexpected(other, &["help", "version"])),
    };
    match sub.as_str() {
        "render" => {}
        "run" => return parse_run(parser),
        "serve" => return crate::serve::parse(parser),
        "help" => {
            let topic = parser
                .next()
                .map_err(|e| e.to_string())?
                .and_then(|a| match a {
                    Value(v) => v.into_string().ok(),
                    _ => None,
                });
            return Ok(Command::Help(topic));
        }
        _ => {
            let hint = closest(&sub, COMMANDS)
                .map_or(String::new(), |c| format!("\n  hint: did you mean '{c}'?"));
            return Err(format!(
                "unknown command '{sub}' (commands: {}){hint}",
                COMMANDS.join(", ")
            ));
        }
    }
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

/// The next value of the current flag, as a string. A value that looks
/// like a flag is refused: `--tap --json` means a forgotten METHOD, not a
/// method named `--json`.
/// `X,Y` in CSS pixels (`--tap-at`): finite and not negative.
fn point(text: &str) -> Result<(f64, f64), String> {
    let bad = || format!("--tap-at wants X,Y in CSS pixels, got '{text}'");
    let (x, y) = text.split_once(',').ok_or_else(bad)?;
    let coord = |v: &str| {
        v.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0)
            .ok_or_else(bad)
    };
    Ok((coord(x)?, coord(y)?))
}

fn text(parser: &mut lexopt::Parser) -> Result<String, String> {
    let value = parser
        .value()
        .map_err(|e| e.to_string())?
        .string()
        .map_err(|e| e.to_string())?;
    if value.starts_with("--") {
        return Err(format!(
            "a flag wants a value, got the flag '{value}' (put the value right after the flag)"
        ));
    }
    Ok(value)
}

/// The commands, for hints.
const COMMANDS: &[&str] = &["run", "render", "serve", "help"];

/// `run`'s flags, for hints.
const RUN_FLAGS: &[&str] = &[
    "platform",
    "keep-state",
    "quiet",
    "timings",
    "page",
    "query",
    "system",
    "sdk-version",
    "dpr",
    "screen",
    "tap",
    "pick",
    "user",
    "out",
    "json",
    "jsonl",
    "time-limit",
    "memory-limit",
    "offline",
    "locale",
    "tz",
    "now",
    "seed",
    "help",
];

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

/// A positive finite number for `flag`.
fn positive(parser: &mut lexopt::Parser, flag: &str) -> Result<f64, String> {
    let t = text(parser)?;
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0)
        .ok_or_else(|| format!("{flag} wants a positive number, got '{t}'"))
}

fn parse_run(mut parser: lexopt::Parser) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut run = Run {
        path: PathBuf::new(),
        platform: None,
        keep_state: false,
        quiet: false,
        timings: false,
        dpr: 2.0,
        screen: (375, 667),
        taps: Vec::new(),
        tap_at: None,
        os_album_allowed: true,
        gallery: Vec::new(),
        user: mpcanvas::Answer::Allow,
        out: PathBuf::from("mpcanvas-out"),
        json: false,
        jsonl: false,
        time_limit: 30.0,
        memory_mb: 256,
        offline: false,
        device: DeviceFlags::default(),
        page: None,
        query: Vec::new(),
        system: None,
        sdk_version: None,
    };
    let mut path = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("platform") => {
                let given = text(&mut parser)?;
                let p = given.to_ascii_lowercase();
                if !mpcanvas::PROFILE_NAMES.contains(&p.as_str()) {
                    let hint = closest(&p, mpcanvas::PROFILE_NAMES)
                        .map_or(String::new(), |c| format!("\n  hint: did you mean '{c}'?"));
                    return Err(format!(
                        "--platform '{given}' is not one of: {}{hint}",
                        mpcanvas::PROFILE_NAMES.join(", ")
                    ));
                }
                run.platform = Some(p);
            }
            Long("keep-state") => run.keep_state = true,
            Long("quiet") => run.quiet = true,
            Long("timings") => run.timings = true,
            Long("dpr") => {
                let d = positive(&mut parser, "--dpr")?;
                if d > 8.0 {
                    return Err("--dpr wants a number up to 8".into());
                }
                run.dpr = d;
            }
            Long("screen") => run.screen = size(&text(&mut parser)?)?,
            Long("tap") => run.taps.push(text(&mut parser)?),
            Long("tap-at") => run.tap_at = Some(point(&text(&mut parser)?)?),
            Long("os-album") => {
                run.os_album_allowed = match text(&mut parser)?.as_str() {
                    "allow" => true,
                    "deny" => false,
                    other => {
                        return Err(format!("--os-album '{other}' is not one of: allow, deny"));
                    }
                }
            }
            Long("page") => run.page = Some(text(&mut parser)?),
            Long("query") => {
                let q = text(&mut parser)?;
                let (k, v) = q
                    .split_once('=')
                    .ok_or_else(|| format!("--query '{q}' wants KEY=VALUE"))?;
                run.query.push((k.to_string(), v.to_string()));
            }
            Long("system") => {
                let s = text(&mut parser)?;
                run.system = Some(mpcanvas::Os::parse(&s).ok_or_else(|| {
                    format!(
                        "--system '{s}' is not one of: {}",
                        mpcanvas::Os::NAMES.join(", ")
                    )
                })?);
            }
            Long("sdk-version") => {
                let v = text(&mut parser)?;
                if v.is_empty() || !v.chars().all(|c| c.is_ascii_digit() || c == '.') {
                    return Err(format!("--sdk-version '{v}' wants a version like 3.4.0"));
                }
                run.sdk_version = Some(v);
            }
            Long("pick") => run
                .gallery
                .push(PathBuf::from(parser.value().map_err(|e| e.to_string())?)),
            Long("user") => run.user = text(&mut parser)?.parse()?,
            Long("out") => run.out = PathBuf::from(parser.value().map_err(|e| e.to_string())?),
            Long("json") => run.json = true,
            Long("jsonl") => run.jsonl = true,
            Long("offline") => run.offline = true,
            Long("time-limit") => run.time_limit = positive(&mut parser, "--time-limit")?,
            Long("memory-limit") => {
                let mb = positive(&mut parser, "--memory-limit")?;
                run.memory_mb = (mb as u64).clamp(8, 16 * 1024);
            }
            Long(name) if DEVICE_FLAGS.contains(&name) => {
                let name = name.to_owned();
                run.device.set(&name, text(&mut parser)?)?;
            }
            Short('h') | Long("help") => return Ok(Command::Help(Some("run".into()))),
            Value(v) if path.is_none() => path = Some(PathBuf::from(v)),
            other => return Err(unexpected(other, RUN_FLAGS)),
        }
    }
    run.path = path.ok_or("run needs a PATH (page folder, game folder or .js file)")?;
    if run.json && run.jsonl {
        return Err(
            "--json and --jsonl: choose one (--jsonl streams, --json prints at the end)".into(),
        );
    }
    Ok(Command::Run(run))
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

    #[test]
    fn run_takes_page_query_system_and_sdk_version() {
        let Command::Run(r) = parse_strs(&[
            "run",
            "proj",
            "--page",
            "pages/poster/poster",
            "--query",
            "id=7",
            "--query",
            "name=a=b",
            "--system",
            "ios",
            "--sdk-version",
            "2.9.0",
        ])
        .unwrap() else {
            panic!()
        };
        assert_eq!(r.page.as_deref(), Some("pages/poster/poster"));
        assert_eq!(
            r.query,
            vec![("id".into(), "7".into()), ("name".into(), "a=b".into())]
        );
        assert_eq!(r.system, Some(mpcanvas::Os::Ios));
        assert_eq!(r.sdk_version.as_deref(), Some("2.9.0"));
        for bad in [
            &["run", "p", "--query", "novalue"][..],
            &["run", "p", "--system", "windows"],
            &["run", "p", "--sdk-version", "latest"],
        ] {
            assert!(parse_strs(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn run_has_the_documented_defaults() {
        let Command::Run(r) = parse_strs(&["run", "examples/wechat-2d"]).unwrap() else {
            panic!()
        };
        assert_eq!(r.platform, None);
        assert!(!r.keep_state);
        assert_eq!((r.dpr, r.screen), (2.0, (375, 667)));
        assert_eq!(r.user, mpcanvas::Answer::Allow);
        assert_eq!(r.out, PathBuf::from("mpcanvas-out"));
        assert!(!r.json && r.taps.is_empty());
        assert_eq!(r.device, DeviceFlags::default());
        assert_eq!(
            (r.device.locale.as_str(), r.device.tz.as_str()),
            ("zh-CN", "Asia/Shanghai")
        );
        assert_eq!((r.device.now, r.device.seed), (None, None));
    }

    #[test]
    fn run_takes_the_device_environment_flags() {
        let Command::Run(r) = parse_strs(&[
            "run",
            "p",
            "--locale",
            "en-US",
            "--tz",
            "America/New_York",
            "--now",
            "2026-12-07T10:00:00+08:00",
            "--seed",
            "42",
        ])
        .unwrap() else {
            panic!()
        };
        let env = r.device.device_env().unwrap();
        assert_eq!(env.locale.to_string(), "en-US");
        assert_eq!(env.time_zone.name(), "America/New_York");
        assert_eq!(env.clock, mpcanvas::Clock::Fixed(1_796_608_800_000.0));
        assert_eq!(env.seed, Some(42));
    }

    #[test]
    fn run_takes_every_flag() {
        let Command::Run(r) = parse_strs(&[
            "run",
            "p",
            "--platform",
            "alipay",
            "--dpr",
            "3",
            "--screen",
            "414x896",
            "--tap",
            "save",
            "--tap",
            "share",
            "--pick",
            "a.png",
            "--user",
            "deny-forever",
            "--out",
            "o",
            "--json",
            "--time-limit",
            "5",
            "--memory-limit",
            "64",
            "--offline",
        ])
        .unwrap() else {
            panic!()
        };
        assert_eq!(r.platform.as_deref(), Some("alipay"));
        assert_eq!((r.dpr, r.screen), (3.0, (414, 896)));
        assert_eq!(r.taps, ["save", "share"]);
        assert_eq!(r.gallery, [PathBuf::from("a.png")]);
        assert_eq!(r.user, mpcanvas::Answer::DenyForever);
        assert_eq!(r.out, PathBuf::from("o"));
        assert!(r.json && r.offline);
        assert_eq!((r.time_limit, r.memory_mb), (5.0, 64));
    }

    #[test]
    fn run_takes_a_tap_point_and_the_os_album_switch() {
        let Command::Run(r) =
            parse_strs(&["run", "g", "--tap-at", "12.5,40", "--os-album", "deny"]).unwrap()
        else {
            panic!()
        };
        assert_eq!(r.tap_at, Some((12.5, 40.0)));
        assert!(!r.os_album_allowed);
        for bad in [
            ["run", "g", "--tap-at", "12"],
            ["run", "g", "--tap-at", "-1,2"],
            ["run", "g", "--tap-at", "a,b"],
            ["run", "g", "--os-album", "maybe"],
        ] {
            let err = parse_strs(&bad).unwrap_err();
            assert!(err.contains(bad[2]), "{err}");
        }
    }

    #[test]
    fn bad_run_arguments_are_errors() {
        for bad in [
            &["run"][..],
            &["run", "p", "--platform", "baidu"],
            &["run", "p", "--dpr", "0"],
            &["run", "p", "--dpr", "x"],
            &["run", "p", "--user", "maybe"],
            &["run", "p", "--screen", "10"],
            &["run", "p", "q"],
            &["run", "p", "--time-limit", "-1"],
            &["run", "p", "--locale", "not a tag!"],
            &["run", "p", "--locale", "fr-FR"],
            &["run", "p", "--tz", "Mars/Olympus"],
            &["run", "p", "--now", "2026-12-07 10:00"],
            &["run", "p", "--seed", "-3"],
        ] {
            assert!(parse_strs(bad).is_err(), "{bad:?}");
        }
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

    #[test]
    fn mistyped_flags_and_commands_get_a_hint() {
        let e = parse_strs(&["run", "p", "--tapp", "save"]).unwrap_err();
        assert!(
            e.contains("--tapp") && e.contains("did you mean --tap?"),
            "{e}"
        );
        let e = parse_strs(&["rnu", "p"]).unwrap_err();
        assert!(e.contains("did you mean 'run'?"), "{e}");
        let e = parse_strs(&["run", "p", "--platform", "alipy"]).unwrap_err();
        assert!(e.contains("did you mean 'alipay'?"), "{e}");
        let e = parse_strs(&["render", "a.js", "--qualty", "1"]).unwrap_err();
        assert!(e.contains("did you mean --quality?"), "{e}");
    }

    #[test]
    fn a_flag_is_not_taken_as_the_previous_flags_value() {
        let e = parse_strs(&["run", "p", "--tap", "--json"]).unwrap_err();
        assert!(e.contains("'--json'"), "{e}");
    }

    #[test]
    fn platform_names_are_case_insensitive() {
        let Command::Run(r) = parse_strs(&["run", "p", "--platform", "WeChat"]).unwrap() else {
            panic!()
        };
        assert_eq!(r.platform.as_deref(), Some("wechat"));
    }

    #[test]
    fn help_and_version_are_commands_and_flags() {
        assert_eq!(parse_strs(&["--version"]).unwrap(), Command::Version);
        assert_eq!(parse_strs(&["-V"]).unwrap(), Command::Version);
        assert_eq!(parse_strs(&["help"]).unwrap(), Command::Help(None));
        assert_eq!(
            parse_strs(&["help", "run"]).unwrap(),
            Command::Help(Some("run".into()))
        );
        assert_eq!(
            parse_strs(&["render", "--help"]).unwrap(),
            Command::Help(Some("render".into()))
        );
        assert!(help(Some("run")).unwrap().contains("--keep-state"));
        assert!(!help(Some("render")).unwrap().contains("--keep-state"));
        assert!(help(Some("nope")).is_none());
    }
}
