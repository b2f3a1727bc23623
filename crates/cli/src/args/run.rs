//! `mpcanvas run PATH …`.

use std::path::PathBuf;

use super::{Command, positive, size, text};
use crate::device::{DEVICE_FLAGS, DeviceFlags};
use crate::hint::{closest, unexpected};

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
    /// `--strict`: device checks fail as the device does.
    pub(crate) strict: bool,
    /// `--allow-domain`: the app's download domains.
    pub(crate) allow_domains: Vec<String>,
    /// `--platform all` or `a,b`: the profiles to run and compare (empty:
    /// one run on `platform`).
    pub(crate) platforms: Vec<String>,
    /// `--report FILE.html`: the self-contained HTML report.
    pub(crate) report: Option<PathBuf>,
}

/// `run`'s flags, for hints.
const RUN_FLAGS: &[&str] = &[
    "platform",
    "report",
    "strict",
    "allow-domain",
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
    "tap-at",
    "os-album",
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

/// Parses `run`'s arguments (after the command name).
pub(super) fn parse(mut parser: lexopt::Parser) -> Result<Command, String> {
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
        strict: false,
        allow_domains: Vec::new(),
        platforms: Vec::new(),
        report: None,
    };
    let mut path = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("platform") => {
                let given = text(&mut parser)?.to_ascii_lowercase();
                let names: Vec<String> = if given == "all" {
                    mpcanvas::PROFILE_NAMES
                        .iter()
                        .map(|s| s.to_string())
                        .collect()
                } else {
                    given.split(',').map(|s| s.trim().to_owned()).collect()
                };
                for p in &names {
                    if !mpcanvas::PROFILE_NAMES.contains(&p.as_str()) {
                        let hint = closest(p, mpcanvas::PROFILE_NAMES)
                            .map_or(String::new(), |c| format!("\n  hint: did you mean '{c}'?"));
                        return Err(format!(
                            "--platform '{p}' is not one of: all, {}{hint}",
                            mpcanvas::PROFILE_NAMES.join(", ")
                        ));
                    }
                }
                if names.len() > 1 {
                    run.platforms = names;
                } else {
                    run.platform = names.into_iter().next();
                }
            }
            Long("report") => {
                run.report = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
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
            Long("strict") => run.strict = true,
            Long("allow-domain") => {
                let d = text(&mut parser)?;
                if d.is_empty() || d.contains(['/', ':', ' ']) {
                    return Err(format!(
                        "--allow-domain '{d}' wants a domain name like cdn.example.com"
                    ));
                }
                run.allow_domains.push(d);
            }
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
    Ok(Command::Run(Box::new(run)))
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
    fn an_unshipped_locale_is_an_error_naming_the_shipped_ones() {
        let err = parse_strs(&["run", "p", "--locale", "fr-FR"]).unwrap_err();
        assert!(err.starts_with("--locale 'fr-FR': "), "{err}");
        assert!(
            err.contains("not shipped") && err.contains("zh-CN") && err.contains("en"),
            "{err}"
        );
        // A shipped language in another region is accepted.
        assert!(parse_strs(&["run", "p", "--locale", "en-GB"]).is_ok());
    }

    #[test]
    fn platform_names_are_case_insensitive() {
        let Command::Run(r) = parse_strs(&["run", "p", "--platform", "WeChat"]).unwrap() else {
            panic!()
        };
        assert_eq!(r.platform.as_deref(), Some("wechat"));
    }
}
