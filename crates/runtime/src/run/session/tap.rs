//! Performing a `--tap`: the method or element it names
//! ([`tap_target`](super::tap_target)) is called as a user tap, with a tap
//! event built as the platforms build it and the user gesture on.

use rquickjs::function::Rest;
use rquickjs::{Object, Value};

use super::Driver;
use super::tap_target::{self, TapError};
use crate::page::markup::{Element, Markup};
use crate::page::{program, scope};
use mpcanvas_js::event_loop::EventLoop;
use mpcanvas_js::runtime::ScriptError;

impl<'js> Driver<'_, 'js> {
    /// Performs the `--tap` `spec` on `page`: calls the method it names
    /// (`save`) or the tap handler of the element it names (`#save`) as a
    /// user tap on that element.
    pub(super) fn tap(
        &mut self,
        page: &Object<'js>,
        markup: &Markup,
        spec: &str,
    ) -> Result<(), ScriptError> {
        let (resolved, rendered) = self.resolve_in(page, Some(markup), spec)?;
        // An element by id may sit in a component's template: a user taps
        // what is shown, and the component's handler runs.
        let (page, resolved, rendered) = match resolved {
            Err(TapError::NoElement(_)) if spec.starts_with('#') => {
                let mut found = None;
                for component in crate::page::mount::descendants(&self.ctx, page) {
                    let (r, elements) = self.resolve_in(&component, None, spec)?;
                    if !matches!(r, Err(TapError::NoElement(_))) {
                        found = Some((component, r, elements));
                        break;
                    }
                }
                found.unwrap_or((page.clone(), resolved, rendered))
            }
            _ => (page.clone(), resolved, rendered),
        };
        let target = match resolved {
            Ok(t) => t,
            Err(TapError::NoElement(id)) => {
                return Err(ScriptError::Host(format!(
                    "--tap #{id}: the page's markup has no element with id '{id}'"
                )));
            }
            Err(TapError::NoHandler(id)) => {
                return Err(ScriptError::Host(format!(
                    "--tap #{id}: the element with id '{id}' binds no tap handler"
                )));
            }
        };
        let method = target.method.as_str();
        let has_method = page
            .get::<_, Value<'js>>(method)
            .map(|v| v.is_function())
            .unwrap_or(false);
        if !has_method {
            let offer = match self.tappable.as_slice() {
                [] => String::from("it has no methods to tap"),
                names => format!("its tappable methods: {}", names.join(", ")),
            };
            return Err(ScriptError::Host(format!(
                "--tap {spec}: the {} has no method '{method}'; {offer}",
                if page.contains_key("route").unwrap_or(false) {
                    String::from("page")
                } else {
                    format!(
                        "component {}",
                        page.get::<_, String>("is").unwrap_or_default()
                    )
                }
            )));
        }
        // The rendered element tapped (its dataset and marks reach the
        // handler), else the one written in the markup.
        let index = target
            .element
            .as_ref()
            .and_then(|t| rendered.iter().position(|e| e == t));
        let element = index
            .and_then(|i| rendered.get(i))
            .or(target.element.as_ref());
        let now = self.events.as_ref().map_or(0.0, EventLoop::now);
        self.set_gesture(true);
        let result = self.guarded(&format!("tap {spec}"), |ctx| {
            let event = Object::new(ctx.clone())?;
            event.set("type", "tap")?;
            event.set("timeStamp", now.round())?;
            let target = Object::new(ctx.clone())?;
            target.set(
                "id",
                element.and_then(|e| e.attribute("id")).unwrap_or_default(),
            )?;
            target.set("dataset", crate::page::events::dataset(ctx, element)?)?;
            target.set("offsetLeft", 0)?;
            target.set("offsetTop", 0)?;
            event.set("target", target.clone())?;
            event.set("currentTarget", target)?;
            let mark = match index {
                Some(i) => crate::page::events::mark(ctx, &rendered, i)?,
                None => Object::new(ctx.clone())?,
            };
            event.set("mark", mark)?;
            let detail = Object::new(ctx.clone())?;
            detail.set("x", 0)?;
            detail.set("y", 0)?;
            event.set("detail", detail)?;
            event.set("touches", rquickjs::Array::new(ctx.clone())?)?;
            event.set("changedTouches", rquickjs::Array::new(ctx.clone())?)?;
            program::call_method(&page, method, Rest(vec![event.into_value()]))
        });
        // The gesture covers the handler and the promise jobs it starts,
        // not later timers.
        let jobs = result.and_then(|_| self.jobs());
        self.set_gesture(false);
        jobs
    }

    /// Resolves `spec` against what `instance` (a page or component)
    /// rendered, with its data; a page with no render yet uses its markup
    /// as written. Returns the resolution and the rendered elements.
    fn resolve_in(
        &self,
        instance: &Object<'js>,
        markup: Option<&Markup>,
        spec: &str,
    ) -> Result<(Result<tap_target::TapTarget, TapError>, Vec<Element>), ScriptError> {
        let data: Object<'js> = match instance
            .get::<_, Value<'js>>("data")
            .map(Value::into_object)
        {
            Ok(Some(d)) => d,
            _ => Object::new(self.ctx.clone()).map_err(|e| self.js(e))?,
        };
        let rendered = scope::of(&self.ctx, &instance.clone().into_value())
            .map(|s| s.borrow().elements.clone())
            .unwrap_or_default();
        let elements = match markup {
            Some(m) if rendered.is_empty() => m.elements.as_slice(),
            _ => rendered.as_slice(),
        };
        let resolved =
            tap_target::resolve(&self.ctx, &data, elements, spec).map_err(|e| self.js(e))?;
        Ok((resolved, rendered))
    }

    pub(super) fn set_gesture(&self, on: bool) {
        if let Some(host) = mpcanvas_js::host::get(&self.ctx) {
            host.gesture.set(on);
        }
    }
}
