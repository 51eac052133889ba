//! Helpers shared by the integration tests.
#![allow(dead_code)]
// Test helpers: a failed unwrap/expect is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

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

/// An object record as a test writes it: an Object's or Array's properties given with it
/// (see [`flat`]).
pub struct Nested(
    pub postern_clone::RecordObject,
    pub Vec<(RecordString, postern_clone::RecordValue)>,
);

impl From<postern_clone::RecordObject> for Nested {
    fn from(object: postern_clone::RecordObject) -> Self {
        Nested(object, Vec::new())
    }
}

/// An Object record with `properties`.
pub fn object_record(properties: Vec<(&str, postern_clone::RecordValue)>) -> Nested {
    let properties = properties.into_iter().map(|(key, v)| (k(key), v)).collect();
    Nested(
        postern_clone::RecordObject::Object {
            properties: Default::default(),
        },
        properties,
    )
}

/// An Array record of `length` with `properties`.
pub fn array_record(length: u32, properties: Vec<(&str, postern_clone::RecordValue)>) -> Nested {
    let properties = properties.into_iter().map(|(key, v)| (k(key), v)).collect();
    Nested(
        postern_clone::RecordObject::Array {
            length,
            properties: Default::default(),
        },
        properties,
    )
}

/// The record of `root` and `objects`, each Object's and Array's properties laid out in one
/// run after the previous one's, as serialization lays them out.
pub fn flat(root: postern_clone::RecordValue, objects: Vec<Nested>) -> SerializedRecord {
    let mut record = SerializedRecord {
        root,
        ..Default::default()
    };
    for Nested(mut object, properties) in objects {
        let range = record.push_properties(properties).expect("fits");
        if let postern_clone::RecordObject::Object { properties }
        | postern_clone::RecordObject::Array { properties, .. } = &mut object
        {
            *properties = range;
        }
        record.objects.push(object);
    }
    record
}

/// The `[[Properties]]` of the record's object `index`.
pub fn properties_of(
    record: &SerializedRecord,
    index: usize,
) -> &[(RecordString, postern_clone::RecordValue)] {
    record
        .properties_of(&record.objects[index])
        .expect("in range")
}
