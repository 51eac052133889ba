//! `postern run`'s exit codes and the lines on standard error that explain them (the table
//! in `postern run --help` and the README).

mod common;

use common::{page, postern};

#[test]
fn a_page_that_goes_idle_exits_with_0() {
    let ran = postern(&["run", "--virtual-time", &page("idle.html")], &[]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stdout.ends_with("] loaded\n") || ran.stdout.contains("] timer fired\n"));
    assert_eq!(ran.stderr, "");
}

#[test]
fn an_unknown_host_is_a_load_failure() {
    let ran = postern(&["run", "--offline", "http://nohost.test/"], &[]);
    assert_eq!(ran.code, Some(5), "{}", ran.stderr);
    assert_eq!(
        ran.stderr,
        "postern: could not load http://nohost.test/: unknown host: no virtual host serves http://nohost.test\n"
    );
}

#[test]
fn a_missing_file_on_a_served_origin_is_a_load_failure() {
    let pages = page("");
    let serve = format!("http://a.test={pages}");
    let ran = postern(
        &["run", "--serve", &serve, "http://a.test/no-such-page.html"],
        &[],
    );
    assert_eq!(ran.code, Some(5), "{}", ran.stderr);
    assert_eq!(
        ran.stderr,
        "postern: could not load http://a.test/no-such-page.html: status 404\n"
    );
}

#[test]
fn an_invalid_url_is_a_usage_error() {
    let ran = postern(&["run", "no such file, no URL"], &[]);
    assert_eq!(ran.code, Some(2), "{}", ran.stderr);
    assert!(
        ran.stderr.starts_with("postern: invalid URL"),
        "{}",
        ran.stderr
    );
}

#[test]
fn uncaught_errors_fail_the_run_only_with_fail_on_error() {
    for name in ["uncaught.html", "rejection.html"] {
        let ran = postern(&["run", "--virtual-time", &page(name)], &[]);
        assert_eq!(ran.code, Some(0), "{name}: {}", ran.stderr);
        assert!(ran.stdout.contains("] Uncaught "), "{name}: {}", ran.stdout);
        let ran = postern(
            &["run", "--virtual-time", "--fail-on-error", &page(name)],
            &[],
        );
        assert_eq!(ran.code, Some(1), "{name}: {}", ran.stderr);
        assert_eq!(
            ran.stderr, "postern: 1 uncaught error(s) reported (--fail-on-error)\n",
            "{name}"
        );
    }
    // The page went on after its uncaught exception.
    let ran = postern(&["run", "--fail-on-error", &page("uncaught.html")], &[]);
    assert!(ran.stdout.contains("] still running\n"), "{}", ran.stdout);
}

#[test]
fn a_caught_exception_and_console_error_are_not_uncaught_errors() {
    let ran = postern(&["run", "--fail-on-error", &page("caught.html")], &[]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stdout.contains("] caught: caught\n"), "{}", ran.stdout);
}

#[test]
fn the_time_limit_with_work_pending_exits_with_3() {
    let ran = postern(
        &[
            "run",
            "--virtual-time",
            "--time-limit",
            "5",
            &page("interval.html"),
        ],
        &[],
    );
    assert_eq!(ran.code, Some(3), "{}", ran.stderr);
    assert_eq!(
        ran.stderr,
        "postern: time limit of 5 s (virtual time) reached with work still pending\n"
    );
}

#[test]
fn a_busy_wait_under_virtual_time_is_stopped_by_the_wall_limit_with_its_reason() {
    let ran = postern(
        &[
            "run",
            "--virtual-time",
            "--wall-limit",
            "1",
            &page("busy-wait.html"),
        ],
        &[],
    );
    assert_eq!(ran.code, Some(4), "{}", ran.stderr);
    assert!(ran.stdout.ends_with("] waiting\n"), "{}", ran.stdout);
    assert!(
        ran.stderr.starts_with(
            "postern: wall-clock limit of 1 s reached: a task never yielded (1 agent thread(s) still in it). Under --virtual-time the clock only advances between tasks, so a busy-wait on Date.now()"
        ),
        "{}",
        ran.stderr
    );
}

#[test]
fn pages_that_never_go_idle_are_stopped_by_the_wall_limit() {
    let ran = postern(
        &[
            "run",
            "--virtual-time",
            "--wall-limit",
            "1",
            &page("message-loop.html"),
        ],
        &[],
    );
    assert_eq!(ran.code, Some(4), "{}", ran.stderr);
    assert_eq!(
        ran.stderr,
        "postern: wall-clock limit of 1 s reached with work still pending (the pages never went idle, such as an endless chain of messages or timers)\n"
    );
}

#[test]
fn the_help_lists_the_exit_codes() {
    let ran = postern(&["run", "--help"], &[]);
    assert_eq!(ran.code, Some(0));
    for line in [
        "  0  the pages ran until idle",
        "  1  an uncaught exception or unhandled rejection was reported (only with --fail-on-error)",
        "  3  the time limit (--time-limit) was reached with work still pending",
        "  4  the wall-clock limit (--wall-limit) was reached with work still pending",
        "  5  the page could not be loaded",
        "  6  an agent crashed",
    ] {
        assert!(
            ran.stdout.contains(line),
            "{line:?} missing from\n{}",
            ran.stdout
        );
    }
    let ran = postern(&["wpt", "--help"], &[]);
    assert!(ran.stdout.contains("Exit codes:"), "{}", ran.stdout);
    // The child subcommand is internal.
    let ran = postern(&["--help"], &[]);
    assert!(!ran.stdout.contains("wpt-child"), "{}", ran.stdout);
}

#[test]
fn an_agent_past_its_memory_limit_exits_with_6_and_the_others_run() {
    // The iframe's agent is stopped inside the allocation that would pass --memory-limit
    // (before: the string grew to 10 GB, and with less memory the process aborted).
    let ran = postern(
        &[
            "run",
            "--virtual-time",
            "--memory-limit",
            "64",
            &page("out-of-memory"),
        ],
        &[],
    );
    assert_eq!(ran.code, Some(6), "{}", ran.stderr);
    assert_eq!(
        ran.stdout,
        "[http://a.test] child says: doubling a string\n[http://a.test] the parent still runs\n"
    );
    assert!(
        ran.stderr
            .starts_with("postern: agent 2 crashed: out of memory: an allocation of "),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr.contains("past its limit of 64 MiB"),
        "{}",
        ran.stderr
    );
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
}

#[test]
fn a_memory_limit_out_of_range_is_a_usage_error() {
    for bad in ["0", "8", "-1", "1.5", "NaN", "1e300"] {
        let ran = postern(&["run", "--memory-limit", bad, &page("idle.html")], &[]);
        assert_eq!(ran.code, Some(2), "{bad}: {}", ran.stderr);
        assert!(ran.stderr.contains("MiB"), "{bad}: {}", ran.stderr);
    }
}
