//! Running tests: each file in its own user agent under virtual time, files in parallel on
//! worker threads. In-process ([`run_all`]) a panic becomes `CRASH` for its file only; a
//! process abort needs the process pool of [`crate::isolation`].

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Deserialize;

use super::config;
use super::discover::TestCase;
use super::report::{FileStatus, SubtestResult, SubtestStatus, TestResult};
use super::server::WptServer;
use postern::{
    CollectingConsole, RunOutcome, TestResultsHook, TimeMode, UserAgent, UserAgentOptions,
};

/// testharness.js's normal harness timeout.
const NORMAL_TIMEOUT: Duration = Duration::from_secs(10);
/// testharness.js's long harness timeout.
const LONG_TIMEOUT: Duration = Duration::from_secs(60);
/// Stack size of the worker threads (boa's parser and some built-ins recurse).
const WORKER_STACK: usize = 256 * 1024 * 1024;

/// How to run each file.
#[derive(Clone, Copy, Debug)]
pub struct RunSettings {
    /// Multiplies every harness timeout.
    pub timeout_multiplier: f64,
    /// Real time a single file may take before the runner gives up on it.
    pub wall_limit: Duration,
}

impl RunSettings {
    /// The settings `postern wpt` uses for a timeout multiplier: a wall limit of 60 s times
    /// the multiplier (at least 60 s).
    pub fn for_timeout_multiplier(timeout_multiplier: f64) -> Self {
        RunSettings {
            timeout_multiplier,
            wall_limit: Duration::from_secs_f64(60.0 * timeout_multiplier.clamp(1.0, 1000.0)),
        }
    }
}

#[derive(Deserialize)]
struct HarnessTest {
    name: String,
    status: i64,
    message: Option<String>,
}

#[derive(Deserialize)]
struct HarnessResults {
    status: i64,
    message: Option<String>,
    tests: Vec<HarnessTest>,
}

fn result_from_report(test: &str, json: &str, duration: u64) -> TestResult {
    match serde_json::from_str::<HarnessResults>(json) {
        Ok(report) => TestResult {
            test: test.to_string(),
            status: FileStatus::from_harness(report.status),
            message: report.message,
            subtests: report
                .tests
                .into_iter()
                .map(|t| SubtestResult {
                    name: t.name,
                    status: SubtestStatus::from_harness(t.status),
                    message: t.message,
                })
                .collect(),
            duration,
        },
        Err(e) => failure(
            test,
            FileStatus::Error,
            format!("malformed results: {e}"),
            duration,
        ),
    }
}

/// A result with no subtests: the file could not run, or never reported.
pub(crate) fn failure(
    test: &str,
    status: FileStatus,
    message: String,
    duration: u64,
) -> TestResult {
    TestResult {
        test: test.to_string(),
        status,
        message: Some(message),
        subtests: Vec::new(),
        duration,
    }
}

