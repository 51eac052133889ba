//! The `Event` and `MessageEvent` interfaces.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-event>,
//! <https://html.spec.whatwg.org/multipage/comms.html#the-messageevent-interface>

use boa_engine::class::{Class, ClassBuilder};
use boa_engine::object::builtins::JsArray;
use boa_engine::property::Attribute;
use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, NativeFunction, Trace,
    js_string,
};

use crate::html::error_event::ErrorEvent;
use crate::html::promise_rejection_event::PromiseRejectionEvent;
use crate::webidl::conversions::{arg, to_dom_string, type_error};

/// `Event.eventPhase` values.
pub(crate) mod phase {
    /// NONE.
    pub const NONE: u16 = 0;
    /// AT_TARGET.
    pub const AT_TARGET: u16 = 2;
}

/// The state of an event (the DOM standard's flags and fields).
#[derive(Trace, Finalize, Default)]
pub(crate) struct EventState {
    #[unsafe_ignore_trace]
    pub type_: String,
    #[unsafe_ignore_trace]
    pub bubbles: bool,
    #[unsafe_ignore_trace]
    pub cancelable: bool,
    #[unsafe_ignore_trace]
    pub composed: bool,
    #[unsafe_ignore_trace]
    pub is_trusted: bool,
    #[unsafe_ignore_trace]
    pub event_phase: u16,
    #[unsafe_ignore_trace]
    pub stop_propagation: bool,
    #[unsafe_ignore_trace]
    pub stop_immediate_propagation: bool,
    #[unsafe_ignore_trace]
    pub canceled: bool,
    #[unsafe_ignore_trace]
    pub dispatch: bool,
    #[unsafe_ignore_trace]
    pub time_stamp: f64,
    pub target: JsValue,
    pub current_target: JsValue,
}

/// The extra fields of a MessageEvent.
#[derive(Trace, Finalize, Default)]
pub(crate) struct MessageFields {
    pub data: JsValue,
    #[unsafe_ignore_trace]
    pub origin: String,
    #[unsafe_ignore_trace]
    pub last_event_id: String,
    pub source: JsValue,
    /// A frozen array of MessagePorts.
    pub ports: JsValue,
}

/// An `Event` object's data.
#[derive(Trace, Finalize, JsData, Default)]
pub(crate) struct Event {
    pub state: EventState,
}

/// A `MessageEvent` object's data.
#[derive(Trace, Finalize, JsData, Default)]
pub(crate) struct MessageEvent {
    pub state: EventState,
    pub message: MessageFields,
}

/// Runs `f` on the event state of `this`, which may be any kind of event.
pub(crate) fn with_event<R>(this: &JsValue, f: impl FnOnce(&mut EventState) -> R) -> JsResult<R> {
    let object = this
        .as_object()
        .ok_or_else(|| type_error("'this' is not an Event"))?;
    if let Some(mut event) = object.downcast_mut::<Event>() {
        return Ok(f(&mut event.state));
    }
    if let Some(mut event) = object.downcast_mut::<MessageEvent>() {
        return Ok(f(&mut event.state));
    }
    if let Some(mut event) = object.downcast_mut::<ErrorEvent>() {
        return Ok(f(&mut event.state));
    }
    if let Some(mut event) = object.downcast_mut::<PromiseRejectionEvent>() {
        return Ok(f(&mut event.state));
    }
    Err(type_error("'this' is not an Event"))
}

fn with_message<R>(this: &JsValue, f: impl FnOnce(&MessageFields) -> R) -> JsResult<R> {
    this.as_object()
        .and_then(|o| o.downcast_ref::<MessageEvent>().map(|e| f(&e.message)))
        .ok_or_else(|| type_error("'this' is not a MessageEvent"))
}

pub(crate) type Getter = fn(&JsValue, &[JsValue], &mut Context) -> JsResult<JsValue>;

