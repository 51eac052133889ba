//! The `MessageEvent` interface: the event a posted message arrives as.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/comms.html#the-messageevent-interface>

use std::any::Any;

use boa_engine::{Context, Finalize, JsObject, JsResult, JsString, JsValue, Trace, js_string};

use crate::dom::event::{Event, EventDetail, constructor_state, create_trusted_event, with_detail};
use crate::html::structured_data::structured_clone::sequence_of_objects;
use crate::html::web_messaging::message_port::is_detached_port;
use crate::webidl::conversions::{LazyFrozenArray, frozen_array_of, to_dom_string, type_error};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration};
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
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// What a MessageEvent adds to an event.
#[derive(Trace, Finalize, Default)]
pub(crate) struct MessageFields {
    /// `data`.
    pub data: JsValue,
    /// `origin`.
    #[unsafe_ignore_trace]
    pub origin: String,
    /// `lastEventId`.
    #[unsafe_ignore_trace]
    pub last_event_id: String,
    /// `source`: a WindowProxy, a MessagePort, or null.
    pub source: JsValue,
    /// `ports`: a frozen array of MessagePorts, made when first read.
    pub ports: LazyFrozenArray,
}

impl EventDetail for MessageFields {
    fn as_any(&self) -> &dyn Any {
        self
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
    let (state, init) = constructor_state("MessageEvent", 1, args, context)?;
    let mut message = MessageFields::default();
    if let Some(dict) = init.as_object() {
        // MessageEventInit, members in lexicographic order as WebIDL reads them.
        // `any data = null`: an absent member takes its default.
        message.data = match dict.get(js_string!("data"), context)? {
            v if v.is_undefined() => JsValue::null(),
            v => v,
        };
        let last = dict.get(js_string!("lastEventId"), context)?;
        if !last.is_undefined() {
            message.last_event_id = to_dom_string(&last, context)?;
        }
        let origin = dict.get(js_string!("origin"), context)?;
        if !origin.is_undefined() {
            message.origin = to_dom_string(&origin, context)?;
        }
        // `sequence<MessagePort> ports = []`.
        let ports = dict.get(js_string!("ports"), context)?;
        let ports = if ports.is_undefined() {
            Vec::new()
        } else {
            sequence_of_objects(&ports, context)?
        };
        if ports.iter().any(|p| is_detached_port(p).is_none()) {
            return Err(type_error(
                "Failed to construct 'MessageEvent': Failed to read the 'ports' property from 'MessageEventInit': Failed to convert value to 'MessagePort'.",
            ));
        }
        message.ports = LazyFrozenArray::new(ports.into_iter().map(JsValue::from).collect());
        // TODO(spec): source must be a WindowProxy, MessagePort or ServiceWorker (TypeError
        // otherwise).
        message.source = match dict.get(js_string!("source"), context)? {
            v if v.is_undefined() => JsValue::null(),
            v => v,
        };
    } else {
        message.data = JsValue::null();
        message.source = JsValue::null();
        message.ports = LazyFrozenArray::default();
    }
    let event = Event {
        state,
        detail: Some(Box::new(message)),
    };
    Ok(create_an_object_implementing(context, "MessageEvent", Some(&new_target), event)?.into())
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
    with_message(this, |m| JsString::from(m.origin.as_str()).into())
}

fn get_last_event_id(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_message(this, |m| JsString::from(m.last_event_id.as_str()).into())
}

fn get_source(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_message(this, |m| m.source.clone())
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
