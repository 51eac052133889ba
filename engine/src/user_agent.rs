//! The embedding API: a [`UserAgent`] loads pages into browsing contexts and runs their
//! event loops.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use postern_dom::{
    AgentClusterKey, BrowsingContextGroupId, BrowsingContextId, BrowsingContextTree, DocumentId,
    Origin, ResourceLoader, agent_cluster_key, origin_of_url,
};
use postern_event_loop::{
    AgentId, Clock, Coordinator, CrashReport, RunLimits, RunOutcome, Task, TaskSource, TimeMode,
};
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
    /// Runs the agents, each on its own thread.
    coordinator: Coordinator<AgentTask>,
    /// The agent cluster maps of every browsing context group: which agent runs the documents
    /// of each (group, agent cluster key).
    agent_clusters: Mutex<HashMap<(Option<BrowsingContextGroupId>, AgentClusterKey), AgentId>>,
    /// The embedder's resource loader.
    pub loader: Arc<dyn ResourceLoader>,
    /// The embedder's console.
    pub console: Arc<dyn ConsoleSink>,
    /// The time since the Unix epoch that the clock's time 0 stands for (`Date.now()` is
    /// this plus the clock's time).
    pub time_epoch: Duration,
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
        match self.coordinator.handle(agent) {
            Some(handle) => handle.queue_a_task(task).is_ok(),
            None => false,
        }
    }

    /// Obtain a similar-origin window agent: the agent that runs documents of `origin` in the
    /// browsing context group of `browsing_context`, started (on its own thread) the first time
    /// its agent cluster key is needed in that group.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#obtain-similar-origin-window-agent>
    pub fn obtain_a_similar_origin_window_agent(
        self: &Arc<Self>,
        origin: &Origin,
        browsing_context: BrowsingContextId,
    ) -> Result<AgentId, EngineError> {
        // 1-5. Let key be the agent cluster key of origin in group (its site unless the group
        //      is cross-origin isolated or remembers this origin as origin-keyed).
        let key = self.with_tree_mut(|tree| {
            let group = tree.group_of(browsing_context);
            let key = group
                .and_then(|g| tree.group_mut(g).ok())
                .map(|g| g.obtain_agent_cluster_key(origin, false))
                .unwrap_or_else(|| agent_cluster_key(origin));
            (group, key)
        });
        // 6. If group's agent cluster map[key] does not exist, then: let agentCluster be a
        //    new agent cluster, add a new similar-origin window agent to it, and set the map.
        let mut clusters = self
            .agent_clusters
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(agent) = clusters.get(&key) {
            // 7. Return the single similar-origin window agent in the map's cluster.
            return Ok(*agent);
        }
        let ua = Arc::clone(self);
        let handle = self
            .coordinator
            .spawn_agent(move |event_loop| {
                Agent::new(ua, event_loop).map_err(|error| error.to_string())
            })
            .map_err(|error| EngineError::Setup(error.to_string()))?;
        clusters.insert(key, handle.agent());
        Ok(handle.agent())
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
    /// What `Date.now()` says when the clock starts, as time since the Unix epoch; `None`:
    /// the wall-clock time when the user agent is created. Fix it (with virtual time) for
    /// runs that print dates and must repeat exactly.
    pub wall_clock_start: Option<Duration>,
}

impl Default for UserAgentOptions {
    fn default() -> Self {
        UserAgentOptions {
            time: TimeMode::Real,
            time_limit: Duration::from_secs(30),
            wall_limit: Duration::from_secs(60),
            test_results: None,
            loop_iteration_limit: u64::MAX,
            wall_clock_start: None,
        }
    }
}

/// A user agent: browsing contexts, their windows, and the agents that run them (each agent
/// on its own thread, started when a document of its agent cluster first needs it).
pub struct UserAgent {
    shared: Arc<UserAgentShared>,
    options: UserAgentOptions,
}

/// How long [`UserAgent`]'s drop waits for agent threads to finish their current task.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

