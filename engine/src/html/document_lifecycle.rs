//! The document lifecycle: the initial about:blank document's tree, `pageshow`, checking if
//! unloading is canceled (`beforeunload`) and unloading a document (`pagehide`, `unload`).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html>

use std::rc::Rc;

use boa_engine::Context;
use postern_dom::DocumentMode;

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::dom::event;
use crate::dom::event::create_trusted_event;
use crate::dom::event_target::{dispatch, dispatch_with_legacy_target_override};
use crate::html::page_transition_event::fire_a_page_transition_event;
use crate::ids::WindowId;

/// The parts of "create a new browsing context and document" that make the initial
/// about:blank Document what a browser's is: quirks mode, `is initial about:blank`, and a
/// single `html` child with an empty `head` and an empty `body`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#creating-a-new-browsing-context>
pub(crate) fn initialize_the_initial_about_blank_document(
    state: &Rc<AgentState>,
    window: WindowId,
) {
    let mut windows = state.windows.borrow_mut();
    let Some(w) = windows.get_mut(&window) else {
        return;
    };
    // 15. Let document be a new Document, with: type "html", content type "text/html",
    //     mode "quirks", ..., is initial about:blank true, ...
    w.load.is_initial_about_blank = true;
    let Ok(mut document) = w.document.try_borrow_mut() else {
        return;
    };
    document.set_mode(DocumentMode::Quirks);
    // 18. Ensure that document has a single child html node, which itself has two empty
    //     child elements: head and body.
    let root = document.document_node();
    if !document.children(root).is_empty() {
        return;
    }
    let html = document.create_element("html");
    let head = document.create_element("head");
    let body = document.create_element("body");
    let _ = document.append_child(root, html);
    let _ = document.append_child(html, head);
    let _ = document.append_child(html, body);
}

/// The steps of "the end" queued after the load event: set the page showing flag and fire
/// `pageshow`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/parsing.html#the-end> (step 11)
pub(crate) fn fire_pageshow(state: &Rc<AgentState>, context: &mut Context, window: WindowId) {
    {
        let mut windows = state.windows.borrow_mut();
        let Some(w) = windows.get_mut(&window) else {
            return;
        };
        // 11.1. If the Document's page showing is true, then return.
        // (An unloaded document is not shown again.)
        if w.load.page_showing || w.load.unloaded {
            return;
        }
        // 11.2. Set the Document's page showing to true.
        w.load.page_showing = true;
    }
    // 11.3. Fire a page transition event named pageshow at the Document's relevant global
    //       object with false.
    fire_a_page_transition_event(state, context, window, "pageshow", false);
}

/// Checking if unloading is canceled, for the documents of `windows` that live in this agent:
/// `beforeunload` fires at each (a `BeforeUnloadEvent`-less cancelable event). Postern has no
/// user to ask and no document has sticky activation, so unloading is never canceled.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#checking-if-unloading-is-canceled>
pub(crate) fn checking_if_unloading_is_canceled(
    state: &Rc<AgentState>,
    context: &mut Context,
    windows: &[WindowId],
) -> bool {
    // 1-5. (traversable, targetStep, userInvolvement, the unload prompt state.)
    // 6-9. For each document of the navigables' active documents: queue a global task on the
    //      navigation and traversal task source given its relevant global object to fire
    //      beforeunload (the steps below), and wait for them.
    // Deviation: the event is fired at once, in this task, and only at the documents that
    // live in this agent (those of other agents are not asked).
    for &window in windows {
        let realm = match state.windows.borrow().get(&window) {
            Some(w) if !w.load.unloaded => w.realm.clone(),
            _ => continue,
        };
        let previous = context.enter_realm(realm);
        // 1. Let unloadPromptCanceled be false.
        // 2. Increase the document's unload counter by 1.
        // 3. Increase the event loop's termination nesting level by 1.
        // TODO(spec): steps 2-3 and 5-6 (the unload counter and the termination nesting
        // level: window.open(), navigations and document.open() during beforeunload are not
        // refused).
        // 4. Let event be the result of creating an event using BeforeUnloadEvent.
        // 5. Initialize event's type attribute to beforeunload and its cancelable attribute
        //    to true.
        // 6. Dispatch event at document's relevant global object.
        // Deviation: a plain Event (there is no BeforeUnloadEvent interface: no
        // returnValue).
        if let Ok(event) =
            create_trusted_event(context, "Event", "beforeunload", (false, true), None)
        {
            let _ = dispatch(state, context, window, EventTargetKey::Window, &event);
            // 7-8. (Decrease the termination nesting level and the unload counter.)
            // 9. If unloadPromptShown is false, and document's active sandboxing flag set
            //    does not have its sandboxed modals flag set, and document's relevant global
            //    object has sticky activation, and event's canceled flag is set or its
            //    returnValue is not the empty string, then the user agent may ask the user to
            //    confirm. (No document has sticky activation: no prompt, not canceled.)
        }
        context.enter_realm(previous);
    }
    // 10. Return unloadPromptCanceled.
    false
}

/// Unload a document: `pagehide` (if its page was showing), then `unload`, at its Window.
/// The rest of the unloading (its tasks and timers dropped, its ports disentangled) is
/// "destroy", done by the caller.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#unload-a-document>
pub(crate) fn unload_a_document(state: &Rc<AgentState>, context: &mut Context, window: WindowId) {
    let page_showing = {
        let mut windows = state.windows.borrow_mut();
        let Some(w) = windows.get_mut(&window) else {
            return;
        };
        // (A document is unloaded once: a document already unloaded is only destroyed.)
        if w.load.unloaded {
            return;
        }
        // 1-6. (The event loop, timing info, bfcache intent.)
        // 7. Increase eventLoop's termination nesting level by 1.
        // 8. Increase oldDocument's unload counter by 1.
        // TODO(spec): steps 7-8, 14 and 21 (window.open() and navigations during unload
        // are not refused).
        // 9. If intendToKeepInBfcache is false (there is no bfcache), then set oldDocument's
        //    salvageable state to false.
        w.load.unloaded = true;
        // 10.1. (If oldDocument's page showing is true:) set it to false.
        std::mem::replace(&mut w.load.page_showing, false)
    };
    // 10. If oldDocument's page showing is true:
    if page_showing {
        // 10.2. Fire a page transition event named pagehide at oldDocument's relevant
        //       global object with oldDocument's salvageable state (false).
        fire_a_page_transition_event(state, context, window, "pagehide", false);
        // 10.3. Update the visibility state of oldDocument to "hidden". (No Page
        //       Visibility API.)
    }
    // 12. If oldDocument's salvageable state is false, then fire an event named unload at
    //     oldDocument's relevant global object, with legacy target override flag set.
    let Some(realm) = state.windows.borrow().get(&window).map(|w| w.realm.clone()) else {
        return;
    };
    let previous = context.enter_realm(realm);
    if let Ok(event) = event::create_event(context, "unload") {
        let _ = dispatch_with_legacy_target_override(state, context, window, &event);
    }
    context.enter_realm(previous);
    // 15-19. (Suspension time, timer handles, scrolling, the unloading document cleanup
    //        steps.)
    // 20. If oldDocument's salvageable state is false, then destroy oldDocument. (The
    //     caller's: `navigation::destroy_documents_where_they_live`.)
}
