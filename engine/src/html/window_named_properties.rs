//! Named access on the Window object: the Window's named properties object
//! (`WindowProperties`, between Window.prototype and EventTarget.prototype), whose named
//! properties are the child navigables by target name and the elements by id and name.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#named-access-on-the-window-object>,
//! <https://webidl.spec.whatwg.org/#named-properties-object>
//!
//! The named properties object is a boa Proxy (its [[GetOwnProperty]] is exotic) whose target
//! is an ordinary object with its @@toStringTag and its [[Prototype]]. Global identifier
//! resolution reaches it through the global object's prototype chain; a WindowProxy's
//! same-origin lookups step over it and ask [`named_property`] last (`window_proxy/internal_methods.rs`).

use boa_engine::object::builtins::JsProxyBuilder;
use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsSymbol, JsValue, Trace, js_string,
};

use crate::agent::AgentState;
use crate::dom::wrappers;
use crate::html::cross_origin::from_property_descriptor;
use crate::html::cross_origin::ordinary::{find_on_chain, ordinary_get_own_property, value_of};
use crate::html::window_proxy;
use crate::ids::{NodeId, WindowId};
use crate::webidl::conversions::{arg, type_error};

/// The named properties object of a Window's realm and its target (kept in the realm's
/// host-defined slot), so that a lookup along the Window's prototype chain can step over it.
#[derive(Clone, Trace, Finalize, JsData)]
pub(crate) struct WindowNamedProperties {
    /// The named properties object (a Proxy).
    pub object: JsObject,
    /// Its target: its own properties and [[Prototype]].
    pub target: JsObject,
}

/// What the named properties object's target carries: whose it is.
#[derive(Trace, Finalize, JsData)]
struct NamedPropertiesTarget {
    #[unsafe_ignore_trace]
    window: WindowId,
}

/// Creates the Window's named properties object (`WindowProperties`) with `prototype`
/// (EventTarget.prototype) as its [[Prototype]], in the current realm (the Window's).
///
/// Spec: <https://webidl.spec.whatwg.org/#named-properties-object>
pub(crate) fn create_named_properties_object(
    context: &mut Context,
    prototype: Option<JsObject>,
    window: WindowId,
) -> JsResult<JsObject> {
    let target = JsObject::from_proto_and_data(prototype, NamedPropertiesTarget { window });
    // The class string of a named properties object is the interface's identifier followed by
    // "Properties".
    target.define_property_or_throw(
        JsSymbol::to_string_tag(),
        PropertyDescriptor::builder()
            .value(js_string!("WindowProperties"))
            .writable(false)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    let object: JsObject = JsProxyBuilder::new(target.clone())
        .get_own_property_descriptor(trap_get_own_property_descriptor)
        .has(trap_has)
        .get(trap_get)
        .define_property(|_, _, _| Ok(JsValue::new(false)))
        .delete_property(|_, _, _| Ok(JsValue::new(false)))
        .set_prototype_of(trap_set_prototype_of)
        .prevent_extensions(|_, _, _| Ok(JsValue::new(false)))
        .build(context)?
        .into();
    context
        .realm()
        .host_defined_mut()
        .insert(WindowNamedProperties {
            object: object.clone(),
            target,
        });
    Ok(object)
}

/// The named properties object of `window`, if it lives in this agent.
pub(crate) fn named_properties_of(
    state: &AgentState,
    window: WindowId,
) -> Option<WindowNamedProperties> {
    let realm = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.realm.clone())?;
    realm.host_defined().get::<WindowNamedProperties>().cloned()
}

/// The named property `key` of `window`, if `key` is a supported property name: the active
/// WindowProxy of the first child navigable with that target name, else the element (by id, or
/// by name for embed, form, img and object elements).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#named-access-on-the-window-object>
/// (the supported property names and the steps to determine the value of a named property)
pub(crate) fn named_property(
    state: &AgentState,
    context: &mut Context,
    window: WindowId,
    key: &PropertyKey,
) -> JsResult<Option<JsValue>> {
    let PropertyKey::String(name) = key else {
        return Ok(None);
    };
    let name = name.to_std_string_escaped();
    if name.is_empty() {
        return Ok(None);
    }
    let Some(bc) = state.browsing_context_of(window) else {
        return Ok(None);
    };
    // 1. Let objects be the list of named objects of window with the name name.
    // 2. If objects contains a navigable, then return the active WindowProxy of the first such
    //    navigable (its name being in the document-tree child navigable target name property
    //    set).
    if let Some(child) = window_proxy::named_child(state, window, bc, &name) {
        return Ok(Some(
            window_proxy::window_proxy_object(state, context, child)?.into(),
        ));
    }
    // 3. Otherwise, if objects has only one element, return that element.
    // Deviation: with several, the first in tree order (no HTMLCollection here).
    match named_element(state, window, &name) {
        Some(element) => Ok(Some(wrappers::node_value(context, window, Some(element))?)),
        None => Ok(None),
    }
}

