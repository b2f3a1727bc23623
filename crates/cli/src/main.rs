//! `mpcanvas`: a thin command line over the mpcanvas libraries.
//!
//! ```text
//! mpcanvas render SCRIPT.js [--size WxH] [-o OUT.png|OUT.jpg] [--quality Q]
//! ```
//!
//! Exit codes: 0 done, 1 the script failed (its error and JS stack trace
//! on stderr), 2 bad command-line arguments or unwritable output.
#![forbid(unsafe_code)]

mod args;
mod output;
mod render;

use std::process::ExitCode;

fn main() -> ExitCode {
    match args::parse(std::env::args_os().skip(1)) {
        Ok(args::Command::Render(r)) => render::run(&r),
        Ok(args::Command::Help) => {
            print!("{}", args::USAGE);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("mpcanvas: {e}\n\n{}", args::USAGE);
            ExitCode::from(2)
        }
    }
}
