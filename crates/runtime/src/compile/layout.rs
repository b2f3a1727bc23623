//! Puts printed code back on its original lines: each printed line moves
//! down to the line its first mapped token came from, and lines that
//! came from one original line are joined. Line breaks inside template
//! literals are text and stay where they are.

use oxc::allocator::Allocator;
use oxc::ast::AstKind;
use oxc::parser::Parser;
use oxc::semantic::SemanticBuilder;
use oxc::span::SourceType;

/// Byte ranges of multi-line template literals in `code`.
fn templates(code: &str) -> Vec<(usize, usize)> {
    let allocator = Allocator::default();
    let ret = Parser::new(&allocator, code, SourceType::mjs()).parse();
    let semantic = SemanticBuilder::new()
        .with_build_nodes(true)
        .build(&ret.program)
        .semantic;
    semantic
        .nodes()
        .iter()
        .filter_map(|n| match n.kind() {
            AstKind::TemplateLiteral(t) => Some((t.span.start as usize, t.span.end as usize)),
            _ => None,
        })
        .filter(|(s, e)| code[*s..*e].contains('\n'))
        .collect()
}

/// `code` laid out so that printed line `d` sits on original line `s` for
/// the first `(d, s)` mapping of each printed line (0-based).
pub(super) fn on_original_lines(code: &str, mappings: &[(u32, u32)]) -> String {
    let mut first_source: Vec<Option<u32>> = vec![None; code.lines().count() + 1];
    for &(dst, src) in mappings {
        if let Some(slot) = first_source.get_mut(dst as usize)
            && slot.is_none()
        {
            *slot = Some(src);
        }
    }
    let templates = templates(code);
    let in_template = |offset: usize| templates.iter().any(|(s, e)| offset > *s && offset < *e);
    let mut out = String::with_capacity(code.len() + 64);
    let mut current = 0u32;
    let mut offset = 0usize;
    for (index, line) in code.split('\n').enumerate() {
        let target = first_source.get(index).copied().flatten();
        if index > 0 {
            let break_at = offset - 1;
            if in_template(break_at) {
                out.push('\n');
                current += 1;
            } else if let Some(t) = target.filter(|t| *t > current) {
                out.extend(std::iter::repeat_n('\n', (t - current) as usize));
                current = t;
            } else {
                out.push(' ');
            }
        } else if let Some(t) = target {
            out.extend(std::iter::repeat_n('\n', t as usize));
            current = t;
        }
        out.push_str(line);
        offset += line.len() + 1;
    }
    out
}
