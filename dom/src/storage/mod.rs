//! The Storage Standard's storage bottles as Web Storage uses them: one map of strings per
//! storage key (an origin for `localStorage`; a top-level traversable and an origin for
//! `sessionStorage`), with a quota.
//!
//! Spec: <https://storage.spec.whatwg.org/#model>, <https://html.spec.whatwg.org/multipage/webstorage.html>

use std::collections::HashMap;

use indexmap::IndexMap;
use thiserror::Error;

use crate::ids::BrowsingContextId;

/// The most a storage bottle holds here: 5 Mi UTF-16 code units of keys and values per
/// storage key (what Firefox counts as its 5 MiB, and what Chromium's 10 MiB of UTF-16 bytes
/// hold).
pub const STORAGE_QUOTA_BYTES: usize = 5 * 1024 * 1024;

/// Which storage a bottle belongs to, and for whom.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StorageKey {
    /// `localStorage` of an origin (its ASCII serialization; never an opaque origin).
    Local(String),
    /// `sessionStorage` of an origin in one top-level traversable.
    Session(BrowsingContextId, String),
}

/// Setting an item would go past the bottle's quota.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error("the storage quota ({STORAGE_QUOTA_BYTES} UTF-16 code units) would be exceeded")]
pub struct QuotaExceeded;

/// A storage bottle's map (an ordered map: keys in insertion order) and its size.
///
/// Spec: <https://storage.spec.whatwg.org/#storage-bottle>
#[derive(Clone, Debug, Default)]
pub struct StorageBottle {
    map: IndexMap<String, String>,
    /// The UTF-16 code units its keys and values take.
    bytes: usize,
}

fn utf16_bytes(s: &str) -> usize {
    s.encode_utf16().count()
}

impl StorageBottle {
    /// The number of items.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether it holds no item.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The `n`th key, in insertion order.
    pub fn key(&self, n: usize) -> Option<&str> {
        self.map.get_index(n).map(|(k, _)| k.as_str())
    }

    /// The value for `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.map.get(key).map(String::as_str)
    }

    /// The keys, in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    /// Sets `key` to `value`: the old value (`None`: there was none), or the quota error
    /// (nothing changed then).
    pub fn set(&mut self, key: &str, value: &str) -> Result<Option<String>, QuotaExceeded> {
        let old_size = self
            .map
            .get(key)
            .map_or(0, |old| utf16_bytes(key) + utf16_bytes(old));
        let new_size = utf16_bytes(key) + utf16_bytes(value);
        let total = self.bytes - old_size + new_size;
        if total > STORAGE_QUOTA_BYTES {
            return Err(QuotaExceeded);
        }
        self.bytes = total;
        Ok(self.map.insert(key.to_string(), value.to_string()))
    }

    /// Removes `key`: its old value, if it had one.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        let old = self.map.shift_remove(key)?;
        self.bytes -= utf16_bytes(key) + utf16_bytes(&old);
        Some(old)
    }

    /// Removes every item: whether there was any.
    pub fn clear(&mut self) -> bool {
        let had = !self.map.is_empty();
        self.map.clear();
        self.bytes = 0;
        had
    }
}

/// Every storage bottle of a user agent, by storage key (the storage shed).
///
/// Spec: <https://storage.spec.whatwg.org/#storage-shed>
#[derive(Debug, Default)]
pub struct StorageShed {
    bottles: HashMap<StorageKey, StorageBottle>,
}

impl StorageShed {
    /// The bottle for `key`, made empty when first asked for (obtain a storage bottle map).
    pub fn bottle(&mut self, key: &StorageKey) -> &mut StorageBottle {
        self.bottles.entry(key.clone()).or_default()
    }

    /// The bottle for `key`, if it holds anything.
    pub fn existing(&self, key: &StorageKey) -> Option<&StorageBottle> {
        self.bottles.get(key)
    }

    /// Legacy-clone a traversable storage shed: every `sessionStorage` bottle of the
    /// top-level traversable `a` is copied (a clone of its map) into `b`'s, for the same
    /// origin (a popup opened without `noopener` starts with its opener's session storage).
    ///
    /// Spec: <https://html.spec.whatwg.org/multipage/document-sequences.html#legacy-clone-a-traversable-storage-shed>
    pub fn legacy_clone_a_traversable_storage_shed(
        &mut self,
        a: BrowsingContextId,
        b: BrowsingContextId,
    ) {
        // 1. For each key → shelf of A's storage shed:
        let copies: Vec<(StorageKey, StorageBottle)> = self
            .bottles
            .iter()
            .filter_map(|(key, bottle)| match key {
                StorageKey::Session(top, origin) if *top == a => {
                    Some((StorageKey::Session(b, origin.clone()), bottle.clone()))
                }
                _ => None,
            })
            .collect();
        for (key, bottle) in copies {
            // 1.1. Let newShelf be the result of running create a storage shelf with
            //      "session".
            // 1.2. Set newShelf's bucket map["default"]'s bottle map["sessionStorage"]'s
            //      map to a clone of shelf's bucket map["default"]'s bottle
            //      map["sessionStorage"]'s map.
            // 1.3. Set B's storage shed[key] to newShelf.
            self.bottles.insert(key, bottle);
        }
    }

