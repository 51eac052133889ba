//! `--trace-messages`: what happened to every posted message, from the engine's message
//! observer ([`postern::MessageObserver`]), printed on standard output among the console
//! lines, in the order it happens.
//!
//! The text format prints each message's fate (not its posting) on one line:
//!
//! ```text
//! [http://a.test] → http://b.test  targetOrigin=http://c.test  DROPPED (origin mismatch)
//! [http://a.test] → http://b.test  targetOrigin=*  DELIVERED (1 listener; read event.origin)
//! [http://b.test] → port → http://a.test  DELIVERED (1 listener)
//! ```
//!
//! `--format json` prints every event, its posting included, as a `message` object: `id`,
//! `kind` (`window`, `port`), `source` and `target` (`window` id or null, `origin`),
//! `target_origin` (as given; null for ports), `size` (bytes serialized), `outcome`
//! (`posted`, `delivered`, `dropped`, `target-gone`, `messageerror`) and the outcome's
//! details (`listeners`, `read_origin`, `read_source`; `document_origin` for `dropped`).

use postern::{MessageEndpoint, MessageKind, MessageObserver, MessageOutcome, MessageTrace};
use serde_json::{Value, json};

use crate::output::{Format, print_json, print_line};

/// Prints every trace in the chosen format.
#[derive(Clone, Copy, Debug)]
pub struct TracePrinter {
    format: Format,
}

impl TracePrinter {
    /// Prints in `format`.
    pub fn new(format: Format) -> Self {
        TracePrinter { format }
    }
}

impl MessageObserver for TracePrinter {
    fn message(&self, trace: &MessageTrace) {
        match self.format {
            Format::Json => print_json(&trace_json(trace)),
            Format::Text => {
                if let Some(line) = trace_text(trace) {
                    print_line(&line);
                }
            }
        }
    }
}

/// An endpoint as the text shows it: its origin; `embedder` for a message posted from Rust;
/// `?` when not known.
fn endpoint_text(endpoint: &MessageEndpoint, is_source: bool) -> String {
    match (endpoint.origin.as_str(), endpoint.window) {
        ("", None) if is_source => "embedder".to_owned(),
        ("", _) => "?".to_owned(),
        (origin, _) => origin.to_owned(),
    }
}

fn listeners_text(listeners: usize) -> String {
    if listeners == 1 {
        "1 listener".to_owned()
    } else {
        format!("{listeners} listeners")
    }
}

/// A message's fate as one readable line; `None` for its posting.
pub fn trace_text(trace: &MessageTrace) -> Option<String> {
    let outcome = match &trace.outcome {
        MessageOutcome::Posted => return None,
        MessageOutcome::Delivered {
            listeners,
            read_origin,
            read_source,
        } => {
            // A port message's event.origin is "": whether it was read says nothing.
            let read = match (trace.kind, read_origin, read_source) {
                (MessageKind::Port, _, _) => "",
                (_, true, true) => "; read event.origin and event.source",
                (_, true, false) => "; read event.origin",
                (_, false, true) => "; read event.source, not event.origin",
                (_, false, false) => "; event.origin not read",
            };
            format!("DELIVERED ({}{read})", listeners_text(*listeners))
        }
        MessageOutcome::DroppedOriginMismatch { .. } => "DROPPED (origin mismatch)".to_owned(),
        MessageOutcome::TargetGone => "DROPPED (target gone)".to_owned(),
        MessageOutcome::MessageError { listeners } => {
            format!("MESSAGEERROR ({})", listeners_text(*listeners))
        }
    };
    let source = endpoint_text(&trace.source, true);
    let target = endpoint_text(&trace.target, false);
    Some(match (trace.kind, &trace.target_origin) {
        (MessageKind::Port, _) => format!("[{source}] → port → {target}  {outcome}"),
        (MessageKind::Window, Some(target_origin)) => {
            format!("[{source}] → {target}  targetOrigin={target_origin}  {outcome}")
        }
        (MessageKind::Window, None) => format!("[{source}] → {target}  {outcome}"),
    })
}

