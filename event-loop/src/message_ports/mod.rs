//! Message ports across agents: which port is entangled with which, where each port lives,
//! and each port's port message queue — the state behind `MessageChannel` and `MessagePort`
//! that must stay consistent while ports move between agent threads.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#channel-messaging>
//!
//! [`PortTable`] is the state machine, a plain value with no locks and no threads, so that the
//! model checker (`tests/message_ports_model.rs`) drives the very code the engine runs;
//! [`MessagePorts`] is the same table behind a mutex, shared by every agent of a user agent.
//!
//! A port's port message queue lives here, not in an agent: posting appends to the target
//! port's queue under the table's lock and returns a [`PortNotice`] telling the embedder which
//! agent to wake (a task on that agent's event loop); the woken agent calls
//! [`PortTable::take_message`], which hands out the oldest message only if the port still lives
//! in that agent and its queue is enabled. A port in transit keeps its queue here until it
//! arrives, so whatever the interleaving no message is lost or delivered twice, and each
//! sender's messages keep their order. A notice that finds nothing to take (the port moved
//! on, or an earlier notice took the message) is a no-op.
//!
//! A port is in one of these states (`docs/message-ports.md` draws them):
//!
//! - **living** at a [`PortOwner`] (an agent and a document), entangled with its peer or not
//!   (its peer was closed), its queue disabled until [`PortTable::start`];
//! - **in transit** after [`PortTable::ship`] (the transfer steps), its queue kept here, until
//!   [`PortTable::arrive`] (the transfer-receiving steps) makes it live again, entangled with
//!   the same peer, its queue disabled again;
//! - **gone** after [`PortTable::close`] (or [`PortTable::document_destroyed`],
//!   [`PortTable::discard`]): forgotten, its peer disentangled and owed a `close` event.

mod close;
mod post;
mod shared;
mod table;
mod transfer;

#[cfg(test)]
mod tests;

pub use shared::MessagePorts;
pub use table::PortTable;

use crate::ids::{AgentId, DocumentKey};

/// A MessagePort's identity: the same on every agent it moves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PortId(pub u64);

/// Where a port lives: the agent whose event loop runs its tasks, and the document its tasks
/// are associated with (its relevant global's associated Document).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PortOwner {
    /// The agent.
    pub agent: AgentId,
    /// The document.
    pub document: DocumentKey,
}

/// What the embedder must do after a table operation: queue a task on `owner.agent`'s event
/// loop, associated with `owner.document`, that runs `kind` for `port`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PortNotice {
    /// Where the port lives now.
    pub owner: PortOwner,
    /// The port.
    pub port: PortId,
    /// What to run.
    pub kind: NoticeKind,
}

/// What a [`PortNotice`]'s task runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoticeKind {
    /// Take and dispatch the port's next message ([`PortTable::take_message`]).
    Message,
    /// Fire `close` at the port, if [`PortTable::take_close`] says it is still owed there (its
    /// entangled port was closed or went away).
    Close,
}

/// Why a table operation was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
pub enum PortError {
    /// No such port (never created, or forgotten).
    #[error("no such port")]
    Unknown,
    /// The port is in transit: it cannot be used until it arrives.
    #[error("the port is in transit")]
    InTransit,
    /// The port is not in transit (it cannot arrive anywhere).
    #[error("the port is not in transit")]
    NotInTransit,
}

/// What [`PortTable::post_message`] did with a message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PostOutcome<M> {
    /// Queued in the target port's queue; wake this agent (`None`: the target is in transit or
    /// its queue is not enabled, and the message waits).
    Queued(Option<PortNotice>),
    /// The source is not entangled: the message is dropped, and returned so that the ports it
    /// carries can be discarded ([`PortTable::discard`]).
    Dropped(M),
}

/// What disentangling produced: notices to send (`Close` for the peers) and the messages that
/// were waiting in the queues of ports that went away (returned, not dropped silently: the
/// embedder discards the ports they carry and counts them).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Disentangled<M> {
    /// `Close` notices, one per peer that lives somewhere.
    pub notices: Vec<PortNotice>,
    /// Messages that will never be delivered, oldest first per port.
    pub dropped: Vec<M>,
}

impl<M> Default for Disentangled<M> {
    fn default() -> Self {
        Disentangled {
            notices: Vec::new(),
            dropped: Vec::new(),
        }
    }
}

impl<M> Disentangled<M> {
    /// Whether there is nothing to send and nothing was dropped.
    pub fn is_empty(&self) -> bool {
        self.notices.is_empty() && self.dropped.is_empty()
    }

    /// Appends `other`'s notices and dropped messages to these.
    pub fn append(&mut self, mut other: Disentangled<M>) {
        self.notices.append(&mut other.notices);
        self.dropped.append(&mut other.dropped);
    }
}
