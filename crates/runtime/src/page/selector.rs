//! `SelectorQuery` and `NodesRef`: how page code reaches its canvas nodes
//! (`createSelectorQuery().select('#c').fields({node: true, size: true})
//! .exec(cb)`), scoped to a page or, with `.in(component)`, a component.
//!
//! There is no layout engine: an element's size is its styled size (the
//! canvas size rules of PLATFORM.md §2 for canvases), and its position is
//! the page origin.

use rquickjs::class::Trace;
use rquickjs::function::{Opt, This};
use rquickjs::{Array, Class, Ctx, Function, JsLifetime, Object, Value};

use super::markup::{Element, style_length};
use super::scope::JsScope;

/// A simple selector list: `#id`, `.class`, `tag`, and compounds such as
/// `canvas#poster.big`, separated by commas. Only the last compound of a
/// descendant chain (`.a .b`, `.a >>> #b`) is matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Selector {
    alternatives: Vec<Compound>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Compound {
    tag: Option<String>,
    id: Option<String>,
    classes: Vec<String>,
}

impl Selector {
    /// Parses a selector; an empty or unusable one matches nothing.
    pub(crate) fn parse(text: &str) -> Selector {
        let alternatives = text
            .split(',')
            .filter_map(|alt| {
                let last = alt.split_whitespace().rfind(|p| *p != ">>>" && *p != ">")?;
                parse_compound(last)
            })
            .collect();
        Selector { alternatives }
    }

    /// Whether `element` matches.
    pub(crate) fn matches(&self, element: &Element) -> bool {
        self.alternatives.iter().any(|c| {
            c.tag
                .as_deref()
                .is_none_or(|t| t.eq_ignore_ascii_case(&element.name))
                && c.id
                    .as_deref()
                    .is_none_or(|id| element.attribute("id") == Some(id))
                && c.classes.iter().all(|class| {
                    element
                        .attribute("class")
                        .is_some_and(|v| v.split_whitespace().any(|x| x == class))
                })
        })
    }
}

fn parse_compound(text: &str) -> Option<Compound> {
    let mut compound = Compound::default();
    let mut rest = text;
    let tag_end = rest.find(['#', '.']).unwrap_or(rest.len());
    if tag_end > 0 {
        compound.tag = Some(rest[..tag_end].to_string());
    }
    rest = &rest[tag_end..];
    while let Some(marker) = rest.chars().next() {
        let body = &rest[1..];
        let end = body.find(['#', '.']).unwrap_or(body.len());
        let name = &body[..end];
        if name.is_empty() {
            return None;
        }
        match marker {
            '#' => compound.id = Some(name.to_string()),
            _ => compound.classes.push(name.to_string()),
        }
        rest = &body[end..];
    }
    Some(compound)
}

/// Which facts a request asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Fields {
    id: bool,
    dataset: bool,
    rect: bool,
    size: bool,
    node: bool,
    scroll_offset: bool,
}

#[derive(Debug, Clone)]
enum Target {
    One(String),
    All(String),
    Viewport,
}

#[derive(Trace, JsLifetime)]
struct Request<'js> {
    #[qjs(skip_trace)]
    target: Target,
    #[qjs(skip_trace)]
    fields: Fields,
    #[qjs(skip_trace)]
    properties: Vec<String>,
    #[qjs(skip_trace)]
    computed_style: Vec<String>,
    callback: Option<Function<'js>>,
}

/// `SelectorQuery`.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "SelectorQuery")]
pub struct JsSelectorQuery<'js> {
    /// The page or component to look in; `None` means the current page at
    /// `exec` time.
    owner: Option<Value<'js>>,
    requests: Vec<Request<'js>>,
}

impl<'js> JsSelectorQuery<'js> {
    /// A query over `owner`'s scope (the current page when `None`).
    pub(crate) fn create(
        ctx: &Ctx<'js>,
        owner: Option<Value<'js>>,
    ) -> rquickjs::Result<Class<'js, Self>> {
        Class::instance(
            ctx.clone(),
            JsSelectorQuery {
                owner,
                requests: Vec::new(),
            },
        )
    }
}

