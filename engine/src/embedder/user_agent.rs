//! The embedding API: a [`UserAgent`] loads pages into browsing contexts and runs their
//! event loops.
//!
//! The user agent at the embedder's layer: the handle an embedder owns. What its agents share
//! is the same concept at the state layer, `agent/user_agent.rs` (`UserAgentShared`).

use std::sync::Arc;
use std::time::Duration;

use postern_dom::{BrowsingContextId, Origin, ResourceLoader, origin_of_url};
use postern_event_loop::{CrashReport, RunLimits, RunOutcome, ShutdownReport, Task, TaskSource};
use url::Url;

use crate::agent::tasks::{AgentTask, LoadedResponse, Navigation};
use crate::agent::user_agent::UserAgentShared;
use crate::embedder::builder::UserAgentBuilder;
use crate::embedder::console_sink::ConsoleSink;
use crate::embedder::error::EngineError;
use crate::embedder::message_trace::MessageObserver;
use crate::embedder::options::UserAgentOptions;
use crate::embedder::storage_store::StorageStore;
use crate::event_loop::spawn_agent;
use crate::hr_time::wall_clock_epoch;

/// A user agent: browsing contexts, their windows, and the agents that run them (each agent
/// on its own thread, started when a document of its agent cluster first needs it).
pub struct UserAgent {
    pub(crate) shared: Arc<UserAgentShared>,
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
        Self::with_storage_store(loader, console, options, None)
    }

    /// Like [`Self::new`], with `localStorage` kept in `store`: each origin's items are
    /// loaded from it when first needed, and saved to it when the user agent shuts down or
    /// [`Self::flush_storage`] is called (so a later user agent with the same store sees
    /// them). `None`: in memory, for this user agent only.
    pub fn with_storage_store(
        loader: Arc<dyn ResourceLoader>,
        console: Arc<dyn ConsoleSink>,
        options: UserAgentOptions,
        store: Option<Arc<dyn StorageStore>>,
    ) -> Result<Self, EngineError> {
        let time_epoch = options.wall_clock_start.unwrap_or_else(wall_clock_epoch);
        let shared = Arc::new(UserAgentShared::new(
            loader,
            console,
            &options,
            time_epoch,
            spawn_agent,
            store,
        ));
        Ok(UserAgent { shared, options })
    }

    /// A [`UserAgentBuilder`] with every option at its default.
    pub fn builder() -> UserAgentBuilder {
        UserAgentBuilder::new()
    }

    /// Registers `observer` to receive a [`MessageTrace`](crate::MessageTrace) for every
    /// message posted from now on (replacing any observer registered before). Without an
    /// observer, messages are not traced at all.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use postern::{MessageOutcome, MessageTrace, UserAgent};
    ///
    /// let ua = UserAgent::builder().build()?;
    /// ua.observe_messages(Arc::new(|trace: &MessageTrace| {
    ///     if let MessageOutcome::DroppedOriginMismatch { target_origin, document_origin } = &trace.outcome {
    ///         eprintln!("message {:?} for {target_origin} dropped at {document_origin}", trace.id);
    ///     }
    /// }));
    /// # Ok::<(), postern::EngineError>(())
    /// ```
    pub fn observe_messages(&self, observer: Arc<dyn MessageObserver>) {
        self.shared.messages.set_observer(observer);
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
            AgentTask::Navigate(Box::new(Navigation {
                browsing_context,
                url: parsed,
                initiator_origin,
                // A new top-level traversable: no sandboxing flags.
                sandboxing_flags: Default::default(),
            })),
        );
        if !self.shared.send_task(agent, task) {
            return Err(EngineError::Setup(format!("the agent for {url} is gone")));
        }
        Ok(browsing_context)
    }

    /// Creates a top-level traversable whose document is parsed from `html`, as if `url` had
    /// been fetched and answered with it: `url` gives the document its URL and origin; its
    /// scripts, iframes and other subresources still go through the loader. The document
    /// loads (its scripts run) once the event loops run ([`Self::run_until_idle`]).
    ///
    /// ```
    /// use std::sync::Arc;
    /// use postern::{CollectingConsole, UserAgent};
    ///
    /// let console = CollectingConsole::new();
    /// let mut ua = UserAgent::builder().console(Arc::new(console.clone())).build()?;
    /// ua.open_html("https://example.test/", "<script>console.log(origin)</script>")?;
    /// ua.run_until_idle();
    /// assert_eq!(console.lines(), ["[https://example.test] https://example.test"]);
    /// # Ok::<(), postern::EngineError>(())
    /// ```
    pub fn open_html(&mut self, url: &str, html: &str) -> Result<BrowsingContextId, EngineError> {
        let parsed = Url::parse(url).map_err(|e| EngineError::InvalidUrl {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
        let origin = origin_of_url(&parsed);
        let browsing_context = self
            .shared
            .with_tree_mut(|tree| tree.create_top_level(String::new()));
        let agent = self
            .shared
            .obtain_a_similar_origin_window_agent(&origin, browsing_context)?;
        // The response a fetch of `url` would have given, straight to the agent that creates
        // its document.
        let task = Task::new(
            TaskSource::Networking,
            None,
            AgentTask::LoadDocument(Box::new(LoadedResponse {
                browsing_context,
                requested_url: parsed.clone(),
                url: parsed,
                origin,
                body: html.as_bytes().to_vec(),
                failure: None,
                // A new top-level traversable: no sandboxing flags.
                sandboxing_flags: Default::default(),
            })),
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
        self.shared.dropped_messages()
    }

    /// Tasks that never ran because their agent crashed (so far).
    pub fn lost_tasks(&self) -> u64 {
        self.shared.coordinator.lost_tasks()
    }

    /// Agents stopped before the user agent: by a panic in one of their tasks, or by their
    /// memory budget ([`UserAgentOptions::agent_memory_limit`](crate::UserAgentOptions)),
    /// each with its [`CrashCause`](crate::CrashCause). Their windows stopped with them;
    /// every other agent went on, and tasks sent to them are counted in
    /// [`Self::lost_tasks`].
    pub fn crashed_agents(&self) -> Vec<CrashReport> {
        self.shared.coordinator.crashes()
    }

    /// How many agents (threads) have been started.
    pub fn agent_count(&self) -> usize {
        self.shared.coordinator.agents().len()
    }

    /// Saves `localStorage` to the store handed in (see [`Self::with_storage_store`]) now.
    pub fn flush_storage(&self) {
        self.shared.flush_storage();
    }

    /// Stops every agent thread and reports what was lost, then saves `localStorage` to the
    /// store handed in, if any. Dropping the user agent does the same.
    pub fn shutdown(self) -> ShutdownReport {
        let report = self.shared.coordinator.shutdown(SHUTDOWN_GRACE);
        self.shared.flush_storage();
        report
    }
}

impl Drop for UserAgent {
    fn drop(&mut self) {
        // Agent threads hold the shared state: stop them so that nothing outlives the user
        // agent.
        self.shared.coordinator.shutdown(SHUTDOWN_GRACE);
        self.shared.flush_storage();
    }
}
