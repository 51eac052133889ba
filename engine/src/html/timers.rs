//! Timers: `setTimeout`, `setInterval`, `clearTimeout`, `clearInterval`.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers>
//!
//! The methods act on their `this`'s Window (`setTimeout.call(frame, ...)` schedules on the
//! frame's), as Web IDL's operations do.

use std::rc::Rc;
use std::time::Duration;

use boa_engine::{Context, JsObject, JsResult, JsValue};
use postern_event_loop::{Task, TaskSource};

use crate::agent::AgentState;
use crate::agent::map_of_active_timers::{ActiveTimer, TimerHandler};
use crate::agent::realm_data::RealmData;
use crate::agent::tasks::{AgentTask, TimerTask};
use crate::agent::window::document_key;
use crate::html::scripting::script;
use crate::html::window_proxy;
use crate::ids::{TimerHandle, WindowId};
use crate::webidl::conversions::{arg, to_dom_string};
use crate::webidl::declaration::{InterfaceDeclaration, Operation};
use crate::webidl::interface::define_global_members;

/// `partial interface mixin WindowOrWorkerGlobalScope` (the timers), as the Window includes
/// it: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers>
pub(crate) const WINDOW_TIMERS_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[],
    operations: &[
        // long setTimeout(TimerHandler handler, optional long timeout = 0, any... arguments);
        Operation::new("setTimeout", 1, set_timeout),
        // long setInterval(TimerHandler handler, optional long timeout = 0, any... arguments);
        Operation::new("setInterval", 1, set_interval),
        // undefined clearTimeout(optional long id = 0);
        Operation::new("clearTimeout", 0, clear_timer),
        // undefined clearInterval(optional long id = 0);
        Operation::new("clearInterval", 0, clear_timer),
    ],
    static_operations: &[],
    mixins: &[],
};

/// The timer initialization steps.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timer-initialisation-steps>
#[allow(clippy::too_many_arguments)]
fn timer_initialization_steps(
    state: &Rc<AgentState>,
    window: WindowId,
    handler: TimerHandler,
    timeout: i32,
    arguments: Vec<JsValue>,
    repeat: bool,
    previous_id: Option<TimerHandle>,
) -> Option<TimerHandle> {
    let mut windows = state.windows.borrow_mut();
    let w = windows.get_mut(&window)?;
    // 1. Let thisArg be global's WindowProxy (the global itself here; see invoke).
    // 2. If previousId was given, let id be previousId; otherwise, let id be an
    //    implementation-defined integer that is greater than zero and does not already exist
    //    in global's map of setTimeout and setInterval IDs.
    let id = match previous_id {
        Some(id) => id,
        None => {
            let mut next = w.timers.last_id;
            loop {
                next = if next == i32::MAX { 1 } else { next + 1 };
                if !w.timers.map.contains_key(&TimerHandle(next)) {
                    break;
                }
            }
            w.timers.last_id = next;
            TimerHandle(next)
        }
    };
    // 3. If the surrounding agent's event loop's currently running task is a task that was
    //    created by this algorithm, then let nesting level be the task's timer nesting level.
    //    Otherwise, let nesting level be 0.
    let mut nesting_level = state.timer_nesting_level.get().unwrap_or(0);
    // 4. If timeout is less than 0, then set timeout to 0.
    let mut timeout = timeout.max(0);
    // 5. If nesting level is greater than 5, and timeout is less than 4, then set timeout to 4.
    if nesting_level > 5 && timeout < 4 {
        timeout = 4;
    }
    // 6-7. Let realm be global's relevant realm; let initiating script be the active script.
    // 8. Let uniqueHandle be null.
    w.timers.last_unique += 1;
    let unique = w.timers.last_unique;
    // 10. Increment nesting level by one.
    nesting_level = nesting_level.saturating_add(1);
    // 9, 11. Let task be a task that runs the timer's steps (see `run_timer_task`), with
    //    this timer nesting level.
    let task = Task::new(
        TaskSource::Timer,
        Some(document_key(w.document_id)),
        AgentTask::Timer(TimerTask {
            window,
            handle: id,
            unique,
            nesting_level,
        }),
    );
    // 12. Let completionStep be: queue a global task on the timer task source given global
    //     to run task.
    // 13. Set uniqueHandle to the result of running steps after a timeout given global,
    //     "setTimeout/setInterval", timeout, and completionStep.
    let wait = state
        .event_loop
        .borrow_mut()
        .run_steps_after_a_timeout(Duration::from_millis(timeout as u64), task);
    // 14. Set global's map of setTimeout and setInterval IDs[id] to uniqueHandle.
    w.timers.map.insert(
        id,
        ActiveTimer {
            unique,
            wait,
            handler,
            arguments,
            repeat,
            timeout,
        },
    );
    // 15. Return id.
    Some(id)
}

