//! Every cloneable kind of object round-trips with its spec semantics (native model).

mod common;

use common::{id, k, kind, round_trip};
use postern_clone::native::{NativeHeap, NativeKind, NativeValue, isomorphic};
use postern_clone::{
    ErrorName, ObjectIndex, RecordObject, RecordValue, RegExpRecord, SerializeOptions, ViewKind,
    structured_deserialize, structured_serialize_with_options,
};

#[test]
fn primitive_wrappers() {
    let mut heap = NativeHeap::new();
    let values = [
        heap.make_boolean_object(true),
        heap.make_boolean_object(false),
        heap.make_number_object(-0.0),
        heap.make_number_object(f64::NAN),
        heap.make_number_object(1.5),
        heap.make_bigint_object("-12345678901234567890"),
        heap.make_string_object("héllo 😀"),
    ];
    let value = heap.make_array_from(values);
    let (record, target, copy) = round_trip(&mut heap, &value);
    assert_eq!(record.objects[1], RecordObject::Boolean(true));
    assert!(
        matches!(record.objects[3], RecordObject::Number(n) if n.to_bits() == (-0.0f64).to_bits())
    );
    assert_eq!(
        record.objects[6],
        RecordObject::BigInt("-12345678901234567890".into())
    );
    let array = target.object(id(&copy)).expect("array");
    let string = array.get(&k("6")).expect("string object");
    assert_eq!(
        kind(&target, string),
        NativeKind::StringObject("héllo 😀".into())
    );
}

#[test]
fn wrapper_properties_are_not_cloned() {
    // Not deep: only the internal slot is kept.
    let mut heap = NativeHeap::new();
    let wrapper = heap.make_number_object(3.0);
    heap.set(id(&wrapper), "extra", 1.0.into());
    let record = postern_clone::structured_serialize(&mut heap, &wrapper).expect("serializes");
    assert_eq!(record.objects, vec![RecordObject::Number(3.0)]);
}

#[test]
fn dates_including_invalid() {
    let mut heap = NativeHeap::new();
    let valid = heap.make_date(1_700_000_000_123.0);
    let invalid = heap.make_date(f64::NAN);
    let value = heap.make_array_from([valid, invalid]);
    let (record, target, copy) = round_trip(&mut heap, &value);
    assert_eq!(record.objects[1], RecordObject::Date(1_700_000_000_123.0));
    let array = target.object(id(&copy)).expect("array");
    match kind(&target, array.get(&k("1")).expect("invalid")) {
        NativeKind::Date(t) => assert!(t.is_nan()),
        other => panic!("not a Date: {other:?}"),
    }
}

#[test]
fn regexp_keeps_source_and_flags_but_not_last_index() {
    let mut heap = NativeHeap::new();
    let regexp = heap.make_regexp("a+(b|c)\\d", "gimsuy");
    heap.set(id(&regexp), "lastIndex", 5.0.into());
    let record = postern_clone::structured_serialize(&mut heap, &regexp).expect("serializes");
    assert_eq!(
        record.objects,
        vec![RecordObject::RegExp(Box::new(RegExpRecord {
            source: "a+(b|c)\\d".into(),
            flags: "gimsuy".into(),
        }))]
    );
    let mut target = NativeHeap::new();
    let copy = structured_deserialize(&mut target, &record).expect("deserializes");
    let object = target.object(id(&copy)).expect("regexp");
    assert!(object.properties().is_empty(), "lastIndex is not kept");
    assert_eq!(
        object.kind,
        NativeKind::RegExp(Box::new(postern_clone::native::NativeRegExp {
            source: "a+(b|c)\\d".into(),
            flags: "gimsuy".into()
        }))
    );
}

#[test]
fn array_buffers_fixed_and_resizable() {
    let mut heap = NativeHeap::new();
    let fixed = heap.make_array_buffer((0..=255).collect());
    let resizable = heap.make_resizable_array_buffer(vec![1, 2, 3], Some(64));
    let empty = heap.make_array_buffer(Vec::new());
    let value = heap.make_array_from([fixed, resizable, empty]);
    let (record, target, copy) = round_trip(&mut heap, &value);
    assert_eq!(
        record.objects[2],
        RecordObject::ArrayBuffer {
            data: vec![1, 2, 3],
            max_byte_length: Some(64)
        }
    );
    let array = target.object(id(&copy)).expect("array");
    let copied = target
        .array_buffer(id(array.get(&k("0")).expect("fixed")))
        .expect("buffer");
    assert_eq!(
        copied.data.as_deref(),
        Some(&(0..=255).collect::<Vec<u8>>()[..])
    );
    assert_eq!(copied.max_byte_length, None);
}

