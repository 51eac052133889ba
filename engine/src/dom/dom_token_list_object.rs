//! What scripts hold of a `DOMTokenList`: a legacy platform object with an indexed property
//! getter, made as a Proxy whose target is the platform object (the `DomTokenList` data with
//! `DOMTokenList.prototype`), and the table, per realm, of which Proxy is whose list.
//!
//! Spec: <https://webidl.spec.whatwg.org/#es-legacy-platform-objects>
//!
//! Deviation: boa 0.22 gives an embedder no way to define an object's internal methods, so a
//! Proxy stands in for the exotic object. Its traps are the legacy platform object's internal
//! methods for array index keys (the supported property indices are `0..length`), and forward
//! every other key to the target with the realm's original `Reflect` functions, so the
//! receiver of getters and setters is the Proxy. `Object.getPrototypeOf(list)` is
//! `DOMTokenList.prototype` (the target's); methods called with the Proxy as `this` find the
//! target through the table.

use std::collections::HashMap;

use boa_engine::object::builtins::{JsArray, JsProxyBuilder};
use boa_engine::property::PropertyKey;
use boa_engine::realm::Realm;
use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace, js_string,
};

use crate::agent::AgentState;
use crate::dom::dom_token_list::DomTokenList;
use crate::dom::wrappers::{NodeRef, string_value};
use crate::ids::NodeId;
use crate::webidl::conversions::{arg, type_error};

/// An element and the local name of one of its attributes: which list of the element.
#[derive(Clone, PartialEq, Eq, Hash, Trace, Finalize)]
struct ElementAttribute(#[unsafe_ignore_trace] NodeId, #[unsafe_ignore_trace] String);

/// The DOMTokenLists of one realm (kept in its host-defined slot), and the realm's original
/// `Reflect` functions the traps forward with.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct TokenListObjects {
    /// The Proxy of each (element, attribute) that has a list.
    by_element: HashMap<ElementAttribute, JsObject>,
    /// The target (the platform object) of each Proxy.
    by_proxy: HashMap<JsObject, JsObject>,
    /// `Reflect.get`, `set`, `has`, `getOwnPropertyDescriptor`, `defineProperty`,
    /// `deleteProperty` and `ownKeys`, as the realm had them before any page script ran.
    reflect: Vec<JsObject>,
}

/// The index of each `Reflect` function in [`TokenListObjects::reflect`].
const REFLECT: [&str; 7] = [
    "get",
    "set",
    "has",
    "getOwnPropertyDescriptor",
    "defineProperty",
    "deleteProperty",
    "ownKeys",
];
const GET: usize = 0;
const SET: usize = 1;
const HAS: usize = 2;
const GET_OWN_PROPERTY_DESCRIPTOR: usize = 3;
const DEFINE_PROPERTY: usize = 4;
const DELETE_PROPERTY: usize = 5;
const OWN_KEYS: usize = 6;

impl TokenListObjects {
    /// An empty table for the current realm, capturing its `Reflect` functions (called when
    /// the realm's interfaces are installed, before any page script runs).
    pub(crate) fn capture(context: &mut Context) -> JsResult<Self> {
        let reflect_object = context.intrinsics().objects().reflect();
        let mut reflect = Vec::with_capacity(REFLECT.len());
        for name in REFLECT {
            let function = reflect_object
                .get(JsString::from(name), context)?
                .as_object()
                .ok_or_else(|| type_error("a built-in is missing"))?;
            reflect.push(function);
        }
        Ok(TokenListObjects {
            by_element: HashMap::new(),
            by_proxy: HashMap::new(),
            reflect,
        })
    }
}

/// The realm of the element's window, if it lives in this agent.
pub(crate) fn realm_of(state: &AgentState, element: NodeRef) -> Option<Realm> {
    state
        .windows
        .borrow()
        .get(&element.window)
        .map(|w| w.realm.clone())
}

/// The Proxy of the element's list for `local_name`, if it has one.
pub(crate) fn existing(
    context: &Context,
    element: NodeRef,
    local_name: &str,
) -> JsResult<Option<JsObject>> {
    let state = AgentState::of(context)?;
    let Some(realm) = realm_of(&state, element) else {
        return Ok(None);
    };
    let host_defined = realm.host_defined();
    Ok(host_defined.get::<TokenListObjects>().and_then(|objects| {
        let key = ElementAttribute(element.node, local_name.to_owned());
        objects.by_element.get(&key).cloned()
    }))
}

