//! The state layer: an agent's state (its event loop, microtask queue and windows), the
//! registry every agent shares, the tasks that cross between agents, and the data each window
//! keeps (listener lists, timer maps, realm data). Data and queries only: nothing here calls
//! an interface or an algorithm, so every other module may import it.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#similar-origin-window-agent>
//!
//! Everything of [`AgentState`] stays on the agent's thread. What other agents (or the
//! embedder) send in is an [`AgentTask`]: `Send` data, never JS values.

pub(crate) mod event_listener_list;
pub(crate) mod map_of_active_timers;
pub(crate) mod message_tracer;
pub(crate) mod realm_data;
pub(crate) mod tasks;
pub(crate) mod user_agent;
pub(crate) mod window;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use boa_engine::job::{GenericJob, PromiseJob};
use boa_engine::{Context, JsNativeError, JsResult};
use postern_event_loop::{AgentId, EventLoop, MicrotaskQueue, StopSignal, Task};

use crate::ids::{IdMap, WindowId};

use tasks::AgentTask;
use user_agent::UserAgentShared;
use window::{DocumentWithoutBrowsingContext, Window};

/// A microtask: a job the JS engine asked the host to run.
pub(crate) enum Microtask {
    /// A promise reaction or resolve-thenable job.
    Promise(PromiseJob),
    /// A generic job (e.g. `queueMicrotask`'s callback).
    Generic(GenericJob),
}

/// The agent's state that native functions reach through the context.
pub(crate) struct AgentState {
    /// This agent's id.
    pub id: AgentId,
    /// What every agent of the user agent shares.
    pub ua: Arc<UserAgentShared>,
    /// The event loop.
    pub event_loop: RefCell<EventLoop<AgentTask>>,
    /// The event loop's microtask queue (also reached by the job executor).
    pub microtasks: Rc<MicrotaskQueue<Microtask>>,
    /// The windows whose realms live in this agent.
    pub windows: RefCell<IdMap<WindowId, Window>>,
    /// The documents without a browsing context scripts of this agent made, by the key
    /// their nodes' wrappers carry.
    pub documents: RefCell<IdMap<WindowId, DocumentWithoutBrowsingContext>>,
    /// How many times Rust has entered script and not yet returned (the JS execution
    /// context stack is empty exactly when this is 0).
    pub script_depth: Cell<u32>,
    /// Set when the agent is told to stop (the user agent shuts down): a microtask checkpoint
    /// stops running microtasks.
    pub stop: StopSignal,
    /// The timer nesting level of the currently running task, if it is a timer task.
    pub timer_nesting_level: Cell<Option<u32>>,
    /// Whether a promise of one of its windows was rejected (appended to a global's
    /// about-to-be-notified rejected promises list) since rejected promises were last
    /// notified: when not, notifying them has nothing to do.
    pub may_have_rejections: Cell<bool>,
}

impl AgentState {
    /// The agent state stored in `context`.
    pub fn of(context: &Context) -> JsResult<Rc<AgentState>> {
        context
            .get_data::<Rc<AgentState>>()
            .cloned()
            .ok_or_else(|| JsNativeError::typ().with_message("no agent").into())
    }

    /// The browsing context of one of this agent's windows.
    pub fn browsing_context_of(&self, window: WindowId) -> Option<postern_dom::BrowsingContextId> {
        self.windows
            .borrow()
            .get(&window)
            .map(|w| w.browsing_context)
    }

    /// Whether two of this agent's windows are same origin-domain (false when either is not
    /// here: a window in another agent is on another site).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/browsers.html#same-origin-domain>
    pub fn same_origin_domain(&self, a: WindowId, b: WindowId) -> bool {
        let windows = self.windows.borrow();
        match (windows.get(&a), windows.get(&b)) {
            // (Compared in place: this runs for every property access through a WindowProxy.)
            (Some(a), Some(b)) => a
                .document
                .borrow()
                .origin()
                .is_same_origin_domain(b.document.borrow().origin()),
            _ => false,
        }
    }

    /// Queue a task on this agent's event loop.
    pub fn queue_a_task(&self, task: Task<AgentTask>) {
        self.event_loop.borrow_mut().queue_a_task(task);
    }
}