fn endpoint_json(endpoint: &MessageEndpoint) -> Value {
    json!({
        "window": endpoint.window.map(|w| w.0),
        "origin": endpoint.origin,
    })
}

/// Every trace event as a JSON object.
pub fn trace_json(trace: &MessageTrace) -> Value {
    let mut value = json!({
        "type": "message",
        "id": trace.id.0,
        "kind": match trace.kind {
            MessageKind::Window => "window",
            MessageKind::Port => "port",
        },
        "source": endpoint_json(&trace.source),
        "target": endpoint_json(&trace.target),
        "target_origin": trace.target_origin,
        "size": trace.size,
    });
    let details = match &trace.outcome {
        MessageOutcome::Posted => json!({"outcome": "posted"}),
        MessageOutcome::Delivered {
            listeners,
            read_origin,
            read_source,
        } => json!({
            "outcome": "delivered",
            "listeners": listeners,
            "read_origin": read_origin,
            "read_source": read_source,
        }),
        MessageOutcome::DroppedOriginMismatch {
            target_origin,
            document_origin,
        } => json!({
            "outcome": "dropped",
            "reason": "origin mismatch",
            "parsed_target_origin": target_origin,
            "document_origin": document_origin,
        }),
        MessageOutcome::TargetGone => json!({"outcome": "target-gone"}),
        MessageOutcome::MessageError { listeners } => {
            json!({"outcome": "messageerror", "listeners": listeners})
        }
    };
    if let (Value::Object(object), Value::Object(extra)) = (&mut value, details) {
        object.extend(extra);
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use postern::{MessageId, WindowId};

    fn trace(outcome: MessageOutcome) -> MessageTrace {
        MessageTrace {
            id: MessageId(7),
            kind: MessageKind::Window,
            source: MessageEndpoint {
                window: Some(WindowId(1)),
                origin: "http://a.test".into(),
            },
            target: MessageEndpoint {
                window: Some(WindowId(2)),
                origin: "http://b.test".into(),
            },
            target_origin: Some("http://c.test".into()),
            size: 12,
            outcome,
        }
    }

    #[test]
    fn a_dropped_message_reads_as_the_issue_shows_it() {
        let dropped = trace(MessageOutcome::DroppedOriginMismatch {
            target_origin: "http://c.test".into(),
            document_origin: "http://b.test".into(),
        });
        assert_eq!(
            trace_text(&dropped).as_deref(),
            Some(
                "[http://a.test] → http://b.test  targetOrigin=http://c.test  DROPPED (origin mismatch)"
            )
        );
        let value = trace_json(&dropped);
        assert_eq!(value["outcome"], "dropped");
        assert_eq!(value["document_origin"], "http://b.test");
        assert_eq!(value["source"]["window"], 1);
        assert_eq!(value["target_origin"], "http://c.test");
        assert_eq!(value["size"], 12);
        assert_eq!(trace_text(&trace(MessageOutcome::Posted)), None);
    }

    #[test]
    fn deliveries_say_whether_the_origin_was_read() {
        let mut delivered = trace(MessageOutcome::Delivered {
            listeners: 2,
            read_origin: false,
            read_source: false,
        });
        assert_eq!(
            trace_text(&delivered).as_deref(),
            Some(
                "[http://a.test] → http://b.test  targetOrigin=http://c.test  DELIVERED (2 listeners; event.origin not read)"
            )
        );
        delivered.kind = MessageKind::Port;
        delivered.target_origin = None;
        delivered.source = MessageEndpoint {
            window: None,
            origin: String::new(),
        };
        assert_eq!(
            trace_text(&delivered).as_deref(),
            Some("[embedder] → port → http://b.test  DELIVERED (2 listeners)")
        );
        assert_eq!(trace_json(&delivered)["source"]["window"], Value::Null);
    }
}
