//! The `Event` interface: the DOM's event state and flags, shared by every event interface.
//!
//! An interface that inherits from Event (`MessageEvent`, `ErrorEvent`, ...) keeps what it adds
//! as an [`EventDetail`] inside the same [`Event`] object data, so the base reads and writes its
//! own state without knowing its subclasses.
//!
//! Spec: <https://dom.spec.whatwg.org/#interface-event>

use std::any::Any;

use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace, js_string,
};

use crate::webidl::conversions::{arg, to_dom_string, type_error};
use crate::webidl::declaration::{
    Attribute, Constant, Constructor, InterfaceDeclaration, Operation,
};
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface Event`: what scripts see.
///
/// Spec: <https://dom.spec.whatwg.org/#interface-event>
pub(crate) const EVENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "Event",
    inherits: None,
    constructor: Some(Constructor {
        length: 1,
        steps: construct,
    }),
    constants: &[
        Constant {
            name: "NONE",
            value: phase::NONE,
        },
        Constant {
            name: "CAPTURING_PHASE",
            value: phase::CAPTURING_PHASE,
        },
        Constant {
            name: "AT_TARGET",
            value: phase::AT_TARGET,
        },
        Constant {
            name: "BUBBLING_PHASE",
            value: phase::BUBBLING_PHASE,
        },
    ],
    attributes: &[
        Attribute::readonly("type", get_type),
        Attribute::readonly("target", get_target),
        Attribute::readonly("srcElement", get_target),
        Attribute::readonly("currentTarget", get_current_target),
        Attribute::readonly("eventPhase", get_event_phase),
        Attribute::readonly("bubbles", get_bubbles),
        Attribute::readonly("cancelable", get_cancelable),
        Attribute::readonly("defaultPrevented", get_default_prevented),
        Attribute::readonly("composed", get_composed),
        Attribute::readonly("isTrusted", get_is_trusted).unforgeable(),
        Attribute::readonly("timeStamp", get_time_stamp),
    ],
    operations: &[
        Operation::new("stopPropagation", 0, stop_propagation),
        Operation::new("stopImmediatePropagation", 0, stop_immediate_propagation),
        Operation::new("preventDefault", 0, prevent_default),
    ],
    static_operations: &[],
    mixins: &[],
};

/// `Event.eventPhase` values.
pub(crate) mod phase {
    /// NONE.
    pub const NONE: u16 = 0;
    /// CAPTURING_PHASE.
    pub const CAPTURING_PHASE: u16 = 1;
    /// AT_TARGET.
    pub const AT_TARGET: u16 = 2;
    /// BUBBLING_PHASE.
    pub const BUBBLING_PHASE: u16 = 3;
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
    /// How many listeners inner invoke has called for it (for the embedder's message traces).
    #[unsafe_ignore_trace]
    pub listeners_run: u32,
    pub target: JsValue,
    pub current_target: JsValue,
}

/// What an interface inheriting from Event adds to an event (its extra attributes' values).
pub(crate) trait EventDetail: Trace + Any {
    /// The detail as `Any`, for its own interface to downcast.
    fn as_any(&self) -> &dyn Any;

    /// The detail as mutable `Any`, for an interface whose attributes an operation sets
    /// (`initMessageEvent`); `None` for the others.
    fn as_any_mut(&mut self) -> Option<&mut dyn Any> {
        None
    }
}

/// An event object's data: the event state, and the detail of its interface if it inherits
/// from Event.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct Event {
    /// The DOM's event state.
    pub state: EventState,
    /// What the event's interface adds, if it is not `Event` itself.
    pub detail: Option<Box<dyn EventDetail>>,
}

/// Runs `f` on the event state of `this`, which may be any kind of event.
pub(crate) fn with_event<R>(this: &JsValue, f: impl FnOnce(&mut EventState) -> R) -> JsResult<R> {
    this.as_object()
        .and_then(|object| object.downcast_mut::<Event>().map(|mut e| f(&mut e.state)))
        .ok_or_else(|| type_error("'this' is not an Event"))
}

/// Runs `f` on the detail of `this` if it is an event whose detail is a `D`.
pub(crate) fn with_detail<D: EventDetail, R>(
    this: &JsValue,
    interface: &str,
    f: impl FnOnce(&D) -> R,
) -> JsResult<R> {
    let object = this.as_object();
    let event = object.as_ref().and_then(|o| o.downcast_ref::<Event>());
    event
        .as_ref()
        .and_then(|e| e.detail.as_ref())
        .and_then(|d| d.as_any().downcast_ref::<D>())
        .map(f)
        .ok_or_else(|| type_error(format!("'this' is not a {interface}")))
}

/// Runs `f` on the event state and the mutable detail of `this` if it is an event whose detail
/// is a `D` that gives itself mutably.
pub(crate) fn with_detail_mut<D: EventDetail, R>(
    this: &JsValue,
    interface: &str,
    f: impl FnOnce(&mut EventState, &mut D) -> R,
) -> JsResult<R> {
    let object = this.as_object();
    let mut event = object.as_ref().and_then(|o| o.downcast_mut::<Event>());
    let Some(event) = event.as_mut() else {
        return Err(type_error(format!("'this' is not a {interface}")));
    };
    let Event { state, detail } = &mut **event;
    detail
        .as_mut()
        .and_then(|d| d.as_any_mut())
        .and_then(|d| d.downcast_mut::<D>())
        .map(|d| f(state, d))
        .ok_or_else(|| type_error(format!("'this' is not a {interface}")))
}

/// Initialize `event` with `type_`, `bubbles` and `cancelable`.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-initialize>
pub(crate) fn initialize(event: &mut EventState, type_: String, bubbles: bool, cancelable: bool) {
    // 1. Set event's initialized flag. (Every event here is initialized.)
    // 2. Unset event's stop propagation flag, stop immediate propagation flag, and canceled
    //    flag.
    event.stop_propagation = false;
    event.stop_immediate_propagation = false;
    event.canceled = false;
    // 3. Set event's isTrusted attribute to false.
    event.is_trusted = false;
    // 4. Set event's target to null.
    event.target = JsValue::null();
    // 5. Set event's type attribute to type.
    event.type_ = type_;
    // 6. Set event's bubbles attribute to bubbles.
    event.bubbles = bubbles;
    // 7. Set event's cancelable attribute to cancelable.
    event.cancelable = cancelable;
}

/// `new Event(type, eventInitDict)`.
///
/// Spec: <https://dom.spec.whatwg.org/#dom-event-event>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "Event")?;
    let (state, _) = constructor_state("Event", 1, args, context)?;
    let event = Event {
        state,
        detail: None,
    };
    Ok(create_an_object_implementing(context, "Event", Some(&new_target), event)?.into())
}

/// The common part of every event constructor: the `type` argument and the `EventInit`
/// members of the dictionary (the second argument, returned for the subclass's own members).
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-constructor>
pub(crate) fn constructor_state(
    interface: &str,
    required: usize,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<(EventState, JsValue)> {
    if args.len() < required {
        return Err(type_error(format!(
            "Failed to construct '{interface}': {required} argument{} required, but only {} present.",
            if required == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let type_ = to_dom_string(&arg(args, 0), context)?;
    let init = arg(args, 1);
    // 1-2. Create an event; set its initialized flag. 3. Initialize its type attribute.
    // 4. For each member of eventInitDict, set the attribute of the same name.
    let flags = event_init(&init, context)?;
    Ok((new_state(type_, flags), init))
}

/// EventInit's members (bubbles, cancelable, composed), read from a dictionary argument.
fn event_init(init: &JsValue, context: &mut Context) -> JsResult<(bool, bool, bool)> {
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
    // An event's target and currentTarget are null until it is dispatched.
    state.target = JsValue::null();
    state.current_target = JsValue::null();
    state.type_ = type_;
    state.bubbles = init.0;
    state.cancelable = init.1;
    state.composed = init.2;
    state
}

/// A new trusted event of the current realm implementing `interface` (Event or one inheriting
/// from it, whose detail is `detail`), with `bubbles`/`cancelable` as given.
pub(crate) fn create_trusted_event(
    context: &mut Context,
    interface: &str,
    type_: &str,
    flags: (bool, bool),
    detail: Option<Box<dyn EventDetail>>,
) -> JsResult<JsObject> {
    let mut state = new_state(type_.into(), (flags.0, flags.1, false));
    state.is_trusted = true;
    create_an_object_implementing(context, interface, None, Event { state, detail })
}

/// A new trusted `Event` of the current realm.
pub(crate) fn create_event(context: &mut Context, type_: &str) -> JsResult<JsObject> {
    create_trusted_event(context, "Event", type_, (false, false), None)
}

/// Installs `Event` in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &EVENT)?;
    Ok(())
}

fn get_type(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| JsString::from(e.type_.as_str()).into())
}

fn get_target(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| e.target.clone())
}

fn get_current_target(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| e.current_target.clone())
}

fn get_event_phase(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| JsValue::new(e.event_phase))
}

fn get_bubbles(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| JsValue::new(e.bubbles))
}

fn get_cancelable(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| JsValue::new(e.cancelable))
}

fn get_default_prevented(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| JsValue::new(e.canceled))
}

fn get_composed(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| JsValue::new(e.composed))
}

fn get_is_trusted(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| JsValue::new(e.is_trusted))
}

fn get_time_stamp(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| JsValue::new(e.time_stamp))
}

/// `stopPropagation()`: set this's stop propagation flag.
fn stop_propagation(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| e.stop_propagation = true)?;
    Ok(JsValue::undefined())
}

/// `stopImmediatePropagation()`: set this's stop propagation and stop immediate propagation
/// flags.
fn stop_immediate_propagation(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| {
        e.stop_propagation = true;
        e.stop_immediate_propagation = true;
    })?;
    Ok(JsValue::undefined())
}

/// `preventDefault()`: set the canceled flag if this is cancelable (and not in a passive
/// listener).
fn prevent_default(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_event(this, |e| {
        if e.cancelable {
            e.canceled = true;
        }
    })?;
    Ok(JsValue::undefined())
}
