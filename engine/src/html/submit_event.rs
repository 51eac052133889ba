//! The `SubmitEvent` interface: the `submit` event a form fires, with its submitter.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#the-submitevent-interface>

use std::any::Any;

use boa_engine::{Context, Finalize, JsObject, JsResult, JsValue, Trace, js_string};

use crate::dom::event::{Event, EventDetail, constructor_state, create_trusted_event, with_detail};
use crate::dom::wrappers::node_of;
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration};
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface SubmitEvent : Event`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#the-submitevent-interface>
pub(crate) const SUBMIT_EVENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "SubmitEvent",
    inherits: Some("Event"),
    constructor: Some(Constructor {
        length: 1,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        // readonly attribute HTMLElement? submitter;
        Attribute::readonly("submitter", get_submitter),
    ],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// What a SubmitEvent adds to an event.
#[derive(Trace, Finalize, Default)]
struct SubmitFields {
    /// `submitter`: an element or null.
    submitter: JsValue,
}

impl EventDetail for SubmitFields {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn get_submitter(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_detail(this, "SubmitEvent", |e: &SubmitFields| e.submitter.clone())
}

/// `new SubmitEvent(type, eventInitDict)`: `submitter` is an HTMLElement or null.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-constructor>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "SubmitEvent")?;
    let (state, init) = constructor_state("SubmitEvent", 1, args, context)?;
    let submitter = match init.as_object() {
        Some(dict) => dict.get(js_string!("submitter"), context)?,
        None => JsValue::undefined(),
    };
    // `HTMLElement? submitter = null`.
    // Deviation: any element is accepted (there is no HTMLElement brand check here).
    let submitter = if submitter.is_null_or_undefined() {
        JsValue::null()
    } else if submitter.as_object().and_then(|o| node_of(&o)).is_some() {
        submitter
    } else {
        return Err(type_error(
            "Failed to construct 'SubmitEvent': member submitter is not of type HTMLElement.",
        ));
    };
    let event = Event {
        state,
        detail: Some(Box::new(SubmitFields { submitter })),
    };
    Ok(create_an_object_implementing(context, "SubmitEvent", Some(&new_target), event)?.into())
}

/// A new trusted, bubbling, cancelable `submit` SubmitEvent of the current realm whose
/// submitter is `submitter` (an element's wrapper, or null).
pub(crate) fn create_submit_event(context: &mut Context, submitter: JsValue) -> JsResult<JsObject> {
    create_trusted_event(
        context,
        "SubmitEvent",
        "submit",
        (true, true),
        Some(Box::new(SubmitFields { submitter })),
    )
}

/// Installs `SubmitEvent` in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &SUBMIT_EVENT)?;
    Ok(())
}
