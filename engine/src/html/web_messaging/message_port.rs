//! The `MessagePort` interface: one end of a channel, its message port post message steps, its
//! port message queue's tasks, and its transfer and transfer-receiving steps.
//!
//! Entanglement, where a port lives and its port message queue are the user agent's port table
//! (`postern_event_loop::PortTable`, shared by every agent): this file is what a port is in
//! one realm, and how the table's notices become events.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports>

use std::cell::Cell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;

use boa_engine::{Context, JsObject, JsResult, JsValue, js_string};
use postern_clone::{PlatformTransferData, SerializedWithTransfer, TransferDataHolder};
use postern_dom::DocumentId;
use postern_event_loop::{NoticeKind, PortId, PortNotice, PortOwner, PostOutcome};

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::agent::message_tracer::TraceHeader;
use crate::agent::realm_data::RealmData;
use crate::agent::tasks::{PortMessage, queue_port_notices};
use crate::agent::window::document_key;
use crate::dom::event::create_event;
use crate::dom::event_target::{
    EventTargetObject, dispatch, event_handler, get_event_handler, set_event_handler,
};
use crate::embedder::message_trace::{MessageEndpoint, MessageKind, MessageOutcome};
use crate::html::scripting::script;
use crate::html::structured_data::structured_clone::{
    deserialize_with_transfer, sequence_of_objects, serialize_with_transfer,
};
use crate::html::web_messaging::message_event::{
    MessageFields, create_message_event, delivery_outcome,
};
use crate::html::web_messaging::post_message::record_size;
use crate::ids::WindowId;
use crate::webidl::conversions::{LazyFrozenArray, arg, type_error};
use crate::webidl::declaration::{InterfaceDeclaration, Operation, keyed_attribute};
use crate::webidl::dom_exception;
use crate::webidl::interface::create_an_object_implementing;

/// `interface MessagePort : EventTarget`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#messageport>
pub(crate) const MESSAGE_PORT: InterfaceDeclaration = InterfaceDeclaration {
    name: "MessagePort",
    inherits: Some("EventTarget"),
    constructor: None,
    constants: &[],
    attributes: &[
        // Setting onmessage also starts the port (implicitly, as start() does).
        keyed_attribute!("onmessage", "message", get_event_handler, set_onmessage),
        event_handler!("onmessageerror", "messageerror"),
        event_handler!("onclose", "close"),
    ],
    operations: &[
        // undefined postMessage(any message, sequence<object> transfer);
        // undefined postMessage(any message, optional StructuredSerializeOptions options = {});
        Operation::new("postMessage", 1, post_message),
        Operation::new("start", 0, start),
        Operation::new("close", 0, close),
    ],
    static_operations: &[],
    mixins: &[],
};

/// What a transferred MessagePort's data holder holds: its identity in the port table (its
/// port message queue and its entanglement travel there, with the port in transit).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ShippedPort(pub PortId);

/// The MessagePort `this` is: its window, its port (`None` once it is detached: transferred
/// or closed, so that it has no port any more), and the object; or a TypeError.
fn this_port(this: &JsValue) -> JsResult<(WindowId, Option<PortId>, JsObject)> {
    let object = this.as_object();
    let port = object.as_ref().and_then(|o| {
        let data = o.downcast_ref::<EventTargetObject>()?;
        match data.key.get() {
            EventTargetKey::MessagePort(id) => Some((data.window, Some(id))),
            EventTargetKey::DetachedPort => Some((data.window, None)),
            _ => None,
        }
    });
    match (port, object) {
        (Some((window, id)), Some(object)) => Ok((window, id, object)),
        _ => Err(type_error(
            "Illegal invocation: 'this' is not a MessagePort",
        )),
    }
}

/// The owner a port living in `window` has in the port table.
fn owner_of(state: &AgentState, window: WindowId) -> JsResult<PortOwner> {
    let document = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.document_id)
        .ok_or_else(|| type_error("the port's window is gone"))?;
    Ok(PortOwner {
        agent: state.id,
        document: document_key(document),
    })
}

/// A new MessagePort object for the port `id`, in the current realm (a window's), registered
/// as one of that window's event targets.
pub(crate) fn create_message_port(context: &mut Context, id: PortId) -> JsResult<JsObject> {
    let object = create_port_object(context, id)?;
    let window = RealmData::window_of_current_realm(context)?;
    let state = AgentState::of(context)?;
    register(&state, window, id, &object);
    Ok(object)
}

