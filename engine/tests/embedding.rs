//! The embedding API: documents from strings, the window tree, evaluate and post from Rust.

use std::sync::Arc;

use postern::{
    CollectingConsole, CollectingMessages, MemoryLoader, MessageOutcome, ScriptErrorKind,
    UserAgent, Value, WindowInfo,
};

fn user_agent(loader: MemoryLoader, console: &CollectingConsole) -> UserAgent {
    let built = UserAgent::builder()
        .loader(Arc::new(loader))
        .console(Arc::new(console.clone()))
        .virtual_time()
        .build();
    match built {
        Ok(ua) => ua,
        Err(error) => panic!("{error}"),
    }
}

fn find<'a>(windows: &'a [WindowInfo], url: &str) -> &'a WindowInfo {
    windows
        .iter()
        .find(|w| w.url == url)
        .unwrap_or_else(|| panic!("no window at {url}: {windows:#?}"))
}

#[test]
fn an_html_string_with_a_cross_origin_iframe() {
    let console = CollectingConsole::new();
    let loader = MemoryLoader::new().page(
        "http://b.test/child.html",
        "<script>console.log('child', origin); var secret = 'b'</script>",
    );
    let mut ua = user_agent(loader, &console);
    let tab = ua
        .open_html(
            "http://a.test/page",
            "<script>console.log('parent', origin)</script><iframe src='http://b.test/child.html'></iframe>",
        )
        .unwrap();
    ua.run_until_idle();
    assert_eq!(
        console.lines(),
        [
            "[http://a.test] parent http://a.test",
            "[http://b.test] child http://b.test"
        ]
    );
    let windows = ua.windows();
    let top = find(&windows, "http://a.test/page");
    let child = find(&windows, "http://b.test/child.html");
    assert_eq!(ua.active_window(tab), Some(top.handle));
    assert_eq!(top.origin, "http://a.test");
    assert_eq!(top.parent, None);
    assert_eq!(child.origin, "http://b.test");
    assert_eq!(child.parent, Some(top.handle));
    assert_ne!(
        child.agent, top.agent,
        "cross-site windows run on different agents"
    );
    assert!(!child.closed && child.active);
    // Evaluating in the window of the other agent thread.
    assert_eq!(
        ua.evaluate(child.handle, "secret + ':' + origin"),
        Ok(Value::from("b:http://b.test"))
    );
    // The parent cannot read it; the SecurityError comes back as the error.
    let error = ua
        .evaluate(top.handle, "frames[0].secret")
        .expect_err("cross-origin");
    assert_eq!(error.kind, ScriptErrorKind::Thrown);
    assert_eq!(error.name, "SecurityError");
}

#[test]
fn evaluate_returns_objects_arrays_and_errors() {
    let console = CollectingConsole::new();
    let mut ua = user_agent(MemoryLoader::new(), &console);
    let tab = ua
        .open_html("http://a.test/", "<script>var n = 1</script>")
        .unwrap();
    ua.run_until_idle();
    let window = ua.active_window(tab).unwrap();
    assert_eq!(
        ua.evaluate(
            window,
            "({ a: n, b: 'x', c: [true, null, undefined], d: { e: 2n } })"
        ),
        Ok(Value::object([
            ("a", Value::Number(1.0)),
            ("b", Value::from("x")),
            (
                "c",
                Value::Array(vec![Value::Bool(true), Value::Null, Value::Undefined])
            ),
            ("d", Value::object([("e", Value::BigInt("2".into()))])),
        ]))
    );
    assert_eq!(
        ua.evaluate(window, "[1, [2, [3]], 'four']"),
        Ok(Value::Array(vec![
            Value::Number(1.0),
            Value::Array(vec![
                Value::Number(2.0),
                Value::Array(vec![Value::Number(3.0)])
            ]),
            Value::from("four"),
        ]))
    );
    assert_eq!(
        ua.evaluate(window, "new Map([[1, new Set(['s'])]])"),
        Ok(Value::Map(vec![(
            Value::Number(1.0),
            Value::Set(vec![Value::from("s")])
        )]))
    );
    assert_eq!(
        ua.evaluate(window, "new RangeError('out')"),
        Ok(Value::Error {
            name: "RangeError".into(),
            message: "out".into()
        })
    );
    // The last statement's value, as a classic script completes.
    assert_eq!(
        ua.evaluate(window, "var x = 5; x * 2"),
        Ok(Value::Number(10.0))
    );
    // Thrown errors: name, message, stack.
    let error = ua
        .evaluate(window, "function f() { throw new TypeError('bad') } f()")
        .unwrap_err();
    assert_eq!(error.kind, ScriptErrorKind::Thrown);
    assert_eq!(
        (error.name.as_str(), error.message.as_str()),
        ("TypeError", "bad")
    );
    let error = ua.evaluate(window, "throw 'plain'").unwrap_err();
    assert_eq!((error.name.as_str(), error.message.as_str()), ("", "plain"));
    let error = ua.evaluate(window, "let = =").unwrap_err();
    assert_eq!(error.name, "SyntaxError");
    // What cannot be cloned is an error, not a panic.
    for source in ["() => 1", "Symbol('s')", "document", "window"] {
        let error = ua.evaluate(window, source).unwrap_err();
        assert_eq!(
            error.kind,
            ScriptErrorKind::NotCloneable,
            "{source}: {error:?}"
        );
        assert_eq!(error.name, "DataCloneError", "{source}");
    }
    let error = ua.evaluate(window, "const o = {}; o.o = o; o").unwrap_err();
    assert_eq!(error.kind, ScriptErrorKind::NotCloneable);
    // Microtasks run after the script, as after a classic script.
    ua.evaluate(
        window,
        "Promise.resolve().then(() => { globalThis.later = 'ran' })",
    )
    .ok();
    assert_eq!(ua.evaluate(window, "later"), Ok(Value::from("ran")));
    // An evaluated exception is the embedder's, not the page's console's.
    assert!(console.lines().is_empty(), "{:?}", console.lines());
}

