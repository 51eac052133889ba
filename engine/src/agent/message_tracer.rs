//! The user agent's message tracer: hands [`MessageTrace`]s to the embedder's observer, if
//! one is registered. Without one, tracing costs one flag check per message.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use crate::embedder::message_trace::{
    MessageEndpoint, MessageId, MessageKind, MessageObserver, MessageOutcome, MessageTrace,
};
use crate::ids::WindowId;

/// The registered observer and the next message id (shared by every agent thread).
#[derive(Default)]
pub(crate) struct MessageTracer {
    /// Whether an observer is registered (the one check made when none is).
    enabled: AtomicBool,
    observer: RwLock<Option<Arc<dyn MessageObserver>>>,
    next_id: AtomicU64,
}

/// What a message in flight carries for its trace: its description (the trace with its
/// outcome still `Posted`).
pub(crate) type TraceHeader = Box<MessageTrace>;

impl MessageTracer {
    /// Registers `observer` (replacing any earlier one).
    pub fn set_observer(&self, observer: Arc<dyn MessageObserver>) {
        *self
            .observer
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(observer);
        self.enabled.store(true, Ordering::Release);
    }

    /// Whether messages are traced.
    #[inline]
    pub fn enabled(&self) -> bool {
        self.enabled.load(Ordering::Acquire)
    }

    /// The header of a new message (a fresh id), when tracing; `size` is computed only then.
    pub fn begin(
        &self,
        kind: MessageKind,
        source: MessageEndpoint,
        target: MessageEndpoint,
        target_origin: Option<String>,
        size: impl FnOnce() -> usize,
    ) -> Option<TraceHeader> {
        if !self.enabled() {
            return None;
        }
        Some(Box::new(MessageTrace {
            id: MessageId(self.next_id.fetch_add(1, Ordering::Relaxed) + 1),
            kind,
            source,
            target,
            target_origin,
            size: size(),
            outcome: MessageOutcome::Posted,
        }))
    }

    /// Reports one event of the message `header` describes.
    pub fn report(&self, header: &MessageTrace, outcome: MessageOutcome) {
        let observer = self
            .observer
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        if let Some(observer) = observer {
            let mut trace = header.clone();
            trace.outcome = outcome;
            observer.message(&trace);
        }
    }

    /// Reports the outcome of a message delivered to (or dropped at) `window` of `origin`:
    /// the header's target is completed with them first.
    pub fn report_at(
        &self,
        header: &mut MessageTrace,
        window: WindowId,
        origin: String,
        outcome: MessageOutcome,
    ) {
        header.target = MessageEndpoint {
            window: Some(window),
            origin,
        };
        self.report(header, outcome);
    }
}
