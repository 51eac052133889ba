//! Random graphs mixing every cloneable kind (Maps, Sets, Dates, wrappers, Errors,
//! ArrayBuffers with views over them, plain objects and arrays), with sharing and cycles
//! through properties, Map keys and values, Set entries and views' buffers: they round-trip
//! to an isomorphic graph, serializing the copy gives the same record, and the record
//! survives the byte encoding.

mod common;

use common::round_trip;
use postern_clone::native::{NativeHeap, NativeKind, NativeObject, NativeObjectId, NativeValue};
use postern_clone::{
    ErrorName, RecordString, SerializedRecord, ViewKind, structured_deserialize_owned,
    structured_serialize,
};
use proptest::prelude::*;

/// A value in a generated graph: a primitive, or a reference to object `n % count`.
#[derive(Clone, Debug)]
enum Gen {
    Value(NativeValue),
    Ref(usize),
}

#[derive(Clone, Debug)]
enum GenKind {
    Ordinary,
    Array(u32),
    Map,
    Set,
    Date(f64),
    Number(f64),
    Error(usize, Option<String>),
    Buffer(Vec<u8>, bool),
    /// A view of kind `ViewKind::ALL[k % 13]` over object `n` (or the fallback buffer), at
    /// an offset and length fitted into the buffer.
    View(usize, usize, usize, Option<usize>),
}

#[derive(Clone, Debug)]
struct GenObject {
    kind: GenKind,
    entries: Vec<(Gen, Gen)>,
}

fn primitive() -> impl Strategy<Value = NativeValue> {
    prop_oneof![
        Just(NativeValue::Undefined),
        Just(NativeValue::Null),
        any::<bool>().prop_map(NativeValue::Boolean),
        any::<f64>().prop_map(NativeValue::Number),
        prop::sample::select(vec![0.0, -0.0, f64::NAN]).prop_map(NativeValue::Number),
        "-?[1-9][0-9]{0,20}".prop_map(NativeValue::BigInt),
        prop::collection::vec(any::<u16>(), 0..4)
            .prop_map(|u| NativeValue::String(RecordString::from(u))),
        "[a-c]{1,2}".prop_map(|s| NativeValue::from(s.as_str())),
    ]
}

fn value() -> impl Strategy<Value = Gen> {
    prop_oneof![
        1 => primitive().prop_map(Gen::Value),
        1 => any::<usize>().prop_map(Gen::Ref),
    ]
}

fn kind() -> impl Strategy<Value = GenKind> {
    prop_oneof![
        3 => Just(GenKind::Ordinary),
        2 => (0u32..6).prop_map(GenKind::Array),
        2 => Just(GenKind::Map),
        2 => Just(GenKind::Set),
        // Time values a Date can hold: integral within ±8.64e15, or NaN.
        1 => prop_oneof![(-8.64e15f64..=8.64e15).prop_map(|t| t.trunc() + 0.0), Just(f64::NAN)]
            .prop_map(GenKind::Date),
        1 => any::<f64>().prop_map(GenKind::Number),
        1 => (0usize..7, prop::option::of("[a-z]{0,4}")).prop_map(|(n, m)| GenKind::Error(n, m)),
        2 => (prop::collection::vec(any::<u8>(), 0..48), any::<bool>())
            .prop_map(|(b, r)| GenKind::Buffer(b, r)),
        3 => (any::<usize>(), any::<usize>(), any::<usize>(), prop::option::of(any::<usize>()))
            .prop_map(|(n, k, o, l)| GenKind::View(n, k, o, l)),
    ]
}

fn graph() -> impl Strategy<Value = (Vec<GenObject>, Gen)> {
    let object = (kind(), prop::collection::vec((value(), value()), 0..5))
        .prop_map(|(kind, entries)| GenObject { kind, entries });
    (prop::collection::vec(object, 1..12), value())
}

