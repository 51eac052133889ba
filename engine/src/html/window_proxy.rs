//! The WindowProxy exotic object: one per browsing context in an agent, forwarding to the
//! browsing context's active Window, same origin or cross origin.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-windowproxy-exotic-object>
//!
//! boa lets an embedder make an exotic object only as a Proxy: a WindowProxy is a boa Proxy
//! whose target is an empty, extensible object carrying [`ProxyTarget`], and whose traps are
//! the WindowProxy's internal methods (below, one function each). The same object is the
//! Window's `window`/`self`/`frames`, its realm's global `this` and `globalThis` (through
//! `HostHooks::create_global_this`), `parent`/`top`/`opener`/`contentWindow`/`event.source`
//! and the indices of other windows: see [`window_proxy_object`]. Remote windows (in other
//! agents) get one WindowProxy per agent, as every browsing context does.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use boa_engine::object::builtins::{JsArray, JsProxyBuilder};
use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace};

use crate::agent::AgentState;
use crate::agent::window::WindowProxyCache;
use crate::html::cross_origin::helper::{
    CrossOriginObject, Role, cross_origin_get, cross_origin_get_own_property_helper,
    cross_origin_set,
};
use crate::html::cross_origin::ordinary::{
    SetTarget, has_on_chain, ordinary_get_own_property, ordinary_get_skipping, ordinary_set_target,
    value_of,
};
use crate::html::cross_origin::{
    Current, Kind, as_configurable, cross_origin_own_property_keys, cross_origin_property_fallback,
    current, from_property_descriptor, in_current_realm, is_platform_object_same_origin, key_value,
    security_error,
};
use crate::html::location;
use crate::html::web_messaging::post_message;
use crate::html::window_named_properties;
use crate::html::window_open;
use crate::ids::{BrowsingContextId, NodeId, WindowId};
use crate::webidl::conversions::{arg, type_error};

/// What a WindowProxy's target carries: its browsing context, and the [[Window]] it last
/// forwarded to.
#[derive(Debug, Trace, Finalize, JsData)]
struct ProxyTarget {
    #[unsafe_ignore_trace]
    browsing_context: BrowsingContextId,
    #[unsafe_ignore_trace]
    window: Cell<Option<WindowId>>,
}

thread_local! {
    /// The WindowProxy the next realm created on this thread takes as its global `this`
    /// (set by [`prepare_global_this`] just before `Context::create_realm`).
    static NEXT_GLOBAL_THIS: RefCell<Option<JsObject>> = const { RefCell::new(None) };
}

/// The browsing context whose container is `node` in `window`'s document.
pub(crate) fn child_of_container(
    state: &AgentState,
    window: WindowId,
    node: NodeId,
) -> Option<BrowsingContextId> {
    let (bc, document) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.browsing_context, w.document_id))?;
    state.ua.with_tree(|tree| {
        tree.children(bc).iter().copied().find(|child| {
            tree.get(*child)
                .is_some_and(|c| c.container == Some((document, node)))
        })
    })
}

/// The WindowProxy of `browsing_context` (the same object whichever window asks).
pub(crate) fn window_proxy_for(
    state: &Rc<AgentState>,
    context: &mut Context,
    _viewer: WindowId,
    browsing_context: BrowsingContextId,
) -> JsResult<JsValue> {
    Ok(window_proxy_object(state, context, browsing_context)?.into())
}

/// The WindowProxy of `window`'s browsing context: what scripts see for the Window.
pub(crate) fn window_proxy_of_window(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
) -> JsResult<JsValue> {
    match state.browsing_context_of(window) {
        Some(bc) => window_proxy_for(state, context, window, bc),
        None => Ok(JsValue::null()),
    }
}

