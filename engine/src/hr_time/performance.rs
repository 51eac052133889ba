//! The `performance` attribute of the Window: `now()`, `timeOrigin`, `toJSON()`.
//!
//! Spec: <https://w3c.github.io/hr-time/#the-performance-attribute>

use boa_engine::object::ObjectInitializer;
use boa_engine::property::Attribute;
use boa_engine::{Context, JsObject, JsResult, JsValue, NativeFunction, js_string};

use crate::agent::AgentState;
use crate::hr_time::relative_high_resolution_coarse_time;
use crate::ids::WindowId;
use crate::webidl::conversions::{define_accessor, define_method, type_error};

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

/// `performance.now()`: the current high resolution time given the relevant global object.
///
/// Spec: <https://w3c.github.io/hr-time/#dom-performance-now>
fn performance_now(context: &Context, window: WindowId) -> JsResult<JsValue> {
    Ok(JsValue::new(times(context, window)?.0))
}

/// Installs `performance` on the global.
pub(crate) fn install(context: &mut Context, global: &JsObject, window: WindowId) -> JsResult<()> {
    // Deviation: `performance` is a plain object branded "Performance", not an EventTarget
    // with a Performance.prototype (no performance timeline here).
    let performance = ObjectInitializer::new(context)
        .property(
            boa_engine::JsSymbol::to_string_tag(),
            js_string!("Performance"),
            Attribute::CONFIGURABLE,
        )
        .build();
    define_method(
        context,
        &performance,
        "now",
        0,
        NativeFunction::from_copy_closure(move |_, _, context| performance_now(context, window)),
    )?;
    define_accessor(
        context,
        &performance,
        "timeOrigin",
        NativeFunction::from_copy_closure(move |_, _, context| {
            Ok(JsValue::new(times(context, window)?.1))
        }),
        None,
    )?;
    define_method(
        context,
        &performance,
        "toJSON",
        0,
        NativeFunction::from_copy_closure(move |_, _, context| {
            let (_, origin) = times(context, window)?;
            let json = ObjectInitializer::new(context)
                .property(js_string!("timeOrigin"), origin, Attribute::all())
                .build();
            Ok(json.into())
        }),
    )?;
    let value = performance.clone();
    define_accessor(
        context,
        global,
        "performance",
        NativeFunction::from_copy_closure_with_captures(
            |_, _, value: &JsObject, _| Ok(value.clone().into()),
            value,
        ),
        None,
    )
}
