//! Untrusted records: anything malformed is an error, never a panic.

mod common;

use common::k;
use postern_clone::native::{NativeHeap, NativeKind, NativeValue};
use postern_clone::{
    DeserializeError, ObjectIndex, RecordObject, RecordValue, SerializedRecord,
    structured_deserialize,
};

fn malformed(record: &SerializedRecord) -> String {
    match structured_deserialize(&mut NativeHeap::new(), record) {
        Err(DeserializeError::Malformed(message)) => message,
        other => panic!("expected Malformed, got {other:?}"),
    }
}

fn object(properties: Vec<(&str, RecordValue)>) -> RecordObject {
    RecordObject::Object {
        properties: properties.into_iter().map(|(key, v)| (k(key), v)).collect(),
    }
}

#[test]
fn root_index_out_of_range() {
    let record = SerializedRecord {
        root: RecordValue::Object(ObjectIndex(0)),
        objects: vec![],
    };
    assert_eq!(
        malformed(&record),
        "value refers to object 0, but the record has 0 objects"
    );
    let record = SerializedRecord {
        root: RecordValue::Object(ObjectIndex(u32::MAX)),
        objects: vec![object(vec![])],
    };
    assert_eq!(
        malformed(&record),
        "value refers to object 4294967295, but the record has 1 objects"
    );
}

#[test]
fn nested_index_out_of_range_names_the_place() {
    let record = SerializedRecord {
        root: RecordValue::Object(ObjectIndex(0)),
        objects: vec![
            object(vec![
                ("ok", RecordValue::Null),
                ("a", RecordValue::Object(ObjectIndex(1))),
            ]),
            RecordObject::Array {
                length: 3,
                properties: vec![
                    (k("0"), RecordValue::Object(ObjectIndex(0))),
                    (k("2"), RecordValue::Object(ObjectIndex(7))),
                ],
            },
        ],
    };
    assert_eq!(
        malformed(&record),
        "value.a[2] refers to object 7, but the record has 2 objects"
    );
}

#[test]
fn malformed_bigint() {
    for digits in ["", "-", "12a", "1.5", "+1", " 1"] {
        let record = SerializedRecord {
            root: RecordValue::Object(ObjectIndex(0)),
            objects: vec![object(vec![("n", RecordValue::BigInt(digits.into()))])],
        };
        assert_eq!(
            malformed(&record),
            format!("value.n is a BigInt with malformed digits {digits:?}")
        );
    }
}

#[test]
fn odd_but_well_formed_records_deserialize() {
    // Unreachable records are ignored, duplicate keys overwrite (CreateDataProperty), an
    // index at or past the length grows the array, and a huge length is just a length.
    let record = SerializedRecord {
        root: RecordValue::Object(ObjectIndex(1)),
        objects: vec![
            object(vec![("unreachable", RecordValue::Object(ObjectIndex(99)))]),
            object(vec![
                ("x", RecordValue::Number(1.0)),
                ("x", RecordValue::Number(2.0)),
                ("arr", RecordValue::Object(ObjectIndex(2))),
                ("big", RecordValue::Object(ObjectIndex(3))),
            ]),
            RecordObject::Array {
                length: 1,
                properties: vec![(k("5"), RecordValue::Null)],
            },
            RecordObject::Array {
                length: u32::MAX,
                properties: vec![],
            },
        ],
    };
    let mut heap = NativeHeap::new();
    let value = structured_deserialize(&mut heap, &record).expect("deserializes");
    let NativeValue::Object(root) = value else {
        panic!("not an object")
    };
    let root = heap.object(root).expect("root").clone();
    assert_eq!(heap.len(), 3, "the unreachable record is not created");
    assert_eq!(root.properties().len(), 3);
    assert_eq!(root.get(&k("x")), Some(&NativeValue::Number(2.0)));
    let Some(NativeValue::Object(arr)) = root.get(&k("arr")) else {
        panic!("no arr")
    };
    assert_eq!(
        heap.object(*arr).expect("arr").kind,
        NativeKind::Array { length: 6 }
    );
    let Some(NativeValue::Object(big)) = root.get(&k("big")) else {
        panic!("no big")
    };
    assert_eq!(
        heap.object(*big).expect("big").kind,
        NativeKind::Array { length: u32::MAX }
    );
}

#[test]
fn primitive_root_ignores_the_object_records() {
    // A primitive root needs no objects; records it does not reach are not created.
    let record = SerializedRecord {
        root: RecordValue::String(k("hi")),
        objects: vec![object(vec![])],
    };
    let mut heap = NativeHeap::new();
    let value = structured_deserialize(&mut heap, &record).expect("deserializes");
    assert_eq!(value, NativeValue::String(k("hi")));
    assert!(heap.is_empty());
}
