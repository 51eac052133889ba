//! Environments and settings objects: which window's realm is the incumbent (with the backup
//! incumbent settings object stack that callbacks push), and what the current settings object
//! can do.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#environments>,
//! <https://html.spec.whatwg.org/multipage/webappapis.html#realms-settings-objects-global-objects>

use std::cell::RefCell;

use boa_engine::vm::ActiveRunnable;
use boa_engine::{Context, Finalize, JsData, JsResult, Trace};

use crate::agent::realm_data::RealmData;
use crate::ids::WindowId;

/// One entry of the backup incumbent settings object stack: the settings object (its
/// window), and the execution context that "prepare to run a callback" found topmost, whose
/// skip-when-determining-incumbent counter it incremented (known by the depth of boa's frame
/// stack then; `None`: there was no script-having execution context).
#[derive(Clone, Copy, Debug)]
struct BackupEntry {
    window: WindowId,
    skipped_depth: Option<usize>,
}

/// The agent's backup incumbent settings object stack (kept in the context's host data).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#backup-incumbent-settings-object-stack>
#[derive(Default)]
struct BackupIncumbentStack(RefCell<Vec<BackupEntry>>);

/// The `[[HostDefined]]` of a promise job callback: the incumbent settings object when the
/// callback was made (HostMakeJobCallback), restored around its call (HostCallJobCallback).
#[derive(Clone, Copy, Debug, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
pub(crate) struct CallbackContext(pub Option<WindowId>);

/// The depth of the JS execution context stack (boa's frames), and whether a script-having
/// execution context is on it.
fn topmost_script_having(context: &Context) -> Option<(usize, ActiveRunnable)> {
    let active = context.get_active_script_or_module()?;
    Some((context.stack_trace().count(), active))
}

/// The window of a script's or module's realm.
fn window_of_runnable(active: &ActiveRunnable) -> Option<WindowId> {
    let realm = match active {
        ActiveRunnable::Script(script) => script.realm().clone(),
        ActiveRunnable::Module(module) => module.realm().clone(),
    };
    realm
        .host_defined()
        .get::<RealmData>()
        .map(|data| data.window)
}

/// The incumbent settings object's global (its window).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#incumbent-settings-object>
///
/// Deviation: boa 0.22 does not expose the Realm of an execution context while a built-in
/// function runs (it swaps the caller's frame's realm for the built-in's), so the topmost
/// script-having execution context's Realm is taken as the realm of its ScriptOrModule. They
/// differ only for code compiled by another realm's `Function` or `eval` (its ScriptOrModule
/// is the calling script): `child.Function("parent.postMessage(m, '*')")()` run from the
/// parent's script has the parent, not the child, as incumbent.
pub(crate) fn incumbent_window(context: &Context) -> JsResult<WindowId> {
    let backup = context
        .get_data::<BackupIncumbentStack>()
        .and_then(|stack| stack.0.borrow().last().copied());
    // 1. Let context be the topmost script-having execution context.
    let topmost = topmost_script_having(context);
    match (topmost, backup) {
        // 2. If context is null, or if context's skip-when-determining-incumbent counter is
        //    greater than zero, then: 1. Assert: the backup incumbent settings object stack is
        //    not empty. 2. Return the topmost entry of the backup incumbent settings object
        //    stack. (The counter is non-zero exactly when the topmost script-having context is
        //    the one the latest "prepare to run a callback" found topmost: no script of the
        //    callback runs above it.)
        (None, Some(entry)) => Ok(entry.window),
        (Some((depth, _)), Some(entry)) if entry.skipped_depth == Some(depth) => Ok(entry.window),
        // 3. Return context's Realm component's settings object.
        (Some((_, active)), _) => match window_of_runnable(&active) {
            Some(window) => Ok(window),
            None => RealmData::window_of_current_realm(context),
        },
        // Deviation: with no script and an empty stack (a host call outside any callback),
        // the current realm stands in.
        (None, None) => RealmData::window_of_current_realm(context),
    }
}

/// Prepare to run a callback with `settings` (a window's settings object).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#prepare-to-run-a-callback>
pub(crate) fn prepare_to_run_a_callback(context: &mut Context, settings: WindowId) {
    // 2. Let context be the topmost script-having execution context.
    // 3. If context is not null, increment context's skip-when-determining-incumbent counter.
    let skipped_depth = topmost_script_having(context).map(|(depth, _)| depth);
    if context.get_data::<BackupIncumbentStack>().is_none() {
        context.insert_data(BackupIncumbentStack::default());
    }
    // 1. Push settings onto the backup incumbent settings object stack.
    if let Some(stack) = context.get_data::<BackupIncumbentStack>() {
        stack.0.borrow_mut().push(BackupEntry {
            window: settings,
            skipped_depth,
        });
    }
}

/// Clean up after running a callback.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#clean-up-after-running-a-callback>
pub(crate) fn clean_up_after_running_a_callback(context: &mut Context) {
    // 1. Let context be the topmost script-having execution context.
    // 2. If context is not null, decrement context's skip-when-determining-incumbent counter.
    //    (The counter goes with the entry.)
    // 3. Assert: the topmost entry of the backup incumbent settings object stack is settings.
    // 4. Remove settings from the backup incumbent settings object stack.
    if let Some(stack) = context.get_data::<BackupIncumbentStack>() {
        stack.0.borrow_mut().pop();
    }
}

/// Runs `f` between "prepare to run a callback" and "clean up after running a callback" with
/// the settings object of `callback_context` (nothing is pushed for `None`).
pub(crate) fn with_callback_context<R>(
    context: &mut Context,
    callback_context: Option<WindowId>,
    f: impl FnOnce(&mut Context) -> R,
) -> R {
    let Some(settings) = callback_context else {
        return f(context);
    };
    prepare_to_run_a_callback(context, settings);
    let result = f(context);
    clean_up_after_running_a_callback(context);
    result
}

/// The cross-origin isolated capability of the current settings object: false, as no
/// document here is cross-origin isolated.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#concept-settings-object-cross-origin-isolated-capability>
///
/// TODO(spec): cross-origin isolation (COOP/COEP headers, the agent cluster's cross-origin
/// isolation mode) for the capability to be true.
pub(crate) fn cross_origin_isolated_capability() -> bool {
    false
}
