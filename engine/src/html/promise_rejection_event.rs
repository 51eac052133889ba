//! The `PromiseRejectionEvent` interface.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#the-promiserejectionevent-interface>

use std::any::Any;

use boa_engine::{Context, Finalize, JsObject, JsResult, JsValue, Trace, js_string};

use crate::dom::event::{Event, EventDetail, constructor_state, create_trusted_event, with_detail};
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration};
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface PromiseRejectionEvent : Event`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#the-promiserejectionevent-interface>
pub(crate) const PROMISE_REJECTION_EVENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "PromiseRejectionEvent",
    inherits: Some("Event"),
    constructor: Some(Constructor {
        length: 2,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        Attribute::readonly("promise", get_promise),
        Attribute::readonly("reason", get_reason),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// What a PromiseRejectionEvent adds to an event.
#[derive(Trace, Finalize, Default)]
pub(crate) struct PromiseRejectionFields {
    /// `promise`.
    pub promise: JsValue,
    /// `reason`.
    pub reason: JsValue,
}

impl EventDetail for PromiseRejectionFields {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn with_this<R>(this: &JsValue, f: impl FnOnce(&PromiseRejectionFields) -> R) -> JsResult<R> {
    with_detail(this, "PromiseRejectionEvent", f)
}

fn get_promise(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_this(this, |e| e.promise.clone())
}

fn get_reason(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_this(this, |e| e.reason.clone())
}

/// `new PromiseRejectionEvent(type, eventInitDict)`: the dictionary and its `promise`
/// member are required.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-constructor>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "PromiseRejectionEvent")?;
    // EventInit's members first, then PromiseRejectionEventInit's in lexicographic order.
    let (state, init) = constructor_state("PromiseRejectionEvent", 2, args, context)?;
    let (promise, reason) = match init.as_object() {
        Some(dict) => (
            dict.get(js_string!("promise"), context)?,
            dict.get(js_string!("reason"), context)?,
        ),
        None => (JsValue::undefined(), JsValue::undefined()),
    };
    // `required object promise`: a TypeError when missing or not an object.
    if !promise.is_object() {
        return Err(type_error(
            "Failed to construct 'PromiseRejectionEvent': required member promise is undefined.",
        ));
    }
    let event = Event {
        state,
        detail: Some(Box::new(PromiseRejectionFields { promise, reason })),
    };
    let object =
        create_an_object_implementing(context, "PromiseRejectionEvent", Some(&new_target), event)?;
    Ok(object.into())
}

/// Registers `PromiseRejectionEvent` (inheriting from `Event`) in the current realm (the
/// Window's `onunhandledrejection` and `onrejectionhandled` are WindowEventHandlers').
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &PROMISE_REJECTION_EVENT)?;
    Ok(())
}

/// A new trusted, cancelable `PromiseRejectionEvent` of the current realm.
pub(crate) fn create_promise_rejection_event(
    context: &mut Context,
    type_: &str,
    promise: JsObject,
    reason: JsValue,
) -> JsResult<JsObject> {
    let detail = PromiseRejectionFields {
        promise: promise.into(),
        reason,
    };
    create_trusted_event(
        context,
        "PromiseRejectionEvent",
        type_,
        (false, true),
        Some(Box::new(detail)),
    )
}
