//! What a `--tap` names: a page method (`save`), or an element by id
//! (`#save`) whose tap handler is then called. Framework output binds its
//! handlers through data (uni-app's `bindtap="{{c}}"`, where `c` holds a
//! generated method name), so an element's attributes are evaluated
//! against the page's data before its handler is read.

use rquickjs::{Ctx, Object, Value};

use crate::page::binding;
use crate::page::markup::Element;

/// The element a tap lands on and the page method it calls.
pub(super) struct TapTarget {
    /// The page method to call.
    pub method: String,
    /// The element tapped (its id and dataset reach the event), if the
    /// markup has one.
    pub element: Option<Element>,
}

/// Why a `--tap` names nothing to call.
pub(super) enum TapError {
    /// `#id`: no element of the markup has that id.
    NoElement(String),
    /// `#id`: the element binds no tap handler.
    NoHandler(String),
}

/// Resolves `spec` (`method` or `#id`) against the page's `elements`,
/// their bindings evaluated with the page's `data`.
pub(super) fn resolve<'js>(
    ctx: &Ctx<'js>,
    data: &Object<'js>,
    elements: &[Element],
    spec: &str,
) -> rquickjs::Result<Result<TapTarget, TapError>> {
    let Some(id) = spec.strip_prefix('#') else {
        let element = elements
            .iter()
            .find(|e| e.handler("tap") == Some(spec))
            .cloned();
        return Ok(Ok(TapTarget {
            method: spec.to_string(),
            element,
        }));
    };
    for element in elements {
        let evaluated = evaluated(ctx, data, element)?;
        if evaluated.attribute("id") != Some(id) {
            continue;
        }
        return Ok(match evaluated.handler("tap") {
            Some(method) => Ok(TapTarget {
                method: method.to_string(),
                element: Some(evaluated.clone()),
            }),
            None => Err(TapError::NoHandler(id.to_string())),
        });
    }
    Ok(Err(TapError::NoElement(id.to_string())))
}

/// `element` with each bound attribute (`{{…}}`) replaced by its value.
pub(super) fn evaluated<'js>(
    ctx: &Ctx<'js>,
    data: &Object<'js>,
    element: &Element,
) -> rquickjs::Result<Element> {
    let mut out = element.clone();
    for (_, value) in &mut out.attributes {
        let Some(text) = value.as_deref().filter(|t| binding::is_bound(t)) else {
            continue;
        };
        let v: Value<'js> = binding::evaluate(ctx, data, text)?;
        *value = if v.is_undefined() || v.is_null() {
            None
        } else {
            Some(mpcanvas_js::console::format_value(ctx, &v))
        };
    }
    Ok(out)
}
