//! The work stack of StructuredDeserialize's step 24: one frame per object whose nested
//! values are being deserialized, in place of the spec's recursive calls.
//!
//! The deserializing half; `serialize/frame.rs` is the same work stack for serialization.

use super::PropertyStore;
use crate::host::DeserializeHost;
use crate::path::Segment;
use crate::record::{RecordObject, RecordValue, SerializedRecord};

/// A serialized value a frame gives next.
pub(super) enum Entry<'r> {
    /// A Map's or Set's entry, or a platform object's field.
    Value(&'r RecordValue),
    /// The value of the property at this position of the record's properties.
    Property(usize),
}

/// One object whose step 24 is under way.
pub(super) struct Frame<O, V> {
    /// The position of its record (the spec's `serialized` in that call).
    pub(super) index: usize,
    /// The object made of it (the spec's `value` in that call).
    pub(super) object: O,
    /// The object as a value, to add to its parent.
    pub(super) value: V,
    /// How many of its nested values have been started (a Map's key and value count as
    /// two); `next - 1` is the one under way.
    pub(super) next: usize,
    /// Deserialized values waiting for the object: a Map's key while its value is under
    /// way, a platform object's fields until its deserialization steps run. (Empty, without
    /// an allocation, for other objects.)
    pub(super) pending: Vec<V>,
    /// Where an Object's or Array's property values start in the deserializer's staged
    /// values (they are created on the object together, when it is done).
    pub(super) staged: usize,
    /// An Object's or Array's `[[Properties]]`: where they are in the record's properties
    /// (within them: [`PropertyStore::run`] checked it).
    pub(super) run: Option<std::ops::Range<usize>>,
}

impl<O, V> Frame<O, V> {
    /// A frame for `object`, made of the record at `index`; its properties, if it is an
    /// Object or an Array, are the record's `run`, and their values will be staged from
    /// `staged` on.
    pub(super) fn new(
        index: usize,
        object: O,
        value: V,
        run: Option<std::ops::Range<usize>>,
        staged: usize,
    ) -> Self {
        Frame {
            index,
            object,
            value,
            next: 0,
            pending: Vec::new(),
            staged,
            run,
        }
    }

