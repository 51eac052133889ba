//! Depth is limited by memory, not by the call stack: these run on the default test thread.

mod common;

use common::round_trip;
use postern_clone::native::{NativeHeap, NativeKind, NativeObject, NativeValue};
use postern_clone::{ObjectIndex, RecordValue};

const DEPTH: usize = 1_000_000;

#[test]
fn million_deep_array_chain_round_trips() {
    let mut heap = NativeHeap::new();
    let mut value = heap.make_array_from([]);
    for _ in 1..DEPTH {
        value = heap.make_array_from([value]);
    }
    let (record, target, _) = round_trip(&mut heap, &value);
    assert_eq!(record.objects.len(), DEPTH);
    assert_eq!(target.len(), DEPTH);
    // The outermost array is met first, the innermost last.
    assert_eq!(record.root, RecordValue::Object(ObjectIndex(0)));
    assert!(common::properties_of(&record, DEPTH - 1).is_empty());
}

#[test]
fn million_deep_object_chain_with_a_cycle_back_to_the_root() {
    let mut heap = NativeHeap::new();
    let root = heap.alloc(NativeObject::new(NativeKind::Ordinary));
    let mut current = root;
    for _ in 1..DEPTH {
        let next = heap.alloc(NativeObject::new(NativeKind::Ordinary));
        heap.set(current, "next", next.into());
        heap.set(current, "after", 1.0.into());
        current = next;
    }
    heap.set(current, "root", root.into());
    round_trip(&mut heap, &NativeValue::Object(root));
}

#[test]
fn wide_array_round_trips() {
    let mut heap = NativeHeap::new();
    let shared = heap.make_object([("s", 1.0.into())]);
    let value = heap.make_array_from((0..200_000).map(|i| {
        if i % 3 == 0 {
            shared.clone()
        } else {
            NativeValue::Number(f64::from(i))
        }
    }));
    let (record, _, _) = round_trip(&mut heap, &value);
    assert_eq!(record.objects.len(), 2);
}