/// The steps of a task created by the timer initialization steps (step 9).
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timer-initialisation-steps>
pub(crate) fn run_timer_task(state: &Rc<AgentState>, context: &mut Context, task: TimerTask) {
    let lookup = |state: &AgentState| {
        state.windows.borrow().get(&task.window).and_then(|w| {
            w.timers
                .map
                .get(&task.handle)
                .filter(|t| t.unique == task.unique)
                .map(|t| (t.handler.clone(), t.arguments.clone(), t.repeat, t.timeout))
        })
    };
    // 9.1-9.3. If id does not exist in the map, or map[id] is not uniqueHandle, abort.
    let Some((handler, arguments, _, _)) = lookup(state) else {
        return;
    };
    state.timer_nesting_level.set(Some(task.nesting_level));
    match handler {
        // 9.5. If handler is a Function, invoke it given arguments and "report", with
        //      callback this value set to thisArg.
        TimerHandler::Function(f) => {
            let this = window_proxy::window_proxy_of_window(state, context, task.window)
                .unwrap_or_default();
            if let Err(error) =
                script::invoke_a_callback(state, context, task.window, &f, &this, &arguments)
            {
                script::report_the_exception(state, context, Some(task.window), &error);
            }
        }
        // 9.6. Otherwise: create a classic script from handler and run it.
        TimerHandler::Source(source) => {
            script::run_a_classic_script(state, context, task.window, &source);
        }
    }
    // 9.7-9.8. If id does not exist in the map, or map[id] is not uniqueHandle, abort.
    let Some((handler, arguments, repeat, timeout)) = lookup(state) else {
        state.timer_nesting_level.set(None);
        return;
    };
    if repeat {
        // 9.9. If repeat is true, perform the timer initialization steps again, given global,
        //      handler, timeout, arguments, true, and id.
        timer_initialization_steps(
            state,
            task.window,
            handler,
            timeout,
            arguments,
            true,
            Some(task.handle),
        );
    } else if let Some(w) = state.windows.borrow_mut().get_mut(&task.window) {
        // 9.10. Otherwise, remove global's map of setTimeout and setInterval IDs[id].
        w.timers.map.remove(&task.handle);
    }
    state.timer_nesting_level.set(None);
}

/// `setTimeout(handler, timeout, ...arguments)`: the timer initialization steps, not
/// repeating.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#dom-settimeout>
fn set_timeout(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    set_timer(this, context, args, false)
}

/// `setInterval(handler, timeout, ...arguments)`: the timer initialization steps, repeating.
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#dom-setinterval>
fn set_interval(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    set_timer(this, context, args, true)
}

/// `setTimeout`/`setInterval`: the method steps, on this's Window (the checked `this`).
fn set_timer(
    this: &JsValue,
    context: &mut Context,
    args: &[JsValue],
    repeat: bool,
) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let handler = arg(args, 0);
    let handler = match handler.as_callable() {
        Some(f) => TimerHandler::Function(f.clone()),
        None => TimerHandler::Source(to_dom_string(&handler, context)?),
    };
    // `long timeout = 0`: WebIDL's long conversion (ToInt32 for a non-[EnforceRange] long).
    let timeout = arg(args, 1).to_i32(context)?;
    let arguments = args.get(2..).map(<[JsValue]>::to_vec).unwrap_or_default();
    let state = AgentState::of(context)?;
    let id = timer_initialization_steps(&state, window, handler, timeout, arguments, repeat, None);
    Ok(JsValue::new(id.map(|h| h.0).unwrap_or(0)))
}

/// `clearTimeout(id)`/`clearInterval(id)`: remove map[id] (and stop its wait).
///
/// Spec: <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#dom-cleartimeout>
fn clear_timer(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let window = RealmData::window_of_this(this, context)?;
    let id = TimerHandle(arg(args, 0).to_i32(context)?);
    let state = AgentState::of(context)?;
    let removed = state
        .windows
        .borrow_mut()
        .get_mut(&window)
        .and_then(|w| w.timers.map.remove(&id));
    if let Some(timer) = removed {
        state.event_loop.borrow_mut().cancel_timeout(timer.wait);
    }
    Ok(JsValue::undefined())
}

/// Defines the timer methods on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    define_global_members(context, global, &WINDOW_TIMERS_MEMBERS)
}
