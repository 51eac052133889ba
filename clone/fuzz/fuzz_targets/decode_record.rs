//! Decodes hostile bytes as a record and, if they decode, deserializes the record into the
//! native model (validated or not), from the record and consuming it: nothing may panic, a
//! validated record without transfers never deserializes as Malformed, and both ways give
//! the same value or the same error.

#![no_main]

use libfuzzer_sys::fuzz_target;
use postern_clone::native::{NativeHeap, isomorphic};
use postern_clone::{DeserializeError, RecordObject, SerializedRecord, structured_deserialize};

fuzz_target!(|bytes: &[u8]| {
    let Ok(record) = SerializedRecord::from_bytes_unvalidated(bytes) else {
        return;
    };
    let valid = record.validate().is_ok();
    let transfers = record
        .objects
        .iter()
        .any(|o| matches!(o, RecordObject::Transferred(_)));
    let mut borrowed = NativeHeap::new();
    let result = structured_deserialize(&mut borrowed, &record);
    if valid && !transfers {
        assert!(!matches!(result, Err(DeserializeError::Malformed(_))));
    }
    // Consuming the record gives the same value, or the same error.
    let mut owned = NativeHeap::new();
    let owned_result = postern_clone::structured_deserialize_owned(&mut owned, record);
    match (&result, &owned_result) {
        (Ok(a), Ok(b)) => assert!(isomorphic((&borrowed, a), (&owned, b))),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        _ => panic!("owned and borrowed deserialization differ"),
    }
});