/// The agent's WindowProxy of `browsing_context`, created (in the current realm) the first
/// time it is needed.
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#browsing-context>
/// (a browsing context has a WindowProxy object)
pub(crate) fn window_proxy_object(
    state: &AgentState,
    context: &mut Context,
    browsing_context: BrowsingContextId,
) -> JsResult<JsObject> {
    if context.get_data::<WindowProxyCache>().is_none() {
        context.insert_data(WindowProxyCache::default());
    }
    if let Some(proxy) = context
        .get_data::<WindowProxyCache>()
        .and_then(|cache| cache.proxies.borrow().get(&browsing_context).cloned())
    {
        return Ok(proxy);
    }
    let target = JsObject::from_proto_and_data(
        None,
        ProxyTarget {
            browsing_context,
            window: Cell::new(state.ua.active_window(browsing_context)),
        },
    );
    let proxy: JsObject = JsProxyBuilder::new(target)
        .get_prototype_of(trap_get_prototype_of)
        .set_prototype_of(trap_set_prototype_of)
        .prevent_extensions(trap_prevent_extensions)
        .get_own_property_descriptor(trap_get_own_property_descriptor)
        .define_property(trap_define_property)
        .has(trap_has)
        .get(trap_get)
        .set(trap_set)
        .delete_property(trap_delete_property)
        .own_keys(trap_own_keys)
        .build(context)?
        .into();
    if let Some(cache) = context.get_data::<WindowProxyCache>() {
        cache
            .proxies
            .borrow_mut()
            .insert(browsing_context, proxy.clone());
    }
    Ok(proxy)
}

/// Makes the WindowProxy of `browsing_context` the global `this` of the next realm created
/// (the realm of its new Window): `HostHooks::create_global_this` takes it.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#creating-a-new-javascript-realm>
/// (the global this binding is the browsing context's WindowProxy)
pub(crate) fn prepare_global_this(
    state: &AgentState,
    context: &mut Context,
    browsing_context: BrowsingContextId,
) -> JsResult<()> {
    let proxy = window_proxy_object(state, context, browsing_context)?;
    NEXT_GLOBAL_THIS.with(|next| *next.borrow_mut() = Some(proxy));
    Ok(())
}

/// The global `this` prepared for the realm being created (`None`: the global object).
pub(crate) fn take_global_this() -> Option<JsObject> {
    NEXT_GLOBAL_THIS.with(|next| next.borrow_mut().take())
}

/// A WindowProxy's state, read from its target: the browsing context, and its [[Window]]
/// (the browsing context's active window, else the last one).
#[derive(Clone, Debug)]
struct WindowProxy {
    browsing_context: BrowsingContextId,
    /// [[Window]]: the browsing context's active window, else (the browsing context is
    /// discarded) the Window it last forwarded to, which stays reachable.
    window: Option<WindowId>,
    /// The proxy's target (where non-configurable properties defined through it are kept).
    target: JsObject,
}

fn window_proxy_of(state: &AgentState, args: &[JsValue]) -> JsResult<WindowProxy> {
    let target = arg(args, 0)
        .as_object()
        .ok_or_else(|| type_error("not a WindowProxy"))?;
    let (browsing_context, window) = {
        let data = target
            .downcast_ref::<ProxyTarget>()
            .ok_or_else(|| type_error("not a WindowProxy"))?;
        let active = state.ua.active_window(data.browsing_context);
        if active.is_some() {
            data.window.set(active);
        }
        (data.browsing_context, data.window.get())
    };
    Ok(WindowProxy {
        browsing_context,
        window,
        target,
    })
}

/// The global object of the WindowProxy's [[Window]], when it lives in this agent.
fn global_of(state: &AgentState, window: Option<WindowId>) -> Option<JsObject> {
    let window = window?;
    state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.global.clone())
}

/// The document-tree child navigables of the active document of `bc`: its children whose
/// container is in that document (a child of a document navigated away from is not one).
///
/// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#document-tree-child-navigables>
pub(crate) fn document_tree_child_navigables(
    state: &AgentState,
    bc: BrowsingContextId,
) -> Vec<BrowsingContextId> {
    state.ua.with_tree(|tree| {
        let Some(document) = tree.get(bc).and_then(|b| b.active_document) else {
            return Vec::new();
        };
        tree.children(bc)
            .iter()
            .copied()
            .filter(|child| {
                tree.get(*child)
                    .and_then(|c| c.container)
                    .is_some_and(|(container_document, _)| container_document == document)
            })
            .collect()
    })
}

