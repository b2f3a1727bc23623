//! The composed tree: every scope's rendered elements joined where a
//! component's host element sits in its owner's markup and where slot
//! content is placed into a component's `<slot>`. Component events
//! (`triggerEvent` with `composed`) and `relations` walk it upward.
//!
//! Within one scope an element's parent is its enclosing element (slot
//! content's parent is the component element it is written in). Crossing
//! boundaries, as WeChat's component framework does (glass-easel's event
//! path): slot content continues at the `<slot>` of the component that
//! receives it (the one named by its `slot` attribute, else the unnamed
//! one), and the top of a component's template continues at that
//! component's host element in its owner's markup.

use rquickjs::{Ctx, Object};

use super::markup::Element;

/// Most steps one path takes (a malformed tree cannot loop forever).
const MAX_STEPS: usize = 10_000;

/// One element on a path: the page or component whose markup holds it,
/// its index there, and the element the event's `target` is in that
/// tree (the host where the path entered from inside a component).
#[derive(Clone)]
pub(crate) struct Step<'js> {
    /// The page or component instance whose rendered markup holds the
    /// element (handlers bound on it are that instance's methods).
    pub owner: Object<'js>,
    /// Index in the owner's rendered elements.
    pub element: usize,
    /// A copy of the element.
    pub node: Element,
    /// The element standing for the event's target in this tree.
    pub target: Element,
}

/// The owner of `component` and the index of its host element in the
/// owner's rendered markup.
pub(crate) fn host_of<'js>(
    ctx: &Ctx<'js>,
    component: &Object<'js>,
) -> rquickjs::Result<Option<(Object<'js>, usize)>> {
    let Some(owner) = super::events::owner_of(ctx, component)? else {
        return Ok(None);
    };
    let Some(scope) = super::scope::of(ctx, &owner.clone().into_value()) else {
        return Ok(None);
    };
    let index = scope
        .borrow()
        .components
        .iter()
        .find(|c| c.instance == *component)
        .map(|c| c.element);
    Ok(index.map(|i| (owner, i)))
}

/// The component whose host is element `index` of `owner`'s markup.
pub(crate) fn component_at<'js>(
    ctx: &Ctx<'js>,
    owner: &Object<'js>,
    index: usize,
) -> Option<Object<'js>> {
    let scope = super::scope::of(ctx, &owner.clone().into_value())?;
    let scope = scope.borrow();
    scope
        .components
        .iter()
        .find(|c| c.element == index)
        .map(|c| c.instance.clone())
}

/// The elements of `owner`'s rendered markup (a copy: no borrow is held
/// while handlers run).
fn elements_of<'js>(ctx: &Ctx<'js>, owner: &Object<'js>) -> Vec<Element> {
    super::scope::of(ctx, &owner.clone().into_value())
        .map(|s| s.borrow().elements.clone())
        .unwrap_or_default()
}

/// The path from element `start` of `owner`'s markup to the root:
/// within that markup only, or (`composed`) across slots and component
/// boundaries up to the page.
pub(crate) fn path<'js>(
    ctx: &Ctx<'js>,
    owner: &Object<'js>,
    start: usize,
    composed: bool,
) -> rquickjs::Result<Vec<Step<'js>>> {
    let mut out = Vec::new();
    let mut owner = owner.clone();
    let mut elements = elements_of(ctx, &owner);
    let mut index = start;
    let Some(first) = elements.get(start).cloned() else {
        return Ok(out);
    };
    // The target as each tree sees it, innermost last: entering a slot
    // keeps the outer tree's target to return to.
    let mut targets: Vec<Element> = vec![first];
    while out.len() < MAX_STEPS {
        let Some(node) = elements.get(index).cloned() else {
            break;
        };
        let target = targets.last().cloned().unwrap_or_else(|| node.clone());
        let parent = node.parent.filter(|p| *p < index);
        out.push(Step {
            owner: owner.clone(),
            element: index,
            node: node.clone(),
            target,
        });
        if !composed {
            // Parents come earlier in document order, so this ends.
            match parent {
                Some(p) => index = p,
                None => break,
            }
            continue;
        }
        match parent {
            Some(p) => match component_at(ctx, &owner, p) {
                // Slot content: on into the receiving component's slot.
                Some(receiver) => {
                    let name = node.attribute("slot").unwrap_or_default().to_string();
                    let inner = elements_of(ctx, &receiver);
                    let Some(slot) = inner.iter().position(|e| {
                        e.name == "slot" && e.attribute("name").unwrap_or_default() == name
                    }) else {
                        break; // content no slot receives is not in the tree
                    };
                    targets.push(inner[slot].clone());
                    owner = receiver;
                    elements = inner;
                    index = slot;
                }
                None => index = p,
            },
            // The top of a component's template: on at its host, where
            // the target is the one this tree was entered with, or the
            // host itself.
            None => {
                let Some((up, host)) = host_of(ctx, &owner)? else {
                    break;
                };
                elements = elements_of(ctx, &up);
                let Some(host_node) = elements.get(host).cloned() else {
                    break;
                };
                targets.pop();
                if targets.is_empty() {
                    targets.push(host_node);
                }
                owner = up;
                index = host;
            }
        }
    }
    Ok(out)
}
