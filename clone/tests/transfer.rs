//! StructuredSerializeWithTransfer / StructuredDeserializeWithTransfer on the native model.

mod common;

use common::{id, k, kind};
use postern_clone::native::{NativeError, NativeHeap, NativeKind, NativeValue, isomorphic};
use postern_clone::{
    RecordObject, RecordValue, SerializeError, TransferDataHolder, TransferIndex, ViewKind,
    structured_deserialize_with_transfer, structured_serialize_with_transfer,
};

/// The DataCloneError message transferring `transfer` with `value` gives.
fn transfer_error(heap: &mut NativeHeap, value: &NativeValue, transfer: &[NativeValue]) -> String {
    let list: Vec<_> = transfer.iter().map(id).collect();
    match structured_serialize_with_transfer(heap, value, &list, false) {
        Err(SerializeError::DataClone(e)) => e.message,
        other => panic!("expected a DataCloneError, got {other:?}"),
    }
}

fn data_pointer(heap: &NativeHeap, buffer: &NativeValue) -> Option<*const u8> {
    heap.array_buffer(id(buffer))?
        .data
        .as_ref()
        .map(|d| d.as_ptr())
}

#[test]
fn array_buffer_moves_and_the_source_is_detached() {
    let mut heap = NativeHeap::new();
    let bytes: Vec<u8> = (0..=255).cycle().take(1 << 20).collect();
    let buffer = heap.make_array_buffer(bytes.clone());
    let view = heap.make_view(ViewKind::Uint32, id(&buffer), 16, Some(100));
    let value = heap.make_object([("buf", buffer.clone()), ("view", view.clone())]);
    let before = data_pointer(&heap, &buffer).expect("attached");

    let result =
        structured_serialize_with_transfer(&mut heap, &value, &[id(&buffer)], false).expect("ok");
    // The record refers to the holder; no byte was copied into it.
    assert_eq!(
        result.serialized.objects[0],
        RecordObject::Transferred(TransferIndex(0))
    );
    assert!(
        !result
            .serialized
            .objects
            .iter()
            .any(|o| matches!(o, RecordObject::ArrayBuffer { .. }))
    );
    // The source is detached, and its view sees it.
    assert_eq!(heap.buffer_byte_length(id(&buffer)), Some(0));
    assert_eq!(heap.view_out_of_bounds(id(&view)), Some(true));
    assert_eq!(heap.view_byte_length(id(&view)), Some(0));

    let mut target = NativeHeap::new();
    let (copy, transferred) =
        structured_deserialize_with_transfer(&mut target, result).expect("deserializes");
    assert_eq!(transferred.len(), 1);
    // O(1): the very same allocation now backs the new buffer.
    assert_eq!(data_pointer(&target, &transferred[0]), Some(before));
    let moved = target.array_buffer(id(&transferred[0])).expect("buffer");
    assert_eq!(moved.data.as_deref(), Some(&bytes[..]));
    // The copy's buffer is the transferred value, and its view is over it.
    let root = target.object(id(&copy)).expect("root");
    assert_eq!(root.get(&k("buf")), Some(&transferred[0]));
    let NativeKind::View(copy_view) = kind(&target, root.get(&k("view")).expect("view")) else {
        panic!("not a view")
    };
    assert_eq!(copy_view.buffer, id(&transferred[0]));
    assert_eq!(
        target.view_byte_length(id(root.get(&k("view")).expect("view"))),
        Some(400)
    );
}

#[test]
fn transferred_buffer_not_in_the_value_still_arrives() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_array_buffer(vec![1, 2, 3]);
    let value = NativeValue::from("message");
    let result =
        structured_serialize_with_transfer(&mut heap, &value, &[id(&buffer)], false).expect("ok");
    let mut target = NativeHeap::new();
    let (copy, transferred) =
        structured_deserialize_with_transfer(&mut target, result).expect("deserializes");
    assert_eq!(copy, "message".into());
    assert_eq!(
        target
            .array_buffer(id(&transferred[0]))
            .and_then(|b| b.data.clone()),
        Some(vec![1, 2, 3])
    );
}

#[test]
fn resizable_buffer_keeps_its_maximum() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_resizable_array_buffer(vec![9; 10], Some(100));
    let tracking = heap.make_view(ViewKind::Uint8, id(&buffer), 2, None);
    let result = structured_serialize_with_transfer(&mut heap, &tracking, &[id(&buffer)], false)
        .expect("ok");
    assert!(matches!(
        result.transfer_data_holders[0],
        TransferDataHolder::ArrayBuffer {
            max_byte_length: Some(100),
            ..
        }
    ));
    let mut target = NativeHeap::new();
    let (copy, transferred) =
        structured_deserialize_with_transfer(&mut target, result).expect("deserializes");
    let moved = target.array_buffer(id(&transferred[0])).expect("buffer");
    assert_eq!(moved.max_byte_length, Some(100));
    assert_eq!(target.view_byte_length(id(&copy)), Some(8));
}

