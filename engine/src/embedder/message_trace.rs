//! Message tracing: what happened to every posted message, as plain data the embedder
//! receives (a [`MessageObserver`]) or collects ([`CollectingMessages`]).
//!
//! Every message posted with `window.postMessage()`, with `MessagePort.postMessage()` or from
//! Rust ([`UserAgent::post_message`](crate::UserAgent::post_message)) gets a [`MessageId`] and
//! produces a [`MessageTrace`] when it is posted ([`MessageOutcome::Posted`]) and one more
//! when its fate is known: delivered, dropped by the origin check, target gone, or
//! `messageerror`. The events of one message come in that order; the events of messages
//! handled by different agents interleave as their threads run (under virtual time, in one
//! fixed order).
//!
//! With no observer registered, no trace is made: posting and delivering a message checks one
//! flag.

use std::sync::{Arc, Mutex};

use crate::ids::WindowId;

/// Identifies one posted message across its trace events (1, 2, 3, ... per user agent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MessageId(pub u64);

/// How a message was posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    /// `window.postMessage()` (or [`UserAgent::post_message`](crate::UserAgent::post_message)).
    Window,
    /// `MessagePort.postMessage()`.
    Port,
}

/// One end of a message: a window and its origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageEndpoint {
    /// The window; `None` for a message the embedder posted (as the source), or for a target
    /// not known (a port's peer in transit, a window already gone).
    pub window: Option<WindowId>,
    /// The window's origin, serialized (`"null"` for an opaque origin); `""` for the
    /// embedder, or when not known.
    pub origin: String,
}

/// What happened to a message, in the order it happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageOutcome {
    /// The message was posted: its task (or its port message queue's task) was queued.
    Posted,
    /// A `message` event was fired with it.
    Delivered {
        /// How many listeners ran (event handler attributes included).
        listeners: usize,
        /// Whether any of them read `event.origin`.
        read_origin: bool,
        /// Whether any of them read `event.source`.
        read_source: bool,
    },
    /// The origin check dropped it: the targetOrigin (parsed) was not the target document's
    /// origin.
    DroppedOriginMismatch {
        /// The targetOrigin, parsed and serialized.
        target_origin: String,
        /// The target document's origin, serialized.
        document_origin: String,
    },
    /// Nothing could receive it: the target window (or the port's peer) was gone, or the
    /// port was closed or shipped away with the message unread.
    TargetGone,
    /// It could not be deserialized in the target realm: a `messageerror` event was fired.
    MessageError {
        /// How many listeners of `messageerror` ran.
        listeners: usize,
    },
}

/// One event in the life of a posted message: the message's description and one outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageTrace {
    /// Which message.
    pub id: MessageId,
    /// How it was posted.
    pub kind: MessageKind,
    /// Who posted it (the incumbent window and its origin; for a port, the window its
    /// source port lived in).
    pub source: MessageEndpoint,
    /// Where it goes (for a port message: the window of the port it reached, once delivered).
    pub target: MessageEndpoint,
    /// The `targetOrigin` argument as given (`"*"`, `"/"`, a URL); `None` for port messages.
    pub target_origin: Option<String>,
    /// The size of the serialized record in bytes (its encoded form; transferred buffers'
    /// contents not counted).
    pub size: usize,
    /// What happened.
    pub outcome: MessageOutcome,
}

/// One readable line: `[http://a.test] → http://b.test  targetOrigin=http://c.test  DROPPED
/// (origin mismatch)` (the source's origin, or `embedder`; the target's origin, or `?` when not
/// known; `port` for a MessagePort message; the outcome).
///
/// ```
/// use postern::{MessageEndpoint, MessageId, MessageKind, MessageOutcome, MessageTrace};
///
/// let trace = MessageTrace {
///     id: MessageId(1),
///     kind: MessageKind::Window,
///     source: MessageEndpoint { window: None, origin: "http://a.test".into() },
///     target: MessageEndpoint { window: None, origin: "http://b.test".into() },
///     target_origin: Some("http://c.test".into()),
///     size: 12,
///     outcome: MessageOutcome::DroppedOriginMismatch {
///         target_origin: "http://c.test".into(),
///         document_origin: "http://b.test".into(),
///     },
/// };
/// assert_eq!(
///     trace.to_string(),
///     "[http://a.test] → http://b.test  targetOrigin=http://c.test  DROPPED (origin mismatch)"
/// );
/// ```
impl std::fmt::Display for MessageTrace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let or = |origin: &str, none: &'static str| -> String {
            if origin.is_empty() {
                none.to_owned()
            } else {
                origin.to_owned()
            }
        };
        write!(
            f,
            "[{}] → {}  ",
            or(&self.source.origin, "embedder"),
            or(&self.target.origin, "?")
        )?;
        match &self.target_origin {
            Some(target_origin) => write!(f, "targetOrigin={target_origin}  ")?,
            None => f.write_str("port  ")?,
        }
        match &self.outcome {
            MessageOutcome::Posted => write!(f, "posted ({} bytes)", self.size),
            MessageOutcome::Delivered {
                listeners,
                read_origin,
                read_source,
            } => {
                write!(f, "delivered ({listeners} listeners")?;
                if *read_origin {
                    f.write_str(", read origin")?;
                }
                if *read_source {
                    f.write_str(", read source")?;
                }
                f.write_str(")")
            }
            MessageOutcome::DroppedOriginMismatch { .. } => {
                f.write_str("DROPPED (origin mismatch)")
            }
            MessageOutcome::TargetGone => f.write_str("DROPPED (target gone)"),
            MessageOutcome::MessageError { listeners } => {
                write!(f, "MESSAGEERROR ({listeners} listeners)")
            }
        }
    }
}

/// Receives every [`MessageTrace`] (called on the thread of the agent where it happened, or
/// on the embedder's thread for a message posted from Rust).
pub trait MessageObserver: Send + Sync {
    /// Receives one event.
    fn message(&self, trace: &MessageTrace);
}

impl<F: Fn(&MessageTrace) + Send + Sync> MessageObserver for F {
    fn message(&self, trace: &MessageTrace) {
        self(trace)
    }
}

/// An observer that keeps every trace, in the order received.
///
/// ```
/// use std::sync::Arc;
/// use postern::{CollectingMessages, UserAgent};
///
/// let traces = CollectingMessages::new();
/// let ua = UserAgent::builder().message_observer(Arc::new(traces.clone())).build()?;
/// assert!(traces.traces().is_empty());
/// # drop(ua);
/// # Ok::<(), postern::EngineError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct CollectingMessages {
    traces: Arc<Mutex<Vec<MessageTrace>>>,
}

impl CollectingMessages {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Everything received so far.
    pub fn traces(&self) -> Vec<MessageTrace> {
        match self.traces.lock() {
            Ok(traces) => traces.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }
}

impl MessageObserver for CollectingMessages {
    fn message(&self, trace: &MessageTrace) {
        match self.traces.lock() {
            Ok(mut traces) => traces.push(trace.clone()),
            Err(poisoned) => poisoned.into_inner().push(trace.clone()),
        }
    }
}
