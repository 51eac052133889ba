//! The iframe element: its content navigable is created when it becomes connected (parsed or
//! inserted by script), navigated when its `src` changes, and destroyed when it is removed.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element>

use std::rc::Rc;

use boa_engine::Context;
use postern_dom::{
    BrowsingContextId, NodeId, SandboxingFlagSet, TreeError, determine_the_origin,
    parse_a_sandboxing_directive,
};
use postern_event_loop::{Task, TaskSource};
use url::Url;

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::agent::tasks::{AgentTask, SrcdocNavigation};
use crate::agent::window::document_key;
use crate::dom::event::create_event;
use crate::dom::event_target::dispatch;
use crate::embedder::console_sink::ConsoleLevel;
use crate::html::document_lifecycle;
use crate::html::navigation;
use crate::html::navigation::maybe_queue_window_load;
use crate::html::sandboxing::snapshot_target_snapshot_params;
use crate::html::scripting::script::emit_console;
use crate::html::window::create_window;
use crate::html::window_proxy::child_of_container;
use crate::ids::WindowId;

/// The iframe HTML element post-connection steps, for `iframe`, now connected in `parent`'s
/// document.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element>
/// ("The iframe HTML element post-connection steps")
pub(crate) fn iframe_post_connection_steps(
    state: &Rc<AgentState>,
    context: &mut Context,
    parent: WindowId,
    iframe: NodeId,
) {
    // 1. If insertedNode has a sandbox attribute, then parse the sandboxing directive given
    //    the attribute's value and insertedNode's iframe sandboxing flag set. (Before the
    //    navigable exists, so that its initial about:blank document is sandboxed too.)
    let iframe_sandboxing_flag_set = iframe_sandboxing_flag_set(state, parent, iframe);
    // 2. Create a new child navigable for insertedNode.
    let Some(child) =
        create_a_new_child_navigable(state, context, parent, iframe, iframe_sandboxing_flag_set)
    else {
        return;
    };
    // 3. Process the iframe attributes for insertedNode, with initialInsertion set to true.
    process_the_iframe_attributes(state, context, parent, iframe, child, true);
}

/// The post-connection steps for every iframe that `inserted` (and its descendants) brought
/// into `parent`'s document, in tree order.
pub(crate) fn run_post_connection_steps_for_iframes(
    state: &Rc<AgentState>,
    context: &mut Context,
    parent: WindowId,
    inserted: NodeId,
) {
    let iframes: Vec<NodeId> = {
        let windows = state.windows.borrow();
        let Some(w) = windows.get(&parent) else {
            return;
        };
        let document = w.document.borrow();
        if !document.is_connected(inserted) {
            return;
        }
        std::iter::once(inserted)
            .chain(document.descendants(inserted))
            .filter(|node| document.is_html_element(*node, "iframe"))
            .collect()
    };
    for iframe in iframes {
        // An iframe moved within its document keeps the navigable it has.
        if child_of_container(state, parent, iframe).is_none() {
            iframe_post_connection_steps(state, context, parent, iframe);
        }
    }
}

/// The iframe sandboxing flag set of `iframe` in `parent`'s document: its `sandbox`
/// attribute parsed as a sandboxing directive, or the empty set without the attribute.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#attr-iframe-sandbox>
fn iframe_sandboxing_flag_set(
    state: &AgentState,
    parent: WindowId,
    iframe: NodeId,
) -> SandboxingFlagSet {
    state
        .windows
        .borrow()
        .get(&parent)
        .and_then(|w| {
            w.document
                .borrow()
                .get_attribute(iframe, "sandbox")
                .map(parse_a_sandboxing_directive)
        })
        .unwrap_or(SandboxingFlagSet::EMPTY)
}

