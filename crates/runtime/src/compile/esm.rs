//! ES module syntax to CommonJS, as the developer tools compile it: each
//! `import` becomes a `require` at the same place and every use of an
//! imported name reads the required module's current value (so circular
//! imports see what CommonJS allows); exports become getters on
//! `exports` defined before the body runs. Edits keep every line break,
//! so the output's lines are the input's.

use oxc::allocator::Allocator;
use oxc::ast::AstKind;
use oxc::ast::ast::{
    Declaration, ExportDefaultDeclarationKind, ImportDeclarationSpecifier, ImportOrExportKind,
    ModuleExportName, Statement,
};
use oxc::parser::Parser;
use oxc::semantic::{Semantic, SemanticBuilder};
use oxc::span::{GetSpan, SourceType, Span};

use super::CompileError;

/// Helpers the compiled code calls, defined once per module (hoisted).
const HELPERS: &str = "function __mpDefault(m) { return m && m.__esModule ? m.default : m; } \
function __mpNamespace(m) { if (m && m.__esModule) return m; var n = { default: m }; \
if (m && typeof m === 'object') for (var k in m) if (k !== 'default') n[k] = m[k]; return n; } \
function __mpExportAll(e, m) { if (m) Object.keys(m).forEach(function (k) { \
if (k !== 'default' && k !== '__esModule' && !Object.prototype.hasOwnProperty.call(e, k)) \
Object.defineProperty(e, k, { enumerable: true, get: function () { return m[k]; } }); }); }";

struct Edit {
    span: Span,
    text: String,
}

