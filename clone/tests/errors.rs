//! Values that do not clone: DataCloneError messages with paths, and thrown exceptions.

mod common;

use postern_clone::native::{NativeError, NativeHeap, NativeKind, NativeObject, NativeValue};
use postern_clone::{CloneString, SerializeError, structured_serialize};

/// The DataCloneError message serializing `value` gives.
fn message(heap: &mut NativeHeap, value: &NativeValue) -> String {
    match structured_serialize(heap, value) {
        Err(SerializeError::DataClone(error)) => error.message,
        Err(SerializeError::Host(error)) => panic!("unexpected exception {error:?}"),
        Ok(record) => panic!("unexpectedly cloned: {record:?}"),
    }
}

#[test]
fn function_deep_inside() {
    let mut heap = NativeHeap::new();
    let handler = heap.make_function();
    let item = heap.make_object([("name", "x".into()), ("handler", handler)]);
    let items = heap.make_array_from([1.0.into(), 2.0.into(), 3.0.into(), item]);
    let value = heap.make_object([("items", items)]);
    assert_eq!(
        message(&mut heap, &value),
        "value.items[3].handler is a function and cannot be cloned"
    );
}

#[test]
fn symbol_property() {
    let mut heap = NativeHeap::new();
    let value = heap.make_object([("n", 1.0.into()), ("s", NativeValue::Symbol("tag".into()))]);
    assert_eq!(
        message(&mut heap, &value),
        "value.s is a symbol and cannot be cloned"
    );
}

#[test]
fn not_serializable_object() {
    let mut heap = NativeHeap::new();
    let weak = heap.make_not_serializable("a WeakMap");
    let value = heap.make_object([("w", weak)]);
    assert_eq!(
        message(&mut heap, &value),
        "value.w is a WeakMap and cannot be cloned"
    );
}

#[test]
fn errors_at_the_root() {
    let mut heap = NativeHeap::new();
    let symbol = NativeValue::Symbol("s".into());
    assert_eq!(
        message(&mut heap, &symbol),
        "value is a symbol and cannot be cloned"
    );
    let function = heap.make_function();
    assert_eq!(
        message(&mut heap, &function),
        "value is a function and cannot be cloned"
    );
    let proxy = heap.make_not_serializable("a Proxy");
    assert_eq!(
        message(&mut heap, &proxy),
        "value is a Proxy and cannot be cloned"
    );
}

#[test]
fn quoted_keys_in_paths() {
    let mut heap = NativeHeap::new();
    let function = heap.make_function();
    let inner = heap.make_object([("say \"hi\"", function)]);
    let value = heap.make_object([("some key", inner)]);
    assert_eq!(
        message(&mut heap, &value),
        r#"value["some key"]["say \"hi\""] is a function and cannot be cloned"#
    );
}

#[test]
fn path_after_shared_and_finished_objects() {
    // Objects finished earlier, or met again, leave no trace in the path.
    let mut heap = NativeHeap::new();
    let shared = heap.make_object([("ok", 1.0.into())]);
    let function = heap.make_function();
    let bad = heap.make_array(3, [("2", function)]);
    let value = heap.make_object([("first", shared.clone()), ("second", shared), ("list", bad)]);
    assert_eq!(
        message(&mut heap, &value),
        "value.list[2] is a function and cannot be cloned"
    );
}

#[test]
fn path_through_a_cycle() {
    let mut heap = NativeHeap::new();
    let a = heap.alloc(NativeObject::new(NativeKind::Ordinary));
    let b = heap.alloc(NativeObject::new(NativeKind::Ordinary));
    heap.set(a, "b", b.into());
    heap.set(b, "back", a.into());
    heap.set(b, "f", NativeValue::Symbol("x".into()));
    assert_eq!(
        message(&mut heap, &a.into()),
        "value.b.f is a symbol and cannot be cloned"
    );
}

#[test]
fn deep_path() {
    let mut heap = NativeHeap::new();
    let mut value = heap.make_function();
    for _ in 0..1000 {
        value = heap.make_array_from([value]);
    }
    let expected = format!(
        "value{} is a function and cannot be cloned",
        "[0]".repeat(1000)
    );
    assert_eq!(message(&mut heap, &value), expected);
}

#[test]
fn first_failure_in_walk_order_wins() {
    // Depth-first: the nested symbol under "a" is met before the function under "b".
    let mut heap = NativeHeap::new();
    let inner = heap.make_object([("deep", NativeValue::Symbol("s".into()))]);
    let function = heap.make_function();
    let value = heap.make_object([("a", inner), ("b", function)]);
    assert_eq!(
        message(&mut heap, &value),
        "value.a.deep is a symbol and cannot be cloned"
    );
}

#[test]
fn throwing_getter_propagates_the_exception() {
    let mut heap = NativeHeap::new();
    let inner = heap.make_object([
        ("ok", 1.0.into()),
        ("boom", NativeValue::Throwing("getter threw".into())),
    ]);
    // A function after the throwing getter is never reached.
    let function = heap.make_function();
    let value = heap.make_object([("inner", inner), ("f", function)]);
    match structured_serialize(&mut heap, &value) {
        Err(SerializeError::Host(error)) => {
            assert_eq!(error, NativeError::Thrown("getter threw".into()));
        }
        other => panic!("expected the exception, got {other:?}"),
    }
}

#[test]
fn throwing_getter_after_a_data_clone_error_is_not_reached() {
    let mut heap = NativeHeap::new();
    let value = heap.make_object([
        ("s", NativeValue::Symbol("s".into())),
        ("boom", NativeValue::Throwing("never".into())),
    ]);
    assert_eq!(
        message(&mut heap, &value),
        "value.s is a symbol and cannot be cloned"
    );
}

#[test]
fn object_of_another_heap_is_not_serializable() {
    let mut other = NativeHeap::new();
    let mut foreign = NativeValue::Undefined;
    for _ in 0..6 {
        foreign = other.make_function();
    }
    let mut heap = NativeHeap::new();
    let value = heap.make_object([(CloneString::from("w"), foreign)]);
    let error = structured_serialize(&mut heap, &value).expect_err("fails");
    // Display is the message (it becomes the DOMException's message).
    assert_eq!(
        error.to_string(),
        "value.w is an unknown object and cannot be cloned"
    );
}