/// The navigable named `name` in the document-tree child navigable target name property set
/// of `window` (of `bc`): the first child with that target name, if its active document is
/// same origin with `window` or its container's name attribute is that name.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#document-tree-child-navigable-target-name-property-set>
pub(crate) fn named_child(
    state: &AgentState,
    window: WindowId,
    bc: BrowsingContextId,
    name: &str,
) -> Option<BrowsingContextId> {
    // 1. Let children be the document-tree child navigables of window's associated Document.
    // 2.-3. firstNamedChildren: the first navigable of each non-empty target name.
    if name.is_empty() {
        return None;
    }
    let children = document_tree_child_navigables(state, bc);
    let first = state.ua.with_tree(|tree| {
        children
            .iter()
            .copied()
            .find(|child| tree.get(*child).is_some_and(|c| c.name == name))
    })?;
    // 5. Append its name to names if navigable's active document's origin is same origin with
    //    window's relevant settings object's origin. (A child in another agent is of another
    //    site.)
    //    (or if navigable's container's name content attribute value is name).
    let container_named = state
        .ua
        .with_tree(|tree| tree.get(first).and_then(|c| c.container))
        .and_then(|(_, element)| {
            let document = state.windows.borrow().get(&window)?.document.clone();
            let named = document.borrow().get_attribute(element, "name") == Some(name);
            Some(named)
        })
        .unwrap_or(false);
    if container_named {
        return Some(first);
    }
    let child_window = state.ua.active_window(first)?;
    let windows = state.windows.borrow();
    let same_origin = match (windows.get(&child_window), windows.get(&window)) {
        (Some(child), Some(window)) => child.origin().is_same_origin(&window.origin()),
        // Deviation: the origins of windows of another agent are not known here; a child in
        // the same agent as its parent (same site) is taken as same origin with it.
        (None, None) => match (
            state.ua.window_entry(child_window),
            state.ua.window_entry(window),
        ) {
            (Some(child), Some(parent)) => child.agent == parent.agent,
            _ => false,
        },
        _ => false,
    };
    same_origin.then_some(first)
}

/// The document-tree child navigable at `index`, if any.
fn child_at(state: &AgentState, bc: BrowsingContextId, index: u32) -> Option<BrowsingContextId> {
    document_tree_child_navigables(state, bc)
        .get(index as usize)
        .copied()
}

fn array_index(key: &PropertyKey) -> Option<u32> {
    match key {
        PropertyKey::Index(i) => Some(i.get()),
        _ => None,
    }
}

/// [[GetPrototypeOf]] ( ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-getprototypeof>
fn get_prototype_of(state: &AgentState, current: Option<&Current>, w: &WindowProxy) -> JsValue {
    // 1. Let W be the value of the [[Window]] internal slot of this.
    // 2. If IsPlatformObjectSameOrigin(W) is true, then return ! OrdinaryGetPrototypeOf(W).
    if is_platform_object_same_origin(state, current, w.window)
        && let Some(global) = global_of(state, w.window)
    {
        return global.prototype().map(JsValue::from).unwrap_or_default();
    }
    // 3. Return null.
    JsValue::null()
}

/// [[SetPrototypeOf]] ( V ): SetImmutablePrototype(this, V).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-setprototypeof>,
/// <https://tc39.es/ecma262/#sec-set-immutable-prototype>
fn set_prototype_of(
    state: &AgentState,
    current: Option<&Current>,
    w: &WindowProxy,
    value: &JsValue,
) -> bool {
    // 1. Let current be ? O.[[GetPrototypeOf]]().
    let prototype = get_prototype_of(state, current, w);
    // 2. If SameValue(V, current) is true, return true. 3. Return false.
    JsValue::same_value(value, &prototype)
}

