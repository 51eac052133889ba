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

use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsSymbol, JsValue, Trace, js_string,
};

use crate::agent::AgentState;
use crate::agent::window::WindowProxyCache;
use crate::html::cross_origin::exotic::build_exotic_proxy;
use crate::html::cross_origin::helper::CrossOriginObject;
use crate::html::cross_origin::{Current, Kind, is_platform_object_same_origin};
use crate::ids::{BrowsingContextId, WindowId};
use crate::webidl::conversions::{arg, type_error};

mod internal_methods;
mod traps;

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
    build_exotic_proxy::<Location>(target, context)
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
pub(super) struct Location {
    pub(super) inner: Option<JsObject>,
    pub(super) window: WindowId,
    pub(super) navigable: Option<BrowsingContextId>,
    pub(super) default_properties: Vec<PropertyKey>,
    pub(super) target: JsObject,
}

pub(super) fn location_of(args: &[JsValue]) -> JsResult<Location> {
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
    pub(super) fn same_origin(
        &self,
        state: &AgentState,
        current: Option<&Current>,
    ) -> Option<&JsObject> {
        let inner = self.inner.as_ref()?;
        is_platform_object_same_origin(state, current, Some(self.window)).then_some(inner)
    }

    /// The Location as the cross-origin algorithms name it (`None`: its Window has no
    /// navigable any more).
    pub(super) fn cross_origin_object(&self, state: &AgentState) -> Option<CrossOriginObject> {
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
