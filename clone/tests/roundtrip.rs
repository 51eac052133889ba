//! Values that clone: primitives, objects, arrays, sharing and cycles.

mod common;

use common::{array_record, flat, id, k, object_record, round_trip};
use postern_clone::native::{NativeHeap, NativeKind, NativeObject, NativeValue, isomorphic};
use postern_clone::{
    ObjectIndex, RecordString, RecordValue, structured_deserialize, structured_deserialize_owned,
    structured_serialize,
};

#[test]
fn every_primitive_round_trips() {
    let mut lone = "a".encode_utf16().collect::<Vec<u16>>();
    lone.extend([0xD800, 0x62, 0xDC00]);
    let primitives = [
        NativeValue::Undefined,
        NativeValue::Null,
        true.into(),
        false.into(),
        0.0.into(),
        (-0.0).into(),
        f64::NAN.into(),
        f64::INFINITY.into(),
        f64::NEG_INFINITY.into(),
        f64::MIN_POSITIVE.into(),
        1.5e300.into(),
        "".into(),
        "héllo 😀".into(),
        NativeValue::String(RecordString::from(lone)),
        NativeValue::BigInt("0".into()),
        NativeValue::BigInt("-123456789012345678901234567890".into()),
    ];
    for value in primitives {
        let mut heap = NativeHeap::new();
        let (record, target, copy) = round_trip(&mut heap, &value);
        assert!(record.objects.is_empty());
        assert!(target.is_empty());
        // Numbers are compared with Object.is semantics by `round_trip` (via `isomorphic`).
        if !matches!(value, NativeValue::Number(_)) {
            assert_eq!(value, copy);
        }
    }
}

#[test]
fn negative_zero_is_not_zero() {
    let heap = NativeHeap::new();
    assert!(!isomorphic((&heap, &(-0.0).into()), (&heap, &0.0.into())));
    assert!(isomorphic(
        (&heap, &f64::NAN.into()),
        (&heap, &(-f64::NAN).into())
    ));
}

#[test]
fn object_keeps_property_order_and_values() {
    let mut heap = NativeHeap::new();
    let inner = heap.make_object([("x", 1.0.into())]);
    let value = heap.make_object([
        ("z", "last?".into()),
        ("a", NativeValue::Null),
        ("some key", inner),
        ("10", true.into()),
        ("2", false.into()),
    ]);
    let (record, target, copy) = round_trip(&mut heap, &value);
    let keys: Vec<String> = target
        .object(id(&copy))
        .expect("object")
        .properties()
        .iter()
        .map(|(k, _)| k.to_string())
        .collect();
    assert_eq!(keys, ["z", "a", "some key", "10", "2"]);
    assert_eq!(record.root, RecordValue::Object(ObjectIndex(0)));
    assert_eq!(
        record,
        flat(
            RecordValue::Object(ObjectIndex(0)),
            vec![
                object_record(vec![
                    ("z", RecordValue::String(k("last?"))),
                    ("a", RecordValue::Null),
                    ("some key", RecordValue::Object(ObjectIndex(1))),
                    ("10", RecordValue::Boolean(true)),
                    ("2", RecordValue::Boolean(false)),
                ]),
                object_record(vec![("x", RecordValue::Number(1.0))]),
            ]
        )
    );
}

#[test]
fn simple_values_around_others_keep_their_places() {
    // An object's leading simple primitives are deserialized at once, the rest (from the
    // BigInt on) through the work stack: from the record and consuming it alike.
    let mut heap = NativeHeap::new();
    let inner = heap.make_object([("x", 1.0.into())]);
    let value = heap.make_object([
        ("a", 1.0.into()),
        ("b", "s".into()),
        ("big", NativeValue::BigInt("12".into())),
        ("c", NativeValue::Null),
        ("o", inner),
        ("d", "t".into()),
    ]);
    let record = structured_serialize(&mut heap, &value).expect("serializes");
    for owned in [false, true] {
        let mut target = NativeHeap::new();
        let copy = if owned {
            structured_deserialize_owned(&mut target, record.clone())
        } else {
            structured_deserialize(&mut target, &record)
        }
        .expect("deserializes");
        assert!(
            isomorphic((&heap, &value), (&target, &copy)),
            "owned: {owned}"
        );
        let object = target.object(id(&copy)).expect("object");
        assert_eq!(
            object.get(&k("big")),
            Some(&NativeValue::BigInt("12".into()))
        );
        assert_eq!(object.get(&k("d")), Some(&NativeValue::from("t")));
    }
}

#[test]
fn empty_object_and_array() {
    let mut heap = NativeHeap::new();
    let empty_object = heap.make_object(Vec::<(&str, NativeValue)>::new());
    let empty_array = heap.make_array_from([]);
    let value = heap.make_array_from([empty_object, empty_array]);
    round_trip(&mut heap, &value);
}

#[test]
fn array_holes_length_and_extra_properties_are_kept() {
    let mut heap = NativeHeap::new();
    let value = heap.make_array(
        10,
        [
            ("0", "first".into()),
            ("5", 5.0.into()),
            ("label", "extra".into()),
            ("-1", NativeValue::Null),
        ],
    );
    let (record, target, copy) = round_trip(&mut heap, &value);
    assert_eq!(
        record,
        flat(
            RecordValue::Object(ObjectIndex(0)),
            vec![array_record(
                10,
                vec![
                    ("0", RecordValue::String(k("first"))),
                    ("5", RecordValue::Number(5.0)),
                    ("label", RecordValue::String(k("extra"))),
                    ("-1", RecordValue::Null),
                ]
            )]
        )
    );
    let array = target.object(id(&copy)).expect("array");
    assert_eq!(array.kind, NativeKind::Array { length: 10 });
    assert!(!array.has(&k("1")), "hole stays a hole");
    assert_eq!(array.get(&k("label")), Some(&"extra".into()));
}

