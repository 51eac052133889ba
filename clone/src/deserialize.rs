//! StructuredDeserialize.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>

use crate::error::DeserializeError;
use crate::host::DeserializeHost;
use crate::path::render_path;
use crate::record::{CloneString, ObjectIndex, RecordObject, RecordValue, SerializedRecord};

/// StructuredDeserialize: builds the value a [`SerializedRecord`] describes, in the host's
/// (target) realm.
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>
///
/// Every object record reachable from the root becomes one new object, however many times
/// it is referred to, so shared references and cycles come back as they were. Records that
/// the root does not reach are not created. The walk uses an explicit work stack, so the
/// depth of the value is limited by memory only.
///
/// The record is treated as untrusted: it may come from anywhere.
///
/// # Errors
///
/// - [`DeserializeError::Malformed`]: the record is not well formed: an [`ObjectIndex`] out
///   of range, or a BigInt whose digits are not `-?[0-9]+`. The message names the place, as
///   in `value.a[2] refers to object 7, but the record has 3 objects`.
/// - [`DeserializeError::Host`]: the host failed to create a value.
pub fn structured_deserialize<H: DeserializeHost>(
    host: &mut H,
    record: &SerializedRecord,
) -> Result<H::Value, DeserializeError<H::Error>> {
    // Deviation: the spec recurses at step 24.3.1.1 for every property value. Here steps
    // 2–23 are deserialize_value, and step 24 runs in this function's loop over a work stack
    // of frames, one per object whose properties are being deserialized, innermost last. A
    // property whose value is a new object is defined on its parent when that object's
    // frame is finished, as the recursive call would return then.

    // 1. If memory was not supplied, let memory be an empty map.
    //    (Record index → the value made of that record; objects only.)
    let mut memory: Vec<Option<H::Object>> = std::iter::repeat_with(|| None)
        .take(record.objects.len())
        .collect();
    let mut stack: Vec<Frame<H::Object, H::Value>> = Vec::new();
    // 2.–23. for the root record.
    let (Step::Done(value) | Step::Deep(value)) =
        deserialize_value(host, record, &record.root, &mut memory, &mut stack)?;

    // 24. If deep is true, then: (for the root and, in place of recursion, every object below)
    while let Some(top) = stack.len().checked_sub(1) {
        // TODO(spec): step 24.1 (serialized.[[Type]] is "Map").
        // TODO(spec): step 24.2 (serialized.[[Type]] is "Set").
        // 3. Otherwise, if serialized.[[Type]] is "Array" or "Object", then:
        //    for each Record { [[Key]], [[Value]] } entry of serialized.[[Properties]]:
        let frame = &mut stack[top];
        let Some((key, entry)) = properties(record, frame.index).get(frame.next) else {
            // The object is done: the recursive call would return here.
            finish_frame(host, record, &mut stack)?;
            continue;
        };
        frame.next += 1;
        // 1. Let deserializedValue be ? StructuredDeserialize(entry.[[Value]], targetRealm,
        //    memory). (Steps 2–23 now; a new object's step 24 is the next frame.)
        match deserialize_value(host, record, entry, &mut memory, &mut stack)? {
            // 2. Let result be ! CreateDataProperty(value, entry.[[Key]], deserializedValue).
            // 3. Assert: result is true.
            Step::Done(deserialized) => define(host, &stack[top].object, key, deserialized)?,
            // 2.–3. (For a new object, in finish_frame once its properties are done.)
            Step::Deep(_) => {}
        }
        // TODO(spec): step 24.4 (platform objects: their deserialization steps).
    }

    // 25. Return value.
    Ok(value)
}

/// One object whose step 24 is under way: the walk's replacement for a recursive call.
struct Frame<O, V> {
    /// The position of its record (the spec's `serialized` in that call).
    index: usize,
    /// The object made of it (the spec's `value` in that call).
    object: O,
    /// The object as a value, to define on its parent.
    value: V,
    /// How many of its properties have been started; `next - 1` is the one under way.
    next: usize,
}

/// What steps 2–23 made of one serialized value.
enum Step<V> {
    /// The value is complete (a primitive, or an object already in memory).
    Done(V),
    /// A new object with deep true: a [`Frame`] was pushed and its properties come next.
    Deep(V),
}