/// Create a new child navigable: a child browsing context whose container is `iframe`, with
/// its initial `about:blank` Window. Its origin is the creator's, or a new opaque origin
/// when the creation sandboxing flags have the sandboxed origin flag; either way the Window
/// is created in this agent.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#create-a-new-child-navigable>
fn create_a_new_child_navigable(
    state: &Rc<AgentState>,
    context: &mut Context,
    parent: WindowId,
    iframe: NodeId,
    iframe_sandboxing_flag_set: SandboxingFlagSet,
) -> Option<BrowsingContextId> {
    let (parent_bc, parent_document, parent_origin, parent_flags, name): (_, _, _, _, String) =
        state.windows.borrow().get(&parent).map(|w| {
            let document = w.document.borrow();
            (
                w.browsing_context,
                w.document_id,
                document.origin().clone(),
                document.active_sandboxing_flag_set(),
                document
                    .get_attribute(iframe, "name")
                    .unwrap_or("")
                    .to_string(),
            )
        })?;
    let name_for_tree = name.clone();
    // Deviation: a navigable nests at most `max_navigable_depth` deep (the spec has no
    // bound; browsers bound the frames of a page or their depth): deeper, the iframe gets no
    // content navigable, so a page that embeds a new URL at each level (`?n=1`, `?n=2`,
    // ...) stops there.
    let depth = state
        .ua
        .with_tree(|tree| tree.ancestors(parent_bc).len())
        .saturating_add(1);
    if depth > state.ua.max_navigable_depth {
        emit_console(
            state,
            parent,
            ConsoleLevel::Warn,
            format!(
                "iframe: not loaded: navigables nest at most {} deep",
                state.ua.max_navigable_depth
            ),
        );
        return None;
    }
    // 1-4. Let parentNavigable be element's node navigable; group, browsingContext and
    //      document: a new browsing context in the parent's group. The tree keeps the
    //      container's flag sets, from which the creation sandboxing flags are determined.
    let child = match state.ua.with_tree_mut(|tree| {
        let child = tree.create_child(parent_bc, (parent_document, iframe), name_for_tree)?;
        tree.set_container_sandboxing_flags(child, iframe_sandboxing_flag_set, parent_flags);
        Ok::<_, TreeError>(child)
    }) {
        Ok(child) => child,
        Err(error) => {
            emit_console(
                state,
                parent,
                ConsoleLevel::Error,
                format!("iframe: {error}"),
            );
            return None;
        }
    };
    // 5-9. The initial about:blank document (creating a new browsing context and
    //      document): its sandboxing flags are the creation sandboxing flags, its origin
    //      the result of determining the origin given about:blank, those flags and the
    //      creator's origin.
    // Deviation: a sandboxed initial about:blank document (a new opaque origin: its own
    // site and agent cluster) still gets its Window in this agent, synchronously, as the
    // spec creates it; the documents it is replaced by go to their own agents.
    let blank = Url::parse("about:blank").ok()?;
    let sandbox_flags = snapshot_target_snapshot_params(state, child);
    let origin = determine_the_origin(Some(&blank), sandbox_flags, Some(&parent_origin));
    match create_window(state, context, child, blank, origin) {
        Ok(window) => {
            if let Some(w) = state.windows.borrow().get(&window) {
                w.document
                    .borrow_mut()
                    .set_active_sandboxing_flag_set(sandbox_flags);
            }
            document_lifecycle::initialize_the_initial_about_blank_document(state, window);
        }
        Err(error) => {
            emit_console(state, parent, ConsoleLevel::Error, error.to_string());
            return None;
        }
    }
    // 10. Set element's content navigable to navigable (the tree records the container).
    // The iframe delays its document's load event until its own load is done.
    if let Some(w) = state.windows.borrow_mut().get_mut(&parent) {
        w.load.pending_iframes.insert(iframe);
    }
    Some(child)
}

/// Process the iframe attributes.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#process-the-iframe-attributes>
fn process_the_iframe_attributes(
    state: &Rc<AgentState>,
    context: &mut Context,
    parent: WindowId,
    iframe: NodeId,
    child: BrowsingContextId,
    initial_insertion: bool,
) {
    let Some((src, srcdoc, base, parent_document, parent_origin, parent_navigable)) =
        state.windows.borrow().get(&parent).map(|w| {
            let document = w.document.borrow();
            (
                document.get_attribute(iframe, "src").map(str::to_string),
                document.get_attribute(iframe, "srcdoc").map(str::to_string),
                document.url().clone(),
                w.document_id,
                document.origin().clone(),
                w.browsing_context,
            )
        })
    else {
        return;
    };
    // 1. If element's srcdoc attribute is specified, then:
    if let Some(srcdoc) = srcdoc {
        //  1. Let documentResource be element's srcdoc attribute value.
        //  2. Navigate an iframe or frame given element, about:srcdoc, the empty string, and
        //     with navigationType "replace" and documentResource (its origin is the parent
        //     document's: "about:srcdoc" documents inherit it).
        state.queue_a_task(Task::new(
            TaskSource::Networking,
            Some(document_key(parent_document)),
            AgentTask::NavigateToSrcdoc(Box::new(SrcdocNavigation {
                browsing_context: child,
                source: srcdoc,
                origin: parent_origin,
                sandboxing_flags: snapshot_target_snapshot_params(state, child),
            })),
        ));
        return;
    }
    // 2. Otherwise:
    //    1. Let url be the result of running the shared attribute processing steps for iframe
    //       and frame elements given element and initialInsertion.
    //    2. If url is null, then return.
    let Some(url) =
        shared_attribute_processing_steps(state, src.as_deref(), &base, parent_navigable)
    else {
        // Nothing is loaded: the iframe no longer delays its document's load event.
        stop_delaying_the_load_event(state, parent, iframe);
        return;
    };
    //    3. If url matches about:blank and initialInsertion is true, then:
    if postern_dom::loader::matches_about_blank(&url) && initial_insertion {
        //   1. Run the iframe load event steps given element.
        //      (Also while the parser inserts the iframe: the event fires before the parser
        //      goes on, as a script it meets runs, so a script after the iframe sees it
        //      fired already.)
        iframe_load_event_steps(state, context, parent, iframe);
        //   2. Return.
        return;
    }
    //    4-6. Navigate an iframe or frame given element, url and referrerPolicy: navigate
    //         its content navigable using element's node document (the fetch and load run
    //         as a networking task of this agent; a javascript: URL runs in the child).
    // (A parent may always navigate its child: never blocked by sandboxing.)
    let _always_allowed =
        navigation::navigate(state, child, url, parent_origin, Some(parent_document));
}

