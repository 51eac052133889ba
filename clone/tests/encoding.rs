//! The byte encoding of records: round trips, and hostile input refused cleanly.

// Test code (helpers outside #[test] fns too): a failed unwrap/expect is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::seeds::sample_records;
use postern_clone::encoding::{MAGIC, VERSION};
use postern_clone::native::{NativeHeap, isomorphic};
use postern_clone::{
    DecodeError, EncodeError, ObjectIndex, RecordObject, RecordValue, SerializeOptions,
    SerializedRecord, ViewKind, structured_deserialize, structured_serialize_with_options,
};

#[test]
fn every_sample_round_trips_through_bytes() {
    for (name, record) in sample_records() {
        let bytes = record.to_bytes().expect("encodes");
        assert_eq!(&bytes[..4], &MAGIC);
        assert_eq!(bytes[4], VERSION);
        let decoded = SerializedRecord::from_bytes(&bytes).expect(name);
        assert_eq!(format!("{decoded:?}"), format!("{record:?}"), "{name}");
        // And it deserializes to the same value as the original record.
        let (mut a, mut b) = (NativeHeap::new(), NativeHeap::new());
        let va = structured_deserialize(&mut a, &record).expect("original");
        let vb = structured_deserialize(&mut b, &decoded).expect("decoded");
        assert!(isomorphic((&a, &va), (&b, &vb)), "{name}");
    }
}

#[test]
fn array_buffer_bytes_are_stored_raw() {
    let record = SerializedRecord {
        root: RecordValue::Object(ObjectIndex(0)),
        objects: vec![RecordObject::ArrayBuffer {
            data: vec![0xAB; 1000],
            max_byte_length: None,
        }]
        .into(),
        ..Default::default()
    };
    let bytes = record.to_bytes().expect("encodes");
    assert!(bytes.len() < 1020, "{} bytes", bytes.len());
    assert!(bytes.windows(1000).any(|w| w.iter().all(|&b| b == 0xAB)));
}

#[test]
fn shared_memory_does_not_encode() {
    let mut heap = NativeHeap::new();
    let shared = heap.make_shared_array_buffer(&[1], None);
    let options = SerializeOptions {
        for_storage: false,
        cross_origin_isolated: true,
    };
    let record = structured_serialize_with_options(&mut heap, &shared, options).expect("ok");
    assert_eq!(record.to_bytes(), Err(EncodeError::SharedMemory));
}

#[test]
fn header_errors() {
    assert_eq!(
        SerializedRecord::from_bytes(b""),
        Err(DecodeError::BadMagic)
    );
    assert_eq!(
        SerializedRecord::from_bytes(b"PCL"),
        Err(DecodeError::BadMagic)
    );
    assert_eq!(
        SerializedRecord::from_bytes(b"XCLN\x01"),
        Err(DecodeError::BadMagic)
    );
    assert!(matches!(
        SerializedRecord::from_bytes(b"PCLN"),
        Err(DecodeError::Syntax(_))
    ));
    // Version 1 nested each object's properties: no longer read.
    assert_eq!(
        SerializedRecord::from_bytes(b"PCLN\x01\x00"),
        Err(DecodeError::UnsupportedVersion(1))
    );
    assert_eq!(
        SerializedRecord::from_bytes(b"PCLN\x03\x00"),
        Err(DecodeError::UnsupportedVersion(3))
    );
}

#[test]
fn truncations_and_trailing_bytes_are_refused() {
    for (name, record) in sample_records() {
        let bytes = record.to_bytes().expect("encodes");
        for end in 5..bytes.len() {
            assert!(
                SerializedRecord::from_bytes(&bytes[..end]).is_err(),
                "{name} truncated at {end}"
            );
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(
            SerializedRecord::from_bytes(&longer),
            Err(DecodeError::TrailingBytes(1))
        );
    }
}

#[test]
fn huge_length_fields_do_not_allocate() {
    // root: Undefined; objects: a length of 2^63 as a varint, then nothing.
    let mut bytes = MAGIC.to_vec();
    bytes.push(VERSION);
    bytes.push(0); // RecordValue::Undefined
    bytes.extend_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]);
    assert!(matches!(
        SerializedRecord::from_bytes(&bytes),
        Err(DecodeError::Syntax(_))
    ));
    // An ArrayBuffer claiming 4 GiB of data with 3 bytes present.
    let record = SerializedRecord {
        root: RecordValue::Object(ObjectIndex(0)),
        objects: vec![RecordObject::ArrayBuffer {
            data: vec![1, 2, 3],
            max_byte_length: None,
        }]
        .into(),
        ..Default::default()
    };
    let mut bytes = record.to_bytes().expect("encodes");
    let at = bytes
        .windows(4)
        .position(|w| w == [3, 1, 2, 3])
        .expect("length");
    bytes.splice(at..=at, [0x80, 0x80, 0x80, 0x80, 0x10]);
    assert!(matches!(
        SerializedRecord::from_bytes(&bytes),
        Err(DecodeError::Syntax(_))
    ));
}

