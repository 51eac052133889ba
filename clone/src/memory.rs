//! The memory map of StructuredSerializeInternal, keyed by object identity.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::DataCloneError;
use crate::record::{
    ObjectIndex, PlatformIndex, PlatformRecord, PropertyRange, RecordObject, RecordString,
    RecordValue, RecordVec,
};

/// The spec's `memory`: which objects already have a record, and the records themselves.
///
/// `memory[value]` is `records[map[identity(value)]]`; values refer to records by
/// [`ObjectIndex`], so a record is shared by reference exactly as the spec shares it. For a
/// host with dense identities (see
/// [`SerializeHost::dense_identity_bound`](crate::SerializeHost::dense_identity_bound)) the
/// map is a vector below the bound, grown as identities are met. Otherwise the first
/// [`SMALL`] identities are kept in a small array (most messages hold a few objects: no
/// table is made for them), and a hash map takes them over when there are more.
///
/// Each of the record's vectors is given exactly the room its first entry (or first run)
/// needs: a record of one object, the commonest message, is never grown and then trimmed.
#[derive(Default)]
pub(crate) struct Memory {
    /// Identities below this are kept in `dense` (0: none are).
    dense_bound: usize,
    /// Object identity → index of its record + 1 (0: none), for identities below
    /// `dense_bound`; as long as the largest identity met so far needs.
    dense: Vec<u32>,
    /// The first identities met (of the others) with their records' indices, until `map`
    /// takes them over.
    small: [(usize, u32); SMALL],
    /// How many of `small` are in use (0 once `map` took them over).
    small_len: usize,
    /// Object identity → index of its record, for the other identities, once there are more
    /// than [`SMALL`] of them.
    map: HashMap<usize, ObjectIndex, BuildHasherDefault<IdentityHasher>>,
    /// The records, in the order their objects were first met.
    pub(crate) records: Vec<RecordObject>,
    /// The Objects' and Arrays' properties, each object's in one run.
    pub(crate) properties: Vec<(RecordString, RecordValue)>,
    /// The serializable platform objects' records (the side table).
    pub(crate) platform: Vec<PlatformRecord>,
}

/// How many identities [`Memory`] keeps in its small array before it makes a hash map.
const SMALL: usize = 8;

impl Memory {
    /// An empty memory; identities below `dense_bound` (if any) are kept in a vector.
    pub(crate) fn new(dense_bound: Option<usize>) -> Self {
        Memory {
            dense_bound: dense_bound.unwrap_or(0),
            ..Memory::default()
        }
    }

    /// The record's parts (objects, properties, platform records), each trimmed to its
    /// length: a record may wait in a task queue long after its serialization (a million
    /// messages posted in one task), and a vector's doubling growth leaves up to half of it
    /// unused (three of four slots for a one-object message). A single object record or
    /// property moves inline ([`RecordVec`]): no heap block is left for it.
    pub(crate) fn into_record_parts(
        self,
    ) -> (
        RecordVec<RecordObject>,
        RecordVec<(RecordString, RecordValue)>,
        Vec<PlatformRecord>,
    ) {
        let Memory {
            records,
            properties,
            mut platform,
            ..
        } = self;
        platform.shrink_to_fit();
        (records.into(), properties.into(), platform)
    }

    /// `memory[value]`, if it exists.
    pub(crate) fn get(&self, identity: usize) -> Option<ObjectIndex> {
        if identity < self.dense_bound {
            let slot = self.dense.get(identity).copied().unwrap_or(0);
            return slot.checked_sub(1).map(ObjectIndex);
        }
        if self.map.is_empty() {
            return self
                .small
                .get(..self.small_len)?
                .iter()
                .find(|(known, _)| *known == identity)
                .map(|(_, index)| ObjectIndex(*index));
        }
        self.map.get(&identity).copied()
    }

    /// `Set memory[value] to serialized`: stores the record and returns its index.
    ///
    /// Fails only when the value has more objects than an [`ObjectIndex`] can count.
    pub(crate) fn insert(
        &mut self,
        identity: usize,
        serialized: RecordObject,
    ) -> Result<ObjectIndex, DataCloneError> {
        // Deviation: the spec has no limit; a record cannot index more than u32::MAX objects.
        let index = u32::try_from(self.records.len())
            .ok()
            .filter(|&index| index < u32::MAX)
            .map(ObjectIndex)
            .ok_or_else(|| DataCloneError {
                message: "value holds more than 4294967295 objects and cannot be cloned".into(),
            })?;
        if self.records.capacity() == 0 {
            self.records.reserve_exact(1);
        }
        self.records.push(serialized);
        if identity < self.dense_bound {
            if identity >= self.dense.len() {
                // Amortised growth, never past the bound.
                let len = identity
                    .saturating_add(1)
                    .max(self.dense.len().saturating_mul(2))
                    .min(self.dense_bound);
                self.dense.resize(len, 0);
            }
            if let Some(slot) = self.dense.get_mut(identity) {
                // index.0 < u32::MAX, checked above.
                *slot = index.0.saturating_add(1);
            }
        } else if self.map.is_empty() && self.small_len < SMALL {
            if let Some(slot) = self.small.get_mut(self.small_len) {
                *slot = (identity, index.0);
                self.small_len += 1;
            }
        } else {
            if self.map.is_empty() {
                // The small array is full: the map takes its identities over.
                let small = self.small.get(..self.small_len).unwrap_or_default();
                self.map
                    .extend(small.iter().map(|&(known, at)| (known, ObjectIndex(at))));
                self.small_len = 0;
            }
            self.map.insert(identity, index);
        }
        Ok(index)
    }

