//! Untrusted records: anything malformed is an error, never a panic.

mod common;

use common::{Nested, array_record, flat, k, object_record};
use postern_clone::native::{NativeHeap, NativeKind, NativeValue};
use postern_clone::{
    DeserializeError, ObjectIndex, RecordObject, RecordValue, SerializedRecord,
    structured_deserialize, structured_deserialize_owned,
};

fn malformed(record: &SerializedRecord) -> String {
    match structured_deserialize(&mut NativeHeap::new(), record) {
        Err(DeserializeError::Malformed(message)) => message,
        other => panic!("expected Malformed, got {other:?}"),
    }
}

fn object(properties: Vec<(&str, RecordValue)>) -> Nested {
    object_record(properties)
}

#[test]
fn root_index_out_of_range() {
    let record = flat(RecordValue::Object(ObjectIndex(0)), vec![]);
    assert_eq!(
        malformed(&record),
        "value refers to object 0, but the record has 0 objects"
    );
    let record = flat(
        RecordValue::Object(ObjectIndex(u32::MAX)),
        vec![object(vec![])],
    );
    assert_eq!(
        malformed(&record),
        "value refers to object 4294967295, but the record has 1 objects"
    );
}

#[test]
fn nested_index_out_of_range_names_the_place() {
    let record = flat(
        RecordValue::Object(ObjectIndex(0)),
        vec![
            object(vec![
                ("ok", RecordValue::Null),
                ("a", RecordValue::Object(ObjectIndex(1))),
            ]),
            array_record(
                3,
                vec![
                    ("0", RecordValue::Object(ObjectIndex(0))),
                    ("2", RecordValue::Object(ObjectIndex(7))),
                ],
            ),
        ],
    );
    assert_eq!(
        malformed(&record),
        "value.a[2] refers to object 7, but the record has 2 objects"
    );
}

