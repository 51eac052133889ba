//! Legacy platform objects with named properties (a named getter, setter and deleter):
//! their internal methods, as the traps of the boa Proxy scripts hold (boa 0.22 lets an
//! embedder define no exotic object). `Storage` and `DOMStringMap` implement
//! [`NamedProperties`]; the traps are written once, here.
//!
//! Spec: <https://webidl.spec.whatwg.org/#es-legacy-platform-objects>

use boa_engine::object::NativeObject;
use boa_engine::object::builtins::{JsArray, JsProxyBuilder};
use boa_engine::property::PropertyKey;
use boa_engine::{Context, JsObject, JsResult, JsString, JsValue, js_string};

use crate::agent::realm_data::RealmData;
use crate::webidl::conversions::{arg, to_dom_string, type_error};

/// The named properties of a legacy platform object, as its interface defines them; the
/// implementing type is the platform object's internal data (the Proxy's target's).
pub(crate) trait NamedProperties: NativeObject + Clone {
    /// The interface's identifier (for errors).
    const INTERFACE: &'static str;
    /// Whether the interface has `[LegacyOverrideBuiltIns]`.
    const OVERRIDE_BUILTINS: bool;

    /// The value of the named property `name`, if `name` is a supported property name (the
    /// named property getter).
    fn named_value(&self, context: &mut Context, name: &str) -> JsResult<Option<String>>;
    /// The supported property names, in order.
    fn supported_property_names(&self, context: &mut Context) -> JsResult<Vec<String>>;
    /// The named property setter.
    fn set_named_property(&self, context: &mut Context, name: &str, value: &str) -> JsResult<()>;
    /// The named property deleter.
    fn delete_named_property(&self, context: &mut Context, name: &str) -> JsResult<()>;
}

/// The Proxy scripts hold for the platform object `target` (whose data is a `T`).
pub(crate) fn named_properties_proxy<T: NamedProperties>(
    context: &mut Context,
    target: JsObject,
) -> JsResult<JsObject> {
    let proxy = JsProxyBuilder::new(target)
        .get(trap_get::<T>)
        .set(trap_set::<T>)
        .has(trap_has::<T>)
        .delete_property(trap_delete_property::<T>)
        .get_own_property_descriptor(trap_get_own_property_descriptor::<T>)
        .define_property(trap_define_property::<T>)
        .own_keys(trap_own_keys::<T>)
        .build(context)?;
    Ok(proxy.into())
}

/// A trap's target (the platform object) and its data.
fn trap_target<T: NamedProperties>(args: &[JsValue]) -> JsResult<(JsObject, T)> {
    let not_one = || type_error(format!("not a {}", T::INTERFACE));
    let target = arg(args, 0).as_object().ok_or_else(not_one)?;
    let data = target
        .downcast_ref::<T>()
        .map(|d| d.clone())
        .ok_or_else(not_one)?;
    Ok((target, data))
}

/// The trap's property key, and its name when it is a string (`None` for a symbol).
fn string_key(value: &JsValue, context: &mut Context) -> JsResult<(PropertyKey, Option<String>)> {
    let key = value.to_property_key(context)?;
    let name = match &key {
        PropertyKey::Symbol(_) => None,
        PropertyKey::String(s) => Some(s.to_std_string_lossy()),
        PropertyKey::Index(i) => Some(i.get().to_string()),
    };
    Ok((key, name))
}

/// The named property visibility algorithm: the value of the named property `name` if it
/// is visible on `target`.
///
/// Spec: <https://webidl.spec.whatwg.org/#dfn-named-property-visibility>
fn visible_named_property<T: NamedProperties>(
    context: &mut Context,
    target: &JsObject,
    data: &T,
    key: &PropertyKey,
    name: &str,
) -> JsResult<Option<String>> {
    // 1. If P is not a supported property name of O, then return false.
    let Some(value) = data.named_value(context, name)? else {
        return Ok(None);
    };
    // 2. If O has an own property named P, then return false.
    if target.has_own_property(key.clone(), context)? {
        return Ok(None);
    }
    // 3. If O implements an interface that has the [LegacyOverrideBuiltIns] extended
    //    attribute, then return true.
    if T::OVERRIDE_BUILTINS {
        return Ok(Some(value));
    }
    // 4-5. If a prototype on O's chain (none is a named properties object here) has an own
    //      property named P, then return false.
    if target.has_property(key.clone(), context)? {
        return Ok(None);
    }
    // 6. Return true.
    Ok(Some(value))
}

/// [[Get]] (through [[GetOwnProperty]]): a visible named property is its value; anything
/// else is the object's.
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-getownproperty>
fn trap_get<T: NamedProperties>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (target, data) = trap_target::<T>(args)?;
    let (key, name) = string_key(&arg(args, 1), context)?;
    if let Some(name) = name
        && let Some(value) = visible_named_property(context, &target, &data, &key, &name)?
    {
        return Ok(JsString::from(value.as_str()).into());
    }
    target.get(key, context)
}

