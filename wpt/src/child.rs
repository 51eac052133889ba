//! The child side of the process pool: one test file run in a process of its own, its result
//! written on standard output as one marked JSON line ([`RESULT_MARKER`]).
//!
//! `postern wpt` starts `postern wpt-child --root ROOT --timeout-multiplier M
//! [--long-timeout] -- TEST` for each file ([`ChildRequest::to_args`]); the hidden
//! subcommand builds a [`ChildRequest`] and calls [`run_child`].
//!
//! Two test-only hooks, read from the environment by [`run_child`] only (never by `postern
//! run`, never by the in-process runner), make a child misbehave on purpose so that the
//! pool's handling of crashes and hangs can be tested without depending on a page that
//! crashes or hangs the engine today:
//! - `POSTERN_TEST_ABORT_ON=<substring>`: a test whose id contains it calls
//!   `std::process::abort()` before running;
//! - `POSTERN_TEST_HANG_ON=<substring>`: a test whose id contains it sleeps for ever.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::discover::TestCase;
use super::report::TestResult;
use super::runner::{RunSettings, run_test_keeping_agent};
use super::server::WptServer;

/// What starts the line that carries a child's result.
pub const RESULT_MARKER: &str = "postern-wpt-result: ";

/// The test-only hook that aborts a child whose test id contains its value.
pub const ABORT_HOOK: &str = "POSTERN_TEST_ABORT_ON";

/// The test-only hook that hangs a child whose test id contains its value.
pub const HANG_HOOK: &str = "POSTERN_TEST_HANG_ON";

/// One test file for a child process to run.
#[derive(Clone, Debug, PartialEq)]
pub struct ChildRequest {
    /// The WPT checkout.
    pub root: PathBuf,
    /// The test.
    pub test: TestCase,
    /// Multiplies harness timeouts.
    pub timeout_multiplier: f64,
}

impl ChildRequest {
    /// The arguments that follow the child subcommand's name.
    pub fn to_args(&self) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec![
            "--root".into(),
            self.root.clone().into_os_string(),
            "--timeout-multiplier".into(),
            self.timeout_multiplier.to_string().into(),
        ];
        if self.test.long_timeout {
            args.push("--long-timeout".into());
        }
        args.push("--".into());
        args.push(self.test.id.clone().into());
        args
    }
}

/// Whether the environment variable `hook` is set to a non-empty part of `id`.
fn hook_matches(hook: &str, id: &str) -> bool {
    std::env::var(hook).is_ok_and(|needle| !needle.is_empty() && id.contains(&needle))
}

/// The line a child writes for its result.
pub fn result_line(result: &TestResult) -> String {
    let json = serde_json::to_string(result).unwrap_or_else(|_| "null".into());
    format!("{RESULT_MARKER}{json}")
}

/// The result in a child's standard output: its last marked line.
pub fn parse_result(stdout: &str) -> Option<TestResult> {
    stdout
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix(RESULT_MARKER))
        .and_then(|json| serde_json::from_str(json).ok())
}

/// Runs one test file in this process and writes its result line on standard output; returns
/// the process's exit status (0 once the result is written). The caller should exit right
/// after: agent threads stuck in a task are not waited for.
pub fn run_child(request: &ChildRequest) -> i32 {
    let id = &request.test.id;
    if hook_matches(ABORT_HOOK, id) {
        eprintln!("postern wpt-child: {ABORT_HOOK} matches {id}: aborting");
        std::process::abort();
    }
    if hook_matches(HANG_HOOK, id) {
        eprintln!("postern wpt-child: {HANG_HOOK} matches {id}: hanging");
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    }
    let server = Arc::new(WptServer::new(
        request.root.clone(),
        request.timeout_multiplier,
    ));
    let settings = RunSettings::for_timeout_multiplier(request.timeout_multiplier);
    let (result, user_agent) = run_test_keeping_agent(server, &request.test, settings);
    let mut stdout = std::io::stdout().lock();
    let written = writeln!(stdout, "{}", result_line(&result)).and_then(|()| stdout.flush());
    // The process ends now: agent threads still in a task would only delay the exit.
    std::mem::forget(user_agent);
    if written.is_ok() { 0 } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{FileStatus, SubtestResult, SubtestStatus};

    #[test]
    fn a_result_line_round_trips_through_noise() {
        let result = TestResult {
            test: "/a/b.html".into(),
            status: FileStatus::Ok,
            message: None,
            subtests: vec![SubtestResult {
                name: "one\nline two".into(),
                status: SubtestStatus::Fail,
                message: Some("assert_true: x".into()),
            }],
            duration: 12,
        };
        let stdout = format!("noise\n{}\nmore noise\n", result_line(&result));
        let parsed = parse_result(&stdout).unwrap();
        assert_eq!(parsed.test, "/a/b.html");
        assert_eq!(parsed.subtests[0].name, "one\nline two");
        assert_eq!(parsed.subtests[0].status, SubtestStatus::Fail);
        assert!(parse_result("noise only\n").is_none());
        assert!(parse_result(&format!("{RESULT_MARKER}{{truncated")).is_none());
    }

    #[test]
    fn the_arguments_end_with_the_test_id() {
        let request = ChildRequest {
            root: PathBuf::from("/wpt"),
            test: TestCase {
                id: "/x.any.html?-v".into(),
                long_timeout: true,
            },
            timeout_multiplier: 2.5,
        };
        let args = request.to_args();
        let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
        assert_eq!(
            args,
            [
                "--root",
                "/wpt",
                "--timeout-multiplier",
                "2.5",
                "--long-timeout",
                "--",
                "/x.any.html?-v"
            ]
        );
    }
}
