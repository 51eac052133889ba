//! The `EventTarget` interface: listeners, event handler attributes, and dispatch.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-eventtarget>

use std::cell::Cell;
use std::rc::Rc;

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace, js_string};

use crate::agent::AgentState;
use crate::agent::event_listener_list::{EventTargetKey, Listener, ListenerCallback};
use crate::agent::realm_data::RealmData;
use crate::dom::event::{phase, with_event};
use crate::dom::wrappers;
use crate::dom::wrappers::NodeRef;
use crate::html::activation::{has_activation_behavior, run_activation_behavior};
use crate::html::content_attributes;
use crate::html::error_event;
use crate::html::scripting::environments::{incumbent_window, with_callback_context};
use crate::html::scripting::script::{invoke_a_callback, report_the_exception};
use crate::html::window_proxy;
use crate::ids::{NodeId, WindowId};
use crate::uievents::mouse_event::is_mouse_event;
use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;

/// `interface EventTarget`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-eventtarget>
pub(crate) const EVENT_TARGET: InterfaceDeclaration = InterfaceDeclaration {
    name: "EventTarget",
    inherits: None,
    // Deviation: EventTarget is not constructible here (`new EventTarget()` throws): listeners
    // live only on windows and nodes.
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[
        Operation::new("addEventListener", 2, add_event_listener),
        Operation::new("removeEventListener", 2, remove_event_listener),
        Operation::new("dispatchEvent", 1, dispatch_event),
    ],
    static_operations: &[],
    mixins: &[],
};

/// The data of an event target object that is neither a window nor a node (a MessagePort):
/// whose listener table holds its listeners, and under which key.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct EventTargetObject {
    /// The window whose listener table holds its listeners (its relevant global).
    #[unsafe_ignore_trace]
    pub window: WindowId,
    /// Its key in that table (set once an object made for deserialization is set up;
    /// `DetachedPort` once a MessagePort's `[[Detached]]` is true).
    #[unsafe_ignore_trace]
    pub key: Cell<EventTargetKey>,
}

/// The (window, target) that `this` designates: a node wrapper, an event target object, or a
/// Window's global object (the checked `this` of an EventTarget member: see `webidl::brand`;
/// a WindowProxy was replaced by its Window there).
fn resolve_target(this: &JsValue, context: &Context) -> JsResult<(WindowId, EventTargetKey)> {
    if let Some(object) = this.as_object() {
        if let Some(node) = wrappers::node_of(&object) {
            return Ok((node.window, EventTargetKey::Node(node.node)));
        }
        if let Some(target) = object.downcast_ref::<EventTargetObject>() {
            return Ok((target.window, target.key.get()));
        }
    }
    Ok((
        RealmData::window_of_this(this, context)?,
        EventTargetKey::Window,
    ))
}

/// Flattens the `options` argument of add/removeEventListener.
fn flatten_options(options: &JsValue, context: &mut Context) -> JsResult<(bool, bool)> {
    if let Some(dict) = options.as_object() {
        let capture = dict.get(js_string!("capture"), context)?.to_boolean();
        let once = dict.get(js_string!("once"), context)?.to_boolean();
        Ok((capture, once))
    } else {
        Ok((options.to_boolean(), false))
    }
}

/// `addEventListener(type, callback, options)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-eventtarget-addeventlistener>
fn add_event_listener(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (window, target) = resolve_target(this, context)?;
    let type_ = to_dom_string(&arg(args, 0), context)?;
    let callback = arg(args, 1);
    let (capture, once) = flatten_options(&arg(args, 2), context)?;
    // 2. If listener's callback is null, then return.
    let Some(callback) = callback.as_object() else {
        if callback.is_null_or_undefined() {
            return Ok(JsValue::undefined());
        }
        return Err(type_error(
            "addEventListener: the callback is not an object",
        ));
    };
    // The callback's callback context: the incumbent settings object now (Web IDL: a
    // callback function value remembers it when converted).
    let callback_context = incumbent_window(context).ok();
    let state = AgentState::of(context)?;
    if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
        w.listeners.add_an_event_listener(
            target,
            Listener {
                type_,
                callback: ListenerCallback::Object(callback.clone()),
                capture,
                once,
                removed: Cell::new(false),
                callback_context,
            },
        );
    }
    Ok(JsValue::undefined())
}

