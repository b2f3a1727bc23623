//! Which page methods a `--tap` can call, for the report and for the
//! error a mistyped `--tap` gets.

use rquickjs::{Ctx, Object, Value};

use super::tap_target::evaluated;
use crate::page::markup::{Element, Markup};

/// Page hooks the platforms call themselves: never offered as taps.
const HOOKS: &[&str] = &[
    "onLoad",
    "onShow",
    "onReady",
    "onHide",
    "onUnload",
    "onPullDownRefresh",
    "onReachBottom",
    "onPageScroll",
    "onResize",
    "onTabItemTap",
    "onShareAppMessage",
    "onShareTimeline",
    "onAddToFavorites",
    "onSaveExitState",
    "onTitleClick",
    "onOptionMenuClick",
    "onInit",
    "created",
    "attached",
    "ready",
    "moved",
    "detached",
    "didMount",
    "didUpdate",
    "didUnmount",
    "setData",
    // Instance methods some frameworks copy onto the instance itself.
    "triggerEvent",
    "selectComponent",
    "selectAllComponents",
    "createSelectorQuery",
];

/// What `--tap` can name on `page`, in document order: the tap handlers
/// its markup binds that the page defines, by name; by `#id` instead where
/// the name alone does not say which element is tapped (a handler bound
/// through data, `bindtap="{{c}}"` as uni-app writes it, or one handler
/// shared by many elements, as Taro's `eh`). Without any, the page's own
/// functions that are not platform hooks.
pub(super) fn tappable<'js>(
    ctx: &Ctx<'js>,
    page: &Object<'js>,
    markup: &Markup,
    rendered: &[Element],
) -> Vec<String> {
    let is_method = |name: &str| {
        page.get::<_, Value<'_>>(name)
            .is_ok_and(|v| v.is_function())
    };
    let data = page
        .get::<_, Value<'js>>("data")
        .ok()
        .and_then(Value::into_object);
    // The rendered elements, else the markup evaluated here with the data.
    let elements: Vec<Element> = if rendered.is_empty() {
        let Some(data) = &data else {
            return Vec::new();
        };
        markup
            .elements
            .iter()
            .filter_map(|e| evaluated(ctx, data, e).ok())
            .collect()
    } else {
        rendered.to_vec()
    };
    let shared = |method: &str| {
        elements
            .iter()
            .filter(|e| e.handler("tap") == Some(method))
            .count()
            > 1
    };
    let mut bound: Vec<String> = Vec::new();
    for element in &elements {
        let Some(method) = element.handler("tap").filter(|m| is_method(m)) else {
            continue;
        };
        // A name the markup never writes came from data (`{{c}}`).
        let written = markup.tap_handlers.iter().any(|h| h == method);
        let by_id = !written || shared(method);
        let name = match (by_id, element.attribute("id")) {
            (true, Some(id)) => format!("#{id}"),
            _ => method.to_string(),
        };
        if !bound.contains(&name) {
            bound.push(name);
        }
    }
    if !bound.is_empty() {
        return bound;
    }
    page.keys::<String>()
        .filter_map(Result::ok)
        .filter(|k| !k.starts_with('_') && !HOOKS.contains(&k.as_str()) && is_method(k))
        .collect()
}
