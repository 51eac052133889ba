//! The port table: every port of a user agent, where it lives, whom it is entangled with,
//! and its port message queue.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports>

use std::collections::{BTreeMap, VecDeque};

use super::{PortId, PortOwner};

/// Where a port is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Place {
    /// It lives at this owner: its tasks run on that agent's event loop.
    Living(PortOwner),
    /// It was shipped (the transfer steps ran) and has not arrived yet.
    InTransit,
}

/// One port.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Port<M> {
    /// The port it is entangled with, if any. Entanglement is symmetric: when `a.peer` is
    /// `Some(b)` then `b` exists and `b.peer` is `Some(a)`.
    pub(super) peer: Option<PortId>,
    pub(super) place: Place,
    /// Whether its port message queue is enabled (`start()`); never while in transit.
    pub(super) enabled: bool,
    /// Its port message queue: the messages posted to it that no task took yet, oldest first.
    pub(super) queue: VecDeque<M>,
    /// Its peer went away and the `close` event has not been fired at it yet (taken by
    /// [`PortTable::take_close`] where it lives then).
    pub(super) close_owed: bool,
}

impl<M> Port<M> {
    /// The owner, if it lives somewhere.
    pub(super) fn owner(&self) -> Option<PortOwner> {
        match self.place {
            Place::Living(owner) => Some(owner),
            Place::InTransit => None,
        }
    }
}

/// The ports of one user agent (the state machine; see the [module documentation]).
///
/// Deterministic (ordered maps, no hashing), and `Clone`/`Eq`/`Hash` when `M` is, so that a
/// model checker can hold it in its states.
///
/// [module documentation]: crate::message_ports
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PortTable<M> {
    pub(super) ports: BTreeMap<PortId, Port<M>>,
    /// The last id given out: ids are never reused.
    last_id: u64,
}

impl<M> Default for PortTable<M> {
    fn default() -> Self {
        PortTable {
            ports: BTreeMap::new(),
            last_id: 0,
        }
    }
}

impl<M> PortTable<M> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// `new MessageChannel()`: two new ports living at `owner`, entangled with each other,
    /// their port message queues empty and disabled. Ids are never reused.
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messagechannel>
    pub fn create_entangled_pair(&mut self, owner: PortOwner) -> (PortId, PortId) {
        // 1. Set this's port 1 to a new MessagePort in this's relevant realm.
        let port1 = self.next_id();
        // 2. Set this's port 2 to a new MessagePort in this's relevant realm.
        let port2 = self.next_id();
        // 3. Entangle this's port 1 and this's port 2.
        // (Two new ports: neither is entangled yet, so step 1 of "entangle" has nothing to do.)
        for (port, peer) in [(port1, port2), (port2, port1)] {
            self.ports.insert(
                port,
                Port {
                    peer: Some(peer),
                    place: Place::Living(owner),
                    enabled: false,
                    queue: VecDeque::new(),
                    close_owed: false,
                },
            );
        }
        (port1, port2)
    }

    fn next_id(&mut self) -> PortId {
        self.last_id += 1;
        PortId(self.last_id)
    }

    /// The port `port` is entangled with, if any (`None` also for an unknown port).
    pub fn entangled_with(&self, port: PortId) -> Option<PortId> {
        self.ports.get(&port).and_then(|p| p.peer)
    }

    /// Where `port` lives; `None` if it is unknown or in transit.
    pub fn owner(&self, port: PortId) -> Option<PortOwner> {
        self.ports.get(&port).and_then(Port::owner)
    }

    /// Whether `port` was shipped and has not arrived yet.
    pub fn is_in_transit(&self, port: PortId) -> bool {
        self.ports
            .get(&port)
            .is_some_and(|p| p.place == Place::InTransit)
    }

    /// Whether `port`'s port message queue is enabled (it was started where it lives now).
    pub fn is_enabled(&self, port: PortId) -> bool {
        self.ports.get(&port).is_some_and(|p| p.enabled)
    }

    /// How many messages wait in `port`'s port message queue (0 for an unknown port).
    pub fn queued(&self, port: PortId) -> usize {
        self.ports.get(&port).map_or(0, |p| p.queue.len())
    }

    /// How many ports are alive (created, not yet closed or discarded).
    pub fn len(&self) -> usize {
        self.ports.len()
    }

    /// Whether no port is alive.
    pub fn is_empty(&self) -> bool {
        self.ports.is_empty()
    }

    /// The ports alive, in id order.
    pub fn ports(&self) -> impl Iterator<Item = PortId> + '_ {
        self.ports.keys().copied()
    }
}
