//! Running script: classic scripts, callbacks, exception reporting, and the checkpoints that
//! follow them.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#scripting-processing-model>

use std::rc::Rc;

use boa_engine::{Context, JsError, JsObject, JsValue, Script, Source};

use postern_dom::SandboxingFlag;
use postern_event_loop::microtask::MicrotaskHost;

use crate::agent::realm_data::RealmData;
use crate::agent::{AgentState, Microtask};
use crate::embedder::console_sink::{ConsoleLevel, ConsoleMessage};
use crate::html::scripting::nesting;
use crate::html::scripting::rejections::notify_about_rejected_promises;
use crate::ids::WindowId;

/// Perform a microtask checkpoint on the agent's event loop.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#perform-a-microtask-checkpoint>
pub(crate) fn perform_a_microtask_checkpoint(state: &Rc<AgentState>, context: &mut Context) {
    let queue = Rc::clone(&state.microtasks);
    let mut runner = MicrotaskRunner { state, context };
    postern_event_loop::perform_a_microtask_checkpoint(&queue, &mut runner);
}

/// Clean up after running script: if the JavaScript execution context stack is now empty,
/// perform a microtask checkpoint.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#clean-up-after-running-script>
pub(crate) fn clean_up_after_running_script(state: &Rc<AgentState>, context: &mut Context) {
    // 1. Assert: settings's realm execution context is the running execution context.
    // 2. Remove settings's realm execution context from the JS execution context stack.
    // 3. If the JavaScript execution context stack is now empty, perform a microtask
    //    checkpoint.
    if state.script_depth.get() == 0 {
        perform_a_microtask_checkpoint(state, context);
    }
}

/// Runs `f` as script entered from the host: counts the entry, restores the realm, and cleans
/// up after it.
pub(crate) fn with_script_entered<R>(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    f: impl FnOnce(&mut Context) -> R,
) -> Option<R> {
    let realm = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.realm.clone())?;
    // Prepare to run script: push the realm execution context.
    let previous = context.enter_realm(realm);
    state.script_depth.set(state.script_depth.get() + 1);
    let result = f(context);
    state.script_depth.set(state.script_depth.get() - 1);
    context.enter_realm(previous);
    clean_up_after_running_script(state, context);
    Some(result)
}

/// Whether scripting is disabled for `window`'s document (its environment settings
/// object): its active sandboxing flag set has the sandboxed scripts browsing context flag.
/// A window that is gone has no scripting either.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#concept-environment-script>
pub(crate) fn scripting_is_disabled(state: &AgentState, window: WindowId) -> bool {
    // Scripting is enabled for settings when all of the following are true: the user agent
    // supports scripting; the user has not disabled scripting for settings at this time;
    // either settings's global object is not a Window object, or settings's global
    // object's associated Document's active sandboxing flag set does not have its
    // sandboxed scripts browsing context flag set. It is disabled when it is not enabled.
    state.windows.borrow().get(&window).is_none_or(|w| {
        w.document
            .borrow()
            .active_sandboxing_flag_set()
            .contains(SandboxingFlag::Scripts)
    })
}

/// Reports to the console that a script of `window`'s document did not run because its
/// sandbox lacks `allow-scripts` (as browsers do; the spec runs nothing, silently).
pub(crate) fn report_blocked_script(state: &Rc<AgentState>, window: WindowId) {
    let url = state.windows.borrow().get(&window).map(|w| w.url());
    if let Some(url) = url {
        emit_console(
            state,
            window,
            ConsoleLevel::Error,
            format!(
                "Blocked script execution in '{url}' because the document's frame is sandboxed and the 'allow-scripts' permission is not set."
            ),
        );
    }
}

/// Run a classic script: parse `source` as a script of `window`'s realm and evaluate it,
/// reporting an exception it throws. Returns the completion value of a normal completion
/// (`None`: the script threw, did not parse, or could not run).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#run-a-classic-script>
pub(crate) fn run_a_classic_script(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    source: &str,
) -> Option<JsValue> {
    // 1. Let settings be the settings object of script.
    // 2. Check if we can run script with settings. If this returns "do not run", then
    //    return NormalCompletion(empty).
    if scripting_is_disabled(state, window) {
        return None;
    }
    let result = with_script_entered(state, context, window, |context| {
        let realm = context.realm().clone();
        // 3-8. Prepare the script record (parse) in the settings object's realm.
        //      (A source nesting deeper than the parser can take is a RangeError first.)
        nesting::ensure_nesting_within_limit(source)?;
        let script = Script::parse(Source::from_bytes(source), Some(realm), context)?;
        // 9-11. Evaluate it.
        script.evaluate(context)
    })?;
    match result {
        // 13. Return evaluationStatus.
        Ok(value) => Some(value),
        // 12. If evaluationStatus is an abrupt completion: report the exception.
        Err(error) => {
            report_the_exception(state, context, Some(window), &error);
            None
        }
    }
}

