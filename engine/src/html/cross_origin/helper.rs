//! CrossOriginGetOwnPropertyHelper and the cross-origin property descriptor map, CrossOriginGet
//! and CrossOriginSet.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossorigingetownpropertyhelper-(-o,-p-)>

use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{Context, JsResult, JsValue, NativeFunction};
use postern_dom::BrowsingContextId;

use crate::agent::AgentState;
use crate::html::cross_origin::{
    Current, Kind, cross_origin_property, in_current_realm, object_key, security_error,
};
use crate::html::location;
use crate::html::window_proxy;
use crate::ids::WindowId;
use crate::webidl::interface::function;

/// The platform object a cross-origin function performs its steps on: a Window (with its
/// browsing context) or the Location of that Window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CrossOriginObject {
    /// Window or Location.
    pub kind: Kind,
    /// The object's relevant global.
    pub window: WindowId,
    /// That Window's browsing context (a Location's navigable).
    pub browsing_context: BrowsingContextId,
}

/// Which steps of an IDL member a cross-origin function performs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// The operation.
    Method,
    /// The attribute getter.
    Getter,
    /// The attribute setter.
    Setter,
}

/// Runs the steps of the IDL member `property` of `object` (a cross-origin function's body).
fn perform_steps(
    object: CrossOriginObject,
    property: &'static str,
    role: Role,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    match object.kind {
        Kind::Window => {
            window_proxy::cross_origin_window_steps(object, property, role, args, context)
        }
        Kind::Location => {
            location::cross_origin_location_steps(object, property, role, args, context)
        }
    }
}

/// A new built-in function of the current realm performing `role` of `property` on `object`,
/// named and sized as Web IDL names and sizes the member's function.
fn cross_origin_function(
    context: &mut Context,
    object: CrossOriginObject,
    property: &'static str,
    role: Role,
    length: usize,
) -> JsValue {
    let name = match role {
        Role::Method => property.to_string(),
        Role::Getter => format!("get {property}"),
        Role::Setter => format!("set {property}"),
    };
    let body = NativeFunction::from_copy_closure(move |_, args, context| {
        perform_steps(object, property, role, args, context)
    });
    function(context, &name, length, body).into()
}

/// CrossOriginGetOwnPropertyHelper(O, P): the cross-origin property's descriptor, made once per
/// (current settings object, O's relevant settings object, P) and kept in the map (on the
/// current Window's state: the key's first part).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossorigingetownpropertyhelper-(-o,-p-)>
pub(crate) fn cross_origin_get_own_property_helper(
    state: &AgentState,
    context: &mut Context,
    current: Option<&Current>,
    object: CrossOriginObject,
    key: &PropertyKey,
) -> JsResult<Option<PropertyDescriptor>> {
    // 2. For each e of CrossOriginProperties(O): if SameValue(e.[[Property]], P) is true:
    let Some(e) = cross_origin_property(object.kind, key) else {
        // 3. Return undefined.
        return Ok(None);
    };
    // 1. Let crossOriginKey be a tuple consisting of the current settings object, O's
    //    relevant settings object, and P.
    let map_key = (object_key(object.kind, object.window), e.property);
    //    1. If the value of the [[CrossOriginPropertyDescriptorMap]] internal slot of O
    //       contains an entry whose key is crossOriginKey, then return that entry's value.
    if let Some(current) = current
        && let Some(descriptor) = state
            .windows
            .borrow()
            .get(&current.window)
            .and_then(|w| w.cross_origin_descriptors.get(&map_key).cloned())
    {
        return Ok(Some(descriptor));
    }
    //    2. Let originalDesc be OrdinaryGetOwnProperty(O, P). (Its value or accessors are
    //       the IDL member's: the functions below perform their steps.)
    //    3. Let crossOriginDesc be undefined.
    let descriptor = in_current_realm(context, current, |context| {
        Ok(match e.accessor {
            //    4. If e.[[NeedsGet]] and e.[[NeedsSet]] are absent, then: let value be
            //       originalDesc.[[Value]]; if IsCallable(value), set value to an anonymous
            //       built-in function, created in the current realm, that performs the same
            //       steps as the IDL operation P on object O; set crossOriginDesc to
            //       PropertyDescriptor{ [[Value]]: value, [[Enumerable]]: false,
            //       [[Writable]]: false, [[Configurable]]: true }.
            None => PropertyDescriptor::builder()
                .value(cross_origin_function(
                    context,
                    object,
                    e.property,
                    Role::Method,
                    e.length,
                ))
                .enumerable(false)
                .writable(false)
                .configurable(true)
                .build(),
            //    5. Otherwise: crossOriginGet (if e.[[NeedsGet]]) and crossOriginSet (if
            //       e.[[NeedsSet]]), anonymous built-in functions created in the current
            //       realm that perform the steps of the IDL attribute P's getter and setter
            //       on object O; crossOriginDesc is PropertyDescriptor{ [[Get]]:
            //       crossOriginGet, [[Set]]: crossOriginSet, [[Enumerable]]: false,
            //       [[Configurable]]: true }.
            Some((needs_get, needs_set)) => {
                let get = if needs_get {
                    cross_origin_function(context, object, e.property, Role::Getter, 0)
                } else {
                    JsValue::undefined()
                };
                let set = if needs_set {
                    cross_origin_function(context, object, e.property, Role::Setter, 1)
                } else {
                    JsValue::undefined()
                };
                PropertyDescriptor::builder()
                    .get(get)
                    .set(set)
                    .enumerable(false)
                    .configurable(true)
                    .build()
            }
        })
    })?;
    //    6. Create an entry in the value of the [[CrossOriginPropertyDescriptorMap]] internal
    //       slot of O with key crossOriginKey and value crossOriginDesc.
    if let Some(current) = current
        && let Some(w) = state.windows.borrow_mut().get_mut(&current.window)
    {
        w.cross_origin_descriptors
            .insert(map_key, descriptor.clone());
    }
    //    7. Return crossOriginDesc.
    Ok(Some(descriptor))
}

