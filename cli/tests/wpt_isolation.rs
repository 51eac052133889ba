//! `postern wpt` runs each test file in a process of its own: a file whose process aborts is
//! `CRASH`, one whose process hangs past `--file-timeout` is `TIMEOUT`, and the files after
//! it still run and pass. The abort and the hang come from the child's test-only hooks
//! (`POSTERN_TEST_ABORT_ON`, `POSTERN_TEST_HANG_ON`), so that these tests do not depend on a
//! page that crashes the engine today.

mod common;

use common::{own_suite, postern};

const FIRST: &str = "harness/assert-equals.any.js";
const CRASHER: &str = "harness/assert-true-false.any.js";
const LAST: &str = "harness/statuses.any.js";

fn temp_file(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("postern-cli-{}-{name}", std::process::id()))
}

#[test]
fn an_aborting_file_is_a_crash_and_the_run_goes_on() {
    let root = own_suite();
    let report = temp_file("crash-report.json");
    let ran = postern(
        &[
            "wpt",
            "--root",
            &root.display().to_string(),
            "--jobs",
            "1",
            "--report",
            &report.display().to_string(),
            FIRST,
            CRASHER,
            LAST,
        ],
        &[("POSTERN_TEST_ABORT_ON", "assert-true-false")],
    );
    let json = std::fs::read_to_string(&report);
    let _ = std::fs::remove_file(&report);
    // An unexpected CRASH: exit code 1, not an abort of the runner.
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    let lines: Vec<&str> = ran.stdout.lines().collect();
    let line_of = |id: &str| {
        lines
            .iter()
            .find(|l| l.ends_with(id))
            .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
    };
    assert_eq!(
        line_of("/harness/assert-equals.any.html").as_deref(),
        Some("OK")
    );
    assert_eq!(
        line_of("/harness/assert-true-false.any.html").as_deref(),
        Some("CRASH")
    );
    assert_eq!(line_of("/harness/statuses.any.html").as_deref(), Some("OK"));
    assert!(
        ran.stdout.contains(
            "crashed 1 files:\n  /harness/assert-true-false.any.html (the test process ended with signal 6 (SIGABRT) before reporting"
        ),
        "{}",
        ran.stdout
    );
    assert!(
        ran.stdout
            .contains("/harness/assert-true-false.any.html: expected OK, got CRASH"),
        "{}",
        ran.stdout
    );
    // The wptreport JSON says CRASH for that file, as wptrunner does.
    let json: serde_json::Value = serde_json::from_str(&json.expect("report written")).unwrap();
    let results = json["results"].as_array().unwrap();
    let status_of = |id: &str| {
        results
            .iter()
            .find(|r| r["test"] == id)
            .map(|r| r["status"].as_str().unwrap_or_default().to_string())
    };
    assert_eq!(
        status_of("/harness/assert-true-false.any.html").as_deref(),
        Some("CRASH")
    );
    assert_eq!(
        status_of("/harness/statuses.any.html").as_deref(),
        Some("OK")
    );
}

#[test]
fn an_expected_crash_is_not_an_unexpected_result() {
    let root = own_suite();
    let expectations = temp_file("expect-crash.toml");
    std::fs::write(
        &expectations,
        "[[test]]\npath = \"/harness/assert-true-false.any.html\"\nstatus = \"CRASH\"\nreason = \"aborted on purpose by POSTERN_TEST_ABORT_ON\"\n",
    )
    .unwrap();
    let ran = postern(
        &[
            "wpt",
            "--root",
            &root.display().to_string(),
            "--expectations",
            &expectations.display().to_string(),
            CRASHER,
            LAST,
        ],
        &[("POSTERN_TEST_ABORT_ON", "assert-true-false")],
    );
    let _ = std::fs::remove_file(&expectations);
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
    assert!(!ran.stdout.contains("unexpected"), "{}", ran.stdout);
}

#[test]
fn a_hanging_file_is_killed_at_the_file_timeout_and_is_a_timeout() {
    let root = own_suite();
    let started = std::time::Instant::now();
    let ran = postern(
        &[
            "wpt",
            "--root",
            &root.display().to_string(),
            "--file-timeout",
            "1",
            CRASHER,
            LAST,
        ],
        &[("POSTERN_TEST_HANG_ON", "assert-true-false")],
    );
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    assert_eq!(ran.code, Some(1), "{}\n{}", ran.stdout, ran.stderr);
    assert!(
        ran.stdout.contains(
            "/harness/assert-true-false.any.html: expected OK, got TIMEOUT (the test process did not finish within 1 s and was killed"
        ),
        "{}",
        ran.stdout
    );
    assert!(ran.stdout.contains("OK  "), "{}", ran.stdout);
}

#[test]
fn the_hooks_do_nothing_in_process() {
    // The in-process runner never reads the child's hooks (and could not survive an abort).
    let root = own_suite();
    let ran = postern(
        &[
            "wpt",
            "--root",
            &root.display().to_string(),
            "--in-process",
            CRASHER,
        ],
        &[("POSTERN_TEST_ABORT_ON", "assert-true-false")],
    );
    assert_eq!(ran.code, Some(0), "{}\n{}", ran.stdout, ran.stderr);
}
