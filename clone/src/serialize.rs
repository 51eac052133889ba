//! StructuredSerialize and StructuredSerializeInternal.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserialize>

use crate::error::{DataCloneError, SerializeError};
use crate::host::{ObjectKind, SerializeHost, ValueKind};
use crate::memory::Memory;
use crate::path::render_path;
use crate::record::{CloneString, ObjectIndex, RecordObject, RecordValue, SerializedRecord};

/// StructuredSerialize: turns `value` into a [`SerializedRecord`].
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserialize>
///
/// Objects met more than once (shared references, cycles) get one record, referred to by
/// the same [`ObjectIndex`] everywhere. Properties are read depth-first in the spec's
/// order, so getters run exactly when and as often as they would in a browser. The walk
/// uses an explicit work stack, so the depth of `value` is limited by memory only.
///
/// # Errors
///
/// - [`SerializeError::Host`]: script run by the walk (a getter) threw; the exception is
///   passed on unchanged and no record is produced.
/// - [`SerializeError::DataClone`]: a part of the value cannot be cloned. The message is
///   `{path} is {what} and cannot be cloned`, where `{path}` starts at `value` and follows
///   the property keys to the offending part (`value.items[3]["a key"]`, see below), and
///   `{what}` is `a symbol`, `a function`, or the host's [`ObjectKind::NotSerializable`]
///   description verbatim (hosts give it with its article, e.g. `a WeakMap`). For example:
///   `value.items[3].handler is a function and cannot be cloned`.
///
/// Path segments: an array index key (canonical decimal below 2³² − 1) is written `[3]`, an
/// ASCII identifier name `.name`, and any other key as a JSON string, `["some key"]`.
pub fn structured_serialize<H: SerializeHost>(
    host: &mut H,
    value: &H::Value,
) -> Result<SerializedRecord, SerializeError<H::Error>> {
    // 1. Return ? StructuredSerializeInternal(value, false).
    // Deviation: forStorage is not passed, as no implemented step reads it; it is needed
    // with SharedArrayBuffer support (TODO(spec): step 13.1.2 of StructuredSerializeInternal).
    let mut memory = Memory::default();
    let root = structured_serialize_internal(host, value, &mut memory)?;
    Ok(SerializedRecord {
        root,
        objects: memory.records,
    })
}

/// One object whose step 26 is under way: the walk's replacement for a recursive call.
struct Frame<O> {
    /// The object (the spec's `value` in that call).
    object: O,
    /// `! EnumerableOwnProperties(value, key)`, listed when the object was first met.
    keys: Vec<CloneString>,
    /// How many of `keys` have been started; `keys[next - 1]` is the key being serialized.
    next: usize,
    /// Where the object's record (the spec's `serialized` in that call) is.
    index: ObjectIndex,
}

impl<O> Frame<O> {
    /// Starts the next key: returns the object and the key, or `None` when all are done.
    fn advance(&mut self) -> Option<(&O, &CloneString)> {
        let key = self.keys.get(self.next)?;
        self.next += 1;
        Some((&self.object, key))
    }
}

/// What steps 2–25 made of one value.
enum Step {
    /// The value's record is complete (a primitive, or an object already in memory).
    Done(RecordValue),
    /// A new object with deep true: a [`Frame`] was pushed and its properties come next.
    Deep(ObjectIndex),
}