/// [[GetOwnProperty]] ( P ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-getownproperty>
fn get_own_property(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    w: &WindowProxy,
    key: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    // 1. Let W be the value of the [[Window]] internal slot of this.
    let same_origin = is_platform_object_same_origin(state, current, w.window);
    // 2. If P is an array index property name, then:
    if let Some(index) = array_index(key) {
        //    1.-4. Let value be the active WindowProxy of W's index-th document-tree child
        //          navigable, if there is one.
        // TODO(spec): step 2.4.1, children in the tree order of their containers (they
        // follow creation order).
        if let Some(child) = child_at(state, w.browsing_context, index) {
            let value = window_proxy_object(state, context, child)?;
            //    6. Return PropertyDescriptor{ [[Value]]: value, [[Writable]]: false,
            //       [[Enumerable]]: true, [[Configurable]]: true }.
            return Ok(Some(
                PropertyDescriptor::builder()
                    .value(value)
                    .writable(false)
                    .enumerable(true)
                    .configurable(true)
                    .build(),
            ));
        }
        //    5. If value is undefined: if IsPlatformObjectSameOrigin(W) is true, return
        //       undefined; throw a "SecurityError" DOMException.
        if same_origin {
            return Ok(None);
        }
        return Err(security_error(context, key));
    }
    // 3. If IsPlatformObjectSameOrigin(W) is true, then return ! OrdinaryGetOwnProperty(W, P).
    if same_origin && let Some(global) = global_of(state, w.window) {
        // Deviation: a property that is not configurable on W is reported configurable (the
        // spec notes that this step violates the invariants; boa's Proxy enforces them),
        // unless it was defined through this WindowProxy (then it is on the target too).
        let mirrored = ordinary_get_own_property(&w.target, key).is_some();
        return Ok(ordinary_get_own_property(&global, key)
            .map(|d| if mirrored { d } else { as_configurable(d) }));
    }
    // 4. Let property be CrossOriginGetOwnPropertyHelper(W, P).
    if let Some(window) = w.window {
        let object = CrossOriginObject {
            kind: Kind::Window,
            window,
            browsing_context: w.browsing_context,
        };
        // 5. If property is not undefined, then return property.
        if let Some(property) =
            cross_origin_get_own_property_helper(state, context, current, object, key)?
        {
            return Ok(Some(property));
        }
    }
    // 6. If property is undefined and P is in W's document-tree child navigable target name
    //    property set, then return PropertyDescriptor{ [[Value]]: the active WindowProxy of
    //    the named object of W with the name P, [[Enumerable]]: false, [[Writable]]: false,
    //    [[Configurable]]: true }.
    if let PropertyKey::String(name) = key
        && let Some(window) = w.window
        && let Some(child) = named_child(
            state,
            window,
            w.browsing_context,
            &name.to_std_string_escaped(),
        )
    {
        let value = window_proxy_object(state, context, child)?;
        return Ok(Some(
            PropertyDescriptor::builder()
                .value(value)
                .enumerable(false)
                .writable(false)
                .configurable(true)
                .build(),
        ));
    }
    // 7. Return ? CrossOriginPropertyFallback(P).
    cross_origin_property_fallback(context, key).map(Some)
}

/// [[DefineOwnProperty]] ( P, Desc ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-defineownproperty>
fn define_own_property(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    w: &WindowProxy,
    key: &PropertyKey,
    descriptor: PropertyDescriptor,
) -> JsResult<bool> {
    // 1. Let W be the value of the [[Window]] internal slot of this.
    // 2. If IsPlatformObjectSameOrigin(W) is true, then:
    if is_platform_object_same_origin(state, current, w.window)
        && let Some(global) = global_of(state, w.window)
    {
        //    1. If P is an array index property name, return false.
        if array_index(key).is_some() {
            return Ok(false);
        }
        //    2. Return ? OrdinaryDefineOwnProperty(W, P, Desc). (On an ordinary object it
        //       runs no script: an error is its false.)
        let existed = ordinary_get_own_property(&global, key).is_some();
        let made_non_configurable = descriptor.configurable() == Some(false);
        if global
            .define_property_or_throw(key.clone(), descriptor, context)
            .is_err()
        {
            return Ok(false);
        }
        // Deviation: a non-configurable property is defined on the proxy's target as well,
        // so that boa's Proxy invariants let it be reported as it is.
        // (A new property is non-configurable unless the descriptor says otherwise.)
        if let Some(defined) = ordinary_get_own_property(&global, key)
            && defined.configurable() == Some(false)
            && (made_non_configurable || !existed)
        {
            let _ = w
                .target
                .define_property_or_throw(key.clone(), defined, context);
        }
        return Ok(true);
    }
    // 3. Throw a "SecurityError" DOMException.
    Err(security_error(context, key))
}

