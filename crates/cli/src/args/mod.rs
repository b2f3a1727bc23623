//! Command-line parsing: one definition per flag, one file per command
//! (`run`, `render`, `test` and `compare`; `serve` parses in `crate::serve`).

mod render;
mod run;
mod test;

use std::ffi::OsString;

use lexopt::prelude::*;

use crate::hint::{closest, unexpected};
pub(crate) use crate::usage::help;
pub(crate) use render::Render;
pub(crate) use run::Run;
pub(crate) use test::{Compare, Test};

/// What to do.
#[derive(Debug, PartialEq)]
pub(crate) enum Command {
    Run(Box<Run>),
    Render(Render),
    Test(Test),
    Compare(Compare),
    Serve(mpcanvas_server::Config),
    /// `help [COMMAND]`, `--help`.
    Help(Option<String>),
    Version,
}

/// Parses `WxH` (both sides 1..=65535).
pub(super) fn size(text: &str) -> Result<(u32, u32), String> {
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
    let mut parser = lexopt::Parser::from_args(args);
    let sub = match parser.next().map_err(|e| e.to_string())? {
        Some(Value(v)) => v.string().map_err(|e| e.to_string())?,
        Some(Short('h') | Long("help")) | None => return Ok(Command::Help(None)),
        Some(Short('V') | Long("version")) => return Ok(Command::Version),
        Some(other) => return Err(unexpected(other, &["help", "version"])),
    };
    match sub.as_str() {
        "render" => render::parse(parser),
        "run" => run::parse(parser),
        "serve" => crate::serve::parse(parser),
        "test" => test::parse(parser),
        "compare" => test::parse_compare(parser),
        "help" => {
            let topic = parser
                .next()
                .map_err(|e| e.to_string())?
                .and_then(|a| match a {
                    Value(v) => v.into_string().ok(),
                    _ => None,
                });
            Ok(Command::Help(topic))
        }
        _ => {
            let hint = closest(&sub, COMMANDS)
                .map_or(String::new(), |c| format!("\n  hint: did you mean '{c}'?"));
            Err(format!(
                "unknown command '{sub}' (commands: {}){hint}",
                COMMANDS.join(", ")
            ))
        }
    }
}

/// The next value of the current flag, as a string. A value that looks
/// like a flag is refused: `--tap --json` means a forgotten METHOD, not a
/// method named `--json`.
pub(super) fn text(parser: &mut lexopt::Parser) -> Result<String, String> {
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
const COMMANDS: &[&str] = &["run", "render", "test", "compare", "serve", "help"];

/// A positive finite number for `flag`.
pub(super) fn positive(parser: &mut lexopt::Parser, flag: &str) -> Result<f64, String> {
    let t = text(parser)?;
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0)
        .ok_or_else(|| format!("{flag} wants a positive number, got '{t}'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(a: &[&str]) -> Result<Command, String> {
        parse(a.iter().map(OsString::from))
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