/// StructuredSerializeInternal(value, forStorage, memory).
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
///
/// Deviation: the spec recurses at step 26.4.1.2 for every property value. Here steps 2–25
/// are [`serialize_value`], and step 26 runs in this function's loop over a work stack of
/// [`Frame`]s, one per object whose properties are being serialized, innermost last. A
/// nested object's frame is pushed on top of its parent's, so its properties are read
/// before the parent's next property: the order of every observable operation (getters) is
/// the recursive order. A property whose value is a new object is appended to its parent's
/// record when that object's frame is finished, as the recursive call would return then.
fn structured_serialize_internal<H: SerializeHost>(
    host: &mut H,
    value: &H::Value,
    memory: &mut Memory,
) -> Result<RecordValue, SerializeError<H::Error>> {
    // Deviation: no recursion; a work stack of frames instead (see above).

    // 1. If memory was not supplied, let memory be an empty map.
    //    (StructuredSerialize supplies a new empty one.)
    let mut stack: Vec<Frame<H::Object>> = Vec::new();
    // 2.–25. for value itself.
    let serialized = match serialize_value(host, value, memory, &mut stack)? {
        Step::Done(serialized) => serialized,
        Step::Deep(index) => RecordValue::Object(index),
    };

    // 26. If deep is true, then: (for value and, in place of recursion, every object below it)
    while let Some(top) = stack.len().checked_sub(1) {
        // TODO(spec): step 26.1 (value has a [[MapData]] internal slot).
        // TODO(spec): step 26.2 (value has a [[SetData]] internal slot).
        // TODO(spec): step 26.3 (serializable platform objects: their serialization steps).
        // 4. Otherwise, for each key in ! EnumerableOwnProperties(value, key):
        let Some((object, key)) = stack[top].advance() else {
            // The object is done: the recursive call would return here.
            finish_frame(&mut stack, memory);
            continue;
        };
        // 1. If ! HasOwnProperty(value, key) is true, then:
        //    (A getter run earlier may have deleted the property: it is skipped.)
        if !host
            .has_own_property(object, key)
            .map_err(SerializeError::Host)?
        {
            continue;
        }
        // 1. Let inputValue be ? value.[[Get]](key, value).
        let input = host.get(object, key).map_err(SerializeError::Host)?;
        // 2. Let outputValue be ? StructuredSerializeInternal(inputValue, forStorage, memory).
        //    (Steps 2–25 now; if inputValue is a new object, its step 26 is the next frame.)
        match serialize_value(host, &input, memory, &mut stack)? {
            // 3. Append { [[Key]]: key, [[Value]]: outputValue } to serialized.[[Properties]].
            Step::Done(output) => append_property(&mut stack[top], memory, output),
            // 3. (For a new object, in finish_frame once its properties are serialized.)
            Step::Deep(_) => {}
        }
    }

    // 27. Return serialized.
    Ok(serialized)
}