/// The shared attribute processing steps for iframe and frame elements: the URL to load.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#shared-attribute-processing-steps-for-iframe-and-frame-elements>
///
/// `base` is the URL of the element's node document, `node_navigable` its navigable. `None`
/// is the spec's null: the URL is an ancestor's, and loading it would recurse.
fn shared_attribute_processing_steps(
    state: &AgentState,
    src: Option<&str>,
    base: &Url,
    node_navigable: BrowsingContextId,
) -> Option<Url> {
    // 1. Let url be the URL about:blank.
    let blank = || Url::parse("about:blank").unwrap_or_else(|_| base.clone());
    // 2. If element has a src attribute specified, and its value is not the empty string,
    //    then: let maybeURL be the result of encoding-parsing a URL given that value,
    //    relative to element's node document; if it is not failure, set url to it.
    let url = match src.map(str::trim) {
        Some(src) if !src.is_empty() => base.join(src).unwrap_or_else(|_| blank()),
        _ => blank(),
    };
    // 3. If the inclusive ancestor navigables of element's node navigable contains a
    //    navigable whose active document's URL equals url with exclude fragments set to
    //    true, then return null. (Their documents may run in other agents: the user agent
    //    knows every active document's URL.)
    // Note: Chromium and Safari load one level of self-reference and refuse the next
    // (whatwg/html#1518); this is the spec's check.
    // Deviation: a URL that matches about:blank is not checked (as in Chromium): an iframe
    // without `src` inside an `about:blank` document still gets its load event, and an
    // empty document cannot recurse.
    if postern_dom::loader::matches_about_blank(&url) {
        return Some(url);
    }
    let ancestors = state.ua.with_tree(|tree| {
        let mut inclusive = vec![node_navigable];
        inclusive.extend(tree.ancestors(node_navigable));
        inclusive
    });
    let recursive = ancestors.into_iter().any(|navigable| {
        state
            .ua
            .active_document_url(navigable)
            .is_some_and(|ancestor| equals_excluding_fragments(&ancestor, &url))
    });
    if recursive {
        return None;
    }
    // 4. If url matches about:blank and initialInsertion is true, then perform the URL and
    //    history update steps given element's content navigable's active document and url.
    //    (Done by the caller's about:blank branch: the initial document stays.)
    // 5. Return url.
    Some(url)
}

/// Whether two URLs are equal with exclude fragments set to true.
///
/// Spec: <https://url.spec.whatwg.org/#concept-url-equals>
fn equals_excluding_fragments(a: &Url, b: &Url) -> bool {
    let mut a = a.clone();
    let mut b = b.clone();
    a.set_fragment(None);
    b.set_fragment(None);
    a == b
}

/// The iframe load event steps: fire `load` at the iframe element; it no longer delays its
/// document's load event.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#iframe-load-event-steps>
pub(crate) fn iframe_load_event_steps(
    state: &Rc<AgentState>,
    context: &mut Context,
    parent: WindowId,
    iframe: NodeId,
) {
    // 1. Assert: element's content navigable is not null. (A load that completes after the
    //    iframe was removed fires nothing.)
    if child_of_container(state, parent, iframe).is_none() {
        return;
    }
    let Some(realm) = state.windows.borrow().get(&parent).map(|w| w.realm.clone()) else {
        return;
    };
    // 2-5. (Timing info.)
    // 6. Fire an event named load at element.
    let previous = context.enter_realm(realm);
    if let Ok(event) = create_event(context, "load") {
        let _ = dispatch(state, context, parent, EventTargetKey::Node(iframe), &event);
    }
    context.enter_realm(previous);
    stop_delaying_the_load_event(state, parent, iframe);
}

