//! The work stack of StructuredSerializeInternal's step 26: one frame per object whose
//! nested values are being serialized, in place of the spec's recursive calls.
//!
//! The serializing half; `deserialize/frame.rs` is the same work stack for deserialization.

use crate::host::{SerializeHost, ValueKind};
use crate::memory::Memory;
use crate::path::Segment;
use crate::record::{ObjectIndex, PlatformIndex, RecordObject, RecordString, RecordValue};

/// The record's flat properties: each frame's object's keys are written there, with
/// `undefined` values, when its step 26 starts, and each value replaces its `undefined` as it
/// is delivered (one vector for the whole walk rather than one per object).
pub(super) type Properties = [(RecordString, RecordValue)];

/// One object whose step 26 is under way.
pub(super) struct Frame<O, V> {
    /// Where the object's record (the spec's `serialized` in that call) is.
    pub(super) index: ObjectIndex,
    /// What is left to serialize.
    pub(super) work: Work<O, V>,
}

/// The nested values of one object, and how far serializing them has come.
pub(super) enum Work<O, V> {
    /// Step 26.4: the object's own enumerable properties.
    Properties {
        /// The object (the spec's `value`).
        object: O,
        /// Where `! EnumerableOwnProperties(value, key)`, listed when the object was first
        /// met, starts in the record's [`Properties`] (the object's run).
        start: usize,
        /// How many keys there are.
        len: usize,
        /// How many of the keys have been started; `next - 1` is the one under way.
        next: usize,
        /// How many properties have been delivered: the first `delivered` entries of the
        /// run are done (a property an earlier getter deleted is skipped, and the later
        /// ones move up in its place).
        delivered: usize,
    },
    /// Step 26.4 for an object whose properties the host gave at once
    /// ([`SerializeHost::snapshot_own_properties`]): primitives are in the record already;
    /// what is left are the object values, `pending[next..end]` of the serializer's pending
    /// objects (each with where its placeholder is).
    Snapshot {
        /// Where the object's pending values start (they are popped when it finishes).
        begin: usize,
        /// The next pending value.
        next: usize,
        /// Where the object's pending values end.
        end: usize,
        /// Where the placeholder of the value under way is in the record's properties.
        at: usize,
    },
    /// Step 26.1: a Map's `copiedList`, a key then a value per entry (boxed: frames of
    /// other objects stay small).
    Map(Box<MapWork<V>>),
    /// Step 26.2: a Set's `copiedList`.
    Set {
        /// The entries not started yet.
        entries: std::vec::IntoIter<V>,
        /// How many entries have been started.
        started: usize,
    },
    /// Step 26.3: the values a platform object's serialization steps sub-serialize.
    Platform {
        /// Where the object's platform record is.
        platform: PlatformIndex,
        /// The fields not started yet.
        fields: std::vec::IntoIter<(String, V)>,
        /// The name of the field under way.
        current: Option<String>,
    },
}

/// What a frame gives next.
enum NextValue<O, V> {
    /// A property's value, classified by the host as it was read.
    Classified(ValueKind<O, RecordString>),
    /// A value to classify.
    Value(V),
    /// Nothing: the object is done.
    Done,
}

/// How far serializing a Map's `copiedList` has come.
pub(super) struct MapWork<V> {
    /// The entries not started yet.
    pub(super) entries: std::vec::IntoIter<(V, V)>,
    /// How many entries have been started.
    pub(super) started: usize,
    /// The value of the entry under way, while its key is being serialized.
    pub(super) value: Option<V>,
    /// The entry's `serializedKey`, once it is done.
    pub(super) key: Option<RecordValue>,
    /// Whether the entry's value (rather than its key) is under way.
    pub(super) at_value: bool,
}

impl<O, V> Frame<O, V> {
    /// The next value to serialize, already classified, or `None` when the object is done.
    /// For properties this runs `HasOwnProperty` and `[[Get]]` (steps 26.4.1 and 26.4.1.1),
    /// skipping a property an earlier getter deleted.
    pub(super) fn next_input<H>(
        &mut self,
        host: &mut H,
        properties: &Properties,
        pending: &[(usize, O)],
    ) -> Result<Option<ValueKind<O, RecordString>>, H::Error>
    where
        H: SerializeHost<Object = O, Value = V>,
        O: Clone,
    {
        let input = match self.next_value(host, properties, pending)? {
            NextValue::Classified(kind) => return Ok(Some(kind)),
            NextValue::Value(value) => value,
            NextValue::Done => return Ok(None),
        };
        Ok(Some(host.classify_value_shared(&input)))
    }