/// How uses of an imported name are rewritten.
struct Binding {
    symbol: oxc::semantic::SymbolId,
    /// The expression that reads it (`_mpImport0.name`).
    read: String,
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn export_name(n: &ModuleExportName<'_>) -> String {
    n.name().to_string()
}

/// The CommonJS form of `code`, or `None` when it has no module syntax.
/// Errors are placed in `original` (the author's file, same lines).
pub(super) fn to_commonjs(
    file: &str,
    code: &str,
    original: &str,
) -> Result<Option<String>, CompileError> {
    let allocator = Allocator::default();
    let ret = Parser::new(&allocator, code, SourceType::unambiguous()).parse();
    if ret.diagnostics.has_errors() {
        if !ret.module_record.has_module_syntax {
            // A CommonJS script oxc reads differently: QuickJS decides.
            return Ok(None);
        }
        return Err(
            CompileError::from_diagnostics(file, original, ret.diagnostics.errors())
                .unwrap_or_else(|| CompileError::at(file, original, 0, "syntax error")),
        );
    }
    if !ret.module_record.has_module_syntax {
        return Ok(None);
    }
    let program = ret.program;
    let semantic = SemanticBuilder::new()
        .with_build_nodes(true)
        .build(&program)
        .semantic;
    let mut edits: Vec<Edit> = Vec::new();
    let mut getters: Vec<(String, String)> = Vec::new();
    let mut bindings: Vec<Binding> = Vec::new();
    let mut next = 0usize;
    let mut fresh = |prefix: &str| {
        next += 1;
        format!("_mp{prefix}{next}")
    };
    let err = |span: Span, message: &str| CompileError::at(file, original, span.start, message);

    for stmt in &program.body {
        match stmt {
            Statement::ImportDeclaration(d) => {
                if d.import_kind == ImportOrExportKind::Type {
                    edits.push(Edit {
                        span: d.span,
                        text: String::new(),
                    });
                    continue;
                }
                let var = fresh("Import");
                let mut text = format!("var {var} = require({});", quoted(&d.source.value));
                for spec in d.specifiers.iter().flatten() {
                    match spec {
                        ImportDeclarationSpecifier::ImportSpecifier(s) => {
                            if s.import_kind == ImportOrExportKind::Type {
                                continue;
                            }
                            if let Some(symbol) = s.local.symbol_id.get() {
                                bindings.push(Binding {
                                    symbol,
                                    read: format!("{var}[{}]", quoted(&export_name(&s.imported))),
                                });
                            }
                        }
                        ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                            if let Some(symbol) = s.local.symbol_id.get() {
                                bindings.push(Binding {
                                    symbol,
                                    read: format!("__mpDefault({var})"),
                                });
                            }
                        }
                        ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                            let ns = fresh("Namespace");
                            text.push_str(&format!(" var {ns} = __mpNamespace({var});"));
                            if let Some(symbol) = s.local.symbol_id.get() {
                                bindings.push(Binding { symbol, read: ns });
                            }
                        }
                    }
                }
                edits.push(Edit { span: d.span, text });
            }
            Statement::ExportDeclaration(d) => {
                edits.push(Edit {
                    span: Span::new(d.span.start, d.declaration.span().start),
                    text: String::new(),
                });
                for name in declared_names(&d.declaration) {
                    getters.push((name.clone(), name));
                }
            }
            Statement::ExportFromDeclaration(d) => {
                if d.export_kind == ImportOrExportKind::Type {
                    edits.push(Edit {
                        span: d.span,
                        text: String::new(),
                    });
                    continue;
                }
                let var = fresh("Import");
                edits.push(Edit {
                    span: d.span,
                    text: format!("var {var} = require({});", quoted(&d.source.value)),
                });
                for s in &d.specifiers {
                    getters.push((
                        export_name(&s.exported),
                        format!("{var}[{}]", quoted(&export_name(&s.local))),
                    ));
                }
            }
            Statement::ExportNamedDeclaration(d) => {
                edits.push(Edit {
                    span: d.span,
                    text: String::new(),
                });
                if d.export_kind == ImportOrExportKind::Type {
                    continue;
                }
                for s in &d.specifiers {
                    // Re-exporting an import reads it through its module.
                    let local = export_name(&s.local);
                    let read = match &s.local {
                        ModuleExportName::IdentifierReference(r) => r
                            .reference_id
                            .get()
                            .and_then(|id| semantic.scoping().get_reference(id).symbol_id())
                            .and_then(|sym| bindings.iter().find(|b| b.symbol == sym))
                            .map(|b| b.read.clone())
                            .unwrap_or(local),
                        _ => local,
                    };
                    getters.push((export_name(&s.exported), read));
                }
            }
            Statement::ExportDefaultDeclaration(d) => match &d.declaration {
                ExportDefaultDeclarationKind::FunctionDeclaration(f) if f.id.is_some() => {
                    let name =
                        f.id.as_ref()
                            .map(|i| i.name.to_string())
                            .unwrap_or_default();
                    edits.push(Edit {
                        span: Span::new(d.span.start, f.span.start),
                        text: String::new(),
                    });
                    getters.push(("default".into(), name));
                }
                ExportDefaultDeclarationKind::ClassDeclaration(c) if c.id.is_some() => {
                    let name =
                        c.id.as_ref()
                            .map(|i| i.name.to_string())
                            .unwrap_or_default();
                    edits.push(Edit {
                        span: Span::new(d.span.start, c.span.start),
                        text: String::new(),
                    });
                    getters.push(("default".into(), name));
                }
                ExportDefaultDeclarationKind::TSInterfaceDeclaration(_) => edits.push(Edit {
                    span: d.span,
                    text: String::new(),
                }),
                other => {
                    let inner = other.span();
                    // `export default function () {}` is an expression now.
                    edits.push(Edit {
                        span: Span::new(d.span.start, inner.start),
                        text: "exports.default = ".into(),
                    });
                    if !code[inner.start as usize..d.span.end as usize]
                        .trim_end()
                        .ends_with(';')
                    {
                        edits.push(Edit {
                            span: Span::new(d.span.end, d.span.end),
                            text: ";".into(),
                        });
                    }
                }
            },
            Statement::ExportAllDeclaration(d) => {
                if d.export_kind == ImportOrExportKind::Type {
                    edits.push(Edit {
                        span: d.span,
                        text: String::new(),
                    });
                    continue;
                }
                let request = format!("require({})", quoted(&d.source.value));
                match &d.exported {
                    Some(name) => {
                        let var = fresh("Import");
                        edits.push(Edit {
                            span: d.span,
                            text: format!("var {var} = {request};"),
                        });
                        getters.push((export_name(name), format!("__mpNamespace({var})")));
                    }
                    None => edits.push(Edit {
                        span: d.span,
                        text: format!("__mpExportAll(exports, {request});"),
                    }),
                }
            }
            Statement::TSExportAssignment(a) => {
                return Err(err(
                    a.span,
                    "`export =` is not supported; use `export default`",
                ));
            }
            _ => {}
        }
    }

    rewrite_uses(&semantic, &bindings, code, &mut edits);
    for node in semantic.nodes().iter() {
        match node.kind() {
            AstKind::ImportExpression(e) => {
                let arg = &code[e.source.span().start as usize..e.source.span().end as usize];
                edits.push(Edit {
                    span: e.span,
                    text: format!(
                        "Promise.resolve().then(function () {{ return __mpNamespace(require({arg})); }})"
                    ),
                });
            }
            AstKind::ImportMeta(m) => {
                return Err(err(
                    m.span,
                    "`import.meta` is not supported in mini-programs",
                ));
            }
            _ => {}
        }
    }

    let mut preamble =
        String::from("Object.defineProperty(exports, \"__esModule\", { value: true }); ");
    // A bundle may export the marker itself (webpack's
    // `export { o as __esModule }`); it is already defined above.
    for (name, read) in getters.iter().filter(|(name, _)| name != "__esModule") {
        preamble.push_str(&format!(
            "Object.defineProperty(exports, {}, {{ enumerable: true, get: function () {{ return {read}; }} }}); ",
            quoted(name)
        ));
    }
    preamble.push_str(HELPERS);
    preamble.push(' ');
    Ok(Some(apply(code, edits, &preamble)))
}

