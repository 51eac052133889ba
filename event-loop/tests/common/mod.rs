//! A test agent for the coordinator tests: its tasks' steps are closures run with a context
//! that can log to a shared trace, queue tasks on its own loop, set timers and post to other
//! agents.

#![allow(dead_code)]
// Test helpers: a failed unwrap/expect is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::cell::{RefCell, RefMut};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use postern_event_loop::{
    AgentId, AgentLoop, Clock, Coordinator, DocumentKey, EventLoop, EventLoopHandle, EventLoopHost,
    LoopState, RunLimits, SpawnError, Task, TaskSource, TimeMode,
};

/// A task's steps: a closure run on the agent's thread.
pub type Steps = Box<dyn FnOnce(&mut Ctx<'_>) + Send>;

/// Wraps a closure as steps.
pub fn steps(f: impl FnOnce(&mut Ctx<'_>) + Send + 'static) -> Steps {
    Box::new(f)
}

/// One line of the shared trace: which agent, at what time on the clock, what.
pub type Event = (AgentId, Duration, String);

/// What every test agent of one coordinator shares.
#[derive(Default)]
pub struct World {
    handles: Mutex<BTreeMap<AgentId, EventLoopHandle<Steps>>>,
    trace: Mutex<Vec<Event>>,
    /// Agents dropped so far (on their own thread, when it winds down).
    pub dropped: AtomicUsize,
}

impl World {
    pub fn new() -> Arc<World> {
        Arc::new(World::default())
    }

    pub fn trace(&self) -> Vec<Event> {
        self.trace.lock().unwrap().clone()
    }
}

/// Per-agent state the tests keep between tasks.
#[derive(Default)]
pub struct Local {
    /// Next sequence number per (receiver, source), for messages this agent sends.
    pub next_seq: HashMap<(AgentId, TaskSource), u64>,
    /// Last sequence number seen per (sender, source).
    pub last_seen: HashMap<(AgentId, TaskSource), u64>,
    /// Messages received.
    pub received: u64,
    /// FIFO violations seen.
    pub out_of_order: u64,
}

pub struct TestAgent {
    id: AgentId,
    event_loop: RefCell<EventLoop<Steps>>,
    world: Arc<World>,
    peers: RefCell<BTreeMap<AgentId, EventLoopHandle<Steps>>>,
    pub inactive: RefCell<HashSet<DocumentKey>>,
    pub local: RefCell<Local>,
}

impl Drop for TestAgent {
    fn drop(&mut self) {
        self.world.dropped.fetch_add(1, Ordering::SeqCst);
    }
}

/// What a task's steps can do.
pub struct Ctx<'a> {
    pub agent: &'a TestAgent,
    /// The source the running task was queued on.
    pub source: TaskSource,
}

impl Ctx<'_> {
    pub fn id(&self) -> AgentId {
        self.agent.id
    }

    pub fn now(&self) -> Duration {
        self.agent.event_loop.borrow().clock().now()
    }

    /// Appends (agent, now, what) to the shared trace.
    pub fn log(&self, what: impl Into<String>) {
        let event = (self.id(), self.now(), what.into());
        self.agent.world.trace.lock().unwrap().push(event);
    }

    pub fn local(&self) -> RefMut<'_, Local> {
        self.agent.local.borrow_mut()
    }

    /// Queues a task on this agent's own loop.
    pub fn queue_local(&self, source: TaskSource, document: Option<DocumentKey>, s: Steps) {
        self.agent
            .event_loop
            .borrow_mut()
            .queue_a_task(Task::new(source, document, s));
    }

    pub fn set_timeout(&self, delay: Duration, s: Steps) {
        self.agent
            .event_loop
            .borrow_mut()
            .run_steps_after_a_timeout(delay, Task::new(TaskSource::Timer, None, s));
    }

    /// Posts a task to another agent; false if it is unknown or gone.
    pub fn post(&self, to: AgentId, source: TaskSource, s: Steps) -> bool {
        let mut peers = self.agent.peers.borrow_mut();
        if !peers.contains_key(&to) {
            *peers = self.agent.world.handles.lock().unwrap().clone();
        }
        match peers.get(&to) {
            Some(handle) => handle.queue_a_task(Task::new(source, None, s)).is_ok(),
            None => false,
        }
    }

    /// Sets a timer whose task belongs to `document`.
    pub fn set_document_timeout(&self, document: DocumentKey, delay: Duration, s: Steps) {
        self.agent
            .event_loop
            .borrow_mut()
            .run_steps_after_a_timeout(delay, Task::new(TaskSource::Timer, Some(document), s));
    }

    pub fn set_active(&self, document: DocumentKey, active: bool) {
        let mut inactive = self.agent.inactive.borrow_mut();
        if active {
            inactive.remove(&document);
        } else {
            inactive.insert(document);
        }
    }

    pub fn remove_tasks_of_document(&self, document: DocumentKey) -> usize {
        self.agent
            .event_loop
            .borrow_mut()
            .remove_tasks_of_document(document)
            .len()
    }
}