/// A new MessagePort object in the current realm, not yet any port's (for deserialization:
/// the transfer-receiving steps make it the shipped port and register it).
pub(crate) fn create_port_object(context: &mut Context, id: PortId) -> JsResult<JsObject> {
    let window = RealmData::window_of_current_realm(context)?;
    let data = EventTargetObject {
        window,
        key: Cell::new(EventTargetKey::MessagePort(id)),
    };
    create_an_object_implementing(context, "MessagePort", None, data)
}

/// Records `object` as the port `id` of `window`: where its events are dispatched.
fn register(state: &AgentState, window: WindowId, id: PortId, object: &JsObject) {
    if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
        w.event_targets
            .insert(EventTargetKey::MessagePort(id), object.clone());
    }
}

/// Sets the `[[Detached]]` internal slot of the MessagePort `object` of `window` to true: it
/// is no longer port `id` (shipped or closed); no event reaches it, and its listeners are
/// forgotten (a port that comes back to this window is another object).
pub(crate) fn detach(state: &AgentState, object: &JsObject) {
    let Some((window, key)) = object
        .downcast_ref::<EventTargetObject>()
        .map(|data| (data.window, data.key.replace(EventTargetKey::DetachedPort)))
    else {
        return;
    };
    if let (EventTargetKey::MessagePort(_), Some(w)) =
        (key, state.windows.borrow_mut().get_mut(&window))
    {
        w.event_targets.remove(&key);
        w.listeners.forget_target(key);
    }
}

/// `postMessage(message, transfer)` and `postMessage(message, options)`: the message port post
/// message steps with this as sourcePort.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-port-post-message-steps>
fn post_message(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (source_window, source_port, source_object) = this_port(this)?;
    if args.is_empty() {
        return Err(type_error(
            "Failed to execute 'postMessage' on 'MessagePort': 1 argument required, but only 0 present.",
        ));
    }
    let message = arg(args, 0);
    // Overload resolution on argument 1: an object that is iterable selects the sequence
    // overload, undefined, null and other objects the options dictionary.
    let transfer = transfer_argument(&arg(args, 1), context)?;
    let state = AgentState::of(context)?;
    // 1. Let targetPort be the port with which sourcePort is entangled, if any; otherwise
    //    null.
    //    (A detached port is entangled with nothing: it was disentangled when it was
    //    transferred, or closed.)
    let target_port =
        source_port.and_then(|source| state.ua.ports.with(|t| t.entangled_with(source)));
    // 2. Let transfer be options["transfer"] (the overloads, above).
    // 3. If transfer contains sourcePort, then throw a "DataCloneError" DOMException.
    if let Some(index) = transfer
        .iter()
        .position(|o| JsObject::equals(o, &source_object))
    {
        return Err(dom_exception::throw(
            context,
            "DataCloneError",
            &format!(
                "Failed to execute 'postMessage' on 'MessagePort': Port at index {index} contains the source port."
            ),
        ));
    }
    // 4. Let doomed be false.
    // 5. If targetPort is not null and transfer contains targetPort, then set doomed to true
    //    (the channel is lost).
    let doomed =
        target_port.is_some_and(|target| transfer.iter().any(|o| port_id_of(o) == Some(target)));
    // 6. Let serializeWithTransferResult be StructuredSerializeWithTransfer(message,
    //    transfer). Rethrow any exceptions.
    let record = serialize_with_transfer(context, &message, &transfer)?;
    // (The message's trace, when the embedder observes messages.)
    let trace = if state.ua.messages.enabled() {
        begin_trace(&state, source_window, target_port, &record)
    } else {
        None
    };
    // 7. If targetPort is null, or if doomed is true, then return.
    let (Some(source), Some(_), false) = (source_port, target_port, doomed) else {
        discard_port_messages(&state, vec![PortMessage { record, trace }]);
        return Ok(JsValue::undefined());
    };
    if let Some(trace) = &trace {
        state.ua.messages.report(trace, MessageOutcome::Posted);
    }
    // 8. Add a task that runs the following steps (`deliver`, once the port message queue of
    //    the port where targetPort then lives runs it) to the port message queue of
    //    targetPort.
    let message = PortMessage { record, trace };
    let outcome = state.ua.ports.with(|t| {
        // The source may have been shipped or closed by script run during serialization:
        // then it is entangled with nothing here, and the message goes like step 7's.
        if t.owner(source).is_none() {
            return PostOutcome::Dropped(message);
        }
        t.post_message(source, message)
            .unwrap_or_else(|_| PostOutcome::Queued(None))
    });
    match outcome {
        PostOutcome::Queued(notice) => queue_port_notices(&state, notice.into_iter().collect()),
        PostOutcome::Dropped(message) => discard_port_messages(&state, vec![message]),
    }
    Ok(JsValue::undefined())
}

