//! Loading documents into browsing contexts: navigation's last step, the parser driving
//! scripts and iframes, and the load events.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html>,
//! <https://html.spec.whatwg.org/multipage/parsing.html#the-end>,
//! <https://html.spec.whatwg.org/multipage/iframe-embed-object.html#the-iframe-element>

use std::rc::Rc;

use boa_engine::{Context, JsError, JsValue};
use postern_dom::javascript_url::is_javascript_url;
use postern_dom::{
    BrowsingContextId, DocumentId, HtmlParser, Origin, ParseEvent, SandboxingFlagSet,
    determine_the_origin,
};
use postern_event_loop::{Task, TaskSource};
use url::Url;

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::agent::tasks::{AgentTask, LoadedResponse, Navigation, route_task};
use crate::agent::window::{DocumentReadiness, document_key};
use crate::dom::document::update_the_current_document_readiness;
use crate::dom::event;
use crate::dom::event::create_event;
use crate::dom::event_target::{dispatch, dispatch_with_legacy_target_override};
use crate::embedder::console_sink::ConsoleLevel;
use crate::html::document_lifecycle::{checking_if_unloading_is_canceled, unload_a_document};
use crate::html::iframe;
use crate::html::javascript_url::navigate_to_a_javascript_url;
use crate::html::load_a_document::load_a_document;
use crate::html::sandboxing::{
    is_allowed_by_sandboxing_to_navigate, snapshot_target_snapshot_params,
};
use crate::html::scripting::script::emit_console;
use crate::html::scripting::script_element::{
    execute_the_deferred_scripts, prepare_the_script_element,
};
use crate::html::web_messaging::message_port;
use crate::html::web_messaging::post_message::discard_posted_message;
use crate::html::window::create_window;
use crate::ids::WindowId;
use crate::webidl::dom_exception;

/// Loads `url` into `browsing_context`: fetch it, then create its Document and Window in the
/// agent of the new document's agent cluster (this agent, or another one on its own thread).
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#populating-a-session-history-entry>
pub(crate) fn navigate_and_load(
    state: &Rc<AgentState>,
    context: &mut Context,
    browsing_context: BrowsingContextId,
    url: Url,
    initiator_origin: Origin,
    sandboxing_flags: SandboxingFlagSet,
) {
    // A navigable destroyed meanwhile (its iframe removed) navigates nowhere.
    if !state.ua.with_tree(|tree| tree.contains(browsing_context)) {
        return;
    }
    // A javascript: URL: this is the task `navigate` queued on the navigable's active
    // window's event loop.
    if is_javascript_url(&url) {
        navigate_to_a_javascript_url(state, context, browsing_context, &url, initiator_origin);
        return;
    }
    // 23.1. Let unloadPromptCanceled be the result of checking if unloading is canceled for
    //       navigable's active document's inclusive descendant navigables (`beforeunload`,
    //       at those that live in this agent). It never is here.
    let to_unload = active_windows_of_inclusive_descendants(state, browsing_context);
    if checking_if_unloading_is_canceled(state, context, &to_unload) {
        return;
    }
    // Fetch the resource through the embedder's loader.
    // The document is loaded by its type: only HTML is parsed as markup (load_a_document).
    let (body, final_url, failure) = match state.ua.loader.load(&url) {
        Ok(resource) => (
            load_a_document(&resource.content_type, &resource.url, resource.body),
            resource.url,
            None,
        ),
        Err(error) => (Vec::new(), url.clone(), Some(error.to_string())),
    };
    // The new document's origin: a failed load gets an opaque origin (an error page);
    // otherwise the result of determining the origin given the response's URL, the
    // sandboxing flags and the initiator's origin (about:blank inherits it; a sandboxed
    // document without allow-same-origin gets a new opaque origin).
    let origin = if failure.is_some() {
        Origin::new_opaque()
    } else {
        determine_the_origin(Some(&final_url), sandboxing_flags, Some(&initiator_origin))
    };
    let response = LoadedResponse {
        browsing_context,
        requested_url: url,
        url: final_url,
        origin,
        body,
        failure,
        sandboxing_flags,
    };
    // Obtain a similar-origin window agent for the document's origin: the Window and its
    // realm are created there, in a task of its own (as when a response arrives from the
    // network: what was queued meanwhile runs first, against the old document).
    load_in_similar_origin_agent(state, browsing_context, response);
}