struct Host<'a>(&'a TestAgent);

impl EventLoopHost<Steps> for Host<'_> {
    fn is_fully_active(&self, document: DocumentKey) -> bool {
        !self.0.inactive.borrow().contains(&document)
    }
    fn run_task(&mut self, task: Task<Steps>) {
        let mut ctx = Ctx {
            agent: self.0,
            source: task.source,
        };
        (task.steps)(&mut ctx);
    }
    fn perform_a_microtask_checkpoint(&mut self) {}
}

impl AgentLoop for TestAgent {
    type Steps = Steps;
    fn run_one_turn(&mut self) -> LoopState {
        let agent: &TestAgent = self;
        postern_event_loop::run_one_turn(&agent.event_loop, &mut Host(agent))
    }
    fn event_loop(&self) -> &RefCell<EventLoop<Steps>> {
        &self.event_loop
    }
}

/// Starts a test agent and records its handle in `world`.
pub fn spawn(coordinator: &Coordinator<Steps>, world: &Arc<World>) -> EventLoopHandle<Steps> {
    try_spawn(coordinator, world).unwrap()
}

/// Starts a test agent and records its handle in `world`, or says why not.
pub fn try_spawn(
    coordinator: &Coordinator<Steps>,
    world: &Arc<World>,
) -> Result<EventLoopHandle<Steps>, SpawnError> {
    let for_agent = Arc::clone(world);
    let handle = coordinator.spawn_agent(move |event_loop| {
        Ok(TestAgent {
            id: event_loop.agent(),
            event_loop: RefCell::new(event_loop),
            world: for_agent,
            peers: RefCell::new(BTreeMap::new()),
            inactive: RefCell::new(HashSet::new()),
            local: RefCell::new(Local::default()),
        })
    })?;
    world
        .handles
        .lock()
        .unwrap()
        .insert(handle.agent(), handle.clone());
    Ok(handle)
}

/// A coordinator on a new clock in `mode`, with `n` test agents.
pub fn world_of(
    mode: TimeMode,
    n: usize,
) -> (Coordinator<Steps>, Arc<World>, Vec<EventLoopHandle<Steps>>) {
    let coordinator = Coordinator::new(Clock::new(mode));
    let world = World::new();
    let handles = (0..n).map(|_| spawn(&coordinator, &world)).collect();
    (coordinator, world, handles)
}

/// Queues steps on an agent from the test's thread.
pub fn send(handle: &EventLoopHandle<Steps>, source: TaskSource, s: Steps) {
    assert!(handle.queue_a_task(Task::new(source, None, s)).is_ok());
}

/// Generous limits: a test that needs them has failed.
pub fn limits() -> RunLimits {
    RunLimits {
        time_limit: Duration::from_secs(100_000),
        wall_limit: Duration::from_secs(120),
    }
}

/// Generous limits but for the wall clock: a run that has not ended after `wall_limit`
/// returns [`postern_event_loop::RunOutcome::TimeLimit`] (a hang guard).
pub fn wall_limited(wall_limit: Duration) -> RunLimits {
    RunLimits {
        wall_limit,
        ..limits()
    }
}

pub fn never() -> bool {
    false
}
