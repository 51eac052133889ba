//! The port table shared by every agent of a user agent.

use std::sync::{Mutex, PoisonError};

use super::table::PortTable;

/// A [`PortTable`] behind a mutex: `Send + Sync` when `M: Send`, shared (by `Arc`) by every
/// agent thread of a user agent.
#[derive(Debug)]
pub struct MessagePorts<M> {
    table: Mutex<PortTable<M>>,
}

impl<M> Default for MessagePorts<M> {
    fn default() -> Self {
        MessagePorts {
            table: Mutex::new(PortTable::new()),
        }
    }
}

impl<M> MessagePorts<M> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `f` on the table under its lock. The lock is never to be held while script runs:
    /// `f` calls table operations and returns what they gave (notices to queue, messages to
    /// deliver), which the caller acts on after the lock is released.
    ///
    /// A lock poisoned by a panic in another caller's `f` is taken anyway (never a panic
    /// here): each table operation leaves the table consistent, and `f` can only have panicked
    /// between two of them.
    ///
    /// Other agents wait for the lock: a memory budget does not stop the thread holding it
    /// ([`crate::memory::NoStopSection`]).
    pub fn with<R>(&self, f: impl FnOnce(&mut PortTable<M>) -> R) -> R {
        let _section = crate::memory::NoStopSection::enter();
        let mut table = self.table.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut table)
    }
}
