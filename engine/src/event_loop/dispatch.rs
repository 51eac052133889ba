//! The dispatcher: runs each kind of [`AgentTask`] by calling the algorithm it stands for.

use std::rc::Rc;

use boa_engine::Context;

use crate::agent::AgentState;
use crate::agent::tasks::{AgentTask, Navigation, SrcdocNavigation};
use crate::html::document_lifecycle::fire_pageshow;
use crate::html::iframe::iframe_load_event_steps;
use crate::html::navigation::{
    fire_dom_content_loaded, fire_window_load, load_document, navigate_and_load,
    navigate_to_srcdoc, unload_document,
};
use crate::html::scripting::embedder_script::run_evaluate_task;
use crate::html::scripting::rejections::fire_unhandled_rejections;
use crate::html::scripting::script_element::execute_the_script_element;
use crate::html::timers::run_timer_task;
use crate::html::traversable::definitely_close_a_top_level_traversable;
use crate::html::web_messaging::message_port::run_port_notice;
use crate::html::web_messaging::post_message::run_posted_message_task;
use crate::webstorage::storage_event::fire_storage_events;

/// Runs one task's steps.
pub(crate) fn run_agent_task(state: &Rc<AgentState>, context: &mut Context, task: AgentTask) {
    match task {
        AgentTask::Navigate(navigation) => {
            let Navigation {
                browsing_context,
                url,
                initiator_origin,
                sandboxing_flags,
            } = *navigation;
            navigate_and_load(
                state,
                context,
                browsing_context,
                url,
                initiator_origin,
                sandboxing_flags,
            )
        }
        AgentTask::NavigateToSrcdoc(navigation) => {
            let SrcdocNavigation {
                browsing_context,
                source,
                origin,
                sandboxing_flags,
            } = *navigation;
            navigate_to_srcdoc(
                state,
                context,
                browsing_context,
                source,
                origin,
                sandboxing_flags,
            )
        }
        AgentTask::LoadDocument(response) => load_document(state, context, *response),
        AgentTask::UnloadDocument { window } => unload_document(state, context, window),
        AgentTask::PageShow { window } => fire_pageshow(state, context, window),
        AgentTask::ExecuteScript { window, source } => {
            execute_the_script_element(state, context, window, &source)
        }
        AgentTask::DomContentLoaded { window } => fire_dom_content_loaded(state, context, window),
        AgentTask::WindowLoad { window } => fire_window_load(state, context, window),
        AgentTask::IframeLoad { parent, iframe } => {
            iframe_load_event_steps(state, context, parent, iframe)
        }
        AgentTask::DefinitelyClose { traversable } => {
            definitely_close_a_top_level_traversable(state, context, traversable)
        }
        AgentTask::PostedMessage(message) => run_posted_message_task(state, context, *message),
        AgentTask::StorageChanged(change) => fire_storage_events(state, context, &change),
        AgentTask::Port(notice) => run_port_notice(state, context, notice),
        AgentTask::Timer(timer) => run_timer_task(state, context, timer),
        AgentTask::Evaluate(task) => run_evaluate_task(state, context, *task),
        AgentTask::NotifyRejectedPromises { window } => {
            fire_unhandled_rejections(state, context, window)
        }
    }
}
