//! TypeScript to JavaScript with oxc's transformer (types, `enum`,
//! `namespace`, parameter properties; imports used only as types are
//! dropped), printed without comments and laid out on the original lines.

use std::path::Path;

use oxc::allocator::Allocator;
use oxc::codegen::{Codegen, CodegenOptions, CommentOptions, LegalComment};
use oxc::parser::Parser;
use oxc::semantic::SemanticBuilder;
use oxc::span::SourceType;
use oxc::transformer::{TransformOptions, Transformer};

use super::CompileError;
use super::layout;

/// `source` (TypeScript) as JavaScript with ES module syntax kept.
pub(super) fn strip_types(file: &str, source: &str) -> Result<String, CompileError> {
    let allocator = Allocator::default();
    let source_type = SourceType::ts().with_module(true);
    let ret = Parser::new(&allocator, source, source_type).parse();
    if let Some(e) = CompileError::from_diagnostics(file, source, ret.diagnostics.errors()) {
        return Err(e);
    }
    let mut program = ret.program;
    // The transformer reads enum member values from semantic analysis.
    let scoping = SemanticBuilder::new()
        .with_enum_eval(true)
        .build(&program)
        .semantic
        .into_scoping();
    let options = TransformOptions::default();
    let transformed = Transformer::new(&allocator, Path::new(file), &options)
        .build_with_scoping(scoping, &mut program);
    if let Some(e) = CompileError::from_diagnostics(file, source, transformed.diagnostics.errors())
    {
        return Err(e);
    }
    let printed = Codegen::new()
        .with_options(CodegenOptions {
            // Line comments could swallow code when lines are joined.
            comments: CommentOptions {
                normal: false,
                jsdoc: false,
                annotation: false,
                legal: LegalComment::None,
            },
            source_map_path: Some(file.into()),
            ..CodegenOptions::default()
        })
        .build(&program);
    let lines: Vec<(u32, u32)> = printed
        .map
        .as_ref()
        .map(|m| {
            m.get_tokens()
                .map(|t| (t.get_dst_line(), t.get_src_line()))
                .collect()
        })
        .unwrap_or_default();
    Ok(layout::on_original_lines(&printed.code, &lines))
}