/// `removeEventListener(type, callback, options)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-eventtarget-removeeventlistener>
fn remove_event_listener(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (window, target) = resolve_target(this, context)?;
    let type_ = to_dom_string(&arg(args, 0), context)?;
    let (capture, _) = flatten_options(&arg(args, 2), context)?;
    let Some(callback) = arg(args, 1).as_object() else {
        return Ok(JsValue::undefined());
    };
    let state = AgentState::of(context)?;
    if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
        w.listeners.remove_an_event_listener(
            target,
            &type_,
            &ListenerCallback::Object(callback.clone()),
            capture,
        );
    }
    Ok(JsValue::undefined())
}

/// `dispatchEvent(event)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-eventtarget-dispatchevent>
fn dispatch_event(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (window, target) = resolve_target(this, context)?;
    let event = arg(args, 0);
    let Some(event_object) = event.as_object() else {
        return Err(type_error("dispatchEvent: argument is not an Event"));
    };
    // 1. If event's dispatch flag is set, or if its initialized flag is not set, then throw
    //    an "InvalidStateError" DOMException.
    if with_event(&event, |e| e.dispatch)? {
        return Err(dom_exception::throw(
            context,
            "InvalidStateError",
            "The event is already being dispatched.",
        ));
    }
    // 2. Initialize event's isTrusted attribute to false.
    with_event(&event, |e| e.is_trusted = false)?;
    // 3. Return the result of dispatching event to this.
    let state = AgentState::of(context)?;
    let not_canceled = dispatch(&state, context, window, target, &event_object)?;
    Ok(JsValue::new(not_canceled))
}

/// The object scripts see for a target.
fn target_value(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    target: EventTargetKey,
) -> JsResult<JsValue> {
    match target {
        EventTargetKey::Window => window_proxy::window_proxy_of_window(state, context, window),
        EventTargetKey::Node(node) => Ok(wrappers::wrapper(state, context, window, node)?.into()),
        EventTargetKey::DetachedPort => Ok(JsValue::undefined()),
        EventTargetKey::MessagePort(_) => Ok(state
            .windows
            .borrow()
            .get(&window)
            .and_then(|w| w.event_targets.get(&target).cloned())
            .map(JsValue::from)
            .unwrap_or_default()),
    }
}

/// Dispatch `event` to a target that has no parent in the event path (a Window, or a node
/// for an event that does not bubble), and return whether it was not canceled.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-dispatch>
pub(crate) fn dispatch(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    target: EventTargetKey,
    event: &JsObject,
) -> JsResult<bool> {
    dispatch_with_target_override(state, context, window, target, event, None)
}

/// Dispatch `event` at `window`'s Window with the legacy target override flag set: the
/// Window's listeners run, and the event's target is the Window's associated Document
/// (`load`, `unload`, `pageshow`, `pagehide`).
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-dispatch> (step 2)
pub(crate) fn dispatch_with_legacy_target_override(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    event: &JsObject,
) -> JsResult<bool> {
    // 2. Let targetOverride be target, if legacy target override flag is not given, and
    //    target's associated Document otherwise.
    let document = state
        .windows
        .borrow()
        .get(&window)
        .and_then(|w| w.document.try_borrow().ok().map(|d| d.document_node()));
    let target_override = match document {
        Some(node) => Some(JsValue::from(wrappers::wrapper(
            state, context, window, node,
        )?)),
        None => None,
    };
    dispatch_with_target_override(
        state,
        context,
        window,
        EventTargetKey::Window,
        event,
        target_override,
    )
}

