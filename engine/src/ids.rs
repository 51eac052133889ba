//! Typed ids of the engine crate.

pub use postern_dom::{BrowsingContextId, DocumentId, NodeId};
pub use postern_event_loop::{AgentId, PortId};

/// A Window object (one per document that has been loaded into a browsing context).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WindowId(pub u64);

/// A `setTimeout`/`setInterval` handle as scripts see it (always > 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimerHandle(pub i32);

/// A map keyed by typed ids (or keys made of them): hashed with foldhash, several times
/// faster than the default SipHash on an integer key. Only for keys the engine hands out,
/// never for strings a page controls (SipHash keeps those safe from collision floods).
pub type IdMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