/// Call a user object's operation or a callback function with `this` and `args`, in the
/// callback's own realm, reporting (not propagating) an exception when the call comes from
/// the event loop.
///
/// Spec: <https://webidl.spec.whatwg.org/#invoke-a-callback-function>
pub(crate) fn invoke_a_callback(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    callback: &JsObject,
    this: &JsValue,
    args: &[JsValue],
) -> Result<JsValue, JsError> {
    let result = with_script_entered(state, context, window, |context| {
        callback.call(this, args, context)
    });
    result.unwrap_or_else(|| Ok(JsValue::undefined()))
}

/// Report the exception: fire an `ErrorEvent` at the global of `window` (or of the current
/// realm's window), and print the exception as uncaught unless a listener canceled the event.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#report-the-exception>
pub(crate) fn report_the_exception(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: Option<WindowId>,
    error: &JsError,
) {
    use crate::html::error_event::{
        extract_error_information, fire_error_event, in_error_reporting_mode,
        set_in_error_reporting_mode,
    };
    let window = window.or_else(|| RealmData::of_current_realm(context).ok().map(|d| d.window));
    let Some(window) = window else {
        return;
    };
    let Some((realm, url)) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| (w.realm.clone(), w.url().to_string()))
    else {
        return;
    };
    // The event and the error's description belong to the global's realm.
    let previous = context.enter_realm(realm.clone());
    // 1. Let notHandled be true.
    let mut not_handled = true;
    // 2. Let errorInfo be the result of extracting error information from exception.
    let error_info = extract_error_information(context, error, &url);
    let message = error_info.message.clone();
    // 3. Let script be a script found in an implementation-defined way, or null.
    // 4. If script is a classic script and script's muted errors is true, then set errorInfo
    //    to "Script error." with no error, filename, line or column.
    // TODO(spec): muted errors (classic scripts fetched cross-origin without CORS).
    // 5. If omitError is true, then set errorInfo[error] to null. (Never set by callers.)
    // 6. If global is not in error reporting mode, then:
    if !in_error_reporting_mode(&realm) {
        // 6.1. Set global's in error reporting mode to true.
        set_in_error_reporting_mode(&realm, true);
        // 6.2. If global implements EventTarget, then set notHandled to the result of firing
        //      an event named error at global, using ErrorEvent, with the cancelable
        //      attribute initialized to true, and additional attributes initialized
        //      according to errorInfo.
        not_handled = fire_error_event(state, context, window, error_info).unwrap_or(true);
        // 6.3. Set global's in error reporting mode to false.
        set_in_error_reporting_mode(&realm, false);
    }
    context.enter_realm(previous);
    // 7. If notHandled is true, then:
    if not_handled {
        // 7.1. Set errorInfo[error] to null.
        // 7.2. (DedicatedWorkerGlobalScope only.)
        // 7.3. Otherwise, the user agent may report exception to a developer console.
        emit_console(state, window, ConsoleLevel::Error, message);
    }
}

/// Sends a console message for `window`.
pub(crate) fn emit_console(
    state: &Rc<AgentState>,
    window: WindowId,
    level: ConsoleLevel,
    text: String,
) {
    let (label, url, origin) = state
        .windows
        .borrow()
        .get(&window)
        .map(|w| {
            let document = w.document.borrow();
            (
                w.console_label(),
                document.url().to_string(),
                document.origin().ascii_serialization(),
            )
        })
        .unwrap_or_else(|| ("?".into(), String::new(), String::new()));
    state.ua.console.message(&ConsoleMessage {
        window,
        label,
        url,
        origin,
        level,
        text,
    });
}

/// Runs microtasks for a checkpoint, reporting exceptions.
struct MicrotaskRunner<'a> {
    state: &'a Rc<AgentState>,
    context: &'a mut Context,
}

impl MicrotaskHost<Microtask> for MicrotaskRunner<'_> {
    fn run_microtask(&mut self, microtask: Microtask) {
        self.state
            .script_depth
            .set(self.state.script_depth.get() + 1);
        // The window whose realm the job runs in: its exception is reported there.
        let realm = match &microtask {
            Microtask::Promise(job) => job.realm().cloned(),
            Microtask::Generic(job) => Some(job.realm().clone()),
        };
        let window = realm.and_then(|r| r.host_defined().get::<RealmData>().map(|d| d.window));
        let result = match microtask {
            Microtask::Promise(job) => job.call(self.context),
            Microtask::Generic(job) => job.call(self.context),
        };
        self.state
            .script_depth
            .set(self.state.script_depth.get() - 1);
        if let Err(error) = result {
            report_the_exception(self.state, self.context, window, &error);
        }
    }

    fn notify_about_rejected_promises(&mut self) {
        notify_about_rejected_promises(self.state);
    }

    fn clear_kept_objects(&mut self) {
        self.context.clear_kept_objects();
    }

    fn stop_requested(&self) -> bool {
        self.state.stop.is_set()
    }
}
