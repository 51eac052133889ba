//! The Web IDL bindings: what scripts see of the Window and its friends.
//!
//! One module per interface. Everything is installed into a window's realm by
//! [`install_window_globals`] before any of its scripts run.

pub(crate) mod console;
pub(crate) mod content_attributes;
pub(crate) mod document;
pub(crate) mod dom_exception;
pub(crate) mod event;
pub(crate) mod event_target;
pub(crate) mod structured_clone;
pub(crate) mod test_results;
pub(crate) mod timers;
pub(crate) mod util;
pub(crate) mod window;
pub(crate) mod window_proxy;

use boa_engine::{Context, JsResult};

use crate::ids::WindowId;

/// Installs the Window interface's members and the other interfaces into the current realm
/// (the realm of `window`).
pub(crate) fn install_window_globals(context: &mut Context, window: WindowId) -> JsResult<()> {
    let global = context.global_object();
    dom_exception::install(context)?;
    event::install(context)?;
    event_target::define_event_target_members(context, &global)?;
    window::install(context, &global, window)?;
    document::install(context, &global, window)?;
    timers::install(context, &global, window)?;
    console::install(context, &global, window)?;
    structured_clone::install(context, &global)?;
    test_results::install(context, &global, window)?;
    Ok(())
}
