//! Unhandled promise rejections: the host's HostPromiseRejectionTracker, and "notify about
//! rejected promises" at the end of each microtask checkpoint, which fires
//! `unhandledrejection` at the window.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#unhandled-promise-rejections>

use std::collections::VecDeque;
use std::rc::Rc;

use boa_engine::builtins::promise::{OperationType, Promise, PromiseState};
use boa_engine::context::HostHooks;
use boa_engine::job::JobCallback;
use boa_engine::object::builtins::{JsFunction, JsPromise};
use boa_engine::realm::Realm;
use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace};
use postern_event_loop::{Task, TaskSource};

use crate::agent::AgentState;
use crate::agent::event_listener_list::EventTargetKey;
use crate::agent::tasks::AgentTask;
use crate::agent::window::document_key;
use crate::console;
use crate::dom::event_target::dispatch;
use crate::embedder::console_sink::ConsoleLevel;
use crate::html::promise_rejection_event::create_promise_rejection_event;
use crate::html::scripting::environments::{
    CallbackContext, incumbent_window, with_callback_context,
};
use crate::html::scripting::nesting;
use crate::html::scripting::script::emit_console;
use crate::html::window_proxy;
use crate::ids::WindowId;

/// The host hooks of every agent's context: boa's defaults, except the promise rejection
/// tracker, the job callbacks (which carry the incumbent settings object), the check of
/// strings compiled by eval and Function, and the global `this` of a Window's realm.
pub(crate) struct PosternHostHooks;

impl HostHooks for PosternHostHooks {
    /// HostMakeJobCallback.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#hostmakejobcallback>
    fn make_job_callback(&self, callback: JsFunction, context: &mut Context) -> JobCallback {
        // 1. Let incumbent settings be the incumbent settings object.
        let incumbent = incumbent_window(context).ok();
        // 2-4. Let active script be the active script; script execution context: a new JS
        //      execution context whose ScriptOrModule is active script's record.
        // Deviation: boa has no public way to push an execution context with a given
        // ScriptOrModule; the job runs with its own function's.
        // 5. Return the JobCallback Record { [[Callback]]: callback, [[HostDefined]]:
        //    { [[IncumbentSettings]]: incumbent settings, [[ActiveScriptContext]]: script
        //    execution context } }.
        JobCallback::new(callback, CallbackContext(incumbent))
    }

    /// HostCallJobCallback.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#hostcalljobcallback>
    fn call_job_callback(
        &self,
        job: &JobCallback,
        this: &JsValue,
        args: &[JsValue],
        context: &mut Context,
    ) -> JsResult<JsValue> {
        // 1. Let incumbent settings be callback.[[HostDefined]].[[IncumbentSettings]].
        let incumbent = job
            .host_defined()
            .as_any()
            .downcast_ref::<CallbackContext>()
            .and_then(|c| c.0);
        // 3. Prepare to run a callback with incumbent settings.
        // 5. Let result be Call(callback.[[Callback]], V, argumentsList).
        // 7. Clean up after running a callback with incumbent settings.
        // 8. Return result.
        with_callback_context(context, incumbent, |context| {
            job.callback().call(this, args, context)
        })
    }

    fn promise_rejection_tracker(
        &self,
        promise: &JsObject<Promise>,
        operation: OperationType,
        context: &mut Context,
    ) {
        host_promise_rejection_tracker(promise.clone().upcast(), operation, context);
    }

    /// HostEnsureCanCompileStrings, for `eval` and the `Function` constructors: a source
    /// nesting deeper than the parser can take is a RangeError (content security policy is
    /// not modelled).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#hostensurecancompilestrings(realm,-parameterstrings,-bodystring,-codestring,-compilationtype,-parameterargs,-bodyarg)>
    fn ensure_can_compile_strings(
        &self,
        _realm: Realm,
        parameters: &[JsString],
        body: &JsString,
        _direct: bool,
        _context: &mut Context,
    ) -> JsResult<()> {
        for parameter in parameters {
            nesting::ensure_nesting_within_limit(&parameter.to_std_string_lossy())?;
        }
        nesting::ensure_nesting_within_limit(&body.to_std_string_lossy())
    }

    /// A Window realm's global `this` is its browsing context's WindowProxy.
    fn create_global_this(
        &self,
        _: &boa_engine::context::intrinsics::Intrinsics,
    ) -> Option<JsObject> {
        window_proxy::take_global_this()
    }
}

/// A promise handed to a queued notification task.
#[derive(Trace, Finalize)]
struct QueuedRejection {
    promise: JsObject,
    /// Whether it got a handler since (stands in for [[PromiseIsHandled]]).
    #[unsafe_ignore_trace]
    handled: bool,
}

/// A window global's rejected promises, kept in its realm.
#[derive(Trace, Finalize, JsData, Default)]
pub(crate) struct RejectedPromises {
    /// The about-to-be-notified rejected promises list.
    about_to_be_notified: Vec<JsObject>,
    /// The lists handed to queued notification tasks, oldest first (the task running now
    /// reads the first).
    queued: VecDeque<Vec<QueuedRejection>>,
}

/// Gives the current realm (a window's) its rejected-promise lists.
pub(crate) fn install(context: &mut Context) {
    context
        .realm()
        .host_defined_mut()
        .insert(RejectedPromises::default());
}