#[rquickjs::methods]
impl<'js> JsSelectorQuery<'js> {
    /// `in(component)`: look inside `component` instead.
    #[qjs(rename = "in")]
    pub fn in_(this: This<Class<'js, Self>>, component: Opt<Value<'js>>) -> Class<'js, Self> {
        if let Some(c) = component.0.filter(Value::is_object) {
            this.0.borrow_mut().owner = Some(c);
        }
        this.0
    }

    /// `select(selector)`: the first match.
    pub fn select(
        this: This<Class<'js, Self>>,
        ctx: Ctx<'js>,
        selector: String,
    ) -> rquickjs::Result<Class<'js, JsNodesRef<'js>>> {
        JsNodesRef::create(&ctx, this.0, Target::One(selector))
    }

    /// `selectAll(selector)`: every match.
    #[qjs(rename = "selectAll")]
    pub fn select_all(
        this: This<Class<'js, Self>>,
        ctx: Ctx<'js>,
        selector: String,
    ) -> rquickjs::Result<Class<'js, JsNodesRef<'js>>> {
        JsNodesRef::create(&ctx, this.0, Target::All(selector))
    }

    /// `selectViewport()`: the page's viewport.
    #[qjs(rename = "selectViewport")]
    pub fn select_viewport(
        this: This<Class<'js, Self>>,
        ctx: Ctx<'js>,
    ) -> rquickjs::Result<Class<'js, JsNodesRef<'js>>> {
        JsNodesRef::create(&ctx, this.0, Target::Viewport)
    }

    /// `exec(callback)`: answers every request, in order, as a later task:
    /// each request's own callback gets its result, then `callback` gets
    /// the array of all results.
    pub fn exec(
        this: This<Class<'js, Self>>,
        ctx: Ctx<'js>,
        callback: Opt<Value<'js>>,
    ) -> rquickjs::Result<()> {
        let query = this.0.clone();
        let callback = callback.0.and_then(Value::into_function);
        let task = Function::new(ctx.clone(), move |ctx: Ctx<'js>| -> rquickjs::Result<()> {
            let (owner, requests) = {
                let mut q = query.borrow_mut();
                (q.owner.clone(), std::mem::take(&mut q.requests))
            };
            let owner = match owner {
                Some(o) => Some(o),
                None => super::program::current_page(&ctx)?.map(Object::into_value),
            };
            let scope = owner.and_then(|o| super::scope::of(&ctx, &o));
            let results = Array::new(ctx.clone())?;
            let mut callbacks = Vec::new();
            for (i, request) in requests.iter().enumerate() {
                let result = answer(&ctx, scope.as_ref(), request)?;
                results.set(i, result.clone())?;
                if let Some(f) = &request.callback {
                    callbacks.push((f.clone(), result));
                }
            }
            for (f, result) in callbacks {
                f.call::<_, ()>((result,))?;
            }
            if let Some(f) = &callback {
                f.call::<_, ()>((results,))?;
            }
            Ok(())
        })?;
        match mpcanvas_js::host::get(&ctx) {
            Some(host) => host.events.post(&ctx, task),
            None => Err(rquickjs::Exception::throw_internal(
                &ctx,
                "no event loop in this runtime",
            )),
        }
    }
}

/// `NodesRef`: what `select` / `selectAll` / `selectViewport` return.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "NodesRef")]
pub struct JsNodesRef<'js> {
    query: Class<'js, JsSelectorQuery<'js>>,
    #[qjs(skip_trace)]
    target: Target,
}

impl<'js> JsNodesRef<'js> {
    fn create(
        ctx: &Ctx<'js>,
        query: Class<'js, JsSelectorQuery<'js>>,
        target: Target,
    ) -> rquickjs::Result<Class<'js, Self>> {
        Class::instance(ctx.clone(), JsNodesRef { query, target })
    }

    fn push(
        &self,
        fields: Fields,
        properties: Vec<String>,
        computed_style: Vec<String>,
        callback: Option<Value<'js>>,
    ) -> Class<'js, JsSelectorQuery<'js>> {
        self.query.borrow_mut().requests.push(Request {
            target: self.target.clone(),
            fields,
            properties,
            computed_style,
            callback: callback.and_then(Value::into_function),
        });
        self.query.clone()
    }
}

