//! Helpers shared by the integration tests.
#![allow(dead_code)]

use postern_clone::native::{NativeHeap, NativeValue, isomorphic};
use postern_clone::{RecordString, SerializedRecord, structured_deserialize, structured_serialize};

/// Serializes `value` out of `heap`, deserializes it into a new heap, checks the copy is
/// isomorphic to the original, and returns the record, the new heap and the copy.
pub fn round_trip(
    heap: &mut NativeHeap,
    value: &NativeValue,
) -> (SerializedRecord, NativeHeap, NativeValue) {
    let record = structured_serialize(heap, value).expect("serializes");
    let mut target = NativeHeap::new();
    let copy = structured_deserialize(&mut target, &record).expect("deserializes");
    assert!(
        isomorphic((heap, value), (&target, &copy)),
        "copy differs: {value:?} -> {copy:?}"
    );
    (record, target, copy)
}

/// A key from a `&str`.
pub fn k(key: &str) -> RecordString {
    RecordString::from(key)
}

/// The object id a value holds.
pub fn id(value: &NativeValue) -> postern_clone::native::NativeObjectId {
    match value {
        NativeValue::Object(id) => *id,
        other => panic!("not an object: {other:?}"),
    }
}

/// The DataCloneError message serializing `value` gives (default options).
pub fn clone_error(heap: &mut NativeHeap, value: &NativeValue) -> String {
    match structured_serialize(heap, value) {
        Err(postern_clone::SerializeError::DataClone(error)) => error.message,
        Err(postern_clone::SerializeError::Host(error)) => panic!("unexpected exception {error:?}"),
        Ok(record) => panic!("unexpectedly cloned: {record:?}"),
    }
}

/// The kind of the object `value` names in `heap`.
pub fn kind(heap: &NativeHeap, value: &NativeValue) -> postern_clone::native::NativeKind {
    heap.object(id(value)).expect("object").kind.clone()
}

pub mod seeds;