#[test]
fn a_message_posted_from_rust_reaches_a_listener_with_the_documented_origin() {
    let console = CollectingConsole::new();
    let traces = CollectingMessages::new();
    let mut ua = user_agent(MemoryLoader::new(), &console);
    ua.observe_messages(Arc::new(traces.clone()));
    let tab = ua
        .open_html(
            "http://a.test/",
            "<script>addEventListener('message', e => console.log(JSON.stringify(e.data), JSON.stringify(e.origin), e.source, e.ports.length))</script>",
        )
        .unwrap();
    ua.run_until_idle();
    let window = ua.active_window(tab).unwrap();
    let message = Value::object([
        ("n", Value::Number(1.0)),
        ("list", Value::from(vec!["a", "b"])),
    ]);
    ua.post_message(window, &message, "*").unwrap();
    ua.post_message(window, &Value::from("exact"), "http://a.test/any/path")
        .unwrap();
    ua.post_message(window, &Value::from("elsewhere"), "http://c.test")
        .unwrap();
    ua.post_message(window, &Value::from("slash"), "/").unwrap();
    let error = ua
        .post_message(window, &Value::from("bad"), "not a url")
        .unwrap_err();
    assert_eq!(error.name, "SyntaxError");
    ua.run_until_idle();
    assert_eq!(
        console.lines(),
        [
            r#"[http://a.test] {"n":1,"list":["a","b"]} "" null 0"#,
            r#"[http://a.test] "exact" "" null 0"#,
        ]
    );
    let outcomes: Vec<(u64, MessageOutcome)> = traces
        .traces()
        .into_iter()
        .filter(|t| t.outcome != MessageOutcome::Posted)
        .map(|t| (t.id.0, t.outcome))
        .collect();
    let delivered = MessageOutcome::Delivered {
        listeners: 1,
        read_origin: true,
        read_source: true,
    };
    assert_eq!(outcomes[0], (1, delivered.clone()));
    assert_eq!(outcomes[1], (2, delivered));
    assert_eq!(
        outcomes[2],
        (
            3,
            MessageOutcome::DroppedOriginMismatch {
                target_origin: "http://c.test".into(),
                document_origin: "http://a.test".into()
            }
        )
    );
    assert!(matches!(
        &outcomes[3],
        (4, MessageOutcome::DroppedOriginMismatch { target_origin, .. }) if target_origin == "null"
    ));
    assert_eq!(outcomes.len(), 4);
    let first = &traces.traces()[0];
    assert_eq!(
        (first.source.window, first.source.origin.as_str()),
        (None, "")
    );
}

#[test]
fn the_tree_after_a_popup_opens_and_closes() {
    let console = CollectingConsole::new();
    let loader = MemoryLoader::new().page("http://a.test/popup.html", "<p>popup</p>");
    let mut ua = user_agent(loader, &console);
    let tab = ua
        .open_html(
            "http://a.test/",
            "<script>var popup = open('http://a.test/popup.html', 'pop')</script>",
        )
        .unwrap();
    ua.run_until_idle();
    let top = ua.active_window(tab).unwrap();
    let windows = ua.windows();
    let popup = find(&windows, "http://a.test/popup.html");
    assert_eq!(popup.opener, Some(top));
    assert_eq!(popup.parent, None);
    assert_eq!(popup.name, "pop");
    assert!(!popup.closed);
    let popup = popup.handle;
    assert_eq!(
        ua.evaluate(popup, "document.body.textContent"),
        Ok(Value::from("popup"))
    );
    ua.evaluate(top, "popup.close()").unwrap();
    ua.run_until_idle();
    let windows = ua.windows();
    let closed = windows.iter().find(|w| w.handle == popup).unwrap();
    assert!(closed.closed, "{closed:?}");
    assert_eq!(ua.evaluate(top, "popup.closed"), Ok(Value::Bool(true)));
    assert!(!find(&windows, "http://a.test/").closed);
    // The closed window cannot be reached any more.
    let error = ua.evaluate(popup, "1").unwrap_err();
    assert_ne!(error.kind, ScriptErrorKind::Thrown);
}

#[test]
fn a_value_nested_too_deeply_is_an_error_not_a_stack_overflow() {
    let console = CollectingConsole::new();
    let mut ua = user_agent(MemoryLoader::new(), &console);
    let tab = ua.open_html("http://a.test/", "").unwrap();
    ua.run_until_idle();
    let window = ua.active_window(tab).unwrap();
    let error = ua
        .evaluate(
            window,
            "let a = []; for (let i = 0; i < 100000; i++) a = [a]; a",
        )
        .unwrap_err();
    assert_eq!(error.kind, ScriptErrorKind::NotCloneable);
    let shallow = ua
        .evaluate(
            window,
            "let b = 1; for (let i = 0; i < 128; i++) b = [b]; b",
        )
        .unwrap();
    assert!(shallow.to_string().starts_with("[[[["));
}
