//! An agent: one boa [`Context`], one event loop, and the windows whose realms live in it.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#similar-origin-window-agent>
//!
//! Everything here stays on the agent's thread. What other agents (or the embedder) send in
//! is an [`AgentTask`]: `Send` data, never JS values.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use boa_engine::job::{GenericJob, Job, JobExecutor, PromiseJob};
use boa_engine::{Context, JsError, JsNativeError, JsResult};
use postern_event_loop::{
    AgentId, AgentLoop, DocumentKey, EventLoop, EventLoopHost, LoopState, MicrotaskQueue, Task,
    microtask::MicrotaskHost,
};

use crate::ids::WindowId;
use crate::tasks::AgentTask;
use crate::user_agent::UserAgentShared;
use crate::window::Window;

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
    pub windows: RefCell<HashMap<WindowId, Window>>,
    /// How many times Rust has entered script and not yet returned (the JS execution
    /// context stack is empty exactly when this is 0).
    pub script_depth: Cell<u32>,
    /// The timer nesting level of the currently running task, if it is a timer task.
    pub timer_nesting_level: Cell<Option<u32>>,
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
            (Some(a), Some(b)) => a.origin().is_same_origin_domain(&b.origin()),
            _ => false,
        }
    }

    /// Queue a task on this agent's event loop.
    pub fn queue_a_task(&self, task: Task<AgentTask>) {
        self.event_loop.borrow_mut().queue_a_task(task);
    }
}

/// The job executor: boa's promise jobs become microtasks of the event loop.
struct MicrotaskJobExecutor {
    microtasks: Rc<MicrotaskQueue<Microtask>>,
}

impl JobExecutor for MicrotaskJobExecutor {
    fn enqueue_job(self: Rc<Self>, job: Job, _context: &mut Context) {
        match job {
            Job::PromiseJob(job) => self.microtasks.queue_a_microtask(Microtask::Promise(job)),
            Job::GenericJob(job) => self.microtasks.queue_a_microtask(Microtask::Generic(job)),
            // Deviation: boa's timeout, interval and async jobs are not used by the Web
            // platform surface here (timers go through the event loop); they are dropped.
            Job::TimeoutJob(_) | Job::IntervalJob(_) | Job::AsyncJob(_) => {}
            _ => {}
        }
    }

    fn run_jobs(self: Rc<Self>, context: &mut Context) -> JsResult<()> {
        let state = AgentState::of(context)?;
        crate::script::perform_a_microtask_checkpoint(&state, context);
        Ok(())
    }
}

/// An agent: its context and its state.
pub(crate) struct Agent {
    pub(crate) context: Context,
    pub(crate) state: Rc<AgentState>,
}

impl Agent {
    /// A new agent running `event_loop` (built on the agent's own thread: the JS engine's
    /// context never leaves it).
    pub(crate) fn new(
        ua: Arc<UserAgentShared>,
        event_loop: EventLoop<AgentTask>,
    ) -> Result<Agent, JsError> {
        let id = event_loop.agent();
        let microtasks = Rc::new(MicrotaskQueue::new());
        let executor = Rc::new(MicrotaskJobExecutor {
            microtasks: Rc::clone(&microtasks),
        });
        let mut context = Context::builder()
            .job_executor(executor)
            .host_hooks(Rc::new(crate::rejections::PosternHostHooks))
            .clock(Rc::new(crate::time::AgentClock::new(
                event_loop.clock().clone(),
                ua.time_epoch,
            )))
            .build()?;
        context
            .runtime_limits_mut()
            .set_loop_iteration_limit(ua.loop_iteration_limit);
        let state = Rc::new(AgentState {
            id,
            event_loop: RefCell::new(event_loop),
            ua,
            microtasks,
            windows: RefCell::new(HashMap::new()),
            script_depth: Cell::new(0),
            timer_nesting_level: Cell::new(None),
        });
        context.insert_data(Rc::clone(&state));
        Ok(Agent { context, state })
    }
}

impl AgentLoop for Agent {
    type Steps = AgentTask;

    /// One turn of the event loop processing model.
    fn run_one_turn(&mut self) -> LoopState {
        let state = Rc::clone(&self.state);
        let mut host = AgentLoopHost {
            state: &state,
            context: &mut self.context,
        };
        postern_event_loop::run_one_turn(&state.event_loop, &mut host)
    }

    fn event_loop(&self) -> &RefCell<EventLoop<AgentTask>> {
        &self.state.event_loop
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        // The windows hold JS objects of this context: let them go first.
        if let Ok(mut windows) = self.state.windows.try_borrow_mut() {
            windows.clear();
        }
    }
}

/// The event loop's view of the agent while a turn runs.
pub(crate) struct AgentLoopHost<'a> {
    pub state: &'a Rc<AgentState>,
    pub context: &'a mut Context,
}

impl EventLoopHost<AgentTask> for AgentLoopHost<'_> {
    fn is_fully_active(&self, document: DocumentKey) -> bool {
        crate::window::is_fully_active(self.state, document)
    }

    fn run_task(&mut self, task: Task<AgentTask>) {
        crate::tasks::run_agent_task(self.state, self.context, task.steps);
    }

    fn perform_a_microtask_checkpoint(&mut self) {
        crate::script::perform_a_microtask_checkpoint(self.state, self.context);
    }
}

/// Runs microtasks for a checkpoint, reporting exceptions.
pub(crate) struct MicrotaskRunner<'a> {
    pub state: &'a Rc<AgentState>,
    pub context: &'a mut Context,
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
        let window = realm.and_then(|r| {
            r.host_defined()
                .get::<crate::realm_data::RealmData>()
                .map(|d| d.window)
        });
        let result = match microtask {
            Microtask::Promise(job) => job.call(self.context),
            Microtask::Generic(job) => job.call(self.context),
        };
        self.state
            .script_depth
            .set(self.state.script_depth.get() - 1);
        if let Err(error) = result {
            crate::script::report_the_exception(self.state, self.context, window, &error);
        }
    }

    fn notify_about_rejected_promises(&mut self) {
        crate::rejections::notify_about_rejected_promises(self.state);
    }

    fn clear_kept_objects(&mut self) {
        self.context.clear_kept_objects();
    }
}