/// The trace header of a message posted through a port of `source_window` to `target_port`.
fn begin_trace(
    state: &AgentState,
    source_window: WindowId,
    target_port: Option<PortId>,
    record: &SerializedWithTransfer,
) -> Option<TraceHeader> {
    let endpoint = |window: Option<WindowId>| MessageEndpoint {
        window,
        origin: window
            .and_then(|w| state.ua.window_entry(w))
            .map(|e| e.origin.ascii_serialization())
            .unwrap_or_default(),
    };
    let target_window = target_port
        .and_then(|port| state.ua.ports.with(|t| t.owner(port)))
        .and_then(|owner| state.ua.window_of_document(DocumentId(owner.document.0)))
        .map(|found| found.window);
    state.ua.messages.begin(
        MessageKind::Port,
        endpoint(Some(source_window)),
        endpoint(target_window),
        None,
        || record_size(&record.serialized),
    )
}

/// The transfer list of `postMessage`'s second argument: a `sequence<object>`, or a
/// StructuredSerializeOptions dictionary's `transfer` member.
fn transfer_argument(value: &JsValue, context: &mut Context) -> JsResult<Vec<JsObject>> {
    let Some(object) = value.as_object() else {
        if value.is_null_or_undefined() {
            return Ok(Vec::new());
        }
        return Err(type_error(
            "Failed to execute 'postMessage' on 'MessagePort': The provided value is not of type 'StructuredSerializeOptions'.",
        ));
    };
    // An object with @@iterator is the sequence overload.
    let iterator = object.get(boa_engine::JsSymbol::iterator(), context)?;
    if !iterator.is_null_or_undefined() {
        return sequence_of_objects(value, context);
    }
    let transfer = object.get(js_string!("transfer"), context)?;
    if transfer.is_undefined() {
        return Ok(Vec::new());
    }
    sequence_of_objects(&transfer, context)
}

/// The port id of `object` if it is a MessagePort that is not detached.
pub(crate) fn port_id_of(object: &JsObject) -> Option<PortId> {
    match object.downcast_ref::<EventTargetObject>()?.key.get() {
        EventTargetKey::MessagePort(id) => Some(id),
        _ => None,
    }
}

/// If `object` is a MessagePort: whether it is detached (its `[[Detached]]` internal slot).
pub(crate) fn is_detached_port(object: &JsObject) -> Option<bool> {
    match object.downcast_ref::<EventTargetObject>()?.key.get() {
        EventTargetKey::MessagePort(_) => Some(false),
        EventTargetKey::DetachedPort => Some(true),
        _ => None,
    }
}

/// `start()`: enable this's port message queue, if it is not already enabled.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-start>
fn start(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // A detached port has no port message queue here any more: nothing to enable.
    if let (_, Some(port), _) = this_port(this)? {
        start_port(&AgentState::of(context)?, port);
    }
    Ok(JsValue::undefined())
}

/// Enables a port's message queue and queues a task for each message waiting in it.
fn start_port(state: &Rc<AgentState>, port: PortId) {
    if let Ok(notices) = state.ua.ports.with(|t| t.start(port)) {
        queue_port_notices(state, notices);
    }
}

/// The `onmessage` setter: set the event handler, then start the port ("the first time a
/// MessagePort object's onmessage IDL attribute is set, the port's port message queue must
/// be enabled, as if the start() method had been called").
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#messageport>
fn set_onmessage(
    this: &JsValue,
    context: &mut Context,
    type_: &str,
    value: &JsValue,
) -> JsResult<JsValue> {
    let result = set_event_handler(this, context, type_, value)?;
    if let (_, Some(port), _) = this_port(this)? {
        start_port(&AgentState::of(context)?, port);
    }
    Ok(result)
}

/// `close()`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-close>
fn close(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (_, _, object) = this_port(this)?;
    let state = AgentState::of(context)?;
    close_port(&state, &object);
    Ok(JsValue::undefined())
}

/// The `close()` method steps on `object` (a MessagePort); also how a port that was received
/// into a message whose deserialization then failed is disposed of (no script can reach it:
/// as if garbage collected, its peer gets `close`).
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-close>
pub(crate) fn close_port(state: &Rc<AgentState>, object: &JsObject) {
    let port = port_id_of(object);
    // 1. Set this's [[Detached]] internal slot value to true.
    detach(state, object);
    // 2. If this is entangled, disentangle it (the other port gets its close event).
    if let Some(port) = port {
        disentangle(state, port);
    }
}

