//! Markup rendered as the platforms render it: the file's tree (with its
//! `<include>`s expanded, its `<import>`ed templates and its script
//! modules) evaluated against an instance's data into the flat list of
//! elements selectors, canvases, components and taps work with.
//!
//! [`load`] reads a file once per scope; [`render`] runs on every
//! `setData`. Errors name the file and line.

mod dialect;
mod load;
pub mod tree;
mod walk;

use std::path::Path;
use std::rc::Rc;

pub use dialect::Dialect;
pub(crate) use load::resolve;
pub use load::{ModuleSource, Template, TemplateDef, load};
pub use walk::{MAX_ELEMENTS, MAX_TEMPLATE_DEPTH, Modules, NoModules, render};

use super::markup::Markup;

/// A markup error: the file, the 1-based line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    /// The file as displayed.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl MarkupError {
    pub(crate) fn new(file: &str, line: usize, message: impl Into<String>) -> MarkupError {
        MarkupError {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for MarkupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for MarkupError {}

/// Reads the markup file at `path` for a scope: the template (kept for
/// re-rendering) and a first render with empty data, so code that runs
/// before the instance exists sees the unconditional canvases. A file
/// that cannot be rendered keeps its error for the first render with the
/// instance's data to report.
pub fn read(path: &Path) -> Markup {
    let template = Rc::new(load(path));
    let mut markup = match render(
        &template,
        &super::expr::Value::Object(Vec::new()),
        &NoModules,
    ) {
        Ok(elements) => Markup::from_elements(elements),
        Err(_) => Markup::default(),
    };
    // Tap handlers behind conditions count too (for `--tap` and hints).
    if let Ok(source) = std::fs::read(path) {
        markup.tap_handlers = super::markup::parse(&String::from_utf8_lossy(&source)).tap_handlers;
    }
    markup.template = Some(template);
    markup
}