/// Navigates `browsing_context` to `about:srcdoc`, whose document's source is the iframe's
/// `srcdoc` attribute and whose origin is the iframe's document's.
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#create-navigation-params-from-a-srcdoc-resource>
pub(crate) fn navigate_to_srcdoc(
    state: &Rc<AgentState>,
    context: &mut Context,
    browsing_context: BrowsingContextId,
    source: String,
    origin: Origin,
    sandboxing_flags: SandboxingFlagSet,
) {
    // (Navigate step 23.1, as for any other navigation: checking if unloading is canceled,
    // `beforeunload` at the documents of this agent. It never is here.)
    let to_unload = active_windows_of_inclusive_descendants(state, browsing_context);
    if checking_if_unloading_is_canceled(state, context, &to_unload) {
        return;
    }
    // 1. Let documentResource be entry's document state's resource (`source`).
    // 2. Let response be a new response with URL about:srcdoc, header list
    //    « (`Content-Type`, `text/html`) », and body the UTF-8 encoding of documentResource.
    let Ok(url) = Url::parse("about:srcdoc") else {
        return;
    };
    // 3. Let responseOrigin be the result of determining the origin given response's URL,
    //    targetSnapshotParams's sandboxing flags, and entry's document state's origin: for
    //    about:srcdoc, the origin given (the iframe's document's), unless sandboxed.
    let origin = determine_the_origin(Some(&url), sandboxing_flags, Some(&origin));
    // TODO(spec): steps 4-5 (COOP enforcement, the policy container) and the rest of the
    // navigation params of step 6.
    // 6. Return a new navigation params (the response, its origin, the final sandboxing
    //    flag set): the document is created in the agent of its origin (this one, unless
    //    the sandbox gave it an opaque origin), in a task of its own as for any other
    //    response.
    let response = LoadedResponse {
        browsing_context,
        requested_url: url.clone(),
        url,
        origin,
        body: source.into_bytes(),
        failure: None,
        sandboxing_flags,
    };
    load_in_similar_origin_agent(state, browsing_context, response);
}

/// Obtains a similar-origin window agent for the response's origin and queues the task that
/// creates the Document and Window there (what was queued meanwhile runs first, against the
/// old document); an agent that cannot be had is reported to the previous document's
/// console.
fn load_in_similar_origin_agent(
    state: &Rc<AgentState>,
    browsing_context: BrowsingContextId,
    response: LoadedResponse,
) {
    match state
        .ua
        .obtain_a_similar_origin_window_agent(&response.origin, browsing_context)
    {
        Ok(agent) => route_task(
            state,
            agent,
            Task::new(
                TaskSource::Networking,
                None,
                AgentTask::LoadDocument(Box::new(response)),
            ),
        ),
        Err(error) => {
            if let Some(previous) = state.ua.active_window(browsing_context) {
                emit_console(state, previous, ConsoleLevel::Error, error.to_string());
            }
        }
    }
}

/// Creates and initializes the Document and Window for a response, replaces the browsing
/// context's previous document, and parses it.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#initialise-the-document-object>
pub(crate) fn load_document(
    state: &Rc<AgentState>,
    context: &mut Context,
    response: LoadedResponse,
) {
    let LoadedResponse {
        browsing_context,
        requested_url,
        url,
        origin,
        body,
        failure,
        sandboxing_flags,
    } = response;
    if !state.ua.with_tree(|tree| tree.contains(browsing_context)) {
        return;
    }
    let previous = state.ua.active_window(browsing_context);
    // Apply the history step: unload the displayed document (`pagehide`, `unload`) before
    // the new one is activated, so that its handlers still see it as its navigable's active
    // document (`iframe.contentDocument`). A document of another agent is unloaded where it
    // lives, when its destruction below reaches it.
    // Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#apply-the-history-step>
    if let Some(previous) = previous {
        unload_a_document(state, context, previous);
        // (An unload handler may have removed the navigable.)
        if !state.ua.with_tree(|tree| tree.contains(browsing_context)) {
            return;
        }
    }
    let window = match create_window(state, context, browsing_context, url, origin) {
        Ok(window) => {
            // Create and initialize a Document object: its current document readiness is
            // "loading"; its active sandboxing flag set is navigationParams's final
            // sandboxing flag set.
            if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
                w.load.ready_state = DocumentReadiness::Loading;
                w.document
                    .borrow_mut()
                    .set_active_sandboxing_flag_set(sandboxing_flags);
            }
            window
        }
        Err(error) => {
            if let Some(previous) = previous {
                emit_console(state, previous, ConsoleLevel::Error, error.to_string());
            }
            return;
        }
    };
    // A navigation that replaces a document that is not the initial about:blank one (nor
    // one of the same URL) appends a session history step ("push"); otherwise it replaces.
    if let Some(previous) = previous
        && navigation_pushes(state, previous, window)
    {
        state
            .ua
            .with_tree_mut(|tree| tree.push_session_history_step(browsing_context));
    }
    // The previous document is unloaded where it lives (`pagehide`, `unload`): its pending
    // tasks and timers are dropped.
    destroy_documents_where_they_live(state, context, previous);
    if let Some(reason) = failure {
        emit_console(
            state,
            window,
            ConsoleLevel::Error,
            format!("Failed to load {requested_url}: {reason}"),
        );
    }
    let source = String::from_utf8_lossy(&body).into_owned();
    parse_document(state, context, window, &source);
}

