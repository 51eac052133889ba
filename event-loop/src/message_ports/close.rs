//! Closing: `close()`, disentangling, ports whose document is destroyed, and the `close`
//! event owed to the peer.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#disentangle>

use super::table::{Place, PortTable};
use super::{Disentangled, NoticeKind, PortId, PortNotice};
use crate::ids::{AgentId, DocumentKey};

impl<M> PortTable<M> {
    /// `close()` (and a port that goes away): `port` is disentangled and forgotten. Its own
    /// waiting messages are returned in `dropped` (a closed port delivers nothing more). Its
    /// peer, if any, is no longer entangled and is owed a `close` event, which waits in the
    /// peer's port message queue behind the messages already there: a `Close` notice now if
    /// the peer lives somewhere with its queue enabled (behind those messages' notices),
    /// otherwise from [`PortTable::start`] once it is enabled (also after the peer arrives
    /// somewhere, if it is in transit).
    ///
    /// Closing a port in transit is allowed (that is [`PortTable::discard`]). Idempotent: an
    /// unknown port (closed already) gives an empty result, not an error.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-close>
    pub fn close(&mut self, port: PortId) -> Disentangled<M> {
        // 1. Set this's [[Detached]] internal slot value to true.
        // (The engine's: the object is unusable from now on; the table forgets the port.)
        // 2. If this is entangled, disentangle it.
        self.disentangle(port)
    }

    /// Disentangle `port` (initiatorPort), if it is entangled.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#disentangle>
    pub(super) fn disentangle(&mut self, port: PortId) -> Disentangled<M> {
        let Some(initiator) = self.ports.remove(&port) else {
            return Disentangled::default();
        };
        // Deviation: the port is forgotten with its port message queue, whose messages are
        // returned in `dropped`: a closed port delivers nothing more. The spec leaves the
        // queue in place, and its tasks would still fire `message` at the detached port (WPT
        // webmessaging/message-channels/close.any.js "Close in onmessage should not cancel
        // inflight messages" says so, though it ends at the first message).
        let mut result = Disentangled {
            notices: Vec::new(),
            dropped: initiator.queue.into_iter().collect(),
        };
        // 1. Let otherPort be the MessagePort which initiatorPort was entangled with.
        // 2. Assert: otherPort exists.
        // (close() disentangles only an entangled port: a port without a peer has nothing
        // more to do.)
        let Some(other) = initiator.peer else {
            return result;
        };
        let Some(other_port) = self.ports.get_mut(&other) else {
            return result;
        };
        // 3. Disentangle initiatorPort and otherPort, so that they are no longer entangled or
        //    associated with each other.
        other_port.peer = None;
        // 4. Fire an event named close at otherPort.
        // Deviation: otherPort may live on another agent, or be in transit: the event is owed
        // (`close_owed`) and fired by a task where otherPort lives ([`PortTable::take_close`]),
        // now or once it arrives, once its port message queue is enabled.
        other_port.close_owed = true;
        if let (Place::Living(owner), true) = (other_port.place, other_port.enabled) {
            result.notices.push(PortNotice {
                owner,
                port: other,
                kind: NoticeKind::Close,
            });
        }
        result
    }

    /// The task of a `Close` notice: whether the `close` event is to be fired at `port` on
    /// `agent` now. True once per disentangling, where the port lives when the task runs, once
    /// its port message queue is enabled; false for a stale notice (the port moved on, and its
    /// new home gets its own notice from [`PortTable::arrive`]; or the event was fired
    /// already; or the port is gone), and for a port not started yet: the event waits in its
    /// queue, after the messages posted before it, and [`PortTable::start`] gives its notice.
    pub fn take_close(&mut self, port: PortId, agent: AgentId) -> bool {
        let Some(p) = self.ports.get_mut(&port) else {
            return false;
        };
        match p.place {
            // The close event comes after the messages posted before the peer went away: the
            // queue is enabled and empty (it cannot grow: nothing is entangled with it).
            Place::Living(owner)
                if owner.agent == agent && p.close_owed && p.enabled && p.queue.is_empty() =>
            {
                p.close_owed = false;
                true
            }
            _ => false,
        }
    }

    /// The ports living in `document` when it is destroyed: each is closed (disentangled, a
    /// `Close` notice for its peer) and forgotten with its queue. Ports in transit are not in
    /// any document: they are closed when they arrive and their new document goes, or
    /// discarded if they never arrive.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#disentangle> (the
    /// `close` event note: "the Document was destroyed")
    pub fn document_destroyed(&mut self, document: DocumentKey) -> Disentangled<M> {
        let doomed: Vec<PortId> = self
            .ports
            .iter()
            .filter(|(_, p)| p.owner().is_some_and(|o| o.document == document))
            .map(|(id, _)| *id)
            .collect();
        let mut result = Disentangled::default();
        for port in doomed {
            result.append(self.disentangle(port));
        }
        // A peer that went in the same destruction needs no close event.
        result.notices.retain(|n| self.ports.contains_key(&n.port));
        result
    }
}
