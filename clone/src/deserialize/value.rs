//! Steps 2–23 of StructuredDeserialize for one serialized value, and the start of step 24.
//!
//! The deserializing half; `serialize/value.rs` is the serializing half (the same per-value
//! work, for StructuredSerializeInternal).

use super::Deserializer;
use super::frame::{Frame, platform_record};
use super::properties::{NotSimple, PropertyValue, Simple};
use crate::check;
use crate::error::DeserializeError;
use crate::host::DeserializeHost;
use crate::record::{ObjectIndex, RecordObject, RecordValue};

/// What steps 2–23 made of one serialized value.
pub(super) enum Step<V> {
    /// The value is complete (a primitive, an object already in memory, or an object with
    /// deep false).
    Done(V),
    /// A new object with deep true: a frame was pushed and its nested values come next.
    Deep(V),
}

impl<'r, H: DeserializeHost> Deserializer<'_, 'r, H> {
    /// Steps 2–23 of StructuredDeserialize for one serialized value, and the start of step
    /// 24 for a new object with deep true (its frame is pushed).
    ///
    /// <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>
    pub(super) fn deserialize_value(
        &mut self,
        serialized: &RecordValue,
    ) -> Result<Step<H::Value>, DeserializeError<H::Error>> {
        let host_error = DeserializeError::Host;
        let index = match Simple::of(serialized) {
            // 5. If serialized.[[Type]] is "primitive", then set value to serialized.[[Value]].
            //    (Primitives are never in memory and never deep: steps 2–4 and 23–24 do
            //    nothing.)
            Ok(simple) => return Ok(Step::Done(self.simple(simple))),
            Err(NotSimple::BigInt(digits)) => {
                self.check(None, check::bigint_digits(digits, "a BigInt"))?;
                let value = self.host.bigint(digits).map_err(host_error)?;
                return Ok(Step::Done(value));
            }
            Err(NotSimple::Object(index)) => index,
        };
        let position = self.position(index, None)?;
        let record = self.record;
        let Some(serialized) = record.objects.get(position) else {
            return Err(self.out_of_range(index, None));
        };

        // 2. If memory[serialized] exists, then return memory[serialized].
        if let Some(Some(object)) = self.memory.get(position) {
            let object = object.clone();
            return Ok(Step::Done(self.host.object_value(&object)));
        }

        // (An Object's or Array's properties must be in the record.)
        let run = match serialized.property_range() {
            Some(range) => match self.properties.run(range) {
                Some(run) => Some(run),
                None => {
                    let count = self.properties.len();
                    return Err(self.malformed(None, |path| {
                        format!(
                            "{path} has properties {}..+{}, but the record has {count}",
                            range.start, range.len
                        )
                    }));
                }
            },
            None => None,
        };

        // 3. Let deep be false.
        // 4. Let value be an uninitialized value.
        let host = &mut *self.host;
        let (object, deep) = match serialized {
            // 6. Otherwise, if serialized.[[Type]] is "Boolean", then set value to a new
            //    Boolean object in targetRealm whose [[BooleanData]] internal slot value is
            //    serialized.[[BooleanData]].
            RecordObject::Boolean(b) => (host.create_boolean_object(*b), false),
            // 7. Otherwise, if serialized.[[Type]] is "Number", then set value to a new
            //    Number object in targetRealm whose [[NumberData]] internal slot value is
            //    serialized.[[NumberData]].
            RecordObject::Number(n) => (host.create_number_object(*n), false),
            // 8. Otherwise, if serialized.[[Type]] is "BigInt", then set value to a new
            //    BigInt object in targetRealm whose [[BigIntData]] internal slot value is
            //    serialized.[[BigIntData]].
            RecordObject::BigInt(digits) => {
                self.check(None, check::bigint_digits(digits, "a BigInt object"))?;
                (self.host.create_bigint_object(digits), false)
            }
            // 9. Otherwise, if serialized.[[Type]] is "String", then set value to a new
            //    String object in targetRealm whose [[StringData]] internal slot value is
            //    serialized.[[StringData]].
            RecordObject::String(s) => (host.create_string_object(s), false),
            // 10. Otherwise, if serialized.[[Type]] is "Date", then set value to a new Date
            //     object in targetRealm whose [[DateValue]] internal slot value is
            //     serialized.[[DateValue]].
            // Deviation: TimeClip first, so that a record built by hand cannot give a Date
            // a time value no Date can have (a real one passes unchanged).
            RecordObject::Date(time) => (host.create_date(check::time_clip(*time)), false),
            // 11. Otherwise, if serialized.[[Type]] is "RegExp", then set value to a new
            //     RegExp object in targetRealm whose [[RegExpMatcher]] internal slot value is
            //     serialized.[[RegExpMatcher]], whose [[OriginalSource]] internal slot value
            //     is serialized.[[OriginalSource]], and whose [[OriginalFlags]] internal slot
            //     value is serialized.[[OriginalFlags]].
            //     (The host compiles the matcher from the source and flags.)
            RecordObject::RegExp(regexp) => {
                self.check(None, check::regexp_flags(&regexp.flags))?;
                (
                    self.host.create_regexp(&regexp.source, &regexp.flags),
                    false,
                )
            }
            // 12.–15. (SharedArrayBuffer, GrowableSharedArrayBuffer, ArrayBuffer,
            //         ResizableArrayBuffer.)
            RecordObject::ArrayBuffer { .. } | RecordObject::SharedArrayBuffer(_) => {
                (Ok(self.deserialize_array_buffer(position, None)?), false)
            }
            // 16. Otherwise, if serialized.[[Type]] is "ArrayBufferView", then:
            RecordObject::ArrayBufferView {
                kind,
                buffer,
                byte_offset,
                length,
            } => (
                Ok(self.deserialize_view(*kind, *buffer, *byte_offset, *length)?),
                false,
            ),
            // 17. Otherwise, if serialized.[[Type]] is "Map", then:
            //     1. Set value to a new Map object in targetRealm whose [[MapData]] internal
            //        slot value is a new empty List.
            //     2. Set deep to true.
            RecordObject::Map { .. } => (host.create_map(), true),
            // 18. Otherwise, if serialized.[[Type]] is "Set", then:
            //     1. Set value to a new Set object in targetRealm whose [[SetData]] internal
            //        slot value is a new empty List.
            //     2. Set deep to true.
            RecordObject::Set { .. } => (host.create_set(), true),
            // 19. Otherwise, if serialized.[[Type]] is "Array", then:
            //     1. Let outputProto be targetRealm.[[Intrinsics]].[[%Array.prototype%]].
            //     2. Set value to ! ArrayCreate(serialized.[[Length]], outputProto).
            //        (The host creates it in its realm, with that prototype.)
            //     3. Set deep to true.
            RecordObject::Array { length, .. } => (host.create_array(*length), true),
            // 20. Otherwise, if serialized.[[Type]] is "Object", then:
            //     1. Set value to a new Object in targetRealm.
            //     2. Set deep to true.
            RecordObject::Object { .. } => (host.create_object(), true),
            // 21. Otherwise, if serialized.[[Type]] is "Error", then:
            //     1. Let prototype be %Error.prototype%.
            //     2.–7. If serialized.[[Name]] is "EvalError", "RangeError",
            //        "ReferenceError", "SyntaxError", "TypeError" or "URIError", then set
            //        prototype to that constructor's prototype.
            //     8. Let message be serialized.[[Message]].
            //     9. Set value to OrdinaryObjectCreate(prototype, « [[ErrorData]] »).
            //     10. Let messageDesc be PropertyDescriptor { [[Value]]: message,
            //         [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]: true }.
            //     11. If message is not undefined, then perform !
            //         OrdinaryDefineOwnProperty(value, "message", messageDesc).
            //     (The host does 1.–11. in the target realm.)
            //     TODO(spec): step 21.12 (accompanying data, e.g. the stack).
            RecordObject::Error { name, message } => {
                (host.create_error(*name, message.as_ref()), false)
            }
            // 22. Otherwise:
            RecordObject::Platform(platform) => {
                // 1. Let interfaceName be serialized.[[Type]].
                let Some(platform_record) = platform_record(record, platform.0) else {
                    let count = record.platform.len();
                    return Err(self.malformed(None, |path| {
                        format!(
                            "{path} refers to platform record {}, but the record has {count}",
                            platform.0
                        )
                    }));
                };
                // 2. If the interface identified by interfaceName is not exposed in
                //    targetRealm, then throw a "DataCloneError" DOMException.
                // 3. Set value to a new instance of the interface identified by
                //    interfaceName, created in targetRealm.
                //    (The host does both.)
                // 4. Set deep to true.
                (
                    host.create_platform_object(&platform_record.interface),
                    true,
                )
            }
            // (A transfer data holder: StructuredDeserializeWithTransfer set
            // memory[dataHolder] to the value it received, step 3.5 of that algorithm.)
            RecordObject::Transferred(transfer) => {
                let received = usize::try_from(transfer.0)
                    .ok()
                    .and_then(|i| self.received.get(i));
                let Some(received) = received else {
                    let count = self.received.len();
                    return Err(self.malformed(None, |path| {
                        format!(
                            "{path} refers to transferred value {}, but {count} were transferred",
                            transfer.0
                        )
                    }));
                };
                (Ok(received.object.clone()), false)
            }
        };
        let object = object.map_err(host_error)?;
        if let Some(run) = &run
            && !run.is_empty()
        {
            self.host.reserve_properties(&object, run.len());
        }

        // 23. Set memory[serialized] to value.
        if let Some(slot) = self.memory.get_mut(position) {
            *slot = Some(object.clone());
        }
        let value = self.host.object_value(&object);

        // 24. If deep is true, then:
        //     (Its nested values are deserialized by structured_deserialize's loop, or
        //     here, an Object's or Array's leading simple primitives.)
        if !deep {
            return Ok(Step::Done(value));
        }
        let staged = self.staged.len();
        let frame = Frame::new(position, object, value.clone(), run, staged);
        if let Some(run) = frame.run.clone() {
            return self.deserialize_simple_properties(frame, run);
        }
        self.stack.push(frame);
        Ok(Step::Deep(value))
    }

    /// Step 24.3 for an Object's or Array's property values as long as they are simple
    /// primitives (none can start another object or fail): they are deserialized at once,
    /// without a frame on the work stack. If all of them are, the object is done here;
    /// otherwise its frame goes on the work stack, from the first value that is not one.
    fn deserialize_simple_properties(
        &mut self,
        mut frame: Frame<H::Object, H::Value>,
        run: std::ops::Range<usize>,
    ) -> Result<Step<H::Value>, DeserializeError<H::Error>> {
        // 1. For each Record { [[Key]], [[Value]] } entry of serialized.[[Properties]]:
        for (i, at) in run.enumerate() {
            // 1. Let deserializedValue be ? StructuredDeserialize(entry.[[Value]],
            //    targetRealm, memory).
            let Some(simple) = self.properties.take_simple(at) else {
                // (Not simple, so left in place: this value and those after it are the
                // work stack's.)
                frame.next = i;
                let value = frame.value.clone();
                self.stack.push(frame);
                return Ok(Step::Deep(value));
            };
            let value = self.simple(simple);
            self.staged.push(value);
        }
        // 2. Let result be ! CreateDataProperty(value, entry.[[Key]], deserializedValue).
        // 3. Assert: result is true.
        let host = &mut *self.host;
        frame
            .finish(host, self.record, &mut self.properties, &mut self.staged)
            .map(Step::Done)
            .map_err(DeserializeError::Host)
    }

    /// Step 5 for a simple primitive: value is serialized.[[Value]].
    fn simple(&mut self, simple: Simple<'_>) -> H::Value {
        match simple {
            Simple::Undefined => self.host.undefined(),
            Simple::Null => self.host.null(),
            Simple::Boolean(b) => self.host.boolean(b),
            Simple::Number(n) => self.host.number(n),
            Simple::String(s) => self.host.string_shared(s),
            Simple::MovedString(s) => self.host.string_moved(s),
        }
    }

    /// [`deserialize_value`](Self::deserialize_value) of a value moved out of the record: a
    /// String changes hands as it is.
    pub(super) fn deserialize_moved(
        &mut self,
        serialized: RecordValue,
    ) -> Result<Step<H::Value>, DeserializeError<H::Error>> {
        match Simple::of_moved(serialized) {
            // 5. If serialized.[[Type]] is "primitive", then set value to serialized.[[Value]].
            Ok(simple) => Ok(Step::Done(self.simple(simple))),
            Err(other) => self.deserialize_value(&other),
        }
    }

    /// The value of the property at `at`, in the run of an Object or Array under way, moved
    /// out if the properties are owned.
    pub(super) fn property_value(
        &mut self,
        at: usize,
    ) -> Result<PropertyValue<'r>, DeserializeError<H::Error>> {
        match self.properties.value(at) {
            Some(value) => Ok(value),
            // (Not reached: a run is checked to be within the properties when its object is
            // created. Were it reached, skipping the value would give the keys after it the
            // wrong values.)
            None => {
                let count = self.properties.len();
                Err(self.malformed(None, |path| {
                    format!("{path} refers to property {at}, but the record has {count}")
                }))
            }
        }
    }

    /// The position of the record `index` refers to, checked against the record's length.
    pub(super) fn position(
        &self,
        index: ObjectIndex,
        extra: Option<crate::path::Segment<'_>>,
    ) -> Result<usize, DeserializeError<H::Error>> {
        usize::try_from(index.0)
            .ok()
            .filter(|&position| position < self.record.objects.len())
            .ok_or_else(|| self.out_of_range(index, extra))
    }

    /// The error for a reference to an object record that does not exist.
    fn out_of_range(
        &self,
        index: ObjectIndex,
        extra: Option<crate::path::Segment<'_>>,
    ) -> DeserializeError<H::Error> {
        let count = self.record.objects.len();
        self.malformed(extra, |path| {
            format!(
                "{path} refers to object {}, but the record has {count} objects",
                index.0
            )
        })
    }

    /// Turns a failed check into a Malformed error about the value under way.
    pub(super) fn check(
        &self,
        extra: Option<crate::path::Segment<'_>>,
        result: Result<(), String>,
    ) -> Result<(), DeserializeError<H::Error>> {
        result.map_err(|what| self.malformed(extra, |path| format!("{path} {what}")))
    }
}