/// Defines a read-only attribute on a class's prototype.
pub(crate) fn accessor(class: &mut ClassBuilder<'_>, name: &str, getter: Getter) {
    let realm = class.context().realm().clone();
    let get = NativeFunction::from_fn_ptr(getter).to_js_function(&realm);
    class.accessor(
        JsString::from(name),
        Some(get),
        None,
        Attribute::CONFIGURABLE | Attribute::ENUMERABLE,
    );
}

fn method(class: &mut ClassBuilder<'_>, name: &str, length: usize, body: Getter) {
    class.method(
        JsString::from(name),
        length,
        NativeFunction::from_fn_ptr(body),
    );
}

fn init_event_members(class: &mut ClassBuilder<'_>) {
    accessor(class, "type", |this, _, _| {
        with_event(this, |e| JsString::from(e.type_.as_str()).into())
    });
    accessor(class, "target", |this, _, _| {
        with_event(this, |e| e.target.clone())
    });
    accessor(class, "srcElement", |this, _, _| {
        with_event(this, |e| e.target.clone())
    });
    accessor(class, "currentTarget", |this, _, _| {
        with_event(this, |e| e.current_target.clone())
    });
    accessor(class, "eventPhase", |this, _, _| {
        with_event(this, |e| JsValue::new(e.event_phase))
    });
    accessor(class, "bubbles", |this, _, _| {
        with_event(this, |e| JsValue::new(e.bubbles))
    });
    accessor(class, "cancelable", |this, _, _| {
        with_event(this, |e| JsValue::new(e.cancelable))
    });
    accessor(class, "composed", |this, _, _| {
        with_event(this, |e| JsValue::new(e.composed))
    });
    accessor(class, "defaultPrevented", |this, _, _| {
        with_event(this, |e| JsValue::new(e.canceled))
    });
    // TODO(spec): isTrusted is [LegacyUnforgeable]: an own property of each instance.
    accessor(class, "isTrusted", |this, _, _| {
        with_event(this, |e| JsValue::new(e.is_trusted))
    });
    accessor(class, "timeStamp", |this, _, _| {
        with_event(this, |e| JsValue::new(e.time_stamp))
    });
    method(class, "stopPropagation", 0, |this, _, _| {
        with_event(this, |e| e.stop_propagation = true)?;
        Ok(JsValue::undefined())
    });
    method(class, "stopImmediatePropagation", 0, |this, _, _| {
        with_event(this, |e| {
            e.stop_propagation = true;
            e.stop_immediate_propagation = true;
        })?;
        Ok(JsValue::undefined())
    });
    method(class, "preventDefault", 0, |this, _, _| {
        with_event(this, |e| {
            if e.cancelable {
                e.canceled = true;
            }
        })?;
        Ok(JsValue::undefined())
    });
    for (name, value) in [
        ("NONE", 0),
        ("CAPTURING_PHASE", 1),
        ("AT_TARGET", 2),
        ("BUBBLING_PHASE", 3),
    ] {
        class.property(JsString::from(name), value, Attribute::ENUMERABLE);
        class.static_property(JsString::from(name), value, Attribute::ENUMERABLE);
    }
}

/// EventInit's members, read from a dictionary argument.
pub(crate) fn event_init(init: &JsValue, context: &mut Context) -> JsResult<(bool, bool, bool)> {
    let Some(init) = init.as_object() else {
        if init.is_null_or_undefined() {
            return Ok((false, false, false));
        }
        return Err(type_error("EventInit must be an object"));
    };
    let bubbles = init.get(js_string!("bubbles"), context)?.to_boolean();
    let cancelable = init.get(js_string!("cancelable"), context)?.to_boolean();
    let composed = init.get(js_string!("composed"), context)?.to_boolean();
    Ok((bubbles, cancelable, composed))
}

/// The state of a new, untrusted event.
pub(crate) fn new_state(type_: String, init: (bool, bool, bool)) -> EventState {
    let mut state = EventState::default();
    state.type_ = type_;
    state.bubbles = init.0;
    state.cancelable = init.1;
    state.composed = init.2;
    state
}

impl Class for Event {
    const NAME: &'static str = "Event";
    const LENGTH: usize = 1;

