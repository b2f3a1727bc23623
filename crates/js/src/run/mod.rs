//! Running a mini-program headlessly: find what a path holds, build the
//! runtime a page expects, drive its lifecycle and taps, and report.

pub mod package;
pub mod session;