fn strings<'js>(o: &Object<'js>, key: &str) -> rquickjs::Result<Vec<String>> {
    let Some(list) = o.get::<_, Value<'js>>(key)?.into_array() else {
        return Ok(Vec::new());
    };
    list.iter::<Value>()
        .map(|v| {
            Ok(v?
                .as_string()
                .and_then(|s| s.to_string().ok())
                .unwrap_or_default())
        })
        .collect()
}

#[rquickjs::methods]
impl<'js> JsNodesRef<'js> {
    /// `fields({id, dataset, rect, size, node, scrollOffset, properties,
    /// computedStyle}, callback)`.
    pub fn fields(
        &self,
        spec: Opt<Value<'js>>,
        callback: Opt<Value<'js>>,
    ) -> rquickjs::Result<Class<'js, JsSelectorQuery<'js>>> {
        let mut fields = Fields::default();
        let (mut properties, mut computed_style) = (Vec::new(), Vec::new());
        if let Some(o) = spec.0.as_ref().and_then(Value::as_object) {
            let flag = |k: &str| -> rquickjs::Result<bool> {
                Ok(o.get::<_, Value<'js>>(k)?.as_bool().unwrap_or(false)
                    || o.get::<_, Value<'js>>(k)?.as_int().is_some_and(|n| n != 0))
            };
            fields = Fields {
                id: flag("id")?,
                dataset: flag("dataset")?,
                rect: flag("rect")?,
                size: flag("size")?,
                node: flag("node")?,
                scroll_offset: flag("scrollOffset")?,
            };
            properties = strings(o, "properties")?;
            computed_style = strings(o, "computedStyle")?;
        }
        Ok(self.push(fields, properties, computed_style, callback.0))
    }

    /// `boundingClientRect(callback)`: id, dataset, position and size.
    #[qjs(rename = "boundingClientRect")]
    pub fn bounding_client_rect(
        &self,
        callback: Opt<Value<'js>>,
    ) -> Class<'js, JsSelectorQuery<'js>> {
        let fields = Fields {
            id: true,
            dataset: true,
            rect: true,
            size: true,
            ..Fields::default()
        };
        self.push(fields, Vec::new(), Vec::new(), callback.0)
    }

    /// `node(callback)`: the node object (a canvas for `<canvas type="2d">`).
    pub fn node(&self, callback: Opt<Value<'js>>) -> Class<'js, JsSelectorQuery<'js>> {
        let fields = Fields {
            node: true,
            ..Fields::default()
        };
        self.push(fields, Vec::new(), Vec::new(), callback.0)
    }

    /// `scrollOffset(callback)`: always at the origin (nothing scrolls).
    #[qjs(rename = "scrollOffset")]
    pub fn scroll_offset(&self, callback: Opt<Value<'js>>) -> Class<'js, JsSelectorQuery<'js>> {
        let fields = Fields {
            id: true,
            dataset: true,
            scroll_offset: true,
            ..Fields::default()
        };
        self.push(fields, Vec::new(), Vec::new(), callback.0)
    }
}

/// The result of one request: an object, `null` when `select` found
/// nothing, an array for `selectAll`.
fn answer<'js>(
    ctx: &Ctx<'js>,
    scope: Option<&Class<'js, JsScope<'js>>>,
    request: &Request<'js>,
) -> rquickjs::Result<Value<'js>> {
    let device = mpcanvas_js::host::get(ctx)
        .map(|h| h.device)
        .unwrap_or_default();
    let (selector, all) = match &request.target {
        Target::Viewport => {
            let o = Object::new(ctx.clone())?;
            let f = request.fields;
            if f.id {
                o.set("id", "")?;
            }
            if f.dataset {
                o.set("dataset", Object::new(ctx.clone())?)?;
            }
            if f.rect {
                set_rect(&o, device.screen_width, device.screen_height)?;
            }
            if f.size {
                o.set("width", device.screen_width)?;
                o.set("height", device.screen_height)?;
            }
            if f.scroll_offset {
                set_scroll(&o, device.screen_width, device.screen_height)?;
            }
            return Ok(o.into_value());
        }
        Target::One(s) => (Selector::parse(s), false),
        Target::All(s) => (Selector::parse(s), true),
    };
    let mut found = Vec::new();
    if let Some(scope) = scope {
        let scope = scope.borrow();
        for (i, element) in scope.elements.iter().enumerate() {
            if selector.matches(element) {
                found.push(describe(ctx, &scope, i, element, request, device)?);
                if !all {
                    break;
                }
            }
        }
    }
    if all {
        let out = Array::new(ctx.clone())?;
        for (i, v) in found.into_iter().enumerate() {
            out.set(i, v)?;
        }
        Ok(out.into_value())
    } else {
        Ok(found
            .into_iter()
            .next()
            .unwrap_or_else(|| Value::new_null(ctx.clone())))
    }
}