/// [[Get]] ( P, Receiver ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-get>
fn get(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    w: &WindowProxy,
    key: &PropertyKey,
    receiver: &JsValue,
) -> JsResult<JsValue> {
    // 1. Let W be the value of the [[Window]] internal slot of this.
    // 2. Check if an access between two browsing contexts should be reported. (No
    //    cross-origin opener policy here.)
    // 3. If IsPlatformObjectSameOrigin(W) is true, then return ? OrdinaryGet(this, P,
    //    Receiver).
    if is_platform_object_same_origin(state, current, w.window)
        && let Some(global) = global_of(state, w.window)
    {
        // (this.[[GetOwnProperty]](P): steps 2 and 3 of it.)
        let own = match array_index(key) {
            Some(_) => get_own_property(state, context, current, w, key)?,
            None => ordinary_get_own_property(&global, key),
        };
        if let Some(own) = own {
            return value_of(&own, receiver, context);
        }
        // The prototype chain, with the named properties object's named properties last
        // (the named property visibility algorithm: every other object shadows them).
        let named = w
            .window
            .and_then(|window| window_named_properties::named_properties_of(state, window));
        let skip = named.as_ref().map(|n| (&n.object, &n.target));
        if let Some(value) =
            ordinary_get_skipping(global.prototype(), None, key, skip, receiver, context)?
        {
            return Ok(value);
        }
        return match w.window {
            Some(window) => Ok(window_named_properties::named_property(
                state, context, window, key,
            )?
            .unwrap_or_default()),
            None => Ok(JsValue::undefined()),
        };
    }
    // 4. Return ? CrossOriginGet(this, P, Receiver).
    let descriptor = get_own_property(state, context, current, w, key)?
        .ok_or_else(|| security_error(context, key))?;
    cross_origin_get(context, &descriptor, key, receiver)
}

/// [[Set]] ( P, V, Receiver ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-set>
#[allow(clippy::too_many_arguments)]
fn set(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    w: &WindowProxy,
    proxy: &JsValue,
    key: &PropertyKey,
    value: &JsValue,
    receiver: &JsValue,
) -> JsResult<bool> {
    // 1. Let W be the value of the [[Window]] internal slot of this.
    // 2. Check if an access between two browsing contexts should be reported.
    // 3. If IsPlatformObjectSameOrigin(W) is true, then:
    if is_platform_object_same_origin(state, current, w.window)
        && let Some(global) = global_of(state, w.window)
    {
        //    1. If P is an array index property name, then return false.
        if array_index(key).is_some() {
            return Ok(false);
        }
        //    2. Return ? OrdinarySet(W, P, V, Receiver).
        let own = ordinary_get_own_property(&global, key);
        let named = w
            .window
            .and_then(|window| window_named_properties::named_properties_of(state, window));
        let skip = named.as_ref().map(|n| (&n.object, &n.target));
        return match ordinary_set_target(global.prototype(), own, key, skip) {
            SetTarget::ReadOnly => Ok(false),
            SetTarget::Accessor(None) => Ok(false),
            SetTarget::Accessor(Some(setter)) => {
                setter.call(receiver, std::slice::from_ref(value), context)?;
                Ok(true)
            }
            // Receiver is this WindowProxy (or W): the value goes on W.
            SetTarget::Data if receiver == proxy || receiver == &JsValue::from(global.clone()) => {
                global.set(key.clone(), value.clone(), false, context)
            }
            SetTarget::Data => match receiver.as_object() {
                Some(receiver) => {
                    receiver.create_data_property(key.clone(), value.clone(), context)
                }
                None => Ok(false),
            },
        };
    }
    // 4. Return ? CrossOriginSet(this, P, V, Receiver).
    let descriptor = get_own_property(state, context, current, w, key)?
        .ok_or_else(|| security_error(context, key))?;
    cross_origin_set(context, &descriptor, key, value, receiver)
}

