//! A markup file as a tree of elements, each with the line it starts on.
//!
//! Tolerant where the platforms' compilers are: an element left open is
//! closed by its parent's end tag or the end of the file. An end tag that
//! closes nothing open is an error, as it is on the platforms.

use super::MarkupError;
use crate::page::markup::{Tag, start_tag};

/// Elements whose content is script text, not markup.
const RAW_TEXT: [&str; 2] = ["wxs", "sjs"];

/// A node of the tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An element.
    Element(ElementNode),
    /// Text between tags (kept only when it holds a binding).
    Text(String, usize),
}

/// An element and its children.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementNode {
    /// The tag name as written.
    pub name: String,
    /// Attributes in order; `None` for a bare attribute name.
    pub attributes: Vec<(String, Option<String>)>,
    /// Child nodes.
    pub children: Vec<Node>,
    /// 1-based line of the start tag.
    pub line: usize,
    /// The script text of a `<wxs>` / `<sjs>` element.
    pub text: String,
}

impl ElementNode {
    /// The value of attribute `name`, if present with a value.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.as_deref())
    }

    /// Whether attribute `name` is present, with or without a value.
    pub fn has(&self, name: &str) -> bool {
        self.attributes.iter().any(|(k, _)| k == name)
    }
}

/// Parses `source` (of `file`, for errors) into its top-level nodes.
pub fn parse(source: &str, file: &str) -> Result<Vec<Node>, MarkupError> {
    let line_of = |offset: usize| source[..offset.min(source.len())].matches('\n').count() + 1;
    // The open elements, innermost last; the root collects top-level nodes.
    let mut stack: Vec<ElementNode> = vec![ElementNode {
        name: String::new(),
        attributes: Vec::new(),
        children: Vec::new(),
        line: 0,
        text: String::new(),
    }];
    let mut pos = 0;
    while pos < source.len() {
        let Some(rel) = source[pos..].find('<') else {
            push_text(&mut stack, &source[pos..], line_of(pos));
            break;
        };
        if rel > 0 {
            push_text(&mut stack, &source[pos..pos + rel], line_of(pos));
        }
        let at = pos + rel;
        let rest = &source[at + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            pos = after.find("-->").map_or(source.len(), |e| at + 4 + e + 3);
            continue;
        }
        if let Some(after) = rest.strip_prefix('/') {
            let end = after.find('>').map_or(after.len(), |e| e);
            let name = after[..end].trim();
            pos = (at + 2 + end + 1).min(source.len());
            let Some(depth) = stack.iter().rposition(|e| e.name == name) else {
                return Err(MarkupError::new(
                    file,
                    line_of(at),
                    format!("end tag </{name}> closes no open element"),
                ));
            };
            if depth == 0 {
                return Err(MarkupError::new(
                    file,
                    line_of(at),
                    format!("end tag </{name}> closes no open element"),
                ));
            }
            while stack.len() > depth {
                close(&mut stack);
            }
            continue;
        }
        if rest.starts_with('!') || rest.starts_with('?') {
            pos = rest.find('>').map_or(source.len(), |e| at + 1 + e + 1);
            continue;
        }
        let (tag, consumed) = start_tag(rest);
        let Some(Tag { name, attributes }) = tag else {
            push_text(&mut stack, "<", line_of(at));
            pos = at + 1;
            continue;
        };
        pos = at + 1 + consumed;
        let self_closing = source[..pos].trim_end_matches('>').ends_with('/');
        let mut element = ElementNode {
            name,
            attributes,
            children: Vec::new(),
            line: line_of(at),
            text: String::new(),
        };
        if self_closing {
            push(&mut stack, Node::Element(element));
        } else if RAW_TEXT.contains(&element.name.as_str()) {
            let end_tag = format!("</{}", element.name);
            let end = source[pos..]
                .find(&end_tag)
                .map_or(source.len(), |e| pos + e);
            element.text = source[pos..end].to_string();
            pos = source[end..]
                .find('>')
                .map_or(source.len(), |e| end + e + 1);
            push(&mut stack, Node::Element(element));
        } else {
            stack.push(element);
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    Ok(stack.pop().map(|root| root.children).unwrap_or_default())
}

fn push(stack: &mut [ElementNode], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

fn push_text(stack: &mut [ElementNode], text: &str, line: usize) {
    if text.contains("{{") {
        push(stack, Node::Text(text.to_string(), line));
    }
}

fn close(stack: &mut Vec<ElementNode>) {
    if let Some(done) = stack.pop() {
        push(stack, Node::Element(done));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(nodes: &[Node]) -> Vec<String> {
        nodes
            .iter()
            .filter_map(|n| match n {
                Node::Element(e) => Some(format!("{}({})", e.name, names(&e.children).join(","))),
                Node::Text(..) => None,
            })
            .collect()
    }

    #[test]
    fn nests_elements_and_records_lines() {
        let nodes = parse(
            "<view>\n  <canvas id=\"c\"/>\n  <text>{{a}}</text>\n</view>\n<block><image></block>",
            "p.wxml",
        )
        .unwrap();
        assert_eq!(names(&nodes), ["view(canvas(),text())", "block(image())"]);
        let Node::Element(view) = &nodes[0] else {
            panic!()
        };
        let Node::Element(canvas) = &view.children[0] else {
            panic!()
        };
        assert_eq!(canvas.line, 2);
    }

    #[test]
    fn script_elements_keep_their_text() {
        let nodes = parse(
            "<wxs module=\"m\">var a = 1 < 2 && b > 0;</wxs><view/>",
            "p",
        )
        .unwrap();
        let Node::Element(wxs) = &nodes[0] else {
            panic!()
        };
        assert_eq!(wxs.text, "var a = 1 < 2 && b > 0;");
        assert_eq!(names(&nodes)[1], "view()");
    }

    #[test]
    fn non_ascii_attributes_and_text_never_split_a_character() {
        // U+00E0 is C3 A0 and U+0085 is C2 85 in UTF-8: bytes that read
        // as whitespace on their own.
        let nodes = parse(
            "<canvas id=\u{e0}\u{e0} title='\u{85} \u{a0}'>\u{a0}{{x}}</canvas>",
            "p",
        )
        .unwrap();
        let Node::Element(canvas) = &nodes[0] else {
            panic!()
        };
        assert_eq!(canvas.attribute("id"), Some("\u{e0}\u{e0}"));
        assert_eq!(canvas.attribute("title"), Some("\u{85} \u{a0}"));
        for junk in [
            "<\u{e0}",
            "<a \u{e0}=\u{a0}",
            "<a b=\u{85}\u{85}>",
            "</\u{e0}>",
        ] {
            let _ = parse(junk, "p");
        }
    }

    #[test]
    fn a_stray_end_tag_is_an_error_with_its_line() {
        let err = parse("<view>\n</view>\n</canvas>", "pages/a.wxml").unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("pages/a.wxml", 3));
        assert!(err.message.contains("</canvas>"));
    }
}