/// Dispatch, with `target_override` (or the target itself) as the event's target.
fn dispatch_with_target_override(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    target: EventTargetKey,
    event: &JsObject,
    target_override: Option<JsValue>,
) -> JsResult<bool> {
    let event_value = JsValue::from(event.clone());
    let type_ = with_event(&event_value, |e| e.type_.clone())?;
    content_attributes::activate_content_attribute_handler(state, context, window, target, &type_);
    let target_object = target_value(state, context, window, target)?;
    // 5.4. Let isActivationEvent be true, if event is a MouseEvent object and event's type
    //      attribute is "click"; otherwise false.
    let is_activation_event = type_ == "click" && is_mouse_event(&event_value);
    // 5.5. If isActivationEvent is true and target has activation behavior, then set
    //      activationTarget to target.
    // 5.9.x. (For each parent in the path:) if isActivationEvent is true, event's bubbles
    //      attribute is true, activationTarget is null, and parent has activation behavior,
    //      then set activationTarget to parent.
    let bubbles = with_event(&event_value, |e| e.bubbles)?;
    let activation_target = match target {
        EventTargetKey::Node(node) if is_activation_event => {
            activation_target_of(state, window, node, bubbles)
        }
        _ => None,
    };
    let target_override = target_override.unwrap_or_else(|| target_object.clone());
    // 1. Set event's dispatch flag.
    // 2-5. targetOverride; event's target is set to it (retargeted against target: no
    //      shadow trees here, so it is itself).
    with_event(&event_value, |e| {
        e.dispatch = true;
        e.target = target_override;
    })?;
    // 5.5-5.9. Append to an event path: target, then each parent by "get the parent" (a
    //          node's parent node; a document's is its relevant global object unless the
    //          event is `load`), the target's entry being the one with a shadow-adjusted
    //          target.
    let path = event_path(state, window, target, &type_);
    let dispatched = Dispatched {
        event: &event_value,
        type_: &type_,
    };
    // (Each struct's invocation target, made once: the target's is target_object.)
    let mut invocation_targets = Vec::with_capacity(path.len());
    for (i, key) in path.iter().enumerate() {
        invocation_targets.push(if i == 0 {
            target_object.clone()
        } else {
            target_value(state, context, window, *key)?
        });
    }
    // 5.13. For each struct in event's path, in reverse order: its eventPhase is AT_TARGET
    //       for the target's struct, CAPTURING_PHASE otherwise; invoke with "capturing".
    for (i, (key, invocation_target)) in path.iter().zip(&invocation_targets).enumerate().rev() {
        let event_phase = if i == 0 {
            phase::AT_TARGET
        } else {
            phase::CAPTURING_PHASE
        };
        let struct_ = PathStruct {
            key: *key,
            invocation_target,
        };
        invoke(
            state,
            context,
            window,
            struct_,
            dispatched,
            event_phase,
            Phase::Capturing,
        )?;
    }
    // 5.14. For each struct in event's path: AT_TARGET for the target's struct; otherwise,
    //       if event's bubbles attribute is false, continue, else BUBBLING_PHASE; invoke with
    //       "bubbling".
    for (i, (key, invocation_target)) in path.iter().zip(&invocation_targets).enumerate() {
        let event_phase = if i == 0 {
            phase::AT_TARGET
        } else if !bubbles {
            continue;
        } else {
            phase::BUBBLING_PHASE
        };
        let struct_ = PathStruct {
            key: *key,
            invocation_target,
        };
        invoke(
            state,
            context,
            window,
            struct_,
            dispatched,
            event_phase,
            Phase::Bubbling,
        )?;
    }
    // 6-10. Unset the phase, currentTarget and flags.
    with_event(&event_value, |e| {
        e.event_phase = phase::NONE;
        e.current_target = JsValue::null();
        e.dispatch = false;
        e.stop_propagation = false;
        e.stop_immediate_propagation = false;
    })?;
    // 11. If activationTarget is non-null, then: 11.1. if event's canceled flag is unset,
    //     then run activationTarget's activation behavior with event; 11.2. otherwise, if
    //     activationTarget has legacy-canceled-activation behavior, then run it (no element
    //     here has one).
    let canceled = with_event(&event_value, |e| e.canceled)?;
    if let Some(node) = activation_target
        && !canceled
    {
        run_activation_behavior(state, context, NodeRef { window, node }, event)?;
    }
    // 12. Return false if event's canceled flag is set; otherwise true.
    Ok(!canceled)
}

