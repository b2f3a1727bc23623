//! Command-line parsing: one definition per flag.

use std::ffi::OsString;

use lexopt::prelude::*;
use std::path::PathBuf;

/// Usage text.
pub(crate) const USAGE: &str = "\
usage: mpcanvas run PATH [--platform P] [--dpr N] [--screen WxH] [--tap METHOD]...
                        [--pick IMAGE]... [--user ANSWER] [--out DIR] [--json]
                        [--time-limit SECONDS] [--memory-limit MB] [--offline]
       mpcanvas render SCRIPT.js [--size WxH] [-o OUT.png|OUT.jpg] [--quality Q]
                             [--no-system-fonts]
       mpcanvas serve [--listen ADDR] [--workers N] [--queue N] [--allow-domain D]...
                      [--time-limit SECONDS] [--memory-limit MB] [--no-system-fonts]

  run      run a mini-program page folder (index.js + markup), an app folder
           (app.json), a mini-game folder (game.js) or one .js file: App and
           Page lifecycles, timers and promises, then each --tap, then unload.
           Prints console output, every platform call with its result,
           prompts with the scripted user's answers, temp and album files.
           --platform P    wechat (default), wechat-game, alipay, feishu, douyin
           --dpr N         device pixel ratio (default 2)
           --screen WxH    screen size in CSS px (default 375x667)
           --tap METHOD    call this page method (mini-game: GameGlobal function)
                           as a user tap (repeatable)
           --pick IMAGE    a photo in the phone's gallery, what chooseImage
                           picks (repeatable; none: the picker is cancelled)
           --user ANSWER   allow (default), deny, deny-forever, dismiss, cancel
           --out DIR       data folder: tmp/, store/, usr/, album/, auth.json
                           (default ./mpcanvas-out)
           --json          print the report as one JSON document
           --time-limit S  wall-clock limit of the run (default 30)
           --memory-limit MB  JS heap limit (default 256)
           --offline       no network: URL downloads fail
           Exit codes: 0 completed, 1 a script error escaped or a limit was
           hit, 2 bad arguments or an unusable path.

  render   run a Canvas 2D drawing script (function draw(ctx, canvas, env))
           and write the canvas as PNG or JPEG (by the output extension).
           --size WxH      canvas size instead of the script's // @size
           -o, --output    output file (default: SCRIPT.png beside the script)
           --quality Q     JPEG quality 0..1 (default 0.92)
           --no-system-fonts  draw text with the bundled and @font fonts
                           only, as on a machine without fonts
           Characters no font has are listed on stderr (they are drawn as
           missing-glyph boxes).

  serve    the HTTP service: POST /v1/render, POST /v1/run, /healthz, /readyz,
           /metrics, /openapi.json, and a playground page at /.
           --listen ADDR   address:port (default 127.0.0.1:8080)
           --workers N     job threads (default: the CPUs)
           --queue N       jobs waiting for a worker before 429 (default 8 per CPU)
           --allow-domain D  hosts runs may download from (repeatable; none:
                           no network)
           --time-limit S  per-job limit (default 10); --memory-limit MB
                           per-job JS heap (default 128)
";

/// What to do.
#[derive(Debug, PartialEq)]
pub(crate) enum Command {
    Run(Run),
    Render(Render),
    Serve(mpcanvas_server::Config),
    Help,
}

/// `mpcanvas run`.
#[derive(Debug, PartialEq)]
pub(crate) struct Run {
    pub(crate) path: PathBuf,
    pub(crate) platform: String,
    pub(crate) dpr: f64,
    pub(crate) screen: (u32, u32),
    pub(crate) taps: Vec<String>,
    pub(crate) gallery: Vec<PathBuf>,
    pub(crate) user: mpcanvas::Answer,
    pub(crate) out: PathBuf,
    pub(crate) json: bool,
    pub(crate) time_limit: f64,
    pub(crate) memory_mb: u64,
    pub(crate) offline: bool,
}