#[test]
fn every_view_kind_with_offsets_lengths_and_one_shared_buffer() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_array_buffer((0..64).collect());
    let buffer_id = id(&buffer);
    let mut views = Vec::new();
    for kind in ViewKind::ALL {
        let size = kind.element_size();
        views.push(heap.make_view(kind, buffer_id, 8, Some(32 / size)));
    }
    let whole = heap.make_view(ViewKind::Uint8, buffer_id, 0, Some(64));
    views.push(whole);
    views.push(buffer.clone());
    let value = heap.make_array_from(views);
    let (record, target, copy) = round_trip(&mut heap, &value);
    // One ArrayBuffer record, met through the first view, referred to by every view.
    let buffers: Vec<usize> = record
        .objects
        .iter()
        .enumerate()
        .filter(|(_, o)| matches!(o, RecordObject::ArrayBuffer { .. }))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(buffers, vec![1]);
    assert_eq!(
        record.objects[2],
        RecordObject::ArrayBufferView {
            kind: ViewKind::Int8,
            buffer: ObjectIndex(1),
            byte_offset: 8,
            length: Some(32),
        }
    );
    // In the copy, every view is over the one new buffer, which is the array's last element.
    let array = target.object(id(&copy)).expect("array");
    let copy_buffer = id(array.get(&k("14")).expect("buffer"));
    for i in 0..14 {
        let NativeKind::View(view) = kind(&target, array.get(&k(&i.to_string())).expect("view"))
        else {
            panic!("not a view")
        };
        assert_eq!(view.buffer, copy_buffer);
    }
}

#[test]
fn length_tracking_views_over_resizable_buffers() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_resizable_array_buffer(vec![0; 16], Some(1024));
    let tracking = heap.make_view(ViewKind::Float32, id(&buffer), 4, None);
    let data_view = heap.make_view(ViewKind::DataView, id(&buffer), 0, None);
    let value = heap.make_array_from([tracking, data_view]);
    let (record, target, copy) = round_trip(&mut heap, &value);
    assert!(matches!(
        record.objects[2],
        RecordObject::ArrayBufferView {
            length: None,
            byte_offset: 4,
            kind: ViewKind::Float32,
            ..
        }
    ));
    let array = target.object(id(&copy)).expect("array");
    assert_eq!(
        target.view_byte_length(id(array.get(&k("0")).expect("view"))),
        Some(12)
    );
}

#[test]
fn view_alone_brings_its_whole_buffer() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_array_buffer((0..100).collect());
    let view = heap.make_view(ViewKind::Uint16, id(&buffer), 10, Some(5));
    let (record, target, copy) = round_trip(&mut heap, &view);
    assert_eq!(record.objects.len(), 2);
    let NativeKind::View(copy_view) = kind(&target, &copy) else {
        panic!("not a view")
    };
    assert_eq!(target.buffer_byte_length(copy_view.buffer), Some(100));
}

#[test]
fn map_keeps_insertion_order_and_cycles_through_keys_and_values() {
    let mut heap = NativeHeap::new();
    let map = heap.make_map([]);
    let map_id = id(&map);
    let node = heap.make_object([("owner", map.clone())]);
    let entries = vec![
        (NativeValue::from("z"), 1.0.into()),
        (map.clone(), map.clone()),
        (node.clone(), node.clone()),
        (NativeValue::from(-0.0), NativeValue::Null),
        (NativeValue::from("a"), node),
    ];
    if let Some(object) = heap.object_mut(map_id) {
        object.kind = NativeKind::Map(entries);
    }
    let (record, target, copy) = round_trip(&mut heap, &map);
    // The Map's record is reserved (memory) before its entries are serialized.
    let RecordObject::Map { entries } = &record.objects[0] else {
        panic!("not a Map record")
    };
    assert_eq!(
        entries[1],
        (
            RecordValue::Object(ObjectIndex(0)),
            RecordValue::Object(ObjectIndex(0))
        )
    );
    assert_eq!(entries[2].0, RecordValue::Object(ObjectIndex(1)));
    let NativeKind::Map(copied) = kind(&target, &copy) else {
        panic!("not a Map")
    };
    assert_eq!(copied[0].0, NativeValue::from("z"));
    assert_eq!(copied[1], (copy.clone(), copy.clone()));
    assert_eq!(copied[4].1, copied[2].1, "the node is shared");
}

