//! Parser-inserted classic `script` elements: preparing them (inline, parser-blocking,
//! `defer` and `async`), and executing them when the spec says.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/scripting.html#the-script-element>

use std::rc::Rc;

use boa_engine::Context;
use postern_dom::NodeId;
use postern_event_loop::{Task, TaskSource};

use crate::agent::AgentState;
use crate::agent::tasks::AgentTask;
use crate::agent::window::document_key;
use crate::embedder::console_sink::ConsoleLevel;
use crate::html::scripting::script::{
    emit_console, report_blocked_script, run_a_classic_script, scripting_is_disabled,
};
use crate::ids::WindowId;

/// Whether a script element's `type` makes it a classic script.
fn is_classic_script_type(type_: Option<&str>) -> bool {
    match type_.map(str::trim) {
        None | Some("") => true,
        Some(t) => matches!(
            t.to_ascii_lowercase().as_str(),
            "text/javascript"
                | "application/javascript"
                | "application/ecmascript"
                | "text/ecmascript"
                | "text/jscript"
                | "text/livescript"
                | "application/x-javascript"
                | "text/x-javascript"
        ),
    }
}

/// What a parser-inserted script element's attributes say, read when it is prepared.
struct ScriptAttributes {
    src: Option<String>,
    type_: Option<String>,
    text: String,
    base: url::Url,
    defer: bool,
    async_: bool,
}

/// Prepare the script element, for parser-inserted classic scripts: inline text runs at once;
/// a `src` resource is fetched through the loader, then run at once (parser-blocking), after
/// parsing (`defer`, in order), or by a task of its own (`async`).
///
/// Spec: <https://html.spec.whatwg.org/multipage/scripting.html#prepare-the-script-element>
pub(crate) fn prepare_the_script_element(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    node: NodeId,
) {
    let Some(attributes) = state.windows.borrow().get(&window).map(|w| {
        let document = w.document.borrow();
        ScriptAttributes {
            src: document.get_attribute(node, "src").map(str::to_string),
            type_: document.get_attribute(node, "type").map(str::to_string),
            text: document.child_text(node),
            base: document.url().clone(),
            defer: document.get_attribute(node, "defer").is_some(),
            async_: document.get_attribute(node, "async").is_some(),
        }
    }) else {
        return;
    };
    // 9-12. If the script's type is not a JavaScript MIME type, return.
    // TODO(spec): module scripts.
    if !is_classic_script_type(attributes.type_.as_deref()) {
        return;
    }
    // If scripting is disabled for el, then return. (A later step of the spec's; checked
    // here, as nothing between is observable.)
    if scripting_is_disabled(state, window) {
        report_blocked_script(state, window);
        return;
    }
    let Some(src) = attributes.src else {
        // 32. If el does not have a src content attribute: the element's child text content
        //     (32.2, classic) is the script; 34.3 (parser-inserted, no style sheet blocking
        //     scripts): immediately execute the script element.
        // (`defer` and `async` have no effect on an inline classic script.)
        execute_the_script_element(state, context, window, &attributes.text);
        return;
    };
    // 31. If el has a src content attribute: fetch a classic script.
    // Deviation: the fetch runs at once, through the embedder's loader, rather than in
    // parallel; its result is what "mark as ready" would hand on.
    let Some(source) = fetch_a_classic_script(state, window, &attributes.base, &src) else {
        return;
    };
    // 33. If el's type is "classic" and el has a src attribute, and el does not have an
    //     async attribute but has a defer attribute, and el is parser-inserted: append el to
    //     its parser document's list of scripts that will execute when the document has
    //     finished parsing.
    if attributes.defer && !attributes.async_ {
        if let Some(w) = state.windows.borrow_mut().get_mut(&window) {
            w.load.deferred_scripts.push(source);
        }
        return;
    }
    // 33 (third case). If el's type is "classic" and el has a src attribute, and el does not
    //    have an async attribute, and el is parser-inserted: el is the parser document's
    //    pending parsing-blocking script; the parser runs it once it is ready, which it is
    //    now.
    if !attributes.async_ {
        execute_the_script_element(state, context, window, &source);
        return;
    }
    // 33 (sixth case). Otherwise: append el to the set of scripts that will execute as soon
    //    as possible; when the result is ready, execute the script element. (The result is
    //    handed on by a networking task of the document's, as a response would be: it runs
    //    after the parser's task and before the document's load event.)
    let document = state.windows.borrow().get(&window).map(|w| w.document_id);
    if let Some(document) = document {
        state.queue_a_task(Task::new(
            TaskSource::Networking,
            Some(document_key(document)),
            AgentTask::ExecuteScript {
                window,
                source: source.into(),
            },
        ));
    }
}

/// Fetches a classic script's source through the embedder's loader; a failure is reported to
/// the console (and the script does not run).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#fetch-a-classic-script>
fn fetch_a_classic_script(
    state: &Rc<AgentState>,
    window: WindowId,
    base: &url::Url,
    src: &str,
) -> Option<String> {
    // TODO(spec): an `error` event at the element when the fetch fails.
    let url = base.join(src).ok()?;
    match state.ua.loader.load(&url) {
        Ok(resource) if resource.status < 400 => {
            Some(String::from_utf8_lossy(&resource.body).into_owned())
        }
        Ok(resource) => {
            emit_console(
                state,
                window,
                ConsoleLevel::Error,
                format!("Failed to load script {url}: status {}", resource.status),
            );
            None
        }
        Err(error) => {
            emit_console(
                state,
                window,
                ConsoleLevel::Error,
                format!("Failed to load script {url}: {error}"),
            );
            None
        }
    }
}

/// Execute the script element: run its classic script in its document's Window.
///
/// Spec: <https://html.spec.whatwg.org/multipage/scripting.html#execute-the-script-element>
pub(crate) fn execute_the_script_element(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    source: &str,
) {
    // 1. Let document be el's node document.
    // 2. If el's preparation-time document is not equal to document, then return.
    // 3. Unblock rendering on el.
    // 4. If el's result is null, then fire an event named error at el, and return.
    // 5-6. (external file / import map bookkeeping.)
    // TODO(spec): steps 2-4 and 7 (document.currentScript is not implemented).
    // (A document that was unloaded meanwhile runs no more of its scripts.)
    if state
        .windows
        .borrow()
        .get(&window)
        .is_none_or(|w| w.load.unloaded)
    {
        return;
    }
    // 7. Switch on el's type: "classic": set document's currentScript to el, then run the
    //    classic script given by el's result.
    let _completion = run_a_classic_script(state, context, window, source);
}

/// Step 5 of "the end": execute, in order, the scripts that will execute when the document
/// has finished parsing (the `defer` scripts, all ready since they were fetched at once).
///
/// Spec: <https://html.spec.whatwg.org/multipage/parsing.html#the-end>
pub(crate) fn execute_the_deferred_scripts(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
) {
    // 5. While the list of scripts that will execute when the document has finished parsing
    //    is not empty:
    loop {
        // 5.1. Spin the event loop until the first script in the list has its "ready to be
        //      parser-executed" set to true and the parser's Document has no style sheet
        //      that is blocking scripts. (Both always hold here.)
        // 5.3. Remove the first script element from the list (taken before running it, so
        //      that the list is not borrowed while the script runs).
        let next = state.windows.borrow_mut().get_mut(&window).and_then(|w| {
            (!w.load.deferred_scripts.is_empty()).then(|| w.load.deferred_scripts.remove(0))
        });
        let Some(source) = next else {
            break;
        };
        // 5.2. Execute the script element given by the first script in the list.
        execute_the_script_element(state, context, window, &source);
    }
}