    fn init(class: &mut ClassBuilder<'_>) -> JsResult<()> {
        init_event_members(class);
        Ok(())
    }

    fn data_constructor(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<Self> {
        if args.is_empty() {
            return Err(type_error("Event constructor: 1 argument required"));
        }
        let type_ = to_dom_string(&arg(args, 0), context)?;
        let init = event_init(&arg(args, 1), context)?;
        Ok(Event {
            state: new_state(type_, init),
        })
    }
}

impl Class for MessageEvent {
    const NAME: &'static str = "MessageEvent";
    const LENGTH: usize = 1;

    fn init(class: &mut ClassBuilder<'_>) -> JsResult<()> {
        accessor(class, "data", |this, _, _| {
            with_message(this, |m| m.data.clone())
        });
        accessor(class, "origin", |this, _, _| {
            with_message(this, |m| JsString::from(m.origin.as_str()).into())
        });
        accessor(class, "lastEventId", |this, _, _| {
            with_message(this, |m| JsString::from(m.last_event_id.as_str()).into())
        });
        accessor(class, "source", |this, _, _| {
            with_message(this, |m| m.source.clone())
        });
        accessor(class, "ports", |this, _, _| {
            with_message(this, |m| m.ports.clone())
        });
        Ok(())
    }

    fn data_constructor(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<Self> {
        if args.is_empty() {
            return Err(type_error("MessageEvent constructor: 1 argument required"));
        }
        let type_ = to_dom_string(&arg(args, 0), context)?;
        let init_value = arg(args, 1);
        let init = event_init(&init_value, context)?;
        let mut message = MessageFields::default();
        if let Some(dict) = init_value.as_object() {
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
            // TODO(spec): ports must be a sequence<MessagePort>; source a WindowProxy,
            // MessagePort or ServiceWorker (TypeError otherwise).
            message.source = match dict.get(js_string!("source"), context)? {
                v if v.is_undefined() => JsValue::null(),
                v => v,
            };
            let ports = dict.get(js_string!("ports"), context)?;
            message.ports = frozen_array(&ports, context)?;
        } else {
            message.data = JsValue::null();
            message.source = JsValue::null();
            message.ports = frozen_array(&JsValue::undefined(), context)?;
        }
        Ok(MessageEvent {
            state: new_state(type_, init),
            message,
        })
    }
}

/// A frozen array of the values of `list` (an iterable's elements by index), or an empty one.
pub(crate) fn frozen_array(list: &JsValue, context: &mut Context) -> JsResult<JsValue> {
    let array = JsArray::new(context)?;
    if let Some(object) = list.as_object() {
        let length = object
            .get(js_string!("length"), context)?
            .to_length(context)?;
        for i in 0..length {
            array.push(object.get(i, context)?, context)?;
        }
    }
    let object: JsObject = array.into();
    object.set_integrity_level(boa_engine::object::IntegrityLevel::Frozen, context)?;
    Ok(object.into())
}

/// Registers `Event` and `MessageEvent` (inheriting from it) in the current realm.
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    context.register_global_class::<Event>()?;
    context.register_global_class::<MessageEvent>()?;
    if let (Some(event), Some(message_event)) = (
        context.get_global_class::<Event>(),
        context.get_global_class::<MessageEvent>(),
    ) {
        message_event
            .prototype()
            .set_prototype(Some(event.prototype()));
        message_event
            .constructor()
            .set_prototype(Some(event.constructor()));
    }
    Ok(())
}

/// A new trusted `Event` of the current realm.
pub(crate) fn create_event(context: &mut Context, type_: &str) -> JsResult<JsObject> {
    let mut state = new_state(type_.into(), (false, false, false));
    state.is_trusted = true;
    Event::from_data(Event { state }, context)
}

/// A new trusted `MessageEvent` of the current realm.
pub(crate) fn create_message_event(
    context: &mut Context,
    type_: &str,
    message: MessageFields,
) -> JsResult<JsObject> {
    let mut state = new_state(type_.into(), (false, false, false));
    state.is_trusted = true;
    MessageEvent::from_data(MessageEvent { state, message }, context)
}
