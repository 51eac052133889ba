//! The boa Proxy traps of a Location: each finds the Location's state and the current settings
//! object, enters the current realm and runs the internal method.

use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsResult, JsValue};

use crate::agent::AgentState;
use crate::html::cross_origin::ordinary::has_on_chain;
use crate::html::cross_origin::{
    Current, current, from_property_descriptor, in_current_realm, key_value,
};
use crate::html::location_exotic::internal_methods::{
    define_own_property, delete, get, get_own_property, get_prototype_of, own_property_keys, set,
    set_prototype_of,
};
use crate::html::location_exotic::{Location, location_of};
use crate::webidl::conversions::arg;

fn enter(
    args: &[JsValue],
    context: &Context,
) -> JsResult<(std::rc::Rc<AgentState>, Option<Current>, Location)> {
    Ok((
        AgentState::of(context)?,
        current(context),
        location_of(args)?,
    ))
}

pub(super) fn trap_get_prototype_of(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    Ok(get_prototype_of(&state, current.as_ref(), &l))
}

pub(super) fn trap_set_prototype_of(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    Ok(JsValue::new(set_prototype_of(
        &state,
        current.as_ref(),
        &l,
        &arg(args, 1),
    )))
}

/// [[PreventExtensions]] ( ): return false. ([[IsExtensible]] is the target's: true.)
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-preventextensions>
pub(super) fn trap_prevent_extensions(
    _: &JsValue,
    _: &[JsValue],
    _: &mut Context,
) -> JsResult<JsValue> {
    Ok(JsValue::new(false))
}

pub(super) fn trap_get_own_property_descriptor(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        let descriptor = get_own_property(&state, context, current.as_ref(), &l, &key)?;
        from_property_descriptor(descriptor.as_ref(), context)
    })
}

pub(super) fn trap_define_property(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let descriptor = arg(args, 2).to_property_descriptor(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        define_own_property(&state, context, current.as_ref(), &l, &key, descriptor)
            .map(JsValue::new)
    })
}

/// [[HasProperty]]: OrdinaryHasProperty(this, P).
///
/// Spec: <https://tc39.es/ecma262/#sec-ordinaryhasproperty>
pub(super) fn trap_has(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        if get_own_property(&state, context, current.as_ref(), &l, &key)?.is_some() {
            return Ok(JsValue::new(true));
        }
        let parent = get_prototype_of(&state, current.as_ref(), &l).as_object();
        Ok(JsValue::new(has_on_chain(parent, &key, None)))
    })
}

pub(super) fn trap_get(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let receiver = arg(args, 2);
    in_current_realm(context, current.as_ref(), |context| {
        get(&state, context, current.as_ref(), &l, &key, &receiver)
    })
}

pub(super) fn trap_set(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let value = arg(args, 2);
    let receiver = arg(args, 3);
    in_current_realm(context, current.as_ref(), |context| {
        set(
            &state,
            context,
            current.as_ref(),
            &l,
            &key,
            &value,
            &receiver,
        )
        .map(JsValue::new)
    })
}

pub(super) fn trap_delete_property(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        delete(&state, context, current.as_ref(), &l, &key).map(JsValue::new)
    })
}

pub(super) fn trap_own_keys(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    in_current_realm(context, current.as_ref(), |context| {
        let keys = own_property_keys(&state, context, current.as_ref(), &l)?;
        Ok(JsArray::from_iter(keys.into_iter().map(key_value), context).into())
    })
}
