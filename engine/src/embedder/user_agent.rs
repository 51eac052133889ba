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

use crate::agent::tasks::AgentTask;
use crate::agent::user_agent::UserAgentShared;
use crate::embedder::console_sink::ConsoleSink;
use crate::embedder::error::EngineError;
use crate::embedder::options::UserAgentOptions;
use crate::event_loop::spawn_agent;
use crate::hr_time::wall_clock_epoch;

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
        let time_epoch = options.wall_clock_start.unwrap_or_else(wall_clock_epoch);
        let shared = Arc::new(UserAgentShared::new(
            loader,
            console,
            &options,
            time_epoch,
            spawn_agent,
        ));
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
                url: Box::new(parsed),
                initiator_origin: Box::new(initiator_origin),
                // A new top-level traversable: no sandboxing flags.
                sandboxing_flags: Default::default(),
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
        self.shared.dropped_messages()
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
    pub fn shutdown(self) -> ShutdownReport {
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