/// Names a declaration binds.
fn declared_names(decl: &Declaration<'_>) -> Vec<String> {
    match decl {
        Declaration::VariableDeclaration(v) => v
            .declarations
            .iter()
            .flat_map(|d| d.id.get_binding_identifiers())
            .map(|i| i.name.to_string())
            .collect(),
        Declaration::FunctionDeclaration(f) => f.id.iter().map(|i| i.name.to_string()).collect(),
        Declaration::ClassDeclaration(c) => c.id.iter().map(|i| i.name.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// Every use of an imported name reads it through its module.
fn rewrite_uses(semantic: &Semantic<'_>, bindings: &[Binding], code: &str, edits: &mut Vec<Edit>) {
    let nodes = semantic.nodes();
    for binding in bindings {
        for reference in semantic.scoping().get_resolved_references(binding.symbol) {
            let id = reference.node_id();
            let span = nodes.kind(id).span();
            let name = &code[span.start as usize..span.end as usize];
            let text = match nodes.parent_kind(id) {
                AstKind::ObjectProperty(p) if p.shorthand => format!("{name}: {}", binding.read),
                // A called import gets no `this`, as in ES modules.
                AstKind::CallExpression(c) if c.callee.span() == span => {
                    format!("(0, {})", binding.read)
                }
                // `new Painter(x)`: the read is a call (`__mpDefault(m)`),
                // which `new` would take as its own argument list.
                AstKind::NewExpression(n) if n.callee.span() == span => {
                    format!("({})", binding.read)
                }
                _ => binding.read.clone(),
            };
            edits.push(Edit { span, text });
        }
    }
}

/// Applies `edits` (outermost wins where they nest), keeping every line
/// break of the replaced text, with `preamble` before line 1.
fn apply(code: &str, mut edits: Vec<Edit>, preamble: &str) -> String {
    edits.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let mut out = String::with_capacity(code.len() + preamble.len() + 256);
    out.push_str(preamble);
    let mut at = 0usize;
    for edit in edits {
        let (start, end) = (edit.span.start as usize, edit.span.end as usize);
        if start < at {
            continue;
        }
        out.push_str(&code[at..start]);
        out.push_str(&edit.text);
        let breaks = code[start..end].matches('\n').count();
        out.extend(std::iter::repeat_n(
            '\n',
            breaks.saturating_sub(edit.text.matches('\n').count()),
        ));
        at = end;
    }
    out.push_str(&code[at..]);
    out
}