impl UserAgent {
    /// A user agent loading through `loader` and printing to `console`.
    pub fn new(
        loader: Arc<dyn ResourceLoader>,
        console: Arc<dyn ConsoleSink>,
        options: UserAgentOptions,
    ) -> Result<Self, EngineError> {
        let clock = Clock::new(options.time);
        let shared = Arc::new(UserAgentShared {
            tree: RwLock::new(BrowsingContextTree::new()),
            windows: RwLock::new(HashMap::new()),
            documents: RwLock::new(HashMap::new()),
            coordinator: Coordinator::new(clock.clone()),
            agent_clusters: Mutex::new(HashMap::new()),
            loader,
            console,
            time_epoch: options
                .wall_clock_start
                .unwrap_or_else(crate::time::wall_clock_epoch),
            test_results: options.test_results.clone(),
            loop_iteration_limit: options.loop_iteration_limit,
            next_window: AtomicU64::new(0),
            next_document: AtomicU64::new(0),
            dropped_messages: AtomicU64::new(0),
        });
        Ok(UserAgent { shared, options })
    }

    /// Creates a top-level traversable and navigates it to `url` (the load runs as a task on
    /// the agent of the URL's origin).
    pub fn open(&mut self, url: &str) -> Result<BrowsingContextId, EngineError> {
        let parsed = Url::parse(url).map_err(|e| EngineError::InvalidUrl {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
        let initiator_origin = Origin::new_opaque();
        // The agent that fetches; the document may still end up in another agent (after a
        // failed load, or when about:blank inherits the initiator's origin).
        let expected_origin = if parsed.scheme() == "about" {
            initiator_origin.clone()
        } else {
            origin_of_url(&parsed)
        };
        let browsing_context = self
            .shared
            .with_tree_mut(|tree| tree.create_top_level(String::new()));
        let agent = self
            .shared
            .obtain_a_similar_origin_window_agent(&expected_origin, browsing_context)?;
        let task = Task::new(
            TaskSource::Networking,
            None,
            AgentTask::Navigate {
                browsing_context,
                url: parsed,
                initiator_origin,
            },
        );
        if !self.shared.send_task(agent, task) {
            return Err(EngineError::Setup(format!("the agent for {url} is gone")));
        }
        Ok(browsing_context)
    }

    /// Runs the event loops until nothing is left to do or a limit is reached. Under virtual
    /// time, the clock jumps to the next timer whenever everything is idle.
    pub fn run_until_idle(&mut self) -> RunOutcome {
        self.run_until(&|| false)
    }

    /// Like [`Self::run_until_idle`], but also stops as soon as `stop` returns true (checked
    /// between tasks).
    pub fn run_until(&mut self, stop: &dyn Fn() -> bool) -> RunOutcome {
        self.shared.coordinator.run_until(
            stop,
            RunLimits {
                time_limit: self.options.time_limit,
                wall_limit: self.options.wall_limit,
            },
        )
    }

    /// How many posted messages were dropped (origin check failed, or the target was gone).
    pub fn dropped_messages(&self) -> u64 {
        self.shared.dropped_messages.load(Ordering::Relaxed)
    }

    /// Tasks that never ran because their agent crashed (so far).
    pub fn lost_tasks(&self) -> u64 {
        self.shared.coordinator.lost_tasks()
    }

    /// Agents stopped by a panic in one of their tasks; their windows stopped with them,
    /// every other agent went on.
    pub fn crashed_agents(&self) -> Vec<CrashReport> {
        self.shared.coordinator.crashes()
    }

    /// How many agents (threads) have been started.
    pub fn agent_count(&self) -> usize {
        self.shared.coordinator.agents().len()
    }

    /// Stops every agent thread and reports what was lost. Dropping the user agent does the
    /// same.
    pub fn shutdown(self) -> postern_event_loop::ShutdownReport {
        self.shared.coordinator.shutdown(SHUTDOWN_GRACE)
    }
}

impl Drop for UserAgent {
    fn drop(&mut self) {
        // Agent threads hold the shared state: stop them so that nothing outlives the user
        // agent.
        self.shared.coordinator.shutdown(SHUTDOWN_GRACE);
    }
}
