//! Scripts the embedder evaluates in a window (`UserAgent::evaluate`): run as a classic script
//! is, in the window's realm, the completion value cloned out as a structured-clone record.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#run-a-classic-script>

use std::rc::Rc;

use boa_engine::{Context, JsError, JsValue, Script, Source, js_string};
use postern_clone::SerializedRecord;

use crate::agent::AgentState;
use crate::agent::tasks::EvaluateTask;
use crate::embedder::value::{ScriptError, ScriptErrorKind};
use crate::html::scripting::nesting;
use crate::html::scripting::script::{scripting_is_disabled, with_script_entered};
use crate::html::structured_data::structured_clone::serialize_with_transfer;
use crate::ids::WindowId;

/// Runs an [`EvaluateTask`] and fills its reply slot.
pub(crate) fn run_evaluate_task(state: &Rc<AgentState>, context: &mut Context, task: EvaluateTask) {
    let result = evaluate_a_script_for_the_embedder(state, context, task.window, &task.source);
    match task.reply.lock() {
        Ok(mut slot) => *slot = Some(result),
        Err(poisoned) => *poisoned.into_inner() = Some(result),
    }
}

/// Run a classic script for the embedder: as "run a classic script" (a microtask checkpoint
/// follows it), but an exception is handed back to the embedder, not reported; a normal
/// completion's value is serialized with StructuredSerialize in the window's realm.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#run-a-classic-script>
pub(crate) fn evaluate_a_script_for_the_embedder(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
    source: &str,
) -> Result<SerializedRecord, ScriptError> {
    if !state.windows.borrow().contains_key(&window) {
        return Err(ScriptError::new(
            ScriptErrorKind::NoWindow,
            "",
            "the window is gone",
        ));
    }
    // 1. Let settings be the settings object of script.
    // 2. Check if we can run script with settings. If this returns "do not run", then
    //    return NormalCompletion(empty).
    if scripting_is_disabled(state, window) {
        return Err(ScriptError::new(
            ScriptErrorKind::ScriptingDisabled,
            "",
            "scripting is disabled in the window",
        ));
    }
    let result = with_script_entered(state, context, window, |context| {
        let realm = context.realm().clone();
        // 3-8. Prepare the script record (parse) in the settings object's realm.
        let evaluated = nesting::ensure_nesting_within_limit(source)
            .and_then(|()| Script::parse(Source::from_bytes(source), Some(realm), context))
            .and_then(|script| script.evaluate(context));
        // 9-11. Evaluate it; (Deviation: an abrupt completion goes back to the embedder, not
        //       to "report the exception".)
        match evaluated {
            // 13. Return evaluationStatus: its value, cloned out of the realm (before the
            //     checkpoint that follows, as the caller would see it).
            Ok(value) => serialize_with_transfer(context, &value, &[])
                .map(|record| record.serialized)
                .map_err(|error| {
                    let mut described = describe(context, &error);
                    described.kind = ScriptErrorKind::NotCloneable;
                    described
                }),
            Err(error) => Err(describe(context, &error)),
        }
    });
    result.unwrap_or_else(|| {
        Err(ScriptError::new(
            ScriptErrorKind::NoWindow,
            "",
            "the window is gone",
        ))
    })
}

/// The name, message and stack of a thrown value, read as a debugger would (a getter that
/// throws gives an empty string).
fn describe(context: &mut Context, error: &JsError) -> ScriptError {
    let Ok(thrown) = error.clone().into_opaque(context) else {
        return ScriptError::new(ScriptErrorKind::Thrown, "", error.to_string());
    };
    let Some(object) = thrown.as_object() else {
        let message = thrown
            .to_string(context)
            .map(|s| s.to_std_string_escaped())
            .unwrap_or_default();
        return ScriptError::new(ScriptErrorKind::Thrown, "", message);
    };
    let mut read = |key| -> Option<String> {
        let value: JsValue = object.get(key, context).ok()?;
        if value.is_undefined() {
            return None;
        }
        value
            .to_string(context)
            .ok()
            .map(|s| s.to_std_string_escaped())
    };
    let name = read(js_string!("name")).unwrap_or_default();
    let message = read(js_string!("message")).unwrap_or_default();
    let stack = read(js_string!("stack"));
    ScriptError {
        kind: ScriptErrorKind::Thrown,
        name,
        message,
        stack,
    }
}
