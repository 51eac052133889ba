//! The commands a [`crate::Coordinator`] sends to its agents' threads: its own module so that
//! both the agent thread ([`crate::agent_thread`]) and the waiting it does (`wait`) can name
//! them, with imports running one way only (`agent_thread` → `wait` → `control`).

/// Commands from the coordinator to an agent's thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Control {
    /// Virtual time: run until idle (or a budget of turns), then report done with this turn's
    /// number (so a late report of an earlier turn is never taken for this one's).
    Go(u64),
    /// Stop: the user agent shuts down.
    Shutdown,
}