/// The activation target of a `click` MouseEvent dispatched at `node`: the node if it has
/// activation behaviour, else (when the event bubbles) its nearest inclusive ancestor that
/// has one.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-dispatch> (activationTarget)
fn activation_target_of(
    state: &AgentState,
    window: WindowId,
    node: NodeId,
    bubbles: bool,
) -> Option<NodeId> {
    let mut current = Some(node);
    // Bounded by the number of nodes: a parent chain never repeats.
    let limit = state
        .windows
        .borrow()
        .get(&window)
        .map_or(0, |w| w.document.borrow().node_count());
    for _ in 0..=limit {
        let candidate = current?;
        if has_activation_behavior(state, window, candidate) {
            return Some(candidate);
        }
        if !bubbles {
            return None;
        }
        current = state
            .windows
            .borrow()
            .get(&window)
            .and_then(|w| w.document.borrow().parent(candidate));
    }
    None
}

/// The phase an event's listeners are invoked for ("capturing" or "bubbling").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Capturing,
    Bubbling,
}

/// The event path of `target`: the target, then each parent by "get the parent" — a node's
/// parent node; a document's, its relevant global object (the Window), unless the event is
/// `load`; a Window's, none.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-dispatch> (steps 5.5-5.9),
/// <https://dom.spec.whatwg.org/#get-the-parent>,
/// <https://html.spec.whatwg.org/multipage/document-sequences.html#document-get-the-parent>
fn event_path(
    state: &AgentState,
    window: WindowId,
    target: EventTargetKey,
    type_: &str,
) -> Vec<EventTargetKey> {
    let mut path = vec![target];
    let EventTargetKey::Node(node) = target else {
        return path;
    };
    let windows = state.windows.borrow();
    // (A document without a browsing context has no Window: its nodes' path ends at it.)
    let Some(w) = windows.get(&window) else {
        return path;
    };
    let Ok(document) = w.document.try_borrow() else {
        return path;
    };
    let mut current = node;
    // Bounded by the number of nodes: a parent chain never repeats.
    for _ in 0..document.node_count() {
        match document.parent(current) {
            Some(parent) => {
                path.push(EventTargetKey::Node(parent));
                current = parent;
            }
            None => break,
        }
    }
    // A document's parent is its relevant global object unless the event is `load` (the
    // Window's document is the root of its node tree: a detached subtree's root is not).
    if current == document.document_node() && type_ != "load" {
        path.push(EventTargetKey::Window);
    }
    path
}

/// The event being dispatched, and its type (which does not change during dispatch: the
/// init methods return early while the dispatch flag is set).
#[derive(Clone, Copy)]
struct Dispatched<'a> {
    event: &'a JsValue,
    type_: &'a str,
}

/// A struct of an event's path: the event target, and its invocation target (the object
/// scripts see for it).
#[derive(Clone, Copy)]
struct PathStruct<'a> {
    key: EventTargetKey,
    invocation_target: &'a JsValue,
}

/// Invoke: with event's currentTarget set to the struct's invocation target, inner invoke
/// its listeners for `phase`, unless propagation was stopped.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-listener-invoke>
fn invoke(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    struct_: PathStruct<'_>,
    dispatched: Dispatched<'_>,
    event_phase: u16,
    phase: Phase,
) -> JsResult<()> {
    let event = dispatched.event;
    // 1. Set event's target to the shadow-adjusted target of the last struct in event's path
    //    that is either struct or preceding struct whose shadow-adjusted target is non-null
    //    (the target: there are no shadow trees).
    // 2-3. (relatedTarget and touch target lists: none.)
    // 4. If event's stop propagation flag is set, then return.
    if with_event(event, |e| e.stop_propagation)? {
        return Ok(());
    }
    // 5. Initialize event's currentTarget attribute to struct's invocation target.
    let current_target = struct_.invocation_target;
    with_event(event, |e| {
        e.event_phase = event_phase;
        e.current_target = current_target.clone();
    })?;
    // 6-8. Let listeners be a clone of its event listener list; inner invoke.
    inner_invoke(
        state,
        context,
        window,
        struct_.key,
        dispatched,
        current_target,
        phase,
    )
}

