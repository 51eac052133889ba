//! What every agent of one user agent shares, between threads: the browsing-context tree, the
//! directories of windows and documents, the agent cluster maps and the agent threads.
//!
//! The user agent at the state layer; the embedder's handle on it is the same concept one
//! layer up, `embedder/user_agent.rs` (`UserAgent`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use url::Url;

use postern_dom::{
    AgentClusterKey, BrowsingContextGroupId, BrowsingContextId, BrowsingContextTree, DocumentId,
    Origin, ResourceLoader, StorageBottle, StorageKey, StorageShed, agent_cluster_key,
};
use postern_event_loop::memory::NoStopSection;
use postern_event_loop::{AgentId, Clock, Coordinator, MessagePorts, Task};

use crate::agent::message_tracer::MessageTracer;
use crate::agent::tasks::{AgentTask, PortMessage};
use crate::embedder::console_sink::ConsoleSink;
use crate::embedder::error::EngineError;
use crate::embedder::options::{TestResultsHook, UserAgentOptions};
use crate::embedder::storage_store::StorageStore;
use crate::ids::{IdMap, WindowId};

/// Starts a new agent, on a thread of its own, for the user agent: given to the registry by
/// the layer that knows how an agent runs (`event_loop::spawn_agent`), so that the state layer
/// does not depend on the run loop.
pub(crate) type SpawnAgent = fn(&Arc<UserAgentShared>) -> Result<AgentId, EngineError>;

/// Where a window lives and what it shows.
#[derive(Clone, Debug)]
pub(crate) struct WindowEntry {
    /// The agent whose thread runs it.
    pub agent: AgentId,
    /// Its browsing context.
    pub browsing_context: BrowsingContextId,
    /// Its document.
    pub document: DocumentId,
    /// Its document's URL (which never changes: there is no history API or fragment
    /// navigation yet), for the iframe recursion check across agents.
    pub url: Url,
    /// Its document's origin when it was created (for the embedder's window list and
    /// message traces; `document.domain` does not change it). Shared: entries are cloned
    /// on every lookup.
    pub origin: Arc<Origin>,
}

/// What locates a window (its entry without the URL and origin, which a lookup would clone):
/// where its tasks go, on the path of every posted message.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WindowRef {
    /// The window.
    pub window: WindowId,
    /// Its agent.
    pub agent: AgentId,
    /// Its browsing context.
    pub browsing_context: BrowsingContextId,
    /// Its document.
    pub document: DocumentId,
}

impl WindowRef {
    fn of(window: WindowId, entry: &WindowEntry) -> WindowRef {
        WindowRef {
            window,
            agent: entry.agent,
            browsing_context: entry.browsing_context,
            document: entry.document,
        }
    }
}

/// What every agent of one user agent shares (`Send + Sync`).
pub(crate) struct UserAgentShared {
    tree: RwLock<BrowsingContextTree>,
    windows: RwLock<IdMap<WindowId, WindowEntry>>,
    documents: RwLock<IdMap<DocumentId, WindowId>>,
    /// Runs the agents, each on its own thread.
    pub coordinator: Coordinator<AgentTask>,
    /// How a new agent is started.
    spawn_agent: SpawnAgent,
    /// The agent cluster maps of every browsing context group: which agent runs the documents
    /// of each (group, agent cluster key).
    agent_clusters: Mutex<HashMap<(Option<BrowsingContextGroupId>, AgentClusterKey), AgentId>>,
    /// Every MessagePort of the user agent: entanglement, where each lives, and their port
    /// message queues (shared, as ports move between agents).
    pub ports: MessagePorts<PortMessage>,
    /// Every storage bottle of Web Storage (`localStorage` shared by all same-origin windows,
    /// whatever thread runs them; `sessionStorage` per top-level traversable).
    pub storage: Mutex<StorageShed>,
    /// Where message traces go (nowhere until the embedder registers an observer).
    pub messages: MessageTracer,
    /// Where `localStorage` is kept between runs, if the embedder handed in a store.
    storage_store: Option<Arc<dyn StorageStore>>,
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
    /// See [`UserAgentOptions::max_navigable_depth`].
    pub max_navigable_depth: usize,
    next_window: AtomicU64,
    next_document: AtomicU64,
    dropped_messages: AtomicU64,
}

/// A lock of the shared state held: the agent's memory budget does not stop its thread
/// while it holds it (other agents would wait for it for ever; `postern_event_loop::memory`).
pub(crate) struct Held<G> {
    // Dropped first: the lock is released before the section ends.
    guard: G,
    _section: NoStopSection,
}

impl<G: std::ops::Deref> std::ops::Deref for Held<G> {
    type Target = G::Target;
    fn deref(&self) -> &G::Target {
        &self.guard
    }
}

impl<G: std::ops::DerefMut> std::ops::DerefMut for Held<G> {
    fn deref_mut(&mut self) -> &mut G::Target {
        &mut self.guard
    }
}

/// Locks `lock` (a poisoned lock is taken as it is) in a [`NoStopSection`].
pub(crate) fn lock<T>(lock: &Mutex<T>) -> Held<std::sync::MutexGuard<'_, T>> {
    let section = NoStopSection::enter();
    Held {
        guard: lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
        _section: section,
    }
}

