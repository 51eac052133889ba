//! The Location object as an exotic object: its internal methods, same origin and cross
//! origin, and its creation steps. The Location interface's members are in `location.rs`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface>
//!
//! As the WindowProxy, a Location is a boa Proxy (boa's only kind of exotic object an
//! embedder can make) whose target is an empty, extensible object carrying
//! [`LocationTarget`]: the ordinary platform object with the Location's own properties
//! (`inner`), its [[DefaultProperties]], and whose Location it is. The traps are the internal
//! methods below.

use boa_engine::object::builtins::{JsArray, JsProxyBuilder};
use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsSymbol, JsValue, Trace, js_string,
};

use crate::agent::AgentState;
use crate::agent::window::WindowProxyCache;
use crate::html::cross_origin::helper::{
    CrossOriginObject, cross_origin_get, cross_origin_get_own_property_helper, cross_origin_set,
};
use crate::html::cross_origin::ordinary::{
    SetTarget, has_on_chain, ordinary_get_from, ordinary_get_own_property, ordinary_set_target,
};
use crate::html::cross_origin::{
    Current, Kind, as_configurable, cross_origin_own_property_keys, cross_origin_property_fallback,
    current, from_property_descriptor, in_current_realm, is_platform_object_same_origin, key_value,
    security_error,
};
use crate::ids::{BrowsingContextId, WindowId};
use crate::webidl::conversions::{arg, type_error};

/// What a Location's proxy target carries.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct LocationTarget {
    /// The platform object holding the Location's own properties (none for the stand-in of a
    /// Location of another agent's Window, which is always cross-origin).
    inner: Option<JsObject>,
    /// The Location's relevant global.
    #[unsafe_ignore_trace]
    pub window: WindowId,
    /// That Window's navigable, for a Window of another agent (a Window of this agent is
    /// asked for its own).
    #[unsafe_ignore_trace]
    pub navigable: Option<BrowsingContextId>,
    /// [[DefaultProperties]].
    #[unsafe_ignore_trace]
    default_properties: Vec<PropertyKey>,
}

/// The Location object creation steps, from the platform object `inner` (made by Web IDL,
/// with the `[LegacyUnforgeable]` members as its own properties), in the current realm (the
/// Window's); `inner` is `None` for the stand-in of another agent's Window's Location.
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface>
/// (Location objects are created with these steps)
pub(crate) fn create_location_object(
    context: &mut Context,
    inner: Option<JsObject>,
    window: WindowId,
    navigable: Option<BrowsingContextId>,
) -> JsResult<JsObject> {
    // 1. Let location be a new Location platform object.
    let mut default_properties = Vec::new();
    if let Some(location) = &inner {
        // 2. Let valueOf be location's relevant realm.[[Intrinsics]].[[%Object.prototype.valueOf%]].
        let value_of = context
            .intrinsics()
            .constructors()
            .object()
            .prototype()
            .get(js_string!("valueOf"), context)?;
        // 3. Perform ! location.[[DefineOwnProperty]]("valueOf", { [[Value]]: valueOf,
        //    [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }).
        location.define_property_or_throw(
            js_string!("valueOf"),
            PropertyDescriptor::builder()
                .value(value_of)
                .writable(false)
                .enumerable(false)
                .configurable(false),
            context,
        )?;
        // 4. Perform ! location.[[DefineOwnProperty]](%Symbol.toPrimitive%, { [[Value]]:
        //    undefined, [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: false }).
        location.define_property_or_throw(
            JsSymbol::to_primitive(),
            PropertyDescriptor::builder()
                .value(JsValue::undefined())
                .writable(false)
                .enumerable(false)
                .configurable(false),
            context,
        )?;
        // 5. Set the value of the [[DefaultProperties]] internal slot of location to
        //    location.[[OwnPropertyKeys]]().
        default_properties = location.own_property_keys(context)?;
    }
    let target = JsObject::from_proto_and_data(
        None,
        LocationTarget {
            inner,
            window,
            navigable,
            default_properties,
        },
    );
    // 6. Return location.
    Ok(JsProxyBuilder::new(target)
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
        .into())
}

/// The stand-in Location object of `window`, a Window of another agent (one per agent).
pub(crate) fn remote_location(
    context: &mut Context,
    window: WindowId,
    navigable: Option<BrowsingContextId>,
) -> JsResult<JsObject> {
    if context.get_data::<WindowProxyCache>().is_none() {
        context.insert_data(WindowProxyCache::default());
    }
    if let Some(location) = context
        .get_data::<WindowProxyCache>()
        .and_then(|cache| cache.remote_locations.borrow().get(&window).cloned())
    {
        return Ok(location);
    }
    let location = create_location_object(context, None, window, navigable)?;
    if let Some(cache) = context.get_data::<WindowProxyCache>() {
        cache
            .remote_locations
            .borrow_mut()
            .insert(window, location.clone());
    }
    Ok(location)
}