/// [[Delete]] ( P ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-delete>
fn delete(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    w: &WindowProxy,
    key: &PropertyKey,
) -> JsResult<bool> {
    // 1. Let W be the value of the [[Window]] internal slot of this.
    // 2. If IsPlatformObjectSameOrigin(W) is true, then:
    if is_platform_object_same_origin(state, current, w.window)
        && let Some(global) = global_of(state, w.window)
    {
        //    1. If P is an array index property name: let desc be ! this.[[GetOwnProperty]](P);
        //       if desc is undefined, return true; return false.
        if array_index(key).is_some() {
            let desc = get_own_property(state, context, current, w, key)?;
            return Ok(desc.is_none());
        }
        //    2. Return ? OrdinaryDelete(W, P).
        return match ordinary_get_own_property(&global, key) {
            None => Ok(true),
            Some(desc) if desc.configurable() == Some(true) => {
                global.delete_property_or_throw(key.clone(), context)
            }
            Some(_) => Ok(false),
        };
    }
    // 3. Throw a "SecurityError" DOMException.
    Err(security_error(context, key))
}

/// [[OwnPropertyKeys]] ( ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-ownpropertykeys>
fn own_property_keys(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    w: &WindowProxy,
) -> JsResult<Vec<PropertyKey>> {
    // 1. Let W be the value of the [[Window]] internal slot of this.
    // 2. Let keys be a new empty List.
    // 3. Let maxProperties be the number of document-tree child navigables of W.
    let max_properties = document_tree_child_navigables(state, w.browsing_context).len();
    // 4. Let index be 0. 5. Repeat while index < maxProperties: add ! ToString(index) as the
    //    last element of keys; increment index by one.
    let mut keys: Vec<PropertyKey> = (0..max_properties)
        .map(|index| PropertyKey::from(index as u32))
        .collect();
    // 6. If IsPlatformObjectSameOrigin(W) is true, then return the concatenation of keys and
    //    OrdinaryOwnPropertyKeys(W).
    if is_platform_object_same_origin(state, current, w.window)
        && let Some(global) = global_of(state, w.window)
    {
        for key in global.own_property_keys(context)? {
            if array_index(&key).is_none() {
                keys.push(key);
            }
        }
        return Ok(keys);
    }
    // 7. Return the concatenation of keys and ! CrossOriginOwnPropertyKeys(W).
    keys.extend(cross_origin_own_property_keys(Kind::Window));
    Ok(keys)
}

/// The steps of a cross-origin Window member (the functions CrossOriginGetOwnPropertyHelper
/// makes for a Window): each is the IDL member's, on the Window `object`.
pub(crate) fn cross_origin_window_steps(
    object: CrossOriginObject,
    property: &'static str,
    role: Role,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let state = AgentState::of(context)?;
    let bc = object.browsing_context;
    let proxy = |context: &mut Context, bc| -> JsResult<JsValue> {
        Ok(window_proxy_object(&state, context, bc)?.into())
    };
    match (property, role) {
        ("window" | "self" | "frames", Role::Getter) => proxy(context, bc),
        ("location", Role::Getter) => {
            Ok(location::location_of_window(&state, context, object.window, bc)?.into())
        }
        ("location", Role::Setter) => {
            location::cross_origin_set_location(context, bc, &arg(args, 0))?;
            Ok(JsValue::undefined())
        }
        ("closed", Role::Getter) => Ok(JsValue::new(window_open::is_closed(&state, bc))),
        ("length", Role::Getter) => Ok(JsValue::new(
            document_tree_child_navigables(&state, bc).len() as u32,
        )),
        ("top", Role::Getter) => {
            let top = state.ua.with_tree(|t| t.top(bc)).unwrap_or(bc);
            proxy(context, top)
        }
        ("parent", Role::Getter) => {
            let parent = state.ua.with_tree(|t| t.parent(bc)).unwrap_or(bc);
            proxy(context, parent)
        }
        ("opener", Role::Getter) => {
            window_open::opener_window_proxy(&state, context, object.window, bc)
        }
        ("postMessage", Role::Method) => {
            post_message::post_message_to_browsing_context(context, bc, args)
        }
        ("close", Role::Method) => window_open::window_close(context, bc),
        // TODO(spec): focus() and blur() (there is no focus): they do nothing.
        ("focus" | "blur", Role::Method) => Ok(JsValue::undefined()),
        _ => Err(type_error("Illegal invocation")),
    }
}

