//! The Location's internal methods, one function each (the boa Proxy traps in `traps.rs` call
//! them).
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface>

use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{Context, JsObject, JsResult, JsValue};

use crate::agent::AgentState;
use crate::html::cross_origin::helper::{
    cross_origin_get, cross_origin_get_own_property_helper, cross_origin_set,
};
use crate::html::cross_origin::ordinary::{
    SetTarget, ordinary_get_from, ordinary_get_own_property, ordinary_set_target,
};
use crate::html::cross_origin::{
    Current, Kind, as_configurable, cross_origin_own_property_keys, cross_origin_property_fallback,
    security_error,
};
use crate::html::location_exotic::{Location, window_of_location};

/// [[GetPrototypeOf]] ( ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-getprototypeof>
pub(super) fn get_prototype_of(
    state: &AgentState,
    current: Option<&Current>,
    l: &Location,
) -> JsValue {
    // 1. If IsPlatformObjectSameOrigin(this) is true, then return ! OrdinaryGetPrototypeOf(this).
    if let Some(inner) = l.same_origin(state, current) {
        return inner.prototype().map(JsValue::from).unwrap_or_default();
    }
    // 2. Return null.
    JsValue::null()
}

/// [[SetPrototypeOf]] ( V ): SetImmutablePrototype(this, V).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-setprototypeof>
pub(super) fn set_prototype_of(
    state: &AgentState,
    current: Option<&Current>,
    l: &Location,
    value: &JsValue,
) -> bool {
    // 1. Let current be ? O.[[GetPrototypeOf]](). 2. If SameValue(V, current), return true.
    // 3. Return false.
    JsValue::same_value(value, &get_prototype_of(state, current, l))
}

/// [[GetOwnProperty]] ( P ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-getownproperty>
pub(super) fn get_own_property(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    l: &Location,
    key: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    // 1. If IsPlatformObjectSameOrigin(this) is true, then:
    if let Some(inner) = l.same_origin(state, current) {
        //    1. Let desc be OrdinaryGetOwnProperty(this, P).
        let desc = ordinary_get_own_property(inner, key);
        //    2. If the value of the [[DefaultProperties]] internal slot of this contains P,
        //       then set desc.[[Configurable]] to true.
        //    3. Return desc.
        // (A property defined non-configurable through this object is on the target too:
        // reported as it is.)
        let mirrored = ordinary_get_own_property(&l.target, key).is_some();
        return Ok(desc.map(|d| {
            if l.default_properties.contains(key) || !mirrored {
                as_configurable(d)
            } else {
                d
            }
        }));
    }
    // 2. Let property be CrossOriginGetOwnPropertyHelper(this, P).
    // 3. If property is not undefined, then return property.
    if let Some(object) = l.cross_origin_object(state)
        && let Some(property) =
            cross_origin_get_own_property_helper(state, context, current, object, key)?
    {
        return Ok(Some(property));
    }
    // 4. Return ? CrossOriginPropertyFallback(P).
    cross_origin_property_fallback(context, key).map(Some)
}

/// [[DefineOwnProperty]] ( P, Desc ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-defineownproperty>
pub(super) fn define_own_property(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    l: &Location,
    key: &PropertyKey,
    descriptor: PropertyDescriptor,
) -> JsResult<bool> {
    // 1. If IsPlatformObjectSameOrigin(this) is true, then:
    if let Some(inner) = l.same_origin(state, current) {
        //    1. If the value of the [[DefaultProperties]] internal slot of this contains P,
        //       then return false.
        if l.default_properties.contains(key) {
            return Ok(false);
        }
        //    2. Return ? OrdinaryDefineOwnProperty(this, P, Desc).
        let existed = ordinary_get_own_property(inner, key).is_some();
        let made_non_configurable = descriptor.configurable() == Some(false);
        if inner
            .define_property_or_throw(key.clone(), descriptor, context)
            .is_err()
        {
            return Ok(false);
        }
        // Deviation: a non-configurable property goes on the proxy's target too (boa's
        // Proxy invariants).
        // (A new property is non-configurable unless the descriptor says otherwise.)
        if let Some(defined) = ordinary_get_own_property(inner, key)
            && defined.configurable() == Some(false)
            && (made_non_configurable || !existed)
        {
            let _ = l
                .target
                .define_property_or_throw(key.clone(), defined, context);
        }
        return Ok(true);
    }
    // 2. Throw a "SecurityError" DOMException.
    Err(security_error(context, key))
}