/// [[Set]]: a string key invokes the named property setter.
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-set>
fn trap_set<T: NamedProperties>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (target, data) = trap_target::<T>(args)?;
    let (key, name) = string_key(&arg(args, 1), context)?;
    let value = arg(args, 2);
    match name {
        // 1. If O and Receiver are the same object: if O implements an interface with a
        //    named property setter and P is a String, invoke the named property setter
        //    and return true.
        Some(name) => {
            let value = to_dom_string(&value, context)?;
            data.set_named_property(context, &name, &value)?;
            Ok(JsValue::new(true))
        }
        // 2-3. Otherwise OrdinarySet.
        None => Ok(JsValue::new(target.set(key, value, false, context)?)),
    }
}

/// [[HasProperty]]: a supported property name, or a property of the object.
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-getownproperty>
fn trap_has<T: NamedProperties>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (target, data) = trap_target::<T>(args)?;
    let (key, name) = string_key(&arg(args, 1), context)?;
    if let Some(name) = name
        && data.named_value(context, &name)?.is_some()
    {
        return Ok(JsValue::new(true));
    }
    Ok(JsValue::new(target.has_property(key, context)?))
}

/// [[Delete]]: a visible named property is removed by the named property deleter.
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-delete>
fn trap_delete_property<T: NamedProperties>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (target, data) = trap_target::<T>(args)?;
    let (key, name) = string_key(&arg(args, 1), context)?;
    // 2. If O supports named properties, O does not implement an interface with the
    //    [Global] extended attribute and the result of calling the named property
    //    visibility algorithm with property name P and object O is true, then: invoke the
    //    named property deleter and return true.
    if let Some(name) = name
        && visible_named_property(context, &target, &data, &key, &name)?.is_some()
    {
        data.delete_named_property(context, &name)?;
        return Ok(JsValue::new(true));
    }
    // 3-4. Otherwise the ordinary [[Delete]].
    Ok(JsValue::new(
        target.delete_property_or_throw(key, context).is_ok(),
    ))
}

/// [[GetOwnProperty]]: LegacyPlatformObjectGetOwnProperty (a visible named property is a
/// writable, enumerable, configurable data property).
///
/// Spec: <https://webidl.spec.whatwg.org/#LegacyPlatformObjectGetOwnProperty>
fn trap_get_own_property_descriptor<T: NamedProperties>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (target, data) = trap_target::<T>(args)?;
    let (key, name) = string_key(&arg(args, 1), context)?;
    if let Some(name) = name
        && let Some(value) = visible_named_property(context, &target, &data, &key, &name)?
    {
        let descriptor = JsObject::with_object_proto(context.intrinsics());
        descriptor.set(
            js_string!("value"),
            JsString::from(value.as_str()),
            false,
            context,
        )?;
        descriptor.set(js_string!("writable"), true, false, context)?;
        descriptor.set(js_string!("enumerable"), true, false, context)?;
        descriptor.set(js_string!("configurable"), true, false, context)?;
        return Ok(descriptor.into());
    }
    // Otherwise the object's own property (`Object.getOwnPropertyDescriptor` of the realm).
    let get_own = RealmData::of_current_realm(context)?
        .get_own_property_descriptor
        .clone();
    get_own.call(
        &JsValue::undefined(),
        &[target.into(), arg(args, 1)],
        context,
    )
}

/// [[DefineOwnProperty]]: a string key with a data descriptor invokes the named property
/// setter; an accessor descriptor is refused.
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-defineownproperty>
fn trap_define_property<T: NamedProperties>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (target, data) = trap_target::<T>(args)?;
    let (key, name) = string_key(&arg(args, 1), context)?;
    let descriptor = arg(args, 2);
    if let Some(name) = name {
        // 1.2.1. If IsDataDescriptor(Desc) is false, then return false.
        let Some(desc) = descriptor.as_object() else {
            return Ok(JsValue::new(false));
        };
        if desc.has_property(js_string!("get"), context)?
            || desc.has_property(js_string!("set"), context)?
        {
            return Ok(JsValue::new(false));
        }
        // 1.2.2. Invoke the named property setter with P and Desc.[[Value]].
        let value = desc.get(js_string!("value"), context)?;
        let value = to_dom_string(&value, context)?;
        data.set_named_property(context, &name, &value)?;
        // 1.2.3. Return true.
        return Ok(JsValue::new(true));
    }
    // 3. Return ! OrdinaryDefineOwnProperty(O, P, Desc).
    let descriptor = descriptor.to_property_descriptor(context)?;
    Ok(JsValue::new(
        target
            .define_property_or_throw(key, descriptor, context)
            .is_ok(),
    ))
}

/// [[OwnPropertyKeys]]: the supported property names, in order, then the object's own keys.
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-ownpropertykeys>
fn trap_own_keys<T: NamedProperties>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (target, data) = trap_target::<T>(args)?;
    let mut keys: Vec<JsValue> = data
        .supported_property_names(context)?
        .into_iter()
        .map(|name| JsString::from(name.as_str()).into())
        .collect();
    for key in target.own_property_keys(context)? {
        keys.push(key.into());
    }
    Ok(JsArray::from_iter(keys, context).into())
}
