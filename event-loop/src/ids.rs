//! Typed ids used by event loops.

/// An agent: one event loop, on one thread, running the realms of one agent cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgentId(pub u64);

/// The document a task belongs to, as the embedder numbers documents. A task with a
/// document is runnable only while that document is fully active.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentKey(pub u64);

/// One pending "run steps after a timeout" wait on an event loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimerKey(pub u64);