#[test]
fn shared_reference_stays_shared() {
    let mut heap = NativeHeap::new();
    let shared = heap.make_object([("n", 1.0.into())]);
    let list = heap.make_array_from([shared.clone(), shared.clone()]);
    let value = heap.make_object([("a", shared.clone()), ("b", shared), ("list", list)]);
    let (record, target, copy) = round_trip(&mut heap, &value);
    assert_eq!(record.objects.len(), 3, "one record for the shared object");
    let root = target.object(id(&copy)).expect("root");
    let a = root.get(&k("a")).expect("a");
    assert_eq!(Some(a), root.get(&k("b")));
    let list = target
        .object(id(root.get(&k("list")).expect("list")))
        .expect("list");
    assert_eq!(list.get(&k("0")), Some(a));
    assert_eq!(list.get(&k("1")), Some(a));
    assert_eq!(target.len(), 3);
}

#[test]
fn two_equal_but_distinct_objects_stay_distinct() {
    let mut heap = NativeHeap::new();
    let one = heap.make_object([("n", 1.0.into())]);
    let two = heap.make_object([("n", 1.0.into())]);
    let value = heap.make_array_from([one.clone(), two]);
    let (_, target, copy) = round_trip(&mut heap, &value);
    let list = target.object(id(&copy)).expect("list");
    assert_ne!(list.get(&k("0")), list.get(&k("1")));
    // The identity structure matters to `isomorphic` itself.
    let shared = heap.make_array_from([one.clone(), one]);
    assert!(!isomorphic((&heap, &value), (&heap, &shared)));
}

#[test]
fn self_cycle() {
    let mut heap = NativeHeap::new();
    let a = heap.alloc(NativeObject::new(NativeKind::Ordinary));
    heap.set(a, "self", a.into());
    let (record, target, copy) = round_trip(&mut heap, &a.into());
    assert_eq!(
        record,
        flat(
            RecordValue::Object(ObjectIndex(0)),
            vec![object_record(vec![(
                "self",
                RecordValue::Object(ObjectIndex(0))
            )])]
        )
    );
    let object = target.object(id(&copy)).expect("object");
    assert_eq!(object.get(&k("self")), Some(&copy));
}

#[test]
fn two_object_cycle() {
    let mut heap = NativeHeap::new();
    let a = heap.alloc(NativeObject::new(NativeKind::Ordinary));
    let b = heap.alloc(NativeObject::new(NativeKind::Ordinary));
    heap.set(a, "b", b.into());
    heap.set(b, "a", a.into());
    heap.set(a, "after", 2.0.into());
    let (record, target, copy) = round_trip(&mut heap, &a.into());
    // The memory map holds `a` (index 0) before its properties are serialized.
    assert_eq!(
        record,
        flat(
            RecordValue::Object(ObjectIndex(0)),
            vec![
                object_record(vec![
                    ("b", RecordValue::Object(ObjectIndex(1))),
                    ("after", RecordValue::Number(2.0)),
                ]),
                object_record(vec![("a", RecordValue::Object(ObjectIndex(0)))]),
            ]
        )
    );
    let copy_a = target.object(id(&copy)).expect("a");
    let copy_b = target
        .object(id(copy_a.get(&k("b")).expect("b")))
        .expect("b");
    assert_eq!(copy_b.get(&k("a")), Some(&copy));
}

#[test]
fn array_containing_itself() {
    let mut heap = NativeHeap::new();
    let array = heap.alloc(NativeObject::new(NativeKind::Array { length: 0 }));
    heap.set(array, "0", 1.0.into());
    heap.set(array, "1", array.into());
    heap.set(array, "2", array.into());
    let (_, target, copy) = round_trip(&mut heap, &array.into());
    let copy_array = target.object(id(&copy)).expect("array");
    assert_eq!(copy_array.kind, NativeKind::Array { length: 3 });
    assert_eq!(copy_array.get(&k("1")), Some(&copy));
    assert_eq!(copy_array.get(&k("2")), Some(&copy));
}

#[test]
fn deserializing_into_the_source_heap_makes_new_objects() {
    let mut heap = NativeHeap::new();
    let value = heap.make_object([("x", 1.0.into())]);
    let record = postern_clone::structured_serialize(&mut heap, &value).expect("serializes");
    let copy = postern_clone::structured_deserialize(&mut heap, &record).expect("deserializes");
    assert_ne!(copy, value);
    assert!(isomorphic((&heap, &value), (&heap, &copy)));
}

#[test]
fn record_is_send_and_survives_a_thread() {
    let mut heap = NativeHeap::new();
    let inner = heap.make_array_from(["x".into()]);
    let value = heap.make_object([("inner", inner.clone()), ("again", inner)]);
    let record = postern_clone::structured_serialize(&mut heap, &value).expect("serializes");
    let record = std::thread::spawn(move || record).join().expect("thread");
    let mut target = NativeHeap::new();
    let copy = postern_clone::structured_deserialize(&mut target, &record).expect("deserializes");
    assert!(isomorphic((&heap, &value), (&target, &copy)));
}