fn invalid(record: SerializedRecord) -> String {
    let bytes = record.to_bytes().expect("encodes");
    match SerializedRecord::from_bytes(&bytes) {
        Err(DecodeError::Invalid(message)) => message,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn decoded_records_are_validated() {
    let view = |buffer, byte_offset, length| RecordObject::ArrayBufferView {
        kind: ViewKind::Float64,
        buffer: ObjectIndex(buffer),
        byte_offset,
        length,
    };
    let buffer = RecordObject::ArrayBuffer {
        data: vec![0; 16],
        max_byte_length: None,
    };
    let with = |objects: Vec<RecordObject>| SerializedRecord {
        root: RecordValue::Object(ObjectIndex(0)),
        objects: objects.into(),
        ..Default::default()
    };
    assert_eq!(
        invalid(with(vec![])),
        "root refers to object 0, but the record has 0 objects"
    );
    assert_eq!(
        invalid(with(vec![view(1, 8, Some(2)), buffer.clone()])),
        "objects[0] is a Float64Array that does not fit in its buffer of 16 bytes"
    );
    assert_eq!(
        invalid(with(vec![view(1, 4, Some(1)), buffer.clone()])),
        "objects[0] is a Float64Array whose byte offset 4 is not a multiple of 8"
    );
    assert_eq!(
        invalid(with(vec![view(1, 0, None), buffer.clone()])),
        "objects[0] is a length-tracking Float64Array over a buffer that is not resizable"
    );
    assert_eq!(
        invalid(with(vec![view(0, 0, Some(0))])),
        "objects[0]'s buffer is an ArrayBuffer view, not an ArrayBuffer"
    );
    assert_eq!(
        invalid(with(vec![view(9, 0, Some(0))])),
        "objects[0] has a buffer 9 out of range"
    );
    assert_eq!(
        invalid(with(vec![RecordObject::RegExp(Box::new(
            postern_clone::RegExpRecord {
                source: "a".into(),
                flags: "gg".into(),
            }
        ))])),
        "objects[0] is a RegExp with malformed flags \"gg\""
    );
    assert_eq!(
        invalid(with(vec![RecordObject::ArrayBuffer {
            data: vec![0; 9],
            max_byte_length: Some(8),
        }])),
        "objects[0] is a resizable ArrayBuffer whose byte length 9 exceeds its maximum 8"
    );
    assert_eq!(
        invalid(with(vec![RecordObject::Platform(
            postern_clone::PlatformIndex(0)
        )])),
        "objects[0] has a platform record 0 out of range"
    );
    assert_eq!(
        invalid(with(vec![RecordObject::Set {
            entries: vec![RecordValue::BigInt("x".into())]
        }])),
        "objects[0] holds a value that is a BigInt with malformed digits \"x\""
    );
    // Runs of properties: within the record, in order, never overlapping.
    let run = |start, len| RecordObject::Object {
        properties: postern_clone::PropertyRange { start, len },
    };
    let with_properties = |objects: Vec<RecordObject>| SerializedRecord {
        properties: vec![
            ("a".into(), RecordValue::Null),
            ("b".into(), RecordValue::Null),
        ]
        .into(),
        ..with(objects)
    };
    assert!(
        SerializedRecord::from_bytes(
            &with_properties(vec![run(0, 1), run(1, 1)])
                .to_bytes()
                .expect("encodes")
        )
        .is_ok()
    );
    for (objects, expected) in [
        (
            vec![run(1, 2)],
            "objects[0] has properties 1..+2, which are not after the previous object's within the record's 2",
        ),
        (
            vec![run(0, 2), run(1, 1)],
            "objects[1] has properties 1..+1, which are not after the previous object's within the record's 2",
        ),
        (
            vec![run(u32::MAX, u32::MAX)],
            "objects[0] has properties 4294967295..+4294967295, which are not after the previous object's within the record's 2",
        ),
    ] {
        assert_eq!(invalid(with_properties(objects)), expected);
    }
    let mut bad_value = with_properties(vec![run(0, 2)]);
    bad_value.properties[1].1 = RecordValue::Object(ObjectIndex(5));
    assert_eq!(
        invalid(bad_value),
        "properties[1] refers to object 5, but the record has 1 objects"
    );
}
