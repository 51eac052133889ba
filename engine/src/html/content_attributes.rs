//! Event handler content attributes: `onload="..."` on an element, and the Window's handlers
//! set from `<body onload="...">`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-content-attributes>

use std::rc::Rc;

use boa_engine::{Context, JsObject, JsResult, JsValue, Script, Source};

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::dom::document;
use crate::html::scripting::script;
use crate::ids::{NodeId, WindowId};
use crate::webidl::conversions;

/// The event handlers of the Window that `<body>` (and `<frameset>`) content attributes set.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#window-reflecting-body-element-event-handler-set>
const WINDOW_REFLECTING_BODY_HANDLERS: [&str; 22] = [
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
    "pageshow",
    "popstate",
    "rejectionhandled",
    "storage",
    "unhandledrejection",
    "unload",
];

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
