//! Navigating to a `javascript:` URL: the script runs in the target navigable's active
//! window, and a string result becomes the navigable's new document.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#navigate-to-a-javascript:-url>,
//! <https://html.spec.whatwg.org/multipage/browsing-the-web.html#evaluate-a-javascript:-url>

use std::rc::Rc;

use boa_engine::Context;
use postern_dom::javascript_url::javascript_url_script_source;
use postern_dom::{BrowsingContextId, Origin};
use postern_event_loop::{Task, TaskSource};
use url::Url;

use crate::agent::AgentState;
use crate::agent::tasks::{AgentTask, LoadedResponse};
use crate::html::sandboxing::snapshot_target_snapshot_params;
use crate::html::scripting::script::run_a_classic_script;
use crate::ids::WindowId;

/// Navigate to a javascript: URL: the task `navigate` queued on the target navigable's
/// active window's event loop (this agent's).
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#navigate-to-a-javascript:-url>
pub(crate) fn navigate_to_a_javascript_url(
    state: &Rc<AgentState>,
    context: &mut Context,
    target_navigable: BrowsingContextId,
    url: &Url,
    initiator_origin: Origin,
) {
    // 1. Assert: historyHandling is "replace". (There is no session history.)
    // 2. Set the ongoing navigation for targetNavigable to null. (Not modelled.)
    // The target's active window must be this agent's (a document of another agent is
    // another site, so never same origin-domain with the initiator below).
    let Some(target) = state.ua.active_window(target_navigable) else {
        return;
    };
    let Some((target_origin, target_url)) = state
        .windows
        .borrow()
        .get(&target)
        .map(|w| (w.origin(), w.url()))
    else {
        return;
    };
    // 3. If initiatorOrigin is not same origin-domain with targetNavigable's active
    //    document's origin, then return.
    if !initiator_origin.is_same_origin_domain(&target_origin) {
        return;
    }
    // 4-5. Let request be a new request whose URL is url; if Content Security Policy
    //      blocks it, then return. (No CSP.)
    // 6. Let newDocument be the result of evaluating a javascript: URL given
    //    targetNavigable, url, initiatorOrigin, and userInvolvement.
    // 7. If newDocument is null, then return.
    let Some(result) = evaluate_a_javascript_url(state, context, target, url) else {
        return;
    };
    // The rest of "evaluate a javascript: URL" (steps 11-18): the response, with
    // targetNavigable's active document's URL and the result as its body, loaded as an
    // HTML document of initiatorOrigin.
    // Deviation: the final sandboxing flag set is the navigable's creation sandboxing
    // flags (the spec takes only the policy container's CSP-derived flags, which would
    // let a javascript: URL document of a sandboxed iframe escape the sandbox; browsers
    // keep the frame's flags).
    let sandboxing_flags = snapshot_target_snapshot_params(state, target_navigable);
    let response = LoadedResponse {
        browsing_context: target_navigable,
        requested_url: target_url.clone(),
        url: target_url,
        origin: initiator_origin,
        body: result.into_bytes(),
        failure: None,
        sandboxing_flags,
    };
    // 8. Assert: initiatorOrigin is newDocument's origin.
    // 9-13. The history entry replacing the active one, finalized by session history
    //       traversal steps: the new document replaces the navigable's active document in a
    //       task of its own (as every response's document), so what was queued before it
    //       (a message posted to the current Window) still runs against the current one.
    state.queue_a_task(Task::new(
        TaskSource::HistoryTraversal,
        None,
        AgentTask::LoadDocument(Box::new(response)),
    ));
}

/// Evaluate a javascript: URL in `target`'s realm: the string its script returns, or
/// `None` (the script threw, returned something else, or could not run: scripting is
/// disabled in a sandbox without `allow-scripts`).
///
/// Spec: <https://html.spec.whatwg.org/multipage/browsing-the-web.html#evaluate-a-javascript:-url>
fn evaluate_a_javascript_url(
    state: &Rc<AgentState>,
    context: &mut Context,
    target: WindowId,
    url: &Url,
) -> Option<String> {
    // 1-3. urlString without its leading "javascript:", percent-decoded, UTF-8 decoded.
    let script_source = javascript_url_script_source(url)?;
    // 4. Let settings be targetNavigable's active document's relevant settings object.
    // 5. Let baseURL be settings's API base URL.
    // 6. Let script be the result of creating a classic script given scriptSource,
    //    settings, baseURL, and the default script fetch options.
    // 7. Let evaluationStatus be the result of running the classic script script.
    let evaluation_status = run_a_classic_script(state, context, target, &script_source)?;
    // 8. Let result be null.
    // 9. If evaluationStatus is a normal completion, and evaluationStatus.[[Value]] is a
    //    String, then set result to evaluationStatus.[[Value]].
    // 10. Otherwise, return null.
    let result = evaluation_status.as_string()?.to_std_string_lossy();
    // 11-18. (The caller's: the response and loading the document.)
    Some(result)
}