#[test]
fn malformed_bigint() {
    for digits in ["", "-", "12a", "1.5", "+1", " 1"] {
        let record = flat(
            RecordValue::Object(ObjectIndex(0)),
            vec![object(vec![("n", RecordValue::BigInt(digits.into()))])],
        );
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
    let record = flat(
        RecordValue::Object(ObjectIndex(1)),
        vec![
            object(vec![("unreachable", RecordValue::Object(ObjectIndex(99)))]),
            object(vec![
                ("x", RecordValue::Number(1.0)),
                ("x", RecordValue::Number(2.0)),
                ("arr", RecordValue::Object(ObjectIndex(2))),
                ("big", RecordValue::Object(ObjectIndex(3))),
            ]),
            array_record(1, vec![("5", RecordValue::Null)]),
            array_record(u32::MAX, vec![]),
        ],
    );
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
    let record = flat(RecordValue::String(k("hi")), vec![object(vec![])]);
    let mut heap = NativeHeap::new();
    let value = structured_deserialize(&mut heap, &record).expect("deserializes");
    assert_eq!(value, NativeValue::String(k("hi")));
    assert!(heap.is_empty());
}

/// A record whose root is object 0 of `objects`.
fn rooted(objects: Vec<Nested>) -> SerializedRecord {
    flat(RecordValue::Object(ObjectIndex(0)), objects)
}

#[test]
fn views_that_do_not_fit_their_buffer() {
    use postern_clone::ViewKind;
    let view = |buffer, byte_offset, length| RecordObject::ArrayBufferView {
        kind: ViewKind::Int32,
        buffer: ObjectIndex(buffer),
        byte_offset,
        length,
    };
    let buffer = RecordObject::ArrayBuffer {
        data: vec![0; 8],
        max_byte_length: None,
    };
    let cases = [
        (
            view(2, 4, Some(2)),
            "value.v is an Int32Array that does not fit in its buffer of 8 bytes",
        ),
        (
            view(2, 2, Some(1)),
            "value.v is an Int32Array whose byte offset 2 is not a multiple of 4",
        ),
        (
            view(2, 0, None),
            "value.v is a length-tracking Int32Array over a buffer that is not resizable",
        ),
        (
            view(0, 0, Some(0)),
            "value.v.buffer is an Object, not an ArrayBuffer",
        ),
        (
            view(1, 0, Some(0)),
            "value.v.buffer is an ArrayBuffer view, not an ArrayBuffer",
        ),
        (
            view(5, 0, Some(0)),
            "value.v.buffer refers to object 5, but the record has 3 objects",
        ),
    ];
    for (view, expected) in cases {
        let record = rooted(vec![
            object(vec![("v", RecordValue::Object(ObjectIndex(1)))]),
            view.into(),
            buffer.clone().into(),
        ]);
        assert_eq!(malformed(&record), expected);
    }
}

#[test]
fn other_malformed_objects() {
    let cases = [
        (
            RecordObject::RegExp(Box::new(postern_clone::RegExpRecord {
                source: "a".into(),
                flags: "gx".into(),
            })),
            "value.x is a RegExp with malformed flags \"gx\"",
        ),
        (
            RecordObject::BigInt("1.0".into()),
            "value.x is a BigInt object with malformed digits \"1.0\"",
        ),
        (
            RecordObject::ArrayBuffer {
                data: vec![0; 4],
                max_byte_length: Some(2),
            },
            "value.x is a resizable ArrayBuffer whose byte length 4 exceeds its maximum 2",
        ),
        (
            RecordObject::Platform(postern_clone::PlatformIndex(3)),
            "value.x refers to platform record 3, but the record has 0",
        ),
        (
            RecordObject::Transferred(postern_clone::TransferIndex(0)),
            "value.x refers to transferred value 0, but 0 were transferred",
        ),
    ];
    for (bad, expected) in cases {
        let record = rooted(vec![
            object(vec![("x", RecordValue::Object(ObjectIndex(1)))]),
            bad.into(),
        ]);
        assert_eq!(malformed(&record), expected);
    }
}

#[test]
fn map_entry_out_of_range_names_the_entry() {
    let record = rooted(vec![
        RecordObject::Map {
            entries: vec![
                (RecordValue::String(k("ok")), RecordValue::Null),
                (
                    RecordValue::String(k("k")),
                    RecordValue::Object(ObjectIndex(4)),
                ),
            ],
        }
        .into(),
    ]);
    assert_eq!(
        malformed(&record),
        r#"value.get("k") refers to object 4, but the record has 1 objects"#
    );
}

#[test]
fn impossible_dates_are_time_clipped() {
    for (time, expected) in [
        (1.5, 1.0),
        (-0.0, 0.0),
        (9e15, f64::NAN),
        (f64::INFINITY, f64::NAN),
    ] {
        let record = rooted(vec![RecordObject::Date(time).into()]);
        let mut heap = NativeHeap::new();
        let value = structured_deserialize(&mut heap, &record).expect("deserializes");
        let NativeValue::Object(id) = value else {
            panic!("not an object")
        };
        match heap.object(id).map(|o| &o.kind) {
            Some(NativeKind::Date(t)) => {
                assert!(t.to_bits() == expected.to_bits() || (t.is_nan() && expected.is_nan()));
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn properties_out_of_range() {
    let mut record = rooted(vec![object(vec![("a", RecordValue::Null)])]);
    record.objects[0] = RecordObject::Object {
        properties: postern_clone::PropertyRange { start: 1, len: 1 },
    };
    assert_eq!(
        malformed(&record),
        "value has properties 1..+1, but the record has 1"
    );
    // Consuming the record (its properties moved out) finds the same.
    let owned = structured_deserialize_owned(&mut NativeHeap::new(), record.clone());
    assert!(
        matches!(&owned, Err(DeserializeError::Malformed(m)) if m == "value has properties 1..+1, but the record has 1"),
        "{owned:?}"
    );
    record.objects[0] = RecordObject::Object {
        properties: postern_clone::PropertyRange {
            start: u32::MAX,
            len: u32::MAX,
        },
    };
    assert!(malformed(&record).starts_with("value has properties"));
    assert!(record.validate().is_err());
}

#[test]
fn duplicate_keys_in_big_objects_and_unordered_big_arrays() {
    // Past 16 properties the native model (NativeObject::set_all) checks keys with a set,
    // not pairwise, unless they are increasing array indices.
    let keys: Vec<String> = (0..20).map(|i| format!("k{i}")).collect();
    let mut properties: Vec<(&str, RecordValue)> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| (key.as_str(), RecordValue::Number(i as f64)))
        .collect();
    properties.push(("k3", RecordValue::Number(99.0)));
    let indices: Vec<String> = (0..20).rev().map(|i| i.to_string()).collect();
    let elements = indices
        .iter()
        .map(|i| (i.as_str(), RecordValue::Null))
        .collect();
    properties.push(("arr", RecordValue::Object(ObjectIndex(1))));
    let record = rooted(vec![object(properties), array_record(3, elements)]);
    let mut heap = NativeHeap::new();
    let value = structured_deserialize(&mut heap, &record).expect("deserializes");
    let NativeValue::Object(root) = value else {
        panic!("not an object")
    };
    let root = heap.object(root).expect("root").clone();
    assert_eq!(root.properties().len(), 21, "20 keys and arr, k3 once");
    assert_eq!(root.properties()[3].0, k("k3"), "k3 keeps its first place");
    assert_eq!(root.get(&k("k3")), Some(&NativeValue::Number(99.0)));
    assert_eq!(root.get(&k("k19")), Some(&NativeValue::Number(19.0)));
    let Some(NativeValue::Object(arr)) = root.get(&k("arr")) else {
        panic!("no arr")
    };
    let arr = heap.object(*arr).expect("arr");
    assert_eq!(arr.kind, NativeKind::Array { length: 20 });
    assert_eq!(arr.properties().len(), 20);
    assert_eq!(arr.properties()[0].0, k("19"), "elements in record order");
    assert!(arr.has(&k("0")) && arr.has(&k("19")) && !arr.has(&k("20")));
}

#[test]
fn runs_shared_by_two_objects_deserialize_alike_owned_or_not() {
    // Only a record built by hand has two objects over one run; consuming the record must
    // not lose the values the second object reads.
    let mut record = rooted(vec![
        object(vec![
            ("a", RecordValue::Object(ObjectIndex(1))),
            ("b", RecordValue::Object(ObjectIndex(2))),
        ]),
        object(vec![("x", RecordValue::String(k("shared")))]),
        object(vec![]),
    ]);
    let run = record.objects[1].property_range().expect("a run");
    if let RecordObject::Object { properties } = &mut record.objects[2] {
        *properties = run;
    }
    let mut borrowed = NativeHeap::new();
    let from_borrowed = structured_deserialize(&mut borrowed, &record).expect("deserializes");
    let mut owned = NativeHeap::new();
    let from_owned =
        postern_clone::structured_deserialize_owned(&mut owned, record).expect("deserializes");
    assert!(postern_clone::native::isomorphic(
        (&borrowed, &from_borrowed),
        (&owned, &from_owned)
    ));
    let NativeValue::Object(root) = from_owned else {
        panic!("not an object")
    };
    let Some(NativeValue::Object(b)) = owned.object(root).and_then(|o| o.get(&k("b"))) else {
        panic!("no b")
    };
    let b = owned.object(*b).expect("b");
    assert_eq!(b.get(&k("x")), Some(&NativeValue::String(k("shared"))));
}