/// Inner invoke: call each listener of the event's type (and of `phase`) in order.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-listener-inner-invoke>
fn inner_invoke(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    target: EventTargetKey,
    dispatched: Dispatched<'_>,
    current_target: &JsValue,
    phase: Phase,
) -> JsResult<()> {
    let Dispatched { event, type_ } = dispatched;
    // "Let listeners be a clone of event's currentTarget's event listener list", so
    // listeners added during dispatch do not run now.
    let listeners: Vec<Rc<Listener>> = state
        .windows
        .borrow()
        .get(&window)
        .and_then(|w| w.listeners.lists.get(&target).cloned())
        .unwrap_or_default();
    // 1. For each listener of listeners, whose removed is false:
    for listener in listeners.iter().filter(|l| !l.removed.get()) {
        // 1.1. If event's type attribute value is not listener's type, then continue.
        if listener.type_ != type_ {
            continue;
        }
        // 1.3. If phase is "capturing" and listener's capture is false, then continue.
        // 1.4. If phase is "bubbling" and listener's capture is true, then continue.
        if (phase == Phase::Capturing) != listener.capture {
            continue;
        }
        // 1.5. If listener's once is true, then remove an event listener.
        if listener.once
            && let Some(w) = state.windows.borrow_mut().get_mut(&window)
        {
            w.listeners.remove_an_event_listener(
                target,
                &listener.type_,
                &listener.callback,
                listener.capture,
            );
        }
        // (Counted for the embedder's message traces.)
        with_event(event, |e| {
            e.listeners_run = e.listeners_run.saturating_add(1)
        })?;
        // 1.9-1.10. Call a user object's operation with listener's callback, "handleEvent",
        // « event », and event's currentTarget; if this throws, report the exception.
        let result = match &listener.callback {
            ListenerCallback::Object(callback) => {
                with_callback_context(context, listener.callback_context, |context| {
                    call_listener(state, context, window, callback, event, current_target)
                })
            }
            ListenerCallback::EventHandler => {
                call_event_handler(state, context, window, target, type_, event, current_target)
            }
        };
        if let Err(error) = result {
            report_the_exception(state, context, Some(window), &error);
        }
        // 1.12. If event's stop immediate propagation flag is set, then break.
        if with_event(event, |e| e.stop_immediate_propagation)? {
            break;
        }
    }
    Ok(())
}

fn call_listener(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    callback: &JsObject,
    event: &JsValue,
    current_target: &JsValue,
) -> JsResult<()> {
    if callback.is_callable() {
        invoke_a_callback(
            state,
            context,
            window,
            callback,
            current_target,
            std::slice::from_ref(event),
        )?;
        return Ok(());
    }
    let handle_event = callback.get(js_string!("handleEvent"), context)?;
    let Some(handle_event) = handle_event.as_callable() else {
        return Err(type_error("handleEvent is not callable"));
    };
    invoke_a_callback(
        state,
        context,
        window,
        &handle_event,
        &callback.clone().into(),
        std::slice::from_ref(event),
    )?;
    Ok(())
}