/// Steps 2–23 of StructuredDeserialize for one serialized value, and the start of step 24
/// for a new object with deep true (its [`Frame`] is pushed).
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>
fn deserialize_value<H: DeserializeHost>(
    host: &mut H,
    record: &SerializedRecord,
    serialized: &RecordValue,
    memory: &mut [Option<H::Object>],
    stack: &mut Vec<Frame<H::Object, H::Value>>,
) -> Result<Step<H::Value>, DeserializeError<H::Error>> {
    let index = match serialized {
        // 5. If serialized.[[Type]] is "primitive", then set value to serialized.[[Value]].
        //    (Primitives are never in memory and never deep: steps 2–4 and 23–24 do nothing.)
        RecordValue::Undefined => return Ok(Step::Done(host.undefined())),
        RecordValue::Null => return Ok(Step::Done(host.null())),
        RecordValue::Boolean(b) => return Ok(Step::Done(host.boolean(*b))),
        RecordValue::Number(n) => return Ok(Step::Done(host.number(*n))),
        RecordValue::String(s) => return Ok(Step::Done(host.string(s))),
        RecordValue::BigInt(digits) => {
            if !is_bigint_digits(digits) {
                return Err(malformed(record, stack, |path| {
                    format!("{path} is a BigInt with malformed digits {digits:?}")
                }));
            }
            return host
                .bigint(digits)
                .map(Step::Done)
                .map_err(DeserializeError::Host);
        }
        RecordValue::Object(index) => *index,
    };
    let position = usize::try_from(index.0).unwrap_or(usize::MAX);
    let (Some(slot), Some(serialized)) = (memory.get_mut(position), record.objects.get(position))
    else {
        return Err(out_of_range(record, stack, index));
    };

    // 2. If memory[serialized] exists, then return memory[serialized].
    if let Some(object) = slot {
        return Ok(Step::Done(host.object_value(object)));
    }

    // 3. Let deep be false.
    // 4. Let value be an uninitialized value.
    // TODO(spec): steps 6–9 (Boolean, Number, BigInt and String wrapper objects).
    // TODO(spec): steps 10–11 (Date, RegExp).
    // TODO(spec): steps 12–16 (SharedArrayBuffer, GrowableSharedArrayBuffer, ArrayBuffer,
    //             ResizableArrayBuffer, ArrayBufferView).
    // TODO(spec): steps 17–18 (Map, Set; deep).
    // (Steps 19–20 below.)
    // TODO(spec): step 21 (serialized.[[Type]] is "Error").
    // TODO(spec): step 22 (platform objects: interface exposed in targetRealm, new instance;
    //             deep). Until then RecordObject has no other variant, so this match is
    //             exhaustive.
    let (object, deep) = match serialized {
        // 19. Otherwise, if serialized.[[Type]] is "Array", then:
        RecordObject::Array { length, .. } => {
            // 1. Let outputProto be targetRealm.[[Intrinsics]].[[%Array.prototype%]].
            // 2. Set value to ! ArrayCreate(serialized.[[Length]], outputProto).
            //    (The host creates it in its realm, with that prototype.)
            let value = host.create_array(*length).map_err(DeserializeError::Host)?;
            // 3. Set deep to true.
            (value, true)
        }
        // 20. Otherwise, if serialized.[[Type]] is "Object", then:
        RecordObject::Object { .. } => {
            // 1. Set value to a new Object in targetRealm.
            let value = host.create_object().map_err(DeserializeError::Host)?;
            // 2. Set deep to true.
            (value, true)
        }
    };

    // 23. Set memory[serialized] to value.
    *slot = Some(object.clone());
    let value = host.object_value(&object);

    // 24. If deep is true, then:
    //     (Its properties are deserialized by structured_deserialize's loop.)
    if !deep {
        return Ok(Step::Done(value));
    }
    stack.push(Frame {
        index: position,
        object,
        value: value.clone(),
        next: 0,
    });
    Ok(Step::Deep(value))
}

/// Pops the finished top frame and defines its object on its parent under the key the
/// parent is at (steps 24.3.1.2–3 of the parent's call).
fn finish_frame<H: DeserializeHost>(
    host: &mut H,
    record: &SerializedRecord,
    stack: &mut Vec<Frame<H::Object, H::Value>>,
) -> Result<(), DeserializeError<H::Error>> {
    let Some(done) = stack.pop() else {
        return Ok(());
    };
    let Some(parent) = stack.last() else {
        return Ok(());
    };
    match current_key(record, parent.index, parent.next) {
        Some(key) => define(host, &parent.object, key, done.value),
        None => Ok(()),
    }
}

/// `! CreateDataProperty(object, key, value)`.
fn define<H: DeserializeHost>(
    host: &mut H,
    object: &H::Object,
    key: &CloneString,
    value: H::Value,
) -> Result<(), DeserializeError<H::Error>> {
    host.create_data_property(object, key, value)
        .map_err(DeserializeError::Host)
}

/// The `[[Properties]]` of the record at `index` (empty if there is none).
fn properties(record: &SerializedRecord, index: usize) -> &[(CloneString, RecordValue)] {
    record
        .objects
        .get(index)
        .map_or(&[][..], RecordObject::properties)
}

/// The key of the property a frame is at, given its record and `next`.
fn current_key(record: &SerializedRecord, index: usize, next: usize) -> Option<&CloneString> {
    let i = next.checked_sub(1)?;
    properties(record, index).get(i).map(|(key, _)| key)
}

/// Whether `digits` is `-?[0-9]+`.
fn is_bigint_digits(digits: &str) -> bool {
    let magnitude = digits.strip_prefix('-').unwrap_or(digits);
    !magnitude.is_empty() && magnitude.bytes().all(|b| b.is_ascii_digit())
}

/// The error for a reference to an object record that does not exist.
fn out_of_range<O, V, E>(
    record: &SerializedRecord,
    stack: &[Frame<O, V>],
    index: ObjectIndex,
) -> DeserializeError<E> {
    let count = record.objects.len();
    malformed(record, stack, |path| {
        format!(
            "{path} refers to object {}, but the record has {count} objects",
            index.0
        )
    })
}

/// A Malformed error about the value under way, described by `describe` given its path
/// (the path is built only now).
fn malformed<O, V, E>(
    record: &SerializedRecord,
    stack: &[Frame<O, V>],
    describe: impl FnOnce(&str) -> String,
) -> DeserializeError<E> {
    let keys = stack
        .iter()
        .filter_map(|frame| current_key(record, frame.index, frame.next));
    DeserializeError::Malformed(describe(&render_path(keys)))
}