fn set_rect<'js>(o: &Object<'js>, width: f64, height: f64) -> rquickjs::Result<()> {
    o.set("left", 0)?;
    o.set("top", 0)?;
    o.set("right", width)?;
    o.set("bottom", height)
}

fn set_scroll<'js>(o: &Object<'js>, width: f64, height: f64) -> rquickjs::Result<()> {
    o.set("scrollLeft", 0)?;
    o.set("scrollTop", 0)?;
    o.set("scrollWidth", width)?;
    o.set("scrollHeight", height)
}

fn describe<'js>(
    ctx: &Ctx<'js>,
    scope: &JsScope<'js>,
    index: usize,
    element: &Element,
    request: &Request<'js>,
    device: super::Device,
) -> rquickjs::Result<Value<'js>> {
    let canvas = scope.canvas_of_element(index);
    // `hidden` is `display: none`: the element is there, with no size.
    let hidden = element
        .attributes
        .iter()
        .any(|(k, v)| k == "hidden" && !matches!(v.as_deref(), Some("false" | "")));
    let (width, height) = match canvas {
        _ if hidden => (0.0, 0.0),
        Some(c) => c.css,
        None => {
            let style = element.attribute("style").unwrap_or_default();
            let px = |p: &str| {
                style_length(style, p)
                    .map(|l| l.to_px(device.screen_width))
                    .unwrap_or(0.0)
            };
            (px("width"), px("height"))
        }
    };
    let o = Object::new(ctx.clone())?;
    let f = request.fields;
    if f.id {
        o.set("id", element.attribute("id").unwrap_or_default())?;
    }
    if f.dataset {
        o.set("dataset", super::events::dataset(ctx, Some(element))?)?;
    }
    if f.rect {
        set_rect(&o, width, height)?;
    }
    if f.size {
        o.set("width", width)?;
        o.set("height", height)?;
    }
    if f.scroll_offset {
        set_scroll(&o, width, height)?;
    }
    if f.node {
        // Only 2D canvas nodes are objects scripts can use here; other
        // elements have no node, as on the platforms.
        let node = canvas
            .filter(|c| c.element.kind == super::markup::CanvasKind::TwoD)
            .and_then(|c| c.canvas.clone());
        match node {
            Some(n) => o.set("node", n)?,
            None => o.set("node", Value::new_null(ctx.clone()))?,
        }
    }
    for name in &request.properties {
        o.set(name.as_str(), element.attribute(name).unwrap_or_default())?;
    }
    for name in &request.computed_style {
        let style = element.attribute("style").unwrap_or_default();
        let value = style
            .split(';')
            .filter_map(|d| d.split_once(':'))
            .filter(|(k, _)| k.trim().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_string())
            .next_back()
            .unwrap_or_default();
        o.set(name.as_str(), value)?;
    }
    Ok(o.into_value())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(name: &str, attrs: &[(&str, &str)]) -> Element {
        Element {
            name: name.into(),
            attributes: attrs
                .iter()
                .map(|(k, v)| (k.to_string(), Some(v.to_string())))
                .collect(),
            bound: Vec::new(),
            line: 0,
            parent: None,
            place: String::new(),
        }
    }

    #[test]
    fn selectors_match_id_class_and_tag() {
        let canvas = el("canvas", &[("id", "poster"), ("class", "big shadow")]);
        for yes in [
            "#poster",
            ".big",
            "canvas",
            "canvas#poster.shadow",
            ".x, #poster",
            ".page #poster",
            ".card >>> #poster",
        ] {
            assert!(Selector::parse(yes).matches(&canvas), "{yes}");
        }
        for no in [
            "#other",
            ".small",
            "view",
            "canvas#poster.small",
            "",
            "#",
            ".",
        ] {
            assert!(!Selector::parse(no).matches(&canvas), "{no}");
        }
    }
}