    /// The record at `index`.
    pub(crate) fn record(&self, index: ObjectIndex) -> Option<&RecordObject> {
        self.records.get(usize::try_from(index.0).ok()?)
    }

    /// The record at `index`, to append properties or entries to.
    pub(crate) fn record_mut(&mut self, index: ObjectIndex) -> Option<&mut RecordObject> {
        self.records.get_mut(usize::try_from(index.0).ok()?)
    }

    /// Gives the Object or Array record at `index` a run of properties at the end, holding
    /// `keys` (drained) with `undefined` values for now, and returns where it starts.
    ///
    /// Fails only when the value has more properties than a [`PropertyRange`] can count.
    pub(crate) fn start_properties(
        &mut self,
        index: ObjectIndex,
        keys: &mut Vec<RecordString>,
    ) -> Result<usize, DataCloneError> {
        let start = self.properties.len();
        self.set_property_run(index, start, keys.len())?;
        if self.properties.capacity() == 0 {
            self.properties.reserve_exact(keys.len());
        }
        self.properties
            .extend(keys.drain(..).map(|key| (key, RecordValue::Undefined)));
        Ok(start)
    }

    /// Says the Object or Array record at `index` has the `len` properties from `start`.
    ///
    /// Fails only when the value has more properties than a [`PropertyRange`] can count.
    pub(crate) fn set_property_run(
        &mut self,
        index: ObjectIndex,
        start: usize,
        len: usize,
    ) -> Result<(), DataCloneError> {
        // Deviation: the spec has no limit; a record cannot index more than u32::MAX
        // properties.
        let range = u32::try_from(start)
            .ok()
            .zip(u32::try_from(len).ok())
            .filter(|(start, len)| start.checked_add(*len).is_some())
            .map(|(start, len)| PropertyRange { start, len })
            .ok_or_else(|| DataCloneError {
                message: "value holds more than 4294967295 properties and cannot be cloned".into(),
            })?;
        if let Some(RecordObject::Object { properties } | RecordObject::Array { properties, .. }) =
            self.record_mut(index)
        {
            *properties = range;
        }
        Ok(())
    }

    /// Sets how many properties the Object or Array record at `index` has (its run ends
    /// after the ones delivered).
    pub(crate) fn set_property_count(&mut self, index: ObjectIndex, count: usize) {
        if let Some(RecordObject::Object { properties } | RecordObject::Array { properties, .. }) =
            self.record_mut(index)
            && let Ok(count) = u32::try_from(count)
        {
            properties.len = properties.len.min(count);
        }
    }

    /// Adds a platform object's record to the side table and returns its index.
    pub(crate) fn insert_platform(
        &mut self,
        record: PlatformRecord,
    ) -> Result<PlatformIndex, DataCloneError> {
        // Deviation: the spec has no limit; a record cannot index more than u32::MAX objects.
        let index = u32::try_from(self.platform.len())
            .map(PlatformIndex)
            .map_err(|_| DataCloneError {
                message: "value holds more than 4294967296 platform objects and cannot be cloned"
                    .into(),
            })?;
        self.platform.push(record);
        Ok(index)
    }

    /// The platform record at `index`, to append fields to.
    pub(crate) fn platform_mut(&mut self, index: PlatformIndex) -> Option<&mut PlatformRecord> {
        self.platform.get_mut(usize::try_from(index.0).ok()?)
    }
}

/// A fast hasher for identities, which are already unique numbers (often addresses, whose
/// low bits are zero): the splitmix64 finalizer spreads every input bit over the output.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = self.0.rotate_left(29) ^ n as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object() -> RecordObject {
        RecordObject::Object {
            properties: PropertyRange::default(),
        }
    }

    #[test]
    fn identities_are_found_before_and_after_the_map_takes_over() {
        let mut memory = Memory::new(None);
        let identities: Vec<usize> = (0..3 * SMALL).map(|i| 0x1000 + 64 * i).collect();
        for (i, &identity) in identities.iter().enumerate() {
            assert_eq!(memory.get(identity), None, "not met yet: {i}");
            let index = memory.insert(identity, object()).ok();
            assert_eq!(index, Some(ObjectIndex(i as u32)));
            for (j, &known) in identities.iter().enumerate().take(i + 1) {
                assert_eq!(
                    memory.get(known),
                    Some(ObjectIndex(j as u32)),
                    "{j} after {i}"
                );
            }
            assert_eq!(memory.get(0x10), None);
        }
        assert_eq!(memory.small_len, 0, "the map took the small array over");
    }

    #[test]
    fn a_one_object_record_is_given_exactly_its_room() {
        let mut memory = Memory::new(None);
        let index = memory.insert(0x2000, object()).ok();
        let mut keys = vec![RecordString::from("seq")];
        assert!(index.is_some_and(|index| memory.start_properties(index, &mut keys).is_ok()));
        assert_eq!(memory.records.capacity(), 1);
        assert_eq!(memory.properties.capacity(), 1);
        let dense = Memory::new(Some(16));
        assert_eq!(dense.get(3), None);
    }
}