/// The first element of `window`'s document, in tree order, named `name`: an HTML element
/// whose id is `name`, or an embed, form, img or object element whose name attribute is.
fn named_element(state: &AgentState, window: WindowId, name: &str) -> Option<NodeId> {
    let document = state.windows.borrow().get(&window)?.document.clone();
    let document = document.borrow();
    let root = document.document_node();
    document.descendants(root).find(|&node| {
        if document.namespace(node) != Some("http://www.w3.org/1999/xhtml") {
            return false;
        }
        document.element_id(node) == Some(name)
            || (["embed", "form", "img", "object"]
                .iter()
                .any(|local| document.is_html_element(node, local))
                && document.get_attribute(node, "name") == Some(name))
    })
}

/// The named property visibility algorithm for `key` on `window`'s global object: a supported
/// property name that no object on the global's prototype chain (the named properties object
/// aside) has as an own property. Returns the named property's value when it is visible.
///
/// Spec: <https://webidl.spec.whatwg.org/#dfn-named-property-visibility>
fn visible_named_property(
    state: &AgentState,
    context: &mut Context,
    window: WindowId,
    key: &PropertyKey,
) -> JsResult<Option<JsValue>> {
    let Some(global) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.global.clone())
    else {
        return Ok(None);
    };
    // 2. If O has an own property named P, then return false.
    if ordinary_get_own_property(&global, key).is_some() {
        return Ok(None);
    }
    // 4. For each prototype of O's chain that is not a named properties object: if it has an
    //    own property named P, then return false.
    let skip = named_properties_of(state, window);
    let skip = skip.as_ref().map(|n| (&n.object, &n.target));
    if find_on_chain(global.prototype(), key, skip).is_some() {
        return Ok(None);
    }
    // 1. If P is not a supported property name of O, then return false. 5. Return true.
    named_property(state, context, window, key)
}

/// The named properties object's window, from its target.
fn window_of(args: &[JsValue]) -> JsResult<(WindowId, JsObject)> {
    let target = arg(args, 0)
        .as_object()
        .ok_or_else(|| type_error("not a named properties object"))?;
    let window = target
        .downcast_ref::<NamedPropertiesTarget>()
        .map(|t| t.window)
        .ok_or_else(|| type_error("not a named properties object"))?;
    Ok((window, target))
}

/// [[GetOwnProperty]] ( P ).
///
/// Spec: <https://webidl.spec.whatwg.org/#named-properties-object-getownproperty>
fn trap_get_own_property_descriptor(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (window, target) = window_of(args)?;
    let key = arg(args, 1).to_property_key(context)?;
    let state = AgentState::of(context)?;
    // 1.-4. If the result of running the named property visibility algorithm with property
    //       name P and object object is true: return PropertyDescriptor{ [[Value]]: the named
    //       property's value, [[Writable]]: true, [[Enumerable]]: false (Window is
    //       [LegacyUnenumerableNamedProperties]), [[Configurable]]: true }.
    if let Some(value) = visible_named_property(&state, context, window, &key)? {
        let descriptor = PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(false)
            .configurable(true)
            .build();
        return from_property_descriptor(Some(&descriptor), context);
    }
    // 5. Return OrdinaryGetOwnProperty(O, P).
    from_property_descriptor(ordinary_get_own_property(&target, &key).as_ref(), context)
}

/// [[HasProperty]]: OrdinaryHasProperty through [[GetOwnProperty]].
fn trap_has(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (window, target) = window_of(args)?;
    let key = arg(args, 1).to_property_key(context)?;
    if find_on_chain(Some(target), &key, None).is_some() {
        return Ok(JsValue::new(true));
    }
    let state = AgentState::of(context)?;
    Ok(JsValue::new(
        visible_named_property(&state, context, window, &key)?.is_some(),
    ))
}

/// [[Get]]: OrdinaryGet through [[GetOwnProperty]].
fn trap_get(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (window, target) = window_of(args)?;
    let key = arg(args, 1).to_property_key(context)?;
    let receiver = arg(args, 2);
    // (What the chain from the target has is not visible as a named property: it comes
    // first.)
    if let Some((_, descriptor)) = find_on_chain(Some(target), &key, None) {
        return value_of(&descriptor, &receiver, context);
    }
    let state = AgentState::of(context)?;
    Ok(visible_named_property(&state, context, window, &key)?.unwrap_or_default())
}

/// [[SetPrototypeOf]]: SetImmutablePrototype.
///
/// Spec: <https://webidl.spec.whatwg.org/#named-properties-object-setprototypeof>
fn trap_set_prototype_of(_: &JsValue, args: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    let (_, target) = window_of(args)?;
    let current = target
        .prototype()
        .map(JsValue::from)
        .unwrap_or_else(JsValue::null);
    Ok(JsValue::new(JsValue::same_value(&arg(args, 1), &current)))
}