#[test]
fn message_port_transfer_hooks() {
    let mut heap = NativeHeap::new();
    let port = heap.make_message_port(42.0);
    let value = heap.make_object([("port", port.clone())]);
    let result =
        structured_serialize_with_transfer(&mut heap, &value, &[id(&port)], false).expect("ok");
    let NativeKind::Platform(source) = kind(&heap, &port) else {
        panic!("not a platform object")
    };
    assert!(source.detached, "[[Detached]] is set");
    assert!(
        source.fields.is_empty(),
        "the transfer steps moved the state out"
    );
    let mut target = NativeHeap::new();
    let (copy, transferred) =
        structured_deserialize_with_transfer(&mut target, result).expect("deserializes");
    let NativeKind::Platform(received) = kind(&target, &transferred[0]) else {
        panic!("not a platform object")
    };
    assert_eq!(received.interface, "MessagePort");
    assert_eq!(
        received.fields,
        vec![("Port".to_owned(), NativeValue::Number(42.0))]
    );
    let root = target.object(id(&copy)).expect("root");
    assert_eq!(root.get(&k("port")), Some(&transferred[0]));
    // Transferring it again fails: it is detached.
    assert_eq!(
        transfer_error(&mut heap, &NativeValue::Null, &[port]),
        "transfer[0] is a detached MessagePort and cannot be transferred"
    );
}

#[test]
fn duplicates_are_refused_before_anything_is_detached() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_array_buffer(vec![1]);
    let other = heap.make_array_buffer(vec![2]);
    assert_eq!(
        transfer_error(
            &mut heap,
            &NativeValue::Null,
            &[buffer.clone(), other.clone(), buffer.clone()]
        ),
        "transfer[2] is listed twice (as transfer[0]) and cannot be transferred"
    );
    assert_eq!(heap.buffer_byte_length(id(&buffer)), Some(1));
    assert_eq!(heap.buffer_byte_length(id(&other)), Some(1));
}

#[test]
fn non_transferables_are_refused() {
    let mut heap = NativeHeap::new();
    let object = heap.make_object([("x", 1.0.into())]);
    let shared = heap.make_shared_array_buffer(&[1], None);
    let exception = heap.make_dom_exception("E", "m");
    let buffer = heap.make_array_buffer(vec![1]);
    let view = heap.make_view(ViewKind::Uint8, id(&buffer), 0, Some(1));
    assert_eq!(
        transfer_error(&mut heap, &NativeValue::Null, &[object]),
        "transfer[0] is not an ArrayBuffer or a transferable platform object and cannot be \
         transferred"
    );
    assert_eq!(
        transfer_error(&mut heap, &NativeValue::Null, &[buffer.clone(), shared]),
        "transfer[1] is a SharedArrayBuffer and cannot be transferred"
    );
    assert_eq!(
        transfer_error(&mut heap, &NativeValue::Null, &[exception]),
        "transfer[0] is a DOMException, not transferable and cannot be transferred"
    );
    assert_eq!(
        transfer_error(&mut heap, &NativeValue::Null, &[view]),
        "transfer[0] is a Uint8Array and cannot be transferred"
    );
    assert_eq!(
        heap.buffer_byte_length(id(&buffer)),
        Some(1),
        "nothing was detached"
    );
}

#[test]
fn detached_buffer_in_the_list_is_refused_after_serialization() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_array_buffer(vec![1, 2]);
    let value = heap.make_array_from([buffer.clone()]);
    structured_serialize_with_transfer(&mut heap, &value, &[id(&buffer)], false).expect("ok");
    // Now detached: in the value it refers to the holder, so only step 5.1 sees it.
    assert_eq!(
        transfer_error(&mut heap, &value, &[buffer]),
        "transfer[0] is a detached ArrayBuffer and cannot be transferred"
    );
}

#[test]
fn a_failed_serialization_detaches_nothing() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_array_buffer(vec![1, 2]);
    let function = heap.make_function();
    let value = heap.make_array_from([buffer.clone(), function]);
    assert_eq!(
        transfer_error(&mut heap, &value, std::slice::from_ref(&buffer)),
        "value[1] is a function and cannot be cloned"
    );
    assert_eq!(heap.buffer_byte_length(id(&buffer)), Some(2));
}

#[test]
fn copied_and_transferred_buffers_together() {
    let mut heap = NativeHeap::new();
    let moved = heap.make_array_buffer(vec![1; 32]);
    let copied = heap.make_array_buffer(vec![2; 32]);
    let views = [
        heap.make_view(ViewKind::Float64, id(&moved), 8, Some(2)),
        heap.make_view(ViewKind::Int16, id(&copied), 0, Some(16)),
        heap.make_view(ViewKind::DataView, id(&moved), 0, Some(32)),
    ];
    let value = heap.make_array_from(views.iter().cloned().chain([copied.clone()]));
    let snapshot = heap.clone();
    let result =
        structured_serialize_with_transfer(&mut heap, &value, &[id(&moved)], false).expect("ok");
    assert_eq!(
        result.serialized.root,
        RecordValue::Object(postern_clone::ObjectIndex(1))
    );
    let mut target = NativeHeap::new();
    let (copy, _) = structured_deserialize_with_transfer(&mut target, result).expect("ok");
    // Isomorphic to the value as it was before the transfer detached `moved`.
    assert!(isomorphic((&snapshot, &value), (&target, &copy)));
    assert_eq!(
        heap.buffer_byte_length(id(&copied)),
        Some(32),
        "copied, not detached"
    );
}

#[test]
fn port_with_object_state_fails_in_its_transfer_steps() {
    let mut heap = NativeHeap::new();
    let object = heap.make_object([("x", 1.0.into())]);
    let port = heap.make_platform("MessagePort", [("Port".to_owned(), object)]);
    match structured_serialize_with_transfer(&mut heap, &NativeValue::Null, &[id(&port)], false) {
        Err(SerializeError::Host(NativeError::DataClone(m))) => {
            assert!(m.contains("cannot be transferred"), "{m}");
        }
        other => panic!("{other:?}"),
    }
}