/// Steps 2–25 of StructuredSerializeInternal for one value, and the start of step 26 for an
/// object with deep true (its key list is taken and its [`Frame`] pushed).
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
fn serialize_value<H: SerializeHost>(
    host: &mut H,
    value: &H::Value,
    memory: &mut Memory,
    stack: &mut Vec<Frame<H::Object>>,
) -> Result<Step, SerializeError<H::Error>> {
    let object = match host.classify_value(value) {
        // 4. If value is undefined, null, a Boolean, a Number, a BigInt, or a String, then
        //    return { [[Type]]: "primitive", [[Value]]: value }.
        ValueKind::Undefined => return Ok(Step::Done(RecordValue::Undefined)),
        ValueKind::Null => return Ok(Step::Done(RecordValue::Null)),
        ValueKind::Boolean(b) => return Ok(Step::Done(RecordValue::Boolean(b))),
        ValueKind::Number(n) => return Ok(Step::Done(RecordValue::Number(n))),
        ValueKind::BigInt(digits) => return Ok(Step::Done(RecordValue::BigInt(digits))),
        ValueKind::String(s) => return Ok(Step::Done(RecordValue::String(s))),
        // 5. If value is a Symbol, then throw a "DataCloneError" DOMException.
        ValueKind::Symbol => return Err(data_clone_error(stack, "a symbol").into()),
        ValueKind::Object(object) => object,
    };

    // 2. If memory[value] exists, then return memory[value].
    // Deviation: done after steps 4–5, as memory only ever holds objects; unobservable.
    let identity = host.object_identity(&object);
    if let Some(index) = memory.get(identity) {
        return Ok(Step::Done(RecordValue::Object(index)));
    }

    // 3. Let deep be false.
    // 6. Let serialized be an uninitialized value.
    let (serialized, deep) = match host.classify_object(&object) {
        // TODO(spec): step 7 ([[BooleanData]]: Boolean wrapper objects).
        // TODO(spec): step 8 ([[NumberData]]: Number wrapper objects).
        // TODO(spec): step 9 ([[BigIntData]]: BigInt wrapper objects).
        // TODO(spec): step 10 ([[StringData]]: String wrapper objects).
        // TODO(spec): step 11 ([[DateValue]]: Date).
        // TODO(spec): step 12 ([[RegExpMatcher]]: RegExp).
        // TODO(spec): step 13 ([[ArrayBufferData]]: ArrayBuffer, SharedArrayBuffer).
        // TODO(spec): step 14 ([[ViewedArrayBuffer]]: typed arrays, DataView).
        // TODO(spec): step 15 ([[MapData]]: Map; deep).
        // TODO(spec): step 16 ([[SetData]]: Set; deep).
        // TODO(spec): step 17 ([[ErrorData]]: Error objects that are not platform objects).
        // 18. Otherwise, if value is an Array exotic object, then:
        ObjectKind::Array { length } => {
            // 1. Let valueLenDescriptor be ? OrdinaryGetOwnProperty(value, "length").
            // 2. Let valueLen be valueLenDescriptor.[[Value]].
            //    (The host reads it when it classifies the object.)
            // 3. Set serialized to { [[Type]]: "Array", [[Length]]: valueLen,
            //    [[Properties]]: a new empty List }.
            let serialized = RecordObject::Array {
                length,
                properties: Vec::new(),
            };
            // 4. Set deep to true.
            (serialized, true)
        }
        // TODO(spec): step 19 (platform objects that are serializable objects; deep).
        // 20. Otherwise, if value is a platform object, then throw a "DataCloneError"
        //     DOMException. (The host reports such objects as NotSerializable.)
        // 21. Otherwise, if IsCallable(value) is true, then throw a "DataCloneError"
        //     DOMException.
        ObjectKind::Callable => return Err(data_clone_error(stack, "a function").into()),
        // 22. Otherwise, if value has any internal slot other than [[Prototype]],
        //     [[Extensible]], or [[PrivateElements]], then throw a "DataCloneError"
        //     DOMException.
        // 23. Otherwise, if value is an exotic object and value is not the
        //     %Object.prototype% intrinsic object associated with any realm, then throw a
        //     "DataCloneError" DOMException.
        //     (The host reports the objects of steps 20, 22 and 23 as NotSerializable.)
        ObjectKind::NotSerializable(what) => return Err(data_clone_error(stack, &what).into()),
        // 24. Otherwise:
        ObjectKind::Ordinary => {
            // 1. Set serialized to { [[Type]]: "Object", [[Properties]]: a new empty List }.
            let serialized = RecordObject::Object {
                properties: Vec::new(),
            };
            // 2. Set deep to true.
            (serialized, true)
        }
    };

    // 25. Set memory[value] to serialized.
    let index = memory.insert(identity, serialized)?;

    // 26. If deep is true, then:
    if !deep {
        return Ok(Step::Done(RecordValue::Object(index)));
    }
    // 4. Otherwise, for each key in ! EnumerableOwnProperties(value, key):
    //    (The keys are listed now; structured_serialize_internal's loop walks them.)
    let keys = host
        .enumerable_own_string_keys(&object)
        .map_err(SerializeError::Host)?;
    stack.push(Frame {
        object,
        keys,
        next: 0,
        index,
    });
    Ok(Step::Deep(index))
}

/// Pops the finished top frame and appends its object to its parent's record under the key
/// the parent is at (step 26.4.1.3 of the parent's call).
fn finish_frame<O>(stack: &mut Vec<Frame<O>>, memory: &mut Memory) {
    let Some(done) = stack.pop() else {
        return;
    };
    if let Some(parent) = stack.last_mut() {
        append_property(parent, memory, RecordValue::Object(done.index));
    }
}

/// Appends `{ [[Key]]: key, [[Value]]: output }` to the frame's record, where `key` is the
/// key the frame is at. The key is moved out of the frame: it is not read again.
fn append_property<O>(frame: &mut Frame<O>, memory: &mut Memory, output: RecordValue) {
    let Some(key) = frame
        .next
        .checked_sub(1)
        .and_then(|i| frame.keys.get_mut(i))
    else {
        return;
    };
    if let Some(record) = memory.record_mut(frame.index) {
        record.properties_mut().push((std::mem::take(key), output));
    }
}

/// The DataCloneError for the value at the top of the walk: `{path} is {what} and cannot be
/// cloned`. The path is built only now, from the key each frame is at.
fn data_clone_error<O>(stack: &[Frame<O>], what: &str) -> DataCloneError {
    let keys = stack
        .iter()
        .filter_map(|frame| frame.next.checked_sub(1).and_then(|i| frame.keys.get(i)));
    DataCloneError {
        message: format!("{} is {what} and cannot be cloned", render_path(keys)),
    }
}
