//! Rendering a loaded template against data: conditionals
//! (`wx:if` / `wx:elif` / `wx:else`), lists (`wx:for` with
//! `wx:for-item` / `wx:for-index`, nested), `<block>`, template
//! instances (`<template is data>`), and attributes with bound parts.
//! Directive names use the file's dialect prefix (`wx:`, `a:`, `tt:`).

use super::MarkupError;
use super::load::Template;
use super::tree::{ElementNode, Node};
use crate::page::expr::{self, Env, Interpolated, Part, Value};
use crate::page::markup::Element;

/// Deepest nesting of template instances (frameworks render through
/// recursive templates; a template that always includes itself stops
/// here with an error).
pub const MAX_TEMPLATE_DEPTH: usize = 64;
/// Most elements one render produces (a runaway list is an error, not a
/// hang).
pub const MAX_ELEMENTS: usize = 200_000;
/// Most elements, blocks and list items one render visits (nested lists
/// that produce nothing still end).
const MAX_STEPS: usize = 2_000_000;

/// The script modules bindings can call.
pub trait Modules {
    /// Whether `name` is a module.
    fn has(&self, name: &str) -> bool;
    /// `name.path…(args)`.
    fn call(&self, name: &str, path: &[String], args: Vec<Value>) -> Result<Value, String>;
    /// The value of `name.path…`.
    fn value(&self, name: &str, path: &[String]) -> Result<Value, String>;
}

/// No script modules.
pub struct NoModules;

impl Modules for NoModules {
    fn has(&self, _: &str) -> bool {
        false
    }
    fn call(&self, name: &str, _: &[String], _: Vec<Value>) -> Result<Value, String> {
        Err(format!("no script module '{name}'"))
    }
    fn value(&self, name: &str, _: &[String]) -> Result<Value, String> {
        Err(format!("no script module '{name}'"))
    }
}

/// The modules of an imported file as its templates name them, over
/// the modules in scope where the template is instantiated.
struct Renamed<'a> {
    /// Each name a binding uses, with the module's name in `inner`.
    names: &'a [(String, String)],
    inner: &'a dyn Modules,
}

impl Renamed<'_> {
    fn key<'n>(&'n self, name: &'n str) -> &'n str {
        self.names
            .iter()
            .find(|(n, _)| n == name)
            .map_or(name, |(_, key)| key.as_str())
    }
}

impl Modules for Renamed<'_> {
    fn has(&self, name: &str) -> bool {
        self.inner.has(self.key(name))
    }
    fn call(&self, name: &str, path: &[String], args: Vec<Value>) -> Result<Value, String> {
        self.inner.call(self.key(name), path, args)
    }
    fn value(&self, name: &str, path: &[String]) -> Result<Value, String> {
        self.inner.value(self.key(name), path)
    }
}

/// Names in scope: the data, loop variables over it (innermost last).
struct Scope<'a> {
    data: &'a Value,
    locals: Vec<(String, Value)>,
    modules: &'a dyn Modules,
}

impl Env for Scope<'_> {
    fn lookup(&self, name: &str) -> Option<Value> {
        if let Some((_, v)) = self.locals.iter().rev().find(|(k, _)| k == name) {
            return Some(v.clone());
        }
        match self.data.member(&Value::String(name.to_string())) {
            Value::Undefined => None,
            v => Some(v),
        }
    }
    fn is_module(&self, name: &str) -> bool {
        self.modules.has(name)
    }
    fn call(&self, module: &str, path: &[String], args: Vec<Value>) -> Result<Value, String> {
        self.modules.call(module, path, args)
    }
    fn module_value(&self, module: &str, path: &[String]) -> Result<Value, String> {
        self.modules.value(module, path)
    }
}

struct Walker<'a> {
    template: &'a Template,
    prefix: &'static str,
    out: Vec<Element>,
    depth: usize,
    steps: usize,
    /// Indices of the open elements in `out`, innermost last.
    parents: Vec<usize>,
    /// The list items and template instances around the node being
    /// rendered, outermost first (see [`Element::place`]).
    place: Vec<String>,
}