    /// The next value to serialize (see [`next_input`](Self::next_input)).
    fn next_value<H>(
        &mut self,
        host: &mut H,
        properties: &Properties,
        pending: &[(usize, O)],
    ) -> Result<NextValue<O, V>, H::Error>
    where
        H: SerializeHost<Object = O, Value = V>,
        O: Clone,
    {
        match &mut self.work {
            Work::Snapshot { next, end, at, .. } => {
                // 1. If ! HasOwnProperty(value, key) is true, then:
                //    1. Let inputValue be ? value.[[Get]](key, value).
                //    (Read already, when the object was started.)
                let Some((position, object)) = pending.get(*next).filter(|_| *next < *end) else {
                    return Ok(NextValue::Done);
                };
                *next += 1;
                *at = *position;
                Ok(NextValue::Classified(ValueKind::Object(object.clone())))
            }
            Work::Properties {
                object,
                start,
                len,
                next,
                ..
            } => loop {
                if *next >= *len {
                    return Ok(NextValue::Done);
                }
                let position = *next;
                let key = properties.get(*start + position).map(|(key, _)| key);
                *next += 1;
                let Some(key) = key else { continue };
                // 1. If ! HasOwnProperty(value, key) is true, then:
                //    1. Let inputValue be ? value.[[Get]](key, value).
                if let Some(input) = host.get_listed_property(object, key, position)? {
                    return Ok(NextValue::Classified(input));
                }
            },
            Work::Map(map) => {
                let MapWork {
                    entries,
                    started,
                    value,
                    key,
                    at_value,
                } = &mut **map;
                if let Some(pending) = value.take() {
                    *at_value = true;
                    return Ok(NextValue::Value(pending));
                }
                let Some((entry_key, entry_value)) = entries.next() else {
                    return Ok(NextValue::Done);
                };
                *started += 1;
                *value = Some(entry_value);
                *key = None;
                *at_value = false;
                Ok(NextValue::Value(entry_key))
            }
            Work::Set { entries, started } => Ok(match entries.next() {
                Some(entry) => {
                    *started += 1;
                    NextValue::Value(entry)
                }
                None => NextValue::Done,
            }),
            Work::Platform {
                fields, current, ..
            } => Ok(match fields.next() {
                Some((name, value)) => {
                    *current = Some(name);
                    NextValue::Value(value)
                }
                None => NextValue::Done,
            }),
        }
    }

    /// Appends the serialized value under way, `output`, to the object's record: steps
    /// 26.4.1.3, 26.1.3.3 (once the key and the value are both done), 26.2.3.2, or a field
    /// of a platform record.
    pub(super) fn deliver(&mut self, memory: &mut Memory, output: RecordValue) {
        match &mut self.work {
            Work::Snapshot { at, .. } => {
                if let Some((_, slot)) = memory.properties.get_mut(*at) {
                    *slot = output;
                }
            }
            Work::Properties {
                start,
                next,
                delivered,
                ..
            } => {
                // The value goes where the key under way is, moved up over any skipped key.
                let (Some(at), Some(to)) = (
                    next.checked_sub(1).map(|i| *start + i),
                    start.checked_add(*delivered),
                ) else {
                    return;
                };
                if to != at {
                    memory.properties.swap(to, at);
                }
                if let Some((_, slot)) = memory.properties.get_mut(to) {
                    *slot = output;
                    *delivered += 1;
                }
            }
            Work::Map(map) => {
                let MapWork { key, at_value, .. } = &mut **map;
                if !*at_value {
                    *key = Some(output);
                    return;
                }
                let serialized_key = key.take().unwrap_or_default();
                if let Some(RecordObject::Map { entries }) = memory.record_mut(self.index) {
                    entries.push((serialized_key, output));
                }
            }
            Work::Set { .. } => {
                if let Some(RecordObject::Set { entries }) = memory.record_mut(self.index) {
                    entries.push(output);
                }
            }
            Work::Platform {
                platform, current, ..
            } => {
                let name = current.take().unwrap_or_default();
                if let Some(record) = memory.platform_mut(*platform) {
                    record.fields.push((name, output));
                }
            }
        }
    }

    /// Where the object's pending values start, for an object whose properties the host
    /// gave at once.
    pub(super) fn pending_begin(&self) -> Option<usize> {
        match &self.work {
            Work::Snapshot { begin, .. } => Some(*begin),
            _ => None,
        }
    }

    /// How many properties were delivered, for an object with properties.
    pub(super) fn delivered(&self) -> Option<usize> {
        match &self.work {
            Work::Properties { delivered, .. } => Some(*delivered),
            _ => None,
        }
    }

    /// Where the value under way is inside this frame's object, for error paths.
    pub(super) fn segment<'a>(&'a self, properties: &'a Properties) -> Option<Segment<'a>> {
        match &self.work {
            Work::Snapshot { at, .. } => properties.get(*at).map(|(key, _)| Segment::Key(key)),
            Work::Properties { start, next, .. } => next
                .checked_sub(1)
                .and_then(|i| properties.get(*start + i))
                .map(|(key, _)| Segment::Key(key)),
            Work::Map(map) => {
                let MapWork {
                    started,
                    key,
                    at_value,
                    ..
                } = &**map;
                let index = started.checked_sub(1)?;
                Some(if *at_value {
                    Segment::MapValue {
                        index,
                        key: key.as_ref(),
                    }
                } else {
                    Segment::MapKey(index)
                })
            }
            Work::Set { started, .. } => started.checked_sub(1).map(Segment::SetEntry),
            Work::Platform { current, .. } => current.as_deref().map(Segment::Field),
        }
    }
}
