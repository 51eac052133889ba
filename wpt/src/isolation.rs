//! The process pool: each test file in a child process of its own, as wptrunner runs each
//! test in a browser process it restarts after a crash. A child that ends without reporting
//! (an abort: stack overflow, allocation failure, `panic = "abort"`) makes its file `CRASH`;
//! a child still running after the file timeout is killed and its file is `TIMEOUT`. Every
//! other file runs on.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::child::{ChildRequest, parse_result};
use super::discover::TestCase;
use super::report::{FileStatus, TestResult};
use super::runner::{failure, run_on_workers};

/// Stack size of the threads that wait for children (they run no test themselves).
const WAITER_STACK: usize = 256 * 1024;
/// The most of a child's standard output kept (a result is far smaller).
const STDOUT_CAP: u64 = 64 * 1024 * 1024;
/// How much of the end of a child's standard error is kept to explain a crash.
const STDERR_TAIL: usize = 4 * 1024;
/// How many of the last standard-error lines go into a crash's message.
const STDERR_LINES: usize = 4;

/// How to start a child that runs one test file: `program args... <request args>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChildCommand {
    /// The executable (`postern`).
    pub program: PathBuf,
    /// The arguments before the request's (the hidden subcommand's name).
    pub args: Vec<OsString>,
}

/// What a child left behind.
struct ChildOutput {
    stdout: String,
    stderr_tail: String,
    status: Option<ExitStatus>,
    timed_out: bool,
}

/// Reads `reader` to its end on a thread of its own, keeping at most `cap` bytes (the rest
/// is read and dropped, so that the child never blocks on a full pipe).
fn read_on_thread(
    mut reader: impl Read + Send + 'static,
    cap: u64,
    keep_tail: bool,
) -> mpsc::Receiver<Vec<u8>> {
    let (sender, receiver) = mpsc::channel();
    // Should the thread not start, the reader is dropped: the receiver then reports a
    // disconnected channel (no output) and the child's writes fail.
    let _reader = std::thread::Builder::new()
        .name("postern-wpt-pipe".into())
        .stack_size(WAITER_STACK)
        .spawn(move || {
            let mut kept = Vec::new();
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                let Some(chunk) = buffer.get(..n).filter(|c| !c.is_empty()) else {
                    break;
                };
                kept.extend_from_slice(chunk);
                let excess = (kept.len() as u64).saturating_sub(cap) as usize;
                if excess > 0 {
                    if keep_tail {
                        kept.drain(..excess);
                    } else {
                        kept.truncate(cap as usize);
                    }
                }
            }
            let _ = sender.send(kept);
        });
    receiver
}

/// Waits for `child` to exit until `deadline`, then kills it; returns its status and whether
/// it had to be killed.
fn wait_until(child: &mut Child, deadline: Instant) -> (Option<ExitStatus>, bool) {
    let mut pause = Duration::from_micros(100);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return (Some(status), false),
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(pause.min(deadline.saturating_duration_since(Instant::now())));
                pause = (pause * 2).min(Duration::from_millis(10));
            }
            Ok(None) | Err(_) => {
                let _ = child.kill();
                return (child.wait().ok(), true);
            }
        }
    }
}

/// Waits for `child` until its standard output closes and it exits, or until `timeout`
/// passes (then kills it).
fn wait_for(mut child: Child, timeout: Duration) -> ChildOutput {
    let stdout = child
        .stdout
        .take()
        .map(|pipe| read_on_thread(pipe, STDOUT_CAP, false));
    let stderr = child
        .stderr
        .take()
        .map(|pipe| read_on_thread(pipe, STDERR_TAIL as u64, true));
    let deadline = Instant::now() + timeout;
    let left = deadline.saturating_duration_since(Instant::now());
    // Standard output closes when the child exits (or, never in practice, closes it).
    let stdout = stdout
        .and_then(|receiver| receiver.recv_timeout(left).ok())
        .unwrap_or_default();
    // A child that did not close it in time, or that does not exit once it has, is killed.
    let (status, timed_out) = wait_until(&mut child, deadline);
    // The pipe closes when the child (killed or not) is gone.
    let stderr_tail = stderr
        .and_then(|receiver| receiver.recv_timeout(Duration::from_secs(1)).ok())
        .unwrap_or_default();
    ChildOutput {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr_tail: String::from_utf8_lossy(&stderr_tail).into_owned(),
        status,
        timed_out,
    }
}