/// Whether the navigation that replaced `previous` (the navigable's active window until then)
/// by `window` had history handling "push": step 15 of navigate turns "auto" into "replace"
/// when the active document is the initial about:blank document or has the URL navigated to
/// (and the initiator is same origin with it).
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#navigate>
// Deviation: `location.replace()` and the "same URL" case for a cross-origin initiator are
// not told apart (navigate has no historyHandling argument here); a document of another
// agent counts as not initial about:blank.
fn navigation_pushes(state: &Rc<AgentState>, previous: WindowId, window: WindowId) -> bool {
    let new_url = state.ua.window_entry(window).map(|entry| entry.url);
    let windows = state.windows.borrow();
    if let Some(w) = windows.get(&previous) {
        return !w.load.is_initial_about_blank && Some(w.url()) != new_url;
    }
    drop(windows);
    state
        .ua
        .window_entry(previous)
        .is_some_and(|entry| Some(entry.url) != new_url)
}

/// A navigation the sandbox forbids: "allowed by sandboxing to navigate" said no.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NavigationBlocked {
    /// Where the navigation was going.
    pub url: Url,
}

impl NavigationBlocked {
    /// The "SecurityError" DOMException navigate throws when exceptionsEnabled is true.
    pub(crate) fn throw(&self, context: &mut Context) -> JsError {
        dom_exception::throw(
            context,
            "SecurityError",
            &format!(
                "The current window does not have permission to navigate the target frame to '{}'.",
                self.url
            ),
        )
    }
}

/// Navigates `navigable` to `url` for a document of `initiator_origin`: the fetch runs as a
/// networking task of this agent (one of `source_document`'s, if given, so dropped with it
/// should that document be destroyed first), and the response goes to the agent of the new
/// document's origin ([`navigate_and_load`]). A `javascript:` URL is evaluated by a task of
/// the navigable's active window. `Err` when the source document is not allowed by
/// sandboxing to navigate `navigable` (nothing was queued; the caller throws when its
/// exceptionsEnabled is true).
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#navigate>
pub(crate) fn navigate(
    state: &Rc<AgentState>,
    navigable: BrowsingContextId,
    url: Url,
    initiator_origin: Origin,
    source_document: Option<DocumentId>,
) -> Result<(), NavigationBlocked> {
    // 1-4. (cspNavigationType, the source snapshot params, the initiator's origin and base
    //      URL snapshots.)
    // (The target snapshot params, taken now: a later change of the container's sandbox
    // attribute applies to the next navigation, not to this one.)
    let sandboxing_flags = snapshot_target_snapshot_params(state, navigable);
    // 5. If sourceDocument is null: (the user agent navigates: nothing to check).
    // 6. Otherwise:
    if let Some(source) = source_document.and_then(|d| state.ua.window_of_document(d)) {
        // 6.2. If sourceDocument's node navigable is not allowed by sandboxing to navigate
        //      navigable given sourceSnapshotParams: 6.2.1. if exceptionsEnabled is true,
        //      throw a "SecurityError" DOMException (the caller's); 6.2.2. return.
        if !is_allowed_by_sandboxing_to_navigate(state, source.window, navigable) {
            let blocked = NavigationBlocked { url };
            emit_console(
                state,
                source.window,
                ConsoleLevel::Error,
                format!(
                    "Unsafe attempt to initiate navigation to '{}': the frame attempting it is sandboxed and may not navigate the target.",
                    blocked.url
                ),
            );
            return Err(blocked);
        }
    }
    // 7-19. (The navigation id, unload counters, the ongoing navigation, fragments.)
    // TODO(spec): navigating to a fragment (same document, hashchange): a URL differing
    // only in its fragment reloads; the ongoing navigation and its abort.
    // 20. If url's scheme is "javascript", then queue a global task on the navigation and
    //     traversal task source given navigable's active window to navigate to a
    //     javascript: URL given navigable, url, historyHandling, sourceSnapshotParams,
    //     initiatorOriginSnapshot, userInvolvement, cspNavigationType and
    //     initialInsertion; return.
    if is_javascript_url(&url) {
        let Some(target) = state.ua.active_window(navigable) else {
            return Ok(());
        };
        let Some(entry) = state.ua.window_entry(target) else {
            return Ok(());
        };
        route_task(
            state,
            entry.agent,
            Task::new(
                TaskSource::HistoryTraversal,
                Some(document_key(entry.document)),
                AgentTask::Navigate(Box::new(Navigation {
                    browsing_context: navigable,
                    url,
                    initiator_origin,
                    sandboxing_flags,
                })),
            ),
        );
        return Ok(());
    }
    // 21-. Fetch and load, in parallel: a networking task of this agent.
    state.queue_a_task(Task::new(
        TaskSource::Networking,
        source_document.map(document_key),
        AgentTask::Navigate(Box::new(Navigation {
            browsing_context: navigable,
            url,
            initiator_origin,
            sandboxing_flags,
        })),
    ));
    Ok(())
}

