//! Channel messaging across agents: pages with their exact console output (the same lines as
//! headless Chromium prints for them, its MessagePort close event enabled).

use postern::RunOutcome;
use postern_conformance::{repo_root, run_page, run_site};

fn at(origin: &str, line: &str) -> String {
    format!("[http://{origin}] {line}")
}

#[test]
fn a_channel_with_a_cross_site_iframe_closes_when_the_iframe_goes() {
    let run = run_page("channel-iframe");
    let expected = vec![
        at(
            "b.test",
            r#"child got "here is a port" from http://a.test with 1 port"#,
        ),
        at("b.test", r#"child got {"n":1}"#),
        at("b.test", r#"child got {"n":2}"#),
        at("b.test", r#"child got {"n":3}"#),
        at(
            "a.test",
            r#"parent got {"n":1,"echo":true} (origin "", source null)"#,
        ),
        at(
            "a.test",
            r#"parent got {"n":2,"echo":true} (origin "", source null)"#,
        ),
        at(
            "a.test",
            r#"parent got {"n":3,"echo":true} (origin "", source null)"#,
        ),
        at("a.test", "parent removes the iframe"),
        at("a.test", "parent's port: close"),
    ];
    assert_eq!(run.lines, expected);
    assert_eq!(run.outcome, RunOutcome::Idle);
}

#[test]
fn a_port_handed_on_through_three_agents_loses_nothing() {
    let run = run_page("channel-handoff");
    // The parent and the popup run on different agents: each one's lines are in order, and
    // how the two interleave is not fixed (Chromium prints the parent's second line first).
    let of = |origin: &str| -> Vec<String> {
        let prefix = format!("[http://{origin}] ");
        run.lines
            .iter()
            .filter(|l| l.starts_with(&prefix))
            .cloned()
            .collect()
    };
    assert_eq!(
        of("a.test"),
        vec![
            at(
                "a.test",
                "parent got the port back from http://b.test; hands it to the popup",
            ),
            at("a.test", "parent's port got i1, i2, c1"),
        ]
    );
    assert_eq!(
        of("c.test"),
        vec![at("c.test", "popup's port got p1, p2, p3")]
    );
    assert_eq!(run.lines.len(), 3, "nothing else: {:?}", run.lines);
    assert_eq!(run.outcome, RunOutcome::Idle);
}

#[test]
fn rpc_with_a_fresh_port_per_call() {
    let run = run_page("channel-rpc");
    let expected = vec![
        at("a.test", "add(2, 3) = 5"),
        at(
            "a.test",
            r#"in parallel: [20,2,{"deep":[1,{"x":"y"}],"when":"1970-01-01T00:00:00.000Z"}]"#,
        ),
        at("a.test", "missing: no method missing"),
        at("a.test", "sum of bytes = 256"),
        at("a.test", "6 calls, each answered on its own port"),
    ];
    assert_eq!(run.lines, expected);
    assert_eq!(run.outcome, RunOutcome::Idle);
}

#[test]
fn channel_example() {
    let run = run_site(
        &repo_root().join("examples").join("channel"),
        "http://a.test/",
    );
    let expected = vec![
        at("b.test", "child: connected by http://a.test (1 port)"),
        at(
            "a.test",
            r#"parent: {"word":"postern","reversed":"nretsop"}"#,
        ),
        at(
            "a.test",
            r#"parent: {"word":"message","reversed":"egassem"}"#,
        ),
        at(
            "a.test",
            r#"parent: {"word":"channel","reversed":"lennahc"}"#,
        ),
        at("a.test", "parent closes its port"),
        at("b.test", "child: the parent closed the channel"),
    ];
    assert_eq!(run.lines, expected);
    assert_eq!(run.outcome, RunOutcome::Idle);
}

#[test]
fn a_peer_whose_document_goes_closes_the_port() {
    let run = run_page("channel-gone");
    // The iframe's new document logs from its own agent: where that line falls among the
    // parent's is not fixed (Chromium prints it after the close).
    let parent: Vec<&String> = run
        .lines
        .iter()
        .filter(|l| l.starts_with("[http://a.test] "))
        .collect();
    assert_eq!(
        parent,
        vec![
            &at("a.test", "iframe says hello; the parent navigates it away"),
            &at("a.test", "the iframe's document is gone: close"),
            &at("a.test", "popup says hello; the parent closes it"),
            &at("a.test", "the popup's document is gone: close"),
        ]
    );
    assert!(run.lines.contains(&at("b.test", "the iframe navigated")));
    assert_eq!(run.lines.len(), 5, "nothing else: {:?}", run.lines);
    assert_eq!(run.outcome, RunOutcome::Idle);
}
