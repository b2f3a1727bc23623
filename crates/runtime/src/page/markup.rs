//! Reading a page's markup (`.wxml`, `.axml`, `.ttml`) for what a headless
//! run needs: the `<canvas>` elements and the methods bound to taps. The
//! scanner is tolerant: any other markup, `{{ }}` expressions, comments and
//! unclosed tags are read without error and ignored.

/// A CSS length from a `style` attribute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// CSS pixels.
    Px(f64),
    /// Responsive pixels: 750 rpx is the screen width.
    Rpx(f64),
}

impl Length {
    /// The length in CSS px for a screen `screen_width` px wide.
    pub fn to_px(self, screen_width: f64) -> f64 {
        match self {
            Length::Px(v) => v,
            Length::Rpx(v) => v * screen_width / 750.0,
        }
    }
}

/// Which canvas API an element is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CanvasKind {
    /// `canvas-id` with the legacy `createCanvasContext` recorder.
    Legacy,
    /// `type="2d"`: a canvas node with the standard 2D context.
    TwoD,
    /// `type="webgl"`: not drawable here.
    Webgl,
}

/// A `<canvas>` element of the markup.
#[derive(Debug, Clone, PartialEq)]
pub struct CanvasElement {
    /// The API the element is drawn with.
    pub kind: CanvasKind,
    /// `canvas-id` (legacy canvases).
    pub canvas_id: Option<String>,
    /// `id` (2D canvases are selected by `#id`).
    pub id: Option<String>,
    /// `width` / `height` attributes (Alipay canvases take these).
    pub width_attr: Option<f64>,
    /// See `width_attr`.
    pub height_attr: Option<f64>,
    /// `width` from `style`.
    pub style_width: Option<Length>,
    /// `height` from `style`.
    pub style_height: Option<Length>,
}

/// Any start tag: its name and attributes (used to find custom
/// components and the events bound on them).
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// The tag name as written.
    pub name: String,
    /// Attributes in order, bound parts evaluated; `None` for a bare
    /// attribute name.
    pub attributes: Vec<(String, Option<String>)>,
    /// The attributes written with bindings: (name, text as written,
    /// value; a lone `{{poster}}` keeps its type), for component
    /// properties.
    pub bound: Vec<(String, String, super::expr::Value)>,
    /// 1-based line in its markup file (0 when unknown).
    pub line: usize,
    /// Index of the enclosing element in the rendered list (`None` at
    /// the top, and for scanned markup).
    pub parent: Option<usize>,
    /// Where the element comes from: its node in the markup, under the
    /// list items (by `wx:key`, else index) and template instances (by
    /// name) around it. Equal across renders for the same element, so a
    /// component keeps its instance while its list moves (empty for
    /// scanned markup).
    pub place: String,
}

impl Element {
    /// The value of attribute `name`, if it was written with a binding.
    pub fn value(&self, name: &str) -> Option<&super::expr::Value> {
        self.bound
            .iter()
            .find(|(k, _, _)| k == name)
            .map(|(_, _, v)| v)
    }

    /// The text of attribute `name` as written, if it holds a binding.
    pub fn bound_text(&self, name: &str) -> Option<&str> {
        self.bound
            .iter()
            .find(|(k, _, _)| k == name)
            .map(|(_, t, _)| t.as_str())
    }

    /// The value of attribute `name`, if present with a value.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.as_deref())
    }

    /// The handler bound to `event` (`bindevent`, `bind:event`,
    /// `catchevent`, `catch:event`, Alipay's `onEvent`), if a static name.
    pub fn handler(&self, event: &str) -> Option<&str> {
        self.attributes.iter().find_map(|(k, v)| {
            let v = v.as_deref()?.trim();
            (binding_event(k).is_some_and(|e| e.eq_ignore_ascii_case(event))
                && !v.is_empty()
                && !v.contains("{{"))
            .then_some(v)
        })
    }
}

/// What a page's markup declares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Markup {
    /// Every `<canvas>`, in document order.
    pub canvases: Vec<CanvasElement>,
    /// Methods bound to tap events, in document order, without repeats.
    pub tap_handlers: Vec<String>,
    /// Every start tag, in document order.
    pub elements: Vec<Element>,
    /// The loaded file, for rendering against data (none for markup
    /// scanned from text).
    pub template: Option<std::rc::Rc<super::render::Template>>,
}

