//! Decodes hostile bytes as a record and, if they decode, deserializes the record into the
//! native model (validated or not): nothing may panic, and a validated record without
//! transfers never deserializes as Malformed.

#![no_main]

use libfuzzer_sys::fuzz_target;
use postern_clone::native::NativeHeap;
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
    let result = structured_deserialize(&mut NativeHeap::new(), &record);
    if valid && !transfers {
        assert!(!matches!(result, Err(DeserializeError::Malformed(_))));
    }
    let _ = postern_clone::structured_deserialize_owned(&mut NativeHeap::new(), record);
});
