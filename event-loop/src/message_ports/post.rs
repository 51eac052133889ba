//! Posting: the message port post message steps, `start()`, and the task that delivers a
//! message.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-port-post-message-steps>

use super::table::{Place, PortTable};
use super::{NoticeKind, PortError, PortId, PortNotice, PostOutcome};
use crate::ids::AgentId;

impl<M> PortTable<M> {
    /// `postMessage()` from `source`: the table's part of the message port post message steps,
    /// for a `message` the engine has serialized (step 6, with its transfers: the ports it
    /// carries were shipped, [`PortTable::ship`]).
    ///
    /// Returns `Err(Unknown)` for an unknown `source`, `Err(InTransit)` if `source` itself was
    /// shipped (a shipped port is detached where it was: nobody can post from it until it
    /// arrives). A `source` that is not entangled drops the message: `Ok(Dropped(message))`.
    /// Otherwise the message is appended to the target's queue: `Ok(Queued(Some(notice)))`, a
    /// `Message` notice for the agent the target lives at, when its queue is enabled there;
    /// `Ok(Queued(None))` when the target is in transit or its queue is disabled (the message
    /// waits: [`PortTable::start`] or [`PortTable::arrive`] and then `start` wake it).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-postmessage>
    /// and <https://html.spec.whatwg.org/multipage/web-messaging.html#message-port-post-message-steps>
    pub fn post_message(
        &mut self,
        source: PortId,
        message: M,
    ) -> Result<PostOutcome<M>, PortError> {
        let source_port = self.ports.get(&source).ok_or(PortError::Unknown)?;
        if source_port.place == Place::InTransit {
            return Err(PortError::InTransit);
        }
        // 1. Let targetPort be the port with which sourcePort is entangled, if any; otherwise
        //    let it be null.
        let target = source_port.peer;
        // Steps 2 to 6 (the transfer list checks, "doomed", StructuredSerializeWithTransfer)
        // are the engine's: `message` is their result. A doomed message (its transfer list
        // holds targetPort) is the engine's to drop at step 7, without calling this.
        // 7. If targetPort is null, or if doomed is true, then return.
        let Some(target) = target else {
            return Ok(PostOutcome::Dropped(message));
        };
        let Some(target_port) = self.ports.get_mut(&target) else {
            // Unreachable while entanglement is symmetric; dropping is the safe answer.
            return Ok(PostOutcome::Dropped(message));
        };
        // 8. Add a task that runs the following steps to the port message queue of targetPort:
        //    (the task's steps, 8.1 to 8.6, are the engine's: it runs them with the message
        //    `take_message` gives it; finalTargetPort (8.1) is the port the queue belongs to
        //    when the task runs, wherever the port moved in between.)
        target_port.queue.push_back(message);
        let notice = match target_port.place {
            Place::Living(owner) if target_port.enabled => Some(PortNotice {
                owner,
                port: target,
                kind: NoticeKind::Message,
            }),
            _ => None,
        };
        Ok(PostOutcome::Queued(notice))
    }

    /// `start()`: enable the port message queue of `port`, if it is not already enabled.
    /// Returns one `Message` notice (for where `port` lives) per message waiting in it, then a
    /// `Close` notice if a `close` event waits behind them; nothing if it was already enabled
    /// (the waiting messages and the close event have their notices already).
    ///
    /// `Err(Unknown)` for an unknown port, `Err(InTransit)` for a shipped one.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-start>
    pub fn start(&mut self, port: PortId) -> Result<Vec<PortNotice>, PortError> {
        let p = self.ports.get_mut(&port).ok_or(PortError::Unknown)?;
        let Place::Living(owner) = p.place else {
            return Err(PortError::InTransit);
        };
        // The start() method steps are to enable this's port message queue, if it is not
        // already enabled.
        if p.enabled {
            return Ok(Vec::new());
        }
        p.enabled = true;
        // "When a port's port message queue is enabled, the event loop must use it as one of
        // its task sources": each waiting task becomes runnable, one notice each.
        let notice = PortNotice {
            owner,
            port,
            kind: NoticeKind::Message,
        };
        let mut notices = vec![notice; p.queue.len()];
        // Deviation (as Chromium): the `close` event owed to a port whose queue was disabled
        // waits in it, behind the messages posted before the peer went away.
        if p.close_owed {
            notices.push(PortNotice {
                kind: NoticeKind::Close,
                ..notice
            });
        }
        Ok(notices)
    }

    /// The task of a `Message` notice: removes and returns the oldest message of `port`'s
    /// queue if `port` lives at `agent` and its queue is enabled; otherwise `None` (a stale
    /// notice: the port moved, was closed, or an earlier notice took the message), which the
    /// embedder ignores.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-port-post-message-steps>
    /// (the task of step 7)
    pub fn take_message(&mut self, port: PortId, agent: AgentId) -> Option<M> {
        let p = self.ports.get_mut(&port)?;
        match p.place {
            Place::Living(owner) if owner.agent == agent && p.enabled => p.queue.pop_front(),
            _ => None,
        }
    }
}
