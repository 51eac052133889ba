//! The Window's `focus()` and `blur()` (focus management APIs). Postern has no focus (no
//! user interface, no focused area), so `focus()` stops where the focusing steps would run.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/interaction.html#focus-management-apis>

use std::rc::Rc;

use boa_engine::{Context, JsResult, JsValue};
use postern_dom::BrowsingContextId;

use crate::agent::AgentState;
use crate::agent::realm_data::{RealmData, WindowObject};
use crate::webidl::declaration::{InterfaceDeclaration, Operation};

/// The Window's `focus()` and `blur()` (`partial interface Window`): what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>
pub(crate) const WINDOW_FOCUS_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[
        // undefined focus();
        Operation::new("focus", 0, focus),
        // undefined blur();
        Operation::new("blur", 0, blur),
    ],
    static_operations: &[],
    mixins: &[],
};

/// `window.focus()` on a Window (its `this` was checked: a Window, or a WindowProxy standing
/// for one, cross-origin included since `focus` is one of the CrossOriginProperties).
///
/// Spec: <https://html.spec.whatwg.org/multipage/interaction.html#dom-window-focus>
fn focus(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    // 1. Let current be this's navigable.
    let current = match this
        .as_object()
        .and_then(|object| RealmData::window_object(&object, context))
    {
        Some(WindowObject::Global(window)) => state
            .browsing_context_of(window)
            .filter(|&bc| state.ua.active_window(bc) == Some(window)),
        Some(WindowObject::Proxy(bc)) => Some(bc),
        None => RealmData::window_of_current_realm(context)
            .ok()
            .and_then(|window| state.browsing_context_of(window)),
    };
    // 2. If current is null, then return.
    let Some(current) = current else {
        return Ok(JsValue::undefined());
    };
    window_focus_steps(&state, current);
    Ok(JsValue::undefined())
}

/// Steps 3-5 of `window.focus()` for a navigable that is not null (also what a cross-origin
/// `focus()` through another agent's WindowProxy runs).
///
/// Spec: <https://html.spec.whatwg.org/multipage/interaction.html#dom-window-focus>
pub(crate) fn window_focus_steps(state: &Rc<AgentState>, current: BrowsingContextId) {
    // (current's active document; none once the navigable was destroyed meanwhile.)
    let _active_document = state
        .ua
        .with_tree(|tree| tree.get(current).and_then(|bc| bc.active_document));
    // 3. If the allow focus steps given current's active document return false, then
    //    return.
    // 4. Run the focusing steps with current.
    // 5. If current is a top-level traversable, user agents are encouraged to trigger some
    //    sort of notification to indicate to the user that the page is attempting to gain
    //    focus.
    // Deviation: Postern has no focus (no focused area of the top-level traversable, no
    // focus or blur events), so there is nothing to move: steps 3-5 do nothing.
}

/// `window.blur()`: the blur() method steps are to do nothing.
///
/// Spec: <https://html.spec.whatwg.org/multipage/interaction.html#dom-window-blur>
fn blur(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // (Historically it unfocused the top-level traversable; that is hostile to users.)
    Ok(JsValue::undefined())
}
