//! `mpcanvas`: a thin command line over the mpcanvas libraries.
//!
//! ```text
//! mpcanvas run PATH [--platform P] [--dpr N] [--screen WxH] [--tap METHOD]...
//!                   [--user ANSWER] [--out DIR] [--json] …
//! mpcanvas render SCRIPT.js [--size WxH] [-o OUT.png|OUT.jpg] [--quality Q]
//! mpcanvas test [PATH] [--update] [--junit FILE] [--out DIR]
//! mpcanvas compare IMAGE SNAPSHOT [--update] [--diff FILE] [--max-difference N] [--pixels N]
//! ```
//!
//! Exit codes: 0 done, 1 the script failed (its error and JS stack trace
//! on stderr, or in the run report) or a test failed, 2 bad command-line arguments, an
//! unusable path or unwritable output.
#![forbid(unsafe_code)]

mod args;
mod compare;
mod device;
mod hint;
mod render;
mod run;
mod serve;
mod test;
mod usage;

use std::process::ExitCode;

fn main() -> ExitCode {
    survive_file_size_limit();
    match args::parse(std::env::args_os().skip(1)) {
        Ok(args::Command::Run(r)) => run::run(&r),
        Ok(args::Command::Render(r)) => render::run(&r),
        Ok(args::Command::Serve(c)) => serve::run(c),
        Ok(args::Command::Test(t)) => test::run(&t),
        Ok(args::Command::Compare(c)) => test::compare(&c),
        Ok(args::Command::Help(topic)) => match args::help(topic.as_deref()) {
            Some(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            None => {
                eprintln!(
                    "mpcanvas: no help for '{}' (commands: run, render, test, compare, serve)",
                    topic.unwrap_or_default()
                );
                ExitCode::from(2)
            }
        },
        Ok(args::Command::Version) => {
            println!("mpcanvas {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Err(e) => {
            // One line of error (and its hint), not the whole manual.
            eprintln!("mpcanvas: {e}\n  (see 'mpcanvas help' for usage)");
            ExitCode::from(2)
        }
    }
}

/// Under a file-size limit (`ulimit -f`) the kernel ends a process whose
/// write goes past it with SIGXFSZ, before any report is printed. With the
/// signal handled, the write fails with EFBIG instead, and the API that
/// wrote reports the failure like any other write error.
fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        let seen = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        if let Err(e) = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, seen) {
            eprintln!(
                "mpcanvas: warning: cannot handle SIGXFSZ ({e}); a file-size limit ends the run"
            );
        }
    }
}
