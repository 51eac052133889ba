//! Moving a port between agents: the transfer steps and transfer-receiving steps of
//! `MessagePort`, and a transfer that never arrives.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports>
//! (`MessagePort` objects are transferable objects)

use super::table::{Place, PortTable};
use super::{Disentangled, PortError, PortId, PortOwner};

impl<M> PortTable<M> {
    /// The transfer steps of `port` (run while the message carrying it is serialized): the
    /// port leaves where it lived and is in transit; its port message queue stays in the table
    /// and travels with it; it stays entangled with its peer, which keeps posting to it.
    ///
    /// `Err(Unknown)` for an unknown port; `Err(InTransit)` if it was shipped already (the
    /// engine refuses a double transfer first, as a detached port, but the table refuses too).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports>
    /// (the transfer steps, given value and dataHolder)
    pub fn ship(&mut self, port: PortId) -> Result<(), PortError> {
        let p = self.ports.get_mut(&port).ok_or(PortError::Unknown)?;
        if p.place == Place::InTransit {
            return Err(PortError::InTransit);
        }
        // 1. Set value's has been shipped flag to true.
        // (The has been shipped flags choose between the unshipped port message queue and the
        // port's own as a task source: the embedder's choice when it queues a notice's task.)
        // 2. Set dataHolder.[[PortMessageQueue]] to value's port message queue.
        // The queue stays here, keyed by the port's id, which the data holder carries; the
        // queue is no longer any agent's task source.
        p.place = Place::InTransit;
        p.enabled = false;
        // 3. If value is entangled with another port remotePort, then:
        //    1. Set remotePort's has been shipped flag to true.
        //    2. Set dataHolder.[[RemotePort]] to remotePort.
        // 4. Otherwise, set dataHolder.[[RemotePort]] to null.
        // The entanglement stays recorded in the table: `peer` is dataHolder.[[RemotePort]].
        Ok(())
    }

    /// The transfer-receiving steps of `port`: it arrives at `owner` and lives there, still
    /// entangled with the port it was entangled with when shipped (unless that one was closed
    /// meanwhile), its queue disabled (the messages waiting in it are delivered once it is
    /// started there).
    ///
    /// A `close` event still owed to `port` (its peer went away while it was in transit, or
    /// before its close notice ran where it was) waits in its queue, which is disabled: it is
    /// delivered once, at its new home, after [`PortTable::start`] there. `Err(Unknown)` for
    /// an unknown port, `Err(NotInTransit)` for one that was not shipped.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports>
    /// (the transfer-receiving steps, given dataHolder and value)
    pub fn arrive(&mut self, port: PortId, owner: PortOwner) -> Result<(), PortError> {
        let p = self.ports.get_mut(&port).ok_or(PortError::Unknown)?;
        if p.place != Place::InTransit {
            return Err(PortError::NotInTransit);
        }
        // 1. Set value's has been shipped flag to true.
        // 2. Move all the tasks that are to fire message events in dataHolder.[[PortMessageQueue]]
        //    to the port message queue of value, if any, leaving value's port message queue in
        //    its initial disabled state, and, if value's relevant global object is a Window,
        //    associating the moved tasks with value's relevant global object's associated
        //    Document.
        // The queue never left the table: the port lives at `owner` now (its notices name
        // `owner.document`), disabled.
        p.place = Place::Living(owner);
        p.enabled = false;
        // 3. If dataHolder.[[RemotePort]] is not null, then entangle dataHolder.[[RemotePort]]
        //    and value. (This will disentangle dataHolder.[[RemotePort]] from the original port
        //    that was transferred.)
        // The original port and value share the id, so `peer` is already right: the peer stays
        // entangled with this id across the move, and nothing is disentangled.
        Ok(())
    }

    /// A port in transit that will never arrive (the message carrying it was dropped or
    /// discarded): closed and forgotten, like [`PortTable::close`] — its peer is disentangled
    /// and owed a `close` event, and the messages waiting in its queue are returned in
    /// `dropped` (their own ports are to be discarded in turn).
    ///
    /// A port that is unknown or not in transit is left alone (empty result): only a shipped
    /// port can be lost on the way.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#ports-and-garbage-collection>
    /// (a port that can never be reached is garbage collected, which disentangles it)
    pub fn discard(&mut self, port: PortId) -> Disentangled<M> {
        if !self.is_in_transit(port) {
            return Disentangled::default();
        }
        self.disentangle(port)
    }
}
