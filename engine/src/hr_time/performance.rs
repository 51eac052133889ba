//! The `Performance` interface (`now()`, `timeOrigin`, `toJSON()`) and the Window's
//! `performance` attribute.
//!
//! Spec: <https://w3c.github.io/hr-time/#sec-performance>

use boa_engine::object::ObjectInitializer;
use boa_engine::property::Attribute as PropertyAttribute;
use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsValue, Trace, js_string};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::hr_time::relative_high_resolution_coarse_time;
use crate::ids::WindowId;
use crate::webidl::conversions::type_error;
use crate::webidl::declaration::{Attribute, InterfaceDeclaration, Operation};
use crate::webidl::interface::{
    create_an_object_implementing, define_global_members, install_interface,
};

/// `interface Performance : EventTarget`: what scripts see.
///
/// Spec: <https://w3c.github.io/hr-time/#sec-performance>
pub(crate) const PERFORMANCE: InterfaceDeclaration = InterfaceDeclaration {
    name: "Performance",
    // Deviation: Performance does not inherit from EventTarget (there is no performance
    // timeline, so no event is ever fired at it).
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[Attribute::readonly("timeOrigin", get_time_origin)],
    operations: &[
        Operation::new("now", 0, now),
        Operation::new("toJSON", 0, to_json),
    ],
    static_operations: &[],
    mixins: &[],
};

/// `partial interface mixin WindowOrWorkerGlobalScope` (the `performance` attribute), as the
/// Window includes it: what scripts see.
///
/// Spec: <https://w3c.github.io/hr-time/#the-performance-attribute>
pub(crate) const WINDOW_PERFORMANCE_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    // [Replaceable] readonly attribute Performance performance;
    attributes: &[Attribute::replaceable("performance", get_performance)],
    operations: &[],
    static_operations: &[],
    mixins: &[],
};

/// A Performance object's data: the Window whose relevant global object it is.
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct Performance {
    window: WindowId,
}

/// The Window's Performance object, kept in its realm's host-defined slot.
#[derive(Trace, Finalize, JsData)]
struct WindowPerformance(JsObject);

/// The Window of `this`, a Performance object.
fn window_of(this: &JsValue) -> JsResult<WindowId> {
    this.as_object()
        .and_then(|object| object.downcast_ref::<Performance>().map(|p| p.window))
        .ok_or_else(|| type_error("'this' is not a Performance"))
}

/// The window's time origin and the clock's time now.
fn times(context: &Context, window: WindowId) -> JsResult<(f64, f64)> {
    let state = AgentState::of(context)?;
    let time_origin = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.time_origin)
        .ok_or_else(|| type_error("the window is gone"))?;
    let event_loop = state.event_loop.borrow();
    let clock = event_loop.clock();
    let now = relative_high_resolution_coarse_time(clock.now(), time_origin, clock.mode());
    let origin_ms = (state.ua.time_epoch + time_origin).as_secs_f64() * 1000.0;
    Ok((now, origin_ms))
}

/// `performance.now()`: the current high resolution time given this's relevant global
/// object.
///
/// Spec: <https://w3c.github.io/hr-time/#dom-performance-now>
fn now(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = window_of(this)?;
    Ok(JsValue::new(times(context, window)?.0))
}

/// `performance.timeOrigin`: this's relevant settings object's time origin, as a time since
/// the epoch.
///
/// Spec: <https://w3c.github.io/hr-time/#dom-performance-timeorigin>
fn get_time_origin(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = window_of(this)?;
    Ok(JsValue::new(times(context, window)?.1))
}

/// `performance.toJSON()`, the default toJSON steps: an object with the value of
/// `timeOrigin`.
///
/// Spec: <https://w3c.github.io/hr-time/#dom-performance-tojson>
fn to_json(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = window_of(this)?;
    let (_, origin) = times(context, window)?;
    let json = ObjectInitializer::new(context)
        .property(js_string!("timeOrigin"), origin, PropertyAttribute::all())
        .build();
    Ok(json.into())
}

/// The `performance` getter: the Performance object of `this`'s Window (kept in that Window's
/// realm).
///
/// Spec: <https://w3c.github.io/hr-time/#the-performance-attribute>
fn get_performance(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let realm = RealmData::realm_of_this(this, context)?;
    realm
        .host_defined()
        .get::<WindowPerformance>()
        .map(|performance| performance.0.clone().into())
        .ok_or_else(|| type_error("no Performance in this realm"))
}

/// Installs `Performance` in the current realm (the realm of `window`), creates the Window's
/// Performance object and defines `performance` on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject, window: WindowId) -> JsResult<()> {
    install_interface(context, global, &PERFORMANCE)?;
    let performance =
        create_an_object_implementing(context, "Performance", None, Performance { window })?;
    context
        .realm()
        .host_defined_mut()
        .insert(WindowPerformance(performance));
    define_global_members(context, global, &WINDOW_PERFORMANCE_MEMBERS)
}
