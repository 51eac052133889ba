//! The `PageTransitionEvent` interface (`pageshow`, `pagehide`) and "fire a page transition
//! event".
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-pagetransitionevent-interface>

use std::any::Any;
use std::rc::Rc;

use boa_engine::{Context, Finalize, JsObject, JsResult, JsValue, Trace, js_string};

use crate::agent::AgentState;
use crate::dom::event::{Event, EventDetail, constructor_state, create_trusted_event, with_detail};
use crate::dom::event_target::dispatch_with_legacy_target_override;
use crate::ids::WindowId;
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration};
use crate::webidl::interface::{create_an_object_implementing, install_interface, new_target};

/// `interface PageTransitionEvent : Event`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-pagetransitionevent-interface>
pub(crate) const PAGE_TRANSITION_EVENT: InterfaceDeclaration = InterfaceDeclaration {
    name: "PageTransitionEvent",
    inherits: Some("Event"),
    // constructor(DOMString type, optional PageTransitionEventInit eventInitDict = {});
    constructor: Some(Constructor {
        length: 1,
        steps: construct,
    }),
    constants: &[],
    // readonly attribute boolean persisted;
    attributes: &[Attribute::readonly("persisted", get_persisted)],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// What a PageTransitionEvent adds to an event.
#[derive(Trace, Finalize, Default)]
pub(crate) struct PageTransitionFields {
    /// `persisted`.
    pub persisted: bool,
}

impl EventDetail for PageTransitionFields {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `persisted`'s getter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-pagetransitionevent-persisted>
fn get_persisted(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    with_detail(this, "PageTransitionEvent", |e: &PageTransitionFields| {
        JsValue::new(e.persisted)
    })
}

/// `new PageTransitionEvent(type, eventInitDict)`.
///
/// Spec: <https://dom.spec.whatwg.org/#concept-event-constructor>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "PageTransitionEvent")?;
    // EventInit's members first, then PageTransitionEventInit's (`boolean persisted = false`).
    let (state, init) = constructor_state("PageTransitionEvent", 1, args, context)?;
    let persisted = match init.as_object() {
        Some(dict) => dict.get(js_string!("persisted"), context)?.to_boolean(),
        None => false,
    };
    let event = Event {
        state,
        detail: Some(Box::new(PageTransitionFields { persisted })),
    };
    let object =
        create_an_object_implementing(context, "PageTransitionEvent", Some(&new_target), event)?;
    Ok(object.into())
}

/// Registers `PageTransitionEvent` (inheriting from `Event`) in the current realm.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &PAGE_TRANSITION_EVENT)?;
    Ok(())
}

/// Fire a page transition event named `name` at `window` (in its realm) with `persisted`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#fire-a-page-transition-event>
pub(crate) fn fire_a_page_transition_event(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    name: &str,
    persisted: bool,
) {
    let Some(realm) = state.windows.borrow().get(&window).map(|w| w.realm.clone()) else {
        return;
    };
    let previous = context.enter_realm(realm);
    // To fire a page transition event named eventName at a Window window with a boolean
    // persisted, fire an event named eventName at window, using PageTransitionEvent, with
    // the persisted attribute initialized to persisted, the cancelable attribute initialized
    // to true, the bubbles attribute initialized to true, and legacy target override flag
    // set.
    let detail = PageTransitionFields { persisted };
    if let Ok(event) = create_trusted_event(
        context,
        "PageTransitionEvent",
        name,
        (true, true),
        Some(Box::new(detail)),
    ) {
        let _ = dispatch_with_legacy_target_override(state, context, window, &event);
    }
    context.enter_realm(previous);
}