fn read<T>(lock: &RwLock<T>) -> Held<std::sync::RwLockReadGuard<'_, T>> {
    let section = NoStopSection::enter();
    Held {
        guard: lock.read().unwrap_or_else(|poisoned| poisoned.into_inner()),
        _section: section,
    }
}

fn write<T>(lock: &RwLock<T>) -> Held<std::sync::RwLockWriteGuard<'_, T>> {
    let section = NoStopSection::enter();
    Held {
        guard: lock
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()),
        _section: section,
    }
}

impl UserAgentShared {
    /// The shared state of a new user agent, with no browsing context and no agent yet.
    pub fn new(
        loader: Arc<dyn ResourceLoader>,
        console: Arc<dyn ConsoleSink>,
        options: &UserAgentOptions,
        time_epoch: Duration,
        spawn_agent: SpawnAgent,
        storage_store: Option<Arc<dyn StorageStore>>,
    ) -> Self {
        UserAgentShared {
            tree: RwLock::new(BrowsingContextTree::new()),
            windows: RwLock::new(IdMap::default()),
            documents: RwLock::new(IdMap::default()),
            coordinator: {
                let coordinator = Coordinator::new(Clock::new(options.time));
                coordinator.set_agent_memory_limit(options.agent_memory_limit);
                coordinator
            },
            spawn_agent,
            agent_clusters: Mutex::new(HashMap::new()),
            loader,
            console,
            time_epoch,
            test_results: options.test_results.clone(),
            loop_iteration_limit: options.loop_iteration_limit,
            max_navigable_depth: options.max_navigable_depth,
            next_window: AtomicU64::new(0),
            next_document: AtomicU64::new(0),
            dropped_messages: AtomicU64::new(0),
            ports: MessagePorts::new(),
            storage: Mutex::new(StorageShed::default()),
            messages: MessageTracer::default(),
            storage_store,
        }
    }

    /// Obtain a storage bottle map for `key` in `shed`: a `localStorage` bottle not yet in
    /// the shed starts with what the embedder's store kept for its origin.
    ///
    /// Spec: <https://storage.spec.whatwg.org/#obtain-a-storage-bottle-map>
    pub fn obtain_a_storage_bottle_map<'a>(
        &self,
        shed: &'a mut StorageShed,
        key: &StorageKey,
    ) -> &'a mut StorageBottle {
        if let (Some(store), StorageKey::Local(origin)) = (&self.storage_store, key)
            && !shed.contains(key)
        {
            let mut bottle = StorageBottle::default();
            for (name, value) in store.load(origin) {
                // (Items past the quota are dropped: the quota holds for kept items too.)
                let _over_quota = bottle.set(&name, &value).is_err();
            }
            shed.insert(key.clone(), bottle);
        }
        shed.bottle(key)
    }

    /// Saves every `localStorage` bottle to the embedder's store, if there is one.
    pub fn flush_storage(&self) {
        let Some(store) = &self.storage_store else {
            return;
        };
        let shed = lock(&self.storage);
        for (origin, bottle) in shed.local_bottles() {
            let items: Vec<(String, String)> = bottle
                .keys()
                .filter_map(|k| bottle.get(k).map(|v| (k.to_owned(), v.to_owned())))
                .collect();
            store.save(origin, &items);
        }
    }

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

    /// What locates a window (its entry, without cloning the entry's URL and origin).
    pub fn window_ref(&self, window: WindowId) -> Option<WindowRef> {
        read(&self.windows)
            .get(&window)
            .map(|entry| WindowRef::of(window, entry))
    }

    /// Every window there has been (replaced and closed ones included), by id.
    pub fn window_entries(&self) -> Vec<(WindowId, WindowEntry)> {
        let mut entries: Vec<(WindowId, WindowEntry)> = read(&self.windows)
            .iter()
            .map(|(id, entry)| (*id, entry.clone()))
            .collect();
        entries.sort_by_key(|(id, _)| *id);
        entries
    }

    /// The window whose document is `document`.
    pub fn window_of_document(&self, document: DocumentId) -> Option<WindowRef> {
        let window = *read(&self.documents).get(&document)?;
        self.window_ref(window)
    }

    /// The URL of a browsing context's active document, wherever it runs.
    pub fn active_document_url(&self, browsing_context: BrowsingContextId) -> Option<Url> {
        let window = self.active_window(browsing_context)?;
        Some(read(&self.windows).get(&window)?.url.clone())
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

    /// Sends a task to another agent's event loop; `false` when that agent is gone (or
    /// crashed: what is sent to it would never run, so a message is dropped, not sent).
    pub fn send_task(&self, agent: AgentId, task: Task<AgentTask>) -> bool {
        if self.coordinator.has_crashed(agent) {
            return false;
        }
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
        let mut clusters = lock(&self.agent_clusters);
        if let Some(agent) = clusters.get(&key) {
            // 7. Return the single similar-origin window agent in the map's cluster.
            return Ok(*agent);
        }
        let agent = (self.spawn_agent)(self)?;
        clusters.insert(key, agent);
        Ok(agent)
    }

    /// Counts a message that was not delivered (origin mismatch, target gone).
    pub fn count_dropped_message(&self) {
        self.dropped_messages.fetch_add(1, Ordering::Relaxed);
    }

    /// How many posted messages were dropped so far.
    pub fn dropped_messages(&self) -> u64 {
        self.dropped_messages.load(Ordering::Relaxed)
    }
}