/// Disentangle `port` in the port table: its peer's `close` task is queued where the peer
/// lives, and the messages that waited in `port`'s queue are discarded.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#disentangle>
fn disentangle(state: &Rc<AgentState>, port: PortId) {
    let result = state.ua.ports.with(|t| t.close(port));
    queue_port_notices(state, result.notices);
    discard_port_messages(state, result.dropped);
}

/// A message that will never be delivered: the MessagePorts it carried, in transit, will
/// never arrive, so they are discarded (as if garbage collected: their peers get `close`).
pub(crate) fn discard_message(state: &Rc<AgentState>, record: SerializedWithTransfer) {
    discard_port_messages(
        state,
        vec![PortMessage {
            record,
            trace: None,
        }],
    );
}

/// Messages of port message queues that will never be delivered: each one's trace (if
/// traced) ends with "target gone", and the ports it carried are discarded.
fn discard_port_messages(state: &Rc<AgentState>, messages: Vec<PortMessage>) {
    // Bounded: each discarded port's queue is dropped once, and a message in it can only
    // carry ports shipped before it, which are discarded (forgotten) in turn.
    let mut queue: VecDeque<PortMessage> = messages.into();
    while let Some(message) = queue.pop_front() {
        if let Some(trace) = &message.trace {
            state.ua.messages.report(trace, MessageOutcome::TargetGone);
        }
        for holder in message.record.transfer_data_holders {
            let TransferDataHolder::Platform { data, .. } = holder else {
                continue;
            };
            let Ok(ShippedPort(port)) = data.downcast::<ShippedPort>() else {
                continue;
            };
            let result = state.ua.ports.with(|t| t.discard(port));
            queue_port_notices(state, result.notices);
            queue.extend(result.dropped);
        }
    }
}

/// The ports living in a destroyed document: each is disentangled (its peer gets `close`)
/// and its waiting messages are discarded.
pub(crate) fn destroy_ports_of_document(state: &Rc<AgentState>, document: DocumentId) {
    let result = state
        .ua
        .ports
        .with(|t| t.document_destroyed(document_key(document)));
    queue_port_notices(state, result.notices);
    discard_port_messages(state, result.dropped);
}

/// The transfer steps of MessagePort, given `object`: the port leaves this realm (its port
/// message queue and its entanglement travel with it in the port table).
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports>
/// (transfer steps)
pub(crate) fn transfer_steps(
    state: &AgentState,
    object: &JsObject,
) -> Result<PlatformTransferData, &'static str> {
    let Some(data) = object.downcast_ref::<EventTargetObject>() else {
        return Err("not a MessagePort");
    };
    let EventTargetKey::MessagePort(port) = data.key.get() else {
        return Err("not a MessagePort");
    };
    // 1. Set value's has been shipped flag to true.
    // 2. Set dataHolder.[[PortMessageQueue]] to value's port message queue.
    // 3-4. Set dataHolder.[[RemotePort]] to the port value is entangled with, or null.
    //    (The table keeps the queue and the entanglement of a port in transit.)
    state
        .ua
        .ports
        .with(|t| t.ship(port))
        .map_err(|_| "the MessagePort cannot be transferred")?;
    drop(data);
    // (The transfer algorithm sets [[Detached]] afterwards, with `detach`.)
    Ok(PlatformTransferData::new(ShippedPort(port)))
}

/// The transfer-receiving steps of MessagePort: `object` (made in the target realm) becomes
/// the port shipped in `data`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports>
/// (transfer-receiving steps)
pub(crate) fn transfer_receiving_steps(
    state: &Rc<AgentState>,
    object: &JsObject,
    data: PlatformTransferData,
) -> Result<(), &'static str> {
    let ShippedPort(port) = data
        .downcast::<ShippedPort>()
        .map_err(|_| "not a MessagePort's data")?;
    let window = object
        .downcast_ref::<EventTargetObject>()
        .map(|d| {
            d.key.set(EventTargetKey::MessagePort(port));
            d.window
        })
        .ok_or("not a MessagePort")?;
    // 1. Set value's has been shipped flag to true.
    // 2. Move the tasks of dataHolder.[[PortMessageQueue]] to value's port message queue,
    //    leaving it disabled, associated with value's relevant global's document.
    // 3. If dataHolder.[[RemotePort]] is not null, entangle it and value.
    let owner = owner_of(state, window).map_err(|_| "the target window is gone")?;
    state
        .ua
        .ports
        .with(|t| t.arrive(port, owner))
        .map_err(|_| "the MessagePort is not in transit")?;
    register(state, window, port, object);
    Ok(())
}

