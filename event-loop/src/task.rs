//! Tasks and task sources.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#concept-task>

use crate::ids::DocumentKey;

/// A task source: every task comes from one, and tasks of one source run in order.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#generic-task-sources>
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskSource {
    /// The DOM manipulation task source.
    DomManipulation,
    /// The user interaction task source.
    UserInteraction,
    /// The networking task source (loading documents and iframes).
    Networking,
    /// The history traversal task source.
    HistoryTraversal,
    /// The posted message task source (`window.postMessage`).
    PostedMessage,
    /// The timer task source (`setTimeout`, `setInterval`).
    Timer,
    /// A port message queue (`MessagePort`), numbered by the embedder.
    PortMessageQueue(u64),
}

/// A task: steps to run (the embedder's payload), its source, and its document.
///
/// Spec: <https://html.spec.whatwg.org/multipage/webappapis.html#concept-task>
#[derive(Debug)]
pub struct Task<T> {
    /// The task source it was queued on.
    pub source: TaskSource,
    /// The document it is associated with, or `None` (always runnable).
    pub document: Option<DocumentKey>,
    /// The steps, as the embedder's data.
    pub steps: T,
}

impl<T> Task<T> {
    /// A task on `source` for `document`.
    pub fn new(source: TaskSource, document: Option<DocumentKey>, steps: T) -> Self {
        Task {
            source,
            document,
            steps,
        }
    }
}