    /// Every `localStorage` bottle: its origin and its items in order (what an embedder's
    /// store keeps between runs).
    pub fn local_bottles(&self) -> impl Iterator<Item = (&str, &StorageBottle)> {
        self.bottles.iter().filter_map(|(key, bottle)| match key {
            StorageKey::Local(origin) => Some((origin.as_str(), bottle)),
            StorageKey::Session(..) => None,
        })
    }

    /// Whether a bottle for `key` exists (it was obtained, or loaded).
    pub fn contains(&self, key: &StorageKey) -> bool {
        self.bottles.contains_key(key)
    }

    /// Puts `bottle` in for `key` (a bottle an embedder's store had kept).
    pub fn insert(&mut self, key: StorageKey, bottle: StorageBottle) {
        self.bottles.insert(key, bottle);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_insertion_order_and_sizes() {
        let mut bottle = StorageBottle::default();
        assert_eq!(bottle.set("b", "1"), Ok(None));
        assert_eq!(bottle.set("a", "2"), Ok(None));
        assert_eq!(bottle.set("b", "3"), Ok(Some("1".into())));
        assert_eq!(bottle.key(0), Some("b"));
        assert_eq!(bottle.key(1), Some("a"));
        assert_eq!(bottle.key(2), None);
        assert_eq!(bottle.remove("b"), Some("3".into()));
        assert_eq!(bottle.key(0), Some("a"));
        assert_eq!(bottle.bytes, 2);
        assert!(bottle.clear());
        assert!(!bottle.clear());
        assert_eq!(bottle.bytes, 0);
    }

    #[test]
    fn the_quota_counts_utf16_bytes_of_keys_and_values() {
        let mut bottle = StorageBottle::default();
        let half = "x".repeat(STORAGE_QUOTA_BYTES / 2);
        assert_eq!(bottle.set("k", &half), Ok(None));
        assert_eq!(
            bottle.set("l", &half),
            Err(QuotaExceeded),
            "2 + 2 × half > quota"
        );
        assert_eq!(bottle.len(), 1, "nothing changed");
        // Replacing a value counts the new size, not both.
        assert_eq!(bottle.set("k", &half), Ok(Some(half.clone())));
        assert!(bottle.remove("k").is_some());
        assert_eq!(bottle.set("l", &half), Ok(None));
    }

    #[test]
    fn legacy_clone_copies_session_bottles_only() {
        let mut shed = StorageShed::default();
        let (a, b) = (BrowsingContextId(1), BrowsingContextId(2));
        let session = StorageKey::Session(a, "http://a.test".into());
        let local = StorageKey::Local("http://a.test".into());
        assert_eq!(shed.bottle(&session).set("k", "v"), Ok(None));
        assert_eq!(shed.bottle(&local).set("l", "w"), Ok(None));
        shed.legacy_clone_a_traversable_storage_shed(a, b);
        let copy = StorageKey::Session(b, "http://a.test".into());
        assert_eq!(shed.existing(&copy).and_then(|c| c.get("k")), Some("v"));
        // A clone: changing the copy leaves the original.
        assert_eq!(shed.bottle(&copy).set("k", "w"), Ok(Some("v".into())));
        assert_eq!(shed.existing(&session).and_then(|c| c.get("k")), Some("v"));
        assert_eq!(shed.local_bottles().count(), 1);
    }

    #[test]
    fn the_shed_keeps_one_bottle_per_key() {
        let mut shed = StorageShed::default();
        let local = StorageKey::Local("http://a.test".into());
        let session = StorageKey::Session(BrowsingContextId(1), "http://a.test".into());
        assert_eq!(shed.bottle(&local).set("k", "local"), Ok(None));
        assert_eq!(shed.bottle(&session).get("k"), None);
        assert_eq!(
            shed.existing(&local).and_then(|b| b.get("k")),
            Some("local")
        );
    }
}