/// `mpcanvas render`.
#[derive(Debug, PartialEq)]
pub(crate) struct Render {
    pub(crate) script: PathBuf,
    pub(crate) size: Option<(u32, u32)>,
    pub(crate) output: PathBuf,
    pub(crate) quality: f32,
    pub(crate) system_fonts: bool,
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
    match sub.as_str() {
        "render" => {}
        "run" => return parse_run(parser),
        "serve" => return crate::serve::parse(parser),
        _ => {
            return Err(format!(
                "unknown command '{sub}' (this build has: run, render, serve)"
            ));
        }
    }
    let (mut script, mut size_opt, mut output, mut quality) = (None, None, None, 0.92f32);
    let mut system_fonts = true;
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
            Long("no-system-fonts") => system_fonts = false,
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
        system_fonts,
    }))
}

/// The next value of the current flag, as a string.
fn text(parser: &mut lexopt::Parser) -> Result<String, String> {
    parser
        .value()
        .map_err(|e| e.to_string())?
        .string()
        .map_err(|e| e.to_string())
}

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
        platform: "wechat".into(),
        dpr: 2.0,
        screen: (375, 667),
        taps: Vec::new(),
        gallery: Vec::new(),
        user: mpcanvas::Answer::Allow,
        out: PathBuf::from("mpcanvas-out"),
        json: false,
        time_limit: 30.0,
        memory_mb: 256,
        offline: false,
    };
    let mut path = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("platform") => {
                let p = text(&mut parser)?;
                if !mpcanvas::PROFILE_NAMES.contains(&p.as_str()) {
                    return Err(format!(
                        "--platform '{p}' is not one of: {}",
                        mpcanvas::PROFILE_NAMES.join(", ")
                    ));
                }
                run.platform = p;
            }
            Long("dpr") => {
                let d = positive(&mut parser, "--dpr")?;
                if d > 8.0 {
                    return Err("--dpr wants a number up to 8".into());
                }
                run.dpr = d;
            }
            Long("screen") => run.screen = size(&text(&mut parser)?)?,
            Long("tap") => run.taps.push(text(&mut parser)?),
            Long("pick") => run
                .gallery
                .push(PathBuf::from(parser.value().map_err(|e| e.to_string())?)),
            Long("user") => run.user = text(&mut parser)?.parse()?,
            Long("out") => run.out = PathBuf::from(parser.value().map_err(|e| e.to_string())?),
            Long("json") => run.json = true,
            Long("offline") => run.offline = true,
            Long("time-limit") => run.time_limit = positive(&mut parser, "--time-limit")?,
            Long("memory-limit") => {
                let mb = positive(&mut parser, "--memory-limit")?;
                run.memory_mb = (mb as u64).clamp(8, 16 * 1024);
            }
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(v) if path.is_none() => path = Some(PathBuf::from(v)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    run.path = path.ok_or("run needs a PATH (page folder, game folder or .js file)")?;
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
    fn run_has_the_documented_defaults() {
        let Command::Run(r) = parse_strs(&["run", "examples/wechat-2d"]).unwrap() else {
            panic!()
        };
        assert_eq!(r.platform, "wechat");
        assert_eq!((r.dpr, r.screen), (2.0, (375, 667)));
        assert_eq!(r.user, mpcanvas::Answer::Allow);
        assert_eq!(r.out, PathBuf::from("mpcanvas-out"));
        assert!(!r.json && r.taps.is_empty());
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
        assert_eq!(r.platform, "alipay");
        assert_eq!((r.dpr, r.screen), (3.0, (414, 896)));
        assert_eq!(r.taps, ["save", "share"]);
        assert_eq!(r.gallery, [PathBuf::from("a.png")]);
        assert_eq!(r.user, mpcanvas::Answer::DenyForever);
        assert_eq!(r.out, PathBuf::from("o"));
        assert!(r.json && r.offline);
        assert_eq!((r.time_limit, r.memory_mb), (5.0, 64));
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
}
