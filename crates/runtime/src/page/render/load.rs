//! Loading a markup file: its tree, `<include src>` expanded in place
//! (everything but the included file's `<template>` definitions and
//! script modules, as the WeChat docs say), the `<template name>`
//! definitions of the file and of the files it `<import>`s (only theirs:
//! imports are not transitive), and its script modules.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::MarkupError;
use super::dialect::Dialect;
use super::tree::{self, ElementNode, Node};

/// Deepest `<include>` nesting followed.
const MAX_INCLUDE_DEPTH: usize = 16;
/// Largest markup or module file read.
const MAX_FILE_BYTES: u64 = 8 << 20;

/// A loaded markup file, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// The file as displayed in errors.
    pub file: String,
    /// Its language.
    pub dialect: &'static Dialect,
    /// Its nodes, includes expanded.
    pub nodes: Vec<Node>,
    /// `<template name>` definitions by name: imported ones, then the
    /// file's own (which win).
    pub templates: BTreeMap<String, Rc<TemplateDef>>,
    /// Script modules declared by the file, then those of the files it
    /// imports (named `file#name`, seen only by their file's templates).
    pub modules: Vec<ModuleSource>,
    /// Why the file cannot be rendered, if it cannot.
    pub error: Option<MarkupError>,
}

/// A `<template name>` definition.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateDef {
    /// The file it is written in.
    pub file: String,
    /// Its content.
    pub nodes: Vec<Node>,
    /// The script modules of the file it is written in, when that is an
    /// imported file: each name its bindings use, with the module's name
    /// in [`Template::modules`].
    pub modules: Rc<Vec<(String, String)>>,
}

/// A script module of a markup file (`<wxs module>`, `<import-sjs>`,
/// `<sjs module>`).
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleSource {
    /// The name bindings use.
    pub name: String,
    /// Where its code is (the module file, or the markup file for inline
    /// code), as displayed.
    pub file: String,
    /// The module file, for `require` inside it.
    pub path: Option<PathBuf>,
    /// Its code.
    pub code: String,
    /// The line of its tag.
    pub line: usize,
}

/// Loads `path`; problems are kept in [`Template::error`].
pub fn load(path: &Path) -> Template {
    let file = path.display().to_string();
    let dialect = Dialect::of_extension(
        path.extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default(),
    );
    let mut template = Template {
        file: file.clone(),
        dialect,
        nodes: Vec::new(),
        templates: BTreeMap::new(),
        modules: Vec::new(),
        error: None,
    };
    if let Err(e) = fill(&mut template, path) {
        template.error = Some(e);
    }
    template
}

fn fill(t: &mut Template, path: &Path) -> Result<(), MarkupError> {
    let nodes = read_tree(path, &t.file, 0)?;
    let nodes = expand_includes(nodes, path, t.dialect, 0)?;
    let mut imported_modules = Vec::new();
    for (import, line) in imports(&nodes) {
        let target = resolve(path, &import, t.dialect.extension)
            .map_err(|m| MarkupError::new(&t.file, line, m))?;
        let shown = target.display().to_string();
        let imported = read_tree(&target, &t.file, line)?;
        // An imported file's modules are in scope for its own templates
        // wherever they are instantiated (Taro's `base.wxml` calls its
        // `<wxs module="xs">` from every template).
        let mut own = Vec::new();
        collect_modules(&imported, &target, &shown, t.dialect, &mut own)?;
        let mut names = Vec::new();
        for mut m in own {
            let key = format!("{shown}#{}", m.name);
            names.push((std::mem::replace(&mut m.name, key.clone()), key));
            imported_modules.push(m);
        }
        collect_templates(&imported, &shown, &Rc::new(names), &mut t.templates);
    }
    collect_templates(&nodes, &t.file, &Rc::new(Vec::new()), &mut t.templates);
    let mut modules = Vec::new();
    collect_modules(&nodes, path, &t.file, t.dialect, &mut modules)?;
    modules.extend(imported_modules);
    t.modules = modules;
    t.nodes = nodes;
    Ok(())
}

/// The tree of `path`; a missing file is an error at `line` of `from`.
fn read_tree(path: &Path, from: &str, line: usize) -> Result<Vec<Node>, MarkupError> {
    let source = read_text(path).map_err(|e| MarkupError::new(from, line, e))?;
    tree::parse(&source, &path.display().to_string())
}

fn read_text(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|_| format!("{} not found", path.display()))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{} is larger than {MAX_FILE_BYTES} bytes",
            path.display()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `src` of an `<import>` / `<include>` / module tag, relative to the file