/// Builds the graph in a heap.
fn build((objects, root): &(Vec<GenObject>, Gen)) -> (NativeHeap, NativeValue) {
    let mut heap = NativeHeap::new();
    let fallback = match heap.make_resizable_array_buffer(vec![5; 24], Some(64)) {
        NativeValue::Object(id) => id,
        _ => unreachable!(),
    };
    // Buffers and plain kinds first, so views can refer to any buffer.
    let mut ids: Vec<Option<NativeObjectId>> = vec![None; objects.len()];
    for (slot, object) in ids.iter_mut().zip(objects) {
        let kind = match &object.kind {
            GenKind::Ordinary => NativeKind::Ordinary,
            GenKind::Array(length) => NativeKind::Array { length: *length },
            GenKind::Map => NativeKind::Map(Vec::new()),
            GenKind::Set => NativeKind::Set(Vec::new()),
            GenKind::Date(t) => NativeKind::Date(*t),
            GenKind::Number(n) => NativeKind::NumberObject(*n),
            GenKind::Error(name, _) => NativeKind::Error(ErrorName::ALL[name % 7]),
            GenKind::Buffer(bytes, resizable) => {
                NativeKind::ArrayBuffer(Box::new(postern_clone::native::NativeArrayBuffer {
                    data: Some(bytes.clone()),
                    max_byte_length: resizable.then_some(bytes.len() + 16),
                }))
            }
            GenKind::View(..) => continue,
        };
        let mut native = NativeObject::new(kind);
        if let GenKind::Error(_, Some(message)) = &object.kind {
            native.set("message", message.as_str().into());
        }
        *slot = Some(heap.alloc(native));
    }
    for (i, object) in objects.iter().enumerate() {
        let GenKind::View(n, k, offset, length) = &object.kind else {
            continue;
        };
        let target = ids[n % ids.len()];
        let buffer = match target {
            Some(id) if heap.array_buffer(id).is_some() => id,
            _ => fallback,
        };
        let (byte_length, resizable) = match heap.array_buffer(buffer) {
            Some(b) => (b.byte_length(), b.max_byte_length.is_some()),
            None => (0, false),
        };
        let kind = ViewKind::ALL[k % ViewKind::ALL.len()];
        let size = kind.element_size();
        let offset = (offset % (byte_length / size + 1)) * size;
        let room = (byte_length - offset) / size;
        // Length-tracking only over a resizable buffer.
        let length = match length {
            None if resizable => None,
            None => Some(room),
            Some(l) => Some(l % (room + 1)),
        };
        ids[i] = match heap.make_view(kind, buffer, offset, length) {
            NativeValue::Object(id) => Some(id),
            _ => None,
        };
    }
    let ids: Vec<NativeObjectId> = ids.into_iter().map(|id| id.unwrap_or(fallback)).collect();
    let resolve = |g: &Gen| match g {
        Gen::Value(v) => v.clone(),
        Gen::Ref(n) => NativeValue::Object(ids[n % ids.len()]),
    };
    for (object, id) in objects.iter().zip(&ids) {
        let Some(native) = heap.object_mut(*id) else {
            continue;
        };
        match &mut native.kind {
            NativeKind::Map(entries) => {
                entries.extend(object.entries.iter().map(|(k, v)| (resolve(k), resolve(v))));
            }
            NativeKind::Set(entries) => {
                entries.extend(object.entries.iter().map(|(_, v)| resolve(v)))
            }
            NativeKind::Ordinary | NativeKind::Array { .. } => {
                for (j, (_, v)) in object.entries.iter().enumerate() {
                    let key = ["a", "0", "b", "2", "$"][j % 5];
                    native.set(key, resolve(v));
                }
            }
            _ => {}
        }
    }
    let root = resolve(root);
    (heap, root)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn mixed_graphs_round_trip(g in graph()) {
        let (mut heap, value) = build(&g);
        let (record, mut target, copy) = round_trip(&mut heap, &value);
        // Serializing the copy gives the same record: same order, same sharing.
        let again = structured_serialize(&mut target, &copy).expect("serializes again");
        prop_assert_eq!(format!("{again:?}"), format!("{record:?}"));
        // The byte encoding keeps it, and the owned deserialization agrees.
        let bytes = record.to_bytes().expect("encodes");
        let decoded = SerializedRecord::from_bytes(&bytes).expect("decodes");
        prop_assert_eq!(format!("{decoded:?}"), format!("{record:?}"));
        let mut owned = NativeHeap::new();
        let copy2 = structured_deserialize_owned(&mut owned, decoded).expect("deserializes");
        prop_assert!(postern_clone::native::isomorphic((&heap, &value), (&owned, &copy2)));
    }
}
