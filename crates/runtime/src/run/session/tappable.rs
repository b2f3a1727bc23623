//! Which page methods a `--tap` can call, for the report and for the
//! error a mistyped `--tap` gets.

use rquickjs::{Object, Value};

use crate::page::markup::Markup;

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
];

/// The methods `--tap` can call on `page`: the tap handlers its markup
/// binds that the page defines; without any, its own functions that are
/// not platform hooks.
pub(super) fn tappable(page: &Object<'_>, markup: &Markup) -> Vec<String> {
    let is_method = |name: &str| {
        page.get::<_, Value<'_>>(name)
            .is_ok_and(|v| v.is_function())
    };
    let bound: Vec<String> = markup
        .tap_handlers
        .iter()
        .filter(|h| is_method(h))
        .cloned()
        .collect();
    if !bound.is_empty() {
        return bound;
    }
    page.keys::<String>()
        .filter_map(Result::ok)
        .filter(|k| !k.starts_with('_') && !HOOKS.contains(&k.as_str()) && is_method(k))
        .collect()
}
