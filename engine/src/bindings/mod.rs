//! The Web IDL bindings: what scripts see of the Window and its friends.
//!
//! One module per interface. Everything is installed into a window's realm by
//! [`install_window_globals`] before any of its scripts run.

pub(crate) mod character_data;
pub(crate) mod console;
pub(crate) mod content_attributes;
pub(crate) mod document;
pub(crate) mod dom;
pub(crate) mod dom_exception;
pub(crate) mod element;
pub(crate) mod error_event;
pub(crate) mod event;
pub(crate) mod event_target;
pub(crate) mod html_element;
pub(crate) mod interface;
pub(crate) mod location;
pub(crate) mod node;
pub(crate) mod performance;
pub(crate) mod promise_rejection_event;
use crate::rejections;
pub(crate) mod selector;
pub(crate) mod structured_clone;
pub(crate) mod test_results;
pub(crate) mod timers;
pub(crate) mod util;
pub(crate) mod window;
pub(crate) mod window_named_properties;
pub(crate) mod window_open;
pub(crate) mod window_proxy;
pub(crate) mod wrappers;

use boa_engine::{Context, JsResult};

use crate::ids::WindowId;

/// Installs the Window interface's members and the other interfaces into the current realm
/// (the realm of `window`).
pub(crate) fn install_window_globals(context: &mut Context, window: WindowId) -> JsResult<()> {
    let global = context.global_object();
    dom_exception::install(context)?;
    event::install(context)?;
    error_event::install(context)?;
    promise_rejection_event::install(context, &global)?;
    rejections::install(context);
    dom::install(context, &global, window)?;
    window::install(context, &global, window)?;
    window_open::install(context, &global, window)?;
    timers::install(context, &global, window)?;
    performance::install(context, &global, window)?;
    console::install(context, &global, window)?;
    structured_clone::install(context, &global)?;
    test_results::install(context, &global, window)?;
    Ok(())
}
