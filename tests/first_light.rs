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
fn messages_to_a_gone_window_are_counted_dropped() {
    let run = run_page("gone-target");
    // The message posted before the removal was queued to the child's agent, but the child's
    // document stopped being fully active before it ran: it never arrives (and is not counted,
    // as it never ran). The two posted after the removal find no window and are counted.
    let expected = vec![
        a("removed; closed: true"),
        a("posted after removal without an exception"),
    ];
    assert_eq!(run.lines, expected);
    assert_eq!(run.outcome, RunOutcome::Idle);
    assert_eq!(run.dropped_messages, 2);
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
        // The child (another site) runs on its own agent thread: under virtual time the
        // agents take turns in a fixed order, so its load event comes before the parent's
        // agent delivers the message (a browser with site isolation may print either order).
        b("child load event"),
        a(r#"parent got {"from":"b"} from http://b.test; source is the frame: true"#),
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

#[test]
fn dom_basics() {
    let run = run_page("dom-basics");
    let expected = vec![
        a("helper script ran"),
        a("readyState while parsing: loading"),
        a("typeof Node: function; Node.name: Node; ELEMENT_NODE 1 3"),
        a("new Node(): TypeError true"),
        a("Element(): TypeError"),
        a(
            "main instanceof: HTMLDivElement true, HTMLElement true, Element true, Node true, EventTarget true, Text false",
        ),
        a("document instanceof: HTMLDocument true, Document true, Node true, Element false"),
        a(
            "window instanceof EventTarget: true; Object.prototype.toString: [object HTMLDocument] [object HTMLDivElement]",
        ),
        a("chain: true true true true true true"),
        a(
            "Element.prototype.constructor === Element: true; own tagName: false; on prototype: true",
        ),
        a("nodeType: 9 1 3 8 10"),
        a("nodeName: #document DIV #text #comment html"),
        a("parentNode: true true null; parentElement of html: null"),
        a("siblings: true true null null"),
        a("childNodes: 2 true true; hasChildNodes true false"),
        a(r#"textContent: "Hello there" " note " null"#),
        a("ownerDocument: true null; isConnected true"),
        a("contains: true true false false true"),
        a("same wrapper: true true"),
        a(r#"tagName DIV localName div id main className "box wide""#),
        a("after set: renamed narrow byId true null"),
        a("attributes: box true null false"),
        a("removed: false"),
        a(r#"setAttribute("a b"): InvalidCharacterError 5"#),
        a("children: 1 true firstElementChild P span SPAN"),
        a("querySelector: there null 2 long 2"),
        a("getElementsByTagName: 2 1 13"),
        a("invalid selector: SyntaxError 12"),
        a("meta: timeout=long true"),
        a(
            "a: href=http://a.test/other/page.html?q=1#top name=anchor instanceof HTMLAnchorElement true",
        ),
        a("link: http://a.test/spec.html#nodes rel=help"),
        a(r#"script: src=http://a.test/helper.js type=text/javascript; inline src """#),
        a("href set: https://example.test/x"),
        a("data: Hello  length 6 note instanceof Text true CharacterData true Comment true"),
        a("after data set: Hi there emoji length 2"),
        a(r#"title: "DOM basics: nodes and wrappers""#),
        a("URL http://a.test/ documentURI http://a.test/"),
        a("doctype: true html true"),
        a("documentElement HTML head HEAD body BODY defaultView true"),
        a("createElement: DIV div null false true"),
        a(r#"createElement("1abc"): InvalidCharacterError 5"#),
        a("appendChild returns its argument: true; new text 1"),
        a("insertBefore: true true"),
        a("connected: true true"),
        a("removeChild returns its argument: true; null 1"),
        a("removeChild of a non-child: NotFoundError 8"),
        a("appendChild(itself): HierarchyRequestError 3"),
        a("text under document: HierarchyRequestError"),
        a(r#"appendChild("text"): TypeError"#),
        a("textContent set: 1 replaced"),
        a(r#"textContent null: 0 """#),
        a("iframe inserted: true true src=about:blank"),
        a(r#"title set: "New title" 1"#),
        a("DOMContentLoaded: readyState interactive"),
        a("load: readyState complete; readystatechange saw interactive, complete"),
    ];
    assert_eq!(run.lines, expected);
}

#[test]
fn error_events_and_unhandled_rejections() {
    let run = run_page("error-events");
    let expected = vec![
        a("error event: ErrorEvent true true type=error cancelable=true isTrusted=true"),
        a(
            "message=Uncaught TypeError: first; error is the thrown value: true; filename=http://a.test/; target is window: true",
        ),
        a("lineno > 0: true; colno > 0: true"),
        a(
            "onerror: Uncaught RangeError: second | http://a.test/ | number number | RangeError | this is window: true | 5 arguments",
        ),
        a("Uncaught EvalError: third"),
        a("listener sees: Uncaught a string"),
        a("Uncaught Error: from the error listener"),
        a("Uncaught a string"),
        a("constructed: m true 7 4294967295 null false false undefined"),
        a("constructed: true r unhandledrejection"),
        a("missing promise: TypeError"),
        a("script end"),
        a("caught: caught in the same checkpoint"),
        a("handled before the task ran"),
        a(
            "unhandledrejection: PromiseRejectionEvent true cancelable=true isTrusted=true promise ok: true reason=Error: nobody catches this",
        ),
        a("Uncaught (in promise) Error: nobody catches this"),
        a(
            "unhandledrejection: PromiseRejectionEvent true cancelable=true isTrusted=true promise ok: true reason=42",
        ),
        a("from a timer: Uncaught SyntaxError: in a timer"),
    ];
    assert_eq!(run.lines, expected);
    assert_eq!(run.outcome, RunOutcome::Idle);
}

#[test]
fn timeouts_are_clamped_after_five_nesting_levels() {
    let run = run_page("timer-clamp");
    // Callbacks 1-6 run at nesting levels 1-6 with no clamp (the third asks for 1 ms); the
    // seventh and later were scheduled at a nesting level above 5: 4 ms each.
    assert_eq!(
        run.lines,
        vec![a("callbacks at 0, 0, 0, 1, 1, 1, 5, 9, 13")]
    );
}

#[test]
fn an_endless_transfer_list_is_a_range_error() {
    let run = run_page("endless-transfer");
    let expected = vec![
        a("postMessage: RangeError"),
        a("structuredClone: RangeError"),
        a("postMessage with an object and a list: SyntaxError"),
        a("the page goes on"),
    ];
    assert_eq!(run.lines, expected);
    assert_eq!(run.dropped_messages, 0);
}
