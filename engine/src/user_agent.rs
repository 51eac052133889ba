//! The embedding API: a [`UserAgent`] loads pages into browsing contexts and runs their
//! event loops.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use postern_dom::{BrowsingContextId, BrowsingContextTree, DocumentId, Origin, ResourceLoader};
use postern_event_loop::{AgentId, Clock, EventLoopHandle, LoopState, Task, TaskSource, TimeMode};
use url::Url;

use crate::agent::Agent;
use crate::console::ConsoleSink;
use crate::error::EngineError;
use crate::ids::WindowId;
use crate::tasks::AgentTask;

/// Where a window lives and what it shows.
#[derive(Clone, Debug)]
pub(crate) struct WindowEntry {
    /// The agent whose thread runs it.
    pub agent: AgentId,
    /// Its browsing context.
    pub browsing_context: BrowsingContextId,
    /// Its document.
    pub document: DocumentId,
}

/// A window found from its document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WindowRef {
    /// The window.
    pub window: WindowId,
    /// Its agent.
    pub agent: AgentId,
    /// Its browsing context.
    pub browsing_context: BrowsingContextId,
}

/// What every agent of one user agent shares (`Send + Sync`).
pub(crate) struct UserAgentShared {
    tree: RwLock<BrowsingContextTree>,
    windows: RwLock<HashMap<WindowId, WindowEntry>>,
    documents: RwLock<HashMap<DocumentId, WindowId>>,
    agents: RwLock<HashMap<AgentId, EventLoopHandle<AgentTask>>>,
    /// The embedder's resource loader.
    pub loader: Arc<dyn ResourceLoader>,
    /// The embedder's console.
    pub console: Arc<dyn ConsoleSink>,
    /// The clock every event loop reads.
    pub clock: Clock,
    /// Where test results go, if anywhere.
    pub test_results: Option<TestResultsHook>,
    /// See [`UserAgentOptions::loop_iteration_limit`].
    pub loop_iteration_limit: u64,
    next_window: AtomicU64,
    next_document: AtomicU64,
    dropped_messages: AtomicU64,
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl UserAgentShared {
    /// A fresh window id.
    pub fn next_window_id(&self) -> WindowId {
        WindowId(self.next_window.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// A fresh document id.
    pub fn next_document_id(&self) -> DocumentId {
        DocumentId(self.next_document.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// Records a new window and makes its document its browsing context's active document.
    pub fn register_window(&self, window: WindowId, entry: WindowEntry) {
        // A browsing context removed meanwhile gets no active document (the error says only
        // that); the window is still recorded so that references to it resolve.
        let _removed_meanwhile = write(&self.tree)
            .set_active_document(entry.browsing_context, entry.document)
            .is_err();
        write(&self.documents).insert(entry.document, window);
        write(&self.windows).insert(window, entry);
    }

    /// What is known of a window.
    pub fn window_entry(&self, window: WindowId) -> Option<WindowEntry> {
        read(&self.windows).get(&window).cloned()
    }

    /// The window whose document is `document`.
    pub fn window_of_document(&self, document: DocumentId) -> Option<WindowRef> {
        let window = *read(&self.documents).get(&document)?;
        let entry = self.window_entry(window)?;
        Some(WindowRef {
            window,
            agent: entry.agent,
            browsing_context: entry.browsing_context,
        })
    }

    /// The active window of a browsing context.
    pub fn active_window(&self, browsing_context: BrowsingContextId) -> Option<WindowId> {
        let document = read(&self.tree).get(browsing_context)?.active_document?;
        read(&self.documents).get(&document).copied()
    }

    /// Reads the browsing-context tree.
    pub fn with_tree<R>(&self, f: impl FnOnce(&BrowsingContextTree) -> R) -> R {
        f(&read(&self.tree))
    }

    /// Changes the browsing-context tree.
    pub fn with_tree_mut<R>(&self, f: impl FnOnce(&mut BrowsingContextTree) -> R) -> R {
        f(&mut write(&self.tree))
    }

    /// Sends a task to another agent's event loop; `false` when that agent is gone.
    pub fn send_task(&self, agent: AgentId, task: Task<AgentTask>) -> bool {
        match read(&self.agents).get(&agent) {
            Some(handle) => handle.queue_a_task(task).is_ok(),
            None => false,
        }
    }

    /// Counts a message that was not delivered (origin mismatch, target gone).
    pub fn count_dropped_message(&self) {
        self.dropped_messages.fetch_add(1, Ordering::Relaxed);
    }
}

/// Receives test results that a page hands to `__postern_test_results__(json)` (defined only
/// when this hook is set): whether the window is a top-level one, and the JSON text.
#[derive(Clone)]
pub struct TestResultsHook(pub Arc<TestResultsFn>);

/// The function behind a [`TestResultsHook`].
pub type TestResultsFn = dyn Fn(bool, &str) + Send + Sync;

impl std::fmt::Debug for TestResultsHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TestResultsHook")
    }
}

/// How a [`UserAgent`] runs.
#[derive(Clone, Debug)]
pub struct UserAgentOptions {
    /// Real or virtual time.
    pub time: TimeMode,
    /// Stop when the clock reaches this (virtual or real time since start).
    pub time_limit: Duration,
    /// Stop after this much wall-clock time whatever the clock says (guards pages that never
    /// go idle, such as an endless message loop under virtual time).
    pub wall_limit: Duration,
    /// Where test results go (the WPT runner sets it).
    pub test_results: Option<TestResultsHook>,
    /// The most iterations one JS loop may run before it is stopped with an uncatchable
    /// error (guards against pages that never yield; `u64::MAX` for no limit).
    pub loop_iteration_limit: u64,
}

impl Default for UserAgentOptions {
    fn default() -> Self {
        UserAgentOptions {
            time: TimeMode::Real,
            time_limit: Duration::from_secs(30),
            wall_limit: Duration::from_secs(60),
            test_results: None,
            loop_iteration_limit: u64::MAX,
        }
    }
}

/// Why [`UserAgent::run_until_idle`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunOutcome {
    /// Nothing is left to do: no task, no timer.
    Idle,
    /// The time limit (or the wall-clock limit) was reached with work still pending.
    TimeLimit,
    /// The embedder's stop condition became true.
    Stopped,
}

/// A user agent: browsing contexts, their windows, and the agents that run them.
pub struct UserAgent {
    shared: Arc<UserAgentShared>,
    agent: Agent,
    options: UserAgentOptions,
}

impl UserAgent {
    /// A user agent loading through `loader` and printing to `console`.
    pub fn new(
        loader: Arc<dyn ResourceLoader>,
        console: Arc<dyn ConsoleSink>,
        options: UserAgentOptions,
    ) -> Result<Self, EngineError> {
        let shared = Arc::new(UserAgentShared {
            tree: RwLock::new(BrowsingContextTree::new()),
            windows: RwLock::new(HashMap::new()),
            documents: RwLock::new(HashMap::new()),
            agents: RwLock::new(HashMap::new()),
            loader,
            console,
            clock: Clock::new(options.time),
            test_results: options.test_results.clone(),
            loop_iteration_limit: options.loop_iteration_limit,
            next_window: AtomicU64::new(0),
            next_document: AtomicU64::new(0),
            dropped_messages: AtomicU64::new(0),
        });
        // TODO(spec): one agent per agent cluster, each on its own thread (the event loop
        // issue); first light runs every window in one similar-origin window agent.
        let agent = Agent::new(AgentId(1), Arc::clone(&shared))
            .map_err(|e| EngineError::Setup(e.to_string()))?;
        write(&shared.agents).insert(AgentId(1), agent.state.event_loop.borrow().handle());
        Ok(UserAgent {
            shared,
            agent,
            options,
        })
    }

    /// Creates a top-level traversable and navigates it to `url` (the load runs as a task).
    pub fn open(&mut self, url: &str) -> Result<BrowsingContextId, EngineError> {
        let parsed = Url::parse(url).map_err(|e| EngineError::InvalidUrl {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
        let browsing_context = self
            .shared
            .with_tree_mut(|tree| tree.create_top_level(String::new()));
        self.agent.state.queue_a_task(Task::new(
            TaskSource::Networking,
            None,
            AgentTask::Navigate {
                browsing_context,
                url: parsed,
                initiator_origin: Origin::new_opaque(),
            },
        ));
        Ok(browsing_context)
    }

    /// Runs the event loops until nothing is left to do or a limit is reached. Under virtual
    /// time, the clock jumps to the next timer whenever everything is idle.
    pub fn run_until_idle(&mut self) -> RunOutcome {
        self.run_until(&|| false)
    }

    /// Like [`Self::run_until_idle`], but also stops as soon as `stop` returns true (checked
    /// after every task).
    pub fn run_until(&mut self, stop: &dyn Fn() -> bool) -> RunOutcome {
        let started = Instant::now();
        let clock = self.shared.clock.clone();
        loop {
            if stop() {
                return RunOutcome::Stopped;
            }
            if started.elapsed() >= self.options.wall_limit
                || clock.now() >= self.options.time_limit
            {
                return RunOutcome::TimeLimit;
            }
            match self.agent.run_one_turn() {
                LoopState::RanTask => {}
                LoopState::Idle { next_timer: None } => return RunOutcome::Idle,
                LoopState::Idle {
                    next_timer: Some(deadline),
                } => {
                    if deadline > self.options.time_limit {
                        return RunOutcome::TimeLimit;
                    }
                    match clock.mode() {
                        TimeMode::Virtual => {
                            clock.advance_to(deadline);
                        }
                        TimeMode::Real => {
                            let now = clock.now();
                            if deadline > now {
                                std::thread::sleep(deadline - now);
                            }
                        }
                    }
                }
            }
        }
    }

    /// How many posted messages were dropped (origin check failed, or the target was gone).
    pub fn dropped_messages(&self) -> u64 {
        self.shared.dropped_messages.load(Ordering::Relaxed)
    }
}