/// `from` (or to the project root when it starts with `/`), with the
/// extension added when it has none. A file outside the project (`..`
/// past its root, or a symbolic link pointing out) is an error: markup
/// reads nothing outside its package.
pub(crate) fn resolve(from: &Path, src: &str, extension: &str) -> Result<PathBuf, String> {
    let dir = from.parent().unwrap_or(Path::new("."));
    let root = project_root(dir);
    let mut target = match src.strip_prefix('/') {
        Some(rooted) => root.join(rooted),
        None => dir.join(src),
    };
    if target.extension().is_none() {
        target.set_extension(extension);
    }
    // What does not exist cannot be read; what does must be inside.
    let outside = match (target.canonicalize(), root.canonicalize()) {
        (Ok(real), Ok(root)) => !real.starts_with(root),
        (Ok(_), Err(_)) => true,
        (Err(_), _) => false,
    };
    if outside {
        return Err(format!("{src} is outside the package"));
    }
    Ok(target)
}

/// The nearest folder up from `dir` holding an app config, else `dir`.
fn project_root(dir: &Path) -> PathBuf {
    dir.ancestors()
        .find(|d| d.join("app.json").is_file())
        .unwrap_or(dir)
        .to_path_buf()
}

fn expand_includes(
    nodes: Vec<Node>,
    path: &Path,
    dialect: &Dialect,
    depth: usize,
) -> Result<Vec<Node>, MarkupError> {
    let file = path.display().to_string();
    let mut out = Vec::new();
    for node in nodes {
        match node {
            Node::Element(e) if e.name == "include" => {
                let Some(src) = e.attribute("src") else {
                    return Err(MarkupError::new(&file, e.line, "<include> without src"));
                };
                if depth >= MAX_INCLUDE_DEPTH {
                    return Err(MarkupError::new(
                        &file,
                        e.line,
                        format!(
                            "<include src=\"{src}\"> nested deeper than {MAX_INCLUDE_DEPTH} (does it include itself?)"
                        ),
                    ));
                }
                let target = resolve(path, src, dialect.extension)
                    .map_err(|m| MarkupError::new(&file, e.line, m))?;
                let included = read_tree(&target, &file, e.line)?;
                let included = expand_includes(included, &target, dialect, depth + 1)?;
                out.extend(included.into_iter().filter(|n| match n {
                    Node::Element(x) => {
                        !(dialect.is_module_tag(&x.name) || x.name == "template" && x.has("name"))
                    }
                    Node::Text(..) => true,
                }));
            }
            Node::Element(mut e) => {
                e.children =
                    expand_includes(std::mem::take(&mut e.children), path, dialect, depth)?;
                out.push(Node::Element(e));
            }
            text => out.push(text),
        }
    }
    Ok(out)
}

fn elements(nodes: &[Node]) -> impl Iterator<Item = &ElementNode> {
    nodes.iter().filter_map(|n| match n {
        Node::Element(e) => Some(e),
        Node::Text(..) => None,
    })
}

/// `<import src>` targets with their lines.
fn imports(nodes: &[Node]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for e in elements(nodes) {
        if e.name == "import"
            && let Some(src) = e.attribute("src")
        {
            out.push((src.to_string(), e.line));
        }
        out.extend(imports(&e.children));
    }
    out
}

fn collect_templates(
    nodes: &[Node],
    file: &str,
    modules: &Rc<Vec<(String, String)>>,
    into: &mut BTreeMap<String, Rc<TemplateDef>>,
) {
    for e in elements(nodes) {
        if e.name == "template"
            && let Some(name) = e.attribute("name")
        {
            into.insert(
                name.to_string(),
                Rc::new(TemplateDef {
                    file: file.to_string(),
                    nodes: e.children.clone(),
                    modules: modules.clone(),
                }),
            );
        } else {
            collect_templates(&e.children, file, modules, into);
        }
    }
}

/// The script modules declared in `nodes` of the file `path` (shown as
/// `file`), appended to `into`.
fn collect_modules(
    nodes: &[Node],
    path: &Path,
    file: &str,
    dialect: &Dialect,
    into: &mut Vec<ModuleSource>,
) -> Result<(), MarkupError> {
    for e in elements(nodes) {
        let Some((tag, name_attr, src_attr)) =
            dialect.modules.iter().find(|(tag, _, _)| *tag == e.name)
        else {
            collect_modules(&e.children, path, file, dialect, into)?;
            continue;
        };
        let Some(name) = e.attribute(name_attr).filter(|n| !n.trim().is_empty()) else {
            return Err(MarkupError::new(
                file,
                e.line,
                format!("<{tag}> without a {name_attr} attribute"),
            ));
        };
        let module = match e.attribute(src_attr) {
            Some(src) => {
                let target = resolve(path, src, dialect.module_extension)
                    .map_err(|m| MarkupError::new(file, e.line, m))?;
                let code = read_text(&target).map_err(|m| MarkupError::new(file, e.line, m))?;
                ModuleSource {
                    name: name.trim().to_string(),
                    file: target.display().to_string(),
                    path: Some(target),
                    code,
                    line: 1,
                }
            }
            None => ModuleSource {
                name: name.trim().to_string(),
                file: file.to_string(),
                path: None,
                code: e.text.clone(),
                line: e.line,
            },
        };
        if into.iter().any(|m| m.name == module.name) {
            return Err(MarkupError::new(
                file,
                e.line,
                format!("script module '{}' is declared twice", module.name),
            ));
        }
        into.push(module);
    }
    Ok(())
}