impl Markup {
    /// The markup of rendered elements: their canvases and tap handlers.
    pub fn from_elements(elements: Vec<Element>) -> Markup {
        let mut markup = Markup::default();
        for element in &elements {
            if let Some(h) = element.handler("tap")
                && !markup.tap_handlers.iter().any(|t| t == h)
            {
                markup.tap_handlers.push(h.to_string());
            }
            if element.name.eq_ignore_ascii_case("canvas") {
                markup.canvases.push(canvas_element(&element.attributes));
            }
        }
        markup.elements = elements;
        markup
    }
}

/// Scans `source` for canvases and tap handlers.
pub fn parse(source: &str) -> Markup {
    let mut markup = Markup::default();
    for tag in tags(source) {
        for (name, value) in &tag.attributes {
            if is_tap_binding(name)
                && let Some(v) = value
                    .as_deref()
                    .map(str::trim)
                    .filter(|v| !v.is_empty() && !v.contains("{{"))
                && !markup.tap_handlers.iter().any(|h| h == v)
            {
                markup.tap_handlers.push(v.to_string());
            }
        }
        if tag.name.eq_ignore_ascii_case("canvas") {
            markup.canvases.push(canvas_element(&tag.attributes));
        }
        markup.elements.push(Element {
            name: tag.name,
            attributes: tag.attributes,
            bound: Vec::new(),
            line: 0,
            parent: None,
            place: String::new(),
        });
    }
    markup
}

/// The event an attribute binds: `bindtap`, `catchtap`, `bind:tap`,
/// `capture-bind:tap`, `mut-bind:tap`, and Alipay's `onTap` / `catchTap`
/// all bind `tap`.
fn binding_event(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let rest = lower
        .trim_start_matches("capture-")
        .trim_start_matches("mut-");
    let event = rest
        .strip_prefix("bind")
        .or_else(|| rest.strip_prefix("catch"))
        .or_else(|| lower.strip_prefix("on"))?
        .trim_start_matches(':');
    (!event.is_empty()).then(|| event.to_string())
}

fn is_tap_binding(name: &str) -> bool {
    binding_event(name).as_deref() == Some("tap")
}

fn canvas_element(attributes: &[(String, Option<String>)]) -> CanvasElement {
    let attr = |n: &str| {
        attributes
            .iter()
            .find(|(k, _)| k == n)
            .and_then(|(_, v)| v.clone())
    };
    let kind = match attr("type").as_deref().map(str::trim) {
        Some("2d") => CanvasKind::TwoD,
        Some("webgl") => CanvasKind::Webgl,
        _ => CanvasKind::Legacy,
    };
    let number = |n: &str| {
        attr(n)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<f64>().ok())
            .filter(|v| v.is_finite() && *v >= 0.0)
    };
    let style = attr("style").unwrap_or_default();
    CanvasElement {
        kind,
        canvas_id: attr("canvas-id")
            .or_else(|| attr("canvasId"))
            .filter(|v| !v.is_empty()),
        id: attr("id").filter(|v| !v.is_empty()),
        width_attr: number("width"),
        height_attr: number("height"),
        style_width: style_length(&style, "width"),
        style_height: style_length(&style, "height"),
    }
}

/// The `property` length of a `style` attribute, in px or rpx.
pub(crate) fn style_length(style: &str, property: &str) -> Option<Length> {
    style.split(';').rev().find_map(|decl| {
        let (name, value) = decl.split_once(':')?;
        if !name.trim().eq_ignore_ascii_case(property) {
            return None;
        }
        let value = value.trim().to_ascii_lowercase();
        let value = value.trim_end_matches("!important").trim();
        let parse = |s: &str| {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
        };
        if let Some(n) = value.strip_suffix("rpx") {
            parse(n).map(Length::Rpx)
        } else if let Some(n) = value.strip_suffix("px") {
            parse(n).map(Length::Px)
        } else {
            parse(value).filter(|v| *v == 0.0).map(Length::Px)
        }
    })
}

/// A start tag: its name and attributes (a value is `None` for bare names).
pub(crate) struct Tag {
    pub(crate) name: String,
    pub(crate) attributes: Vec<(String, Option<String>)>,
}

/// Every start tag of `source`, skipping comments and end tags.
fn tags(source: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        if rest.starts_with('/') || rest.starts_with('!') || rest.starts_with('?') {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        let (tag, consumed) = start_tag(rest);
        rest = &rest[consumed..];
        if let Some(tag) = tag {
            out.push(tag);
        }
    }
    out
}

