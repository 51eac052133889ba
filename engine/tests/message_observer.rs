//! The message observer: every posted message's outcomes, in order.

use std::sync::Arc;

use postern::{
    CollectingConsole, CollectingMessages, MemoryLoader, MessageKind, MessageOutcome, MessageTrace,
    UserAgent,
};

const PARENT: &str = r#"<iframe src="http://b.test/child.html"></iframe>
<script>
  const frame = document.querySelector("iframe");
  frame.onload = () => {
    const child = frame.contentWindow;
    child.postMessage("for b", "http://b.test");
    child.postMessage("for c", "http://c.test");
    setTimeout(() => {
      frame.remove();
      child.postMessage("for nobody", "*");
    }, 10);
  };
</script>"#;

const CHILD: &str = r#"<script>
  onmessage = (e) => console.log("child got", e.data, "from", e.origin);
</script>"#;

fn outcomes_of(traces: &[MessageTrace], id: u64) -> Vec<MessageOutcome> {
    traces
        .iter()
        .filter(|t| t.id.0 == id)
        .map(|t| t.outcome.clone())
        .collect()
}

#[test]
fn the_observer_sees_delivered_dropped_and_target_gone_in_order() {
    let traces = CollectingMessages::new();
    let console = CollectingConsole::new();
    let mut ua = UserAgent::builder()
        .loader(Arc::new(
            MemoryLoader::new().page("http://b.test/child.html", CHILD),
        ))
        .console(Arc::new(console.clone()))
        .message_observer(Arc::new(traces.clone()))
        .virtual_time()
        .build()
        .unwrap();
    ua.open_html("http://a.test/", PARENT).unwrap();
    ua.run_until_idle();
    assert_eq!(
        console.lines(),
        ["[http://b.test] child got for b from http://a.test"]
    );
    let traces = traces.traces();
    assert_eq!(
        outcomes_of(&traces, 1),
        [
            MessageOutcome::Posted,
            MessageOutcome::Delivered {
                listeners: 1,
                read_origin: true,
                read_source: false
            }
        ]
    );
    assert_eq!(
        outcomes_of(&traces, 2),
        [
            MessageOutcome::Posted,
            MessageOutcome::DroppedOriginMismatch {
                target_origin: "http://c.test".into(),
                document_origin: "http://b.test".into()
            }
        ]
    );
    let third = outcomes_of(&traces, 3);
    assert_eq!(third.last(), Some(&MessageOutcome::TargetGone), "{third:?}");
    let first = traces.iter().find(|t| t.id.0 == 1).unwrap();
    assert_eq!(first.kind, MessageKind::Window);
    assert_eq!(first.source.origin, "http://a.test");
    assert_eq!(first.target.origin, "http://b.test");
    assert_eq!(first.target_origin.as_deref(), Some("http://b.test"));
    assert!(first.size > 0);
    // Each message's events come in the order they happened: Posted first.
    assert_eq!(traces.iter().filter(|t| t.id.0 > 3).count(), 0);
}

#[test]
fn port_messages_are_traced_once_they_reach_their_port() {
    let traces = CollectingMessages::new();
    let mut ua = UserAgent::builder()
        .console(Arc::new(CollectingConsole::new()))
        .message_observer(Arc::new(traces.clone()))
        .virtual_time()
        .build()
        .unwrap();
    ua.open_html(
        "http://a.test/",
        r#"<script>
          const { port1, port2 } = new MessageChannel();
          port2.onmessage = (e) => e.source;
          port1.postMessage({ n: 1 });
        </script>"#,
    )
    .unwrap();
    ua.run_until_idle();
    let traces = traces.traces();
    assert_eq!(
        outcomes_of(&traces, 1),
        [
            MessageOutcome::Posted,
            MessageOutcome::Delivered {
                listeners: 1,
                read_origin: false,
                read_source: true
            }
        ]
    );
    assert_eq!(traces[0].kind, MessageKind::Port);
    assert_eq!(traces[0].target_origin, None);
    assert_eq!(traces[1].target.origin, "http://a.test");
}

#[test]
fn without_an_observer_nothing_is_traced() {
    let mut ua = UserAgent::builder()
        .console(Arc::new(CollectingConsole::new()))
        .virtual_time()
        .build()
        .unwrap();
    ua.open_html("http://a.test/", "<script>postMessage(1, '*')</script>")
        .unwrap();
    ua.run_until_idle();
    let traces = CollectingMessages::new();
    ua.observe_messages(Arc::new(traces.clone()));
    assert!(traces.traces().is_empty());
}

#[test]
fn a_port_message_left_unread_when_its_port_closes_is_target_gone() {
    let traces = CollectingMessages::new();
    let mut ua = UserAgent::builder()
        .console(Arc::new(CollectingConsole::new()))
        .message_observer(Arc::new(traces.clone()))
        .virtual_time()
        .build()
        .unwrap();
    ua.open_html(
        "http://a.test/",
        r#"<script>
          const { port1, port2 } = new MessageChannel();
          port2.onmessage = () => console.log("never");
          port1.postMessage("unread");
          port2.close();
        </script>"#,
    )
    .unwrap();
    ua.run_until_idle();
    assert_eq!(
        outcomes_of(&traces.traces(), 1),
        [MessageOutcome::Posted, MessageOutcome::TargetGone]
    );
}
