//! Poster snapshot tests, what `mpcanvas test` runs: each
//! `NAME.poster.json` spec (project, page, query, platforms, taps, the
//! scripted user, the phone, expectations on the report) is run on the
//! [`mpcanvas::Engine`]; every image the run exports is compared with its
//! approved snapshot `NAME.PLATFORM.N.png` beside the spec under the
//! conformance suite's tolerance rule (`mpcanvas-compare`, the same code);
//! a mismatch writes expected | diff | actual to the output folder;
//! `--update` approves. Results print as text or JUnit XML.
#![forbid(unsafe_code)]

mod case;
mod expect;
mod image;
mod junit;
mod spec;

pub use case::{CaseResult, ImageResult, Options, run_spec};
pub use expect::check_report;
pub use image::{Verdict, check_image, decode, verdict_json};
pub use junit::to_junit;
pub use spec::{
    DEFAULT_NOW, DeviceSpec, Expect, SPEC_SUFFIX, Spec, Tolerance, case_name, discover,
};

use std::path::Path;

use mpcanvas::Engine;

/// Runs every spec found at `path` (a spec file or a folder searched
/// recursively), in order; `each` sees every result as it is made.
pub fn run_all(
    engine: &Engine,
    path: &Path,
    options: &Options,
    mut each: impl FnMut(&CaseResult),
) -> Result<Vec<CaseResult>, String> {
    let specs = discover(path, &options.out)?;
    if specs.is_empty() {
        return Err(format!("{}: no *{SPEC_SUFFIX} specs found", path.display()));
    }
    let mut results = Vec::new();
    for spec in specs {
        for result in run_spec(engine, &spec, options) {
            each(&result);
            results.push(result);
        }
    }
    Ok(results)
}
