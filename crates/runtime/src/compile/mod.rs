//! What the developer tools do to a file before upload: TypeScript types
//! are removed and ES module syntax becomes CommonJS, with oxc. Each
//! statement stays on its original line, so errors and stack traces name
//! the file and line the author wrote. Plain CommonJS files are returned
//! untouched without being parsed.

mod esm;
mod layout;
mod typescript;

use std::borrow::Cow;

/// The language a file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// JavaScript: CommonJS, or ES modules.
    Js,
    /// TypeScript (`.ts`).
    Ts,
}

impl Lang {
    /// The language of a file name.
    pub fn of(name: &str) -> Lang {
        if name.ends_with(".ts") && !name.ends_with(".d.ts") {
            Lang::Ts
        } else {
            Lang::Js
        }
    }
}

/// Syntax the compiler rejects, at its place in the original file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// The file, as shown to scripts.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for CompileError {}

impl CompileError {
    /// An error at byte `offset` of `source`.
    pub(crate) fn at(file: &str, source: &str, offset: u32, message: impl Into<String>) -> Self {
        let offset = (offset as usize).min(source.len());
        let before = source.get(..offset).unwrap_or(source);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        CompileError {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    /// The first error among oxc's diagnostics.
    pub(crate) fn from_diagnostics<'d>(
        file: &str,
        source: &str,
        mut errors: impl Iterator<Item = &'d oxc::diagnostics::OxcDiagnostic>,
    ) -> Option<Self> {
        let first = errors.next()?;
        let offset = first.labels.first().map(|l| l.offset()).unwrap_or(0);
        Some(CompileError::at(
            file,
            source,
            offset,
            first.message.to_string(),
        ))
    }
}

/// Whether a JavaScript file may hold ES module syntax (cheap check, so
/// CommonJS bundles of megabytes are not parsed).
fn may_be_module(source: &str) -> bool {
    source.contains("import") || source.contains("export")
}

/// `source` (the file `file`) as CommonJS that runs inside the module
/// wrapper.
pub fn compile<'s>(file: &str, source: &'s str, lang: Lang) -> Result<Cow<'s, str>, CompileError> {
    // A compiler bug on odd input must not take the run down.
    std::panic::catch_unwind(|| compile_unguarded(file, source, lang)).unwrap_or_else(|_| {
        Err(CompileError::at(
            file,
            source,
            0,
            "the compiler failed on this file (an oxc bug); it was not run",
        ))
    })
}

fn compile_unguarded<'s>(
    file: &str,
    source: &'s str,
    lang: Lang,
) -> Result<Cow<'s, str>, CompileError> {
    match lang {
        Lang::Js if !may_be_module(source) => Ok(Cow::Borrowed(source)),
        Lang::Js => esm::to_commonjs(file, source, source).map(|c| match c {
            Some(code) => Cow::Owned(code),
            None => Cow::Borrowed(source),
        }),
        Lang::Ts => {
            let js = typescript::strip_types(file, source)?;
            // Errors in the generated code still name the original file;
            // lines match it, so they point at the author's statement.
            Ok(Cow::Owned(
                esm::to_commonjs(file, &js, source)?.unwrap_or(js),
            ))
        }
    }
}

#[cfg(test)]
mod tests;
