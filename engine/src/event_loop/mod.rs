//! The run loop of an agent: its boa context, the job executor that turns promise jobs into
//! microtasks, and the event loop's view of the agent while a turn runs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use boa_engine::job::{Job, JobExecutor};
use boa_engine::{Context, JsError, JsResult};
use postern_event_loop::{
    AgentLoop, DocumentKey, EventLoop, EventLoopHost, LoopState, MicrotaskQueue, Task,
};

use crate::agent::tasks::AgentTask;
use crate::agent::user_agent::UserAgentShared;
use crate::agent::{AgentState, Microtask};

mod dispatch;

use crate::agent::window::is_fully_active;
use crate::embedder::error::EngineError;
use crate::hr_time::AgentClock;
use crate::html::scripting::rejections::PosternHostHooks;
use crate::html::scripting::script::perform_a_microtask_checkpoint;
use crate::ids::{AgentId, IdMap};
use dispatch::run_agent_task;

/// Starts a new agent for `ua` on a thread of its own; its context and state are built on that
/// thread. The registry (`UserAgentShared`) calls this through its `SpawnAgent` pointer.
pub(crate) fn spawn_agent(ua: &Arc<UserAgentShared>) -> Result<AgentId, EngineError> {
    let shared = Arc::clone(ua);
    let handle = ua
        .coordinator
        .spawn_agent(move |event_loop| {
            Agent::new(shared, event_loop).map_err(|error| error.to_string())
        })
        .map_err(|error| EngineError::Setup(error.to_string()))?;
    Ok(handle.agent())
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
        perform_a_microtask_checkpoint(&state, context);
        Ok(())
    }
}

/// An agent: its context and its state.
struct Agent {
    pub(crate) context: Context,
    pub(crate) state: Rc<AgentState>,
}

impl Agent {
    /// A new agent running `event_loop` (built on the agent's own thread: the JS engine's
    /// context never leaves it).
    fn new(ua: Arc<UserAgentShared>, event_loop: EventLoop<AgentTask>) -> Result<Agent, JsError> {
        let id = event_loop.agent();
        let microtasks = Rc::new(MicrotaskQueue::new());
        let executor = Rc::new(MicrotaskJobExecutor {
            microtasks: Rc::clone(&microtasks),
        });
        let mut context = Context::builder()
            .job_executor(executor)
            .host_hooks(Rc::new(PosternHostHooks))
            .clock(Rc::new(AgentClock::new(
                event_loop.clock().clone(),
                ua.time_epoch,
            )))
            .build()?;
        context
            .runtime_limits_mut()
            .set_loop_iteration_limit(ua.loop_iteration_limit);
        context.runtime_limits_mut().set_recursion_limit(10_000);
        context.runtime_limits_mut().set_stack_size_limit(1 << 20);
        let stop = event_loop.stop_signal();
        let state = Rc::new(AgentState {
            id,
            stop,
            event_loop: RefCell::new(event_loop),
            ua,
            microtasks,
            windows: RefCell::new(IdMap::default()),
            documents: RefCell::new(IdMap::default()),
            script_depth: Cell::new(0),
            timer_nesting_level: Cell::new(None),
            may_have_rejections: Cell::new(false),
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
        is_fully_active(self.state, document)
    }

    fn run_task(&mut self, task: Task<AgentTask>) {
        run_agent_task(self.state, self.context, task.steps);
    }

    fn perform_a_microtask_checkpoint(&mut self) {
        perform_a_microtask_checkpoint(self.state, self.context);
    }
}
