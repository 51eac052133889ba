//! Event handler content attributes: `onload="..."` on an element, and the Window's handlers
//! set from `<body onload="...">`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-content-attributes>

use std::rc::Rc;

use boa_engine::{Context, JsObject, JsResult, JsValue, Script, Source};

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::dom::document;
use crate::html::scripting::{nesting, script};
use crate::ids::{NodeId, WindowId};
use crate::webidl::conversions;

/// The event handlers of the Window that `<body>` (and `<frameset>`) content attributes set.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#window-reflecting-body-element-event-handler-set>
const WINDOW_REFLECTING_BODY_HANDLERS: [&str; 24] = [
    "blur",
    "error",
    "focus",
    "load",
    "resize",
    "scroll",
    "afterprint",
    "beforeprint",
    "beforeunload",
    "hashchange",
    "languagechange",
    "message",
    "messageerror",
    "offline",
    "online",
    "pagehide",
    "pagereveal",
    "pageshow",
    "pageswap",
    "popstate",
    "rejectionhandled",
    "storage",
    "unhandledrejection",
    "unload",
];

/// Determining the target of an event handler: a `body` or `frameset` element's handlers of
/// the Window-reflecting set are its document's Window's (`None`: that document is not
/// active, so there is no target).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#determining-the-target-of-an-event-handler>
pub(crate) fn determine_the_target_of_an_event_handler(
    state: &AgentState,
    window: WindowId,
    event_target: EventTargetKey,
    name: &str,
) -> Option<EventTargetKey> {
    // 1. If eventTarget is not a body element or a frameset element, then return eventTarget.
    let EventTargetKey::Node(node) = event_target else {
        return Some(event_target);
    };
    let body_or_frameset = state.windows.borrow().get(&window).is_some_and(|w| {
        let document = w.document.borrow();
        document.is_html_element(node, "body") || document.is_html_element(node, "frameset")
    });
    if !body_or_frameset {
        return Some(event_target);
    }
    // 2. If name is not the name of an attribute member of the WindowEventHandlers interface
    //    mixin and the Window-reflecting body element event handler set does not contain
    //    name, then return eventTarget. (The set holds every WindowEventHandlers member.)
    if !WINDOW_REFLECTING_BODY_HANDLERS.contains(&name) {
        return Some(event_target);
    }
    // 3. If eventTarget's node document is not an active document, then return null.
    let document = state.windows.borrow().get(&window).map(|w| w.document_id)?;
    let active = state.ua.window_of_document(document).is_some_and(|entry| {
        state.ua.with_tree(|tree| {
            tree.get(entry.browsing_context)
                .is_some_and(|bc| bc.active_document == Some(document))
        })
    });
    if !active {
        return None;
    }
    // 4. Return eventTarget's node document's relevant global object.
    Some(EventTargetKey::Window)
}

/// The attribute change steps of event handler content attributes: setting one makes the
/// handler its internal raw uncompiled handler and activates it; removing one deactivates it.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-attributes:concept-element-attributes-change-ext>
///
/// Deviation: every `on…` attribute counts as an event handler content attribute (the
/// dispatch side reads them all alike); the raw handler is kept as "not yet compiled" and
/// compiled when first read or dispatched.
pub(crate) fn event_handler_attribute_change_steps(
    state: &AgentState,
    window: WindowId,
    element: NodeId,
    local_name: &str,
) {
    // 1. If namespace is not null, or localName is not the name of an event handler content
    //    attribute on element, then return.
    let Some(name) = local_name.strip_prefix("on") else {
        return;
    };
    if name.is_empty() {
        return;
    }
    // 2. Let eventTarget be the result of determining the target of an event handler given
    //    element and localName.
    // 3. If eventTarget is null, then return.
    let Some(event_target) = determine_the_target_of_an_event_handler(
        state,
        window,
        EventTargetKey::Node(element),
        name,
    ) else {
        return;
    };
    let present = state.windows.borrow().get(&window).is_some_and(|w| {
        let document = w.document.borrow();
        document.get_attribute(element, local_name).is_some()
    });
    let mut windows = state.windows.borrow_mut();
    let Some(w) = windows.get_mut(&window) else {
        return;
    };
    // 4. If value is null, then deactivate an event handler given eventTarget and localName.
    if !present {
        w.listeners.deactivate_an_event_handler(event_target, name);
        return;
    }
    // 5.1. (Content Security Policy is not modelled.)
    // 5.2-5.5. Set eventHandler's value to the internal raw uncompiled handler.
    // 5.6. Activate an event handler given eventTarget and name.
    w.listeners.set_raw_uncompiled_handler(event_target, name);
}

