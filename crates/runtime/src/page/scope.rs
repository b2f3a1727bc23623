//! The canvases a page or component owns, built from its markup.
//!
//! Each page and component instance has one scope. Lookups never cross
//! scopes: a canvas inside a component is found only through that
//! component (`createCanvasContext(id, this)`, `query.in(this)`), which is
//! the platforms' rule and the cause of a classic blank-poster bug.

use rquickjs::class::Trace;
use rquickjs::{Class, Ctx, JsLifetime, Object, Symbol, Value};

use mpcanvas_platform::{Platform, Scope};

use std::rc::Rc;

use super::Device;
use super::expr::Value as ExprValue;
use super::markup::{CanvasElement, CanvasKind, Element, Markup};
use super::render::{MarkupError, NoModules, Template, render};
use super::wxs::ScriptModules;
use mpcanvas_js::canvas::element::JsCanvas;

/// CSS size of a 2D canvas node without a styled size, and its initial
/// bitmap (HTML's default canvas size).
pub(crate) const NODE_DEFAULT: (f64, f64) = (300.0, 150.0);

/// One `<canvas>` of a scope.
#[derive(Trace, JsLifetime)]
pub struct ScopedCanvas<'js> {
    /// The element as written.
    #[qjs(skip_trace)]
    pub element: CanvasElement,
    /// Its layout size in CSS px.
    #[qjs(skip_trace)]
    pub css: (f64, f64),
    /// The canvas behind it (`None` for WebGL canvases, which are not
    /// drawable here).
    pub canvas: Option<Class<'js, JsCanvas<'js>>>,
}

/// The canvases and child components of one page or component instance.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "MpcanvasScope")]
pub struct JsScope<'js> {
    /// Where the platform layer keeps this scope's legacy canvases.
    #[qjs(skip_trace)]
    pub platform_scope: Scope,
    /// Canvases in document order.
    pub canvases: Vec<ScopedCanvas<'js>>,
    /// The markup's elements (for selectors and sizes).
    #[qjs(skip_trace)]
    pub elements: Vec<Element>,
    /// Child component instances.
    pub components: Vec<ChildComponent<'js>>,
    /// The markup file, rendered again after each `setData`.
    #[qjs(skip_trace)]
    pub template: Option<Rc<Template>>,
    /// Its script modules, loaded at the first render that has data.
    #[qjs(skip_trace)]
    pub modules: Option<Rc<ScriptModules>>,
    /// CSS size of a legacy canvas without a styled size.
    #[qjs(skip_trace)]
    pub legacy_default: (f64, f64),
    /// A component's external classes and what its user gave for them,
    /// substituted in every render.
    #[qjs(skip_trace)]
    pub external_classes: super::external_classes::Given,
    /// The components its markup may place (none for a scope without
    /// `usingComponents`, or one too deep in the component tree).
    #[qjs(skip_trace)]
    pub(crate) placing: Option<super::mount::Placing>,
}

/// A component instance placed in a scope's markup.
#[derive(Trace, JsLifetime)]
pub struct ChildComponent<'js> {
    /// Index of its element in the owner's markup.
    #[qjs(skip_trace)]
    pub element: usize,
    /// Its element's place in the owner's render (see
    /// [`Element::place`]), which follows it across renders.
    #[qjs(skip_trace)]
    pub place: String,
    /// Its element's tag.
    #[qjs(skip_trace)]
    pub tag: String,
    /// The instance.
    pub instance: Object<'js>,
}

#[rquickjs::methods]
impl<'js> JsScope<'js> {}

const KEY: &str = "mpcanvas.scope";

impl<'js> JsScope<'js> {
    /// Builds the scope of `markup`: a canvas per drawable `<canvas>`,
    /// sized as PLATFORM.md §2 says. Legacy canvases are declared in
    /// `platform` (which owns their bitmaps) under `platform_scope`; without
    /// a platform they get a plain canvas of CSS size × dpr.
    pub(crate) fn build(
        ctx: &Ctx<'js>,
        markup: &Markup,
        platform: Option<&std::cell::RefCell<Platform>>,
        platform_scope: Scope,
        device: &Device,
        legacy_default: (f64, f64),
        limits: mpcanvas_canvas::Limits,
    ) -> rquickjs::Result<Class<'js, JsScope<'js>>> {
        let maker = CanvasMaker {
            platform,
            platform_scope,
            device,
            legacy_default,
            limits,
        };
        let mut canvases = Vec::new();
        for element in &markup.canvases {
            canvases.push(maker.make(ctx, element)?);
        }
        Class::instance(
            ctx.clone(),
            JsScope {
                platform_scope,
                canvases,
                elements: markup.elements.clone(),
                components: Vec::new(),
                template: markup.template.clone(),
                modules: None,
                legacy_default,
                external_classes: Vec::new(),
                placing: None,
            },
        )
    }

