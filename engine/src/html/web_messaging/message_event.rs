//! The `MessageEvent` interface: the event a posted message arrives as.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/comms.html#the-messageevent-interface>

use std::any::Any;
use std::cell::Cell;
use std::sync::Arc;

use boa_engine::{Context, Finalize, JsObject, JsResult, JsString, JsValue, Trace, js_string};

use crate::agent::realm_data::RealmData;
use crate::dom::event::{
    Event, EventDetail, constructor_state, create_trusted_event, initialize, with_detail,
    with_detail_mut, with_event,
};
use crate::embedder::message_trace::MessageOutcome;
use crate::html::structured_data::structured_clone::sequence_of_objects;
use crate::html::web_messaging::message_port::is_detached_port;
use crate::webidl::conversions::{
    LazyFrozenArray, arg, frozen_array_of, to_dom_string, type_error,
};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration, Operation};
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface MessageEvent : Event`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/comms.html#the-messageevent-interface>
pub(crate) const MESSAGE_EVENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "MessageEvent",
    inherits: Some("Event"),
    constructor: Some(Constructor {
        length: 1,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        Attribute::readonly("data", get_data),
        Attribute::readonly("origin", get_origin),
        Attribute::readonly("lastEventId", get_last_event_id),
        Attribute::readonly("source", get_source),
        Attribute::readonly("ports", get_ports),
    ],
    operations: &[
        // undefined initMessageEvent(DOMString type, optional boolean bubbles = false,
        //   optional boolean cancelable = false, optional any data = null,
        //   optional USVString origin = "", optional DOMString lastEventId = "",
        //   optional MessageEventSource? source = null,
        //   optional sequence<MessagePort> ports = []);
        Operation::new("initMessageEvent", 1, init_message_event),
    ],
    static_operations: &[],
    mixins: &[],
};

/// What a MessageEvent adds to an event.
#[derive(Trace, Finalize, Default)]
pub(crate) struct MessageFields {
    /// `data`.
    pub data: JsValue,
    /// `origin` (shared with the message it came from, see `PostedMessage::origin`).
    #[unsafe_ignore_trace]
    pub origin: Arc<str>,
    /// `lastEventId`.
    #[unsafe_ignore_trace]
    pub last_event_id: String,
    /// `source`: a WindowProxy, a MessagePort, or null.
    pub source: JsValue,
    /// `ports`: a frozen array of MessagePorts, made when first read.
    pub ports: LazyFrozenArray,
    /// Whether `origin` and `source` were read (for the embedder's message traces).
    #[unsafe_ignore_trace]
    pub reads: AttributeReads,
}

/// Whether a MessageEvent's `origin` and `source` attributes were read.
#[derive(Default)]
pub(crate) struct AttributeReads {
    origin: Cell<bool>,
    source: Cell<bool>,
}

/// What the listeners did with a dispatched `message` (or `messageerror`) event, as a
/// message trace's outcome.
pub(crate) fn delivery_outcome(event: &JsObject) -> MessageOutcome {
    let value = JsValue::from(event.clone());
    let listeners = with_event(&value, |e| e.listeners_run as usize).unwrap_or(0);
    let (is_error, read_origin, read_source) = with_message(&value, |m| {
        (false, m.reads.origin.get(), m.reads.source.get())
    })
    .unwrap_or((true, false, false));
    let type_ = with_event(&value, |e| e.type_.clone()).unwrap_or_default();
    if is_error || type_ == "messageerror" {
        return MessageOutcome::MessageError { listeners };
    }
    MessageOutcome::Delivered {
        listeners,
        read_origin,
        read_source,
    }
}

impl EventDetail for MessageFields {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn as_any_mut(&mut self) -> Option<&mut dyn Any> {
        Some(self)
    }
}

fn with_message<R>(this: &JsValue, f: impl FnOnce(&MessageFields) -> R) -> JsResult<R> {
    with_detail(this, "MessageEvent", f)
}

/// `new MessageEvent(type, eventInitDict)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/comms.html#dom-messageevent-messageevent>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "MessageEvent")?;
    // The type and EventInit's members (bubbles, cancelable, composed: the inherited
    // dictionary's members come first).
    let (state, init) = constructor_state("MessageEvent", 1, args, context)?;
    let mut message = MessageFields::default();
    message.data = JsValue::null();
    message.source = JsValue::null();
    // MessageEventInit's own members, in lexicographic order as Web IDL reads them.
    if let Some(dict) = init.as_object() {
        // any data = null;
        let data = dict.get(js_string!("data"), context)?;
        if !data.is_undefined() {
            message.data = data;
        }
        // DOMString lastEventId = "";
        let last = dict.get(js_string!("lastEventId"), context)?;
        if !last.is_undefined() {
            message.last_event_id = to_dom_string(&last, context)?;
        }
        // USVString origin = "";
        let origin = dict.get(js_string!("origin"), context)?;
        if !origin.is_undefined() {
            message.origin = Arc::from(to_dom_string(&origin, context)?);
        }
        // sequence<MessagePort> ports = [];
        let ports = dict.get(js_string!("ports"), context)?;
        if !ports.is_undefined() {
            message.ports = LazyFrozenArray::new(to_message_ports(&ports, context)?);
        }
        // MessageEventSource? source = null;
        let source = dict.get(js_string!("source"), context)?;
        message.source = to_message_event_source(&source, context)?;
    }
    let event = Event {
        state,
        detail: Some(Box::new(message)),
    };
    Ok(create_an_object_implementing(context, "MessageEvent", Some(&new_target), event)?.into())
}