/// Where the content attribute for (`target`, `type_`) lives, and its text, if there is one.
fn content_attribute(
    state: &AgentState,
    window: WindowId,
    target: EventTargetKey,
    type_: &str,
) -> Option<(NodeId, String)> {
    let windows = state.windows.borrow();
    let document = windows.get(&window)?.document.borrow();
    let element = match target {
        EventTargetKey::Node(node) => node,
        EventTargetKey::Window if WINDOW_REFLECTING_BODY_HANDLERS.contains(&type_) => {
            document.body()?
        }
        EventTargetKey::Window | EventTargetKey::MessagePort(_) | EventTargetKey::DetachedPort => {
            return None;
        }
    };
    let text = document.get_attribute(element, &format!("on{type_}"))?;
    Some((element, text.to_string()))
}

/// Getting the current value of the event handler, for an internal raw uncompiled handler:
/// compiles the attribute's text into a function whose scope is the global, the document,
/// then the element.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#getting-the-current-value-of-the-event-handler>
fn compile_event_handler(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    element: NodeId,
    target: EventTargetKey,
    type_: &str,
    body: &str,
) -> JsResult<JsObject> {
    // 3.4-3.6. The parameters: (event, source, lineno, colno, error) for a Window's onerror,
    //          else (event).
    let parameters = if type_ == "error" && target == EventTargetKey::Window {
        "event, source, lineno, colno, error"
    } else {
        "event"
    };
    // 3.9-3.11. The scope: the global environment, then the document, then the element
    //           (the form owner is not modelled).
    let source = format!(
        "(function (document, element) {{ with (document) {{ with (element) {{ return function on{type_}({parameters}) {{\n{body}\n}}; }} }} }})"
    );
    let realm = context.realm().clone();
    nesting::ensure_nesting_within_limit(body)?;
    let factory =
        Script::parse(Source::from_bytes(&source), Some(realm), context)?.evaluate(context)?;
    let factory = factory
        .as_callable()
        .ok_or_else(|| conversions::type_error("event handler factory"))?;
    let document_node = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.document.borrow().document_node())
        .ok_or_else(|| conversions::type_error("the window is gone"))?;
    let document = document::wrapper(state, context, window, document_node)?;
    let element = document::wrapper(state, context, window, element)?;
    let handler = factory.call(
        &JsValue::undefined(),
        &[document.into(), element.into()],
        context,
    )?;
    handler
        .as_object()
        .ok_or_else(|| conversions::type_error("event handler"))
}

/// Before an event of `type_` is dispatched at `target`: if an event handler content
/// attribute for it exists and was never compiled or overridden, compile it and activate the
/// handler.
///
/// Deviation: the attribute is compiled lazily at the first dispatch of its event type, and
/// its listener is put first in the list (the parser set the attribute before any script
/// could add a listener to the element).
pub(crate) fn activate_content_attribute_handler(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    target: EventTargetKey,
    type_: &str,
) {
    let slot_target = target;
    let untouched = state
        .windows
        .borrow()
        .get(&window)
        .is_some_and(|w| w.listeners.handler_untouched(slot_target, type_));
    if !untouched {
        return;
    }
    let Some((element, body)) = content_attribute(state, window, target, type_) else {
        return;
    };
    // 3.1-3.2. (Getting the current value of the event handler.) If scripting is disabled
    //          for the element's node document, then return null: the handler stays
    //          uncompiled and nothing runs.
    if script::scripting_is_disabled(state, window) {
        script::report_blocked_script(state, window);
        return;
    }
    if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
        w.listeners.mark_handler_touched(slot_target, type_);
    }
    let realm = state.windows.borrow().get(&window).map(|w| w.realm.clone());
    let Some(realm) = realm else {
        return;
    };
    let previous = context.enter_realm(realm);
    let compiled = compile_event_handler(state, context, window, element, target, type_, &body);
    context.enter_realm(previous);
    match compiled {
        Ok(handler) => {
            if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
                w.listeners
                    .activate_event_handler_first(slot_target, type_, handler);
            }
        }
        // 3.8. If body is not parsable: report the error; the handler is null.
        Err(error) => script::report_the_exception(state, context, Some(window), &error),
    }
}