    /// Replaces the scope's elements with a new render: canvases that are
    /// still there (same kind and ids, in order) keep their bitmaps and
    /// take their new sizes; new ones are made; gone ones are dropped.
    pub(crate) fn sync(
        this: &Class<'js, JsScope<'js>>,
        ctx: &Ctx<'js>,
        mut markup: Markup,
    ) -> rquickjs::Result<()> {
        let (platform_scope, legacy_default, mut old) = {
            let mut s = this.borrow_mut();
            super::external_classes::apply(&mut markup.elements, &s.external_classes);
            (
                s.platform_scope,
                s.legacy_default,
                std::mem::take(&mut s.canvases),
            )
        };
        let (device, limits, platform) = match mpcanvas_js::host::get(ctx) {
            Some(h) => (h.device, h.canvas_limits.clone(), h.platform.clone()),
            None => (Device::default(), mpcanvas_canvas::Limits::default(), None),
        };
        let maker = CanvasMaker {
            platform: platform.as_deref(),
            platform_scope,
            device: &device,
            legacy_default,
            limits,
        };
        let mut canvases = Vec::new();
        for element in &markup.canvases {
            let same = old.iter().position(|c| {
                c.element.kind == element.kind
                    && c.element.id == element.id
                    && c.element.canvas_id == element.canvas_id
            });
            match same {
                Some(i) => {
                    let mut kept = old.remove(i);
                    let css = maker.css(element);
                    if css != kept.css {
                        if element.kind == CanvasKind::Legacy {
                            kept = maker.make(ctx, element)?;
                        } else if let Some(c) = &kept.canvas {
                            c.borrow_mut().layout = Some(css);
                        }
                    }
                    kept.css = css;
                    kept.element = element.clone();
                    canvases.push(kept);
                }
                None => canvases.push(maker.make(ctx, element)?),
            }
        }
        let mut s = this.borrow_mut();
        s.canvases = canvases;
        s.elements = markup.elements;
        Ok(())
    }

    /// The canvas made for element `index` of the markup, if it is one.
    pub(crate) fn canvas_of_element(&self, index: usize) -> Option<&ScopedCanvas<'js>> {
        let element = self.elements.get(index)?;
        if !element.name.eq_ignore_ascii_case("canvas") {
            return None;
        }
        let nth = self.elements[..index]
            .iter()
            .filter(|e| e.name.eq_ignore_ascii_case("canvas"))
            .count();
        self.canvases.get(nth)
    }
}

/// What making a canvas needs: the platform (which owns legacy canvas
/// bitmaps), the scope's name there, the phone and the limits.
struct CanvasMaker<'a> {
    platform: Option<&'a std::cell::RefCell<Platform>>,
    platform_scope: Scope,
    device: &'a Device,
    legacy_default: (f64, f64),
    limits: mpcanvas_canvas::Limits,
}

impl CanvasMaker<'_> {
    /// The layout size of `element` (PLATFORM.md §2).
    fn css(&self, element: &CanvasElement) -> (f64, f64) {
        let default = match element.kind {
            CanvasKind::Legacy => self.legacy_default,
            _ => NODE_DEFAULT,
        };
        let px = |l: Option<super::markup::Length>| l.map(|l| l.to_px(self.device.screen_width));
        mpcanvas_platform::canvases::css_size(
            (px(element.style_width), px(element.style_height)),
            (element.width_attr, element.height_attr),
            default,
        )
    }

    /// A canvas for `element`. Legacy canvases are declared in the
    /// platform (which owns their bitmaps); without a platform they get a
    /// plain canvas of CSS size × dpr.
    fn make<'js>(
        &self,
        ctx: &Ctx<'js>,
        element: &CanvasElement,
    ) -> rquickjs::Result<ScopedCanvas<'js>> {
        let css = self.css(element);
        let canvas = match element.kind {
            CanvasKind::Webgl => None,
            CanvasKind::TwoD => {
                let c = JsCanvas::create(
                    ctx,
                    NODE_DEFAULT.0 as u32,
                    NODE_DEFAULT.1 as u32,
                    self.limits.clone(),
                )?;
                c.borrow_mut().layout = Some(css);
                add_node_methods(ctx, &c)?;
                if let Some(platform) = self.platform {
                    let methods = platform.borrow().profile().export.node_methods.clone();
                    mpcanvas_js::namespace::nodes::add_export_methods(ctx, &c, &methods)?;
                }
                Some(c)
            }
            CanvasKind::Legacy => {
                let name = element.canvas_id.as_deref().or(element.id.as_deref());
                match (self.platform, name) {
                    (Some(platform), Some(name)) => {
                        let mut p = platform.borrow_mut();
                        p.declare_canvas(self.platform_scope, name, Some(css))
                            .map_err(|e| rquickjs::Exception::throw_range(ctx, &e.message))?;
                        let engine = p
                            .canvases()
                            .get(self.platform_scope, name)
                            .map(|c| c.context.clone());
                        drop(p);
                        match engine {
                            Some(engine) => Some(JsCanvas::wrap(ctx, engine, Some(css))?),
                            None => None,
                        }
                    }
                    _ => {
                        // The backing store is the CSS size times the
                        // device pixel ratio; drawing is in CSS px.
                        let (w, h) =
                            mpcanvas_platform::canvases::backing_size(css, self.device.dpr);
                        let c = JsCanvas::create(ctx, w, h, self.limits.clone())?;
                        c.borrow_mut().layout = Some(css);
                        Some(c)
                    }
                }
            }
        };
        Ok(ScopedCanvas {
            element: element.clone(),
            css,
            canvas,
        })
    }
}

