//! First light: pages run through the whole spine, with their exact console output.

use postern::RunOutcome;
use postern_conformance::{repo_root, run_page, run_site};

fn a(line: &str) -> String {
    format!("[http://a.test] {line}")
}

fn b(line: &str) -> String {
    format!("[http://b.test] {line}")
}

#[test]
fn ping_pong_example() {
    let run = run_site(
        &repo_root().join("examples").join("ping-pong"),
        "http://a.test/",
    );
    let expected = vec![
        b("child loaded at http://b.test; parent is a different window: true"),
        a("parent hears that the child is ready (source is the iframe: true)"),
        a(r#"parent sends ping 1: {"round":1,"items":[[1,2],{"nested":[true,null,"x"]}]}"#),
        b(r#"child receives ping 1: {"round":1,"items":[[1,2],{"nested":[true,null,"x"]}]}"#),
        a(r#"parent receives pong 1: [[1,2],{"nested":[true,null,"x"]}]"#),
        a(r#"parent sends ping 2: {"round":2,"items":[[2,4],{"nested":[true,null,"x"]}]}"#),
        b(r#"child receives ping 2: {"round":2,"items":[[2,4],{"nested":[true,null,"x"]}]}"#),
        a(r#"parent receives pong 2: [[2,4],{"nested":[true,null,"x"]}]"#),
        a(r#"parent sends ping 3: {"round":3,"items":[[3,6],{"nested":[true,null,"x"]}]}"#),
        b(r#"child receives ping 3: {"round":3,"items":[[3,6],{"nested":[true,null,"x"]}]}"#),
        a(r#"parent receives pong 3: [[3,6],{"nested":[true,null,"x"]}]"#),
        a("child saw these message types: ping, ping, ping, done"),
    ];
    assert_eq!(run.lines, expected);
    assert_eq!(run.outcome, RunOutcome::Idle);
    // The message posted for http://c.test was dropped by the origin check.
    assert_eq!(run.dropped_messages, 1);
}

#[test]
fn target_origin_star_slash_urls_and_syntax_errors() {
    let run = run_page("target-origin");
    let expected = vec![
        a(r#""" throws SyntaxError (code 12, DOMException: true)"#),
        a(r#""a.test" throws SyntaxError (code 12, DOMException: true)"#),
        a(r#""//a.test" throws SyntaxError (code 12, DOMException: true)"#),
        a(r#""http://" throws SyntaxError (code 12, DOMException: true)"#),
        a("no arguments throws TypeError"),
        a("script done"),
        a("received star from http://a.test"),
        a("received slash from http://a.test"),
        a("received own origin from http://a.test"),
        a("received own origin with a path from http://a.test"),
        a("received options with slash from http://a.test"),
        a("received one argument from http://a.test"),
    ];
    assert_eq!(run.lines, expected);
    assert_eq!(run.dropped_messages, 4);
}

#[test]
fn message_event_properties() {
    let run = run_page("event-properties");
    let expected = vec![
        a(r#"type=message origin=http://a.test lastEventId="""#),
        a("source is window: true; isTrusted: true"),
        a("MessageEvent: true; Event: true"),
        a("ports: true 0 frozen true"),
        a("data is a copy: true; cycle kept: true; list: [1,[2,3]]"),
        a("target is window: true; currentTarget is window: true; eventPhase: 2"),
        a("bubbles false cancelable false"),
        a("after dispatch: currentTarget null, eventPhase 0"),
    ];
    assert_eq!(run.lines, expected);
}

#[test]
fn tasks_microtasks_and_timers_in_order() {
    let run = run_page("ordering");
    let expected = vec![
        a("script start"),
        a("script end"),
        a("promise 1"),
        a("queueMicrotask"),
        a("promise 2"),
        a("second script (microtasks of the first already ran)"),
        a("message one"),
        a("microtask after message one"),
        a("second listener one"),
        a("message two"),
        a("microtask after message two"),
        a("second listener two"),
        a("timeout 0"),
        a("timeout 10"),
        a("timeout 1h"),
    ];
    assert_eq!(run.lines, expected);
    assert_eq!(run.outcome, RunOutcome::Idle);
}

#[test]
fn errors_are_reported_and_the_page_goes_on() {
    let run = run_page("errors");
    let expected = vec![
        a("first script"),
        a("Uncaught ReferenceError: undefinedFunction is not defined"),
        a("second script still runs"),
        a("DataCloneError 25 DOMException: true Error: true"),
        a("value.items[3].handler is a function and cannot be cloned"),
        a("DataCloneError"),
        a("getter exception propagates: RangeError: from a getter"),
        a("Uncaught TypeError: listener failed"),
        a("next listener still gets hello"),
    ];
    assert_eq!(run.lines, expected);
}

#[test]
fn cross_origin_iframe_access() {
    let run = run_page("cross-origin");
    let expected = vec![
        b("child: parent === top true; parent !== window true"),
        b("child reading parent.document throws SecurityError"),
        a(r#"parent got {"from":"b"} from http://b.test; source is the frame: true"#),
        b("child load event"),
        a("frames.length 1; frames[0] === contentWindow true; length 1"),
        a("reading document throws SecurityError"),
        a("writing throws SecurityError"),
        a("w.window === w true; w.parent === window true; w.top === window true"),
        a("same postMessage each time: true; typeof function"),
        a("then is undefined: true; w.length 0"),
        a("parent load event (after the iframe's)"),
    ];
    assert_eq!(run.lines, expected);
}
