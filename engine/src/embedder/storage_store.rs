//! What the embedder hands in to keep `localStorage` across runs: a store that loads an
//! origin's items when its storage bottle is first needed, and saves them when the user
//! agent shuts down (or [`UserAgent::flush_storage`](crate::UserAgent::flush_storage) is
//! called).
//!
//! Spec: <https://storage.spec.whatwg.org/#persistence> (a user agent keeps local storage
//! bottles across sessions; how is the user agent's).

use std::collections::HashMap;
use std::sync::Mutex;

/// The items of one origin's `localStorage`, in their order.
pub type StorageItems = Vec<(String, String)>;

/// A place where `localStorage` outlives a user agent: per origin (its ASCII
/// serialization, such as `http://a.test`), the items in order.
pub trait StorageStore: Send + Sync {
    /// The items kept for `origin` (empty when none).
    fn load(&self, origin: &str) -> StorageItems;
    /// Keeps `items` as `origin`'s (replacing what was kept).
    fn save(&self, origin: &str, items: &[(String, String)]);
}

/// A [`StorageStore`] in memory: share one (in an `Arc`) between user agents to keep
/// `localStorage` from one run to the next within a process.
#[derive(Debug, Default)]
pub struct MemoryStorageStore {
    origins: Mutex<HashMap<String, StorageItems>>,
}

impl MemoryStorageStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

impl StorageStore for MemoryStorageStore {
    fn load(&self, origin: &str) -> StorageItems {
        let origins = self
            .origins
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        origins.get(origin).cloned().unwrap_or_default()
    }

    fn save(&self, origin: &str, items: &[(String, String)]) {
        let mut origins = self
            .origins
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        origins.insert(origin.to_owned(), items.to_vec());
    }
}