/// The iframe no longer delays its document's load event.
fn stop_delaying_the_load_event(state: &Rc<AgentState>, parent: WindowId, iframe: NodeId) {
    let was_pending = state
        .windows
        .borrow_mut()
        .get_mut(&parent)
        .is_some_and(|w| w.load.pending_iframes.remove(&iframe));
    if was_pending {
        maybe_queue_window_load(state, parent);
    }
}

/// The iframe HTML element removing steps, for every iframe in the subtree `removed` that was
/// just removed from `parent`'s document: destroy a child navigable.
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element>
/// ("The iframe HTML element removing steps")
pub(crate) fn iframe_removing_steps(
    state: &Rc<AgentState>,
    context: &mut Context,
    parent: WindowId,
    removed: NodeId,
) {
    let iframes: Vec<NodeId> = {
        let windows = state.windows.borrow();
        let Some(w) = windows.get(&parent) else {
            return;
        };
        let document = w.document.borrow();
        std::iter::once(removed)
            .chain(document.descendants(removed))
            .filter(|node| document.is_html_element(*node, "iframe"))
            .collect()
    };
    for iframe in iframes {
        destroy_a_child_navigable(state, context, parent, iframe);
    }
}

/// Destroy a child navigable: the iframe's browsing context and every descendant leave the
/// tree; their documents are no longer fully active, and their tasks and timers are dropped
/// in the agents that run them.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#destroy-a-child-navigable>
fn destroy_a_child_navigable(
    state: &Rc<AgentState>,
    context: &mut Context,
    parent: WindowId,
    iframe: NodeId,
) {
    // 1. Let navigable be container's content navigable.
    // 2. If navigable is null, then return.
    let Some(navigable) = child_of_container(state, parent, iframe) else {
        return;
    };
    // 3. Set container's content navigable to null (the navigable leaves the tree below).
    // 4. Inform the navigation API about child navigable destruction (no navigation API).
    // 5. Destroy a document and its descendants given navigable's active document: every
    //    window of the navigable and its descendants, wherever it runs.
    let windows = navigation::active_windows_of_inclusive_descendants(state, navigable);
    // Deviation: the documents are unloaded first (`pagehide`, `unload`), as browsers do
    // when an iframe is removed (the spec's destroy fires no event): those of this agent now,
    // while still in the tree; those of other agents where they live, when destroyed.
    for &window in &windows {
        document_lifecycle::unload_a_document(state, context, window);
    }
    // 6-9. Remove the navigable (and its descendants) from the tree.
    state.ua.with_tree_mut(|tree| tree.remove(navigable));
    navigation::destroy_documents_where_they_live(state, context, windows);
    // A removed iframe no longer delays its document's load event.
    stop_delaying_the_load_event(state, parent, iframe);
}

/// The attribute change steps of an iframe: a `srcdoc` set, changed or removed, or a `src`
/// set, changed or removed while there is no `srcdoc`, on an iframe with a content navigable
/// processes the iframe attributes again (a navigation).
///
/// Spec: <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element>
/// ("whenever an iframe element with a non-null content navigable has its srcdoc attribute
/// set, changed, or removed" / "... has its src attribute set, changed, or removed" when it
/// has no srcdoc attribute)
pub(crate) fn iframe_attribute_change_steps(
    state: &Rc<AgentState>,
    context: &mut Context,
    parent: WindowId,
    element: NodeId,
    local_name: &str,
) {
    // When an iframe element's sandbox attribute is set, changed or removed while it has a
    // non-null content navigable, parse the sandboxing directive given the attribute's
    // value (or empty the set) into its iframe sandboxing flag set: it applies to the next
    // navigation, not to the current document.
    if local_name == "sandbox" {
        let is_iframe = state
            .windows
            .borrow()
            .get(&parent)
            .is_some_and(|w| w.document.borrow().is_html_element(element, "iframe"));
        if is_iframe && let Some(child) = child_of_container(state, parent, element) {
            let flags = iframe_sandboxing_flag_set(state, parent, element);
            state
                .ua
                .with_tree_mut(|tree| tree.set_iframe_sandboxing_flag_set(child, flags));
        }
        return;
    }
    let (is_iframe, has_srcdoc) = state
        .windows
        .borrow()
        .get(&parent)
        .map_or((false, false), |w| {
            let document = w.document.borrow();
            (
                document.is_html_element(element, "iframe") && document.is_connected(element),
                document.get_attribute(element, "srcdoc").is_some(),
            )
        });
    // A srcdoc change always processes the attributes; a src change only when there is no
    // srcdoc attribute.
    let relevant = local_name == "srcdoc" || (local_name == "src" && !has_srcdoc);
    if !is_iframe || !relevant {
        return;
    }
    if let Some(child) = child_of_container(state, parent, element) {
        process_the_iframe_attributes(state, context, parent, element, child, false);
    }
}
