//! What does not clone among the kinds with internal slots, and the deserialize-side
//! DataCloneErrors the host makes.

mod common;

use common::{clone_error, id};
use postern_clone::native::{NativeError, NativeHeap, NativeInterface, NativeKind, NativeValue};
use postern_clone::{
    DeserializeError, ErrorName, SerializeError, SerializeOptions, ViewKind,
    structured_deserialize, structured_serialize, structured_serialize_for_storage,
    structured_serialize_with_options,
};

const ISOLATED: SerializeOptions = SerializeOptions {
    for_storage: false,
    cross_origin_isolated: true,
};

fn detach(heap: &mut NativeHeap, buffer: &NativeValue) {
    if let Some(object) = heap.object_mut(id(buffer))
        && let NativeKind::ArrayBuffer(b) = &mut object.kind
    {
        b.data = None;
    }
}

#[test]
fn detached_array_buffer() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_array_buffer(vec![1, 2]);
    detach(&mut heap, &buffer);
    let value = heap.make_object([("buf", buffer)]);
    assert_eq!(
        clone_error(&mut heap, &value),
        "value.buf is a detached ArrayBuffer and cannot be cloned"
    );
}

#[test]
fn view_over_a_detached_buffer_is_out_of_bounds() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_array_buffer(vec![0; 8]);
    let view = heap.make_view(ViewKind::Float64, id(&buffer), 0, Some(1));
    detach(&mut heap, &buffer);
    let value = heap.make_array_from([view]);
    assert_eq!(
        clone_error(&mut heap, &value),
        "value[0] is a Float64Array out of bounds of its (possibly detached) buffer and cannot \
         be cloned"
    );
}

#[test]
fn view_past_the_end_of_a_shrunk_buffer() {
    let mut heap = NativeHeap::new();
    let buffer = heap.make_resizable_array_buffer(vec![0; 4], Some(16));
    let view = heap.make_view(ViewKind::DataView, id(&buffer), 8, None);
    assert_eq!(
        clone_error(&mut heap, &view),
        "value is a DataView out of bounds of its (possibly detached) buffer and cannot be cloned"
    );
}

#[test]
fn view_whose_buffer_is_not_a_buffer() {
    let mut heap = NativeHeap::new();
    let not_a_buffer = heap.make_object([("x", 1.0.into())]);
    let view = heap.make_view(ViewKind::Uint8, id(&not_a_buffer), 0, Some(0));
    let value = heap.make_object([("v", view)]);
    // The host lies (a view over an object): the spec's assertion fails as a DataCloneError.
    let message = match structured_serialize(&mut heap, &value) {
        Err(SerializeError::DataClone(e)) => e.message,
        other => panic!("{other:?}"),
    };
    assert!(
        message.starts_with("value.v is a Uint8Array out of bounds"),
        "{message}"
    );
}

#[test]
fn shared_array_buffer_needs_cross_origin_isolation_and_not_storage() {
    let mut heap = NativeHeap::new();
    let shared = heap.make_shared_array_buffer(&[1], None);
    let value = heap.make_object([("s", shared.clone())]);
    assert_eq!(
        clone_error(&mut heap, &value),
        "value.s is a SharedArrayBuffer (not cross-origin isolated) and cannot be cloned"
    );
    let storage = SerializeOptions {
        for_storage: true,
        cross_origin_isolated: true,
    };
    match structured_serialize_with_options(&mut heap, &value, storage) {
        Err(SerializeError::DataClone(e)) => assert_eq!(
            e.message,
            "value.s is a SharedArrayBuffer (for storage) and cannot be cloned"
        ),
        other => panic!("{other:?}"),
    }
    assert!(structured_serialize_for_storage(&mut heap, &value).is_err());
    // Through a view, the path names the buffer.
    let view = heap.make_view(ViewKind::Int32, id(&shared), 0, Some(0));
    let value = heap.make_object([("v", view)]);
    assert_eq!(
        clone_error(&mut heap, &value),
        "value.v.buffer is a SharedArrayBuffer (not cross-origin isolated) and cannot be cloned"
    );
}