/// The elements `template` renders for `data`, in document order.
pub fn render(
    template: &Template,
    data: &Value,
    modules: &dyn Modules,
) -> Result<Vec<Element>, MarkupError> {
    if let Some(e) = &template.error {
        return Err(e.clone());
    }
    let mut walker = Walker {
        template,
        prefix: template.dialect.prefix,
        out: Vec::new(),
        depth: 0,
        steps: 0,
        parents: Vec::new(),
        place: Vec::new(),
    };
    let scope = Scope {
        data,
        locals: Vec::new(),
        modules,
    };
    walker.nodes(&template.nodes, &scope, &template.file)?;
    Ok(walker.out)
}

/// A node's identity within its loaded template: its address, stable
/// while the template (shared by every render of a scope) lives.
fn node_id(e: &ElementNode) -> String {
    format!("{:x}", std::ptr::from_ref(e) as usize)
}

/// Where an error is: a file and a line.
fn err(file: &str, line: usize, message: impl Into<String>) -> MarkupError {
    MarkupError::new(file, line, message)
}

impl Walker<'_> {
    fn directive<'e>(&self, e: &'e ElementNode, name: &str) -> Option<Option<&'e str>> {
        let full = format!("{}{name}", self.prefix);
        e.attributes
            .iter()
            .find(|(k, _)| *k == full)
            .map(|(_, v)| v.as_deref())
    }

    /// Evaluates attribute text: a lone binding keeps its type.
    fn value(
        &self,
        text: &str,
        scope: &Scope,
        file: &str,
        line: usize,
        what: &str,
    ) -> Result<Value, MarkupError> {
        let parsed = expr::interpolate_in(text, &self.template.dialect.syntax)
            .map_err(|e| err(file, line, format!("{what}: {e} in \"{text}\"")))?;
        let eval = |x: &expr::Expr| {
            expr::evaluate(x, scope)
                .map_err(|e| err(file, line, format!("{what}: {e} in \"{text}\"")))
        };
        Ok(match parsed {
            Interpolated::Static(s) => Value::String(s),
            Interpolated::Single(x) => eval(&x)?,
            Interpolated::Mixed(parts) => {
                let mut s = String::new();
                for part in &parts {
                    match part {
                        Part::Text(t) => s.push_str(t),
                        Part::Expr(x) => s.push_str(&eval(x)?.to_text()),
                    }
                }
                Value::String(s)
            }
        })
    }

    fn nodes(&mut self, nodes: &[Node], scope: &Scope, file: &str) -> Result<(), MarkupError> {
        // Whether the current `if` chain has rendered a branch.
        let mut chain: Option<bool> = None;
        for node in nodes {
            let e = match node {
                Node::Element(e) => e,
                Node::Text(text, line) => {
                    self.value(text, scope, file, *line, "text")?;
                    continue;
                }
            };
            self.check_directives(e, file)?;
            let has_for =
                self.directive(e, "for").is_some() || self.directive(e, "for-items").is_some();
            let cond = if let Some(test) = self.directive(e, "if") {
                chain = Some(false);
                Some(test)
            } else if let Some(test) = self.directive(e, "elif") {
                if chain.is_none() {
                    return Err(err(
                        file,
                        e.line,
                        format!("{}elif without {}if before it", self.prefix, self.prefix),
                    ));
                }
                Some(test)
            } else if self.directive(e, "else").is_some() {
                let Some(taken) = chain.take() else {
                    return Err(err(
                        file,
                        e.line,
                        format!("{}else without {}if before it", self.prefix, self.prefix),
                    ));
                };
                if !taken {
                    self.repeat(e, scope, file)?;
                }
                continue;
            } else {
                chain = None;
                None
            };
            match cond {
                Some(test) if !has_for => {
                    if chain == Some(true) {
                        continue;
                    }
                    let test = test.unwrap_or_default();
                    if self
                        .value(test, scope, file, e.line, &format!("{}if", self.prefix))?
                        .truthy()
                    {
                        chain = Some(true);
                        self.one(e, scope, file)?;
                    }
                }
                _ => self.repeat(e, scope, file)?,
            }
        }
        Ok(())
    }

    /// Directives the dialect does not have are errors, so a page never
    /// silently loses nodes.
    fn check_directives(&self, e: &ElementNode, file: &str) -> Result<(), MarkupError> {
        const KNOWN: [&str; 8] = [
            "if",
            "elif",
            "else",
            "for",
            "for-item",
            "for-index",
            "key",
            "for-items",
        ];
        for (name, _) in &e.attributes {
            if let Some(d) = name.strip_prefix(self.prefix) {
                if !KNOWN.contains(&d) {
                    return Err(err(
                        file,
                        e.line,
                        format!("unsupported directive {name} on <{}>", e.name),
                    ));
                }
                continue;
            }
            for other in super::dialect::ALL {
                if other.prefix != self.prefix
                    && let Some(d) = name.strip_prefix(other.prefix)
                    && KNOWN.contains(&d)
                {
                    return Err(err(
                        file,
                        e.line,
                        format!(
                            "{name} is .{} markup; this .{} file writes it {}{d}",
                            other.extension, self.template.dialect.extension, self.prefix
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// `e` once per item of its `for` list (or once without one), each
    /// copy checked against its own `if`.
    fn repeat(&mut self, e: &ElementNode, scope: &Scope, file: &str) -> Result<(), MarkupError> {
        let list = self
            .directive(e, "for")
            .or_else(|| self.directive(e, "for-items"));
        let Some(list) = list else {
            return self.one(e, scope, file);
        };
        let list = self.value(
            list.unwrap_or_default(),
            scope,
            file,
            e.line,
            &format!("{}for", self.prefix),
        )?;
        let item_name = self
            .directive(e, "for-item")
            .flatten()
            .unwrap_or("item")
            .trim()
            .to_string();
        let index_name = self
            .directive(e, "for-index")
            .flatten()
            .unwrap_or("index")
            .trim()
            .to_string();
        let items: Vec<(Value, Value)> = match list {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (Value::Number(i as f64), v))
                .collect(),
            Value::Object(fields) => fields
                .into_iter()
                .map(|(k, v)| (Value::String(k), v))
                .collect(),
            Value::String(s) => s
                .chars()
                .enumerate()
                .map(|(i, c)| (Value::Number(i as f64), Value::String(c.into())))
                .collect(),
            Value::Number(n) if n.is_finite() && n > 0.0 => (0..(n.min(MAX_ELEMENTS as f64)
                as usize))
                .map(|i| (Value::Number(i as f64), Value::Number(i as f64)))
                .collect(),
            _ => Vec::new(),
        };
        for (index, item) in items {
            let mut inner = Scope {
                data: scope.data,
                locals: scope.locals.clone(),
                modules: scope.modules,
            };
            // Items are told apart by `wx:key` (a field of the item, or
            // `*this` for the item itself), else by index.
            let key = match self.directive(e, "key").flatten().map(str::trim) {
                Some("*this") => item.to_text(),
                Some(field) if !field.is_empty() => {
                    item.member(&Value::String(field.to_string())).to_text()
                }
                _ => index.to_text(),
            };
            inner.locals.push((item_name.clone(), item));
            inner.locals.push((index_name.clone(), index));
            if let Some(test) = self.directive(e, "if")
                && !self
                    .value(
                        test.unwrap_or_default(),
                        &inner,
                        file,
                        e.line,
                        &format!("{}if", self.prefix),
                    )?
                    .truthy()
            {
                continue;
            }
            self.place.push(format!("{}#{key}", node_id(e)));
            let result = self.one(e, &inner, file);
            self.place.pop();
            result?;
        }
        Ok(())
    }

    /// `e` itself (directives already applied).
    fn one(&mut self, e: &ElementNode, scope: &Scope, file: &str) -> Result<(), MarkupError> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err(err(
                file,
                e.line,
                format!("the page's lists and templates visit more than {MAX_STEPS} nodes"),
            ));
        }
        match e.name.as_str() {
            "block" => return self.nodes(&e.children, scope, file),
            "template" if e.has("name") => return Ok(()),
            "template" => return self.instance(e, scope, file),
            "import" => return Ok(()),
            name if self.template.dialect.is_module_tag(name) => return Ok(()),
            _ => {}
        }
        if self.out.len() >= MAX_ELEMENTS {
            return Err(err(
                file,
                e.line,
                format!("the page renders more than {MAX_ELEMENTS} elements"),
            ));
        }
        let mut element = Element {
            name: e.name.clone(),
            attributes: Vec::new(),
            bound: Vec::new(),
            line: e.line,
            parent: self.parents.last().copied(),
            place: format!("{}/{}", self.place.join("/"), node_id(e)),
        };
        for (name, text) in &e.attributes {
            if name.starts_with(self.prefix) {
                continue;
            }
            let Some(text) = text else {
                element.attributes.push((name.clone(), None));
                continue;
            };
            let v = self.value(text, scope, file, e.line, &format!("attribute {name}"))?;
            if text.contains("{{") {
                element.bound.push((name.clone(), text.clone(), v.clone()));
            }
            element.attributes.push((name.clone(), Some(v.to_text())));
        }
        self.parents.push(self.out.len());
        self.out.push(element);
        let result = self.nodes(&e.children, scope, file);
        self.parents.pop();
        result
    }

    /// `<template is="{{name}}" data="{{...obj, k: v}}"/>`.
    fn instance(&mut self, e: &ElementNode, scope: &Scope, file: &str) -> Result<(), MarkupError> {
        let Some(is) = e.attribute("is") else {
            return Err(err(
                file,
                e.line,
                "<template> needs a name (a definition) or is (an instance)",
            ));
        };
        let name = self
            .value(is, scope, file, e.line, "template is")?
            .to_text();
        let Some(def) = self.template.templates.get(&name).cloned() else {
            let known: Vec<&str> = self.template.templates.keys().map(String::as_str).collect();
            return Err(err(
                file,
                e.line,
                format!(
                    "template '{name}' is not defined or imported here (known: {})",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                ),
            ));
        };
        if self.depth >= MAX_TEMPLATE_DEPTH {
            return Err(err(
                file,
                e.line,
                format!(
                    "template '{name}' nested deeper than {MAX_TEMPLATE_DEPTH} (recursion without an end?)"
                ),
            ));
        }
        let data = match e.attribute("data").map(str::trim) {
            Some(text) if text.starts_with("{{") && text.ends_with("}}") && text.len() >= 4 => {
                let inner = &text[2..text.len() - 2];
                let parsed = expr::parse_object_body(inner, &self.template.dialect.syntax)
                    .map_err(|x| err(file, e.line, format!("template data: {x} in \"{text}\"")))?;
                expr::evaluate(&parsed, scope)
                    .map_err(|x| err(file, e.line, format!("template data: {x} in \"{text}\"")))?
            }
            Some(text) if !text.is_empty() => {
                return Err(err(
                    file,
                    e.line,
                    format!("template data must be a binding, not \"{text}\""),
                ));
            }
            _ => Value::Object(Vec::new()),
        };
        // A template sees only the data it is given, and the modules of
        // its file over those in scope where it is instantiated.
        let renamed = Renamed {
            names: &def.modules,
            inner: scope.modules,
        };
        let inner = Scope {
            data: &data,
            locals: Vec::new(),
            modules: if def.modules.is_empty() {
                scope.modules
            } else {
                &renamed
            },
        };
        self.depth += 1;
        self.place.push(format!("{}={name}", node_id(e)));
        let result = self.nodes(&def.nodes, &inner, &def.file);
        self.place.pop();
        self.depth -= 1;
        result
    }
}
