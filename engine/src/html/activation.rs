//! Activation: `HTMLElement.click()`, firing a synthetic pointer event, and the activation
//! behaviour the DOM's dispatch runs for a `click` MouseEvent (an `a` or `area` follows its
//! hyperlink; a form's submit button submits it).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/interaction.html#dom-click>,
//! <https://html.spec.whatwg.org/multipage/webappapis.html#fire-a-synthetic-pointer-event>,
//! <https://dom.spec.whatwg.org/#eventtarget-activation-behavior>

use std::rc::Rc;

use boa_engine::{Context, JsObject, JsResult, JsValue};

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::dom::element::this_element;
use crate::dom::event::new_state;
use crate::dom::event_target::dispatch;
use crate::dom::wrappers::NodeRef;
use crate::html::form_submission::{form_submission_activation_behavior, is_submit_button};
use crate::html::links::{activation_behavior_of_a_and_area, is_hyperlink_element};
use crate::html::window_proxy::window_proxy_of_window;
use crate::ids::{NodeId, WindowId};
use crate::uievents::mouse_event::create_mouse_event;

/// `click()`: runs the click steps on this element.
///
/// Spec: <https://html.spec.whatwg.org/multipage/interaction.html#dom-click>
pub(crate) fn click(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let element = this_element(this, context)?;
    let state = AgentState::of(context)?;
    // 1. If this element is a form control that is disabled, then return.
    let disabled = state
        .windows
        .borrow()
        .get(&element.window)
        .is_some_and(|w| {
            let document = w.document.borrow();
            ["button", "input", "select", "textarea"]
                .iter()
                .any(|name| document.is_html_element(element.node, name))
                && document.get_attribute(element.node, "disabled").is_some()
        });
    if disabled {
        return Ok(JsValue::undefined());
    }
    // 2. If this element's click in progress flag is set, then return.
    // 3. Set this element's click in progress flag.
    let set = state
        .windows
        .borrow_mut()
        .get_mut(&element.window)
        .is_some_and(|w| w.click_in_progress.insert(element.node));
    if !set {
        return Ok(JsValue::undefined());
    }
    // 4. Fire a synthetic pointer event named click at this element, with the not trusted
    //    flag set.
    let result = fire_a_synthetic_pointer_event(&state, context, element, "click", true);
    // 5. Unset this element's click in progress flag.
    if let Some(w) = state.windows.borrow_mut().get_mut(&element.window) {
        w.click_in_progress.remove(&element.node);
    }
    result?;
    Ok(JsValue::undefined())
}

/// Fire a synthetic pointer event named `type_` at `target`: whether it was not canceled.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#fire-a-synthetic-pointer-event>
pub(crate) fn fire_a_synthetic_pointer_event(
    state: &Rc<AgentState>,
    context: &mut Context,
    target: NodeRef,
    type_: &str,
    not_trusted: bool,
) -> JsResult<bool> {
    // 1. Let event be the result of creating an event using PointerEvent.
    // Deviation: a MouseEvent (there is no PointerEvent interface; a PointerEvent is one).
    // 2. Initialize event's type attribute to e.
    // 3. Initialize event's bubbles and cancelable attributes to true.
    // 4. Set event's composed flag.
    let mut event_state = new_state(type_.to_owned(), (true, true, true));
    // 5. If the not trusted flag is set, initialize event's isTrusted attribute to false.
    event_state.is_trusted = !not_trusted;
    // 6. Initialize event's ctrlKey, shiftKey, altKey, and metaKey attributes according to
    //    the current state of the key input device, if any (false for any keys that are
    //    not available). (There is no key input device: all false.)
    // 7. Initialize event's view attribute to target's node document's Window object, if
    //    any, and null otherwise.
    let view = window_proxy_of_window(state, context, target.window)?;
    // 8. event's getModifierState() method is to return values appropriately describing
    //    the current state of the key input device. (TODO(spec): no getModifierState.)
    let event = create_mouse_event(context, event_state, view)?;
    // 9. Return the result of dispatching event at target.
    dispatch(
        state,
        context,
        target.window,
        EventTargetKey::Node(target.node),
        &event,
    )
}

/// Whether `node` of `window`'s document has activation behaviour (an `a` or `area`
/// element, or a submit button).
///
/// Spec: <https://dom.spec.whatwg.org/#eventtarget-activation-behavior>
pub(crate) fn has_activation_behavior(state: &AgentState, window: WindowId, node: NodeId) -> bool {
    state.windows.borrow().get(&window).is_some_and(|w| {
        let document = w.document.borrow();
        is_hyperlink_element(&document, node) || is_submit_button(&document, node)
    })
}

/// Runs the activation behaviour of `target` (an element for which
/// [`has_activation_behavior`] holds) with `event`.
///
/// Spec: <https://dom.spec.whatwg.org/#eventtarget-activation-behavior>
pub(crate) fn run_activation_behavior(
    state: &Rc<AgentState>,
    context: &mut Context,
    target: NodeRef,
    event: &JsObject,
) -> JsResult<()> {
    let (hyperlink, submit) = match state.windows.borrow().get(&target.window) {
        Some(w) => {
            let document = w.document.borrow();
            (
                is_hyperlink_element(&document, target.node),
                is_submit_button(&document, target.node),
            )
        }
        None => return Ok(()),
    };
    let event = JsValue::from(event.clone());
    if hyperlink {
        activation_behavior_of_a_and_area(state, context, target, &event)
    } else if submit {
        form_submission_activation_behavior(state, context, target)
    } else {
        Ok(())
    }
}
