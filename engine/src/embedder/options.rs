//! What the embedder hands a user agent: how it runs, and where test results go.

use std::sync::Arc;
use std::time::Duration;

use postern_event_loop::TimeMode;

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

/// How a [`UserAgent`](crate::UserAgent) runs.
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
    /// The deepest a navigable may nest: an iframe whose navigable would have more
    /// ancestors gets none (a page embedding `?n=1`, `?n=2`, ... stops there).
    pub max_navigable_depth: usize,
    /// The most memory one agent may hold, in bytes (`None`: no bound). An agent past it is
    /// stopped (its windows with it) and reported by
    /// [`UserAgent::crashed_agents`](crate::UserAgent::crashed_agents) with
    /// [`CrashCause::OutOfMemory`](crate::CrashCause::OutOfMemory); other agents go on.
    /// Enforced only when the process's global allocator is a
    /// [`ContainingAllocator`](crate::ContainingAllocator) (as in `postern`); without it an
    /// allocation that fails aborts the process.
    pub agent_memory_limit: Option<usize>,
}

/// The default [`UserAgentOptions::agent_memory_limit`]: 4 GiB, about what Chromium lets
/// one renderer's JavaScript heap grow to on a 64-bit machine.
pub const DEFAULT_AGENT_MEMORY_LIMIT: usize = 4 * 1024 * 1024 * 1024;

/// The default [`UserAgentOptions::max_navigable_depth`].
pub const DEFAULT_MAX_NAVIGABLE_DEPTH: usize = 64;

impl Default for UserAgentOptions {
    fn default() -> Self {
        UserAgentOptions {
            time: TimeMode::Real,
            time_limit: Duration::from_secs(30),
            wall_limit: Duration::from_secs(60),
            test_results: None,
            loop_iteration_limit: u64::MAX,
            wall_clock_start: None,
            max_navigable_depth: DEFAULT_MAX_NAVIGABLE_DEPTH,
            agent_memory_limit: Some(DEFAULT_AGENT_MEMORY_LIMIT),
        }
    }
}
