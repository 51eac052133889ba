//! The Window's indexed and named properties: `window[i]` and `window[name]` return the
//! WindowProxy of a child navigable.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#accessing-other-browsing-contexts>

use std::rc::Rc;

use boa_engine::property::PropertyDescriptor;
use boa_engine::{
    Context, JsObject, JsResult, JsString, JsSymbol, JsValue, NativeFunction, js_string,
};
use postern_dom::BrowsingContextId;

use crate::agent::AgentState;
use crate::html::window_proxy;
use crate::ids::WindowId;
use crate::webidl::interface::function;

/// Makes `parent[index]` (and `frames[index]`) return the WindowProxy of the parent's
/// index-th child navigable, for the index the new child got.
///
/// Deviation: an accessor property on the global object itself; scripts reach the Window
/// through its WindowProxy, whose [[GetOwnProperty]] answers the indices from the document-tree
/// child navigables (`window_proxy::get_own_property`), so this accessor only stands for them on
/// the global object (once defined it stays).
// TODO(spec): the child navigables follow creation order, not the tree order of their
// containers, when a script inserts an iframe before an existing one.
pub(crate) fn define_frame_index(
    state: &Rc<AgentState>,
    context: &mut Context,
    parent: WindowId,
    child: BrowsingContextId,
) {
    let Some((realm, global, parent_bc)) = realm_global_and_browsing_context(state, parent) else {
        return;
    };
    let index = state
        .ua
        .with_tree(|tree| tree.children(parent_bc).iter().position(|c| *c == child));
    let Some(index) = index else {
        return;
    };
    let key = index.to_string();
    if global
        .has_own_property(JsString::from(key.as_str()), context)
        .unwrap_or(true)
    {
        return;
    }
    let previous = context.enter_realm(realm);
    let getter = NativeFunction::from_copy_closure(move |_, _, context| {
        let state = AgentState::of(context)?;
        let child = state
            .ua
            .with_tree(|tree| tree.children(parent_bc).get(index).copied());
        match child {
            Some(child) => window_proxy::window_proxy_for(&state, context, parent, child),
            None => Ok(JsValue::undefined()),
        }
    });
    let _ = define_getter(context, &global, &key, getter);
    context.enter_realm(previous);
}

/// Named access on the Window: `parent[name]` (and a bare `name` in its scripts) returns the
/// WindowProxy of the child navigable whose target name is `name`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#named-access-on-the-window-object>
///
/// Deviation: an accessor defined on the global object when a child with that name is
/// created stands in for the Window's named properties (names given later, through
/// `window.name`, are not added; an existing property of the global keeps precedence).
pub(crate) fn define_named_frame(
    state: &Rc<AgentState>,
    context: &mut Context,
    parent: WindowId,
    name: &str,
) {
    if name.is_empty() || name.parse::<u32>().is_ok() {
        return;
    }
    let Some((realm, global, parent_bc)) = realm_global_and_browsing_context(state, parent) else {
        return;
    };
    if global
        .has_own_property(JsString::from(name), context)
        .unwrap_or(true)
    {
        return;
    }
    let previous = context.enter_realm(realm);
    let key = name.to_string();
    let getter = NativeFunction::from_copy_closure_with_captures(
        move |_, _, name: &JsString, context| {
            let state = AgentState::of(context)?;
            let name = name.to_std_string_escaped();
            let child = state
                .ua
                .with_tree(|tree| tree.child_by_name(parent_bc, &name));
            match child {
                Some(child) => window_proxy::window_proxy_for(&state, context, parent, child),
                None => Ok(JsValue::undefined()),
            }
        },
        JsString::from(key.as_str()),
    );
    let _ = define_getter(context, &global, &key, getter);
    context.enter_realm(previous);
}

/// Defines `key` on `global` as a readonly attribute's property would be: an accessor whose
/// getter (`get <key>`, a function of the current realm) runs `getter`, without a setter,
/// enumerable and configurable.
fn define_getter(
    context: &mut Context,
    global: &JsObject,
    key: &str,
    getter: NativeFunction,
) -> JsResult<()> {
    let getter = function(context, &format!("get {key}"), 0, getter);
    global.define_property_or_throw(
        JsString::from(key),
        PropertyDescriptor::builder()
            .get(getter)
            .set(JsValue::undefined())
            .enumerable(true)
            .configurable(true),
        context,
    )?;
    Ok(())
}

/// The realm, global object and browsing context of `window`, if it lives in this agent.
fn realm_global_and_browsing_context(
    state: &AgentState,
    window: WindowId,
) -> Option<(boa_engine::realm::Realm, JsObject, BrowsingContextId)> {
    state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.realm.clone(), w.global.clone(), w.browsing_context))
}

/// Creates the Window's named properties object (`WindowProperties`) with `prototype` (the
/// prototype of Window.prototype's parent interface, EventTarget.prototype) as its
/// [[Prototype]].
///
/// Spec: <https://webidl.spec.whatwg.org/#named-properties-object>,
/// <https://html.spec.whatwg.org/multipage/nav-history-apis.html#named-access-on-the-window-object>
///
/// Deviation: an ordinary object; the named properties are accessors on the global object
/// (see [`define_named_frame`]), so its [[GetOwnProperty]] finds none.
pub(crate) fn create_named_properties_object(
    context: &mut Context,
    prototype: Option<JsObject>,
) -> JsResult<JsObject> {
    let object = JsObject::with_null_proto();
    object.set_prototype(prototype);
    // The class string of a named properties object is the interface's identifier followed by
    // "Properties".
    object.define_property_or_throw(
        JsSymbol::to_string_tag(),
        PropertyDescriptor::builder()
            .value(js_string!("WindowProperties"))
            .writable(false)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(object)
}
