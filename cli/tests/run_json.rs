//! `postern run --format json`: one JSON object per line on standard output: console
//! messages with level, window URL and origin, uncaught errors, load failures, the outcome
//! last.

mod common;

use common::{page, postern};
use serde_json::Value;

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON: {line:?}: {e}"))
        })
        .collect()
}

#[test]
fn console_messages_and_uncaught_errors_are_json_lines() {
    let pages = page("");
    let serve = format!("http://a.test={pages}");
    let ran = postern(
        &[
            "run",
            "--virtual-time",
            "--format",
            "json",
            "--fail-on-error",
            "--serve",
            &serve,
            "http://a.test/uncaught.html",
        ],
        &[],
    );
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    let lines = lines(&ran.stdout);
    assert_eq!(lines.len(), 3, "{}", ran.stdout);
    assert_eq!(lines[0]["type"], "uncaught");
    assert_eq!(lines[0]["level"], "error");
    assert_eq!(lines[0]["url"], "http://a.test/uncaught.html");
    assert_eq!(lines[0]["origin"], "http://a.test");
    assert!(lines[0]["window"].is_u64());
    assert!(
        lines[0]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Uncaught TypeError: boom")),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1]["type"], "console");
    assert_eq!(lines[1]["level"], "log");
    assert_eq!(lines[1]["text"], "still running");
    assert_eq!(lines[2]["type"], "outcome");
    assert_eq!(lines[2]["exit_code"], 1);
    assert_eq!(lines[2]["outcome"], "uncaught-errors");
    assert_eq!(lines[2]["virtual_time"], true);
    assert_eq!(
        lines[2]["reasons"][0],
        "postern: 1 uncaught error(s) reported (--fail-on-error)"
    );
}

#[test]
fn a_load_failure_is_a_json_line_and_the_outcome_says_why() {
    let pages = page("");
    let serve = format!("http://a.test={pages}");
    let ran = postern(
        &[
            "run",
            "--format",
            "json",
            "--serve",
            &serve,
            "http://a.test/no-such-page.html",
        ],
        &[],
    );
    assert_eq!(ran.code, Some(5), "{}", ran.stderr);
    let lines = lines(&ran.stdout);
    assert_eq!(
        lines[0],
        serde_json::json!({"type": "load-failure", "url": "http://a.test/no-such-page.html",
                           "page": true, "status": 404})
    );
    let outcome = lines.last().cloned().unwrap_or_default();
    assert_eq!(outcome["type"], "outcome");
    assert_eq!(outcome["exit_code"], 5);
    assert_eq!(outcome["outcome"], "load-failed");
    // Standard error still explains it.
    assert_eq!(
        ran.stderr,
        "postern: could not load http://a.test/no-such-page.html: status 404\n"
    );
}

#[test]
fn an_idle_run_ends_with_its_outcome() {
    let ran = postern(
        &[
            "run",
            "--virtual-time",
            "--format",
            "json",
            &page("idle.html"),
        ],
        &[],
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let lines = lines(&ran.stdout);
    let texts: Vec<&str> = lines.iter().filter_map(|l| l["text"].as_str()).collect();
    assert_eq!(texts, ["loaded", "timer fired"]);
    assert_eq!(lines[0]["origin"], "null");
    assert!(
        lines[0]["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("file://") && u.ends_with("/idle.html")),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines.last().map(|l| l["outcome"].clone()),
        Some("idle".into())
    );
}