/// CrossOriginGet(O, P, Receiver), from step 3 on: `descriptor` is the result of steps 1–2
/// (O.[[GetOwnProperty]](P), which the caller, O's internal method, has run).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginget-(-o,-p,-receiver-)>
pub(crate) fn cross_origin_get(
    context: &mut Context,
    descriptor: &PropertyDescriptor,
    key: &PropertyKey,
    receiver: &JsValue,
) -> JsResult<JsValue> {
    // 1. Let desc be ? O.[[GetOwnProperty]](P). 2. Assert: desc is not undefined.
    // 3. If IsDataDescriptor(desc) is true, then return desc.[[Value]].
    if descriptor.is_data_descriptor() {
        return Ok(descriptor.value().cloned().unwrap_or_default());
    }
    // 4. Assert: IsAccessorDescriptor(desc) is true.
    // 5. Let getter be desc.[[Get]].
    // 6. If getter is undefined, then throw a "SecurityError" DOMException.
    let Some(getter) = descriptor.get().and_then(JsValue::as_callable) else {
        return Err(security_error(context, key));
    };
    // 7. Return ? Call(getter, Receiver).
    getter.call(receiver, &[], context)
}

/// CrossOriginSet(O, P, V, Receiver), from step 3 on (see [`cross_origin_get`]).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#crossoriginset-(-o,-p,-v,-receiver-)>
pub(crate) fn cross_origin_set(
    context: &mut Context,
    descriptor: &PropertyDescriptor,
    key: &PropertyKey,
    value: &JsValue,
    receiver: &JsValue,
) -> JsResult<bool> {
    // 1. Let desc be ? O.[[GetOwnProperty]](P). 2. Assert: desc is not undefined.
    // 3. If desc.[[Set]] is present and its value is not undefined, then:
    if let Some(setter) = descriptor.set().and_then(JsValue::as_callable) {
        //    1. Let setter be desc.[[Set]].
        //    2. Perform ? Call(setter, Receiver, « V »).
        setter.call(receiver, std::slice::from_ref(value), context)?;
        //    3. Return true.
        return Ok(true);
    }
    // 4. Throw a "SecurityError" DOMException.
    Err(security_error(context, key))
}