/// Converts a value to `MessageEventSource?` (`(WindowProxy or MessagePort or
/// ServiceWorker)?`): undefined and null are null; anything else must be a WindowProxy or a
/// MessagePort (there are no ServiceWorkers here), or it is a TypeError.
///
/// Spec: <https://webidl.spec.whatwg.org/#es-union>,
/// <https://html.spec.whatwg.org/multipage/comms.html#messageeventsource>
fn to_message_event_source(value: &JsValue, context: &mut Context) -> JsResult<JsValue> {
    // 1. If the union type includes a nullable type and V is null or undefined, then return
    //    the IDL value null.
    if value.is_null_or_undefined() {
        return Ok(JsValue::null());
    }
    // 4. If V is a platform object: if types includes an interface type that V implements,
    //    return the IDL value that is a reference to V. (A window's own global object stands
    //    in for its WindowProxy here.)
    if let Some(object) = value.as_object()
        && (RealmData::window_object(&object, context).is_some()
            || is_detached_port(&object).is_some())
    {
        return Ok(value.clone());
    }
    // 13. Throw a TypeError.
    Err(type_error(
        "Failed to convert value to 'MessageEventSource': not a WindowProxy, MessagePort or ServiceWorker.",
    ))
}

/// Converts a value to `sequence<MessagePort>`: an iterable whose items are all MessagePorts,
/// or a TypeError.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-sequence>
fn to_message_ports(value: &JsValue, context: &mut Context) -> JsResult<Vec<JsValue>> {
    let ports = sequence_of_objects(value, context)?;
    if ports.iter().any(|p| is_detached_port(p).is_none()) {
        return Err(type_error("Failed to convert value to 'MessagePort'."));
    }
    Ok(ports.into_iter().map(JsValue::from).collect())
}

/// `initMessageEvent(type, bubbles, cancelable, data, origin, lastEventId, source, ports)`:
/// initializes the event in a manner analogous to `initEvent()`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/comms.html#dom-messageevent-initmessageevent>
fn init_message_event(
    this: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    // The arguments, converted in order (an absent optional one takes its default).
    if args.is_empty() {
        return Err(type_error(
            "Failed to execute 'initMessageEvent' on 'MessageEvent': 1 argument required, but only 0 present.",
        ));
    }
    let type_ = to_dom_string(&arg(args, 0), context)?;
    let bubbles = arg(args, 1).to_boolean();
    let cancelable = arg(args, 2).to_boolean();
    let data = match arg(args, 3) {
        v if v.is_undefined() => JsValue::null(),
        v => v,
    };
    let origin = match arg(args, 4) {
        v if v.is_undefined() => String::new(),
        v => to_dom_string(&v, context)?,
    };
    let last_event_id = match arg(args, 5) {
        v if v.is_undefined() => String::new(),
        v => to_dom_string(&v, context)?,
    };
    let source = to_message_event_source(&arg(args, 6), context)?;
    let ports = match arg(args, 7) {
        v if v.is_undefined() => Vec::new(),
        v => to_message_ports(&v, context)?,
    };
    // initEvent's steps: 1. If this's dispatch flag is set, then return.
    if with_event(this, |e| e.dispatch)? {
        return Ok(JsValue::undefined());
    }
    with_detail_mut(
        this,
        "MessageEvent",
        |state, message: &mut MessageFields| {
            // 2. Initialize this with type, bubbles, and cancelable.
            initialize(state, type_, bubbles, cancelable);
            // And the MessageEvent's own attributes, from the other arguments.
            message.data = data;
            message.origin = Arc::from(origin);
            message.last_event_id = last_event_id;
            message.source = source;
            message.ports = LazyFrozenArray::new(ports);
        },
    )?;
    Ok(JsValue::undefined())
}

/// A new trusted `MessageEvent` of the current realm.
pub(crate) fn create_message_event(
    context: &mut Context,
    type_: &str,
    message: MessageFields,
) -> JsResult<JsObject> {
    create_trusted_event(
        context,
        "MessageEvent",
        type_,
        (false, false),
        Some(Box::new(message)),
    )
}

/// Installs `MessageEvent` in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &MESSAGE_EVENT)?;
    Ok(())
}

fn get_data(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_message(this, |m| m.data.clone())
}

fn get_origin(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_message(this, |m| {
        m.reads.origin.set(true);
        JsString::from(&*m.origin).into()
    })
}

fn get_last_event_id(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_message(this, |m| JsString::from(m.last_event_id.as_str()).into())
}

fn get_source(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_message(this, |m| {
        m.reads.source.set(true);
        m.source.clone()
    })
}

fn get_ports(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // The event is not borrowed while the array is made.
    match with_message(this, |m| m.ports.get_or_items())? {
        Ok(array) => Ok(array),
        Err(items) => {
            let array = frozen_array_of(items, context)?;
            with_message(this, |m| m.ports.set(array.clone()))?;
            Ok(array)
        }
    }
}