/// HostPromiseRejectionTracker(promise, operation).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#the-hostpromiserejectiontracker-implementation>
fn host_promise_rejection_tracker(
    promise: JsObject,
    operation: OperationType,
    context: &mut Context,
) {
    // 1. Let script be the running script.
    // 2. If script is a classic script and script's muted errors is true, then return.
    // TODO(spec): muted errors (classic scripts fetched cross-origin without CORS).
    // 3. Let realm be the current realm.
    // 4. If script is not null, then set realm to script's realm.
    // Deviation: boa does not expose the running script; the current realm stands in.
    let realm = context.realm().clone();
    // 5. Let global be realm's global object.
    let mut host_defined = realm.host_defined_mut();
    let Some(rejected) = host_defined.get_mut::<RejectedPromises>() else {
        return;
    };
    match operation {
        // 6. If operation is "reject", then append promise to global's about-to-be-notified
        //    rejected promises list.
        OperationType::Reject => {
            rejected.about_to_be_notified.push(promise);
            if let Ok(state) = AgentState::of(context) {
                state.may_have_rejections.set(true);
            }
        }
        // 7. If operation is "handle", then:
        OperationType::Handle => {
            // 7.1. If global's about-to-be-notified rejected promises list contains promise,
            //      then remove promise from that list and return.
            let list = &mut rejected.about_to_be_notified;
            if let Some(i) = list.iter().position(|p| JsObject::equals(p, &promise)) {
                list.remove(i);
                return;
            }
            // Deviation: boa does not expose [[PromiseIsHandled]], which the queued task
            // reads; a promise handed to a queued task is marked handled here instead.
            for entry in rejected.queued.iter_mut().flatten() {
                if JsObject::equals(&entry.promise, &promise) {
                    entry.handled = true;
                }
            }
            // TODO(spec): 7.2-7.4, the outstanding rejected promises weak set and the
            // rejectionhandled event.
        }
    }
}

/// Notify about rejected promises, for the global of each window of this agent (called at
/// the end of every microtask checkpoint).
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#notify-about-rejected-promises>
pub(crate) fn notify_about_rejected_promises(state: &Rc<AgentState>) {
    // (Every global's list is empty unless a promise was rejected since the last time: the
    // common case, at the end of every task, costs one flag.)
    if !state.may_have_rejections.replace(false) {
        return;
    }
    let windows: Vec<_> = state
        .windows
        .borrow()
        .iter()
        .map(|(id, w)| (*id, w.realm.clone(), w.document_id))
        .collect();
    for (window, realm, document) in windows {
        {
            let mut host_defined = realm.host_defined_mut();
            let Some(rejected) = host_defined.get_mut::<RejectedPromises>() else {
                continue;
            };
            // 1. Let list be a clone of global's about-to-be-notified rejected promises list.
            // 2. If list is empty, then return.
            if rejected.about_to_be_notified.is_empty() {
                continue;
            }
            // 3. Clear global's about-to-be-notified rejected promises list.
            let list = std::mem::take(&mut rejected.about_to_be_notified);
            rejected.queued.push_back(
                list.into_iter()
                    .map(|promise| QueuedRejection {
                        promise,
                        handled: false,
                    })
                    .collect(),
            );
        }
        // 4. Queue a global task on the DOM manipulation task source given global to run
        //    the steps of `fire_unhandled_rejections`.
        state.queue_a_task(Task::new(
            TaskSource::DomManipulation,
            Some(document_key(document)),
            AgentTask::NotifyRejectedPromises { window },
        ));
    }
}

/// The steps of the task "notify about rejected promises" queues (its step 4.1), for the
/// oldest list handed to `window`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#notify-about-rejected-promises>
pub(crate) fn fire_unhandled_rejections(
    state: &Rc<AgentState>,
    context: &mut Context,
    window: WindowId,
) {
    let Some(realm) = state.windows.borrow().get(&window).map(|w| w.realm.clone()) else {
        return;
    };
    let previous = context.enter_realm(realm.clone());
    // 4.1. For each promise p of list:
    for index in 0.. {
        let entry = realm
            .host_defined()
            .get::<RejectedPromises>()
            .and_then(|r| r.queued.front())
            .and_then(|list| list.get(index))
            .map(|e| (e.promise.clone(), e.handled));
        let Some((promise, handled)) = entry else {
            break;
        };
        // 4.1.1. If p.[[PromiseIsHandled]] is true, then continue.
        if handled {
            continue;
        }
        // 4.1.2. Let notCanceled be the result of firing an event named unhandledrejection
        //        at global, using PromiseRejectionEvent, with the cancelable attribute
        //        initialized to true, the promise attribute initialized to p, and the reason
        //        attribute initialized to p.[[PromiseResult]].
        let reason = match JsPromise::from_object(promise.clone()).map(|p| p.state()) {
            Ok(PromiseState::Rejected(reason)) => reason,
            _ => JsValue::undefined(),
        };
        let not_canceled = match create_promise_rejection_event(
            context,
            "unhandledrejection",
            promise,
            reason.clone(),
        ) {
            Ok(event) => {
                dispatch(state, context, window, EventTargetKey::Window, &event).unwrap_or(true)
            }
            Err(_) => true,
        };
        // 4.1.3. If notCanceled is true, then the user agent may report p.[[PromiseResult]]
        //        to a developer console.
        if not_canceled {
            let text = console::format_value(context, &reason, true);
            emit_console(
                state,
                window,
                ConsoleLevel::Error,
                format!("Uncaught (in promise) {text}"),
            );
        }
        // 4.1.4. If p.[[PromiseIsHandled]] is false, then append p to global's outstanding
        //        rejected promises weak set.
        // TODO(spec): the outstanding rejected promises weak set (for rejectionhandled).
    }
    if let Some(rejected) = realm.host_defined_mut().get_mut::<RejectedPromises>() {
        rejected.queued.pop_front();
    }
    context.enter_realm(previous);
}