/// The task of a port notice, in the agent where the port lives: the steps a port message
/// queue's task runs (step 8 of the message port post message steps), or the `close` event of
/// a disentangled port.
pub(crate) fn run_port_notice(state: &Rc<AgentState>, context: &mut Context, notice: PortNotice) {
    let Some(found) = state
        .ua
        .window_of_document(DocumentId(notice.owner.document.0))
    else {
        return;
    };
    let window = found.window;
    let key = EventTargetKey::MessagePort(notice.port);
    let Some((realm, port_object)) = state.windows.borrow().get(&window).and_then(|w| {
        let object = w.event_targets.get(&key)?.clone();
        Some((w.realm.clone(), object))
    }) else {
        return;
    };
    let previous = context.enter_realm(realm);
    let result = match notice.kind {
        NoticeKind::Message => {
            match state
                .ua
                .ports
                .with(|t| t.take_message(notice.port, state.id))
            {
                Some(mut message) => {
                    let trace = message.trace.take();
                    let delivered = deliver(state, context, window, key, message);
                    if let (Ok(event), Some(mut trace)) = (&delivered, trace) {
                        let origin = state
                            .ua
                            .window_entry(window)
                            .map(|e| e.origin.ascii_serialization())
                            .unwrap_or_default();
                        let outcome = delivery_outcome(event);
                        state
                            .ua
                            .messages
                            .report_at(&mut trace, window, origin, outcome);
                    }
                    delivered.map(|_| ())
                }
                None => Ok(()),
            }
        }
        NoticeKind::Close => {
            if state.ua.ports.with(|t| t.take_close(notice.port, state.id)) {
                fire_close(state, context, window, key)
            } else {
                Ok(())
            }
        }
    };
    context.enter_realm(previous);
    // The port object stays alive until its event has been dispatched.
    drop(port_object);
    if let Err(error) = result {
        script::report_the_exception(state, context, Some(window), &error);
    }
}

/// Steps 8.1 to 8.6 of the message port post message steps, in finalTargetPort's realm.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-port-post-message-steps>
fn deliver(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    target: EventTargetKey,
    message: PortMessage,
) -> JsResult<JsObject> {
    // 8.1. Let finalTargetPort be the MessagePort in whose port message queue the task now
    //      finds itself. 8.2. Let targetRealm be finalTargetPort's relevant realm.
    // 8.3. Let deserializeRecord be StructuredDeserializeWithTransfer(serializeWithTransfer
    //      Result, targetRealm). If this throws, fire an event named messageerror at
    //      finalTargetPort, using MessageEvent, and return.
    let (data, transferred) = match deserialize_with_transfer(context, message.record) {
        Ok(result) => result,
        Err(_) => {
            let fields = MessageFields {
                data: JsValue::null(),
                origin: Arc::from(""),
                last_event_id: String::new(),
                source: JsValue::null(),
                ports: LazyFrozenArray::default(),
                reads: Default::default(),
            };
            let event = create_message_event(context, "messageerror", fields)?;
            dispatch(state, context, window, target, &event)?;
            return Ok(event);
        }
    };
    // 8.4. Let messageClone be deserializeRecord.[[Deserialized]].
    // 8.5. Let newPorts be a new frozen array of the MessagePorts in deserializeRecord.
    //      [[TransferredValues]], in order.
    let ports = new_ports(transferred);
    // 8.6. Fire an event named message at finalTargetPort, using MessageEvent, with data
    //      messageClone and ports newPorts.
    let fields = MessageFields {
        data,
        origin: Arc::from(""),
        last_event_id: String::new(),
        source: JsValue::null(),
        ports,
        reads: Default::default(),
    };
    let event = create_message_event(context, "message", fields)?;
    dispatch(state, context, window, target, &event)?;
    Ok(event)
}

/// A new frozen array of the MessagePorts among `transferred`, in order (the `ports` of a
/// message event; made into an array when first read).
pub(crate) fn new_ports(transferred: Vec<JsValue>) -> LazyFrozenArray {
    LazyFrozenArray::new(
        transferred
            .into_iter()
            .filter(|v| v.as_object().is_some_and(|o| port_id_of(&o).is_some()))
            .collect(),
    )
}

/// Fires `close` at a port whose entangled port went away.
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#disentangle> (step 4)
fn fire_close(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    target: EventTargetKey,
) -> JsResult<()> {
    let event = create_event(context, "close")?;
    dispatch(state, context, window, target, &event)?;
    Ok(())
}
