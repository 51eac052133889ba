//! Steps 2–25 of StructuredSerializeInternal for one value, and the start of step 26.
//!
//! The serializing half; `deserialize/value.rs` is the deserializing half (the same per-value
//! work, for StructuredDeserialize).

use super::frame::{Frame, MapWork, Work};
use super::{Serializer, Step};
use crate::check::with_article;
use crate::error::SerializeError;
use crate::host::{ObjectKind, PropertySnapshot, SerializeHost, ValueKind};
use crate::record::{
    CloneString, ObjectIndex, PlatformRecord, PropertyRange, RecordObject, RecordString,
    RecordValue, RegExpRecord,
};
use crate::types::{ErrorName, SharedBytes};

/// The work of a frame of a serializer over `H`.
type WorkOf<H> = Work<<H as SerializeHost>::Object, <H as SerializeHost>::Value>;

/// Which step 26 an object with deep true needs.
enum Deep {
    /// Step 26.4: own enumerable properties (Arrays and ordinary objects).
    Properties,
    /// Step 26.1.
    Map,
    /// Step 26.2.
    Set,
    /// Step 26.3, with the primary interface's identifier.
    Platform(String),
}

impl<H: SerializeHost> Serializer<'_, H> {
    /// Steps 2–25 of StructuredSerializeInternal for one value, and the start of step 26 for
    /// an object with deep true (its nested values are listed and its frame pushed).
    ///
    /// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
    pub(super) fn serialize_value(
        &mut self,
        value: &H::Value,
    ) -> Result<Step, SerializeError<H::Error>> {
        let kind = self.host.classify_value_shared(value);
        self.serialize_classified(kind)
    }

    /// [`serialize_value`](Self::serialize_value) of a value the host has classified.
    pub(super) fn serialize_classified(
        &mut self,
        kind: ValueKind<H::Object, RecordString>,
    ) -> Result<Step, SerializeError<H::Error>> {
        let object = match kind {
            // 4. If value is undefined, null, a Boolean, a Number, a BigInt, or a String, then
            //    return { [[Type]]: "primitive", [[Value]]: value }.
            ValueKind::Undefined => return Ok(Step::Done(RecordValue::Undefined)),
            ValueKind::Null => return Ok(Step::Done(RecordValue::Null)),
            ValueKind::Boolean(b) => return Ok(Step::Done(RecordValue::Boolean(b))),
            ValueKind::Number(n) => return Ok(Step::Done(RecordValue::Number(n))),
            ValueKind::BigInt(digits) => return Ok(Step::Done(RecordValue::BigInt(digits))),
            ValueKind::String(s) => return Ok(Step::Done(RecordValue::String(s))),
            // 5. If value is a Symbol, then throw a "DataCloneError" DOMException.
            ValueKind::Symbol => return Err(self.data_clone_error(None, "a symbol").into()),
            ValueKind::Object(object) => object,
        };

        // 2. If memory[value] exists, then return memory[value].
        // Deviation: done after steps 4–5, as memory only ever holds objects; unobservable.
        let identity = self.host.object_identity(&object);
        if let Some(index) = self.memory.get(identity) {
            return Ok(Step::Done(RecordValue::Object(index)));
        }

        // 3. Let deep be false.
        // 6. Let serialized be an uninitialized value.
        let (serialized, deep) = match self.host.classify_object(&object) {
            // 7. If value has a [[BooleanData]] internal slot, then set serialized to
            //    { [[Type]]: "Boolean", [[BooleanData]]: value.[[BooleanData]] }.
            ObjectKind::BooleanObject(b) => (RecordObject::Boolean(b), None),
            // 8. Otherwise, if value has a [[NumberData]] internal slot, then set serialized
            //    to { [[Type]]: "Number", [[NumberData]]: value.[[NumberData]] }.
            ObjectKind::NumberObject(n) => (RecordObject::Number(n), None),
            // 9. Otherwise, if value has a [[BigIntData]] internal slot, then set serialized
            //    to { [[Type]]: "BigInt", [[BigIntData]]: value.[[BigIntData]] }.
            ObjectKind::BigIntObject(digits) => (RecordObject::BigInt(digits), None),
            // 10. Otherwise, if value has a [[StringData]] internal slot, then set serialized
            //     to { [[Type]]: "String", [[StringData]]: value.[[StringData]] }.
            ObjectKind::StringObject(s) => (RecordObject::String(s), None),
            // 11. Otherwise, if value has a [[DateValue]] internal slot, then set serialized
            //     to { [[Type]]: "Date", [[DateValue]]: value.[[DateValue]] }.
            ObjectKind::Date(time) => (RecordObject::Date(time), None),
            // 12. Otherwise, if value has a [[RegExpMatcher]] internal slot, then set
            //     serialized to { [[Type]]: "RegExp", [[RegExpMatcher]],
            //     [[OriginalSource]]: value.[[OriginalSource]],
            //     [[OriginalFlags]]: value.[[OriginalFlags]] }.
            //     (The matcher is compiled again from the source and flags.)
            ObjectKind::RegExp { source, flags } => {
                let record = RegExpRecord { source, flags };
                (RecordObject::RegExp(Box::new(record)), None)
            }
            // 13. Otherwise, if value has an [[ArrayBufferData]] internal slot, then:
            ObjectKind::ArrayBuffer {
                detached,
                max_byte_length,
            } => {
                let record =
                    self.serialize_array_buffer(&object, detached, max_byte_length, None)?;
                (record, None)
            }
            ObjectKind::SharedArrayBuffer {
                byte_length,
                max_byte_length,
            } => {
                let record = self.serialize_shared_array_buffer(
                    &object,
                    byte_length,
                    max_byte_length,
                    None,
                )?;
                (record, None)
            }
            // 14. Otherwise, if value has a [[ViewedArrayBuffer]] internal slot, then:
            ObjectKind::ArrayBufferView {
                kind,
                byte_offset,
                length,
                out_of_bounds,
            } => {
                let record =
                    self.serialize_view(&object, kind, byte_offset, length, out_of_bounds)?;
                (record, None)
            }
            // 15. Otherwise, if value has [[MapData]] internal slot, then:
            ObjectKind::Map => {
                // 1. Set serialized to { [[Type]]: "Map", [[MapData]]: a new empty List }.
                // 2. Set deep to true.
                (RecordObject::Map { entries: vec![] }, Some(Deep::Map))
            }
            // 16. Otherwise, if value has [[SetData]] internal slot, then:
            ObjectKind::Set => {
                // 1. Set serialized to { [[Type]]: "Set", [[SetData]]: a new empty List }.
                // 2. Set deep to true.
                (RecordObject::Set { entries: vec![] }, Some(Deep::Set))
            }
            // 17. Otherwise, if value has an [[ErrorData]] internal slot and value is not a
            //     platform object, then:
            ObjectKind::Error => (self.serialize_error(&object)?, None),
            // 18. Otherwise, if value is an Array exotic object, then:
            ObjectKind::Array { length } => {
                // 1. Let valueLenDescriptor be ? OrdinaryGetOwnProperty(value, "length").
                // 2. Let valueLen be valueLenDescriptor.[[Value]].
                //    (The host reads it when it classifies the object.)
                // 3. Set serialized to { [[Type]]: "Array", [[Length]]: valueLen,
                //    [[Properties]]: a new empty List }.
                let serialized = RecordObject::Array {
                    length,
                    properties: PropertyRange::default(),
                };
                // 4. Set deep to true.
                (serialized, Some(Deep::Properties))
            }
            // 19. Otherwise, if value is a platform object that is a serializable object:
            ObjectKind::Platform {
                interface,
                serializable: true,
                detached,
                ..
            } => {
                // 1. If value has a [[Detached]] internal slot whose value is true, then
                //    throw a "DataCloneError" DOMException.
                if detached {
                    let what = format!("a detached {interface}");
                    return Err(self.data_clone_error(None, &what).into());
                }
                // 2. Let typeString be the identifier of the primary interface of value.
                // 3. Set serialized to { [[Type]]: typeString }.
                let platform = self.memory.insert_platform(PlatformRecord {
                    interface: interface.clone(),
                    fields: Vec::new(),
                    bytes: SharedBytes::default(),
                })?;
                // 4. Set deep to true.
                (
                    RecordObject::Platform(platform),
                    Some(Deep::Platform(interface)),
                )
            }
            // 20. Otherwise, if value is a platform object, then throw a "DataCloneError"
            //     DOMException.
            ObjectKind::Platform { interface, .. } => {
                let what = with_article(&interface);
                return Err(self.data_clone_error(None, &what).into());
            }
            // 21. Otherwise, if IsCallable(value) is true, then throw a "DataCloneError"
            //     DOMException.
            ObjectKind::Callable => return Err(self.data_clone_error(None, "a function").into()),
            // 22. Otherwise, if value has any internal slot other than [[Prototype]],
            //     [[Extensible]], or [[PrivateElements]], then throw a "DataCloneError"
            //     DOMException.
            // 23. Otherwise, if value is an exotic object and value is not the
            //     %Object.prototype% intrinsic object associated with any realm, then throw a
            //     "DataCloneError" DOMException.
            //     (The host reports the objects of steps 22 and 23 as NotSerializable.)
            ObjectKind::NotSerializable(what) => {
                return Err(self.data_clone_error(None, &what).into());
            }
            // 24. Otherwise:
            ObjectKind::Ordinary => {
                // 1. Set serialized to { [[Type]]: "Object", [[Properties]]: a new empty
                //    List }.
                let serialized = RecordObject::Object {
                    properties: PropertyRange::default(),
                };
                // 2. Set deep to true.
                (serialized, Some(Deep::Properties))
            }
        };

        // 25. Set memory[value] to serialized.
        let index = self.memory.insert(identity, serialized)?;

        // 26. If deep is true, then:
        //     (What it iterates over is listed now; structured_serialize_internal's loop walks
        //     it.)
        let Some(deep) = deep else {
            return Ok(Step::Done(RecordValue::Object(index)));
        };
        let work = self.start_deep(object, index, deep)?;
        self.stack.push(Frame { index, work });
        Ok(Step::Deep(index))
    }

    /// The start of step 26 for a new object: what its nested values are.
    fn start_deep(
        &mut self,
        object: H::Object,
        index: ObjectIndex,
        deep: Deep,
    ) -> Result<WorkOf<H>, SerializeError<H::Error>> {
        let host = &mut *self.host;
        Ok(match deep {
            // 1. If value has a [[MapData]] internal slot, then:
            //    1. Let copiedList be a new empty List.
            //    2. For each Record { [[Key]], [[Value]] } entry of value.[[MapData]]:
            //       1. Let copiedEntry be a new Record { [[Key]]: entry.[[Key]],
            //          [[Value]]: entry.[[Value]] }.
            //       2. If copiedEntry.[[Key]] is not the special value empty, append
            //          copiedEntry to copiedList.
            //    3. For each Record { [[Key]], [[Value]] } entry of copiedList: (the frame)
            Deep::Map => {
                let entries = host.map_entries(&object).map_err(SerializeError::Host)?;
                if let Some(RecordObject::Map {
                    entries: serialized,
                }) = self.memory.record_mut(index)
                {
                    serialized.reserve_exact(entries.len());
                }
                Work::Map(Box::new(MapWork {
                    entries: entries.into_iter(),
                    started: 0,
                    value: None,
                    key: None,
                    at_value: false,
                }))
            }
            // 2. Otherwise, if value has a [[SetData]] internal slot, then:
            //    1. Let copiedList be a new empty List.
            //    2. For each entry of value.[[SetData]]:
            //       1. If entry is not the special value empty, append entry to copiedList.
            //    3. For each entry of copiedList: (the frame)
            Deep::Set => {
                let entries = host.set_entries(&object).map_err(SerializeError::Host)?;
                if let Some(RecordObject::Set {
                    entries: serialized,
                }) = self.memory.record_mut(index)
                {
                    serialized.reserve_exact(entries.len());
                }
                Work::Set {
                    entries: entries.into_iter(),
                    started: 0,
                }
            }
            // 3. Otherwise, if value is a platform object that is a serializable object, then
            //    perform the serialization steps for value's primary interface, given value,
            //    serialized, and forStorage.
            //    (The host's steps give the values they sub-serialize; the frame serializes
            //    them with this memory.)
            Deep::Platform(interface) => {
                let steps = host
                    .serialization_steps(&object, &interface, self.options.for_storage)
                    .map_err(SerializeError::Host)?;
                let Some(RecordObject::Platform(platform)) = self.memory.record(index) else {
                    return Err(self
                        .data_clone_error(None, "a broken platform record")
                        .into());
                };
                let platform = *platform;
                if let Some(record) = self.memory.platform_mut(platform) {
                    record.bytes = steps.bytes;
                }
                Work::Platform {
                    platform,
                    fields: steps.fields.into_iter(),
                    current: None,
                }
            }
            // 4. Otherwise, for each key in ! EnumerableOwnProperties(value, key): (the frame)
            Deep::Properties => {
                // Deviation: the host may give them all at once
                // (SerializeHost::snapshot_own_properties), when reading them now cannot be
                // told apart from reading each in turn; script cannot observe it.
                let start = self.memory.properties.len();
                let begin = self.pending.len();
                let mut snapshot = PropertySnapshot {
                    properties: &mut self.memory.properties,
                    objects: &mut self.pending,
                };
                if host.snapshot_own_properties(&object, &mut snapshot) {
                    let len = self.memory.properties.len().saturating_sub(start);
                    self.memory.set_property_run(index, start, len)?;
                    return Ok(Work::Snapshot {
                        begin,
                        next: begin,
                        end: self.pending.len(),
                        at: start,
                    });
                }
                self.memory.properties.truncate(start);
                self.pending.truncate(begin);
                self.listed.clear();
                host.append_enumerable_own_keys(&object, &mut self.listed)
                    .map_err(SerializeError::Host)?;
                let len = self.listed.len();
                let start = self.memory.start_properties(index, &mut self.listed)?;
                Work::Properties {
                    object,
                    start,
                    len,
                    next: 0,
                    delivered: 0,
                }
            }
        })
    }

    /// Step 17 of StructuredSerializeInternal: an object with an `[[ErrorData]]` internal
    /// slot that is not a platform object.
    ///
    /// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
    fn serialize_error(
        &mut self,
        object: &H::Object,
    ) -> Result<RecordObject, SerializeError<H::Error>> {
        // 1. Let name be ? Get(value, "name").
        let name = self
            .host
            .get(object, &CloneString::from("name"))
            .map_err(SerializeError::Host)?;
        // 2. If name is not one of "Error", "EvalError", "RangeError", "ReferenceError",
        //    "SyntaxError", "TypeError", or "URIError", then set name to "Error".
        //    (A value that is not a String is none of them; it is not converted.)
        let name = match self.host.classify_value(&name) {
            ValueKind::String(name) => ErrorName::normalize(name.as_units()),
            _ => ErrorName::Error,
        };
        // 3. Let valueMessageDesc be ? value.[[GetOwnProperty]]("message").
        let message_value = self
            .host
            .own_data_property(object, &CloneString::from("message"))
            .map_err(SerializeError::Host)?;
        // 4. Let message be undefined if IsDataDescriptor(valueMessageDesc) is false, and
        //    ? ToString(valueMessageDesc.[[Value]]) otherwise.
        let message = match message_value {
            Some(value) => Some(self.host.to_string(&value).map_err(SerializeError::Host)?),
            None => None,
        };
        // 5. Set serialized to { [[Type]]: "Error", [[Name]]: name, [[Message]]: message }.
        // TODO(spec): step 6 (accompanying data, notably the stack property).
        Ok(RecordObject::Error { name, message })
    }
}
