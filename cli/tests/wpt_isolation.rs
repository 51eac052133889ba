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

/// A WPT root in a temporary directory: the own suite's harness and the files given.
fn temp_root(name: &str, files: &[(&str, String)]) -> std::io::Result<std::path::PathBuf> {
    let root = temp_file(name);
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("resources"))?;
    std::fs::copy(
        own_suite().join("resources").join("testharness.js"),
        root.join("resources").join("testharness.js"),
    )?;
    for (path, content) in files {
        let path = root.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, content)?;
    }
    Ok(root)
}

#[test]
fn a_page_that_overflows_the_stack_never_takes_the_run_down() {
    // An array literal nested 100,000 deep overflowed the agent thread's stack when this test
    // was written (a process abort); once the engine contains it, the file reports a result
    // instead. Either way the run goes on and the next file passes.
    let depth = 100_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let page = |script: &str| {
        format!(
            "<!doctype html><script src=\"/resources/testharness.js\"></script>\
             <script src=\"/resources/testharnessreport.js\"></script><script>{script}</script>"
        )
    };
    let root = temp_root(
        "deep-root",
        &[
            (
                "t/a-deep.html",
                page(&format!("test(() => {{ const a = {deep}; }}, \"deep\");")),
            ),
            (
                "t/b-fine.html",
                page("test(() => assert_true(true), \"fine\");"),
            ),
        ],
    )
    .unwrap();
    let ran = postern(
        &["wpt", "--root", &root.display().to_string(), "--jobs", "1"],
        &[],
    );
    let _ = std::fs::remove_dir_all(&root);
    assert!(
        matches!(ran.code, Some(0 | 1)),
        "{}\n{}",
        ran.stdout,
        ran.stderr
    );
    let status_of = |id: &str| {
        ran.stdout
            .lines()
            .find(|l| l.ends_with(id))
            .and_then(|l| l.split_whitespace().next())
            .map(str::to_string)
    };
    assert!(status_of("/t/a-deep.html").is_some(), "{}", ran.stdout);
    assert_eq!(
        status_of("/t/b-fine.html").as_deref(),
        Some("OK"),
        "{}",
        ran.stdout
    );
}