/// The platform object of the element's list for `local_name`, if it has one.
pub(crate) fn existing_target(
    context: &Context,
    element: NodeRef,
    local_name: &str,
) -> JsResult<Option<JsObject>> {
    let state = AgentState::of(context)?;
    let Some(realm) = realm_of(&state, element) else {
        return Ok(None);
    };
    let host_defined = realm.host_defined();
    Ok(host_defined.get::<TokenListObjects>().and_then(|objects| {
        let key = ElementAttribute(element.node, local_name.to_owned());
        let proxy = objects.by_element.get(&key)?;
        objects.by_proxy.get(proxy).cloned()
    }))
}

/// Makes the Proxy of `target` (the element's new list for `local_name`) in the current
/// realm, and records both in the realm's table.
pub(crate) fn create(
    context: &mut Context,
    element: NodeRef,
    local_name: &'static str,
    target: JsObject,
) -> JsResult<JsObject> {
    let proxy: JsObject = JsProxyBuilder::new(target.clone())
        .get(trap_get)
        .set(trap_set)
        .has(trap_has)
        .get_own_property_descriptor(trap_get_own_property_descriptor)
        .define_property(trap_define_property)
        .delete_property(trap_delete_property)
        .own_keys(trap_own_keys)
        .prevent_extensions(trap_prevent_extensions)
        .build(context)?
        .into();
    let realm = context.realm().clone();
    let mut host_defined = realm.host_defined_mut();
    let objects = host_defined
        .get_mut::<TokenListObjects>()
        .ok_or_else(|| type_error("DOMTokenList is not installed in this realm"))?;
    objects.by_element.insert(
        ElementAttribute(element.node, local_name.to_owned()),
        proxy.clone(),
    );
    objects.by_proxy.insert(proxy.clone(), target);
    Ok(proxy)
}

/// The platform object behind `this`, if it is the Proxy of a DOMTokenList of a realm of this
/// agent (the current realm's first).
pub(crate) fn target_of(this: &JsValue, context: &Context) -> JsResult<Option<JsObject>> {
    let Some(object) = this.as_object() else {
        return Ok(None);
    };
    let lookup = |realm: &Realm| {
        realm
            .host_defined()
            .get::<TokenListObjects>()
            .and_then(|objects| objects.by_proxy.get(&object).cloned())
    };
    if let Some(target) = lookup(context.realm()) {
        return Ok(Some(target));
    }
    let state = AgentState::of(context)?;
    let realms: Vec<_> = state
        .windows
        .borrow()
        .values()
        .map(|w| w.realm.clone())
        .collect();
    Ok(realms.iter().find_map(lookup))
}

/// Calls the realm's original `Reflect` function number `which` with `args`.
fn reflect(context: &mut Context, which: usize, args: &[JsValue]) -> JsResult<JsValue> {
    let function = context
        .realm()
        .host_defined()
        .get::<TokenListObjects>()
        .and_then(|objects| objects.reflect.get(which).cloned())
        .ok_or_else(|| type_error("DOMTokenList is not installed in this realm"))?;
    function.call(&JsValue::undefined(), args, context)
}

/// The target and the array index (if the key is one) a trap was called with.
fn target_and_index(args: &[JsValue], context: &mut Context) -> JsResult<(JsObject, Option<u32>)> {
    let target = arg(args, 0)
        .as_object()
        .ok_or_else(|| type_error("not a DOMTokenList"))?;
    let index = match arg(args, 1).to_property_key(context)? {
        PropertyKey::Index(index) => Some(index.get()),
        _ => None,
    };
    Ok((target, index))
}

/// The token at `index` if it is a supported property index of the list (`index < length`).
fn supported_index(target: &JsObject, index: u32) -> Option<String> {
    target
        .downcast_ref::<DomTokenList>()
        .and_then(|list| list.token(index as usize))
}

/// [[Get]]: a supported index gives its token; anything else is the target's, with the
/// Proxy as receiver.
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-getownproperty>
fn trap_get(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (target, index) = target_and_index(args, context)?;
    if let Some(token) = index.and_then(|i| supported_index(&target, i)) {
        return Ok(string_value(&token));
    }
    reflect(context, GET, args)
}

/// [[Set]]: a supported index is a non-writable property (no indexed property setter), so
/// setting it fails; anything else is OrdinarySet on the target with the Proxy as receiver
/// (which defines through [`trap_define_property`], refusing array indices).
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-set>
fn trap_set(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (target, index) = target_and_index(args, context)?;
    if index.and_then(|i| supported_index(&target, i)).is_some() {
        return Ok(JsValue::new(false));
    }
    reflect(context, SET, args)
}

/// [[HasProperty]]: a supported index is an own property.
fn trap_has(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (target, index) = target_and_index(args, context)?;
    if index.and_then(|i| supported_index(&target, i)).is_some() {
        return Ok(JsValue::new(true));
    }
    reflect(context, HAS, args)
}