/// Methods a mini-program canvas node has beyond an HTML canvas:
/// `requestAnimationFrame` / `cancelAnimationFrame` (the page's frame
/// clock), `createImageData` and `createPath2D`.
fn add_node_methods<'js>(ctx: &Ctx<'js>, node: &Class<'js, JsCanvas<'js>>) -> rquickjs::Result<()> {
    let install: rquickjs::Function<'js> = ctx.eval(
        r#"(function (node) {
            const g = globalThis;
            const define = (name, f) => Object.defineProperty(node, name, { value: f, writable: true, configurable: true });
            define('requestAnimationFrame', (cb) => g.requestAnimationFrame(cb));
            define('cancelAnimationFrame', (id) => g.cancelAnimationFrame(id));
            define('createImageData', function () { const c = node.getContext('2d'); return c.createImageData.apply(c, arguments); });
            define('createPath2D', (path) => path === undefined ? new g.Path2D() : new g.Path2D(path));
        })"#,
    )?;
    install.call::<_, ()>((node.clone(),))
}

/// Attaches `scope` to `instance` (a page or component) and renders its
/// markup with the instance's data.
pub(crate) fn attach<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    scope: Class<'js, JsScope<'js>>,
) -> rquickjs::Result<()> {
    let key = Symbol::new_global(ctx.clone(), KEY)?;
    instance.set(key, scope)?;
    refresh(ctx, instance)
}

/// Renders `instance`'s markup with its current data and updates its
/// scope. A markup error is thrown, naming the file and line.
pub(crate) fn refresh<'js>(ctx: &Ctx<'js>, instance: &Object<'js>) -> rquickjs::Result<()> {
    let Some(scope) = of(ctx, &instance.clone().into_value()) else {
        return Ok(());
    };
    let (template, modules) = {
        let s = scope.borrow();
        (s.template.clone(), s.modules.clone())
    };
    let Some(template) = template else {
        return Ok(());
    };
    let throw = |e: MarkupError| rquickjs::Exception::throw_syntax(ctx, &e.to_string());
    let modules = match modules {
        Some(m) => Some(m),
        None if !template.modules.is_empty() && template.error.is_none() => {
            let m = Rc::new(ScriptModules::load(&template.modules).map_err(throw)?);
            scope.borrow_mut().modules = Some(m.clone());
            Some(m)
        }
        None => None,
    };
    // Placeholders made before an instance exists have no data: their
    // scope keeps the markup's first render.
    let data = match instance.get::<_, Value<'js>>("data")? {
        v if !v.is_object() => return Ok(()),
        v => ctx
            .json_stringify(v)?
            .map(|s| s.to_string())
            .transpose()?
            .and_then(|t| ExprValue::from_json_text(&t).ok())
            .unwrap_or_default(),
    };
    let elements = match &modules {
        Some(m) => render(&template, &data, m.as_ref()),
        None => render(&template, &data, &NoModules),
    }
    .map_err(throw)?;
    let mut markup = Markup::from_elements(elements);
    markup.template = Some(template);
    JsScope::sync(&scope, ctx, markup)
}

/// The scope of `instance`, if it is a page or component.
pub(crate) fn of<'js>(ctx: &Ctx<'js>, instance: &Value<'js>) -> Option<Class<'js, JsScope<'js>>> {
    let key = Symbol::new_global(ctx.clone(), KEY).ok()?;
    let object = instance.as_object()?;
    let v: Value<'js> = object.get(key).ok()?;
    Class::<JsScope>::from_value(&v).ok()
}