/// The active windows of `navigable` and its descendants, wherever they run (in tree order).
pub(crate) fn active_windows_of_inclusive_descendants(
    state: &AgentState,
    navigable: BrowsingContextId,
) -> Vec<WindowId> {
    let navigables = state
        .ua
        .with_tree(|tree| tree.inclusive_descendants(navigable));
    navigables
        .into_iter()
        .filter_map(|bc| state.ua.active_window(bc))
        .collect()
}

/// Destroys the documents of `windows` where they live: in this agent at once, in another
/// by an `UnloadDocument` task (their pending tasks and timers are dropped there).
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#destroy-a-document>
pub(crate) fn destroy_documents_where_they_live(
    state: &Rc<AgentState>,
    context: &mut Context,
    windows: impl IntoIterator<Item = WindowId>,
) {
    for window in windows {
        let Some(entry) = state.ua.window_entry(window) else {
            continue;
        };
        if entry.agent == state.id {
            unload_document(state, context, window);
        } else {
            let task = AgentTask::UnloadDocument { window };
            route_task(
                state,
                entry.agent,
                Task::new(TaskSource::Networking, None, task),
            );
        }
    }
}

/// Unloads a document (`pagehide` and `unload`, unless that was done already), then drops
/// its pending tasks and timers once another document replaced it.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-lifecycle.html#unload-a-document>,
/// <https://html.spec.whatwg.org/multipage/document-lifecycle.html#destroy-a-document>
pub(crate) fn unload_document(state: &Rc<AgentState>, context: &mut Context, window: WindowId) {
    unload_a_document(state, context, window);
    let document = state.windows.borrow().get(&window).map(|w| w.document_id);
    if let Some(document) = document {
        let removed = state
            .event_loop
            .borrow_mut()
            .remove_tasks_of_document(document_key(document));
        // A message that was waiting for it will never be delivered: the ports it carried
        // are discarded (their peers get `close`), not left entangled forever.
        for task in removed {
            if let AgentTask::PostedMessage(message) = task.steps {
                discard_posted_message(state, *message);
            }
        }
        // Its MessagePorts go with it: their peers get `close`.
        message_port::destroy_ports_of_document(state, document);
    }
}

/// Parses the document's source, pausing for each script and noting each iframe, then runs
/// "the end".
fn parse_document(state: &Rc<AgentState>, context: &mut Context, window: WindowId, source: &str) {
    let Some(document) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| Rc::clone(&w.document))
    else {
        return;
    };
    let mut parser = HtmlParser::new(document, source);
    loop {
        match parser.next_event() {
            ParseEvent::IframeInserted(node) => {
                iframe::iframe_post_connection_steps(state, context, window, node);
            }
            ParseEvent::ScriptReady(node) => {
                prepare_the_script_element(state, context, window, node)
            }
            ParseEvent::Finished => break,
        }
    }
    the_end(state, context, window);
}