/// How a process ended, in words: `exit code 3`, `signal 6 (SIGABRT)`.
pub fn describe_exit(status: Option<ExitStatus>) -> String {
    let Some(status) = status else {
        return "an unknown status".into();
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                4 => " (SIGILL)",
                6 => " (SIGABRT)",
                7 => " (SIGBUS)",
                9 => " (SIGKILL)",
                11 => " (SIGSEGV)",
                _ => "",
            };
            return format!("signal {signal}{name}");
        }
    }
    match status.code() {
        Some(code) => format!("exit code {code}"),
        None => "an unknown status".into(),
    }
}

/// The last few non-empty lines of a child's standard error, joined by ` | `.
fn stderr_summary(tail: &str) -> String {
    let lines: Vec<&str> = tail
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let start = lines.len().saturating_sub(STDERR_LINES);
    lines.get(start..).unwrap_or_default().join(" | ")
}

/// The result of one file from what its child left behind.
fn result_of(
    test: &TestCase,
    output: ChildOutput,
    timeout: Duration,
    started: Instant,
) -> TestResult {
    let duration = started.elapsed().as_millis() as u64;
    if let Some(result) = parse_result(&output.stdout) {
        return result;
    }
    let stderr = stderr_summary(&output.stderr_tail);
    let stderr = if stderr.is_empty() {
        String::new()
    } else {
        format!("; stderr: {stderr}")
    };
    if output.timed_out {
        // wptrunner's external timeout: the harness status is TIMEOUT.
        let message = format!(
            "the test process did not finish within {:.0} s and was killed{stderr}",
            timeout.as_secs_f64()
        );
        return failure(&test.id, FileStatus::Timeout, message, duration);
    }
    let message = format!(
        "the test process ended with {} before reporting{stderr}",
        describe_exit(output.status)
    );
    failure(&test.id, FileStatus::Crash, message, duration)
}

/// Runs one test file in a child process started by `command`.
pub fn run_in_child(
    command: &ChildCommand,
    root: &Path,
    test: &TestCase,
    timeout_multiplier: f64,
    timeout: Duration,
) -> TestResult {
    let started = Instant::now();
    let request = ChildRequest {
        root: root.to_path_buf(),
        test: test.clone(),
        timeout_multiplier,
    };
    let spawned = Command::new(&command.program)
        .args(&command.args)
        .args(request.to_args())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    match spawned {
        Ok(child) => result_of(test, wait_for(child, timeout), timeout, started),
        Err(error) => failure(
            &test.id,
            FileStatus::Error,
            format!(
                "cannot start the test process {}: {error}",
                command.program.display()
            ),
            started.elapsed().as_millis() as u64,
        ),
    }
}

/// Runs `tests`, each in a child process, `jobs` at a time; calls `progress` with each
/// result as it arrives. Results come back in the order of `tests`.
pub fn run_all_isolated(
    command: &ChildCommand,
    root: &Path,
    tests: &[TestCase],
    jobs: usize,
    timeout_multiplier: f64,
    file_timeout: Duration,
    progress: &(dyn Fn(&TestResult) + Sync),
) -> Vec<TestResult> {
    let run_one =
        |test: &TestCase| run_in_child(command, root, test, timeout_multiplier, file_timeout);
    run_on_workers(tests, jobs, WAITER_STACK, &run_one, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_stderr_lines_explain_a_crash() {
        let tail = "a\n\nthread 'postern-agent-2' has overflowed its stack\nfatal runtime error: stack overflow, aborting\n";
        assert_eq!(
            stderr_summary(tail),
            "a | thread 'postern-agent-2' has overflowed its stack | fatal runtime error: stack overflow, aborting"
        );
        assert_eq!(stderr_summary(""), "");
    }

    #[test]
    fn a_child_that_reports_nothing_is_a_crash_and_one_that_is_killed_a_timeout() {
        let test = TestCase {
            id: "/x.html".into(),
            long_timeout: false,
        };
        let output = |timed_out| ChildOutput {
            stdout: "no result here".into(),
            stderr_tail: "fatal runtime error: stack overflow, aborting\n".into(),
            status: None,
            timed_out,
        };
        let timeout = Duration::from_secs(70);
        let crash = result_of(&test, output(false), timeout, Instant::now());
        assert_eq!(crash.status, FileStatus::Crash);
        let message = crash.message.unwrap_or_default();
        assert!(message.contains("stack overflow"), "{message}");
        let hang = result_of(&test, output(true), timeout, Instant::now());
        assert_eq!(hang.status, FileStatus::Timeout);
        assert!(hang.message.unwrap_or_default().contains("within 70 s"));
    }

    #[cfg(unix)]
    #[test]
    fn a_killed_process_is_described_by_its_signal() {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            describe_exit(Some(ExitStatus::from_raw(6))),
            "signal 6 (SIGABRT)"
        );
        assert_eq!(
            describe_exit(Some(ExitStatus::from_raw(3 << 8))),
            "exit code 3"
        );
    }
}
