//! The boa Proxy that stands for an exotic object of the "Cross-origin objects" family (a
//! WindowProxy, a Location): each trap finds the object's state and the current settings
//! object, enters the current realm and runs the object's internal method.
//!
//! boa 0.22 gives embedders no way to define an object's internal methods, so both objects
//! are Proxies whose traps call the spec's internal methods; this file holds the traps once.

use boa_engine::object::builtins::{JsArray, JsProxyBuilder};
use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{Context, JsObject, JsResult, JsValue};

use crate::agent::AgentState;
use crate::html::cross_origin::{
    Current, current, from_property_descriptor, in_current_realm, key_value,
};
use crate::webidl::conversions::arg;

/// An exotic object's internal methods, as the spec defines them for it.
pub(crate) trait CrossOriginExotic: Sized {
    /// The object's state, from the trap's target (`args[0]`).
    fn of(state: &AgentState, args: &[JsValue]) -> JsResult<Self>;
    /// [[GetPrototypeOf]] ( ).
    fn get_prototype_of(&self, state: &AgentState, current: Option<&Current>) -> JsValue;
    /// [[SetPrototypeOf]] ( V ).
    fn set_prototype_of(
        &self,
        state: &AgentState,
        current: Option<&Current>,
        value: &JsValue,
    ) -> bool;
    /// [[GetOwnProperty]] ( P ).
    fn get_own_property(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
        key: &PropertyKey,
    ) -> JsResult<Option<PropertyDescriptor>>;
    /// [[DefineOwnProperty]] ( P, Desc ).
    fn define_own_property(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
        key: &PropertyKey,
        descriptor: PropertyDescriptor,
    ) -> JsResult<bool>;
    /// Step 4 of OrdinaryHasProperty: whether `parent` (what [[GetPrototypeOf]] gave) or its
    /// chain has `key`.
    fn has_on_prototype_chain(
        &self,
        state: &AgentState,
        context: &mut Context,
        parent: Option<JsObject>,
        key: &PropertyKey,
    ) -> JsResult<bool>;
    /// [[Get]] ( P, Receiver ).
    fn get(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
        key: &PropertyKey,
        receiver: &JsValue,
    ) -> JsResult<JsValue>;
    /// [[Set]] ( P, V, Receiver ).
    fn set(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
        key: &PropertyKey,
        value: &JsValue,
        receiver: &JsValue,
    ) -> JsResult<bool>;
    /// [[Delete]] ( P ).
    fn delete(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
        key: &PropertyKey,
    ) -> JsResult<bool>;
    /// [[OwnPropertyKeys]] ( ).
    fn own_property_keys(
        &self,
        state: &AgentState,
        context: &mut Context,
        current: Option<&Current>,
    ) -> JsResult<Vec<PropertyKey>>;
}

/// A boa Proxy over `target` whose traps are `T`'s internal methods. ([[IsExtensible]] is the
/// target's: true, as the spec's objects say; [[PreventExtensions]] returns false.)
pub(crate) fn build_exotic_proxy<T: CrossOriginExotic>(
    target: JsObject,
    context: &mut Context,
) -> JsResult<JsObject> {
    Ok(JsProxyBuilder::new(target)
        .get_prototype_of(trap_get_prototype_of::<T>)
        .set_prototype_of(trap_set_prototype_of::<T>)
        .prevent_extensions(trap_prevent_extensions)
        .get_own_property_descriptor(trap_get_own_property_descriptor::<T>)
        .define_property(trap_define_property::<T>)
        .has(trap_has::<T>)
        .get(trap_get::<T>)
        .set(trap_set::<T>)
        .delete_property(trap_delete_property::<T>)
        .own_keys(trap_own_keys::<T>)
        .build(context)?
        .into())
}

/// The state every trap starts from: the agent, the current settings object and the object.
fn enter<T: CrossOriginExotic>(
    args: &[JsValue],
    context: &Context,
) -> JsResult<(std::rc::Rc<AgentState>, Option<Current>, T)> {
    let state = AgentState::of(context)?;
    let current = current(context);
    let object = T::of(&state, args)?;
    Ok((state, current, object))
}

fn trap_get_prototype_of<T: CrossOriginExotic>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, o) = enter::<T>(args, context)?;
    Ok(o.get_prototype_of(&state, current.as_ref()))
}

fn trap_set_prototype_of<T: CrossOriginExotic>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, o) = enter::<T>(args, context)?;
    Ok(JsValue::new(o.set_prototype_of(
        &state,
        current.as_ref(),
        &arg(args, 1),
    )))
}

/// [[PreventExtensions]] ( ): return false (both objects).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#windowproxy-preventextensions>,
/// <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-preventextensions>
fn trap_prevent_extensions(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::new(false))
}

fn trap_get_own_property_descriptor<T: CrossOriginExotic>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, o) = enter::<T>(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        let descriptor = o.get_own_property(&state, context, current.as_ref(), &key)?;
        from_property_descriptor(descriptor.as_ref(), context)
    })
}

fn trap_define_property<T: CrossOriginExotic>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, o) = enter::<T>(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let descriptor = arg(args, 2).to_property_descriptor(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        o.define_own_property(&state, context, current.as_ref(), &key, descriptor)
            .map(JsValue::new)
    })
}

/// [[HasProperty]]: OrdinaryHasProperty(this, P), through this object's [[GetOwnProperty]]
/// and [[GetPrototypeOf]].
///
/// Spec: <https://tc39.es/ecma262/#sec-ordinaryhasproperty>
fn trap_has<T: CrossOriginExotic>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, o) = enter::<T>(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        // 1. Let hasOwn be ? O.[[GetOwnProperty]](P). 2. If it is not undefined, return true.
        if o.get_own_property(&state, context, current.as_ref(), &key)?
            .is_some()
        {
            return Ok(JsValue::new(true));
        }
        // 3. Let parent be ? O.[[GetPrototypeOf]](). 4. If parent is not null, return ?
        //    parent.[[HasProperty]](P). 5. Return false.
        let parent = o.get_prototype_of(&state, current.as_ref()).as_object();
        Ok(JsValue::new(
            o.has_on_prototype_chain(&state, context, parent, &key)?,
        ))
    })
}

fn trap_get<T: CrossOriginExotic>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, o) = enter::<T>(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let receiver = arg(args, 2);
    in_current_realm(context, current.as_ref(), |context| {
        o.get(&state, context, current.as_ref(), &key, &receiver)
    })
}

fn trap_set<T: CrossOriginExotic>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, o) = enter::<T>(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let value = arg(args, 2);
    let receiver = arg(args, 3);
    in_current_realm(context, current.as_ref(), |context| {
        o.set(&state, context, current.as_ref(), &key, &value, &receiver)
            .map(JsValue::new)
    })
}

fn trap_delete_property<T: CrossOriginExotic>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, o) = enter::<T>(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        o.delete(&state, context, current.as_ref(), &key)
            .map(JsValue::new)
    })
}

fn trap_own_keys<T: CrossOriginExotic>(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, o) = enter::<T>(args, context)?;
    in_current_realm(context, current.as_ref(), |context| {
        let keys = o.own_property_keys(&state, context, current.as_ref())?;
        Ok(JsArray::from_iter(keys.into_iter().map(key_value), context).into())
    })
}
