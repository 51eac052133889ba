//! The HTML Standard: the Window and the objects around it, browsing contexts and
//! navigation, the iframe element, timers, scripting, structured data and messaging.
//!
//! One file per interface; the algorithm files of a chapter beside its interfaces. Everything
//! a window's realm sees is installed by [`install_window_globals`] before any of its scripts
//! run.

pub(crate) mod activation;
pub(crate) mod bar_prop;
pub(crate) mod content_attributes;
pub(crate) mod cross_origin;
pub(crate) mod document_lifecycle;
pub(crate) mod dom_parser;
pub(crate) mod dom_string_map;
pub(crate) mod error_event;
pub(crate) mod focus;
pub(crate) mod form_submission;
pub(crate) mod history;
pub(crate) mod html_element;
pub(crate) mod html_form_element;
pub(crate) mod html_hyperlink_element_utils;
pub(crate) mod iframe;
pub(crate) mod javascript_url;
pub(crate) mod links;
pub(crate) mod load_a_document;
pub(crate) mod location;
pub(crate) mod location_exotic;
pub(crate) mod navigation;
pub(crate) mod navigator;
pub(crate) mod page_transition_event;
pub(crate) mod promise_rejection_event;
pub(crate) mod sandboxing;
pub(crate) mod scripting;
pub(crate) mod structured_data;
pub(crate) mod submit_event;
pub(crate) mod timers;
pub(crate) mod traversable;
pub(crate) mod user_prompts;
pub(crate) mod web_messaging;
pub(crate) mod window;
pub(crate) mod window_named_properties;
pub(crate) mod window_open;
pub(crate) mod window_or_worker_global_scope;
pub(crate) mod window_proxy;

use boa_engine::{Context, JsResult};

use crate::console;
use crate::dom;
use crate::dom::event;
use crate::encoding;
use crate::fetch;
use crate::file_api;
use crate::hr_time::performance;
use crate::html::scripting::{array_join, json, rejections, string_length, string_search};
use crate::html::structured_data::structured_clone;
use crate::html::web_messaging::message_channel::MESSAGE_CHANNEL;
use crate::html::web_messaging::message_event;
use crate::html::web_messaging::message_port::MESSAGE_PORT;
use crate::ids::WindowId;
use crate::testing as test_results;
use crate::uievents::{mouse_event, ui_event};
use crate::url::install_url_interfaces;
use crate::webcrypto::crypto;
use crate::webidl::dom_exception;
use crate::webidl::interface::{define_global_members, install_interface};
use crate::webstorage::{storage, storage_event};

/// Installs the Window interface's members and the other interfaces into the current realm
/// (the realm of `window`).
pub(crate) fn install_window_globals(
    context: &mut Context,
    window: WindowId,
    secure_context: bool,
) -> JsResult<()> {
    let global = context.global_object();
    dom_exception::install(context, &global)?;
    event::install(context, &global)?;
    message_event::install(context, &global)?;
    error_event::install(context, &global)?;
    promise_rejection_event::install(context, &global)?;
    submit_event::install(context, &global)?;
    ui_event::install(context, &global)?;
    mouse_event::install(context, &global)?;
    page_transition_event::install(context, &global)?;
    rejections::install(context);
    string_length::install(context)?;
    dom_string_map::install(context, &global)?;
    array_join::install(context)?;
    json::install(context)?;
    string_search::install(context)?;
    dom::install(context, &global, window)?;
    install_interface(context, &global, &MESSAGE_PORT)?;
    install_interface(context, &global, &MESSAGE_CHANNEL)?;
    window::install(context, &global, window)?;
    window_open::install(context, &global)?;
    navigator::install(context, &global)?;
    user_prompts::install(context, &global)?;
    bar_prop::install(context, &global)?;
    history::install(context, &global, window)?;
    define_global_members(context, &global, &focus::WINDOW_FOCUS_MEMBERS)?;
    timers::install(context, &global)?;
    performance::install(context, &global, window)?;
    console::install(context, &global)?;
    structured_clone::install(context, &global)?;
    window_or_worker_global_scope::install(context, &global)?;
    crypto::install(context, &global, secure_context)?;
    encoding::install(context, &global)?;
    file_api::install(context, &global)?;
    fetch::install(context, &global)?;
    dom_parser::install(context, &global)?;
    storage::install(context, &global)?;
    storage_event::install(context, &global)?;
    install_url_interfaces(context, &global)?;
    test_results::install(context, &global)?;
    Ok(())
}
