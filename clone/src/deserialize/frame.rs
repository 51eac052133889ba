//! The work stack of StructuredDeserialize's step 24: one frame per object whose nested
//! values are being deserialized, in place of the spec's recursive calls.

use crate::host::DeserializeHost;
use crate::path::Segment;
use crate::record::{RecordObject, RecordValue, SerializedRecord};

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
}

impl<O, V> Frame<O, V> {
    /// A frame for `object`, made of the record at `index`.
    pub(super) fn new(index: usize, object: O, value: V) -> Self {
        Frame {
            index,
            object,
            value,
            next: 0,
            pending: Vec::new(),
        }
    }

    /// The next serialized value to deserialize, or `None` when the object is done:
    /// - step 24.1.1: each Map entry's `[[Key]]`, then its `[[Value]]`;
    /// - step 24.2.1: each Set entry;
    /// - step 24.3.1: each Array or Object property's `[[Value]]`;
    /// - step 24.4.1: each field the platform object's serialization steps set.
    pub(super) fn next_entry<'r>(
        &mut self,
        record: &'r SerializedRecord,
    ) -> Option<&'r RecordValue> {
        let i = self.next;
        let entry = match record.objects.get(self.index)? {
            RecordObject::Map { entries } => entries
                .get(i / 2)
                .map(|(key, value)| if i.is_multiple_of(2) { key } else { value }),
            RecordObject::Set { entries } => entries.get(i),
            RecordObject::Platform(platform) => platform_record(record, platform.0)?
                .fields
                .get(i)
                .map(|(_, value)| value),
            other => record.properties_of(other)?.get(i).map(|(_, value)| value),
        }?;
        self.next += 1;
        Some(entry)
    }

    /// Adds the deserialized value under way to the object:
    /// - step 24.1.1.3: a Map's entry, once its key and value are both done;
    /// - step 24.2.1.2: a Set's entry;
    /// - steps 24.3.1.2–3: `! CreateDataProperty(value, entry.[[Key]], deserializedValue)`;
    /// - a platform object's field, kept for its deserialization steps.
    pub(super) fn deliver<H>(
        &mut self,
        host: &mut H,
        record: &SerializedRecord,
        deserialized: V,
    ) -> Result<(), H::Error>
    where
        H: DeserializeHost<Object = O, Value = V>,
    {
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
            Some(other) => match record.properties_of(other).and_then(|p| p.get(i)) {
                Some((key, _)) => host.create_data_property_shared(&self.object, key, deserialized),
                None => Ok(()),
            },
            None => Ok(()),
        }
    }

    /// The frame's object is done: a platform object's deserialization steps run now, with
    /// its deserialized fields (step 24.4.1). Returns the object as a value.
    pub(super) fn finish<H>(self, host: &mut H, record: &SerializedRecord) -> Result<V, H::Error>
    where
        H: DeserializeHost<Object = O, Value = V>,
    {
        if let Some(RecordObject::Platform(platform)) = record.objects.get(self.index)
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
    pub(super) fn segment<'r>(&self, record: &'r SerializedRecord) -> Option<Segment<'r>> {
        let i = self.next.checked_sub(1)?;
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
            other => record
                .properties_of(other)?
                .get(i)
                .map(|(key, _)| Segment::Key(key)),
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
