//! Running a generated site through a [`UserAgent`] with limits set, and what counts as a
//! finding.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use postern::{CollectingConsole, CrashCause, RunOutcome, TimeMode, UserAgent, UserAgentOptions};
use postern_dom::{LoadError, Resource, ResourceLoader, VirtualHosts, origin_of_url};
use url::Url;

use super::{HostileSite, TOP_END};

/// The limits a hostile run gets: virtual time up to `TIME_LIMIT`, at most `wall_limit` (an
/// argument) of wall-clock time, loops of at most `LOOP_LIMIT` iterations, navigables at
/// most `NAVIGABLE_DEPTH` deep.
const TIME_LIMIT: Duration = Duration::from_secs(10);
const LOOP_LIMIT: u64 = 1_000_000;
const NAVIGABLE_DEPTH: usize = 3;
/// Each agent's memory budget: past it the agent is stopped (an accepted outcome, not a
/// finding; the run's binary must install `postern::ContainingAllocator`).
const MEMORY_LIMIT: usize = 64 * 1024 * 1024;
/// How far past the wall limit a run (shutdown included) may end: one task cannot be
/// interrupted, so this is the longest one task of a hostile page may take.
const SLACK: Duration = Duration::from_secs(12);

/// Serves a [`HostileSite`] (and `about:blank`, `data:`).
struct SiteLoader {
    site: Arc<HostileSite>,
    fallback: VirtualHosts,
}

impl ResourceLoader for SiteLoader {
    fn load(&self, url: &Url) -> Result<Resource, LoadError> {
        if !matches!(url.scheme(), "http" | "https") {
            return self.fallback.load(url);
        }
        let origin = origin_of_url(url).ascii_serialization();
        let Some(html) = self.site.page(&origin, url.path()) else {
            return Err(LoadError::UnknownHost { origin });
        };
        Ok(Resource {
            url: url.clone(),
            status: 200,
            content_type: "text/html".to_owned(),
            body: html.as_bytes().to_vec(),
        })
    }
}

/// What a hostile run did.
#[derive(Debug)]
pub struct HostileRun {
    /// Every console line.
    pub lines: Vec<String>,
    /// How the run ended.
    pub outcome: RunOutcome,
    /// How long it took, shutdown included.
    pub elapsed: Duration,
    /// Agent threads still in a task when the user agent shut down (after its grace
    /// period): they go on, detached, so one task of the page outlived every limit.
    pub stuck_threads: usize,
}

/// A broken promise: the process survived (or this could not be checked), but something a
/// page must never do happened.
#[derive(Debug)]
pub struct Finding {
    /// What went wrong.
    pub what: String,
    /// The run, if it got that far.
    pub run: Option<HostileRun>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.what)?;
        if let Some(run) = &self.run {
            writeln!(
                f,
                "outcome {:?} after {:?}, {} stuck thread(s)",
                run.outcome, run.elapsed, run.stuck_threads
            )?;
            for line in run.lines.iter().take(60) {
                let shown: String = line.chars().take(300).collect();
                writeln!(f, "  {shown}")?;
            }
        }
        Ok(())
    }
}

/// Runs `site` from `http://a.test/` under virtual time with the limits above. A finding:
/// an agent crashed (a panic in a task; an agent stopped by its memory budget is not one), an agent thread was still in a task at shutdown
/// (the user agent's 5 s grace after the wall limit), the run outlived its wall limit by more than
/// [`SLACK`], or it went idle without the top page's `load` (its parser or event loop
/// stopped early). An abort or a stack overflow ends the process: the fuzzer reports it.
///
/// `stuck_is_finding`: whether a thread still in a task at shutdown is a finding (the fuzz
/// target, an optimized build); a debug build on a loaded machine can take longer than the
/// grace period for work that ends (parsing a megabyte of deep markup), so the smoke test
/// only reports it.
pub fn run_hostile_site(
    site: HostileSite,
    wall_limit: Duration,
    stuck_is_finding: bool,
) -> Result<HostileRun, Finding> {
    let console = CollectingConsole::new();
    let options = UserAgentOptions {
        time: TimeMode::Virtual,
        time_limit: TIME_LIMIT,
        wall_limit,
        test_results: None,
        loop_iteration_limit: LOOP_LIMIT,
        wall_clock_start: Some(Duration::from_secs(1_767_225_600)),
        max_navigable_depth: NAVIGABLE_DEPTH,
        agent_memory_limit: Some(MEMORY_LIMIT),
    };
    let loader = SiteLoader {
        site: Arc::new(site),
        fallback: VirtualHosts::new(),
    };
    let start = Instant::now();
    let finding = |what: String| Finding { what, run: None };
    let mut ua = UserAgent::new(Arc::new(loader), Arc::new(console.clone()), options)
        .map_err(|e| finding(format!("setup: {e}")))?;
    ua.open("http://a.test/")
        .map_err(|e| finding(format!("open: {e}")))?;
    let outcome = ua.run_until_idle();
    let crashed = ua.crashed_agents();
    let shutdown = ua.shutdown();
    let run = HostileRun {
        lines: console.lines(),
        outcome,
        elapsed: start.elapsed(),
        stuck_threads: shutdown.stuck_threads,
    };
    // An agent stopped by its memory budget was contained: only other crashes are findings.
    let out_of_memory = crashed
        .iter()
        .filter(|c| matches!(c.cause, CrashCause::OutOfMemory(_)))
        .count();
    let what = if crashed.len() > out_of_memory {
        Some(format!("an agent crashed: {crashed:?}"))
    } else if stuck_is_finding && run.stuck_threads > 0 {
        Some(format!(
            "{} agent thread(s) still in a task at shutdown, {:?} after the start",
            run.stuck_threads, run.elapsed
        ))
    } else if run.elapsed > wall_limit + SLACK {
        Some(format!(
            "the run took {:?}, past the wall limit {wall_limit:?} by more than {SLACK:?}",
            run.elapsed
        ))
    } else if run.outcome == RunOutcome::Idle
        && out_of_memory == 0
        && !run.lines.iter().any(|l| l.ends_with(TOP_END))
    {
        Some("idle, but the top page never reached its load event".to_owned())
    } else {
        None
    };
    match what {
        Some(what) => Err(Finding {
            what,
            run: Some(run),
        }),
        None => Ok(run),
    }
}