#[test]
fn set_with_cycle_and_shared_entries() {
    let mut heap = NativeHeap::new();
    let set = heap.make_set([]);
    let shared = heap.make_array_from([1.0.into()]);
    let holder = heap.make_object([("set", set.clone()), ("shared", shared.clone())]);
    if let Some(object) = heap.object_mut(id(&set)) {
        object.kind = NativeKind::Set(vec![
            3.0.into(),
            set.clone(),
            shared.clone(),
            holder.clone(),
            "x".into(),
        ]);
    }
    let (_, target, copy) = round_trip(&mut heap, &holder);
    let root = target.object(id(&copy)).expect("holder");
    let copy_set = root.get(&k("set")).expect("set").clone();
    let NativeKind::Set(entries) = kind(&target, &copy_set) else {
        panic!("not a Set")
    };
    assert_eq!(entries[1], copy_set);
    assert_eq!(Some(&entries[2]), root.get(&k("shared")));
    assert_eq!(entries[3], copy);
}

#[test]
fn errors_keep_normalised_name_and_own_data_message() {
    let mut heap = NativeHeap::new();
    let type_error = heap.make_error(ErrorName::TypeError, Some("bad type".into()));
    let no_message = heap.make_error(ErrorName::RangeError, None);
    let custom = heap.make_error(ErrorName::Error, Some(42.0.into()));
    heap.set(id(&custom), "name", "CustomError".into());
    let renamed = heap.make_error(ErrorName::Error, Some("m".into()));
    heap.set(id(&renamed), "name", "URIError".into());
    let not_string = heap.make_error(ErrorName::SyntaxError, Some("m".into()));
    heap.set(id(&not_string), "name", 5.0.into());
    let accessor = heap.make_error(ErrorName::EvalError, None);
    heap.set(
        id(&accessor),
        "message",
        NativeValue::Throwing("getter".into()),
    );
    let value = heap.make_array_from([
        type_error, no_message, custom, renamed, not_string, accessor,
    ]);
    let (record, _, _) = round_trip(&mut heap, &value);
    let errors: Vec<RecordObject> = record.objects[1..].to_vec();
    let error = |name, message: Option<&str>| RecordObject::Error {
        name,
        message: message.map(postern_clone::CloneString::from),
    };
    assert_eq!(
        errors,
        vec![
            error(ErrorName::TypeError, Some("bad type")),
            error(ErrorName::RangeError, None),
            error(ErrorName::Error, Some("42")),
            error(ErrorName::UriError, Some("m")),
            // A name that is not a String is "Error".
            error(ErrorName::Error, Some("m")),
            // A message that is an accessor is not read.
            error(ErrorName::EvalError, None),
        ]
    );
}

#[test]
fn dom_exception_is_serializable() {
    let mut heap = NativeHeap::new();
    let exception = heap.make_dom_exception("AbortError", "stopped");
    let value = heap.make_object([("e", exception.clone()), ("again", exception)]);
    let (record, target, copy) = round_trip(&mut heap, &value);
    assert_eq!(record.platform.len(), 1);
    assert_eq!(record.platform[0].interface, "DOMException");
    assert_eq!(
        record.platform[0].fields,
        vec![
            ("Name".to_owned(), RecordValue::String(k("AbortError"))),
            ("Message".to_owned(), RecordValue::String(k("stopped"))),
        ]
    );
    let root = target.object(id(&copy)).expect("root");
    assert_eq!(root.get(&k("e")), root.get(&k("again")));
}

#[test]
fn platform_fields_are_sub_serialized_with_the_same_memory() {
    // The spec's `Person` example: a best friend that refers back.
    let mut heap = NativeHeap::new();
    heap.define_interface(
        "Person",
        postern_clone::native::NativeInterface::SERIALIZABLE,
    );
    let alice = heap.make_platform("Person", [("Name".to_owned(), "Alice".into())]);
    let bob = heap.make_platform(
        "Person",
        [
            ("Name".to_owned(), "Bob".into()),
            ("BestFriend".to_owned(), alice.clone()),
        ],
    );
    if let Some(object) = heap.object_mut(id(&alice))
        && let NativeKind::Platform(platform) = &mut object.kind
    {
        platform.fields.push(("BestFriend".into(), bob.clone()));
    }
    let mut target = NativeHeap::new();
    target.define_interface(
        "Person",
        postern_clone::native::NativeInterface::SERIALIZABLE,
    );
    let record = postern_clone::structured_serialize(&mut heap, &alice).expect("serializes");
    let copy = structured_deserialize(&mut target, &record).expect("deserializes");
    assert!(isomorphic((&heap, &alice), (&target, &copy)));
}