#[test]
fn shared_array_buffer_of_another_agent_cluster_does_not_deserialize() {
    let mut heap = NativeHeap::new();
    let shared = heap.make_shared_array_buffer(&[1], Some(8));
    let record = structured_serialize_with_options(&mut heap, &shared, ISOLATED).expect("ok");
    let mut other = NativeHeap::new();
    other.set_agent_cluster(7);
    match structured_deserialize(&mut other, &record) {
        Err(DeserializeError::Host(NativeError::DataClone(m))) => {
            assert!(m.contains("agent cluster 0"), "{m}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn transferable_platform_object_does_not_clone_without_transfer() {
    let mut heap = NativeHeap::new();
    let port = heap.make_message_port(1.0);
    let value = heap.make_array_from([port]);
    assert_eq!(
        clone_error(&mut heap, &value),
        "value[0] is a MessagePort and cannot be cloned"
    );
    heap.define_interface("Element", NativeInterface::PLAIN);
    let element = heap.make_platform("Element", []);
    assert_eq!(
        clone_error(&mut heap, &element),
        "value is an Element and cannot be cloned"
    );
}

#[test]
fn platform_interface_not_exposed_in_the_target_realm() {
    let mut heap = NativeHeap::new();
    let exception = heap.make_dom_exception("DataError", "x");
    let record = structured_serialize(&mut heap, &exception).expect("serializes");
    let mut target = NativeHeap::new();
    target.define_interface(
        "DOMException",
        NativeInterface {
            exposed: false,
            ..NativeInterface::SERIALIZABLE
        },
    );
    match structured_deserialize(&mut target, &record) {
        Err(DeserializeError::Host(NativeError::DataClone(m))) => {
            assert_eq!(m, "DOMException is not exposed in the target realm");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn serialization_steps_that_throw() {
    let mut heap = NativeHeap::new();
    heap.define_interface("Thing", NativeInterface::SERIALIZABLE);
    let thing = heap.make_platform(
        "Thing",
        [("F".to_owned(), NativeValue::Throwing("no".into()))],
    );
    match structured_serialize(&mut heap, &thing) {
        Err(SerializeError::Host(NativeError::Thrown(m))) => assert_eq!(m, "no"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn platform_field_that_does_not_clone_has_a_path() {
    let mut heap = NativeHeap::new();
    heap.define_interface("Thing", NativeInterface::SERIALIZABLE);
    let function = heap.make_function();
    let thing = heap.make_platform("Thing", [("Callback".to_owned(), function)]);
    assert_eq!(
        clone_error(&mut heap, &thing),
        "value.[[Callback]] is a function and cannot be cloned"
    );
}

#[test]
fn error_name_getter_that_throws() {
    let mut heap = NativeHeap::new();
    let error = heap.make_error(ErrorName::Error, Some("m".into()));
    heap.set(
        id(&error),
        "name",
        NativeValue::Throwing("name getter".into()),
    );
    match structured_serialize(&mut heap, &error) {
        Err(SerializeError::Host(NativeError::Thrown(m))) => assert_eq!(m, "name getter"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn error_message_that_does_not_convert_to_a_string() {
    let mut heap = NativeHeap::new();
    let error = heap.make_error(ErrorName::TypeError, Some(NativeValue::Symbol("s".into())));
    match structured_serialize(&mut heap, &error) {
        Err(SerializeError::Host(NativeError::Thrown(m))) => assert!(m.starts_with("TypeError")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn map_and_set_paths() {
    let mut heap = NativeHeap::new();
    let function = heap.make_function();
    let inner = heap.make_object([("handler", function.clone())]);
    let key_object = heap.make_object(Vec::<(&str, NativeValue)>::new());
    let map = heap.make_map([("k0".into(), 1.0.into()), ("k1".into(), inner)]);
    assert_eq!(
        clone_error(&mut heap, &map),
        r#"value.get("k1").handler is a function and cannot be cloned"#
    );
    let map = heap.make_map([
        (key_object.clone(), 1.0.into()),
        (function.clone(), 2.0.into()),
    ]);
    assert_eq!(
        clone_error(&mut heap, &map),
        "value.keys()[1] is a function and cannot be cloned"
    );
    let map = heap.make_map([(key_object, function.clone())]);
    assert_eq!(
        clone_error(&mut heap, &map),
        "value.values()[0] is a function and cannot be cloned"
    );
    let set = heap.make_set([1.0.into(), NativeValue::Symbol("s".into())]);
    let value = heap.make_object([("s", set)]);
    assert_eq!(
        clone_error(&mut heap, &value),
        "value.s.values()[1] is a symbol and cannot be cloned"
    );
}
