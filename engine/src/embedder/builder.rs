//! [`UserAgentBuilder`]: a [`UserAgent`] configured one option at a time.

use std::sync::Arc;
use std::time::Duration;

use postern_dom::{ResourceLoader, VirtualHosts};
use postern_event_loop::TimeMode;

use crate::embedder::console_sink::{ConsoleSink, StdoutConsole};
use crate::embedder::error::EngineError;
use crate::embedder::message_trace::MessageObserver;
use crate::embedder::options::{TestResultsHook, UserAgentOptions};
use crate::embedder::storage_store::StorageStore;
use crate::embedder::user_agent::UserAgent;

/// Builds a [`UserAgent`]: where resources come from, where the console goes, how time runs,
/// the limits, where `localStorage` is kept, and who observes messages. Every option has a default: no resources (an empty
/// [`VirtualHosts`]: only [`UserAgent::open_html`] documents, `about:blank`, `data:` URLs),
/// the console on standard output, real time, the limits of [`UserAgentOptions::default`].
///
/// ```
/// use std::sync::Arc;
/// use std::time::Duration;
/// use postern::{CollectingConsole, UserAgent};
///
/// let console = CollectingConsole::new();
/// let mut ua = UserAgent::builder()
///     .console(Arc::new(console.clone()))
///     .virtual_time()
///     .time_limit(Duration::from_secs(3600))
///     .build()?;
/// ua.open_html("http://a.test/", "<script>setTimeout(() => console.log('an hour later'), 3600e3 - 1)</script>")?;
/// ua.run_until_idle();
/// assert_eq!(console.lines(), ["[http://a.test] an hour later"]);
/// # Ok::<(), postern::EngineError>(())
/// ```
#[must_use]
#[derive(Default)]
pub struct UserAgentBuilder {
    loader: Option<Arc<dyn ResourceLoader>>,
    console: Option<Arc<dyn ConsoleSink>>,
    options: UserAgentOptions,
    observer: Option<Arc<dyn MessageObserver>>,
    storage_store: Option<Arc<dyn StorageStore>>,
}

impl UserAgentBuilder {
    /// A builder with every option at its default.
    pub fn new() -> Self {
        Self::default()
    }

    /// Where documents, scripts and iframes are loaded from (e.g. [`VirtualHosts`]).
    pub fn loader(mut self, loader: Arc<dyn ResourceLoader>) -> Self {
        self.loader = Some(loader);
        self
    }

    /// Where console messages (and uncaught exceptions) go.
    pub fn console(mut self, console: Arc<dyn ConsoleSink>) -> Self {
        self.console = Some(console);
        self
    }

    /// Where `localStorage` is kept between runs: its items are loaded from `store` the first
    /// time an origin's storage is used, and saved to it at shutdown (or on
    /// [`UserAgent::flush_storage`]). Without one, storage lives in memory for the run.
    pub fn storage_store(mut self, store: Arc<dyn StorageStore>) -> Self {
        self.storage_store = Some(store);
        self
    }

    /// Who receives a [`MessageTrace`](crate::MessageTrace) for every posted message (as
    /// [`UserAgent::observe_messages`] registers it).
    pub fn message_observer(mut self, observer: Arc<dyn MessageObserver>) -> Self {
        self.observer = Some(observer);
        self
    }

    /// Real or virtual time ([`UserAgentOptions::time`]).
    pub fn time(mut self, time: TimeMode) -> Self {
        self.options.time = time;
        self
    }

    /// Virtual time: the clock jumps to the next timer whenever every agent is idle.
    pub fn virtual_time(self) -> Self {
        self.time(TimeMode::Virtual)
    }

    /// [`UserAgentOptions::time_limit`].
    pub fn time_limit(mut self, limit: Duration) -> Self {
        self.options.time_limit = limit;
        self
    }

    /// [`UserAgentOptions::wall_limit`].
    pub fn wall_limit(mut self, limit: Duration) -> Self {
        self.options.wall_limit = limit;
        self
    }

    /// [`UserAgentOptions::loop_iteration_limit`].
    pub fn loop_iteration_limit(mut self, limit: u64) -> Self {
        self.options.loop_iteration_limit = limit;
        self
    }

    /// [`UserAgentOptions::wall_clock_start`].
    pub fn wall_clock_start(mut self, start: Duration) -> Self {
        self.options.wall_clock_start = Some(start);
        self
    }

    /// [`UserAgentOptions::max_navigable_depth`].
    pub fn max_navigable_depth(mut self, depth: usize) -> Self {
        self.options.max_navigable_depth = depth;
        self
    }

    /// [`UserAgentOptions::agent_memory_limit`].
    pub fn agent_memory_limit(mut self, bytes: Option<usize>) -> Self {
        self.options.agent_memory_limit = bytes;
        self
    }

    /// [`UserAgentOptions::test_results`].
    pub fn test_results(mut self, hook: TestResultsHook) -> Self {
        self.options.test_results = Some(hook);
        self
    }

    /// Replaces every option of [`UserAgentOptions`] at once.
    pub fn options(mut self, options: UserAgentOptions) -> Self {
        self.options = options;
        self
    }

    /// The user agent (no agent thread runs until a document needs one).
    pub fn build(self) -> Result<UserAgent, EngineError> {
        let loader = self.loader.unwrap_or_else(|| Arc::new(VirtualHosts::new()));
        let console = self.console.unwrap_or_else(|| Arc::new(StdoutConsole));
        let ua = UserAgent::with_storage_store(loader, console, self.options, self.storage_store)?;
        if let Some(observer) = self.observer {
            ua.observe_messages(observer);
        }
        Ok(ua)
    }
}