/// The last console lines, to explain a file that never reported.
fn console_tail(console: &CollectingConsole) -> String {
    let lines = console.lines();
    let tail: Vec<&String> = lines.iter().rev().take(3).collect();
    tail.into_iter()
        .rev()
        .cloned()
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Runs one test file and returns its result.
pub fn run_test(server: Arc<WptServer>, test: &TestCase, settings: RunSettings) -> TestResult {
    // Dropping the user agent stops its agent threads.
    run_test_keeping_agent(server, test, settings).0
}

/// Runs one test file and returns its result with the user agent that ran it (not dropped:
/// a child process exits without waiting for agent threads stuck in a task).
pub(crate) fn run_test_keeping_agent(
    server: Arc<WptServer>,
    test: &TestCase,
    settings: RunSettings,
) -> (TestResult, Option<UserAgent>) {
    let started = Instant::now();
    let elapsed = || started.elapsed().as_millis() as u64;
    let Some(url) = config::test_url(&test.id) else {
        let result = failure(
            &test.id,
            FileStatus::Error,
            "cannot form the test URL".into(),
            0,
        );
        return (result, None);
    };
    let report: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    let sink = Arc::clone(&report);
    let hook = TestResultsHook(Arc::new(move |top_level, json| {
        if top_level
            && let Ok(mut slot) = sink.lock()
            && slot.is_none()
        {
            *slot = Some(json.to_string());
        }
    }));
    let harness_timeout = if test.long_timeout {
        LONG_TIMEOUT
    } else {
        NORMAL_TIMEOUT
    };
    let harness_timeout = harness_timeout.mul_f64(settings.timeout_multiplier.max(0.0));
    let console = CollectingConsole::new();
    let options = UserAgentOptions {
        time: TimeMode::Virtual,
        // The harness times out first; the runner's limit is a little later.
        time_limit: harness_timeout + Duration::from_secs(5),
        wall_limit: settings.wall_limit,
        test_results: Some(hook),
        // A test stuck in `while (true) {}` cannot be interrupted otherwise.
        loop_iteration_limit: 100_000_000,
        wall_clock_start: None,
        max_navigable_depth: postern::DEFAULT_MAX_NAVIGABLE_DEPTH,
        agent_memory_limit: Some(postern::DEFAULT_AGENT_MEMORY_LIMIT),
    };
    let mut ua = match UserAgent::new(server, Arc::new(console.clone()), options) {
        Ok(ua) => ua,
        Err(e) => {
            let result = failure(&test.id, FileStatus::Error, e.to_string(), elapsed());
            return (result, None);
        }
    };
    if let Err(e) = ua.open(url.as_str()) {
        let result = failure(&test.id, FileStatus::Error, e.to_string(), elapsed());
        return (result, Some(ua));
    }
    let reported = || report.lock().map(|r| r.is_some()).unwrap_or(true);
    let outcome = ua.run_until(&reported);
    let json = report.lock().ok().and_then(|r| r.clone());
    let result = match (json, outcome) {
        (Some(json), _) => result_from_report(&test.id, &json, elapsed()),
        (None, RunOutcome::TimeLimit) => failure(
            &test.id,
            FileStatus::Timeout,
            "the test did not complete within the time limit".into(),
            elapsed(),
        ),
        (None, _) => failure(
            &test.id,
            FileStatus::Error,
            format!(
                "the page went idle without reporting results; last console lines: {}",
                console_tail(&console)
            ),
            elapsed(),
        ),
    };
    (result, Some(ua))
}

/// A panic's message.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "panic".into())
}

/// Runs `tests` on `jobs` worker threads of this process; calls `progress` with each result
/// as it arrives. Results come back in the order of `tests`. A panic becomes `CRASH` for its
/// file; an abort (stack overflow, allocation failure) ends the process.
pub fn run_all(
    server: Arc<WptServer>,
    tests: &[TestCase],
    jobs: usize,
    settings: RunSettings,
    progress: &(dyn Fn(&TestResult) + Sync),
) -> Vec<TestResult> {
    let run_one = |test: &TestCase| {
        let started = Instant::now();
        let server = Arc::clone(&server);
        catch_unwind(AssertUnwindSafe(|| run_test(server, test, settings))).unwrap_or_else(
            |panic| {
                failure(
                    &test.id,
                    FileStatus::Crash,
                    panic_message(panic.as_ref()),
                    started.elapsed().as_millis() as u64,
                )
            },
        )
    };
    run_on_workers(tests, jobs, WORKER_STACK, &run_one, progress)
}

/// Runs `run_one` for each of `tests` on `jobs` threads of `stack_size` bytes; calls
/// `progress` with each result as it arrives. Results come back in the order of `tests`.
pub(crate) fn run_on_workers(
    tests: &[TestCase],
    jobs: usize,
    stack_size: usize,
    run_one: &(dyn Fn(&TestCase) -> TestResult + Sync),
    progress: &(dyn Fn(&TestResult) + Sync),
) -> Vec<TestResult> {
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<TestResult>>> = tests.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, tests.len().max(1)) {
            let (next, slots) = (&next, &slots);
            let spawned = std::thread::Builder::new()
                .name("postern-wpt".into())
                .stack_size(stack_size)
                .spawn_scoped(scope, move || {
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(test) = tests.get(index) else {
                            break;
                        };
                        let result = run_one(test);
                        progress(&result);
                        if let Some(slot) = slots.get(index)
                            && let Ok(mut slot) = slot.lock()
                        {
                            *slot = Some(result);
                        }
                    }
                });
            if let Err(error) = spawned {
                eprintln!("postern wpt: cannot start a worker thread: {error}");
            }
        }
    });
    tests
        .iter()
        .zip(slots)
        .map(|(test, slot)| {
            slot.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| failure(&test.id, FileStatus::Crash, "no result".into(), 0))
        })
        .collect()
}
