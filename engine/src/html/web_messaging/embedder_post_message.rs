//! Messages the embedder posts (`UserAgent::post_message`): the window post message steps
//! with the embedder, not a script, as the sender.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps>

use postern_clone::{SerializedRecord, SerializedWithTransfer};
use postern_dom::Origin;
use postern_event_loop::{Task, TaskSource};

use crate::agent::tasks::{AgentTask, PostedMessage};
use crate::agent::user_agent::UserAgentShared;
use crate::agent::window::document_key;
use crate::embedder::message_trace::{MessageEndpoint, MessageKind, MessageOutcome};
use crate::html::web_messaging::post_message::{parse_target_origin, record_size};
use crate::ids::WindowId;

/// The window post message steps, run by the embedder (`UserAgent::post_message`) rather
/// than by a script: there is no incumbent settings object, so the message's `origin` is
/// `""` and its `source` null, and a targetOrigin of `"/"` stands for an opaque origin (the
/// embedder's), which no document is same origin with. Returns `None` when `target_origin`
/// does not parse (the caller's "SyntaxError").
///
/// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps>
pub(crate) fn embedder_window_post_message_steps(
    ua: &UserAgentShared,
    target_window: WindowId,
    serialized: SerializedRecord,
    target_origin: &str,
) -> Option<()> {
    // 1. Let targetRealm be targetWindow's realm.
    // 2. Let incumbentSettings be the incumbent settings object.
    //    Deviation: the embedder has none; its origin is a new opaque origin.
    let incumbent_origin = Origin::new_opaque();
    // 3-5. Let targetOrigin be options["targetOrigin"], resolved against the incumbent; if
    //      it does not parse, throw a "SyntaxError" DOMException.
    let parsed = parse_target_origin(target_origin, &incumbent_origin)?;
    // 6. Let transfer be options["transfer"]: empty (nothing a Rust value holds transfers).
    // 7. Let serializeWithTransferResult be StructuredSerializeWithTransfer(message,
    //    transfer): the caller serialized the value from the native model.
    let record = SerializedWithTransfer {
        serialized,
        transfer_data_holders: Vec::new(),
    };
    let entry = ua.window_entry(target_window);
    let trace = ua.messages.begin(
        MessageKind::Window,
        MessageEndpoint {
            window: None,
            origin: String::new(),
        },
        MessageEndpoint {
            window: Some(target_window),
            origin: entry
                .as_ref()
                .map(|e| e.origin.ascii_serialization())
                .unwrap_or_default(),
        },
        Some(target_origin.to_owned()),
        || record_size(&record.serialized),
    );
    // 8. Queue a global task on the posted message task source given targetWindow.
    let Some(entry) = entry else {
        ua.count_dropped_message();
        if let Some(trace) = &trace {
            ua.messages.report(trace, MessageOutcome::TargetGone);
        }
        return Some(());
    };
    if let Some(trace) = &trace {
        ua.messages.report(trace, MessageOutcome::Posted);
    }
    let task = Task::new(
        TaskSource::PostedMessage,
        Some(document_key(entry.document)),
        AgentTask::PostedMessage(Box::new(PostedMessage {
            target: target_window,
            target_origin: parsed,
            sender: None,
            record: record.into(),
            trace,
        })),
    );
    if !ua.send_task(entry.agent, task) {
        ua.count_dropped_message();
    }
    Some(())
}
