//! The ordinary internal methods the exotic objects defer to when access is same origin:
//! OrdinaryGetOwnProperty, and OrdinaryGet / OrdinarySet / OrdinaryHasProperty along a
//! prototype chain with an explicit Receiver (boa's public API has [[Get]] and [[Set]] only
//! with the object itself as the receiver).
//!
//! Spec: <https://tc39.es/ecma262/#sec-ordinary-object-internal-methods-and-internal-slots>

use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{Context, JsObject, JsResult, JsValue};

/// How many prototypes a lookup follows at most (chains are acyclic; this bounds a malformed
/// one).
const MAX_CHAIN: usize = 100_000;

/// OrdinaryGetOwnProperty(O, P).
///
/// Spec: <https://tc39.es/ecma262/#sec-ordinarygetownproperty>
pub(crate) fn ordinary_get_own_property(
    object: &JsObject,
    key: &PropertyKey,
) -> Option<PropertyDescriptor> {
    object.borrow().properties().get(key)
}

/// The first property named `key` on `start` and its prototypes, with the object holding it.
/// `skip` is a named properties object (a Proxy) met on the way and its target: the lookup
/// goes on with the target (its own properties and [[Prototype]]), the named properties being
/// the caller's to ask last.
///
/// Deviation: the objects of the chain are read as ordinary objects (a Proxy placed on the
/// prototype chain of a Window or a Location by a page is not consulted).
pub(crate) fn find_on_chain(
    start: Option<JsObject>,
    key: &PropertyKey,
    skip: Option<(&JsObject, &JsObject)>,
) -> Option<(JsObject, PropertyDescriptor)> {
    let mut object = start;
    for _ in 0..MAX_CHAIN {
        let mut current = object?;
        if let Some((named, target)) = skip
            && &current == named
        {
            current = target.clone();
        }
        if let Some(descriptor) = ordinary_get_own_property(&current, key) {
            return Some((current, descriptor));
        }
        object = current.prototype();
    }
    None
}

/// The value a property gives through [[Get]]: its value, or its getter called with
/// `receiver` (undefined without one).
///
/// Spec: <https://tc39.es/ecma262/#sec-ordinaryget> (steps 3-7)
pub(crate) fn value_of(
    descriptor: &PropertyDescriptor,
    receiver: &JsValue,
    context: &mut Context,
) -> JsResult<JsValue> {
    // 3. If IsDataDescriptor(desc) is true, return desc.[[Value]].
    if descriptor.is_data_descriptor() {
        return Ok(descriptor.value().cloned().unwrap_or_default());
    }
    // 5. Let getter be desc.[[Get]]. 6. If getter is undefined, return undefined.
    let Some(getter) = descriptor.get().and_then(JsValue::as_callable) else {
        return Ok(JsValue::undefined());
    };
    // 7. Return ? Call(getter, Receiver).
    getter.call(receiver, &[], context)
}

/// OrdinaryGet on the prototype chain starting at `start` (the object's own property has
/// been looked up by the caller, its [[GetOwnProperty]]): the value, or the getter called with
/// `receiver`.
///
/// Spec: <https://tc39.es/ecma262/#sec-ordinaryget>
pub(crate) fn ordinary_get_from(
    start: Option<JsObject>,
    own: Option<PropertyDescriptor>,
    key: &PropertyKey,
    receiver: &JsValue,
    context: &mut Context,
) -> JsResult<JsValue> {
    ordinary_get_skipping(start, own, key, None, receiver, context)
        .map(|value| value.unwrap_or_default())
}

/// [`ordinary_get_from`] stepping over `skip` (see [`find_on_chain`]); `None` when no object
/// of the chain has the property.
pub(crate) fn ordinary_get_skipping(
    start: Option<JsObject>,
    own: Option<PropertyDescriptor>,
    key: &PropertyKey,
    skip: Option<(&JsObject, &JsObject)>,
    receiver: &JsValue,
    context: &mut Context,
) -> JsResult<Option<JsValue>> {
    // 1. Let desc be ? O.[[GetOwnProperty]](P).
    // 2. If desc is undefined: let parent be ? O.[[GetPrototypeOf]](); if parent is null,
    //    return undefined; return ? parent.[[Get]](P, Receiver).
    let descriptor = match own {
        Some(descriptor) => descriptor,
        None => match find_on_chain(start, key, skip) {
            Some((_, descriptor)) => descriptor,
            None => return Ok(None),
        },
    };
    // 3.-7. The value, or the getter called with Receiver.
    value_of(&descriptor, receiver, context).map(Some)
}

/// What OrdinarySet found for a key: a setter to call with the receiver, or a data property
/// (writable or not), or nothing (a new data property on the receiver).
pub(crate) enum SetTarget {
    /// An accessor: its setter (undefined: the assignment fails).
    Accessor(Option<JsObject>),
    /// A data property that is not writable: the assignment fails.
    ReadOnly,
    /// A writable data property, or none: the value goes on the receiver.
    Data,
}

/// OrdinarySetWithOwnDescriptor's lookup: what `key` is on `start` (own property `own`, else
/// its prototype chain).
///
/// Spec: <https://tc39.es/ecma262/#sec-ordinarysetwithowndescriptor>
pub(crate) fn ordinary_set_target(
    start: Option<JsObject>,
    own: Option<PropertyDescriptor>,
    key: &PropertyKey,
    skip: Option<(&JsObject, &JsObject)>,
) -> SetTarget {
    // 1. If ownDesc is undefined: let parent be ? O.[[GetPrototypeOf]](); if parent is not
    //    null, return ? parent.[[Set]](P, V, Receiver); else set ownDesc to a writable data
    //    descriptor.
    let descriptor = match own {
        Some(descriptor) => descriptor,
        None => match find_on_chain(start, key, skip) {
            Some((_, descriptor)) => descriptor,
            None => return SetTarget::Data,
        },
    };
    // 2. If IsDataDescriptor(ownDesc) is true: if ownDesc.[[Writable]] is false, return
    //    false; (else the value is defined on Receiver).
    if descriptor.is_data_descriptor() {
        return if descriptor.writable().unwrap_or(false) {
            SetTarget::Data
        } else {
            SetTarget::ReadOnly
        };
    }
    // 3. Assert: IsAccessorDescriptor(ownDesc) is true. 4. Let setter be ownDesc.[[Set]].
    SetTarget::Accessor(descriptor.set().and_then(JsValue::as_object))
}

/// OrdinaryHasProperty on the prototype chain from `start`.
///
/// Spec: <https://tc39.es/ecma262/#sec-ordinaryhasproperty>
pub(crate) fn has_on_chain(
    start: Option<JsObject>,
    key: &PropertyKey,
    skip: Option<(&JsObject, &JsObject)>,
) -> bool {
    find_on_chain(start, key, skip).is_some()
}
