//! The canvases a page or component owns, built from its markup.
//!
//! Each page and component instance has one scope. Lookups never cross
//! scopes: a canvas inside a component is found only through that
//! component (`createCanvasContext(id, this)`, `query.in(this)`), which is
//! the platforms' rule and the cause of a classic blank-poster bug.

use rquickjs::class::Trace;
use rquickjs::{Class, Ctx, JsLifetime, Object, Symbol, Value};

use mpcanvas_platform::{Platform, Scope};

use super::Device;
use super::markup::{CanvasElement, CanvasKind, Element, Markup};
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
}

/// A component instance placed in a scope's markup.
#[derive(Trace, JsLifetime)]
pub struct ChildComponent<'js> {
    /// Index of its element in the owner's markup.
    #[qjs(skip_trace)]
    pub element: usize,
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
        let mut canvases = Vec::new();
        for element in &markup.canvases {
            let default = match element.kind {
                CanvasKind::Legacy => legacy_default,
                _ => NODE_DEFAULT,
            };
            let px = |l: Option<super::markup::Length>| l.map(|l| l.to_px(device.screen_width));
            let css = mpcanvas_platform::canvases::css_size(
                (px(element.style_width), px(element.style_height)),
                (element.width_attr, element.height_attr),
                default,
            );
            let canvas = match element.kind {
                CanvasKind::Webgl => None,
                CanvasKind::TwoD => {
                    let c = JsCanvas::create(
                        ctx,
                        NODE_DEFAULT.0 as u32,
                        NODE_DEFAULT.1 as u32,
                        limits.clone(),
                    )?;
                    c.borrow_mut().layout = Some(css);
                    add_node_methods(ctx, &c)?;
                    if let Some(platform) = platform {
                        let methods = platform.borrow().profile().export.node_methods.clone();
                        mpcanvas_js::namespace::nodes::add_export_methods(ctx, &c, &methods)?;
                    }
                    Some(c)
                }
                CanvasKind::Legacy => {
                    let name = element.canvas_id.as_deref().or(element.id.as_deref());
                    match (platform, name) {
                        (Some(platform), Some(name)) => {
                            let mut p = platform.borrow_mut();
                            p.declare_canvas(platform_scope, name, Some(css))
                                .map_err(|e| rquickjs::Exception::throw_range(ctx, &e.message))?;
                            let engine = p
                                .canvases()
                                .get(platform_scope, name)
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
                            let (w, h) = mpcanvas_platform::canvases::backing_size(css, device.dpr);
                            let c = JsCanvas::create(ctx, w, h, limits.clone())?;
                            c.borrow_mut().layout = Some(css);
                            Some(c)
                        }
                    }
                }
            };
            canvases.push(ScopedCanvas {
                element: element.clone(),
                css,
                canvas,
            });
        }
        Class::instance(
            ctx.clone(),
            JsScope {
                platform_scope,
                canvases,
                elements: markup.elements.clone(),
                components: Vec::new(),
            },
        )
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

/// Attaches `scope` to `instance` (a page or component).
pub(crate) fn attach<'js>(
    ctx: &Ctx<'js>,
    instance: &Object<'js>,
    scope: Class<'js, JsScope<'js>>,
) -> rquickjs::Result<()> {
    let key = Symbol::new_global(ctx.clone(), KEY)?;
    instance.set(key, scope)
}

/// The scope of `instance`, if it is a page or component.
pub(crate) fn of<'js>(ctx: &Ctx<'js>, instance: &Value<'js>) -> Option<Class<'js, JsScope<'js>>> {
    let key = Symbol::new_global(ctx.clone(), KEY).ok()?;
    let object = instance.as_object()?;
    let v: Value<'js> = object.get(key).ok()?;
    Class::<JsScope>::from_value(&v).ok()
}
