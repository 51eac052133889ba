//! `postern run --trace-messages`: every posted message's fate among the console lines (text),
//! or every event of it as a `message` JSON object. The page (cli/tests/pages/trace) posts to
//! its cross-origin iframe with a wrong targetOrigin (dropped), with `*` (delivered, and the
//! child reads event.origin), gets an answer (delivered, origin not read), then removes the
//! iframe and posts to its window (target gone).

mod common;

use common::{page, postern};
use serde_json::Value;

const FATES: [&str; 4] = [
    "[http://a.test] → http://b.test  targetOrigin=http://c.test  DROPPED (origin mismatch)",
    "[http://a.test] → http://b.test  targetOrigin=*  DELIVERED (1 listener; read event.origin)",
    "[http://b.test] → http://a.test  targetOrigin=http://a.test  DELIVERED (1 listener; event.origin not read)",
    "[http://a.test] → ?  targetOrigin=*  DROPPED (target gone)",
];

#[test]
fn the_text_trace_shows_each_fate_among_the_console_lines() {
    let ran = postern(
        &["run", "--virtual-time", "--trace-messages", &page("trace")],
        &[],
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{}", ran.stdout);
    for fate in FATES {
        assert_eq!(
            lines.iter().filter(|l| **l == fate).count(),
            1,
            "{fate:?} not once in\n{}",
            ran.stdout
        );
    }
    let at = |line: &str| lines.iter().position(|l| *l == line);
    // Causal order: the drop precedes the child's listener; the child's listener runs before
    // its message's DELIVERED line; the parent hears the answer before the iframe is gone.
    assert!(at(FATES[0]) < at("[http://b.test] child got two from http://a.test"));
    assert!(at("[http://b.test] child got two from http://a.test") < at(FATES[1]));
    assert!(at("[http://a.test] parent got ack") < at(FATES[3]));
    assert!(at("[http://a.test] parent got ack") < at(FATES[2]));
    // Without the flag, no trace.
    let ran = postern(&["run", "--virtual-time", &page("trace")], &[]);
    assert_eq!(ran.stdout.lines().count(), 2, "{}", ran.stdout);
}

#[test]
fn the_json_trace_has_every_event_of_every_message() {
    let ran = postern(
        &[
            "run",
            "--virtual-time",
            "--trace-messages",
            "--format",
            "json",
            &page("trace"),
        ],
        &[],
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let values: Vec<Value> = ran
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?}: {e}")))
        .collect();
    let messages: Vec<&Value> = values.iter().filter(|v| v["type"] == "message").collect();
    let outcomes = |id: u64| -> Vec<&str> {
        messages
            .iter()
            .filter(|m| m["id"] == id)
            .filter_map(|m| m["outcome"].as_str())
            .collect()
    };
    assert_eq!(outcomes(1), ["posted", "dropped"], "{}", ran.stdout);
    assert_eq!(outcomes(2), ["posted", "delivered"], "{}", ran.stdout);
    assert_eq!(outcomes(3), ["posted", "delivered"], "{}", ran.stdout);
    assert_eq!(outcomes(4), ["target-gone"], "{}", ran.stdout);
    let dropped = messages
        .iter()
        .find(|m| m["outcome"] == "dropped")
        .copied()
        .cloned()
        .unwrap_or_default();
    assert_eq!(dropped["source"]["origin"], "http://a.test");
    assert_eq!(dropped["target"]["origin"], "http://b.test");
    assert_eq!(dropped["target_origin"], "http://c.test");
    assert_eq!(dropped["document_origin"], "http://b.test");
    assert!(dropped["size"].as_u64().is_some_and(|s| s > 0));
    let delivered = messages
        .iter()
        .find(|m| m["outcome"] == "delivered" && m["id"] == 2)
        .copied()
        .cloned()
        .unwrap_or_default();
    assert_eq!(delivered["listeners"], 1);
    assert_eq!(delivered["read_origin"], true);
    assert_eq!(delivered["read_source"], false);
    assert_eq!(
        values.last().map(|v| v["type"].clone()),
        Some("outcome".into())
    );
}

#[test]
fn port_messages_are_traced_too() {
    let channel = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("examples")
        .join("channel")
        .display()
        .to_string();
    let ran = postern(
        &["run", "--virtual-time", "--trace-messages", &channel],
        &[],
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    // The port is transferred with a window message, then three requests go over it and
    // three answers come back.
    let count = |line: &str| ran.stdout.lines().filter(|l| *l == line).count();
    assert_eq!(
        count(
            "[http://a.test] → http://b.test  targetOrigin=http://b.test  DELIVERED (1 listener; read event.origin)"
        ),
        1,
        "{}",
        ran.stdout
    );
    assert_eq!(
        count("[http://a.test] → port → http://b.test  DELIVERED (1 listener)"),
        3,
        "{}",
        ran.stdout
    );
    assert!(
        count("[http://b.test] → port → http://a.test  DELIVERED (1 listener)") >= 3,
        "{}",
        ran.stdout
    );
}