/// [[GetOwnProperty]]: LegacyPlatformObjectGetOwnProperty for a supported index: { value:
/// the token, writable: false (no indexed property setter), enumerable: true, configurable:
/// true }; otherwise OrdinaryGetOwnProperty.
///
/// Spec: <https://webidl.spec.whatwg.org/#LegacyPlatformObjectGetOwnProperty>
fn trap_get_own_property_descriptor(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (target, index) = target_and_index(args, context)?;
    // 1. If O supports indexed properties and P is an array index:
    //    1. Let index be ! ToUint32(P).
    //    2. If index is a supported property index, then:
    if let Some(token) = index.and_then(|i| supported_index(&target, i)) {
        // 1-2. Let value be the result of the indexed property getter with index.
        // 3. Let desc be a newly created Property Descriptor with no fields.
        // 4. Set desc.[[Value]] to value.
        // 5-6. desc.[[Writable]] is false: O implements no interface with an indexed
        //      property setter.
        // 7. Set desc.[[Enumerable]] and desc.[[Configurable]] to true.
        let descriptor = JsObject::with_object_proto(context.intrinsics());
        descriptor.create_data_property_or_throw(
            js_string!("value"),
            string_value(&token),
            context,
        )?;
        descriptor.create_data_property_or_throw(js_string!("writable"), false, context)?;
        descriptor.create_data_property_or_throw(js_string!("enumerable"), true, context)?;
        descriptor.create_data_property_or_throw(js_string!("configurable"), true, context)?;
        // 8. Return desc.
        return Ok(descriptor.into());
    }
    // 3. Return OrdinaryGetOwnProperty(O, P).
    reflect(context, GET_OWN_PROPERTY_DESCRIPTOR, args)
}

/// [[DefineOwnProperty]]: an array index is refused (there is no indexed property setter);
/// anything else is OrdinaryDefineOwnProperty.
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-defineownproperty>
fn trap_define_property(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (_, index) = target_and_index(args, context)?;
    // 1. If O supports indexed properties and P is an array index:
    //    1. If IsDataDescriptor(Desc) is false, then return false.
    //    2. If O does not implement an interface with an indexed property setter, then
    //       return false.
    if index.is_some() {
        return Ok(JsValue::new(false));
    }
    // 3. Return ! OrdinaryDefineOwnProperty(O, P, Desc).
    reflect(context, DEFINE_PROPERTY, args)
}

/// [[Delete]]: a supported index cannot be deleted; another array index is not there.
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-delete>
fn trap_delete_property(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (target, index) = target_and_index(args, context)?;
    // 1. If O supports indexed properties and P is an array index:
    if let Some(index) = index {
        // 1. Let index be ! ToUint32(P).
        // 2. If index is not a supported property index, then return true.
        // 3. Return false.
        return Ok(JsValue::new(supported_index(&target, index).is_none()));
    }
    // 4. If O has an own property with name P: OrdinaryDelete (the target's).
    reflect(context, DELETE_PROPERTY, args)
}

/// [[OwnPropertyKeys]]: the supported property indices in ascending order, then the target's
/// own keys (strings in creation order, then symbols).
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-ownpropertykeys>
fn trap_own_keys(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let target = arg(args, 0)
        .as_object()
        .ok_or_else(|| type_error("not a DOMTokenList"))?;
    let size = target
        .downcast_ref::<DomTokenList>()
        .map_or(0, |list| list.size());
    // 1. Let keys be a new empty list of ECMAScript String and Symbol values.
    // 2. If O supports indexed properties, then for each index of O's supported property
    //    indices, in ascending numerical order, append ! ToString(index) to keys.
    let mut keys: Vec<JsValue> = (0..size).map(|i| string_value(&i.to_string())).collect();
    // 4-5. The own string keys, then the own symbol keys, in creation order (the target
    //      never has an array index of its own).
    let own = reflect(context, OWN_KEYS, args)?;
    if let Some(own) = own.as_object() {
        let own = JsArray::from_object(own)?;
        let length = own.length(context)?;
        for i in 0..length {
            keys.push(own.get(i, context)?);
        }
    }
    // 6. Return keys.
    Ok(JsArray::from_iter(keys, context).into())
}

/// [[PreventExtensions]]: a legacy platform object cannot be made non-extensible.
///
/// Spec: <https://webidl.spec.whatwg.org/#legacy-platform-object-preventextensions>
fn trap_prevent_extensions(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    // 1. Return false.
    Ok(JsValue::new(false))
}
