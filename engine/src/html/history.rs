//! The `History` interface (its `length`) and the Window's `history` attribute.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-history-interface>

use std::rc::Rc;

use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace};
use postern_dom::BrowsingContextId;

use crate::agent::AgentState;
use crate::agent::window::{document_key, is_fully_active};
use crate::ids::WindowId;
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{Attribute, InterfaceDeclaration};
use crate::webidl::dom_exception;
use crate::webidl::interface::{
    create_an_object_implementing, define_global_members, install_interface,
};

/// `interface History`: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-history-interface>
// TODO(spec): scrollRestoration, state, go(), back(), forward(), pushState(), replaceState()
// (Postern keeps no session history entries, only their count).
pub(crate) const HISTORY: InterfaceDeclaration = InterfaceDeclaration {
    name: "History",
    inherits: None,
    constructor: None,
    constants: &[],
    // readonly attribute unsigned long length;
    attributes: &[Attribute::readonly("length", get_length)],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// The Window's `history` attribute (`partial interface Window`): what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object>
pub(crate) const WINDOW_HISTORY_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    // readonly attribute History history;
    attributes: &[Attribute::readonly("history", get_history)],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// The data of a History object: its relevant global's Window.
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct History {
    window: WindowId,
}

/// The Window's History object, kept in its realm's host-defined slot.
#[derive(Trace, Finalize, JsData)]
struct WindowHistory(JsObject);

/// Installs `History` in the current realm (the realm of `window`), creates the Window's
/// History object and defines `history` on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject, window: WindowId) -> JsResult<()> {
    install_interface(context, global, &HISTORY)?;
    let history = create_an_object_implementing(context, "History", None, History { window })?;
    context
        .realm()
        .host_defined_mut()
        .insert(WindowHistory(history));
    define_global_members(context, global, &WINDOW_HISTORY_MEMBERS)
}

/// `history`: the Window's History object.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-history>
fn get_history(_: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    context
        .realm()
        .host_defined()
        .get::<WindowHistory>()
        .map(|history| history.0.clone().into())
        .ok_or_else(|| type_error("no History in this realm"))
}

/// `length`'s getter.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-history-length>
fn get_length(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = this
        .as_object()
        .and_then(|object| object.downcast_ref::<History>().map(|h| h.window))
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a History"))?;
    let state = AgentState::of(context)?;
    // 1. If this's relevant global object's associated Document is not fully active, then
    //    throw a "SecurityError" DOMException.
    let document = state.windows.borrow().get(&window).map(|w| w.document_id);
    if !document.is_some_and(|d| is_fully_active(&state, document_key(d))) {
        return Err(dom_exception::throw(
            context,
            "SecurityError",
            "Failed to read the 'length' property from 'History': May not use a History object associated with a Document that is not fully active",
        ));
    }
    // 2. Return this's length: its navigable's traversable's session history steps.
    let length = state
        .browsing_context_of(window)
        .map_or(0, |bc| session_history_length(&state, bc));
    Ok(JsValue::new(length))
}

/// The number of session history steps of `navigable`'s traversable.
fn session_history_length(state: &Rc<AgentState>, navigable: BrowsingContextId) -> u32 {
    state
        .ua
        .with_tree(|tree| tree.session_history_length(navigable))
}
