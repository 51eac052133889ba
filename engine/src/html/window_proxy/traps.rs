//! The boa Proxy traps of a WindowProxy: each finds the WindowProxy's state and the current
//! settings object, enters the current realm and runs the internal method.

use std::rc::Rc;

use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsResult, JsValue};

use crate::agent::AgentState;
use crate::html::cross_origin::ordinary::has_on_chain;
use crate::html::cross_origin::{
    Current, current, from_property_descriptor, in_current_realm, key_value,
};
use crate::html::window_named_properties;
use crate::html::window_proxy::internal_methods::{
    define_own_property, delete, get, get_own_property, get_prototype_of, own_property_keys, set,
    set_prototype_of,
};
use crate::html::window_proxy::{WindowProxy, window_proxy_object, window_proxy_of};
use crate::webidl::conversions::arg;

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

pub(super) fn trap_get_prototype_of(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    Ok(get_prototype_of(&state, current.as_ref(), &w))
}

pub(super) fn trap_set_prototype_of(
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
    let (state, current, w) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        let descriptor = get_own_property(&state, context, current.as_ref(), &w, &key)?;
        from_property_descriptor(descriptor.as_ref(), context)
    })
}

pub(super) fn trap_define_property(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
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
pub(super) fn trap_has(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
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

pub(super) fn trap_get(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let receiver = arg(args, 2);
    in_current_realm(context, current.as_ref(), |context| {
        get(&state, context, current.as_ref(), &w, &key, &receiver)
    })
}

pub(super) fn trap_set(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
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

pub(super) fn trap_delete_property(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        delete(&state, context, current.as_ref(), &w, &key).map(JsValue::new)
    })
}

pub(super) fn trap_own_keys(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, w) = enter(args, context)?;
    in_current_realm(context, current.as_ref(), |context| {
        let keys = own_property_keys(&state, context, current.as_ref(), &w)?;
        Ok(JsArray::from_iter(keys.into_iter().map(key_value), context).into())
    })
}