/// The end: after parsing, queue DOMContentLoaded, and the load event once nothing delays
/// it.
///
/// Spec: <https://html.spec.whatwg.org/multipage/parsing.html#the-end>
fn the_end(state: &Rc<AgentState>, context: &mut Context, window: WindowId) {
    // 3. Update the current document readiness to "interactive".
    update_the_current_document_readiness(state, context, window, DocumentReadiness::Interactive);
    // 4. Pop all the nodes off the stack of open elements. (The parser is done.)
    // 5. Execute the scripts that will execute when the document has finished parsing.
    execute_the_deferred_scripts(state, context, window);
    let Some(document) = state.windows.borrow().get(&window).map(|w| w.document_id) else {
        return;
    };
    // 6. Queue a global task on the DOM manipulation task source given the Document's
    //    relevant global object to fire DOMContentLoaded.
    state.queue_a_task(Task::new(
        TaskSource::DomManipulation,
        Some(document_key(document)),
        AgentTask::DomContentLoaded { window },
    ));
    if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
        w.load.parsing_done = true;
    }
    // 7. Spin the event loop until the set of scripts that will execute as soon as possible
    //    is empty: the `async` scripts' tasks were queued during parsing, so they run before
    //    the load event's task queued below.
    // 8-9. Spin the event loop until nothing delays the load event, then queue the load.
    maybe_queue_window_load(state, window);
}

/// Queues the window's load event once parsing is done and no child delays it.
pub(crate) fn maybe_queue_window_load(state: &Rc<AgentState>, window: WindowId) {
    let ready = {
        let mut windows = state.windows.borrow_mut();
        match windows.get_mut(&window) {
            Some(w)
                if w.load.parsing_done
                    && w.load.pending_iframes.is_empty()
                    && !w.load.load_queued =>
            {
                w.load.load_queued = true;
                Some(w.document_id)
            }
            _ => None,
        }
    };
    if let Some(document) = ready {
        state.queue_a_task(Task::new(
            TaskSource::DomManipulation,
            Some(document_key(document)),
            AgentTask::WindowLoad { window },
        ));
    }
}

/// Fires `DOMContentLoaded` at the document (it bubbles, to the Window).
pub(crate) fn fire_dom_content_loaded(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
) {
    let Some((realm, node)) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.realm.clone(), w.document.borrow().document_node()))
    else {
        return;
    };
    let previous = context.enter_realm(realm);
    if let Ok(event) = create_event(context, "DOMContentLoaded") {
        let _ = event::with_event(&JsValue::from(event.clone()), |e| e.bubbles = true);
        let _ = dispatch(state, context, window, EventTargetKey::Node(node), &event);
    }
    context.enter_realm(previous);
}

/// Fires `load` at the window, then, for a child navigable, queues the iframe load event
/// steps on its container.
///
/// Spec: <https://html.spec.whatwg.org/multipage/parsing.html#the-end> (step 7) and
/// <https://html.spec.whatwg.org/multipage/document-lifecycle.html#completely-finish-loading>
pub(crate) fn fire_window_load(state: &Rc<AgentState>, context: &mut Context, window: WindowId) {
    // 9.1. Update the current document readiness to "complete".
    update_the_current_document_readiness(state, context, window, DocumentReadiness::Complete);
    let Some((realm, bc)) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.realm.clone(), w.browsing_context))
    else {
        return;
    };
    let previous = context.enter_realm(realm);
    // 9.6. Fire an event named load at window, with legacy target override flag set.
    if let Ok(event) = create_event(context, "load") {
        let _ = dispatch_with_legacy_target_override(state, context, window, &event);
    }
    context.enter_realm(previous);
    // 11. Queue a global task on the DOM manipulation task source given the Document's
    //     relevant global object to set its page showing and fire pageshow.
    if let Some(document) = state.windows.borrow().get(&window).map(|w| w.document_id) {
        state.queue_a_task(Task::new(
            TaskSource::DomManipulation,
            Some(document_key(document)),
            AgentTask::PageShow { window },
        ));
    }
    // Completely finish loading: if the container is an iframe, queue an element task on the
    // DOM manipulation task source given container to run the iframe load event steps.
    let container = state
        .ua
        .with_tree(|tree| tree.get(bc).and_then(|b| b.container));
    if let Some((container_document, iframe)) = container
        && let Some(parent) = state.ua.window_of_document(container_document)
    {
        route_task(
            state,
            parent.agent,
            Task::new(
                TaskSource::DomManipulation,
                Some(document_key(container_document)),
                AgentTask::IframeLoad {
                    parent: parent.window,
                    iframe,
                },
            ),
        );
    }
}