#[test]
fn shared_array_buffer_when_cross_origin_isolated() {
    let mut heap = NativeHeap::new();
    let shared = heap.make_shared_array_buffer(&[1, 2, 3, 4], None);
    let view = heap.make_view(ViewKind::Uint8, id(&shared), 1, Some(2));
    let value = heap.make_array_from([shared.clone(), view]);
    let options = SerializeOptions {
        for_storage: false,
        cross_origin_isolated: true,
    };
    let record = structured_serialize_with_options(&mut heap, &value, options).expect("serializes");
    let mut target = NativeHeap::new();
    let copy = structured_deserialize(&mut target, &record).expect("deserializes");
    assert!(isomorphic((&heap, &value), (&target, &copy)));
    // The memory is shared: a write through the source is seen by the copy.
    let NativeKind::SharedArrayBuffer(source) = kind(&heap, &shared) else {
        panic!("not shared")
    };
    let array = target.object(id(&copy)).expect("array");
    let NativeKind::SharedArrayBuffer(copied) = kind(&target, array.get(&k("0")).expect("sab"))
    else {
        panic!("not shared")
    };
    assert!(source.block.set(0, 99));
    assert_eq!(copied.block.get(0), Some(99));
}

#[test]
fn owned_deserialization_moves_buffer_bytes() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_array_buffer(vec![7; 1000]);
    let view = heap.make_view(ViewKind::Uint8, id(&buffer), 0, Some(1000));
    let value = heap.make_array_from([buffer, view]);
    let record = postern_clone::structured_serialize(&mut heap, &value).expect("serializes");
    let RecordObject::ArrayBuffer { data, .. } = &record.objects[1] else {
        panic!("not a buffer")
    };
    let pointer = data.as_ptr();
    let mut target = NativeHeap::new();
    let copy =
        postern_clone::structured_deserialize_owned(&mut target, record).expect("deserializes");
    assert!(isomorphic((&heap, &value), (&target, &copy)));
    let array = target.object(id(&copy)).expect("array");
    let moved = target
        .array_buffer(id(array.get(&k("0")).expect("buffer")))
        .and_then(|b| b.data.as_ref())
        .expect("bytes");
    assert_eq!(
        moved.as_ptr(),
        pointer,
        "the record's bytes moved, not copied"
    );
}

#[test]
fn platform_bytes_are_shared_not_copied_and_encoded_as_plain_bytes() {
    // A Blob-like object: its bytes are an immutable shared buffer; the record and the copy
    // share it (a Blob posted to another agent copies nothing), while the byte encoding
    // holds the bytes themselves and decodes into a buffer of its own.
    let interface = postern_clone::native::NativeInterface::SERIALIZABLE;
    let mut heap = NativeHeap::new();
    heap.define_interface("Blob", interface);
    let whole = postern_clone::SharedBytes::new(b"0123456789".to_vec());
    let blob = heap.make_platform("Blob", []);
    if let Some(object) = heap.object_mut(id(&blob))
        && let NativeKind::Platform(platform) = &mut object.kind
    {
        platform.bytes = whole.slice(2, 6);
    }
    let record = postern_clone::structured_serialize(&mut heap, &blob).expect("serializes");
    let in_record = &record.platform[0].bytes;
    assert_eq!(&**in_record, b"2345");
    assert!(
        in_record.shares_buffer_with(&whole),
        "the record shares the buffer"
    );
    let mut target = NativeHeap::new();
    target.define_interface("Blob", interface);
    let copy = structured_deserialize(&mut target, &record).expect("deserializes");
    let Some(NativeKind::Platform(platform)) = target.object(id(&copy)).map(|o| &o.kind) else {
        panic!("not a platform object");
    };
    assert_eq!(&*platform.bytes, b"2345");
    assert!(
        platform.bytes.shares_buffer_with(&whole),
        "so does the copy"
    );
    let encoded = record.to_bytes().expect("encodes");
    let decoded = postern_clone::SerializedRecord::from_bytes(&encoded).expect("decodes");
    assert_eq!(decoded, record);
    assert!(!decoded.platform[0].bytes.shares_buffer_with(&whole));
}
