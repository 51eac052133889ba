//! The WindowProxy's internal methods, one function each (the boa Proxy traps in `traps.rs`
//! call them).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-windowproxy-exotic-object>

use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{Context, JsResult, JsValue};

use crate::agent::AgentState;
use crate::html::cross_origin::helper::{
    CrossOriginObject, cross_origin_get, cross_origin_get_own_property_helper, cross_origin_set,
};
use crate::html::cross_origin::ordinary::{
    SetTarget, ordinary_get_own_property, ordinary_get_skipping, ordinary_set_target, value_of,
};
use crate::html::cross_origin::{
    Current, Kind, as_configurable, cross_origin_own_property_keys, cross_origin_property_fallback,
    is_platform_object_same_origin, security_error,
};
use crate::html::window_named_properties;
use crate::html::window_proxy::children::{child_at, document_tree_child_navigables, named_child};
use crate::html::window_proxy::{WindowProxy, array_index, global_of, window_proxy_object};

/// [[GetPrototypeOf]] ( ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-getprototypeof>
pub(super) fn get_prototype_of(
    state: &AgentState,
    current: Option<&Current>,
    w: &WindowProxy,
) -> JsValue {
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
pub(super) fn set_prototype_of(
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
pub(super) fn get_own_property(
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
pub(super) fn define_own_property(
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
pub(super) fn get(
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
pub(super) fn set(
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
pub(super) fn delete(
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
pub(super) fn own_property_keys(
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