/// A Location's state, read from its target.
struct Location {
    inner: Option<JsObject>,
    window: WindowId,
    navigable: Option<BrowsingContextId>,
    default_properties: Vec<PropertyKey>,
    target: JsObject,
}

fn location_of(args: &[JsValue]) -> JsResult<Location> {
    let target = arg(args, 0)
        .as_object()
        .ok_or_else(|| type_error("not a Location"))?;
    let data = target
        .downcast_ref::<LocationTarget>()
        .map(|t| {
            (
                t.inner.clone(),
                t.window,
                t.navigable,
                t.default_properties.clone(),
            )
        })
        .ok_or_else(|| type_error("not a Location"))?;
    Ok(Location {
        inner: data.0,
        window: data.1,
        navigable: data.2,
        default_properties: data.3,
        target,
    })
}

impl Location {
    /// IsPlatformObjectSameOrigin(this), with the object to forward to when it is true.
    fn same_origin(&self, state: &AgentState, current: Option<&Current>) -> Option<&JsObject> {
        let inner = self.inner.as_ref()?;
        is_platform_object_same_origin(state, current, Some(self.window)).then_some(inner)
    }

    /// The Location as the cross-origin algorithms name it (`None`: its Window has no
    /// navigable any more).
    fn cross_origin_object(&self, state: &AgentState) -> Option<CrossOriginObject> {
        let navigable = self
            .navigable
            .or_else(|| state.browsing_context_of(self.window))?;
        Some(CrossOriginObject {
            kind: Kind::Location,
            window: self.window,
            browsing_context: navigable,
        })
    }
}

/// [[GetPrototypeOf]] ( ).
///
/// Spec: <https://html.spec.whatwg.org/multipage/nav-history-apis.html#location-getprototypeof>
fn get_prototype_of(state: &AgentState, current: Option<&Current>, l: &Location) -> JsValue {
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
fn set_prototype_of(
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
fn get_own_property(
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
fn define_own_property(
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
fn get(
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
fn set(
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
fn delete(
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
fn own_property_keys(
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

/// The Window whose Location `object` is (a Location of this agent's windows, or the
/// stand-in for another agent's).
pub(crate) fn window_of_location(context: &Context, object: &JsObject) -> Option<WindowId> {
    let state = AgentState::of(context).ok()?;
    let windows = state.windows.borrow();
    for (id, w) in windows.iter() {
        if crate_location_of_realm(&w.realm).as_ref() == Some(object) {
            return Some(*id);
        }
    }
    drop(windows);
    let cache = context.get_data::<WindowProxyCache>()?;
    let remote = cache.remote_locations.borrow();
    remote
        .iter()
        .find(|(_, location)| *location == object)
        .map(|(window, _)| *window)
}

/// The navigable of `object` if it stands for the Location of another agent's Window.
pub(crate) fn navigable_of_remote_location(
    context: &Context,
    object: &JsObject,
) -> Option<BrowsingContextId> {
    let cache = context.get_data::<WindowProxyCache>()?;
    let remote = cache.remote_locations.borrow();
    let (window, _) = remote.iter().find(|(_, location)| *location == object)?;
    let state = AgentState::of(context).ok()?;
    let window = *window;
    state
        .ua
        .window_entry(window)
        .map(|entry| entry.browsing_context)
}

/// The Location object kept in `realm` (its Window's).
fn crate_location_of_realm(realm: &boa_engine::realm::Realm) -> Option<JsObject> {
    realm
        .host_defined()
        .get::<WindowLocation>()
        .map(|location| location.0.clone())
}

/// The Window's Location object, kept in its realm's host-defined slot.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct WindowLocation(pub JsObject);

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

fn trap_get_prototype_of(
    _: &JsValue,
    args: &[JsValue],
    context: &mut Context,
) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    Ok(get_prototype_of(&state, current.as_ref(), &l))
}

fn trap_set_prototype_of(
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
fn trap_prevent_extensions(_: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::new(false))
}

fn trap_get_own_property_descriptor(
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

fn trap_define_property(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
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
fn trap_has(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
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

fn trap_get(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    let receiver = arg(args, 2);
    in_current_realm(context, current.as_ref(), |context| {
        get(&state, context, current.as_ref(), &l, &key, &receiver)
    })
}

fn trap_set(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
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

fn trap_delete_property(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    let key = arg(args, 1).to_property_key(context)?;
    in_current_realm(context, current.as_ref(), |context| {
        delete(&state, context, current.as_ref(), &l, &key).map(JsValue::new)
    })
}

fn trap_own_keys(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let (state, current, l) = enter(args, context)?;
    in_current_realm(context, current.as_ref(), |context| {
        let keys = own_property_keys(&state, context, current.as_ref(), &l)?;
        Ok(JsArray::from_iter(keys.into_iter().map(key_value), context).into())
    })
}