    /// The next serialized value to deserialize, or `None` when the object is done:
    /// - step 24.1.1: each Map entry's `[[Key]]`, then its `[[Value]]`;
    /// - step 24.2.1: each Set entry;
    /// - step 24.3.1: each Array or Object property's `[[Value]]`;
    /// - step 24.4.1: each field the platform object's serialization steps set.
    pub(super) fn next_entry<'r>(&mut self, record: &'r SerializedRecord) -> Option<Entry<'r>> {
        let i = self.next;
        if let Some(run) = &self.run {
            let at = run.start.checked_add(i).filter(|&at| at < run.end)?;
            self.next += 1;
            return Some(Entry::Property(at));
        }
        let entry = match record.objects.get(self.index)? {
            RecordObject::Map { entries } => entries
                .get(i / 2)
                .map(|(key, value)| if i.is_multiple_of(2) { key } else { value }),
            RecordObject::Set { entries } => entries.get(i),
            RecordObject::Platform(platform) => platform_record(record, platform.0)?
                .fields
                .get(i)
                .map(|(_, value)| value),
            // (An Object's or Array's entries are its run, above.)
            _ => None,
        }?;
        self.next += 1;
        Some(Entry::Value(entry))
    }

    /// Adds the deserialized value under way to the object:
    /// - step 24.1.1.3: a Map's entry, once its key and value are both done;
    /// - step 24.2.1.2: a Set's entry;
    /// - steps 24.3.1.2–3: `! CreateDataProperty(value, entry.[[Key]], deserializedValue)`,
    ///   staged in `staged` until the object is done (see [`finish`](Self::finish));
    /// - a platform object's field, kept for its deserialization steps.
    pub(super) fn deliver<H>(
        &mut self,
        host: &mut H,
        record: &SerializedRecord,
        deserialized: V,
        staged: &mut Vec<V>,
    ) -> Result<(), H::Error>
    where
        H: DeserializeHost<Object = O, Value = V>,
    {
        if self.run.is_some() {
            staged.push(deserialized);
            return Ok(());
        }
        let Some(i) = self.next.checked_sub(1) else {
            return Ok(());
        };
        match record.objects.get(self.index) {
            Some(RecordObject::Map { .. }) => {
                if i.is_multiple_of(2) {
                    self.pending.push(deserialized);
                    return Ok(());
                }
                let key = match self.pending.pop() {
                    Some(key) => key,
                    None => host.undefined(),
                };
                host.map_append(&self.object, key, deserialized)
            }
            Some(RecordObject::Set { .. }) => host.set_append(&self.object, deserialized),
            Some(RecordObject::Platform(_)) => {
                self.pending.push(deserialized);
                Ok(())
            }
            // (Objects and Arrays have a run, above.)
            Some(_) | None => Ok(()),
        }
    }

    /// The frame's object is done: an Object's or Array's staged property values are
    /// created on it, in order (steps 24.3.1.2–3), and a platform object's deserialization
    /// steps run, with its deserialized fields (step 24.4.1). Returns the object as a value.
    pub(super) fn finish<H>(
        self,
        host: &mut H,
        record: &SerializedRecord,
        properties: &mut PropertyStore<'_>,
        staged: &mut Vec<V>,
    ) -> Result<V, H::Error>
    where
        H: DeserializeHost<Object = O, Value = V>,
    {
        let serialized = record.objects.get(self.index);
        if let Some(run) = self.run
            && self.staged < staged.len()
        {
            let values = staged.drain(self.staged..);
            match properties {
                PropertyStore::Borrowed(properties) => {
                    if let Some(run) = properties.get(run) {
                        let keys = run.iter().map(|(key, _)| key);
                        host.create_data_properties(&self.object, keys.zip(values))?;
                    }
                }
                PropertyStore::Owned(properties) => {
                    if let Some(run) = properties.get_mut(run) {
                        // Each key is taken once: the run is this object's alone.
                        let keys = run.iter_mut().map(|(key, _)| key.take());
                        let pairs = keys
                            .zip(values)
                            .filter_map(|(key, value)| Some((key?, value)));
                        host.create_data_properties_moved(&self.object, pairs)?;
                    }
                }
            }
        }
        if let Some(RecordObject::Platform(platform)) = serialized
            && let Some(platform) = platform_record(record, platform.0)
        {
            // 1. Perform the appropriate deserialization steps for the interface identified
            //    by serialized.[[Type]], given serialized, value, and targetRealm.
            let names = platform.fields.iter().map(|(name, _)| name.clone());
            let fields = names.zip(self.pending).collect();
            host.deserialization_steps(&self.object, &platform.interface, fields, &platform.bytes)?;
        }
        Ok(self.value)
    }

    /// Where the value under way is inside this frame's object, for error paths.
    pub(super) fn segment<'p>(
        &self,
        record: &'p SerializedRecord,
        properties: &'p PropertyStore<'_>,
    ) -> Option<Segment<'p>> {
        let i = self.next.checked_sub(1)?;
        if let Some(run) = &self.run {
            return properties.key(run.start.checked_add(i)?).map(Segment::Key);
        }
        match record.objects.get(self.index)? {
            RecordObject::Map { entries } => Some(if i.is_multiple_of(2) {
                Segment::MapKey(i / 2)
            } else {
                Segment::MapValue {
                    index: i / 2,
                    key: entries.get(i / 2).map(|(key, _)| key),
                }
            }),
            RecordObject::Set { .. } => Some(Segment::SetEntry(i)),
            RecordObject::Platform(platform) => platform_record(record, platform.0)?
                .fields
                .get(i)
                .map(|(name, _)| Segment::Field(name)),
            _ => None,
        }
    }
}

/// The platform record at `index`, if there is one.
pub(super) fn platform_record(
    record: &SerializedRecord,
    index: u32,
) -> Option<&crate::record::PlatformRecord> {
    record.platform.get(usize::try_from(index).ok()?)
}