/// Parses a start tag from just after `<`; returns it and how many bytes
/// were read (up to and including `>`).
pub(crate) fn start_tag(s: &str) -> (Option<Tag>, usize) {
    let bytes = s.as_bytes();
    let mut i = 0;
    let name_end = s
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(s.len());
    let name = s[..name_end].to_string();
    if name.is_empty() {
        return (None, 0);
    }
    i += name_end;
    let mut attributes = Vec::new();
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if bytes[i] == b'>' {
            i += 1;
            break;
        }
        if bytes[i] == b'/' {
            i += 1;
            continue;
        }
        let key_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let key = s[key_start..i].to_string();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let start = i + 1;
                let end = s[start..]
                    .find(quote as char)
                    .map_or(s.len(), |e| start + e);
                i = (end + 1).min(s.len());
                s[start..end].to_string()
            } else {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                s[start..i].to_string()
            };
            if !key.is_empty() {
                attributes.push((key, Some(value)));
            }
        } else if !key.is_empty() {
            attributes.push((key, None));
        } else {
            i += 1;
        }
    }
    (Some(Tag { name, attributes }), i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_legacy_and_2d_canvases_with_their_sizes() {
        let m = parse(
            r#"<view class="page">
                 <canvas canvas-id="poster" style="width: 750rpx; height:1000rpx;"></canvas>
                 <canvas type="2d" id="c2d" style="width:300px; height: 150px" />
                 <canvas id="ali" width="320" height="240"/>
               </view>"#,
        );
        assert_eq!(m.canvases.len(), 3);
        assert_eq!(m.canvases[0].kind, CanvasKind::Legacy);
        assert_eq!(m.canvases[0].canvas_id.as_deref(), Some("poster"));
        assert_eq!(m.canvases[0].style_width, Some(Length::Rpx(750.0)));
        assert_eq!(m.canvases[0].style_height, Some(Length::Rpx(1000.0)));
        assert_eq!(m.canvases[1].kind, CanvasKind::TwoD);
        assert_eq!(m.canvases[1].id.as_deref(), Some("c2d"));
        assert_eq!(m.canvases[1].style_width, Some(Length::Px(300.0)));
        assert_eq!(
            (m.canvases[2].width_attr, m.canvases[2].height_attr),
            (Some(320.0), Some(240.0))
        );
    }

    #[test]
    fn collects_tap_handlers_of_every_platform_spelling() {
        let m = parse(
            r#"<button bindtap="save">a</button><view catchtap='share'/><view bind:tap="save"/>
               <button onTap="aliSave"/><view capture-bind:tap="cap"/><view bindlongpress="no"/>
               <view bindtap="{{dynamic}}"/>"#,
        );
        assert_eq!(m.tap_handlers, ["save", "share", "aliSave", "cap"]);
    }

    #[test]
    fn elements_keep_their_event_bindings() {
        let m = parse(
            r#"<poster-card id="card" bind:done="onDone" catchshare='onShare' onReady="aliReady"/>"#,
        );
        let card = &m.elements[0];
        assert_eq!(card.name, "poster-card");
        assert_eq!(card.attribute("id"), Some("card"));
        assert_eq!(card.handler("done"), Some("onDone"));
        assert_eq!(card.handler("share"), Some("onShare"));
        assert_eq!(card.handler("ready"), Some("aliReady"));
        assert_eq!(card.handler("tap"), None);
    }

    #[test]
    fn rpx_follow_the_screen_width() {
        assert_eq!(Length::Rpx(750.0).to_px(375.0), 375.0);
        assert_eq!(Length::Rpx(100.0).to_px(414.0), 55.2);
        assert_eq!(Length::Px(12.0).to_px(375.0), 12.0);
    }

    #[test]
    fn comments_expressions_and_broken_markup_are_tolerated() {
        let m = parse(
            r#"<!-- <canvas canvas-id="commented"/> --><wxs module="m">var a = 1 > 0;</wxs>
               <canvas canvas-id="c" style="width:{{w}}px;height:100px" <view unclosed"#,
        );
        assert_eq!(m.canvases.len(), 1);
        assert_eq!(m.canvases[0].canvas_id.as_deref(), Some("c"));
        assert_eq!(m.canvases[0].style_width, None, "dynamic sizes are unknown");
        assert_eq!(m.canvases[0].style_height, Some(Length::Px(100.0)));
        for junk in [
            "",
            "<",
            "<<>>",
            "<canvas",
            "<canvas style=\"",
            "</canvas>",
            "<a b='c",
        ] {
            let _ = parse(junk);
        }
    }

    #[test]
    fn later_style_declarations_win() {
        assert_eq!(
            style_length("width: 10px; width: 20px", "width"),
            Some(Length::Px(20.0))
        );
        assert_eq!(style_length("height: auto", "height"), None);
    }
}