/// The state every trap starts from: the agent, the current settings object and the
/// WindowProxy.
fn enter(
    args: &[JsValue],
    context: &Context,
) -> JsResult<(Rc<AgentState>, Option<Current>, WindowProxy)> {
    let state = AgentState::of(context)?;
    let current = current(context);
    let w = window_proxy_of(&state, args)?;
    Ok((state, current, w))
}

fn trap_get_prototype_of(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    Ok(get_prototype_of(&state, current.as_ref(), &w))
}

fn trap_set_prototype_of(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    Ok(JsValue::new(set_prototype_of(
        &state,
        current.as_ref(),
        &w,
        &arg(args, 1),
    )))
}

/// [[PreventExtensions]] ( ): return false.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-preventextensions>
/// ([[IsExtensible]] is the target's: true.)
fn trap_prevent_extensions(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::new(false))
}

fn trap_get_own_property_descriptor(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        let descriptor = get_own_property(&state, context, current.as_ref(), &w, &key)?;
        from_property_descriptor(descriptor.as_ref(), context)
    })
}

fn trap_define_property(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let descriptor = arg(args, 2).to_property_descriptor(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        define_own_property(&state, context, current.as_ref(), &w, &key, descriptor)
            .map(JsValue::new)
    })
}

/// [[HasProperty]]: OrdinaryHasProperty(this, P), through this object's [[GetOwnProperty]]
/// and [[GetPrototypeOf]].
///
/// Spec: <https://tc39.es/ecma262/#sec-ordinaryhasproperty>
fn trap_has(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        // 1. Let hasOwn be ? O.[[GetOwnProperty]](P). 2. If it is not undefined, return true.
        if get_own_property(&state, context, current.as_ref(), &w, &key)?.is_some() {
            return Ok(JsValue::new(true));
        }
        // 3. Let parent be ? O.[[GetPrototypeOf]](). 4. If parent is not null, return ?
        //    parent.[[HasProperty]](P). 5. Return false.
        let parent = get_prototype_of(&state, current.as_ref(), &w).as_object();
        let Some(window) = w.window.filter(|_| parent.is_some()) else {
            return Ok(JsValue::new(false));
        };
        let named = window_named_properties::named_properties_of(&state, window);
        let skip = named.as_ref().map(|n| (&n.object, &n.target));
        if has_on_chain(parent, &key, skip) {
            return Ok(JsValue::new(true));
        }
        // (The named properties object's named properties, last.)
        Ok(JsValue::new(
            window_named_properties::named_property(&state, context, window, &key)?.is_some(),
        ))
    })
}

fn trap_get(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let receiver = arg(args, 2);
    in_current_realm(context, current.as_ref(), |context| {
        get(&state, context, current.as_ref(), &w, &key, &receiver)
    })
}

fn trap_set(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let value = arg(args, 2);
    let receiver = arg(args, 3);
    let proxy = window_proxy_object(&state, context, w.browsing_context)?;
    in_current_realm(context, current.as_ref(), |context| {
        set(
            &state,
            context,
            current.as_ref(),
            &w,
            &proxy.into(),
            &key,
            &value,
            &receiver,
        )
        .map(JsValue::new)
    })
}

fn trap_delete_property(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        delete(&state, context, current.as_ref(), &w, &key).map(JsValue::new)
    })
}

fn trap_own_keys(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    in_current_realm(context, current.as_ref(), |context| {
        let keys = own_property_keys(&state, context, current.as_ref(), &w)?;
        Ok(JsArray::from_iter(keys.into_iter().map(key_value), context).into())
    })
}