/// The event handler processing algorithm.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#the-event-handler-processing-algorithm>
fn call_event_handler(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    target: EventTargetKey,
    type_: &str,
    event: &JsValue,
    current_target: &JsValue,
) -> JsResult<()> {
    // 1. Let callback be the result of getting the current value of the event handler.
    let handler = state
        .windows
        .borrow()
        .get(&window)
        .and_then(|w| w.listeners.handler(target, type_).cloned());
    // 2. If callback is null, then return.
    let Some(handler) = handler else {
        return Ok(());
    };
    if !handler.is_callable() {
        return Ok(());
    }
    // 3. Let special error event handling be true if event is an ErrorEvent object, event's
    //    type is "error", and event's currentTarget implements the WindowOrWorkerGlobalScope
    //    mixin. Otherwise, let special error event handling be false.
    let special_error_arguments = if type_ == "error" && target == EventTargetKey::Window {
        error_event::on_error_event_handler_arguments(event)
    } else {
        None
    };
    // 4. Process the Event object event: invoke callback with « message, filename, lineno,
    //    colno, error » if special error event handling is true, otherwise with « event »;
    //    the callback this value is event's currentTarget. An exception propagates.
    let arguments = match &special_error_arguments {
        Some(arguments) => arguments.as_slice(),
        None => std::slice::from_ref(event),
    };
    let return_value =
        invoke_a_callback(state, context, window, &handler, current_target, arguments)?;
    // 5. Process return value: if special error event handling is true, true cancels the
    //    event; otherwise false does.
    let cancel = match special_error_arguments {
        Some(_) => return_value.as_boolean() == Some(true),
        None => return_value.as_boolean() == Some(false),
    };
    if cancel {
        // Set event's canceled flag (only a cancelable event can be canceled).
        with_event(event, |e| {
            if e.cancelable {
                e.canceled = true;
            }
        })?;
    }
    Ok(())
}

/// Reads an event handler IDL attribute.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-idl-attributes>
pub(crate) fn get_event_handler(
    this: &JsValue,
    context: &mut Context,
    type_: &str,
) -> JsResult<JsValue> {
    let (window, target) = resolve_target(this, context)?;
    let state = AgentState::of(context)?;
    // 1. Let eventTarget be the result of determining the target of an event handler.
    // 2. If eventTarget is null, then return null.
    let Some(target) =
        content_attributes::determine_the_target_of_an_event_handler(&state, window, target, type_)
    else {
        return Ok(JsValue::null());
    };
    // 3. Return the result of getting the current value of the event handler (an internal
    //    raw uncompiled handler is compiled first).
    content_attributes::activate_content_attribute_handler(&state, context, window, target, type_);
    let handler = state
        .windows
        .borrow()
        .get(&window)
        .and_then(|w| w.listeners.handler(target, type_).cloned());
    Ok(handler.map(JsValue::from).unwrap_or_else(JsValue::null))
}

/// Sets an event handler IDL attribute: a non-object value sets it to null; the first
/// non-null value activates it (adds its listener, whose position then stays fixed).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-idl-attributes>
pub(crate) fn set_event_handler(
    this: &JsValue,
    context: &mut Context,
    type_: &str,
    value: &JsValue,
) -> JsResult<JsValue> {
    let (window, target) = resolve_target(this, context)?;
    let state = AgentState::of(context)?;
    // 1. Let eventTarget be the result of determining the target of an event handler.
    // 2. If eventTarget is null, then return.
    let Some(target) =
        content_attributes::determine_the_target_of_an_event_handler(&state, window, target, type_)
    else {
        return Ok(JsValue::undefined());
    };
    let mut windows = state.windows.borrow_mut();
    let Some(w) = windows.get_mut(&window) else {
        return Ok(JsValue::undefined());
    };
    w.listeners.mark_handler_touched(target, type_);
    match value.as_object() {
        // 1. If the given value is null, deactivate the event handler.
        None => {
            w.listeners.set_handler(target, type_, None);
            w.listeners.remove_an_event_listener(
                target,
                type_,
                &ListenerCallback::EventHandler,
                false,
            );
        }
        // 2. Otherwise: set the handler's value, and activate it.
        Some(handler) => {
            w.listeners
                .set_handler(target, type_, Some(handler.clone()));
            w.listeners
                .add_an_event_listener(target, Listener::for_event_handler(type_));
        }
    }
    Ok(JsValue::undefined())
}

/// An event handler IDL attribute for a declaration: `event_handler!("onmessage", "message")`
/// is the attribute `onmessage`, whose getter and setter read and set the event handler of
/// type `message` of `this`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-idl-attributes>
macro_rules! event_handler {
    ($name:literal, $type_:literal) => {
        $crate::webidl::declaration::keyed_attribute!(
            $name,
            $type_,
            $crate::dom::event_target::get_event_handler,
            $crate::dom::event_target::set_event_handler
        )
    };
}
pub(crate) use event_handler;
