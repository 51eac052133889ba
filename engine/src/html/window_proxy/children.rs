//! The child navigables a WindowProxy exposes: the document-tree child navigables (its
//! indices) and the document-tree child navigable target name property set (its named
//! children).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#document-tree-child-navigables>

use crate::agent::AgentState;
use crate::ids::{BrowsingContextId, NodeId, WindowId};

/// The browsing context whose container is `node` in `window`'s document.
pub(crate) fn child_of_container(
    state: &AgentState,
    window: WindowId,
    node: NodeId,
) -> Option<BrowsingContextId> {
    let (bc, document) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.browsing_context, w.document_id))?;
    state.ua.with_tree(|tree| {
        tree.children(bc).iter().copied().find(|child| {
            tree.get(*child)
                .is_some_and(|c| c.container == Some((document, node)))
        })
    })
}

/// The document-tree child navigables of the active document of `bc`: its children whose
/// container is in that document (a child of a document navigated away from is not one).
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#document-tree-child-navigables>
pub(crate) fn document_tree_child_navigables(
    state: &AgentState,
    bc: BrowsingContextId,
) -> Vec<BrowsingContextId> {
    state.ua.with_tree(|tree| {
        let Some(document) = tree.get(bc).and_then(|b| b.active_document) else {
            return Vec::new();
        };
        tree.children(bc)
            .iter()
            .copied()
            .filter(|child| {
                tree.get(*child)
                    .and_then(|c| c.container)
                    .is_some_and(|(container_document, _)| container_document == document)
            })
            .collect()
    })
}

/// The navigable named `name` in the document-tree child navigable target name property set
/// of `window` (of `bc`): the first child with that target name, if its active document is
/// same origin with `window` or its container's name attribute is that name.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#document-tree-child-navigable-target-name-property-set>
pub(crate) fn named_child(
    state: &AgentState,
    window: WindowId,
    bc: BrowsingContextId,
    name: &str,
) -> Option<BrowsingContextId> {
    // 1. Let children be the document-tree child navigables of window's associated Document.
    // 2.-3. firstNamedChildren: the first navigable of each non-empty target name.
    if name.is_empty() {
        return None;
    }
    let children = document_tree_child_navigables(state, bc);
    let first = state.ua.with_tree(|tree| {
        children
            .iter()
            .copied()
            .find(|child| tree.get(*child).is_some_and(|c| c.name == name))
    })?;
    // 5. Append its name to names if navigable's active document's origin is same origin with
    //    window's relevant settings object's origin. (A child in another agent is of another
    //    site.)
    //    (or if navigable's container's name content attribute value is name).
    let container_named = state
        .ua
        .with_tree(|tree| tree.get(first).and_then(|c| c.container))
        .and_then(|(_, element)| {
            let document = state.windows.borrow().get(&window)?.document.clone();
            let named = document.borrow().get_attribute(element, "name") == Some(name);
            Some(named)
        })
        .unwrap_or(false);
    if container_named {
        return Some(first);
    }
    let child_window = state.ua.active_window(first)?;
    let windows = state.windows.borrow();
    let same_origin = match (windows.get(&child_window), windows.get(&window)) {
        (Some(child), Some(window)) => child.origin().is_same_origin(&window.origin()),
        // Deviation: the origins of windows of another agent are not known here; a child in
        // the same agent as its parent (same site) is taken as same origin with it.
        (None, None) => match (
            state.ua.window_entry(child_window),
            state.ua.window_entry(window),
        ) {
            (Some(child), Some(parent)) => child.agent == parent.agent,
            _ => false,
        },
        _ => false,
    };
    same_origin.then_some(first)
}

/// The document-tree child navigable at `index`, if any.
pub(super) fn child_at(
    state: &AgentState,
    bc: BrowsingContextId,
    index: u32,
) -> Option<BrowsingContextId> {
    document_tree_child_navigables(state, bc)
        .get(index as usize)
        .copied()
}