/// [[Get]] ( P, Receiver ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-get>
pub(super) fn get(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    l: &Location,
    key: &PropertyKey,
    receiver: &JsValue,
) -> JsResult<JsValue> {
    // 1. If IsPlatformObjectSameOrigin(this) is true, then return ? OrdinaryGet(this, P,
    //    Receiver).
    if let Some(inner) = l.same_origin(state, current) {
        let own = ordinary_get_own_property(inner, key);
        return ordinary_get_from(inner.prototype(), own, key, receiver, context);
    }
    // 2. Return ? CrossOriginGet(this, P, Receiver).
    let descriptor = get_own_property(state, context, current, l, key)?
        .ok_or_else(|| security_error(context, key))?;
    cross_origin_get(context, &descriptor, key, receiver)
}

/// [[Set]] ( P, V, Receiver ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-set>
pub(super) fn set(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    l: &Location,
    key: &PropertyKey,
    value: &JsValue,
    receiver: &JsValue,
) -> JsResult<bool> {
    // 1. If IsPlatformObjectSameOrigin(this) is true, then return ? OrdinarySet(this, P, V,
    //    Receiver).
    if let Some(inner) = l.same_origin(state, current) {
        let own = ordinary_get_own_property(inner, key);
        return match ordinary_set_target(inner.prototype(), own, key, None) {
            SetTarget::ReadOnly | SetTarget::Accessor(None) => Ok(false),
            SetTarget::Accessor(Some(setter)) => {
                setter.call(receiver, std::slice::from_ref(value), context)?;
                Ok(true)
            }
            SetTarget::Data => match receiver.as_object() {
                // Receiver is this Location: the value goes on it.
                Some(object) if is_location_proxy(context, &object, l) => {
                    inner.set(key.clone(), value.clone(), false, context)
                }
                Some(object) => object.create_data_property(key.clone(), value.clone(), context),
                None => Ok(false),
            },
        };
    }
    // 2. Return ? CrossOriginSet(this, P, V, Receiver).
    let descriptor = get_own_property(state, context, current, l, key)?
        .ok_or_else(|| security_error(context, key))?;
    cross_origin_set(context, &descriptor, key, value, receiver)
}

/// Whether `object` is the Location proxy whose state is `l`.
fn is_location_proxy(context: &Context, object: &JsObject, l: &Location) -> bool {
    window_of_location(context, object) == Some(l.window)
}

/// [[Delete]] ( P ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-delete>
pub(super) fn delete(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    l: &Location,
    key: &PropertyKey,
) -> JsResult<bool> {
    // 1. If IsPlatformObjectSameOrigin(this) is true, then return ? OrdinaryDelete(this, P).
    if let Some(inner) = l.same_origin(state, current) {
        return match ordinary_get_own_property(inner, key) {
            None => Ok(true),
            Some(desc) if desc.configurable() == Some(true) => {
                inner.delete_property_or_throw(key.clone(), context)
            }
            Some(_) => Ok(false),
        };
    }
    // 2. Throw a "SecurityError" DOMException.
    Err(security_error(context, key))
}

/// [[OwnPropertyKeys]] ( ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-ownpropertykeys>
pub(super) fn own_property_keys(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    l: &Location,
) -> JsResult<Vec<PropertyKey>> {
    // 1. If IsPlatformObjectSameOrigin(this) is true, then return OrdinaryOwnPropertyKeys(this).
    if let Some(inner) = l.same_origin(state, current) {
        return inner.own_property_keys(context);
    }
    // 2. Return ! CrossOriginOwnPropertyKeys(this).
    Ok(cross_origin_own_property_keys(Kind::Location))
}
