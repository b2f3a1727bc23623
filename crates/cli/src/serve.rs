//! `mpcanvas serve`: the HTTP service (crate `mpcanvas-server`).

use std::process::ExitCode;

use lexopt::prelude::*;

use crate::args::Command;

/// Parses the flags after `serve`.
pub(crate) fn parse(mut parser: lexopt::Parser) -> Result<Command, String> {
    let mut config = mpcanvas_server::Config::default();
    let text = |parser: &mut lexopt::Parser| -> Result<String, String> {
        parser
            .value()
            .map_err(|e| e.to_string())?
            .string()
            .map_err(|e| e.to_string())
    };
    let count = |t: String, flag: &str| -> Result<usize, String> {
        t.parse::<usize>()
            .ok()
            .filter(|n| (1..=4096).contains(n))
            .ok_or_else(|| format!("{flag} wants a whole number from 1 to 4096, got '{t}'"))
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("listen") => {
                let t = text(&mut parser)?;
                config.listen = t
                    .parse()
                    .map_err(|_| format!("--listen wants ADDRESS:PORT, got '{t}'"))?;
            }
            Long("workers") => config.workers = count(text(&mut parser)?, "--workers")?,
            Long("queue") => config.queue = count(text(&mut parser)?, "--queue")?,
            Long("allow-domain") => config.allow_domains.push(text(&mut parser)?),
            Long("time-limit") => {
                let t = text(&mut parser)?;
                let s = t
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s > 0.0 && *s <= 3600.0)
                    .ok_or_else(|| format!("--time-limit wants seconds (0, 3600], got '{t}'"))?;
                config.limits.job_time = std::time::Duration::from_secs_f64(s);
            }
            Long("memory-limit") => {
                let mb = count(text(&mut parser)?, "--memory-limit")?;
                config.limits.job_memory_bytes = mb.max(8) << 20;
            }
            Long("no-system-fonts") => config.system_fonts = false,
            Short('h') | Long("help") => return Ok(Command::Help(Some("serve".into()))),
            other => return Err(other.unexpected().to_string()),
        }
    }
    Ok(Command::Serve(config))
}

pub(crate) fn run(config: mpcanvas_server::Config) -> ExitCode {
    match mpcanvas_server::run(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mpcanvas serve: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(a: &[&str]) -> Result<Command, String> {
        parse(lexopt::Parser::from_args(
            a.iter().map(std::ffi::OsString::from),
        ))
    }

    #[test]
    fn serve_takes_listen_workers_queue_and_domains() {
        let Command::Serve(c) = parse_strs(&[
            "--listen",
            "127.0.0.1:0",
            "--workers",
            "3",
            "--queue",
            "5",
            "--allow-domain",
            "example.com",
            "--allow-domain",
            "cdn.test",
            "--time-limit",
            "2.5",
            "--memory-limit",
            "64",
        ])
        .unwrap() else {
            panic!()
        };
        assert_eq!(c.listen.to_string(), "127.0.0.1:0");
        assert_eq!((c.workers, c.queue), (3, 5));
        assert_eq!(c.allow_domains, ["example.com", "cdn.test"]);
        assert_eq!(c.limits.job_time.as_millis(), 2500);
        assert_eq!(c.limits.job_memory_bytes, 64 << 20);
    }

    #[test]
    fn bad_serve_arguments_are_errors() {
        for bad in [
            &["--listen", "nowhere"][..],
            &["--workers", "0"],
            &["--queue", "x"],
            &["--time-limit", "-1"],
            &["extra"],
        ] {
            assert!(parse_strs(bad).is_err(), "{bad:?}");
        }
    }
}
