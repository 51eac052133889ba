//! Strings and property keys between boa and records, made once and then shared.
//!
//! A record holds strings as [`RecordString`]s (reference-counted UTF-16) and boa holds them
//! as [`JsString`]s, so each crossing is one copy of the code units. Values are full of the
//! same few keys (every element of `[{id, name}, ...]` has the keys `id` and `name`, every
//! message of a stream `{seq: i}` the key `seq`) and often of the same short strings, so both
//! sides remember what they made: the serializing side ([`RecordStrings`]) gives the same
//! boa string, and equal boa strings, one shared [`RecordString`], and the deserializing side
//! ([`BoaStrings`]), meeting that same shared string again, gives back the [`JsString`] or
//! [`PropertyKey`] it made the first time. Nothing here is observable from script: strings
//! are immutable and compared by content.
//!
//! The tables are direct-mapped caches of a fixed number of slots (a new entry takes its
//! slot from whatever was there), made once per agent thread and kept from one clone to the
//! next (each host takes them for its clone and gives them back, see [`Cached`]): the
//! keys and strings of a stream of messages are made once, not once per message, and no
//! clone pays to grow or rehash a table. Strings longer than [`MAX_SHARED_UNITS`] are made
//! afresh each time. What the tables hold is bounded (slots × units), and a page that makes
//! its strings collide only makes them miss.

use std::cell::Cell;
use std::hash::BuildHasher;

use boa_engine::JsString;
use boa_engine::property::PropertyKey;
use boa_engine::string::{JsStr, JsStrVariant};
use postern_clone::RecordString;

mod boa;
mod record;

pub(super) use self::boa::BoaStrings;
pub(super) use self::record::RecordStrings;

/// Strings longer than this are made afresh each time (long strings seldom repeat, and
/// comparing them costs about what copying them does).
const MAX_SHARED_UNITS: usize = 64;

/// A cache of `1 << BITS` slots, each holding the last entry whose hash picked it.
pub(super) struct DirectMap<K, V, const BITS: u32> {
    /// The slots (none until the first entry).
    slots: Vec<Option<(K, V)>>,
}

impl<K, V, const BITS: u32> Default for DirectMap<K, V, BITS> {
    fn default() -> Self {
        DirectMap { slots: Vec::new() }
    }
}

impl<K, V, const BITS: u32> DirectMap<K, V, BITS> {
    /// The slot of `hash` (its top `BITS` bits), made room for on first use.
    fn slot(&mut self, hash: u64) -> &mut Option<(K, V)> {
        if self.slots.is_empty() {
            self.slots.resize_with(1 << BITS, || None);
        }
        let index = (hash >> (u64::BITS - BITS)) as usize;
        let last = self.slots.len() - 1;
        // (index < 1 << BITS = the length.)
        &mut self.slots[index.min(last)]
    }

    /// The entry in `hash`'s slot whose key `matches`, if that is what the slot holds.
    fn get(&mut self, hash: u64, matches: impl FnOnce(&K) -> bool) -> Option<&V> {
        match self.slot(hash) {
            Some((key, value)) if matches(key) => Some(value),
            _ => None,
        }
    }

    /// Puts `key` and `value` in `hash`'s slot, in place of what was there.
    fn put(&mut self, hash: u64, key: K, value: V) {
        *self.slot(hash) = Some((key, value));
    }

    /// How many slots hold an entry (for tests).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.slots.iter().filter(|slot| slot.is_some()).count()
    }
}

/// A well-mixed hash of an address (Fibonacci hashing: the top bits depend on all of them).
fn address_hash(address: usize) -> u64 {
    (address as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The hash of a boa string's contents (Latin-1 and UTF-16 forms of one content hash
/// differently: such a pair only misses the cache).
fn content_hash(string: &JsStr<'_>) -> u64 {
    let hasher = foldhash::fast::FixedState::default();
    match string.variant() {
        JsStrVariant::Latin1(bytes) => hasher.hash_one(bytes),
        JsStrVariant::Utf16(units) => hasher.hash_one(units),
    }
}

/// The address of a record string's code units: equal for clones of one string, and not
/// reused while a table holds the string.
fn record_address(string: &RecordString) -> usize {
    string.as_units().as_ptr() as usize
}

/// Where a boa string's code units are, and how many there are: two live strings with the
/// same (which each table keeps alive for the entries it holds) have the same contents.
fn js_identity(string: &JsString) -> (usize, usize, bool) {
    match string.as_str().variant() {
        JsStrVariant::Latin1(bytes) => (bytes.as_ptr() as usize, bytes.len(), true),
        JsStrVariant::Utf16(units) => (units.as_ptr() as usize, units.len(), false),
    }
}

/// A [`PropertyKey`] from code units: an array index when they spell one, else a string.
fn property_key(units: &[u16]) -> PropertyKey {
    PropertyKey::from(JsStr::utf16(units))
}

thread_local! {
    /// The serializing side's tables of this agent thread, while no host has them.
    static RECORD_STRINGS: Cell<RecordStrings> = Cell::new(RecordStrings::default());
    /// The deserializing side's tables of this agent thread, while no host has them.
    static BOA_STRINGS: Cell<BoaStrings> = Cell::new(BoaStrings::default());
}

/// Tables a host takes from its thread for a clone and gives back when it is done.
pub(super) trait Cached: Default + Sized {
    /// Takes this thread's tables (empty ones if another host has them: a clone started
    /// from a getter during another clone).
    fn take() -> Self;
    /// Gives the tables back to the thread (over what an inner clone gave back).
    fn give_back(self);
}

impl Cached for RecordStrings {
    fn take() -> Self {
        RECORD_STRINGS.try_with(Cell::take).unwrap_or_default()
    }
    fn give_back(self) {
        // (Only fails while the thread is ending: the tables are then dropped.)
        let _ = RECORD_STRINGS.try_with(|cell| cell.set(self));
    }
}

impl Cached for BoaStrings {
    fn take() -> Self {
        BOA_STRINGS.try_with(Cell::take).unwrap_or_default()
    }
    fn give_back(self) {
        let _ = BOA_STRINGS.try_with(|cell| cell.set(self));
    }
}
